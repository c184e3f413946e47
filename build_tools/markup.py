"""Source text shown literally in Markdown: what both the catalogue (cards, browse pages) and the
page renderer write, so neither stage imports the other for it."""
from __future__ import annotations

import re

# Inline characters that Markdown or HTML would interpret anywhere in a line.
_INLINE_SPECIAL = re.compile(r"[\\`*_\[\]<>&|{}]")
# Markers that only mean something at the start of a line (lists, headings, quotes, rules,
# definition lists of def_list).
_LINE_START = re.compile(r"^(\s*)([#>+\-=:]|\d+[.)])")
# Python-Markdown has no backslash escape for these, so they become character references.
_REFERENCES = {"=": "&#61;", ":": "&#58;"}
_ENTITIES = {"<": "&lt;", ">": "&gt;", "&": "&amp;"}

def escape_inline(text: str) -> str:
    """Escape what Markdown or HTML would interpret anywhere in a line."""
    return _INLINE_SPECIAL.sub(lambda m: _ENTITIES.get(m.group(0), "\\" + m.group(0)), text)


def escape(text: str) -> str:
    """Escape source text so Python-Markdown shows it literally.

    Chinese text rarely contains these characters, so escaping only what
    Markdown would interpret keeps the generated pages readable.
    """
    return _LINE_START.sub(_escape_marker, escape_inline(text))


def _escape_marker(match: re.Match) -> str:
    indent, marker = match.groups()
    if marker in _REFERENCES:
        return indent + _REFERENCES[marker]
    if marker[0].isdigit():
        return indent + marker[:-1] + "\\" + marker[-1]
    return indent + "\\" + marker


def escape_line_start(text: str) -> str:
    """Escape only a list, heading or quote marker that starts the line (the rest is already escaped)."""
    return _LINE_START.sub(_escape_marker, text)


def escape_lines(text: str) -> str:
    """Several source lines shown as one block with hard line breaks."""
    return "  \n".join(escape(line) for line in text.split("\n"))


def book_title(title: str) -> str:
    """《title》, with book-title marks inside the title nested as 〈〉 the way Chinese print does."""
    return "《" + title.replace("《", "〈").replace("》", "〉") + "》"
