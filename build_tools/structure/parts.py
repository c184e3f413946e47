"""Where one document ends and another begins inside a source file.

Annexes (附件一 / 附件2 / 附件) start on a line of their own and run to the
next annex; a numbered label may carry the title on the same line
(``附件1：职业院校名单``). The 附件说明 list after a body (``附件：1.…``) has
no number before its colon and is not an annex. A notice that issues a document (关于印发《X》的通知) is often
followed by X's full text, which starts at a line repeating X's title; the
issued title may differ slightly from the one in the notice (an extra 的),
so titles are compared without spaces and without 的.
"""
from __future__ import annotations

import re

from .lines import Line

ANNEX = re.compile(r"^附\s*件\s*(?:([一二三四五六七八九十]+|\d{1,2})\s*(?:[:：]\s*(?P<title>[\u4e00-\u9fff《“][^。；！？]{1,60})?)?|[:：]?)\s*$")
ISSUED_IN_TITLE = re.compile(r"(?:印发|转发)\s*《?(.+?)》?\s*的?(通知|决定|函)$")


def split_annexes(lines: list[Line]) -> tuple[list[Line], list[tuple[Line, list[Line]]]]:
    """(main lines, [(label line, annex lines)]); a title on the label line starts the annex lines."""
    starts = [i for i, line in enumerate(lines) if ANNEX.match(line.text)]
    parts = []
    for position, start in enumerate(starts):
        end = starts[position + 1] if position + 1 < len(starts) else len(lines)
        label, title = _label_and_title(lines[start])
        parts.append((label, ([title] if title else []) + lines[start + 1:end]))
    return lines[: starts[0]] if starts else lines, parts


def _label_and_title(line: Line) -> tuple[Line, Line | None]:
    """``附件1：职业院校名单`` → the label line ``附件1：`` and a title line, both at the same line number."""
    match = ANNEX.match(line.text)
    if not match.group("title"):
        return line, None
    cut = line.raw.index(match.group("title"))
    return Line(line.number, line.raw[:cut]), Line(line.number, line.raw[cut:])


def part_label(line: Line) -> str:
    return re.sub(r"[\s:：]", "", line.text)


def part_number(label: str, fallback: int) -> int:
    """附件二 → 2, 附件3 → 3; the position when the label has no number."""
    digits = re.sub(r"\D", "", label)
    if digits:
        return int(digits)
    value = {c: i for i, c in enumerate("〇一二三四五六七八九", start=0)}
    han = label.replace("附件", "")
    if not han:
        return fallback
    if han.startswith("十"):
        return 10 + value.get(han[1:2], 0)
    if "十" in han:
        return value.get(han[0], 0) * 10 + value.get(han[-1], 0) * (han[-1] != "十")
    return value.get(han, fallback)


def _key(title: str) -> str:
    return re.sub(r"[\s的《》]", "", title)


def issued_start(title: str, lines: list[Line]) -> int | None:
    """Index of the line where the issued document's own text begins, if it does."""
    match = ISSUED_IN_TITLE.search(title)
    if not match:
        return None
    # 转发X、Y关于…意见的通知: the forwarded text is headed 关于…的意见, without its issuers.
    issued = match.group(1)
    names = {_key(issued), _key(issued[issued.find("关于"):]) if "关于" in issued else _key(issued)}
    for index, line in enumerate(lines):
        if line.blank or len(line.text) > 60:
            continue
        nxt = next((other for other in lines[index + 1:] if not other.blank), None)
        candidates = [line.text] + ([line.text + nxt.text] if nxt else [])
        if any(_key(candidate) in names for candidate in candidates):
            return index
    return None
