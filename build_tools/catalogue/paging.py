"""Long browse lists split into pages by date, so that adding a document changes a few small pages.

A list (the documents of one facet, or those in force) of more than ``PAGE_LIMIT`` documents becomes
a page of parts, one per decade; a part still too long is split by year, then by month, then by day
(a level where all the documents agree is skipped: a year's list starts with months). The partition
depends on the documents' dates only, so a new document lands in the parts of its own date and
leaves every other part as it was (issue 16: a rebuild re-renders the browse pages a document
appears on, and their cost must not grow with the archive). Undated documents form one part.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from ..model import Document

PAGE_LIMIT = 200
UNDATED = "undated"
# Characters of an ISO date per level: decade (its first three digits), year, month, day.
LEVELS = (3, 4, 7, 10)


@dataclass
class Part:
    """One page of a list: ``key`` is "" for the list's own page, else a date prefix or ``UNDATED``."""

    path: str  # docs-relative
    key: str
    documents: list  # newest first (names: in the order of the list)
    parts: list[Part] = field(default_factory=list)  # empty: the page lists ``documents`` itself


def date_of(document: Document) -> str:
    date = str(document.meta.get("date") or "")
    return date if date[:4].isdigit() else ""


def key_at(date: str, level: int) -> str:
    """The part a date falls in at ``level``: 2020s, 2020, 2020-05, 2020-05-03; 2020-00 when the month is unknown."""
    if not date:
        return UNDATED
    width = LEVELS[level]
    if width == 3:
        return date[:3] + "0s"
    return date[:width] if len(date) >= width else date + "-00" * ((width - len(date)) // 3)


def chain(date: str) -> set[str]:
    """Every part a document of this date may be listed on, at any level, the list's own page included."""
    return {"", *(key_at(date, level) for level in range(len(LEVELS)))}


def date_key(document: Document, level: int) -> str:
    return key_at(date_of(document), level)


def split(path: str, items: list, key: str = "", level: int = 0, key_of: Callable[[object, int], str] = date_key,
          levels: int = len(LEVELS), name_of: Callable[[str], str] = str) -> Part:
    """The page at ``path`` and, if it is too long, its parts at the first level where the items' keys
    differ (``key_of(item, level)``: by default their dates; ``name_of(key)``: a part's file name)."""
    part = Part(path, key, items)
    if len(items) <= PAGE_LIMIT or key == UNDATED:
        return part
    folder = path.removesuffix(".md") if not key else path.rsplit("/", 1)[0]
    for depth in range(level, levels):
        groups: dict[str, list] = {}
        for item in items:
            groups.setdefault(key_of(item, depth), []).append(item)
        if len(groups) > 1:
            part.parts = [split(f"{folder}/{name_of(name)}.md", members, name, depth + 1, key_of, levels, name_of)
                          for name, members in groups.items()]
            return part
    return part


def walk(part: Part) -> list[Part]:
    """The page and all its parts, depth first."""
    return [part, *(page for child in part.parts for page in walk(child))]


def label(key: str) -> str:
    """2020—2029年, 2020年, 2020年5月, 2020年5月3日; 日期不详; 月份不详 / 日期不详 within a known year."""
    if key == UNDATED:
        return "日期不详"
    if key.endswith("0s"):
        return f"{key[:4]}—{key[:3]}9年"
    values = key.split("-")
    if "00" in values:
        known = "".join(f"{int(v)}{unit}" for v, unit in zip(values, "年月日") if v != "00")
        return f"{known}（{'月份' if values[1] == '00' else '日期'}不详）"
    return "".join(f"{int(value)}{unit}" for value, unit in zip(values, "年月日"))


# Names: a list sorted by name (the to-do list of documents not yet in the archive) is split like a
# dictionary's pages, by the code points of the names, two bits at a time (eight levels a character,
# so a part's children are at most four and pages stay near ``PAGE_LIMIT``); a new name changes only
# the parts on its own path.
END = "\0"  # after a whole name: 《X》 and the longer 《X》（…） fall in different parts
SHIFTS = (14, 12, 10, 8, 6, 4, 2, 0)
NAME_LEVELS = len(SHIFTS) * 200


def prefix_key(name: str, level: int) -> str:
    """The name's first characters, then a level marker and the top bits of the next code point."""
    whole = name + END
    characters, step = divmod(level, len(SHIFTS))
    if characters >= len(whole):
        return whole
    return whole[:characters] + chr(1 + step) + chr(ord(whole[characters]) >> SHIFTS[step])


def prefixes(name: str) -> set[str]:
    """Every part a name may be listed on, the list's own page included."""
    return {"", *(prefix_key(name, level) for level in range(min(len(SHIFTS) * (len(name) + 1) + 1, NAME_LEVELS)))}


def prefix_file(key: str) -> str:
    """An ASCII file name for a key: its code points in hexadecimal."""
    return "-".join(f"{ord(character):x}" for character in key)


def range_label(names: list[str]) -> str:
    """Guide words, as on a dictionary's page: the first and the last name listed."""
    return names[0] if len(names) == 1 else f"{names[0]} — {names[-1]}"
