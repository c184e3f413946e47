"""Catalogue stage on small inline documents: citations both ways, typed relations, the card."""
from __future__ import annotations

import re
from urllib.parse import unquote
from pathlib import PurePosixPath

import markdown
import pytest

from build_tools.catalogue import archive as catalogue
from build_tools.catalogue.cards import CITING_SHOWN, context_for
from build_tools.model import Block, Document, SourceText


def doc(slug: str, *paragraphs: str, **meta) -> Document:
    """A converted document as the metadata stage hands it over."""
    meta.setdefault("title", slug)
    blocks = [Block("paragraph", text, line=number) for number, text in enumerate(paragraphs, start=3)]
    source = SourceText(PurePosixPath(f"source_docs/{slug}.txt"), "\n".join(paragraphs), "0" * 64)
    return Document(slug=slug, meta=meta, blocks=blocks, source=source)


def contexts(*documents: Document) -> dict[str, object]:
    archive = catalogue.build(list(documents))
    return {document.slug: context_for(archive, document) for document in documents}


def links_in(markdown: str) -> list[tuple[str, str]]:
    """(text, target) of every Markdown link."""
    return re.findall(r"\[([^\]]*)\]\(([^)]+)\)", markdown)


PLAN = dict(title="甲县职业教育实施方案", doc_number="甲府发〔2022〕4号", issuer="甲县人民政府",
            date="2022-03-30", region=["云南省", "甲市", "甲县"], doc_type="实施方案")


def test_declared_citation_links_both_ways():
    citing = doc("citing", "根据甲府发〔2022〕4号精神。", title="乙通知", cites=["甲府发〔2022〕4号"])
    cited = doc("cited", "正文。", **PLAN)
    pages = contexts(citing, cited)
    assert pages["citing"].links == {"甲府发〔2022〕4号": "cited.md"}
    assert "本文引用的文件" in pages["citing"].relations
    assert ("《甲县职业教育实施方案》", "cited.md") in links_in(pages["citing"].relations)
    assert "引用本文的文件（被引用）" in pages["cited"].relations
    assert ("《乙通知》", "citing.md") in links_in(pages["cited"].relations)



def test_a_page_cited_by_many_lists_the_newest_and_searches_for_the_others():
    """A page's list of citing pages stays the same size however many cite it (issue 16)."""
    count = CITING_SHOWN + 3
    citing = [doc(f"c{n:02d}", title=f"第{n}号通知", date=f"2020-01-{n + 1:02d}", cites=["甲府发〔2022〕4号"])
              for n in range(count)]
    relations = contexts(*citing, doc("cited", **PLAN))["cited"].relations
    listed = [target for _, target in links_in(relations.split("引用本文的文件", 1)[1])]
    assert listed[:-1] == [f"c{n:02d}.md" for n in range(count - 1, 2, -1)]  # newest first, 20 of 23
    assert "……另有 3 个文件引用本文（[全文检索](../search.md?q=" in relations
    assert unquote(listed[-1].split("?q=", 1)[1]) == PLAN["title"]


def test_a_page_cited_by_a_few_lists_them_all_without_a_search_link():
    relations = contexts(doc("old", title="甲", date="2019-05-01", cites=["甲府发〔2022〕4号"]),
                         doc("new", title="乙", date="2023-05-01", cites=["甲府发〔2022〕4号"]),
                         doc("cited", **PLAN))["cited"].relations
    assert [target for _, target in links_in(relations.split("引用本文的文件", 1)[1])] == ["new.md", "old.md"]
    assert "全文检索" not in relations

def test_citation_by_title_ignores_spaces_and_book_marks():
    citing = doc("citing", title="乙通知", cites=["《甲县职业教育 实施方案》"])
    archive = catalogue.build([citing, doc("cited", **PLAN)])
    assert [c.target for c in archive.citations] == ["cited"]


def test_citation_not_in_archive_is_listed_with_where():
    citing = doc("citing", title="乙通知", cites=["国发〔2014〕19号"])
    archive = catalogue.build([citing])
    missing = archive.missing()
    assert list(missing) == ["国发〔2014〕19号"]
    assert [c.source for c in missing["国发〔2014〕19号"]] == ["citing"]
    assert context_for(archive, citing).links == {}
    assert "国发〔2014〕19号" in context_for(archive, citing).relations


def test_reply_quoting_its_own_proposal_is_not_a_citation():
    reply = doc("reply", title="答复", cites=["《关于X的提案》"],
                proposal={"session": "州政协十一届二次会议", "number": "148", "title": "关于X的提案"})
    assert catalogue.build([reply]).citations == []


