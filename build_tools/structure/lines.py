"""Source lines with their numbers, and the layout facts reflow needs.

Every later rule works on ``Line`` objects so that blocks and error
messages can always name the source line they came from.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..text import width

SEPARATOR = re.compile(r"^[\s—\-_=─━－]{5,}$")
# Characters web pages and Word leave in copied text that show nothing (zero-width space, BOM).
# 第一章\t总则: a tab after a 编/章/节 number is the space before its name, not a table cell.
PART_TAB = re.compile(r"^(第[〇零一二三四五六七八九十百千\d]+[编章节])\t+(?=[^\t]+$)")
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"
_BLANKS = " \u3000\u00a0\r" + INVISIBLE


@dataclass(frozen=True, slots=True)
class Line:
    """One source line with its derived forms, computed once: every rule asks for them again and again."""

    number: int  # 1-based line number in the source file
    raw: str  # as in the file, without the line end
    # Derived from ``raw`` (compare=False: equality and hashing stay those of number and raw).
    text: str = field(init=False, repr=False, compare=False)  # without surrounding blanks; cells' tabs kept
    tabular: bool = field(init=False, repr=False, compare=False)  # a tab between two pieces of text: a table row
    blank: bool = field(init=False, repr=False, compare=False)
    width: float = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        stripped = self.raw.strip()
        tab = "\t" in stripped  # most lines have none: no cell, no 第一章\t总则, no pattern to try
        tabular = tab and not PART_TAB.match(stripped)
        text = self.raw.strip(_BLANKS)
        if tab and PART_TAB.match(text.strip()):
            text = PART_TAB.sub(r"\1 ", text.strip())
        elif not tabular:
            text = text.strip().strip(INVISIBLE)
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "tabular", tabular)
        object.__setattr__(self, "blank", not stripped.strip(INVISIBLE).strip())
        object.__setattr__(self, "width", width(text))


def split_lines(text: str, first: int = 1) -> list[Line]:
    return [Line(number, raw) for number, raw in enumerate(text.split("\n"), start=first)]


def content(lines: list[Line]) -> list[Line]:
    return [line for line in lines if not line.blank]


def trim(lines: list[Line]) -> list[Line]:
    """Drop blank lines at both ends."""
    start, end = 0, len(lines)
    while start < end and lines[start].blank:
        start += 1
    while end > start and lines[end - 1].blank:
        end -= 1
    return lines[start:end]


def fixed_width(lines: list[Line]) -> float | None:
    """The line width of a fixed-width extraction (≈28 em per line), else None.

    Such extractions cut every line at the same width, so the widest lines
    of the text (its 80th percentile) cluster at one width; paragraphs'
    last and first lines are shorter. One-line-per-paragraph or clean
    text has no such cluster of short lines.
    """
    widths = sorted(round(line.width) for line in content(lines) if not line.tabular)
    if len(widths) < 8:
        return None
    full = widths[int(0.8 * (len(widths) - 1))]
    near = sum(1 for width in widths if full - 1 <= width <= full)
    return float(full) if 15 <= full <= 45 and near >= 0.3 * len(widths) else None
