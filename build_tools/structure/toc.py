"""Tables of contents: dropped, because the site builds its own.

A TOC starts at a 目录 line and runs over entries that end in a page number
(after a tab, spaces or dot leaders) and the continuation lines of long
entries (``-----\t35``). A law's TOC has no page numbers: it lists the
编/章/节 headings, and ends where its first entry is printed again as the
body's first heading. Its annex entries still name the annexes, so they
are returned for the annexes that lack a title line of their own.
"""
from __future__ import annotations

import re

from ..model import Removed
from .lines import Line

_HEADING = re.compile(r"^目\s*录$")
_ENTRY = re.compile(r"^(?P<title>.*?)(?:\t+\s*|\s{2,}|\s*[.…·．]{3,}\s*)(?P<page>\d{0,4})$")
_LEADER_ONLY = re.compile(r"^[-—.…·\s]*\t?\s*\d{0,4}$")
_ANNEX = re.compile(r"^(附件[一二三四五六七八九十\d]+)\s*[:：]?\s*(.+)$")


def find_toc(lines: list[Line]) -> tuple[int, int] | None:
    """(start, end) indexes of the TOC in ``lines``, or None."""
    for start, line in enumerate(lines):
        if _HEADING.match(line.text):
            end = start + 1
            while end < len(lines) and _is_toc_line(lines[end]):
                end += 1
            while end > start + 1 and lines[end - 1].blank:
                end -= 1
            return (start, end) if end > start + 1 else _heading_list(lines, start)
    return None


def _key(line: Line) -> str:
    return re.sub(r"\s", "", line.text)


def _heading_list(lines: list[Line], start: int) -> tuple[int, int] | None:
    """A TOC without page numbers: short lines up to the repeat of the first entry."""
    entries = [index for index in range(start + 1, len(lines)) if not lines[index].blank]
    if not entries:
        return None
    first = _key(lines[entries[0]])
    for index in entries[1:]:
        text = lines[index].text
        if _key(lines[index]) == first:
            return start, index
        if len(text) > 40 or re.search(r"[。；：，]", text):
            return None
    return None


def _is_toc_line(line: Line) -> bool:
    return line.blank or bool(_ENTRY.match(line.raw.strip(" "))) or bool(_LEADER_ONLY.match(line.raw.strip(" ")))


def remove_toc(lines: list[Line]) -> tuple[list[Line], list[Removed], dict[str, str]]:
    """Lines without the TOC, the TOC as a Removed record, and annex part → title."""
    found = find_toc(lines)
    if not found:
        return lines, [], {}
    start, end = found
    toc = lines[start:end]
    text = "\n".join(line.raw for line in toc)
    annex_titles = {}
    for line in toc:
        match = _ANNEX.match(line.text.split("\t")[0].strip())
        if match:
            annex_titles[match.group(1)] = match.group(2).strip()
    return lines[:start] + lines[end:], [Removed("toc", text, toc[0].number)], annex_titles
