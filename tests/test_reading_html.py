"""Saved web pages: the article and the information table, no site chrome (issue 15).

The pages (``formats.gov_page``) are shaped like a provincial department's
article page: top bar, navigation and search, breadcrumb, information
table (as a table, or as a list), heading, 【字体：大 中 小】, the article with
a table with merged cells and an attachment link, share and print
buttons, previous/next links, related articles and the footer.
"""
from __future__ import annotations

from pathlib import PurePosixPath

import pytest

from build_tools.render import page as render
from build_tools.render.convert import convert_source
from build_tools.model import PageContext
from build_tools.reading import html
from formats import INFO_LIST, PAGE_TITLE, gov_page
from projects import make_project

CHROME = ["无障碍", "机构概况", "请输入关键词", "当前位置", "字体", "浏览次数", "分享到", "打印本页", "关闭窗口", "上一篇",
          "下一篇", "相关文章", "全省职业教育工作会议", "主办", "网站标识码", "ICP", "公网安备", "扫一扫", "统计"]
PAGES = {
    "table, utf-8": gov_page(),
    "list, gbk": gov_page(INFO_LIST, "gbk"),
    "unknown container": gov_page().replace(b'id="zoom" class="article-content"', b'class="xl-main"')
                                   .replace(b'class="TRS_Editor"', b'class="c1"'),
}


def lines_of(raw: bytes) -> list[str]:
    return html.read(raw, PurePosixPath("source_docs/x.html")).text.split("\n")


@pytest.mark.parametrize("raw", PAGES.values(), ids=PAGES.keys())
def test_article_and_information_table_without_chrome(raw):
    lines = lines_of(raw)
    assert not [chrome for chrome in CHROME if any(chrome in line for line in lines)]
    assert lines[lines.index(PAGE_TITLE) + 2] == "各州（市）教育体育局，各中等职业学校："
    assert {"索引号：11530000015120396X/2024-00123", "发文机关：云南省教育厅", "发文字号：云教职〔2024〕12号",
            "主题分类：教育"} <= set(lines)
    start = lines.index("州（市）\t招生计划（人）")
    assert lines[start:start + 4] == ["州（市）\t招生计划（人）", "\t公办\t民办", "昆明市\t32000\t8000", "曲靖市\t21000\t4500"]
    assert "　　坚持职普协调发展，稳定中等职业教育招生规模，" in lines  # <br> breaks the line
    assert lines[-4:] == ["云南省教育厅", "2024年6月10日", "（此件公开发布）", ""]


def test_a_line_break_in_the_html_source_between_chinese_characters_is_no_space():
    lines = lines_of(gov_page())
    assert "　　为贯彻落实《中华人民共和国职业教育法》和《云南省职业教育条例》，做好2024年中等职业学校招生工作，" \
           "现将有关事项通知如下。" in lines


def test_the_saved_address_is_the_pages_source_url(tmp_path):
    project = make_project(tmp_path, {"yunnan-yunjiaozhi-2024-012.html": gov_page(INFO_LIST, "gbk")})
    [document], report = convert_source(project.sources / "yunnan-yunjiaozhi-2024-012.html", project)
    meta = document.meta
    assert meta["source_url"] == "https://jyt.yn.gov.cn/zwgk/zcwj/202406/t20240612_1234567.html"
    assert (meta["title"], meta["doc_number"], meta["issuer"], meta["date"], meta["published"], meta["index_no"]) == \
        (PAGE_TITLE, "云教职〔2024〕12号", "云南省教育厅", "2024-06-10", "2024-06-12", "11530000015120396X/2024-00123")
    assert meta["source"] == "source_docs/yunnan-yunjiaozhi-2024-012.html" and not report.missing
    page = render.render(document, PageContext())
    assert not [chrome for chrome in CHROME if chrome in page]
    assert "| 昆明市 | 32000 | 8000 |" in page
