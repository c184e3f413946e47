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


def take_closing(lines: list[Line], header: Header) -> list[Line]:
    """Signature and date (and a 此件公开发布 note) at the end of a text."""
    lines = trim(lines)
    end = len(lines)
    note = None
    if end and NOTE.match(lines[end - 1].text):
        note, end = lines[end - 1], len(trim(lines[: end - 1]))
    if not end or not DATE.match(lines[end - 1].text):
        return lines
    date, end = lines[end - 1], len(trim(lines[: end - 1]))
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
            break
        if key_value:
            found.insert(0, (*key_value, line))
        else:
            header.removed.append(Removed("separator", line.raw, line.number))
        end = len(trim(lines[: end - 1]))
    for key, value, line in found:
        header.add(key, value, line.number)
    header.removed.sort(key=lambda removed: removed.line)
    return lines[:end]


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
