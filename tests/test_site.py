"""End to end on the seeds and the built site: browse pages, cards, relations, catalogue export.

Expected values come from reading source_docs/: the 曲靖 report carries two
annexes (附件一 终身职业技能培训制度的实施意见, 附件二 推进产教融合实施方案的通知);
楚教复〔2023〕27号 and 楚教复〔2023〕31号 answer proposals 148 and 343 of
州政协十一届二次会议; 云阳府发〔2022〕4号 issues 《云阳县推动职业教育高质量发展实施方案》.
"""
from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

QUJING = "qujing-qilin-zhijiao-jituan-2020-zhiliang-baogao"
CHUXIONG_148 = "chuxiong-jiaoyu-2023-027-zhengxie-148-dafu"
CHUXIONG_343 = "chuxiong-jiaoyu-2023-031-zhengxie-343-dafu"
YUNYANG = "yunyang-fufa-2022-004-zhiye-jiaoyu-shishi-fangan"


def html(path: Path) -> BeautifulSoup:
    """A built page, remembering where it is so relative links can be resolved."""
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    soup.location = path
    return soup


def document_page(site: Path, slug: str) -> BeautifulSoup:
    return html(site / "documents" / slug / "index.html")


def linked_documents(soup: BeautifulSoup, selector: str = "article") -> set[str]:
    """Slugs of the document pages a page (or a part of it) links to."""
    root = soup
    while root.parent is not None:
        root = root.parent
    hrefs = [a["href"] for a in soup.select(f"{selector} a[href]") if "://" not in a["href"]]
    targets = [(root.location.parent / href.split("#")[0]).resolve().as_posix() for href in hrefs]
    return {match.group(1) for target in targets if (match := re.search(r"/documents/([\w-]+)$", target))}


def facet_pages(site: Path, kind: str) -> dict[str, BeautifulSoup]:
    """h1 → page of every per-value browse page of one kind."""
    pages = {}
    for path in sorted((site / "browse" / kind).glob("*/index.html")):
        soup = html(path)
        pages[soup.find("h1").get_text(strip=True).replace("¶", "")] = soup
    return pages


def expected_facets(meta: dict) -> dict[str, list[str]]:
    """The browse page titles a document must be listed on, from its front matter.

    A field the editor declared unknown (null) is listed under 不详, one still to fill under 待核实."""
    def unknown(name: str, label: str) -> str:
        return "待核实" if name in (meta.get("unverified") or []) else label
    region = meta.get("region") or [unknown("region", "地区不详")]
    issuers = meta.get("issuer") or unknown("issuer", "机关不详")
    date = str(meta.get("date") or "")
    return {
        "region": [" › ".join(region[: depth + 1]) for depth in range(len(region))],
        "issuer": issuers if isinstance(issuers, list) else [issuers],
        "year": [date[:4] if date[:4].isdigit() else unknown("date", "日期不详")],
        "type": [meta.get("doc_type") or unknown("doc_type", "未分类")],
    }


@pytest.mark.parametrize("kind", ["region", "issuer", "year", "type"])
def test_every_document_is_on_its_browse_pages(site, pages, kind):
    listed = facet_pages(site, kind)
    for slug, (meta, _) in pages.items():
        for title in expected_facets(meta)[kind]:
            assert title in listed, (slug, kind, title)
            assert slug in linked_documents(listed[title]), (slug, kind, title)


@pytest.mark.parametrize("kind", ["region", "issuer", "year", "type"])
def test_overview_counts_match_the_pages(site, kind):
    overview = html(site / "browse" / kind / "index.html")
    entries = [(a, a.next_sibling) for a in overview.select("article li > a")]
    assert entries
    for link, after in entries:
        count = int(re.match(r"（(\d+)）", str(after)).group(1))
        target = html((site / "browse" / kind / link["href"]).resolve() / "index.html")
        assert len(linked_documents(target, "article table")) == count, link.get_text()


def test_types_and_years_partition_the_archive(site, pages):
    for kind in ("type", "year"):
        listed = [slug for soup in facet_pages(site, kind).values()
                  for slug in linked_documents(soup, "article table")]
        assert sorted(listed) == sorted(pages), kind


