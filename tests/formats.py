"""Original-format fixtures made from text we write: Word files, PDFs rendered from them, saved web pages.

Why built here and not committed: a fixture made from a few lines of text in
the test shows what the reader must recover, and the PDF is rendered by the
same LibreOffice an editor's office would use (Debian ``libreoffice-writer-nogui``
with ``fonts-noto-cjk``, installed by ``make test``).
"""
from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
TEXT_WIDTH = Pt(432)  # Letter page less python-docx's default 1.25-inch margins
TOC_LINE = re.compile(r"^[^\t]+\t\s*\d{1,3}\s*$")
# A Chinese-numbered list as Word's numbering writes it: 一、 then （一）.
NUMBERING = f"""<w:abstractNum {nsdecls('w')} w:abstractNumId="90"><w:multiLevelType w:val="multilevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
</w:abstractNum>"""


def new_document() -> docx.Document:
    """A document set in a CJK font, so LibreOffice renders Chinese with real glyphs."""
    document = docx.Document()
    style = document.styles["Normal"]
    style.font.name, style.font.size = "Noto Serif CJK SC", Pt(14)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "Noto Serif CJK SC")
    return document


def add_numbering(document: docx.Document) -> int:
    """Register the Chinese multi-level list; returns its numId."""
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(NUMBERING))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    return 90


def numbered(document: docx.Document, text: str, level: int, num_id: int = 90):
    paragraph = document.add_paragraph(text)
    paragraph._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))
    return paragraph


def add_table(document: docx.Document, rows: list[list[str]]):
    """A ruled table; ``None`` in a cell merges it with the cell to its left (or above, in column 0)."""
    columns = max(len(row) for row in rows)
    table = document.add_table(rows=len(rows), cols=columns)
    table.style = document.styles["Table Grid"]
    for r, row in enumerate(rows):
        for c in range(columns):
            value = row[c] if c < len(row) else ""
            if value is None:
                continue
            table.cell(r, c).text = value
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is None and c:
                table.cell(r, c - 1).merge(table.cell(r, c))
            elif value is None:
                table.cell(r - 1, c).merge(table.cell(r, c))
    return table


