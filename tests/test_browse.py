"""Browse pages on small inline archives: hierarchy with counts, order, sessions, to-do list."""
from __future__ import annotations

import re
from urllib.parse import unquote

from build_tools.catalogue import browse, paging, archive as catalogue
from test_catalogue import doc

YUNNAN, CHUXIONG, QUJING = "云南省", "楚雄彝族自治州", "曲靖市"
SESSION = "州政协十一届二次会议"


def reply(slug: str, number: str, date: str) -> object:
    return doc(slug, title=f"对第{number}号提案的答复", doc_type="答复", issuer="楚雄州教育体育局", date=date,
               doc_number=f"楚教复〔2023〕{number}号", region=[YUNNAN, CHUXIONG],
               proposal={"session": SESSION, "number": number, "title": f"提案{number}", "proposer": f"委员{number}"})


def archive():
    return catalogue.build([
        reply("r148", "148", "2023-06-20"),
        reply("r343", "343", "2023-07-05"),
        doc("city", title="楚雄市答复", doc_type="答复", date="2025-05-01", region=[YUNNAN, CHUXIONG, "楚雄市"]),
        doc("report", title="质量年度报告", doc_type="质量年度报告", date="2021-01", date_precision="month",
            region=[YUNNAN, QUJING, "麒麟区"], cites=["国发〔2014〕19号", "《国家职业教育改革实施方案》"]),
        doc("plan", title="实施方案", doc_type="实施方案", status="现行有效", cites=["国发〔2014〕19号"]),
    ])


def linked_slugs(markdown: str) -> list[str]:
    return re.findall(r"documents/([\w-]+)\.md", markdown)


def test_region_hierarchy_with_counts():
    lines = browse.pages(archive())["browse/region.md"].splitlines()
    tree = [line for line in lines if line.lstrip().startswith("- ")]
    assert [re.sub(r"\]\([^)]*\)", "]", line) for line in tree] == [
        "- [云南省]（4）",
        "    - [曲靖市]（1）",
        "        - [麒麟区]（1）",
        "    - [楚雄彝族自治州]（3）",
        "        - [楚雄市]（1）",
        "- [地区不详]（1）",
    ]



def test_a_long_region_overview_stops_at_prefectures_whose_pages_list_their_counties(monkeypatch):
    """Past PAGE_LIMIT regions the overview, rendered again by every addition, does not grow with
    the country's counties (issue 16); each county stays one click further, on its prefecture's page."""
    monkeypatch.setattr(paging, "PAGE_LIMIT", 4)
    built = archive()
    generated = browse.pages(built)
    tree = [re.sub(r"\]\([^)]*\)", "]", line) for line in generated["browse/region.md"].splitlines()
            if line.lstrip().startswith("- ")]
    assert tree == ["- [云南省]（4）", "    - [曲靖市]（1）", "    - [楚雄彝族自治州]（3）", "- [地区不详]（1）"]
    assert "县区列在所属市州的页面上" in generated["browse/region.md"]
    prefecture = generated[built.facet_paths[catalogue.Facet("region", (YUNNAN, QUJING))]]
    assert "下级地区：[麒麟区](" in prefecture

def test_region_page_lists_descendants_newest_first_with_number_and_date():
    built = archive()
    page = browse.pages(built)[built.facet_paths[catalogue.Facet("region", (YUNNAN, CHUXIONG))]]
    assert linked_slugs(page) == ["city", "r343", "r148"]
    assert "| 楚教复〔2023〕343号 | [《对第343号提案的答复》](../../documents/r343.md) | 2023年7月5日 |" in page
    assert "共 3 件文件" in page and "下级地区：[楚雄市]" in page


def test_every_document_is_on_its_region_issuer_year_and_type_pages():
    built = archive()
    generated = browse.pages(built)
    for document in built.documents:
        kinds = {facet.kind for facet in built.members if document in built.members[facet]
                 and document.slug in linked_slugs(generated[built.facet_paths[facet]])}
        assert {"region", "issuer", "year", "type"} <= kinds, document.slug


def test_overview_counts_match_the_listed_documents():
    built = archive()
    generated = browse.pages(built)
    for kind in ("issuer", "year", "type"):
        for label, path, count in re.findall(r"\[([^\]]+)\]\(([^)]+)\)（(\d+)）", generated[f"browse/{kind}.md"]):
            assert len(linked_slugs(generated[f"browse/{path}"])) == int(count), (kind, label)