def test_card_on_every_document_page(site, pages):
    for slug, (meta, _) in pages.items():
        card = document_page(site, slug).select_one("article .doc-card")
        assert card is not None, slug
        text = card.get_text(" ", strip=True)
        assert "以发文机关发布的原件为准" in text and meta["source"] in text, slug
        for field in ("doc_number", "issuer"):
            if meta.get(field):
                assert str(meta[field]) in text, (slug, field)


def test_qujing_report_and_its_annexes_link_each_other(site, pages):
    annexes = [f"{QUJING}-fujian-1", f"{QUJING}-fujian-2"]
    assert "终身职业技能培训制度" in pages[annexes[0]][0]["title"]
    assert "产教融合" in pages[annexes[1]][0]["title"]
    assert set(annexes) <= linked_documents(document_page(site, QUJING), "article")
    for annex in annexes:
        page = document_page(site, annex)
        assert QUJING in linked_documents(page), annex
        assert "的附件" in page.select_one("article").get_text(), annex


def test_chuxiong_replies_of_one_session_on_one_page(site, pages):
    for slug, number in ((CHUXIONG_148, "148"), (CHUXIONG_343, "343")):
        proposal = pages[slug][0]["proposal"]
        assert proposal["session"] == "州政协十一届二次会议" and str(proposal["number"]) == number
    sessions = [soup for title, soup in facet_pages(site, "session").items() if title.endswith("州政协十一届二次会议")]
    assert len(sessions) == 1
    assert {CHUXIONG_148, CHUXIONG_343} <= linked_documents(sessions[0], "article table")
    text = sessions[0].select_one("article").get_text()
    assert "第148号提案" in text and "第343号提案" in text and "民建楚雄州委" in text
    card = document_page(site, CHUXIONG_148).select_one(".doc-card")
    assert "同一会次的全部答复" in card.get_text()


def test_yunyang_notice_and_the_plan_it_issues(site, pages):
    plan = f"{YUNYANG}-yinfa"
    assert pages[plan][0]["title"] == "云阳县推动职业教育高质量发展实施方案"
    notice = document_page(site, YUNYANG).select_one("article")
    assert "印发了" in notice.get_text() and plan in linked_documents(notice)
    issued = document_page(site, plan).select_one("article")
    assert re.search(r"由《[^》]*通知》印发", issued.get_text()) and YUNYANG in linked_documents(issued)


def test_catalogue_json_matches_the_pages(site, pages):
    records = json.loads((site / "catalogue.json").read_text(encoding="utf-8"))
    assert sorted(record["slug"] for record in records) == sorted(pages)
    for record in records:
        meta, _ = pages[record["slug"]]
        for key, value in meta.items():
            if key != "status":
                assert record[key] == value, (record["slug"], key)
        page = html(site / record["url"] / "index.html")
        assert record["title"] in page.find("h1").get_text()
        outgoing = {rel["slug"] for rel in record["relations"]}
        assert outgoing <= linked_documents(page, "article"), record["slug"]


