"""PDF: the text layer with positions, laid out again as paragraphs, tables and breaks.

Why pypdfium2 (README, "Dependencies"): PDFium reads CJK text as exactly as
pdfplumber does, about ten times faster, under a permissive licence
(PyMuPDF is AGPL), and gives each character's box and baseline, which is
all the layout needs. Positions decide what a text copy cannot: a line
that reaches the right margin continues on the next line unless that one
is indented (GB/T 9704 paragraphs are) — also across a page break; lines
repeated at the same height on most pages (running headers, ``— 3 —``,
``第 3 页 共 9 页``) are furniture; a ruled grid is a table (``pdf_tables``);
a lone rule is a paragraph break. Anything the geometry cannot settle
is left as a line break for the text path's own reflow.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import PurePosixPath

from ..errors import SourceError
from ..model import SourceText
from ..text import ends_sentence
from ..text import join
from . import pdf_page

NO_TEXT_HINT = ("请把文字转写为 UTF-8 文本，存为同名 .txt 放在 PDF 旁边 / type or paste the text into a UTF-8 .txt "
                "file of the same name beside it")


@dataclass
class Layout:
    """The body's left and right margins, font size and line pitch, measured on the whole document."""

    left: float
    right: float
    size: float
    pitch: float
    indented: bool  # do paragraphs start with a first-line indent?


def read(raw: bytes, path: PurePosixPath) -> SourceText:
    """The text of a PDF: one line per paragraph, tables as tab-separated rows."""
    pages = pdf_page.pages(raw, path)
    if sum(len(line.text.strip()) for page in pages for line in page if line.kind == "text") < 10:
        raise SourceError(path, f"PDF 没有文字层（{len(pages)} 页，可能是扫描件），无法转换；本程序不做文字识别（OCR）"
                          " / no text layer (a scan?): nothing to convert, OCR is not supported", hint=NO_TEXT_HINT)
    items = [item for page in without_furniture(pages) for item in page]
    return SourceText(path=path, text="\n".join(paragraphs(items, measure(items))) + "\n", sha256="", encoding="pdf")


def without_furniture(pages: list[list[pdf_page.Item]]) -> list[list[pdf_page.Item]]:
    """Drop short lines at a page's top or bottom that recur at the same height on most pages.

    Short: a body line repeated at the same place (laws repeat sentences) is text, and running
    headers and page numbers never fill the line.
    """
    if len(pages) < 2:
        return pages
    def key(item) -> tuple[str, int]:
        return re.sub(r"\d+", "#", re.sub(r"\s", "", item.text)), round(item.y / 6)
    edges = [[item for item in (page[:2] + page[-2:]) if item.kind == "text" and item.x1 - item.x0 < item.page_width / 2]
             for page in pages]
    counts = Counter(k for edge in edges for k in {key(item) for item in edge})
    repeated = {k for k, times in counts.items() if times >= max(2, len(pages) / 2)}
    return [[item for item in page if not (item in edge and key(item) in repeated)] for page, edge in zip(pages, edges)]


def measure(items: list[pdf_page.Item]) -> Layout:
    text = [item for item in items if item.kind == "text" and len(item.text) >= 4]
    if not text:
        return Layout(0, 0, 12, 14, False)
    size = Counter(round(item.size) for item in text).most_common(1)[0][0]
    left = Counter(round(item.x0) for item in text).most_common(1)[0][0]
    # Margins are (nearly) symmetric; where enough lines reach the right one, they show where full lines end.
    margin = max(item.page_width for item in text) - left
    full = sorted(item.x1 for item in text if item.x1 >= margin - 3 * size)
    right = full[len(full) // 2] if len(full) >= 3 else margin
    gaps = [a.y - b.y for a, b in zip(text, text[1:]) if a.page == b.page and 0 < a.y - b.y < 3 * size]
    pitch = sorted(gaps)[len(gaps) // 2] if gaps else 1.5 * size
    starts = [b for a, b in zip(text, text[1:]) if a.x1 < right - 2 * size]
    indented = sum(1 for b in starts if b.x0 > left + 1.5 * size) >= 0.3 * max(1, len(starts))
    return Layout(left, right, size, pitch, indented)


def continues(a: pdf_page.Item, b: pdf_page.Item, layout: Layout) -> bool:
    """Is ``b`` the next line of the paragraph ``a`` wraps into?"""
    size = layout.size
    if a.kind != "text" or b.kind != "text" or abs(a.size - b.size) > 1:
        return False
    wrapped = a.x1 + b.lead >= layout.right - 0.3 * size and a.x0 <= layout.left + 2.5 * size
    flush = b.x0 <= layout.left + 0.5 * size
    near = b.page != a.page or a.y - b.y <= 1.5 * layout.pitch
    if not (wrapped and flush and near):
        return False
    return layout.indented or not ends_sentence(a.text)


def paragraphs(items: list[pdf_page.Item], layout: Layout) -> list[str]:
    """Lines of text: wrapped lines joined, a blank line at a rule or a visible gap."""
    out: list[str] = []
    previous = None
    for item in items:
        if item.kind == "rule":
            if item.x1 - item.x0 >= 0.5 * (layout.right - layout.left) and out and out[-1]:
                out.append("")
            previous = item
            continue
        if previous is not None and previous.kind != "rule" and continues(previous, item, layout):
            out[-1] = join(out[-1], item.text)
        elif previous is not None and previous.kind == item.kind == "row" and previous.page < item.page \
                and split_row(out[-1], item.text):
            out[-1] = split_row(out[-1], item.text)
        else:
            gap = previous is not None and previous.page == item.page and previous.y - item.y > 1.7 * layout.pitch \
                and "row" not in (previous.kind, item.kind)
            if gap and out and out[-1]:
                out.append("")
            out.append(item.text)
        previous = item
    return out



def split_row(above: str, below: str) -> str:
    """A table row cut by a page break: the rest of its cells on the next page, most of them empty.

    Returns the whole row, or '' when ``below`` is a row of its own.
    """
    top, rest = above.split("\t"), below.split("\t")
    filled = [cell for cell in rest if cell.strip()]
    if len(rest) > len(top) or not filled or len(filled) * 2 > len([cell for cell in top if cell.strip()]):
        return ""
    rest += [""] * (len(top) - len(rest))
    return "\t".join(join(upper, lower) for upper, lower in zip(top, rest))