def test_year_overview_is_newest_first_and_undated_last():
    page = browse.pages(archive())["browse/year.md"]
    assert re.findall(r"^- \[([^\]]+)\]", page, re.M) == ["2025", "2023", "2021", "日期不详"]


def test_session_page_lists_every_reply_of_the_session_by_number():
    built = archive()
    session = catalogue.Facet("session", (YUNNAN, CHUXIONG, SESSION))
    page = browse.pages(built)[built.facet_paths[session]]
    assert linked_slugs(page) == ["r148", "r343"]
    assert "第148号提案《提案148》（提案人：委员148）" in page
    assert f"# {YUNNAN} · {CHUXIONG} · {SESSION}" in page
    overview = browse.pages(built)["browse/session.md"]
    assert f"{SESSION}]" in overview and "（2）" in overview


def test_missing_page_counts_and_places():
    page = browse.pages(archive())["browse/missing.md"]
    rows = [line for line in page.splitlines() if line.startswith("| ") and "documents/" in line]
    assert rows[0].startswith("| 国发〔2014〕19号 | 2 | ")
    assert linked_slugs(rows[0]) == ["plan", "report"]
    assert rows[1].startswith("| 《国家职业教育改革实施方案》 | 1 | ")


def test_a_name_cited_by_many_pages_lists_a_few_and_searches_for_the_others():
    """A row of the to-do list stays the same size however many pages cite its name (issue 16)."""
    citing = [doc(f"d{n}", cites=["《关于〈某某条例〉的决定》"]) for n in range(browse.PLACES_SHOWN + 3)]
    page = browse.pages(catalogue.build([*citing, doc("once", cites=["国发〔2014〕19号"])]))["browse/missing.md"]
    rows = {line.split(" | ")[0][2:]: line for line in page.splitlines() if line.startswith("| ") and "documents/" in line}
    many = rows["《关于〈某某条例〉的决定》"]
    assert many.startswith(f"| 《关于〈某某条例〉的决定》 | {browse.PLACES_SHOWN + 3} | ")
    assert linked_slugs(many) == [f"d{n}" for n in range(browse.PLACES_SHOWN)]
    assert "……另有 3 个文件（[全文检索](../search.md?q=%E5%85%B3%E4%BA%8E%E3%80%88" in many
    assert unquote(re.search(r"\?q=([^)]+)\)", many).group(1)) == "关于〈某某条例〉的决定"
    assert "全文检索" not in rows["国发〔2014〕19号"] and linked_slugs(rows["国发〔2014〕19号"]) == ["once"]


def test_in_force_page_lists_only_documents_in_force():
    page = browse.pages(archive())["browse/in-force.md"]
    assert linked_slugs(page) == ["plan"] and "共 1 件" in page


def test_home_part_counts_and_latest_first():
    page = browse.pages(archive())["browse/_home.md"]
    assert "本站共收录 **5** 件文件，其中现行有效 1 件" in page
    latest = page.split("## 最新收录", 1)[1]
    assert linked_slugs(latest) == ["city", "r343", "r148", "report", "plan"]


def test_browse_lists_escape_titles():
    built = catalogue.build([doc("x", title="<b>粗体</b>|竖线", doc_type="通知")])
    page = browse.pages(built)["browse/type.md"] + browse.pages(built)[built.facet_paths[catalogue.Facet("type", ("通知",))]]
    assert "<b>" not in page and "&lt;b&gt;粗体&lt;/b&gt;\\|竖线" in page


