"""Word (.docx): paragraphs, automatic numbers and tables from the file's own structure.

Why python-docx and our own walk of the XML (README, "Dependencies"): it is
the only reader that tells a merged cell from a repeated value (docx2python
repeats the text of a merged cell in every cell it covers) and it leaves
numbering to us, which docx2python cannot write for Chinese formats. The
walk follows the body in order (paragraphs and tables, also inside content
controls), keeps line breaks (Shift+Enter) as line breaks, joins a
paragraph across a page break, writes each table row as tab-separated
cells with a merged cell's text once, and leaves page headers, footers,
deleted revisions and field codes out.
"""
from __future__ import annotations

import io
import re
import zipfile
from pathlib import PurePosixPath

from docx import Document
from docx.oxml.ns import qn

from ..errors import SourceError
from ..model import SourceText
from .numbering import Numbering

TOC_ENTRY = re.compile(r"^\s*[^\t]+\t+\s*\d{1,3}\s*$")  # 前言<tab>3: kept for the TOC rule of the text path
SKIPPED = {qn(tag) for tag in ("w:delText", "w:instrText", "w:del", "w:moveFrom")}


def read(raw: bytes, path: PurePosixPath) -> SourceText:
    """The text of a Word file, one line per paragraph and per table row."""
    try:
        document = Document(io.BytesIO(raw))
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise SourceError(path, f"无法读取 Word 文件 / not a readable .docx ({error})",
                          hint="请用 Word 或 WPS 打开后另存为 .docx / open it in Word and save it again as .docx") \
            from None
    walker = Walker(document)
    lines = walker.block(document.element.body)
    return SourceText(path=path, text="\n".join(lines) + "\n", sha256="", encoding="docx")


class Walker:
    """One pass over the body; numbering counts in document order."""

    def __init__(self, document) -> None:
        part = document.part
        self.numbering = Numbering(getattr(part, "numbering_part", None) if _has_numbering(part) else None)
        self.styles = {style.style_id: style.element for style in document.styles}

    def block(self, element) -> list[str]:
        """Lines of a body, cell or content control: its paragraphs and tables in order."""
        lines: list[str] = []
        for child in element.iterchildren():
            if child.tag == qn("w:p"):
                lines += self.paragraph(child).split("\n")
            elif child.tag == qn("w:tbl"):
                lines += self.table(child)
            elif child.tag == qn("w:sdt"):
                content = child.find(qn("w:sdtContent"))
                lines += self.block(content) if content is not None else []
        return lines

    def paragraph(self, p) -> str:
        text = "".join(_run_text(node) for node in p.iter() if node.tag in _TEXT_TAGS and not _skipped(node, p))
        body = text.rstrip("\t")  # a trailing tab shows nothing, but tells the text path of a TOC entry cut in two
        text = text if TOC_ENTRY.match(text) else body.replace("\t", "\u3000") + text[len(body):]
        label = self._label(p)
        if label and label[-1].isalnum() and text:
            label += " "
        return label + text

    def _label(self, p) -> str:
        num_pr = _num_pr(p)
        num_pr = self._style_num_pr(p) if num_pr is None else num_pr
        if num_pr is None:
            return ""
        num_id, level = num_pr.find(qn("w:numId")), num_pr.find(qn("w:ilvl"))
        if num_id is None:
            return ""
        return self.numbering.label(num_id.get(qn("w:val")), int(level.get(qn("w:val"))) if level is not None else 0)

    def _style_num_pr(self, p):
        """Headings numbered through their style (标题 1 linked to a list)."""
        style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        seen = set()
        style_id = style.get(qn("w:val")) if style is not None else None
        while style_id and style_id not in seen and style_id in self.styles:
            seen.add(style_id)
            element = self.styles[style_id]
            found = _num_pr(element)
            if found is not None:
                return found
            based = element.find(qn("w:basedOn"))
            style_id = based.get(qn("w:val")) if based is not None else None
        return None

    def table(self, tbl) -> list[str]:
        """Rows as tab-separated cells; a cell merged across columns or rows keeps its text in its first cell."""
        rows = []
        for tr in tbl.iterchildren(qn("w:tr")):
            cells = []
            for tc in tr.iterchildren(qn("w:tc")):
                properties = tc.find(qn("w:tcPr"))
                span = properties.find(qn("w:gridSpan")) if properties is not None else None
                merge = properties.find(qn("w:vMerge")) if properties is not None else None
                continued = merge is not None and merge.get(qn("w:val"), "continue") == "continue"
                text = "" if continued else _cell_text(self.block(tc))
                cells += [text] + [""] * (int(span.get(qn("w:val"))) - 1 if span is not None else 0)
            rows.append("\t".join(cells).rstrip("\t") or "\t")
        return rows


_TEXT_TAGS = {qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr"), qn("w:noBreakHyphen")}


def _run_text(node) -> str:
    if node.tag == qn("w:t"):
        return node.text or ""
    if node.tag == qn("w:tab"):
        return "\t"
    if node.tag == qn("w:noBreakHyphen"):
        return "-"
    # A page or column break inside a paragraph only moves the rest to the next page.
    return "" if node.get(qn("w:type")) in ("page", "column") else "\n"


def _skipped(node, p) -> bool:
    """Deleted revisions, and anything in a nested table or text box (read on its own)."""
    parent = node.getparent()
    while parent is not None and parent is not p:
        if parent.tag in SKIPPED or parent.tag in (qn("w:tbl"), qn("w:txbxContent")):
            return True
        parent = parent.getparent()
    return False


def _num_pr(element):
    return element.find(f"{qn('w:pPr')}/{qn('w:numPr')}")


def _cell_text(lines: list[str]) -> str:
    """A cell's paragraphs in one cell: joined, a space only between Latin words."""
    out = ""
    for line in (line.strip(" \u3000\t") for line in lines):
        gap = " " if out and line and out[-1].isascii() and out[-1].isalnum() and line[0].isascii() else ""
        out += gap + line
    return out


def _has_numbering(part) -> bool:
    try:
        return part.numbering_part is not None
    except NotImplementedError:  # python-docx raises when the file has no numbering part
        return False
