"""Stage 2: the structure of a raw text — header, body blocks, annexes.

Order of work on one source: drop the table of contents; split off the
annexes; for each document take the 版记 footer from its end, the header
(or a report's cover) from its top, the full text of an issued document
(关于印发《X》的通知 followed by X), the signature and date; what remains
is the body. Modules: ``text`` (characters), ``lines``, ``toc``,
``parts`` (annexes, issued documents), ``webpage`` (a copied page's chrome and
information table), ``header``, ``body`` with
``reflow``, ``headings`` and ``tables``.
"""
from __future__ import annotations

from ..model import Block, ParsedDocument, SourceText
from .body import body_blocks
from .closing import take_closing, take_footer
from .cover import take_cover
from .front import take_front
from .header import Header
from .lines import Line, split_lines, trim
from .parts import issued_start, part_label, split_annexes
from ..text import normalise
from .toc import remove_toc
from .webpage import attach_page, take_page

__all__ = ["parse"]


def parse(source: SourceText) -> ParsedDocument:
    """The main document with its annexes (and their issued documents) in ``annexes``."""
    page = take_page(split_lines(source.text))  # a copied web page's chrome and information table
    lines, removed, annex_titles = remove_toc(page.lines)
    footer = Header("footer")
    lines = take_footer(lines, footer)
    main_lines, annexes = split_annexes(lines)
    document = parse_document(source, main_lines, footer=footer, cover=True)
    for label_line, annex_lines in annexes:
        label = part_label(label_line)
        annex = parse_document(source, annex_lines, part=label, label_line=label_line)
        if "title" not in annex.header and label in annex_titles:
            annex.header["title"] = annex_titles[label]
        document.annexes.append(annex)
    document.removed = sorted(removed + page.removed + document.removed, key=lambda item: item.line)
    attach_page(document, page)
    for key, value in source.fields.items():  # what the original file states outside its text (reading stage)
        document.header.setdefault(key, value)
    return document


def parse_document(source: SourceText, lines: list[Line], part: str = "", footer: Header | None = None,
                   cover: bool = False, label_line: Line | None = None) -> ParsedDocument:
    """One document (main text, annex or issued document) from its lines."""
    footer = footer or Header("footer")
    lines = take_footer(lines, footer) if part else lines
    header = Header("header")
    if label_line is not None:
        header.blocks.append(Block("header", normalise(label_line.text), line=label_line.number, role="part"))
    rest = take_front(take_cover(lines, header) if cover else lines, header)
    issued = None
    start = issued_start(header.fields.get("title", ""), rest)
    if start is not None:
        issued = parse_document(source, rest[start:], part="印发")
        rest = rest[:start]
    closing = Header("footer")
    rest = take_closing(rest, closing)
    blocks, removed = body_blocks(trim(rest))
    fields = {**header.fields, **closing.fields, **footer.fields}
    body_lines = trim(rest)
    if body_lines:
        fields["body_start_line"] = str(body_lines[0].number)
    document = ParsedDocument(
        source=source,
        header=fields,
        blocks=header.blocks + blocks + closing.blocks + footer.blocks,
        removed=sorted(header.removed + removed + footer.removed, key=lambda item: item.line),
        part=part,
        first_line=(label_line or next((line for line in lines if not line.blank), Line(1, ""))).number,
    )
    if issued is not None:
        document.annexes.append(issued)
    return document
