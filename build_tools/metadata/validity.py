"""Validity (时效性): the period a document states for itself, and whether it has ended.

``status`` is never guessed: it is 未知 unless an editor sets it. What the
text does state — a plan for 2019—2021, 自2020年3月1日起施行, 有效期5年 —
becomes ``effective`` / ``expires``, and ``check`` warns the editors when a
stated period has ended so that they can look up and set the status.
"""
from __future__ import annotations

import datetime as _dt
import re

from . import dates

_YEAR_RANGE = re.compile(r"[（(]?\s*((?:19|20)\d\d)\s*[-－—–~～至到]+\s*((?:19|20)\d\d)\s*年?\s*[）)]?")
_IN_FORCE_FROM = re.compile(r"自\s*(?P<date>[0-9〇○零一二三四五六七八九十\s]{4,}年[^，。；]{1,12}?日)\s*起\s*(?:施行|执行|实施|生效)")
_FROM_ISSUE = re.compile(r"自(?:印发|发布|公布)之日起(?:施行|执行|实施|生效)")
_UNTIL = re.compile(r"有效期至\s*(?P<date>[0-9〇○零一二三四五六七八九十\s]{4,}年[^，。；]{1,12}?日)")
_YEARS = re.compile(r"有效期\s*(?P<years>\d+|[一二三四五六七八九十])\s*年")
_STATED_PERIOD = re.compile(
    r"(?:实施|执行|规划|计划|行动)(?:期限|时间|期)\s*(?:为|是|[:：])?\s*((?:19|20)\d\d)\s*年?\s*[-－—–~～至到]+\s*((?:19|20)\d\d)\s*年")


def period_from_title(title: str) -> tuple[str, str] | None:
    """(effective, expires) years of a plan whose title states its period, e.g. （2019—2021年）."""
    match = _YEAR_RANGE.search(title or "")
    if not match or int(match.group(2)) < int(match.group(1)):
        return None
    return match.group(1), match.group(2)


def period_from_text(text: str, issued: str | None) -> dict:
    """``effective``/``expires`` the text states (实施期限为2019—2021年, 自…起施行, 有效期至…, 有效期5年)."""
    found = {}
    start = _IN_FORCE_FROM.search(text)
    if start:
        found["effective"] = _iso(start.group("date"))
    elif _FROM_ISSUE.search(text) and issued and len(issued) == 10:
        found["effective"] = issued
    stated = _STATED_PERIOD.search(text)
    if stated and int(stated.group(2)) >= int(stated.group(1)):
        found.setdefault("effective", stated.group(1))
        found["expires"] = stated.group(2)
    until = _UNTIL.search(text)
    years = _YEARS.search(text)
    if until:
        found["expires"] = _iso(until.group("date"))
    elif years and "expires" not in found and found.get("effective") and len(found["effective"]) == 10:
        found["expires"] = _add_years(found["effective"], dates.chinese_number(years.group("years")))
    return {key: value for key, value in found.items() if value}


def _iso(text: str) -> str | None:
    try:
        return dates.parse_date(text).iso
    except dates.DateError:
        return None


def _add_years(iso: str, years: int) -> str:
    """The last day of a period of ``years`` years starting on ``iso``."""
    start = _dt.date.fromisoformat(iso)
    try:
        end = start.replace(year=start.year + years)
    except ValueError:  # 29 February
        end = start.replace(year=start.year + years, day=28)
    return (end - _dt.timedelta(days=1)).isoformat()


def ended(expires: str, today: _dt.date) -> bool:
    """Has a period that ends on ``expires`` (YYYY, YYYY-MM or YYYY-MM-DD) ended by ``today``?"""
    return dates.parse_date(expires).last_day() < today