def test_annex_and_parent_link_each_other():
    pages = contexts(doc("report", title="质量年度报告"), doc("report-fujian-1", title="实施意见"))
    assert "**附件**" in pages["report"].relations
    assert ("《实施意见》", "report-fujian-1.md") in links_in(pages["report"].relations)
    assert "本文件是[《质量年度报告》](report.md)的附件" in pages["report-fujian-1"].relations


def test_issuing_notice_and_issued_plan():
    notice = doc("notice", title="甲县人民政府关于印发《甲县职业教育实施方案》的通知")
    pages = contexts(notice, doc("notice-yinfa", **PLAN))
    assert "**印发了**" in pages["notice"].relations
    assert ("《甲县职业教育实施方案》", "notice-yinfa.md") in links_in(pages["notice"].relations)
    assert "由[《甲县人民政府关于印发〈甲县职业教育实施方案〉的通知》](notice.md)印发" in pages["notice-yinfa"].relations


def test_issued_plan_recognised_from_the_title_alone():
    notice = doc("notice", title="关于印发《甲县职业教育实施方案》的通知")
    archive = catalogue.build([notice, doc("plan", **PLAN)])
    assert [(r.kind, r.source, r.target) for r in archive.relations] == [("印发", "notice", "plan")]


def test_reply_and_proposal_in_the_archive():
    proposal = {"session": "州政协十一届二次会议", "number": "148", "title": "关于X的提案", "proposer": "民建楚雄州委"}
    pages = contexts(doc("reply", title="对第148号提案的答复", doc_type="答复", proposal=proposal),
                     doc("proposal", title="关于X的提案", doc_type="提案", proposal=proposal))
    assert "**答复了**" in pages["reply"].relations
    assert ("《关于X的提案》", "proposal.md") in links_in(pages["reply"].relations)
    assert "答复见[《对第148号提案的答复》](reply.md)" in pages["proposal"].relations


def test_reply_whose_proposal_is_not_in_the_archive_names_it():
    proposal = {"session": "州政协十一届二次会议", "number": "148", "title": "关于X的提案", "proposer": "民建楚雄州委"}
    page = contexts(doc("reply", title="答复", proposal=proposal, region=["云南省", "楚雄彝族自治州"]))["reply"]
    assert "**答复了**：州政协十一届二次会议第148号提案《关于X的提案》（提案人：民建楚雄州委）" in page.relations
    assert "提案信息" in page.card and "同一会次的全部答复" in page.card


@pytest.mark.parametrize("kind, forward, backward", [
    ("解读", "**解读了**", "解读见[《{}》](actor.md)"),
    ("废止", "**废止了**", "已由[《{}》](actor.md)废止"),
    ("修改", "**修改了**", "已由[《{}》](actor.md)修改"),
])
def test_declared_relations_show_on_both_pages(kind, forward, backward):
    actor = doc("actor", title="新文件", relations=[{"type": kind, "target": "甲府发〔2022〕4号"}])
    pages = contexts(actor, doc("target", **PLAN))
    assert forward in pages["actor"].relations
    assert ("《甲县职业教育实施方案》", "target.md") in links_in(pages["actor"].relations)
    assert backward.format("新文件") in pages["target"].relations


def test_repeal_recognised_from_the_title():
    archive = catalogue.build([doc("repeal", title="关于废止《甲县职业教育实施方案》的决定"), doc("plan", **PLAN)])
    assert [(r.kind, r.source, r.target) for r in archive.relations] == [("废止", "repeal", "plan")]


def test_relation_to_a_document_not_in_the_archive_is_dropped_not_invented():
    archive = catalogue.build([doc("actor", relations=[{"type": "废止", "target": "不存在〔2000〕1号"}])])
    assert archive.relations == []


def test_card_shows_fields_and_links_to_browse_pages():
    page = contexts(doc("plan", **PLAN, addressee="各乡镇人民政府", status="现行有效", expires="2025-12-31"))["plan"]
    for label in ("发文字号", "发文机关", "成文日期", "地区", "文种", "主送机关", "时效性", "来源文本", "SHA-256"):
        assert f"\n{label}\n:   " in page.card, label
    # A transcribed text is named, not offered for download: its text is the page itself.
    source_line = page.card.split("\n来源文本\n:   ", 1)[1].split("\n", 1)[0]
    assert source_line.endswith("plan.txt") and "](" not in source_line and "原始文件" not in page.card
    targets = dict(links_in(page.card))
    assert targets["甲县人民政府"] == "../browse/issuer/jia-xian-ren-min-zheng-fu.md"
    assert targets["2022年3月30日"] == "../browse/year/2022.md"
    assert [text for text, _ in links_in(page.card) if "region" in _] == ["云南省", "甲市", "甲县"]
    assert 'doc-status--valid">现行有效<' in page.card and "有效期至：2025-12-31" in page.card
    assert "以发文机关发布的原件为准" in page.card