def docx_from_text(text: str, path: Path, header: str = "") -> Path:
    """A Word file as an editor's office would type the raw text.

    Each line a paragraph with the two-character first-line indent of
    official documents (a blank line an empty paragraph), tab-separated
    rows a ruled table, TOC lines (title, tab, page) a paragraph with a tab.
    """
    document, rows = new_document(), []
    for line in text.split("\n") + [""]:
        if "\t" in line.strip() and not TOC_LINE.match(line.strip()):
            rows.append([cell.strip(" \u3000") for cell in line.strip(" \u3000\r").split("\t")])
            continue
        if rows:
            add_table(document, rows)
            rows = []
        stripped = line.lstrip(" \u3000")
        paragraph = document.add_paragraph(stripped.rstrip(" \r"))
        if TOC_LINE.match(stripped.strip()):  # a TOC entry: page number at the margin after a dot leader
            paragraph.paragraph_format.tab_stops.add_tab_stop(TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
        elif stripped.strip():
            paragraph.paragraph_format.first_line_indent = Pt(28)
    _drop_last_empty(document)
    page_footer(document, header)
    document.save(path)
    return path


def page_footer(document: docx.Document, header: str = "") -> None:
    """A running header and a centred — N — page number, as printed documents carry."""
    section = document.sections[0]
    if header:
        section.header.paragraphs[0].text = header
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("— ")
    for kind, text in (("begin", ""), ("instr", " PAGE "), ("separate", ""), ("text", "1"), ("end", "")):
        run = footer.add_run()
        if kind == "instr":
            run._r.append(parse_xml(f'<w:instrText {nsdecls("w")} xml:space="preserve">{text}</w:instrText>'))
        elif kind == "text":
            run.text = text
        else:
            run._r.append(parse_xml(f'<w:fldChar {nsdecls("w")} w:fldCharType="{kind}"/>'))
    footer.add_run(" —")


def _drop_last_empty(document: docx.Document) -> None:
    last = document.paragraphs[-1]
    if not last.text:
        last._p.getparent().remove(last._p)


def feature_docx(path: Path) -> Path:
    """A notice with what Word files carry beyond text (see test_reading_docx for what each shows)."""
    document, num_id = new_document(), None
    banner = document.add_paragraph("楚雄州教育体育局文件")
    banner.alignment = WD_ALIGN_PARAGRAPH.CENTER
    number = document.add_paragraph("楚教发〔2024〕12号")
    number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    red_rule(number)
    spaced = document.add_paragraph()  # letter-spaced by Word's character spacing
    spaced.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = spaced.add_run("关于做好职业教育招生工作的通知")
    run._r.get_or_add_rPr().append(parse_xml(f'<w:spacing {nsdecls("w")} w:val="60"/>'))
    document.add_paragraph("各县市教育体育局：")
    num_id = add_numbering(document)
    numbered(document, "总体要求", 0, num_id)
    numbered(document, "指导思想", 1, num_id)
    broken = document.add_paragraph("全面贯彻党的教育方针，坚持立德树人，")
    broken.add_run().add_break(WD_BREAK.PAGE)
    broken.add_run("推动职业教育高质量发展。")
    numbered(document, "工作目标", 1, num_id)
    lines = document.add_paragraph("招生计划如下：")
    lines.add_run().add_break()
    lines.add_run("（见下表）")
    numbered(document, "招生计划", 0, num_id)
    add_table(document, [["学校", "获奖情况", None, None], [None, "一等奖", "二等奖", "三等奖"],
                         ["楚雄州职教中心", "3", "5", "8"], ["禄丰市职业高级中学", "1", "2", "4"]])
    document.add_paragraph("请各地认真组织实施。")
    document.save(path)
    return path


def to_pdf(source: Path, out: Path, *more: Path) -> Path:
    """Render Word files to PDF with LibreOffice headless, in one run (its own profile, so parallel runs do not
    clash); returns the first PDF."""
    with tempfile.TemporaryDirectory(prefix="formats-lo-") as profile:
        subprocess.run([SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                        "--outdir", str(out), str(source), *map(str, more)], check=True, capture_output=True,
                       timeout=600)
    return out / f"{source.stem}.pdf"


def red_rule(paragraph) -> None:
    """A red rule under a paragraph, as under a 发文机关标志 (drawn by the paragraph's bottom border)."""
    paragraph._p.get_or_add_pPr().append(parse_xml(
        f'<w:pBdr {nsdecls("w")}><w:bottom w:val="single" w:sz="18" w:space="4" w:color="FF0000"/></w:pBdr>'))


# A provincial government article page, as a browser's "save page" keeps it (chrome included).
PAGE = """<!DOCTYPE html>
<!-- saved from url=(0064){url} -->
<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>{title}_政策文件_云南省教育厅</title><meta name="ArticleTitle" content="{title}">
<meta name="PubDate" content="2024-06-12 10:03"><meta name="ContentSource" content="云南省教育厅">
<style>.xxgk td{{border:1px solid #ccc}} #zoom p{{text-indent:2em}}</style>
<script>var _hmt = _hmt || []; document.write("统计");</script></head>
<body><div class="topbar"><a href="#">无障碍</a> | <a href="#">长者模式</a> | <a href="#">简体</a> <a href="#">繁體</a>
<a href="#">登录</a> <a href="#">注册</a></div>
<div class="header"><img src="logo.png" alt="云南省教育厅"><ul class="nav"><li><a href="/">首页</a></li>
<li><a href="/jggk/">机构概况</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/hdjl/">互动交流</a></li></ul>
<form action="/search"><input type="text" placeholder="请输入关键词"><button>搜索</button></form></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zcwj/">政策文件</a></div>
<div class="main">{info}
<h1 class="title">{title}</h1>
<div class="info">发布时间：2024-06-12 10:03　来源：云南省教育厅　浏览次数：1289　【字体：<a>大</a> <a>中</a> <a>小</a>】</div>
<div id="zoom" class="article-content"><div class="TRS_Editor">{body}</div></div>
<div class="share">分享到：<a>微信</a> <a>微博</a> <a>QQ空间</a></div>
<div class="tools"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
<div class="pn"><p>上一篇：<a href="/a/1.html">云南省教育厅关于公布2024年省级职业教育教学成果奖的通知</a></p>
<p>下一篇：<a href="/a/3.html">关于开展2024年职业院校技能大赛的通知</a></p></div>
<div class="related"><h3>相关文章</h3><ul><li><a href="/a/9.html">全省职业教育工作会议在昆明召开</a><span>2024-05-30</span></li>
<li><a href="/a/8.html">省教育厅召开职业教育改革推进会</a><span>2024-05-21</span></li></ul></div></div>
<div class="footer"><p>主办：云南省教育厅　承办：云南省教育厅信息中心</p>
<p>地址：云南省昆明市盘龙区东风东路1号　邮编：650223　电话：0871-65141011</p>
<p>网站标识码：5300000038　滇ICP备05000427号　滇公网安备 53010202000588号</p><p>扫一扫在手机打开当前页</p></div>
</body></html>"""

INFO_TABLE = """<table class="xxgk"><tr><td>索引号：</td><td>11530000015120396X/2024-00123</td><td>主题分类：</td><td>教育</td></tr>
<tr><td>发文机关：</td><td>云南省教育厅</td><td>成文日期：</td><td>2024年06月10日</td></tr>
<tr><td>标　　题：</td><td colspan="3">{title}</td></tr>
<tr><td>发文字号：</td><td>云教职〔2024〕12号</td><td>发布日期：</td><td>2024年06月12日</td></tr></table>"""

INFO_LIST = """<ul class="xxgk-list"><li><b>索 引 号：</b><span>11530000015120396X/2024-00123</span></li>
<li><b>主题分类：</b><span>教育</span></li><li><b>发文机关：</b><span>云南省教育厅</span></li>
<li><b>成文日期：</b><span>2024-06-10</span></li><li><b>发文字号：</b><span>云教职〔2024〕12号</span></li>
<li><b>发布日期：</b><span>2024-06-12</span></li></ul>"""

PAGE_TITLE = "云南省教育厅关于做好2024年中等职业学校招生工作的通知"
PAGE_BODY = """<p>各州（市）教育体育局，各中等职业学校：</p>
<p>　　为贯彻落实《中华人民共和国职业教育法》和<a href="/zcwj/2023/t2023_88.html">《云南省职业教育条例》</a>，
做好2024年中等职业学校招生工作，现将有关事项通知如下。</p>
<p><strong>一、总体要求</strong></p>
<p>　　坚持职普协调发展，稳定中等职业教育招生规模，<br>确保完成年度招生计划。</p>
<p><strong>二、招生计划</strong></p>
<p>　　各地招生计划见下表。</p>
<table border="1"><tr><td rowspan="2">州（市）</td><td colspan="2">招生计划（人）</td></tr>
<tr><td>公办</td><td>民办</td></tr><tr><td>昆明市</td><td>32000</td><td>8000</td></tr>
<tr><td>曲靖市</td><td>21000</td><td>4500</td></tr></table>
<p>　　附件：<a href="/uploadfile/2024/0612/jihua.xlsx">2024年中等职业学校分专业招生计划表</a></p>
<p style="text-align:right">云南省教育厅</p><p style="text-align:right">2024年6月10日</p>
<p>（此件公开发布）</p>"""


def gov_page(info: str = INFO_TABLE, charset: str = "utf-8", title: str = PAGE_TITLE, body: str = PAGE_BODY,
             url: str = "https://jyt.yn.gov.cn/zwgk/zcwj/202406/t20240612_1234567.html") -> bytes:
    """A saved article page of a provincial department's site, encoded as the site serves it."""
    html = PAGE.format(url=url, charset=charset, title=title, info=info.format(title=title), body=body)
    return html.encode(charset)
