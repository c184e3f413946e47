"""HTML as the text path's lines: one per block, <br> as a line break, tables as tab rows.

Saved Chinese government pages come in UTF-8 or GBK (declared in a meta tag
or not at all), so the bytes are decoded by the declared charset first,
then as the text reader decodes a raw text.
"""
from __future__ import annotations

import re

from selectolax.lexbor import LexborNode as Node

from ..errors import SourceError
from .text import decode as decode_text
from ..text import IDEOGRAPH

BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "section",
          "article", "center", "pre", "address", "figure", "figcaption", "hr", "main", "aside"}
CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.I)
# A line break in the HTML source between two Chinese characters shows no space in a browser's Chinese text.
_WRAP = re.compile(rf"(?<=[{IDEOGRAPH}，。；：、）》”])[ \t\r\n]*\n[ \t\r\n]*(?=[{IDEOGRAPH}（《“])")
_SPACES = re.compile(r"[ \t\r\n\xa0]+")
BREAK = "\u2028"  # a <br>, kept apart from the source's own line ends until the text is laid out


def decode(raw: bytes, path: str) -> str:
    declared = CHARSET.search(raw[:4096])
    if declared:
        name = declared.group(1).decode("ascii").lower()
        name = "gb18030" if name in ("gb2312", "gbk", "gb18030") else name
        try:
            return raw.decode(name)
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return decode_text(raw, path)[0]
    except SourceError as error:
        raise SourceError(path, f"网页编码无法识别 / cannot decode the page: {error.message}", hint=error.hint) from None


def block_lines(node: Node) -> list[str]:
    """The lines of an element: each block its own line, tables as rows, inline text joined."""
    lines: list[str] = []
    buffer: list[str] = []

    def flush() -> None:
        if buffer:
            lines.extend(inline("".join(buffer)).split(BREAK))
            buffer.clear()

    for child in node.iter(include_text=True):
        tag = child.tag
        if tag == "-text":
            buffer.append(child.text(deep=False))
        elif tag == "br":
            buffer.append(BREAK)
        elif tag == "table":
            flush()
            lines.extend(table_rows(child))
        elif tag in BLOCKS:
            flush()
            lines.extend(block_lines(child))
        elif tag not in ("img", "-comment"):
            buffer.append(BREAK.join(block_lines(child)))
    flush()
    return [line for line in lines if line.strip() or not lines]


def inline(text: str) -> str:
    """Source whitespace as a browser shows it: wraps between Chinese characters vanish, other runs are one space."""
    text = _WRAP.sub("", text)
    return BREAK.join(_SPACES.sub(" ", line).strip(" ") for line in text.split(BREAK))


def table_rows(table: Node) -> list[str]:
    """Rows as tab-separated cells; a cell spanning columns or rows keeps its text in its first cell."""
    rows, pending = [], {}  # pending: column → rows still covered by a rowspan above
    for tr in table.css("tr"):
        cells, column = [], 0
        for cell in tr.iter():
            if cell.tag not in ("td", "th"):
                continue
            while pending.get(column, 0) > 0:
                pending[column] -= 1
                cells.append("")
                column += 1
            text = "".join(line.strip(" \u3000") for line in block_lines(cell))
            span, down = _span(cell, "colspan"), _span(cell, "rowspan")
            for offset in range(span):
                if down > 1:
                    pending[column + offset] = down - 1
            cells += [text] + [""] * (span - 1)
            column += span
        rows.append("\t".join(cells).rstrip("\t") or "\t")
    return rows


def _span(cell: Node, name: str) -> int:
    try:
        return max(1, min(50, int(cell.attributes.get(name) or 1)))
    except ValueError:
        return 1
