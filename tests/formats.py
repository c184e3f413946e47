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


def docx_from_text(text: str, path: Path) -> Path:
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
    page_footer(document)
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
    title = document.add_paragraph("通　　知")
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    spaced = document.add_paragraph()
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


def to_pdf(source: Path, out: Path) -> Path:
    """Render a Word file to PDF with LibreOffice headless (its own profile, so parallel runs do not clash)."""
    with tempfile.TemporaryDirectory(prefix="formats-lo-") as profile:
        subprocess.run([SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                        "--outdir", str(out), str(source)], check=True, capture_output=True, timeout=180)
    return out / f"{source.stem}.pdf"
