"""Long browse lists split into pages by date, so that adding a document changes a few small pages.

A list (the documents of one facet, or those in force) of more than ``PAGE_LIMIT`` documents becomes
a page of parts, one per decade; a part still too long is split by year, then by month, then by day
(a level where all the documents agree is skipped: a year's list starts with months). The partition
depends on the documents' dates only, so a new document lands in the parts of its own date and
leaves every other part as it was (issue 16: a rebuild re-renders the browse pages a document
appears on, and their cost must not grow with the archive). Undated documents form one part.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Callable, Container

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
    kept: bool = False  # not split again (``split``'s ``grow``): its parts, if any, are the last build's


@dataclass(frozen=True)
class Order:
    """How a kind of list is split: the part an item falls in at a level (``key_of``), how many levels,
    a part's file name and back, and whether one part lies inside another (to keep the last build's)."""

    key_of: Callable[[object, int], str]
    levels: int
    file_of: Callable[[str], str]
    key_in: Callable[[str], str]
    within: Callable[[str, str], bool]


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


def within_date(key: str, part: str) -> bool:
    """Whether the part ``key`` lies inside ``part``: 2021 and 2021-06 inside 2020s, 2021-06 inside 2021."""
    if part.endswith("0s"):
        return key[:3] == part[:3] and key != part
    return key.startswith(part + "-")


DATES = Order(date_key, len(LEVELS), str, str, within_date)


def split(path: str, items: list, order: Order = DATES, grow: Callable[[Part], bool] | None = None,
          key: str = "", level: int = 0, folder: str | None = None) -> Part:
    """The page at ``path`` and, if it is too long, its parts at the first level where the items' keys
    differ (``order``: by default their dates), each split in turn if ``grow(part)`` (None: every part).

    A rebuild grows only the parts a change reaches (issue 16: splitting the lists a change reaches again,
    whole, cost a rebuild 0.14 s at 20,000 laws; 4 ms now); a part it does not grow is ``kept``: its
    own parts are the last build's. ``folder``: where the list's parts go, if not beside its page
    under its own name.
    The items come in the order of their keys (newest first; names sorted), so a level where the first
    and the last item agree is one where all agree, and skipping it costs nothing."""
    part = Part(path, key, items)
    depth = None if len(items) <= PAGE_LIMIT or key == UNDATED else first_difference(items, level, order)
    if depth is None:
        return part
    folder = folder or (path.removesuffix(".md") if not key else path.rsplit("/", 1)[0])
    for name, members in group(items, depth, order).items():
        child = Part(f"{folder}/{order.file_of(name)}.md", name, members, kept=True)
        part.parts.append(split(child.path, members, order, grow, name, depth + 1) if grow is None or grow(child) else child)
    return part


def first_difference(items: list, level: int, order: Order) -> int | None:
    """The first level from ``level`` where the first and the last item fall in different parts."""
    return next((depth for depth in range(level, order.levels)
                 if order.key_of(items[0], depth) != order.key_of(items[-1], depth)), None)


def group(items: list, depth: int, order: Order) -> dict[str, list]:
    """The items by their part at ``depth``. The items of a part come together (``split``), so a binary
    search finds where each part ends: a few keys a part, not one an item (the to-do list's top page
    alone has 7,500 names at 20,000 laws)."""
    groups, start = {}, 0
    while start < len(items):
        key = order.key_of(items[start], depth)
        end = bisect_left(range(start, len(items)), True, key=lambda index: order.key_of(items[index], depth) != key)
        groups[key], start = items[start: start + end], start + end
    return groups


def page_key(path: str, order: Order) -> str:
    """The key of a part's page, from its file name (the last build's pages have only their paths)."""
    return order.key_in(path.rsplit("/", 1)[-1].removesuffix(".md"))


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


def file_prefix(name: str) -> str:
    """The key of a file name made by ``prefix_file``."""
    return "".join(chr(int(code, 16)) for code in name.split("-"))


def name_level(key: str) -> tuple[int, str]:
    """The level a name part's key is made at and a name listed in that part (its marker and bits
    give back the top bits of the next code point; a whole name, ending in ``END``, has no marker)."""
    if len(key) > 1 and 1 <= ord(key[-2]) <= len(SHIFTS):
        step = ord(key[-2]) - 1
        return len(SHIFTS) * (len(key) - 2) + step, key[:-2] + chr(ord(key[-1]) << SHIFTS[step])
    return len(SHIFTS) * len(key), key[:-1]


def within_name(key: str, part: str) -> bool:
    """Whether the part ``key`` lies inside ``part``: ``part`` is the key, at its level, of a name in ``key``."""
    (level, name), depth = name_level(key), name_level(part)[0]
    return depth < level and prefix_key(name, depth) == part


def name_key(row: tuple, level: int) -> str:
    return prefix_key(row[0], level)


def range_label(names: list[str]) -> str:
    """Guide words, as on a dictionary's page: the first and the last name listed."""
    return names[0] if len(names) == 1 else f"{names[0]} — {names[-1]}"


NAMES = Order(name_key, NAME_LEVELS, prefix_file, file_prefix, within_name)  # rows (name, …) sorted by name


def reaching(top: str, wanted: set[str] | None, also: Container[str], order: Order = DATES):
    """``split``'s ``grow`` for the pages to write: the parts ``wanted`` (None: all) and those
    holding a page of ``also`` (the list's pages missing on disk)."""
    if wanted is None:
        return None
    keys = [page_key(path, order) for path in also if path != top]
    return lambda part: part.key in wanted or any(key == part.key or order.within(key, part.key) for key in keys)
