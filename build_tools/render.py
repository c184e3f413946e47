"""Stage 4: render a Document as Markdown with YAML front matter.

The Markdown page is the contract with the site engine, so it is plain
CommonMark-ish text plus front matter, and source text is escaped so
that nothing in a raw file is ever interpreted as markup.
"""
from __future__ import annotations

import re

import yaml

from .model import Block, Document, PageContext

# Inline characters that Markdown or HTML would interpret anywhere in a line.
_INLINE_SPECIAL = re.compile(r"[\\`*_\[\]<>&|{}]")
# Markers that only mean something at the start of a line (lists, headings, quotes, rules).
_LINE_START = re.compile(r"^(\s*)([#>+\-]|\d+[.)])")
_ENTITIES = {"<": "&lt;", ">": "&gt;", "&": "&amp;"}


def escape(text: str) -> str:
    """Escape source text so Python-Markdown shows it literally.

    Chinese text rarely contains these characters, so escaping only what
    Markdown would interpret keeps the generated pages readable.
    """
    text = _INLINE_SPECIAL.sub(lambda m: _ENTITIES.get(m.group(0), "\\" + m.group(0)), text)
    return _LINE_START.sub(_escape_marker, text)


def _escape_marker(match: re.Match) -> str:
    indent, marker = match.groups()
    if marker[0].isdigit():
        return indent + marker[:-1] + "\\" + marker[-1]
    return indent + "\\" + marker


def front_matter(meta: dict) -> str:
    dumped = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{dumped}---\n"


def render_block(block: Block) -> str:
    if block.kind == "heading":
        return "#" * (block.level + 1) + " " + escape(block.text)
    return escape(block.text)


def render(document: Document, context: PageContext | None = None) -> str:
    """The whole page: front matter, title, card, text, relations."""
    context = context or PageContext()
    parts = ["# " + escape(document.meta["title"]), context.card]
    parts += [render_block(block) for block in document.blocks]
    parts.append(context.relations)
    body = "\n\n".join(part for part in parts if part)
    return f"{front_matter(document.meta)}\n{body}\n"
