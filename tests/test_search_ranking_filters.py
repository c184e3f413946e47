"""Search page on inline documents: whole phrase before scattered terms, year and type filters.

Four notices and plans whose sidecars state type and date. Two hold 产教融合实训基地 as one
phrase; one holds 产教融合 and 实训基地 only apart, but more often and in its title, so a
ranking by frequency or title alone would put it first; one holds neither.
"""
from __future__ import annotations

from urllib.parse import quote, unquote

import pytest

from build_tools.benchmarks.browser import chromium, ranked_urls, serve, wait_for_search
from build_tools.search.shards import read_script
from projects import build_site, make_project

QUERY = "产教融合 实训基地"
SOURCES = {
    "p2022.txt": "关于加强教师培训的通知\n\n各学校：\n\n请各校做好产教融合实训基地的教师培训。\n",
    "p2022.yml": "title: 关于加强教师培训的通知\ndoc_type: 通知\ndate: 2022-05-10\n",
    "p2023.txt": "关于开展评估工作的通知\n\n各学校：\n\n今年评估产教融合实训基地。\n",
    "p2023.yml": "title: 关于开展评估工作的通知\ndoc_type: 通知\ndate: 2023-09-01\n",
    "apart2023.txt": ("关于产教融合和实训基地建设的实施方案\n\n一、产教融合\n\n深化产教融合，推进产教融合。\n\n"
                      "二、实训基地\n\n建好实训基地，用好实训基地。\n"),
    "apart2023.yml": "title: 关于产教融合和实训基地建设的实施方案\ndoc_type: 实施方案\ndate: 2023-03-01\n",
    "other2023.txt": "关于放假安排的通知\n\n各学校：\n\n按国家规定放假。\n",
    "other2023.yml": "title: 关于放假安排的通知\ndoc_type: 通知\ndate: 2023-01-05\n",
}
PHRASE_PAGES = {"documents/p2022/", "documents/p2023/"}
RESULTS = "#archive-search-page .md-search-result__item"
SETTLED = f"""(count) => {{
    const items = document.querySelectorAll('{RESULTS}');
    return items.length === count && Array.from(items).every(item => item.querySelector('a'));
}}"""

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("ranking-filters")
    result = build_site(make_project(folder / "p", SOURCES), folder / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    return folder / "site"


@pytest.fixture(scope="module")
def tab(site):
    with chromium() as browser, serve(site) as base:
        page = browser.new_page()
        page.set_default_timeout(10_000)
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(base + read_script(site / "search-index" / "meta.js")["search_page"])
        wait_for_search(page)
        yield page
        page.close()
        assert not errors, errors


def shown(tab) -> list[str]:
    """Result pages, in the order listed."""
    hrefs = tab.eval_on_selector_all(f"{RESULTS} a.md-search-result__link", "links => links.map(a => a.href)")
    return ["documents/" + href.split("/documents/")[1].split("#")[0] for href in hrefs]


def search(tab, count: int, **filters: str) -> list[str]:
    """Open the search page for QUERY with ``filters`` in the URL; wait for ``count`` results."""
    query = "".join(f"&{name}={quote(value)}" for name, value in filters.items())
    tab.goto(tab.url.split("?")[0] + f"?q={quote(QUERY)}{query}")
    tab.wait_for_function(SETTLED, arg=count)
    return shown(tab)


def test_documents_with_the_whole_phrase_come_before_those_with_the_terms_apart(tab):
    [ranked] = ranked_urls(tab, [QUERY])
    assert set(ranked[:2]) == PHRASE_PAGES and ranked[2:] == ["documents/apart2023/"]
    listed = search(tab, 3)
    assert listed == ranked
    notes = [item.locator(".archive-search__partial").count() for item in tab.locator(RESULTS).all()]
    assert notes == [0, 0, 1], "only the scattered match is labelled approximate"


def test_year_filter_lists_the_years_and_narrows(tab):
    search(tab, 3)
    values = tab.eval_on_selector_all("select[name=year] option", "options => options.map(o => o.value)")
    assert sorted(values) == ["", "2022", "2023"]
    tab.select_option("select[name=year]", "2023")
    tab.wait_for_function(SETTLED, arg=2)
    assert set(shown(tab)) == {"documents/p2023/", "documents/apart2023/"}
    assert "year=2023" in tab.url


def test_type_filter_lists_the_types_and_narrows(tab):
    search(tab, 3)
    values = tab.eval_on_selector_all("select[name=doc_type] option", "options => options.map(o => o.value)")
    assert sorted(values) == sorted(["", "通知", "实施方案"])
    tab.select_option("select[name=doc_type]", "实施方案")
    tab.wait_for_function(SETTLED, arg=1)
    assert shown(tab) == ["documents/apart2023/"]
    assert "doc_type=实施方案" in unquote(tab.url)


def test_year_and_type_together_from_a_shared_link(tab):
    assert search(tab, 1, year="2023", doc_type="通知") == ["documents/p2023/"]
    assert tab.input_value("select[name=year]") == "2023" and tab.input_value("select[name=doc_type]") == "通知"
