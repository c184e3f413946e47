"""Rendering blocks and page layout, on small inline documents."""
from __future__ import annotations

from pathlib import PurePosixPath

import markdown
from bs4 import BeautifulSoup

from build_tools.model import Block, Document, PageContext, SourceText
from build_tools.markup import escape
from build_tools.render.page import render, render_block

SOURCE = SourceText(PurePosixPath("source_docs/x.txt"), "", "0" * 64)
EXTENSIONS = ["tables", "attr_list", "def_list", "md_in_html"]


def html(markdown_text: str) -> BeautifulSoup:
    return BeautifulSoup(markdown.markdown(markdown_text, extensions=EXTENSIONS), "html.parser")


def page(blocks: list[Block], title: str = "关于测试的通知", context: PageContext | None = None) -> str:
    text = render(Document("x", {"title": title}, blocks, SOURCE), context)
    return text.split("\n---\n", 1)[1]


def test_source_text_is_shown_literally():
    for text in ("<script>alert(1)</script>", "1. 不是列表", "# 不是标题", "- 不是列表项", "**不加粗**", "a|b", "{: .x }", ": 定义", "=== 不是标题线", "&amp;"):
        assert html(escape(text)).get_text() == text, text


def test_heading_levels_start_below_the_page_title():
    assert render_block(Block("heading", "一、总体要求", level=1)) == "## 一、总体要求"
    assert render_block(Block("heading", "（一）指导思想", level=2)) == "### （一）指导思想"
    assert render_block(Block("heading", "1.2.1 基础 #1", level=3)) == "#### 1.2.1 基础 \\#1"
    assert render_block(Block("heading", "很深", level=9)).startswith("###### ")


def test_run_in_lead_is_bold_and_stays_with_its_text():
    rendered = render_block(Block("paragraph", "以习近平新时代中国特色社会主义思想为指导。", lead="（一）指导思想。"))
    assert rendered == "**（一）指导思想。**以习近平新时代中国特色社会主义思想为指导。"
    assert str(html(rendered).p) == "<p><strong>（一）指导思想。</strong>以习近平新时代中国特色社会主义思想为指导。</p>"


def test_table_has_one_column_count_caption_and_escaped_cells():
    block = Block("table", rows=[["项目", "单位"], ["a|b", "-2.69"]], caption="表1-1 基本办学条件表")
    soup = html(render_block(block))
    assert soup.find("p", class_="doc-caption").get_text() == "表1-1 基本办学条件表"
    cells = [[cell.get_text() for cell in row.find_all(["th", "td"])] for row in soup.find_all("tr")]
    assert cells == [["项目", "单位"], ["a|b", "-2.69"]]


def test_masthead_above_title_and_header_footer_lines_with_classes():
    blocks = [
        Block("header", "楚雄彝族自治州教育体育局文件", role="banner", line=3),
        Block("header", "楚教复〔2023〕31号", role="doc_number", line=4),
        Block("header", "关于测试的通知", role="title", line=8),
        Block("header", "陶尚周委员：", role="addressee", line=11),
        Block("paragraph", "正文。", line=13),
        Block("footer", "楚雄彝族自治州教育体育局", role="signature", line=20),
        Block("footer", "2023年7月30日", role="date", line=21),
        Block("footer", "抄送：州政府办公室。", role="cc", line=23),
    ]
    text = page(blocks, context=PageContext(card="CARD", relations="RELATIONS"))
    order = ["楚教复〔2023〕31号\n{: .doc-masthead }", "# 关于测试的通知", "CARD", "陶尚周委员：\n{: .doc-addressee }",
             "正文。", "楚雄彝族自治州教育体育局  \n2023年7月30日\n{: .doc-signature }",
             "抄送：州政府办公室。\n{: .doc-footer }", "RELATIONS"]
    positions = [text.index(part) for part in order]
    assert positions == sorted(positions)
    assert text.count("关于测试的通知") == 1  # the title is not repeated as a line of its own


def test_raw_title_shown_when_the_page_title_differs():
    text = page([Block("header", "答 复", role="title")], title="对第148号提案的答复")
    assert "答 复\n{: .doc-subtitle }" in text


def test_citations_of_archived_documents_become_links():
    context = PageContext(links={"国家职业教育改革实施方案": "guojia.md"})
    text = page([Block("paragraph", "落实《国家职业教育改革实施方案》和《未收录的方案》。")], context=context)
    assert "落实[《国家职业教育改革实施方案》](guojia.md)和《未收录的方案》。" in text


def test_cover_lines_keep_their_line_breaks():
    text = page([Block("header", "云南·曲靖\n质量年度报告\n(2020)", role="cover")])
    assert "云南·曲靖  \n质量年度报告  \n(2020)\n{: .doc-masthead }" in text
