"""The archive search in headless Chromium, on the real built site.

Expected documents are found without the index: in the seed sources, or in
the text a reader sees on each built document page (``page_texts``), read
with BeautifulSoup, so text the indexer drops cannot shrink the expectation.
"""
from __future__ import annotations

from pathlib import Path
from urllib.parse import quote, unquote

import pytest
from bs4 import BeautifulSoup, Comment

from build_tools.mkdocs_glue.engine import build_site
from build_tools.benchmarks.browser import chromium, ranked_urls, serve, wait_for_search
from build_tools.benchmarks.search_eval import load_queries, score
from build_tools.search.normalise import normalise, parse_query
from conftest import HEADER_RESULT, ROOT, wait_for_header_results

pytestmark = pytest.mark.slow

DOC_NUMBERS = {
    # doc number as printed in the source's header → that source
    "楚教复〔2023〕27号": "source_docs/chuxiong-jiaoyu-2023-027-zhengxie-148-dafu.txt",
    "云阳府发〔2022〕4号": "source_docs/yunyang-fufa-2022-004-zhiye-jiaoyu-shishi-fangan.txt",
}


@pytest.fixture(scope="module")
def browser():
    with chromium() as running:
        yield running


@pytest.fixture(scope="module")
def base(site):
    with serve(site) as url:
        yield url


@pytest.fixture
def page(browser, base):
    tab = browser.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.goto(base)
    wait_for_search(tab)
    yield tab
    tab.close()
    assert not errors, errors


def main_page(converted, source: str) -> str:
    """URL of the main (non-annex) document converted from ``source``."""
    [slug] = [doc.slug for doc in converted.documents if str(doc.source.path) == source and not doc.part]
    return f"documents/{slug}/"


def sources_containing(text: str) -> set[str]:
    wanted = normalise(text)
    return {f"source_docs/{path.name}" for path in sorted((ROOT / "source_docs").glob("*.txt"))
            if wanted in normalise(path.read_text(encoding="utf-8"))}


def sources_of(urls: list[str], converted) -> set[str]:
    by_url = {f"documents/{doc.slug}/": str(doc.source.path) for doc in converted.documents}
    return {by_url[url] for url in urls}


# Elements that end a run of text on the page (a match never runs across them).
BLOCKS = ["p", "div", "li", "ul", "ol", "table", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6",
          "dl", "dt", "dd", "pre", "blockquote", "caption", "figcaption", "details", "summary", "section", "br", "hr"]


def own_text(html: str) -> list[str]:
    """The document's own text on its built page, one string per stretch between block boundaries.

    As the README says search reads it: the page's title heading, the metadata card and the
    relations list (the last 关联文件 heading to the end) are the site's words, not the document's.
    """
    article = BeautifulSoup(html, "html5lib").find("article")
    for chrome in article.find_all(["script", "style", "svg", "h1"]) + article.select(".headerlink, .doc-card"):
        chrome.decompose()
    relations = [h2 for h2 in article.find_all("h2", recursive=False) if h2.get_text(strip=True) == "关联文件"]
    if relations:
        for sibling in [relations[-1], *relations[-1].find_next_siblings()]:
            sibling.decompose()
    blocks, owner = [""], None
    for piece in article.find_all(string=lambda text: not isinstance(text, Comment)):
        boundary = piece.find_parent(BLOCKS)
        if boundary is not owner or any(tag.name in BLOCKS for tag in piece.find_all_previous(limit=1)):
            blocks.append("")
        owner, blocks[-1] = boundary, blocks[-1] + piece
    return [" ".join(block.split()) for block in blocks if block.strip()]


@pytest.fixture(scope="module")
def page_texts(site, pages) -> dict[str, str]:
    """URL → normalised own text of each document page as built, blocks on separate lines, plus
    its front-matter fields (searchable per the README); computed without the search index."""
    texts = {}
    for slug, (meta, _) in pages.items():
        html = (site / "documents" / slug / "index.html").read_text(encoding="utf-8")
        fields = [meta.get(name) for name in ("title", "doc_number", "issuer", "doc_type")]
        fields += ["、".join(meta.get("region") or []), str(meta.get("date") or "")[:4]]
        texts[f"documents/{slug}/"] = "\n".join(normalise(text) for text in [*map(str, filter(None, fields)), *own_text(html)])
    return texts


def pages_containing(query: str, texts: dict[str, str]) -> set[str]:
    """Pages holding every term of ``query`` (as the search matches them)."""
    terms = parse_query(query).terms
    return {url for url, text in texts.items() if all(term in text for term in terms)}


