"""When does a line break end a paragraph?

Four extraction styles are common: one line per paragraph; fixed-width
lines (≈28 characters, the GB/T 9704 line) with a blank line after each
and no first-line indent left; paragraphs separated by blank lines with
page breaks (more blank lines) inside sentences; clean text. One rule
covers them: a break inside an unfinished sentence is a wrap and is
joined; after a finished sentence it ends the paragraph, except in
fixed-width text, where only a short line (or the next line's missing
two-character indent) shows the paragraph end.
"""
from __future__ import annotations

from ..text import ends_sentence
from .lines import Line

INDENT = 2.0  # em: the first-line indent of a paragraph


def continues(paragraph: list[Line], text: str, following: Line, line_width: float | None) -> bool:
    """Is ``following`` the next line of ``paragraph`` (its lines so far, joined into ``text``)?"""
    if not ends_sentence(text):
        return True
    if line_width is None:
        return False
    # A paragraph's first line is full two characters early, at its indent.
    full = line_width - 1 - (INDENT if len(paragraph) == 1 else 0)
    previous_full = paragraph[-1].width >= full
    indented_start = line_width - INDENT - 1.5 <= following.width <= line_width - INDENT + 0.5
    return previous_full and not indented_start
