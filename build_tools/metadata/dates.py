"""Dates as Chinese official documents write them, turned into ISO strings.

A document's date is only ever as precise as the text: ``2021年1月`` is
``2021-01`` with precision ``month``, never a made-up first of the month.
Recognised forms: ``2023年7月30日``, ``2023 年 1 月 16 日``, ``2021年1月``,
``二〇二二年三月三十日``, ``2020-06-02 09:14:01``, ``2020/6/2``, ``2020.6.2``.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from ..numerals import chinese_number

PRECISIONS = ("year", "month", "day")

# Chinese numerals used in dates: 二〇二二 (digit by digit) and 三十日 (tens).
_CN = "〇○零OＯ一二三四五六七八九十"
_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")

_CHINESE_DATE = re.compile(
    rf"(?P<year>(?:\d|[{_CN}]){{4}})\s*年"
    rf"(?:\s*(?P<month>\d{{1,2}}|[{_CN}]{{1,2}})\s*月"
    rf"(?:\s*(?P<day>\d{{1,2}}|[{_CN}]{{1,3}})\s*[日号])?)?"
)
_NUMERIC_DATE = re.compile(
    r"(?<!\d)(?P<year>(?:19|20)\d\d)(?P<sep>[-/.])(?P<month>\d{1,2})(?:(?P=sep)(?P<day>\d{1,2}))?(?!\d)"
)


@dataclass(frozen=True)
class PartialDate:
    """A date known to ``precision``: year, month or day."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    @property
    def iso(self) -> str:
        parts = [f"{self.year:04d}"] + [f"{part:02d}" for part in (self.month, self.day) if part]
        return "-".join(parts)

    def last_day(self) -> _dt.date:
        """The last calendar day this date covers (for 'has the period ended?')."""
        if self.day:
            return _dt.date(self.year, self.month, self.day)
        if self.month:
            following = _dt.date(self.year + self.month // 12, self.month % 12 + 1, 1)
            return following - _dt.timedelta(days=1)
        return _dt.date(self.year, 12, 31)


class DateError(ValueError):
    """A string that looks like a date but is not a valid one (e.g. 2023年13月1日)."""


def make(year: int, month: int | None = None, day: int | None = None) -> PartialDate:
    """A PartialDate, or DateError if the calendar has no such day."""
    if not 1900 <= year <= 2100:
        raise DateError(f"年份 {year} 不在 1900—2100 之间 / year out of range")
    if month is not None and not 1 <= month <= 12:
        raise DateError(f"月份 {month} 无效 / invalid month")
    if day is not None:
        try:
            _dt.date(year, month, day)
        except ValueError:
            raise DateError(f"{year}年{month}月{day}日 不是有效日期 / not a calendar date") from None
    return PartialDate(year, month, day)


def _from_match(match: re.Match) -> PartialDate:
    parts = [match.group(name) for name in ("year", "month", "day")]
    try:
        numbers = [chinese_number(part) if part else None for part in parts]
    except (KeyError, ValueError):  # a numeral chinese_number cannot read
        raise DateError(f"无法识别的日期“{match.group(0)}” / cannot read date") from None
    return make(*numbers)


def find_dates(text: str) -> list[tuple[int, int, PartialDate]]:
    """Every valid date in ``text`` as (start, end, date), in order; invalid ones are skipped."""
    text = text.translate(_FULLWIDTH)
    found = []
    for pattern in (_CHINESE_DATE, _NUMERIC_DATE):
        for match in pattern.finditer(text):
            # In running text 2020.5 is more often a number than a month.
            if pattern is _NUMERIC_DATE and not match.group("day"):
                continue
            try:
                found.append((match.start(), match.end(), _from_match(match)))
            except DateError:
                continue
    return sorted(found, key=lambda item: item[0])


def parse_date(text: str) -> PartialDate:
    """The single date that ``text`` consists of (labels like 发布时间: and a time of day allowed).

    Raises DateError when there is no date, or when it is not a valid day.
    """
    cleaned = str(text).translate(_FULLWIDTH).strip()
    for pattern in (_CHINESE_DATE, _NUMERIC_DATE):
        match = pattern.search(cleaned)
        if match:
            return _from_match(match)
    if re.fullmatch(r"(19|20)\d\d", cleaned):
        return make(int(cleaned))
    raise DateError(f"无法识别的日期“{text}” / cannot read date {text!r}")


def from_value(value) -> PartialDate:
    """A date from a sidecar value: a YAML date, an int year, or any recognised string."""
    if isinstance(value, _dt.datetime):
        value = value.date()
    if isinstance(value, _dt.date):
        return PartialDate(value.year, value.month, value.day)
    if isinstance(value, int) and not isinstance(value, bool):
        return make(value)
    if isinstance(value, str):
        return parse_date(value)
    raise DateError(f"日期应为 2023-07-30、2023-07 或 2023 这样的值，而不是 {value!r} / not a date")


def is_iso(value: str) -> bool:
    """True for the front-matter forms YYYY, YYYY-MM and YYYY-MM-DD (valid days only)."""
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", str(value))
    if not match:
        return False
    try:
        make(*(int(part) if part else None for part in match.groups()))
    except DateError:
        return False
    return True