def test_document_numbers_in_every_spelling_rank_their_document_first(page, converted):
    for number, source in DOC_NUMBERS.items():
        assert number in "\n".join((ROOT / source).read_text(encoding="utf-8").splitlines()[:12])
        prefix, rest = number.split("〔")
        year, serial = rest.rstrip("号").split("〕")
        spellings = [number, number.replace("〔", "[").replace("〕", "]"),
                     number.replace("〔", "（").replace("〕", "）"), f"{prefix} {year} {serial}"]
        for ranked, spelling in zip(ranked_urls(page, spellings), spellings):
            assert ranked[:1] == [main_page(converted, source)], spelling


# 教育质量: other pages hold 教育 and 质量 in one section, apart; a search that checks
# bigrams but not their positions would return them.
@pytest.mark.parametrize("query", ["政协", "人民", "产教融合", "职业教育", "第 148 号", "云阳县", "教育质量"])
def test_every_page_containing_the_query_is_found_and_no_other(page, converted, page_texts, query):
    [ranked] = ranked_urls(page, [query])
    assert sources_containing(query), f"{query} should occur in a seed"
    assert len(ranked) == len(set(ranked)), "a page is listed twice"
    assert set(ranked) == pages_containing(query, page_texts)
    # A source may be split into a main page and annexes; one of them is found.
    assert sources_of(ranked, converted) >= sources_containing(query)


def test_text_that_occurs_nowhere_returns_nothing(page):
    # 融合产教: both its bigrams occur (in 产教融合), never in this order.
    queries = ["量子计算机", "产教融合 量子", "楚教复〔2023〕99号", "融合产教"]
    for query in queries:
        assert not any(parse_query(query).phrase in normalise(path.read_text(encoding="utf-8"))
                       for path in (ROOT / "source_docs").glob("*.txt"))
    assert ranked_urls(page, queries) == [[]] * len(queries)


# Labels of the card and the relations list on every page, and words of its provenance notice.
SITE_WORDS = ["来源与核验", "发文机关", "发文字号", "主送机关", "成文日期", "时效性", "原始文件", "来源文本", "文件关系", "忠实转录"]


def test_the_sites_own_words_find_no_document(page):
    """Only the document's text is indexed: a label on every page is no match for any of them."""
    assert not any(sources_containing(word) for word in SITE_WORDS)
    assert ranked_urls(page, SITE_WORDS) == [[] for _ in SITE_WORDS]


def test_a_document_number_result_shows_the_documents_own_text(page):
    number = "云阳府发〔2022〕4号"
    page.fill(".md-search__input", number)
    wait_for_header_results(page)
    first = page.locator(HEADER_RESULT).first
    assert first.get_attribute("href").split("#")[0].endswith("documents/yunyang-fufa-2022-004-zhiye-jiaoyu-shishi-fangan/")
    snippet = first.locator(".archive-search__snippet").inner_text()
    # The number as printed above the title, then the addressee line that follows it in the source.
    assert snippet.startswith(number) and "各乡镇人民政府" in snippet, snippet
    assert not any(word in snippet for word in SITE_WORDS), snippet


def test_browser_and_python_normalise_the_same_way(page):
    cases = ["楚教复〔2023〕27号", "ＡＢＣ １２３", "第 148 号", "Python   3　版", " 答 复\n\n你好 ", "【2022】（一）"]
    assert page.evaluate("cases => cases.map(c => archiveSearch.normalise(c))", cases) == [normalise(c) for c in cases]
    terms = page.evaluate("cases => cases.map(c => archiveSearch.parseQuery(c))", cases)
    assert [(t["terms"], t["phrase"]) for t in terms] == [(list(parse_query(c).terms), parse_query(c).phrase) for c in cases]


def test_header_box_shows_highlighted_snippets_linking_to_the_section(page, base):
    page.fill(".md-search__input", "产教融合")
    page.wait_for_selector(".md-search-result__list .md-search-result__link mark")
    first = page.locator(".md-search-result__list .md-search-result__link").first
    assert normalise(first.locator(".archive-search__snippet mark").first.inner_text()) == "产教融合"
    href = first.get_attribute("href")
    target, _, anchor = href.partition("#")
    page.goto(target)
    html = page.content()
    if anchor:
        assert BeautifulSoup(html, "html.parser").find(id=unquote(anchor)), href
    assert "产教融合" in normalise(BeautifulSoup(html, "html.parser").get_text())


def test_the_search_box_opens_without_animation(page):
    """Material's transitions would take frames from the page while the first results are worked out."""
    page.fill(".md-search__input", "产教融合")
    page.wait_for_selector(".md-search-result__list .md-search-result__link")
    for part in (".md-search__overlay", ".md-search__inner", ".md-search__output", ".md-search-result__link"):
        durations = page.evaluate(f"() => getComputedStyle(document.querySelector('{part}')).transitionDuration")
        assert set(durations.split(", ")) == {"0s"}, (part, durations)


def test_material_search_is_not_what_runs(page):
    assert page.evaluate("() => document.forms.namedItem('search') === null")
    assert page.evaluate("() => performance.getEntriesByType('resource').every(e => !e.name.includes('search_index.json'))")


