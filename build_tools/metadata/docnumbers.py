"""Document numbers (发文字号) in the standard form 机关代字〔年份〕序号号.

Transcribed texts write the year brackets every way a keyboard allows —
``[2018]``, ``（2016）``, ``(2016)``, ``［2016］``, ``【2016】`` — and PDF
extraction splits numbers across lines (``曲政发[2019]24`` / ``号``). The
national standard (GB/T 9704) uses 六角括号 〔〕 and no leading zeros, so
every variant is normalised to that form: one number, one spelling, which
is what duplicate checks and citation links compare.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..structure.enactment import ORDER

_OPEN = "〔[（(［【﹝"
_CLOSE = "〕]）)］】﹞"
# The bracketed year and the serial number; the 机关代字 is read backwards from here.
_CORE = re.compile(
    rf"[{re.escape(_OPEN)}]\s*(?P<year>(?:19|20)\d\d)\s*[{re.escape(_CLOSE)}]\s*"
    r"(?P<serial>\d{1,5})(?P<tail>\s*号)?"
)
_CJK = re.compile(r"[\u4e00-\u9fff]")
_MAX_AGENCY = 12
# Words that end a sentence part before a number (根据国发〔2014〕19号): not part of the 代字.
# A bare number after other words can still take a word too many; numbers in brackets after
# a title, the usual way of citing, are never affected. Only words not seen inside 代字 are listed
# (经 is not: 经信发).
_LEAD_WORDS = re.compile(
    r".*(?:根据|按照|依照|依据|遵照|对照|参照|执行|落实|贯彻|印发|转发|下发|发布|出台|关于|详见|参见|精神|文件|规定|"
    r"强调|要求|重申|明确|提出|通过|学习|结合|认真|有关|相关|即|的|和|及|与|见|按|依|对|将|把|由|在|于|从|等|是|了|并)")
# An office named before the number (省教育厅云教发〔2020〕1号): its name has at least four
# characters, so codes with 厅 inside (人社厅发, 工信厅联装, 教职成厅函) are left whole.
_OFFICE_BEFORE = re.compile(r"^.{3,}(?:厅|局|政府|委员会|办公室)(?=.{2,}$)")



class DocNumberError(ValueError):
    """Text that should be a document number but is not one."""


@dataclass(frozen=True)
class DocNumber:
    agency: str  # 机关代字, e.g. 楚教复
    year: int
    serial: int

    def __str__(self) -> str:
        return f"{self.agency}〔{self.year}〕{self.serial}号"


def _agency_before(text: str, end: int) -> tuple[str, int]:
    """The 机关代字 ending at ``end`` (whitespace inside is a line split) and where it starts."""
    chars, position = [], end
    while position > 0 and len(chars) < _MAX_AGENCY:
        char = text[position - 1]
        if char.isspace():
            position -= 1
            continue
        if not _CJK.match(char):
            break
        chars.append(char)
        position -= 1
    agency = "".join(reversed(chars))
    for before in (_LEAD_WORDS, _OFFICE_BEFORE):
        words = before.match(agency)
        if words:
            skipped = len(words.group(0))
            agency = agency[skipped:]
            position = _skip_chars(text, position, skipped)
    return agency, position


def _skip_chars(text: str, position: int, count: int) -> int:
    """Move ``position`` forward over ``count`` non-space characters."""
    while count:
        if not text[position].isspace():
            count -= 1
        position += 1
    while text[position].isspace():
        position += 1
    return position


def _complete(text: str, match: re.Match) -> bool:
    """A number without 号 counts only where nothing else follows (end, punctuation, space)."""
    if match.group("tail"):
        return True
    rest = text[match.end():match.end() + 1]
    return rest == "" or not (rest.isdigit() or _CJK.match(rest) or rest.isalpha())


def find_numbers(text: str) -> list[tuple[int, int, DocNumber]]:
    """Every document number in ``text`` as (start, end, DocNumber), in order."""
    found = []
    for match in _CORE.finditer(text):
        agency, start = _agency_before(text, match.start())
        if agency and _complete(text, match):
            number = DocNumber(agency, int(match.group("year")), int(match.group("serial")))
            found.append((start, match.end(), number))
    return found


def normalise(raw: str) -> str:
    """The standard spelling of one document number, or DocNumberError.

    >>> normalise("教职成[2018]1号")
    '教职成〔2018〕1号'
    """
    text = re.sub(r"\s+", "", str(raw))
    text = re.sub(r"^(?:文号|发文字号)[:：]", "", text)
    if ORDER.match(text):
        return text
    numbers = find_numbers(text)
    if len(numbers) != 1 or numbers[0][0] != 0 or numbers[0][1] != len(text):
        raise DocNumberError(
            f"“{raw}”不是规范的发文字号（应为 机关代字〔年份〕序号号，如 楚教复〔2023〕27号）"
            f" / not a document number like 楚教复〔2023〕27号"
        )
    return str(numbers[0][2])


def year_of(normalised: str) -> int | None:
    match = re.search(r"〔(\d{4})〕", normalised)
    return int(match.group(1)) if match else None
