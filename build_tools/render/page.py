"""Stage 4: render a Document as Markdown with YAML front matter.

The Markdown page is the contract with the site engine, so it is plain
CommonMark-ish text plus front matter, and source text is escaped so
that nothing in a raw file is ever interpreted as markup.

Page layout, top to bottom: the document's masthead lines (附件一, 公开,
…文件, document number, a report's cover) as in the original; the title;
the metadata card (``context.card``); the web-page line and the
addressee; the body (headings, paragraphs with bold run-in leads, lists,
tables with captions); the signature block; the 版记 footer (contact,
抄送, 印发); the relations (``context.relations``). Header and footer
lines carry ``attr_list`` classes (``doc-masthead`` …) so the theme can
style them without the converter knowing about the theme.
"""
from __future__ import annotations

import re

import yaml

from ..metadata.citations import find_citations
from ..model import Block, Document, PageContext
from ..markup import escape, escape_inline, escape_line_start, escape_lines

# Header lines shown above the title, as the original prints them above its title.
MASTHEAD_ROLES = ("part", "classification", "urgency", "banner", "doc_number", "cover")
CLOSING_ROLES = ("signature", "date", "note")


# libyaml's emitter when PyYAML has it: the pure-Python one dominated rebuilds of large archives.
_SAFE_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def front_matter(meta: dict) -> str:
    dumped = yaml.dump(meta, Dumper=_SAFE_DUMPER, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{dumped}---\n"


def linked(text: str, links: dict[str, str], line_start: bool = True) -> str:
    """Escaped text with every citation of an archived document as a link.

    ``citations.find_citations`` finds the cited titles and numbers; the
    catalogue's ``links`` says which of them have a page here.
    """
    parts, position = [], 0
    for citation in find_citations(text):
        url = links.get(citation.key)
        if not url or citation.start < position:
            continue
        parts.append(escape_inline(text[position:citation.start]))
        parts.append(f"[{escape_inline(text[citation.start:citation.end])}]({url})")
        position = citation.end
    parts.append(escape_inline(text[position:]))
    joined = "".join(parts)
    return escape_line_start(joined) if line_start else joined


def styled(markdown: str, css_class: str) -> str:
    """A paragraph with a class (attr_list), for header and footer lines."""
    return f"{markdown}\n{{: .{css_class} }}"


def render_table(block: Block, links: dict[str, str]) -> str:
    def row(cells: list[str]) -> str:
        return "| " + " | ".join(linked(cell, links, line_start=False) or " " for cell in cells) + " |"

    lines = [row(block.rows[0]), "| " + " | ".join("---" for _ in block.rows[0]) + " |"]
    lines += [row(cells) for cells in block.rows[1:]]
    table = "\n".join(lines)
    return f"{styled(escape(block.caption), 'doc-caption')}\n\n{table}" if block.caption else table


def heading(level: int, text: str) -> str:
    """``## text``; level 0 is the page title. Markdown has six levels."""
    # After the #s nothing starts a line, but a # in the text could close the heading early.
    return "#" * min(level + 1, 6) + " " + escape_inline(text).replace("#", "\\#")


def render_block(block: Block, links: dict[str, str] | None = None) -> str:
    links = links or {}
    if block.kind == "heading":
        return heading(max(block.level, 1), block.text)
    if block.kind == "table":
        return render_table(block, links)
    if block.kind == "list_item":
        return "- " + linked(block.text, links)
    if block.lead:
        return f"**{escape(block.lead)}**{linked(block.text, links, line_start=False)}"
    return linked(block.text, links)


def _title_position(header: list[Block]) -> int:
    """Where the title stands among the header lines (after the masthead)."""
    for index, block in enumerate(header):
        if block.role == "title":
            return index
    return next((i for i, block in enumerate(header) if block.role not in MASTHEAD_ROLES), len(header))


def _header_parts(header: list[Block], title: str) -> tuple[list[str], list[str]]:
    """Markdown before and after the page title."""
    position = _title_position(header)
    masthead = [escape_lines(block.text) for block in header[:position]]
    before = [styled("  \n".join(masthead), "doc-masthead")] if masthead else []
    after = []
    for block in header[position:]:
        if block.role == "title":
            if _plain(block.text) != _plain(title):
                after.append(styled(escape(block.text), "doc-subtitle"))
        else:
            after.append(styled(escape(block.text), f"doc-{block.role.replace('_', '-')}"))
    return before, after


def _footer_parts(footer: list[Block]) -> list[str]:
    closing = [escape(block.text) for block in footer if block.role in CLOSING_ROLES]
    record = [escape(block.text) for block in footer if block.role not in CLOSING_ROLES]
    parts = [styled("  \n".join(closing), "doc-signature")] if closing else []
    return parts + ([styled("  \n".join(record), "doc-footer")] if record else [])


def _plain(text: str) -> str:
    return re.sub(r"\s", "", text)


def render(document: Document, context: PageContext | None = None) -> str:
    """The whole page: front matter, masthead, title, card, text, footer, relations."""
    context = context or PageContext()
    title = str(document.meta["title"])
    header = [block for block in document.blocks if block.kind == "header"]
    footer = [block for block in document.blocks if block.kind == "footer"]
    body = [block for block in document.blocks if block.kind not in {"header", "footer"}]
    before, after = _header_parts(header, title)
    parts = [*before, heading(0, title), context.card, *after]
    parts += [render_block(block, context.links) for block in body]
    parts += _footer_parts(footer)
    parts.append(context.relations)
    text = "\n\n".join(part for part in parts if part)
    return f"{front_matter(document.meta)}\n{text}\n"