def test_catalogue_csv_has_the_same_rows(site):
    records = {record["slug"]: record for record in json.loads((site / "catalogue.json").read_text(encoding="utf-8"))}
    with open(site / "catalogue.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert sorted(row["slug"] for row in rows) == sorted(records)
    for row in rows:
        record = records[row["slug"]]
        for column, cell in row.items():
            value = record.get(column)
            expected = json.dumps(value, ensure_ascii=False) if isinstance(value, (list, dict)) else \
                ("" if value is None else str(value))
            assert cell == expected, (row["slug"], column)


def test_home_page_shows_counts_latest_and_entry_points(site, pages):
    home = html(site / "index.html").select_one("article")
    assert f"本站共收录 {len(pages)} 件文件" in home.get_text()
    hrefs = {a["href"] for a in home.select("a[href]")}
    for entry in ("browse/region/", "browse/issuer/", "browse/year/", "browse/type/", "catalogue.json"):
        assert entry in hrefs, entry
    assert linked_documents(home)


def test_no_outside_font_or_script_requests(site):
    for path in [site / "index.html", *sorted((site / "documents").glob("*/index.html"))]:
        soup = html(path)
        for tag in soup.select("link[href], script[src]"):
            url = tag.get("href") or tag.get("src")
            assert not url.startswith(("http:", "https:", "//")), (path, url)


def body_links(site: Path, slug: str) -> set[str]:
    """Documents linked from the text itself (before the relations section)."""
    article = document_page(site, slug).select_one("article")
    relations = article.find(id="关联文件")
    for tag in (relations.find_all_next() if relations else []):
        tag.extract()
    return linked_documents(article)


def test_seed_titles_and_numbers_of_archive_pages_are_links_in_the_text(site, pages):
    """A 《title》 or 发文字号 of another archive page, written in a page's text, links to that page."""
    linked = 0
    for slug, (meta, body) in pages.items():
        text = body.split("## 关联文件")[0]
        for other, (other_meta, _) in pages.items():
            number = other_meta.get("doc_number")
            mentioned = f"《{other_meta['title']}》" in text or bool(number and number in text)
            if other != slug and mentioned:
                assert other in body_links(site, slug), (slug, other)
                linked += 1
    assert linked >= 1


def test_seed_citations_not_in_the_archive_are_on_the_missing_page(site, pages):
    titles = [meta["title"] for meta, _ in pages.values()]
    numbers = {meta.get("doc_number") for meta, _ in pages.values()}
    missing = html(site / "browse" / "missing" / "index.html").select_one("article table").get_text()
    listed = 0
    for slug, (meta, _) in pages.items():
        for cited in meta.get("cites") or []:
            in_archive = cited.get("number") in numbers or \
                any(title.endswith(cited.get("title") or "\0") for title in titles)
            if not in_archive:
                # Nested book-title marks are printed as 〈〉 inside 《》.
                name = cited.get("number") or cited["title"].replace("《", "〈").replace("》", "〉")
                assert name in missing, (slug, cited)
                listed += 1
    assert listed >= 10


def test_missing_page_counts_the_places(site):
    """《国家职业教育改革实施方案》 is cited on lines 20, 53 and 328 of the 曲靖 report."""
    rows = html(site / "browse" / "missing" / "index.html").select("article tbody tr")
    row = next(row for row in rows if row.find("td").get_text() == "《国家职业教育改革实施方案》")
    cells = [cell.get_text() for cell in row.find_all("td")]
    assert cells[1] == "3" and "第 20、53、328 行" in cells[2]
    assert QUJING in linked_documents(row)


def test_breadcrumbs_on_pages_outside_the_navigation(site):
    trail = [a.get_text(strip=True) for a in document_page(site, QUJING).select("nav.md-path a")]
    assert trail == ["首页", "浏览"]
    region_page = next((site / "browse" / "region").glob("*/index.html"))
    crumbs = html(region_page).select("nav.md-path a")
    assert [a.get_text(strip=True) for a in crumbs] == ["首页", "浏览", "按地区"]
    assert (region_page.parent / crumbs[-1]["href"]).resolve() == (site / "browse" / "region")


def test_material_search_engine_is_not_shipped(site):
    """The header box runs the archive's search; Material's lunr and worker would be dead weight."""
    javascripts = site / "assets" / "javascripts"
    assert not (javascripts / "lunr").exists() and not list(javascripts.glob("workers/search.*"))
    assert list(javascripts.glob("bundle.*.min.js"))
    assert [path.name for path in (site / "assets" / "archive-search").glob("*.js")] == ["archive-search.js"]


def test_page_titles_carry_no_permalink_section_headings_do(site):
    """A title's ¶ would point at the page itself (issue 16's size); sections keep theirs."""
    for path in sorted((site / "documents").glob("*/index.html")):
        text = path.read_text(encoding="utf-8")
        assert re.search(r"<h1 id=[^>]*>[^<]*</h1>", text) and 'class="headerlink"' in text, path


def test_source_maps_are_not_shipped(site):
    """Material's 1.1 MB of source maps serve only its own developers (issue 16's size)."""
    assert list((site / "assets").rglob("*.min.css")) and not list(site.rglob("*.map"))


def test_built_pages_carry_no_template_indentation(site):
    """Material's indentation is taken out of every page (issue 16's size), <pre> blocks excepted."""
    for path in [site / "index.html", *sorted((site / "documents").glob("*/index.html"))]:
        text = re.sub(r"<pre\b.*?</pre>", "", path.read_text(encoding="utf-8"), flags=re.S)
        assert not re.search(r"\n[ \t]|\n\n", text), path
