"""A law's record of adoption, read for the issuing organ and the version date.

Laws and regulations print under the title what happened to them:
（2001年10月27日第九届全国人民代表大会常务委员会第二十四次会议通过　根据
2018年12月29日…第四次修正）. The organ that adopted the text (通过 or 修订,
else 批准 or 公布) is its issuer; the latest date is the date of this version,
which is what an archive of versions is dated by.
"""
from __future__ import annotations

import re

from . import dates

# One event: a date, then who acted (up to the verb).
_EVENT = re.compile(r"(?P<date>[\d〇零一二三四五六七八九○Ｏ]{4}\s*年[^年]{1,12}?日)\s*(?P<actor>[^，；。\s　]*?)(?P<verb>通过|修订|批准|公布|发布|印发|令(?=第))")
# Parts of a meeting's name that are not the organ: its term and its sitting.
_TERM = re.compile(r"第[一二三四五六七八九十百\d]+届")
_SITTING = re.compile(r"(?:审判委员会|检察委员会)?(?:第[一二三四五六七八九十百\d\s]+次)?(?:全体|常务)?(?:会议|会|委员会会议)(?:审议|讨论|表决)?$"
                      r"|(?:令)?第.+号$")
# A clause (from one date to the next) that only says when the text takes effect
# (自2021年1月1日起施行) does not date a version.
_IN_FORCE_ONLY = re.compile(r"施行|生效")
_ACTED = re.compile(r"通过|批准|公布|发布|印发|修正|修订|修改")
# What an adopting organ's name ends with; 《…的决定》第一次 before 修订 is no organ.
_ORGAN = re.compile(r"(?:人民代表大会|委员会|政府|国务院|法院|检察院|院|部|局|厅|署|委|办公厅|办公室|银行|总局)$")
_PREFERENCE = ("通过", "修订", "批准", "公布", "发布", "印发", "令")  # 令: （…中华人民共和国国务院令第692号）


def _organ(actor: str) -> str:
    """全国人民代表大会常务委员会 of 第九届全国人民代表大会常务委员会第二十四次会议; 国务院 of 国务院令第588号."""
    actor = re.sub(r"^(?:中华人民共和国)(?=国务院)", "", actor)
    organ = _SITTING.sub("", _TERM.sub("", actor.replace(" ", "")))
    return re.sub(r"令$", "", organ)


def adoption(record: str) -> dict:
    """{issuer, date, effective} a record states (any may be missing)."""
    events = list(_EVENT.finditer(record or ""))
    found: dict = {}
    for verb in _PREFERENCE:
        organs = [_organ(event.group("actor")) for event in events if event.group("verb") == verb]
        organs = [organ for organ in organs if _ORGAN.search(organ) and "《" not in organ]
        if organs:
            found["issuer"] = organs[0]
            break
    found_dates = dates.find_dates(record or "")
    ends = [start for start, _, _ in found_dates[1:]] + [len(record or "")]
    stated = [date for (start, _, date), end in zip(found_dates, ends) if date.precision == "day"
              and (_ACTED.search(record[start:end]) or not _IN_FORCE_ONLY.search(record[start:end]))]
    if stated:
        found["date"] = max(stated, key=lambda date: date.iso).iso
    in_force = [date for (start, _, date), end in zip(found_dates, ends)
                if date.precision == "day" and _IN_FORCE_ONLY.search(record[start:end])]
    if in_force:
        found["effective"] = in_force[-1].iso
    return found
