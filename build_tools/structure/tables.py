"""Tab-separated rows become tables with one column count.

Extraction from PDF tables leaves: header cells split over two lines (a
spanning cell such as 获奖情况 above 一等奖/二等奖/三等奖), rows split
across two lines, blank lines at page breaks inside a table, stray
trailing tabs and ASCII rule rows (``-----\t---``). Captions (表 1-5 …)
above the table stay with it.
"""
from __future__ import annotations

import re
from collections import Counter

from ..model import Block, Removed
from .lines import Line
from ..text import join, normalise_short

CAPTION = re.compile(r"^(续)?表\s*([\d一二三四五六七八九十]{1,3}(?:[-－.．]\d{1,2}(?!\d))?)\s*(?=\S)")
# A rule cell is drawn with dashes (a Markdown alignment row adds colons: :---:); a lone
# colon is text.
_RULE_CELL = re.compile(r"^(?:[:：]?[-—=─]+[:：]?)?$")


def cells(line: Line) -> list[str]:
    return [cell.strip(" \u3000") for cell in line.text.split("\t")]


def _trimmed(row: list[str]) -> list[str]:
    while row and not row[-1]:
        row = row[:-1]
    return row


def is_rule(row: list[str]) -> bool:
    return all(_RULE_CELL.match(cell) for cell in row) and any(row)


def build_table(lines: list[Line], caption: str = "") -> tuple[Block | None, list[Removed]]:
    """One table block from its tabular lines (blank lines already left out).

    Lines that are all rules (-\t-) leave no table: the block is None.
    """
    removed = [Removed("separator", line.raw, line.number) for line in lines if is_rule(cells(line))]
    rows = [_trimmed(cells(line)) for line in lines if not is_rule(cells(line))]
    if not rows:
        return None, removed
    columns = _column_count(rows)
    rows = _merge_split_rows(rows, columns)
    if len(rows) > 1 and _sub_headers(rows[0], rows[1], columns):
        rows = [_two_level_header(rows[0], rows[1], columns)] + rows[2:]
    rows = [[normalise_short(cell) for cell in _fit(row, columns)] for row in rows]
    return Block("table", rows=rows, caption=caption_text(caption), line=lines[0].number), removed


def caption_text(caption: str) -> str:
    """表 1-5 教师队伍总体结构表 → 表1-5 教师队伍总体结构表: one space after the number."""
    match = CAPTION.match(caption)
    if not match:
        return normalise_short(caption)
    rest = normalise_short(caption[match.end():])
    label = (match.group(1) or "") + "表" + match.group(2)
    return f"{label} {rest}" if rest[:1] and not rest[0].isascii() else label + rest


def _column_count(rows: list[list[str]]) -> int:
    """The widest row shape that at least two rows share (or the widest row)."""
    counts = Counter(len(row) for row in rows)
    shared = [count for count, times in counts.items() if times >= 2]
    return max(shared or counts)


def _merge_split_rows(rows: list[list[str]], columns: int) -> list[list[str]]:
    """A row cut in two by a line break: the two short pieces fill one row."""
    merged: list[list[str]] = []
    for row in rows:
        previous = merged[-1] if merged else []
        cut = bool(merged) and len(previous) < columns and bool(row) and bool(row[0])
        if cut and len(previous) + len(row) - 1 == columns:  # cut inside a cell
            merged[-1] = previous[:-1] + [join(previous[-1], row[0])] + row[1:]
        elif cut and len(previous) + len(row) == columns:  # cut at a tab
            merged[-1] = previous + row
        else:
            merged.append(row)
    return merged


def _sub_headers(top: list[str], bottom: list[str], columns: int) -> bool:
    """Does ``bottom`` hold the sub-headers of the spanning cell that ends ``top`` (获奖情况\t\t over
    \t\t一等奖\t二等奖\t三等奖)? Its cells start under that cell; rows shifted by a tab are data."""
    filled = [index for index, cell in enumerate(bottom) if cell]
    return bool(top and filled) and len(top) < columns and filled[0] >= len(top) - 1 and top[-1] != ""


def _two_level_header(top: list[str], bottom: list[str], columns: int) -> list[str]:
    """Spanning header cells above sub-headers become ``获奖情况：一等奖`` …"""
    top, bottom = _fit(top, columns), _fit(bottom, columns)
    header, parent = [], ""
    for upper, lower in zip(top, bottom):
        parent = upper or parent
        if lower and (upper or parent):
            header.append(f"{upper or parent}：{lower}")
        else:
            header.append(upper or lower)
    return header


def _fit(row: list[str], columns: int) -> list[str]:
    """Pad short rows; fold surplus cells into the last column."""
    if len(row) > columns:
        row = row[: columns - 1] + [" ".join(cell for cell in row[columns - 1:] if cell)]
    return row + [""] * (columns - len(row))
