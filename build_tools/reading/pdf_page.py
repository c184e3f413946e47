"""One PDF page as positioned items, top to bottom: text lines, table rows, rules.

Characters come from PDFium's text page with their advance box and
baseline; a line is the characters that share a baseline, left to right
(so a 发文字号 and 签发人 set on one line stay one line), with a space
where a gap of a quarter character or more shows one (PDF writers leave
spaces out and move the next glyph). Characters
inside a ruled grid become the cells of table rows instead.
"""
from __future__ import annotations

import ctypes
import re
from dataclasses import dataclass
from pathlib import PurePosixPath

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ..errors import SourceError
from ..text import join
from .pdf_tables import Segment, grids_and_rules, rows


@dataclass(frozen=True)
class Char:
    text: str
    x0: float
    x1: float
    y: float  # baseline
    size: float

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass(frozen=True)
class Item:
    kind: str  # text, row (a table row: cells joined by tabs) or rule
    text: str
    x0: float
    x1: float
    y: float  # baseline of a line, top of a table row, height of a rule
    size: float
    page: int  # 1-based, for messages
    lead: float = 0  # width of the first word: what would have had to fit at the end of the line above
    page_width: float = 0


def pages(raw: bytes, path: PurePosixPath) -> list[list[Item]]:
    try:
        document = pdfium.PdfDocument(raw)
    except pdfium.PdfiumError as error:
        raise SourceError(path, f"无法打开 PDF（已加密或已损坏？）/ cannot open the PDF: {error}",
                          hint="请取消密码保护，或从发布网站重新下载 / remove the password or download it again") from None
    try:
        return [page_items(document[index], index + 1) for index in range(len(document))]
    finally:
        document.close()


def page_items(page, number: int) -> list[Item]:
    width = page.get_width()
    chars = page_chars(page)
    segments = [Segment(*obj.get_bounds()) for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH])]
    grids, rules = grids_and_rules(segments)
    items = [Item("rule", "", s.x0, s.x1, s.y0, 0, number, 0, width) for s in rules]
    for grid in grids:
        inside = [c for c in chars if grid.contains(c.cx, c.y)]
        chars = [c for c in chars if not grid.contains(c.cx, c.y)]
        for cells in rows(grid, inside):
            filled = [c for cell in cells for c in cell]
            text = "\t".join(cell_text(cell) for cell in cells).rstrip("\t")
            items.append(Item("row", text or "\t", grid.xs[0], grid.xs[-1], max(c.y for c in filled), 0, number, 0,
                              width))
    for line in baselines(chars):
        items.append(Item("text", line_text(line), line[0].x0, line[-1].x1, line[0].y, line[0].size, number,
                          lead_width(line), width))
    return sorted(items, key=lambda item: (-item.y, item.x0))


def page_chars(page) -> list[Char]:
    textpage = page.get_textpage()
    x, y = ctypes.c_double(), ctypes.c_double()
    chars = []
    for index in range(textpage.count_chars()):
        if pdfium_c.FPDFText_IsGenerated(textpage.raw, index):
            continue
        code = pdfium_c.FPDFText_GetUnicode(textpage.raw, index)
        if code < 32 or 0xFFFE <= code <= 0xFFFF or 0xD800 <= code <= 0xDFFF:
            continue
        left, _, right, _ = textpage.get_charbox(index, loose=True)
        pdfium_c.FPDFText_GetCharOrigin(textpage.raw, index, x, y)
        chars.append(Char(chr(code), left, right, y.value, pdfium_c.FPDFText_GetFontSize(textpage.raw, index)))
    textpage.close()
    return chars


def baselines(chars: list[Char]) -> list[list[Char]]:
    """Characters grouped by shared baseline, top line first, each left to right."""
    lines: list[list[Char]] = []
    for char in sorted(chars, key=lambda c: -c.y):
        if lines and abs(lines[-1][0].y - char.y) <= 0.3 * max(char.size, lines[-1][0].size, 1):
            lines[-1].append(char)
        else:
            lines.append([char])
    return [sorted(line, key=lambda c: c.x0) for line in lines if any(c.text.strip() for c in line)]


def line_text(line: list[Char]) -> str:
    """The line's characters; a wide gap is a space, or a tab before a TOC entry's page number."""
    text, previous = "", None
    for index, char in enumerate(line):
        gap = char.x0 - previous.x1 if previous is not None else 0
        if gap > 1.5 * char.size and all(c.text.isdigit() for c in line[index:]):
            text += "\t"
        elif gap > 0.25 * char.size and not (text.endswith(" ") or char.text == " "):
            text += " "
        text += char.text
        previous = char
    return LEADER.sub(r"\t\1", text.strip(" "))


def lead_width(line: list[Char]) -> float:
    """Width of what cannot be split from the line's start (line breaking keeps it together): a Latin
    word or number, an opening bracket with the character after it, a character with the punctuation
    that may not start a line (育、)."""
    end = 2 if line[0].text in OPENING else 1
    while end < len(line) and line[0].text.isascii() and line[end].text.isascii() and line[end].text.strip():
        end += 1
    while end < len(line) and line[end].text in CLOSING:
        end += 1
    return line[min(end, len(line)) - 1].x1 - line[0].x0


OPENING = "（(〔【《“‘「『［"
CLOSING = "、，。；：！？）)》」』”’〕】….,;:!?%"
LEADER = re.compile(r"[ \t]*[.·…．]{3,}[ .·…．]*(\d{1,3})$")  # a TOC entry's dot leader before its page


def cell_text(chars: list[Char]) -> str:
    """A cell's lines joined into one (a space only between Latin words)."""
    text = ""
    for line in baselines(chars):
        text = join(text, line_text(line).strip(" \u3000"))
    return text
