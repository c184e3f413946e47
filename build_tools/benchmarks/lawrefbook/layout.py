"""A law as an extraction lays it out: records in brackets, hard wraps, blank lines, indents, page numbers."""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

from .markdown import DATE, EFFECTIVE_ONLY, Law, printed_title

AMENDED_BY_DECISION = re.compile(r"(?:^《|决定》).*(?:修正|修订)$")
# Typesetting never starts a line with closing punctuation: it hangs at the end of the line above.
NO_LINE_START = "，。、；：？！）》」』”’…"


@dataclass(frozen=True)
class Layout:
    """How one extraction laid a text out, chosen by the hash of the file's path."""

    width: int | None  # em per line; None: one line per paragraph
    spacing: str  # blank lines: between paragraphs, after every line, or none
    indent: str  # before a paragraph's first line: none, two full-width spaces, a tab
    page_lines: int | None  # lines per page; a page number follows each page
    page_mark: str
    one_record: bool  # all records in one bracket, else one bracket per record


def layout_of(name: str) -> Layout:
    digest = hashlib.sha256(name.encode()).digest()
    return Layout(
        width=None if digest[0] % 4 == 0 else 28 + digest[1] % 13,
        spacing=("paragraph", "line", "none")[digest[2] % 3],
        indent=("", "\u3000\u3000", "\t")[digest[3] % 3],
        page_lines=None if digest[4] % 3 == 0 else 28 + digest[5] % 18,
        page_mark=("— {} —", "- {} -")[digest[6] % 2],
        one_record=bool(digest[7] % 2),
    )


def record_text(record: str) -> str:
    """A record as printed in the bracket under a title: 根据…决定》修正, 自…起施行."""
    match = DATE.match(record)
    date, event = match.group(0), record[match.end():].strip(" \u3000")
    if effective := EFFECTIVE_ONLY.match(event):
        return f"自{date}起{effective.group(1)}"
    return ("根据" if AMENDED_BY_DECISION.search(event) else "") + date + event


def wrap(text: str, width: int | None, indent: str = "") -> list[str]:
    """Lines of at most ``width`` em; an indent takes two of the first line's."""
    if width is None:
        return [indent + text]
    lines, line, room = [], indent, width - (2 if indent else 0)
    for char in text:
        em = 1.0 if unicodedata.east_asian_width(char) in "WF" else 0.5
        if em > room and char not in NO_LINE_START:
            lines.append(line)
            line, room = "", width
        line, room = line + char, room - em
    return lines + [line]


def units(law: Law, layout: Layout) -> list[list[str]]:
    """The text as paragraphs, each a list of printed lines."""
    records = [f"（{record_text(record)}）" for record in law.records]
    if layout.one_record and records:
        records = ["（" + "\u3000".join(record_text(record) for record in law.records) + "）"]
    head, body = printed_title(law)
    found = [wrap(text, layout.width) for text in head + law.notes + records]
    for kind, content in body:
        if kind == "table":
            found.append(["\t".join(row) for row in content])
        else:
            found.append(wrap(content, layout.width, "" if kind == "heading" else layout.indent))
    return found


def raw_text(law: Law, name: str) -> str:
    layout = layout_of(name)
    lines, printed, page = [], 0, 0
    for unit in units(law, layout):
        if lines and layout.spacing == "paragraph":
            lines.append("")
        for line in unit:
            lines.append(line)
            lines += [""] if layout.spacing == "line" else []
            printed += 1
            if layout.page_lines and printed % layout.page_lines == 0:
                page += 1
                mark = layout.page_mark.format(page)
                lines += [mark] if layout.spacing == "none" else ["", mark, ""]
    return "\n".join(lines).rstrip("\n") + "\n"