def test_search_page_narrows_results_by_region(page, base):
    page.goto(f"{base}search/?q={quote('职业教育')}")
    page.wait_for_selector("#archive-search-page .md-search-result__link")
    total = page.locator("#archive-search-page .md-search-result__item").count()
    options = page.locator("select[name=region] option")
    assert options.count() >= 2, "results carry no region to narrow by"
    value = options.nth(1).get_attribute("value")
    page.evaluate("() => document.querySelectorAll('#archive-search-page li').forEach(li => li.dataset.old = '1')")
    page.select_option("select[name=region]", value)
    page.wait_for_function("() => !document.querySelector('#archive-search-page li[data-old]')"
                           " && document.querySelector('#archive-search-page .md-search-result__link')")
    lines = page.locator("#archive-search-page .archive-search__meta").all_inner_texts()
    assert 0 < len(lines) <= total and all(value in line for line in lines)
    assert f"region={quote(value)}" in page.url or "region=" in unquote(page.url)


def test_query_set_meets_the_targets(page, page_texts, pages):
    """The checked-in query set (≥200 sampled substrings) through the real search, scored
    against the built pages' text (not the index: text it drops would shrink the truth)."""
    queries = load_queries(ROOT / "tests" / "search_queries.json")
    assert sum(q["category"] == "sampled" for q in queries) >= 200
    fields = {f"documents/{slug}/": "\n".join(normalise(str(meta.get(name) or "")) for name in ("title", "doc_number", "issuer"))
              for slug, (meta, _) in pages.items()}
    rankings = ranked_urls(page, [item["query"] for item in queries])
    scores = [score(item, ranked, page_texts, fields) for item, ranked in zip(queries, rankings)]
    answerable = [s for s in scores if s.relevant]
    assert sum(s.found for s in answerable) == sum(s.relevant for s in answerable)
    assert sum(s.precise for s in answerable) / len(answerable) >= 0.95
    assert all(s.first_ok for s in scores if s.first_ok is not None)
    assert all(s.fields_first for s in scores if s.fields_first is not None)
    assert not any(s.spurious for s in scores)


def test_search_works_from_file_urls_without_network(tmp_path_factory, project, converted, browser):
    """The offline build (no directory URLs) opened from disk: header search and search page."""
    site = tmp_path_factory.mktemp("offline-site")
    build_site(project.root, site, offline=True)
    source = DOC_NUMBERS["楚教复〔2023〕27号"]
    slug = main_page(converted, source).split("/")[1]
    tab = browser.new_page()
    requests: list[str] = []
    tab.on("request", lambda request: requests.append(request.url))
    tab.goto((site / "index.html").as_uri())
    wait_for_search(tab)
    tab.fill(".md-search__input", "楚教复[2023]27号")
    wait_for_header_results(tab)
    href = tab.locator(HEADER_RESULT).first.get_attribute("href")
    assert href.startswith("file://") and f"documents/{slug}.html" in href
    # The snippet came from a deflated file (payload.py), inflated in the page from file://.
    assert "2023" in tab.locator(".archive-search__meta").first.inner_text()
    loaded = [Path(unquote(url[len("file://"):])) for url in requests if "/search-index/" in url]
    assert any(path.read_text(encoding="utf-8").split(",", 1)[1].startswith('"') for path in loaded), loaded
    tab.goto((site / "search.html").as_uri() + "?q=" + quote("政协"))
    tab.wait_for_selector("#archive-search-page .md-search-result__link")
    tab.close()
    assert requests and all(url.startswith("file://") for url in requests), [u for u in requests if not u.startswith("file:")]


def test_terms_found_only_apart_are_labelled_approximate(page, base):
    """No source has the two words side by side, some have both: results say they are approximate."""
    query = "产教融合 乡村振兴"
    assert not sources_containing("产教融合乡村振兴")
    both = sources_containing("产教融合") & sources_containing("乡村振兴")
    assert both
    page.goto(f"{base}search/?q={quote(query)}")
    page.wait_for_function("() => { const items = document.querySelectorAll('#archive-search-page li');"
                           " return items.length && Array.from(items).every(li => li.querySelector('a')); }")
    summary = page.locator("#archive-search-page .md-search-result__meta").inner_text()
    assert "近似结果" in summary and "没有文件连续包含「产教融合乡村振兴」" in summary
    items = page.locator("#archive-search-page .md-search-result__item")
    notes = page.locator("#archive-search-page .archive-search__partial")
    assert items.count() >= len(both) and notes.count() == items.count()


def test_a_phrase_that_occurs_is_not_labelled_approximate(page, base):
    assert sources_containing("产教融合")
    page.goto(f"{base}search/?q={quote('产教融合')}")
    page.wait_for_selector("#archive-search-page .md-search-result__link")
    assert "近似" not in page.locator("#archive-search-page .md-search-result__meta").inner_text()
