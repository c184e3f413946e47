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
    documents: list[Document]  # newest first
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


def split(path: str, documents: list[Document], key: str = "", level: int = 0) -> Part:
    """The page at ``path`` and, if it is too long, its parts at the first level where dates differ."""
    part = Part(path, key, documents)
    if len(documents) <= PAGE_LIMIT or key == UNDATED:
        return part
    folder = path.removesuffix(".md") if not key else path.rsplit("/", 1)[0]
    for depth in range(level, len(LEVELS)):
        groups: dict[str, list[Document]] = {}
        for document in documents:
            groups.setdefault(key_at(date_of(document), depth), []).append(document)
        if len(groups) > 1:
            part.parts = [split(f"{folder}/{name}.md", members, name, depth + 1) for name, members in groups.items()]
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