def test_a_long_list_is_split_by_decade_year_and_month_and_each_document_is_on_one_page(monkeypatch):
    monkeypatch.setattr(paging, "PAGE_LIMIT", 2)
    dates = ["2023-05-02", "2023-05-01", "2023-04-09", "2022-01-01", "2022", None, "1998-07-01", "1995-01-01"]
    built = catalogue.build([doc(f"d{n}", doc_type="通知", status="现行有效", date=date) for n, date in enumerate(dates)])
    generated = browse.pages(built)
    for top, prefix in (("browse/type/tong-zhi.md", "tong-zhi/"), ("browse/in-force.md", "in-force/")):
        links = [re.sub(r"\]\([^)]*\)", "]", line) for line in generated[top].splitlines() if line.startswith("- [")]
        assert links == ["- [2020—2029年]（5）", "- [1990—1999年]（2）", "- [日期不详]（1）"]
        assert f"]({prefix}2020s.md)" in generated[top] and "共 8 件" in generated[top]
        folder = top.removesuffix(".md")
        assert "- [2023年](2023.md)（3）" in generated[f"{folder}/2020s.md"]
        assert linked_slugs(generated[f"{folder}/1990s.md"]) == ["d6", "d7"]
        year = generated[f"{folder}/2023.md"]
        assert "- [2023年5月](2023-05.md)（2）" in year and "- [2023年4月](2023-04.md)（1）" in year
        assert linked_slugs(generated[f"{folder}/2023-05.md"]) == ["d0", "d1"]
        # A year of two fits one page; a date without a month is listed in its year.
        assert linked_slugs(generated[f"{folder}/2022.md"]) == ["d3", "d4"] and browse.FILTER in generated[f"{folder}/2022.md"]
        listed = [slug for path, page in generated.items() if path.startswith(folder + "/") for slug in linked_slugs(page)]
        assert sorted(listed) == [f"d{n}" for n in range(8)]


def test_part_labels_say_which_part_of_the_date_is_unknown():
    assert [paging.label(key) for key in ("2020s", "2021", "2021-05", "2021-05-03", "2021-00", "2021-05-00", "undated")] == \
        ["2020—2029年", "2021年", "2021年5月", "2021年5月3日", "2021年（月份不详）", "2021年5月（日期不详）", "日期不详"]
    assert paging.chain("2021-05") == {"", "2020s", "2021", "2021-05", "2021-05-00"}


def test_names_split_by_their_code_points_a_whole_name_apart_from_longer_ones():
    # 法 is U+6CD5: its top two bits, then the next two … as keys after the name's first characters.
    assert [paging.prefix_key("《法》", level) for level in (8, 9, 15)] == ["《\x01\x01", "《\x02\x06", "《\x08法"]
    assert paging.prefix_key("《法》", 32) == "《法》\0" != paging.prefix_key("《法》（一）", 32)
    assert {paging.prefix_key("《法》", level) for level in (0, 24, 32)} < paging.prefixes("《法》")
    assert paging.range_label(["《甲》", "《乙》", "《丙》"]) == "《甲》 — 《丙》"


def test_a_long_to_do_list_is_split_into_ranges_of_names_each_listed_once(monkeypatch):
    monkeypatch.setattr(paging, "PAGE_LIMIT", 2)
    built = catalogue.build([doc(f"d{n}", cites=[f"《{name}》"]) for n, name in enumerate("甲乙丙丁戊己庚")])
    generated = browse.pages(built)
    top = generated["browse/missing.md"]
    assert "共" not in top and "以下 7 件尚未收录的文件（按名称分页列出" in top
    parts = {path: page for path, page in generated.items() if path.startswith("browse/missing/")}
    rows = [line.split(" | ")[0][2:] for page in parts.values() for line in page.splitlines()
            if line.startswith("| 《")]
    assert sorted(rows) == sorted(f"《{name}》" for name in "甲乙丙丁戊己庚")
    assert all(page.count("\n| 《") <= 2 for page in parts.values())


def test_a_long_unverified_list_is_split_into_ranges_of_source_files_each_listed_once(monkeypatch):
    monkeypatch.setattr(paging, "PAGE_LIMIT", 2)
    built = catalogue.build([doc(f"d{n}", title=f"通知{n}", doc_type="通知", unverified=["issuer", "date"]) for n in range(7)])
    generated = browse.pages(built)
    top = generated["browse/unverified.md"]
    assert "以下 7 件文件缺少" in top and "按原始文本文件名分页列出" in top and "| 文件 |" not in top
    parts = {path: page for path, page in generated.items() if path.startswith("browse/unverified/")}
    rows = re.findall(r"^\| \[《通知(\d)》\]", "\n".join(parts.values()), re.M)
    assert sorted(rows) == [str(n) for n in range(7)]
    assert all(page.count("\n| [") <= 2 for page in parts.values())
    assert all(page.startswith("# 待核实文件：source\\_docs/d") for page in parts.values())
