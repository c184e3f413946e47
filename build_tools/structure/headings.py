"""Numbered headings of Chinese official documents and their levels.

GB/T 9704-2012 orders the levels 一、 → （一） → 1. → （1）; reports often
use numeric outlines (1、 / 1.1 / 1.2.1) and circled numbers (①). A
numbered line is a heading when it stands alone as a short title; when it
starts a paragraph with a short first sentence (``（一）指导思想。以…``) that
sentence is the paragraph's bold run-in lead; a long numbered sentence is
plain running text. Levels are assigned per document from the order in
which the styles nest, so skipped levels and restarted numbering still
nest correctly.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..numerals import chinese_number

_HAN_NUMBER = "〇零一二三四五六七八九十百"
# (style, pattern, canonical rank): the rank orders styles that have not been seen nested yet.
STYLES = (
    ("book", re.compile(rf"^第[{_HAN_NUMBER}\d]+编"), -1),
    ("chapter", re.compile(rf"^第[{_HAN_NUMBER}\d]+章"), 0),
    ("section", re.compile(rf"^第[{_HAN_NUMBER}\d]+节"), 1),
    ("han", re.compile(rf"^([{_HAN_NUMBER}]+)、"), 2),
    ("han-paren", re.compile(rf"^[（(]\s*([{_HAN_NUMBER}]+)\s*[）)]"), 3),
    # ㈠ … ㈩: the same level as （一） in one character, as Word's numbering copies out.
    ("han-paren", re.compile(r"^([㈠-㈩])"), 3),
    ("outline", re.compile(r"^(\d{1,2}(?:[.．]\d{1,2}){1,3})(?![\d.．%])"), 4),
    ("arabic", re.compile(r"^(\d{1,2})\s*[.．、](?![\d])"), 4),
    ("arabic-paren", re.compile(r"^[（(]\s*(\d{1,2})\s*[）)]"), 5),
    ("circled", re.compile(r"^([①-⑳])"), 6),
)
_AFFIXES = str.maketrans("", "", "第编章节条")  # around the numeral of 第十二章
# What a numbering can start with besides a digit (\d: any decimal, as str.isdecimal).
_FIRST = frozenset("第（(" + _HAN_NUMBER + "㈠㈡㈢㈣㈤㈥㈦㈧㈨㈩①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳")
# Numbered divisions of laws and regulations (编, 章, 节): they end an article, its items do not.
DIVISIONS = ("book", "chapter", "section")
# An article's number leads its paragraph; 第三十九条和第四十条… or 第五条规定… at a line start is a
# reference wrapped onto a new line, not an article.
ARTICLE = re.compile(rf"^第[{_HAN_NUMBER}千\d]+条(?:之[{_HAN_NUMBER}]+)?(?![和及、与或至到的规中款项第])")
UNNUMBERED = re.compile(r"^(前\s*言|引\s*言|序\s*言|总\s*则|附\s*则|结\s*语|结\s*束\s*语|后\s*记|摘\s*要)$")
SENTENCE_END = "。！？；"
MAX_HEADING = 40  # characters; longer numbered lines are running text
MAX_LEAD = 32


@dataclass(frozen=True)
class Number:
    style: str  # key from STYLES, outline styles carry their depth: outline-2
    value: int  # the item's number (last component for outlines)
    rank: float  # canonical order of the style; outlines rank by depth
    marker: str  # the numbering as written, e.g. （一）


def number_of(text: str) -> Number | None:
    """The numbering that starts ``text``, if any."""
    if not text or not (text[0] in _FIRST or text[0].isdecimal()):  # most lines: no style can match
        return None
    for style, pattern, rank in STYLES:
        match = pattern.match(text)
        if match:
            label = match.group(1) if match.groups() else match.group(0)
            if style == "outline":
                parts = re.split(r"[.．]", label)
                return Number(f"outline-{len(parts)}", int(parts[-1]), rank + len(parts) / 10, match.group(0))
            return Number(style, _value(label), rank, match.group(0))
    return None


def _value(label: str) -> int:
    """The number a label stands for: 3, ③, ㈢, 十二, 第一百二十章 …; 0 when it is none."""
    if label in "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳":
        return ord(label) - ord("①") + 1
    if label in "㈠㈡㈢㈣㈤㈥㈦㈧㈨㈩":
        return ord(label) - ord("㈠") + 1
    try:
        return chinese_number(label.translate(_AFFIXES))
    except ValueError:
        return 0


def is_heading_line(text: str) -> bool:
    """A numbered or known unnumbered title that stands alone on its line."""
    if UNNUMBERED.match(text):
        return True
    number = number_of(text)
    if not number or len(text) <= len(number.marker):
        return False
    body = text[:-1] if text[-1:] in SENTENCE_END else text
    return len(text) <= MAX_HEADING and not any(mark in body for mark in SENTENCE_END)


def run_in_lead(text: str) -> str:
    """``（一）指导思想。`` of ``（一）指导思想。以…``: a short numbered first sentence (or label ending in ：).

    Articles of regulations (第三条) always lead their paragraph.
    """
    article = ARTICLE.match(text)
    if article:
        return article.group(0)
    if not number_of(text):
        return ""
    end = re.search(r"[。：]", text)
    if not end or end.end() >= len(text) or end.end() > MAX_LEAD or re.search(r"[；！？]", text[: end.start()]):
        return ""
    return text[: end.end()]


def assign_levels(numbers: list[Number | None]) -> list[int]:
    """Heading levels (1 = top) for the headings of one document, in order.

    A stack holds the open headings. A number that continues an open
    heading's sequence closes everything below it; a new style, or a
    sequence restarting at 1 inside a section, opens a deeper level.
    Unnumbered headings (前言 …) are top level.
    """
    stack: list[Number] = []
    levels = []
    for index, number in enumerate(numbers):
        if number is None:
            stack = []
            levels.append(1)
            continue
        depth = _depth_for(stack, number, numbers[index + 1:])
        stack = stack[:depth] + [number]
        levels.append(depth + 1)
    return levels


def _depth_for(stack: list[Number], number: Number, upcoming: list[Number | None]) -> int:
    same = [i for i, open_ in enumerate(stack) if open_.style == number.style]
    continuing = [i for i in same if number.value == stack[i].value + 1]
    if len(continuing) > 1:
        return _settle(continuing, number, upcoming)
    if continuing:
        return continuing[0]
    if same and number.value != 1:
        return same[-1]  # a numbering slip: still a sibling
    if same:  # restarts at 1 inside the open section: one level deeper
        return len(stack)
    outer = [i for i, open_ in enumerate(stack) if open_.rank >= number.rank and not open_.style.startswith("outline")]
    return outer[0] if outer else len(stack)


def _settle(candidates: list[int], number: Number, upcoming: list[Number | None]) -> int:
    """Chapter 2、 or item 2、 of a list under 1.3? The outline that follows decides."""
    for later in upcoming:
        if later is None or later.style == number.style:
            break
        if later.style.startswith("outline"):
            return candidates[0] if re.match(rf"{number.value}[.．]", later.marker) else candidates[-1]
    return candidates[-1]