def test_card_escapes_every_value():
    hostile = "<script>alert(1)</script>*强调*[链接](javascript:x)"
    page = contexts(doc("x", title=hostile, doc_number=hostile, issuer=hostile, addressee=hostile,
                        source_url="javascript:alert(1)", index_no=hostile))["x"]
    html = markdown.markdown(page.card, extensions=["def_list", "md_in_html", "attr_list", "tables"])
    assert "<script" not in html and "<em>" not in html
    assert 'href="javascript' not in html
    assert html.count("&lt;script&gt;alert(1)&lt;/script&gt;*强调*[链接](javascript:x)") == 4


def test_source_url_is_linked_only_when_it_is_http():
    page = contexts(doc("x", source_url="https://www.example.gov.cn/a.html", retrieved="2024-05-01"))["x"]
    assert "<https://www.example.gov.cn/a.html>" in page.card and "2024-05-01" in page.card


def test_status_outside_the_vocabulary_is_shown_as_unknown():
    page = contexts(doc("x", status="大概有效"))["x"]
    assert 'doc-status--unknown">未知<' in page.card and "大概有效" not in page.card


def test_related_documents_same_issuer_then_region_each_listed_once():
    first, second = doc("a", **PLAN), doc("b", **dict(PLAN, title="另一方案", doc_number="甲府发〔2021〕1号"))
    third = doc("c", **dict(PLAN, title="教育局方案", doc_number="甲教发〔2021〕2号", issuer="甲县教育局"))
    page = contexts(first, second, third)["a"].relations
    issuer, region = page.index("同一发文机关"), page.index("同一地区")
    assert issuer < region
    # b shares issuer and region: listed under the closer tie only; c shares the region alone.
    assert [link for link in links_in(page) if link[1] in ("b.md", "c.md")] == [("《另一方案》", "b.md"), ("《教育局方案》", "c.md")]
    assert issuer < page.index("b.md") < region < page.index("c.md")


def test_title_with_its_number_in_the_text_is_one_citation_linked_by_both_keys():
    citing = doc("citing", "前文。", "根据《甲县职业教育实施方案》（甲府发〔2022〕4号）要求。", title="乙通知")
    archive = catalogue.build([citing, doc("cited", **PLAN)])
    assert context_for(archive, citing).links == {"甲府发〔2022〕4号": "cited.md", "甲县职业教育实施方案": "cited.md"}
    assert [(c.label, c.line, c.target) for c in archive.citations] == [
        ("《甲县职业教育实施方案》（甲府发〔2022〕4号）", 4, "cited")]


def test_a_page_citing_itself_is_not_a_citation():
    page = doc("plan", "本方案即《甲县职业教育实施方案》。", **PLAN)
    assert catalogue.build([page]).citations == []


def test_issued_part_declared_by_attached_to_is_issued_not_an_annex():
    notice = doc("notice", title="通知")
    plan = doc("notice-yinfa", attached_to="notice", part="印发", **PLAN)
    archive = catalogue.build([notice, plan])
    assert [(r.kind, r.source, r.target) for r in archive.relations] == [("印发", "notice", "notice-yinfa")]


def test_annex_cited_by_a_shortened_title_in_its_own_file():
    report = doc("report", "推行《终身职业技能培训制度的实施意见》（附件一）。", title="质量年度报告")
    annex = doc("report-fujian-1", title="曲靖市人民政府关于推行终身职业技能培训制度的实施意见")
    annex.source = report.source
    archive = catalogue.build([report, annex])
    assert context_for(archive, report).links == {"终身职业技能培训制度的实施意见": "report-fujian-1.md"}
    assert archive.missing() == {}
    relations = context_for(archive, report).relations
    assert "**附件**" in relations and "本文引用的文件" not in relations


def test_shortened_title_from_another_file_is_not_guessed():
    report = doc("report", "推行《终身职业技能培训制度的实施意见》。", title="质量年度报告")
    other = doc("other", title="曲靖市人民政府关于推行终身职业技能培训制度的实施意见")
    assert list(catalogue.build([report, other]).missing()) == ["《终身职业技能培训制度的实施意见》"]
