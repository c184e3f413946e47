"""The closing lines of a document: signature, date and the 版记 footer.

After the body: the issuing office and the date (GB/T 9704 落款), maybe a
note such as （此件公开发布）; at the very end the 版记 — 联系人及电话,
抄送 and the 印发 line, between rules. They become header strings and
footer blocks, never body paragraphs.
"""
from __future__ import annotations

import re

from ..model import Removed
from .header import CC, CONTACT, DATE, NOTE, ORG, PRINTED, Header
from .headings import number_of
from .lines import SEPARATOR, Line, trim


# A date closing the last line: after the signature (国务院办公厅　2022年4月26日), or, in an
# export, right after the body's last sentence (…请认真贯彻执行。二○一二年一月十九日).
TRAILING_DATE = re.compile(r"^(?P<before>.*?)\s*(?P<date>[\d〇零一二三四五六七八九○Ｏ]{4}\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月"
                           r"\s*[\d一二三四五六七八九十]{1,3}\s*日)$")


def take_closing(lines: list[Line], header: Header) -> list[Line]:
    """Signature and date (and a 此件公开发布 note) at the end of a text."""
    original = lines = trim(lines)
    note = None
    if lines and NOTE.match(lines[-1].text):
        note, lines = lines[-1], trim(lines[:-1])
    if lines:
        lines = lines[:-1] + _split_date(lines[-1])
    if not lines or not DATE.match(lines[-1].text):
        return original
    date, end = lines[-1], len(trim(lines[:-1]))
    signature = []
    while end and len(signature) < 3 and _is_signature(lines[end - 1].text):
        signature.insert(0, lines[end - 1])
        end = len(trim(lines[: end - 1]))
    if signature:
        header.add("signature", " ".join(line.text for line in signature), signature[0].number)
    header.add("date", date.text, date.number)
    if note:
        header.add("note", note.text, note.number)
    return lines[:end]


def _split_date(line: Line) -> list[Line]:
    """The last line as [rest, date] when a date closes it after a sentence or a signature."""
    match = TRAILING_DATE.match(line.text)
    before = match.group("before").strip() if match else ""
    if not before or not (before.endswith(("。", "！", "；")) or _is_signature(before)):
        return [line]
    return [Line(line.number, before), Line(line.number, match.group("date"))]


def _is_signature(text: str) -> bool:
    return len(text) <= 40 and not re.search(r"[，。；：！？,;:!?]", text) and not number_of(text) \
        and bool(ORG.search(text.replace(" ", "")))


def take_footer(lines: list[Line], header: Header) -> list[Line]:
    """The 版记 at the end: contact, 抄送, 印发 line and the rules around them."""
    lines = trim(lines)
    found: list[tuple[str, str, Line]] = []
    end = len(lines)
    while end:
        line = lines[end - 1]
        key_value = _footer_line(line)
        if key_value is None:
            start = _cc_start(lines, end - 1)
            if start is None:
                break
            value = "".join(CC.match(lines[start].text).group(1) if index == start else lines[index].text
                            for index in range(start, end) if not lines[index].blank)
            found.insert(0, ("cc", value, lines[start]))
            end = len(trim(lines[:start]))
            continue
        if key_value:
            found.insert(0, (*key_value, line))
        else:
            header.removed.append(Removed("separator", line.raw, line.number))
        end = len(trim(lines[: end - 1]))
    for key, value, line in found:
        header.add(key, value, line.number)
    header.removed.sort(key=lambda removed: removed.line)
    return lines[:end]


def _cc_start(lines: list[Line], last: int) -> int | None:
    """Where a 抄送 list wrapped onto further lines (organs only, no label) starts, if it does."""
    for start in range(last - 1, max(last - 4, -1), -1):
        if CC.match(lines[start].text):
            wrapped = [line.text for line in lines[start + 1: last + 1] if not line.blank]
            lists = all(not re.search(r"[：:；！？]|。.", text) and len(text) <= 120 for text in wrapped)
            return start if lists else None
    return None


def _footer_line(line: Line) -> tuple[str, str] | tuple[()] | None:
    """(key, value) for a footer line, () for a rule, None for anything else."""
    text = line.text
    if SEPARATOR.match(line.raw):
        return ()
    for key, pattern in (("contact", CONTACT), ("cc", CC)):
        match = pattern.match(text)
        if match:
            return key, match.groups()[-1]
    match = PRINTED.match(text)
    if match:
        return "printed", re.sub(r"\s+", " ", text).strip()
    return None
