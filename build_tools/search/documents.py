"""The per-document files of the index: ``s/`` blocks, ``d/`` display rows, ``t/`` snippet texts.

Nothing here grows ``meta.js`` with the archive: what the browser needs about every document
it found (where its sections start, whether it is dead, its facet values) lives in blocks of
``DOC_BLOCK`` documents (``s/<k>.js``), and ``meta.js`` holds only each block's first section
number, so a query loads the blocks of the documents it hit.

- ``s/<k>.js``: ``sections``: per document 2 · text sections + dead (replaced since the last
  full build, never shown, see ``state``); ``facets``: per facet, per document the count of its
  values then their numbers in ``meta.js``'s value list;
- ``d/<k>.js``: [URL, fields …, text sections per ``t/`` file] of documents k·BLOCK …;
- ``t/<n>-<c>.js``: text sections of document n in file c (files of about ``TEXT_BYTES`` of
  JSON before compression, so a snippet loads one, a few kB): ``[anchor, text]``, or
  ``[anchor, text, heading]`` when the heading is not the text's first line.
"""
from __future__ import annotations

from ..catalogue.cards import STATUS_CLASSES
from ..metadata.schema import STATUSES
from .extract import Section
from .index import META_FIELDS, RANGE, IndexedDocument
from .payload import dumps, script
from .postings import encode_numbers

# Documents per s/ block: each extra file costs a query a request (about 5 bytes a document).
# The same documents as a postings range, so a range's results need one block.
DOC_BLOCK = RANGE
BLOCK = 16
# Snippet text per t/ file: large enough to compress well (3.6× at whole documents, 2.7× at
# 8 sections), small enough that a result of a long law loads a few kB.
TEXT_BYTES = 32_000
FACETS = ("region", "year", "doc_type", "status")


def facet_values(document: IndexedDocument, name: str) -> list[str]:
    """A field may list several values (云南省、楚雄彝族自治州): each one is a facet value."""
    if name == "status":
        return [document.status]
    return [value for value in document.fields[name].split("、") if value]


def facet_data(documents: list[IndexedDocument]) -> dict[str, dict]:
    """Per facet, its ``values`` in display order and each document's value ``numbers``.

    Validity values keep the vocabulary's order (现行有效 first); the others are sorted.
    """
    facets = {}
    for name in FACETS:
        per_document = [facet_values(doc, name) for doc in documents]
        values = ordered(name, {value for values in per_document for value in values})
        number = {value: n for n, value in enumerate(values)}
        facets[name] = {"values": values, "numbers": [[number[v] for v in values] for values in per_document]}
    return facets


def ordered(name: str, values) -> list[str]:
    """A facet's values in display order."""
    return [s for s in STATUSES if s in values] if name == "status" else sorted(values)


def block_firsts(section_counts: list[int]) -> list[int]:
    """The first section number of each block of ``DOC_BLOCK`` documents (fields count too)."""
    firsts, section = [], 0
    for n, count in enumerate(section_counts):
        if n % DOC_BLOCK == 0:
            firsts.append(section)
        section += len(META_FIELDS) + count
    return firsts


def document_meta(documents: list[IndexedDocument], section_counts: list[int], facets: dict) -> dict:
    return {"fields": list(META_FIELDS), "block": BLOCK, "doc_block": DOC_BLOCK, "documents": len(documents),
            "doc_blocks": encode_numbers(block_firsts(section_counts)), "status_classes": STATUS_CLASSES,
            "facets": {name: facet["values"] for name, facet in facets.items()}}


def document_blocks(section_counts: list[int], dead: set[int], facets: dict):
    """(name, content) of every ``s/`` block."""
    for start in range(0, len(section_counts), DOC_BLOCK):
        numbers = range(start, min(start + DOC_BLOCK, len(section_counts)))
        name = f"s/{start // DOC_BLOCK}"
        yield f"{name}.js", block_script(name, [2 * section_counts[n] + (n in dead) for n in numbers],
                                         {facet: [values["numbers"][n] for n in numbers] for facet, values in facets.items()})


def block_script(name: str, codes: list[int], facets: dict[str, list[list[int]]], **extra: str) -> str:
    """A block of documents: per document 2 · text sections + dead, and per facet its value numbers."""
    return script(name, {**extra, "sections": encode_numbers(codes),
                         "facets": {facet: encode_numbers([code for numbers in per_document for code in (len(numbers), *numbers)])
                                    for facet, per_document in facets.items()}})


def text_row(section: Section) -> list[str]:
    first_line = section.text.split("\n", 1)[0] if section.anchor else ""
    row = [section.anchor, section.text]
    return row if section.heading == first_line else row + [section.heading]


def section_of_row(row: list[str]) -> list[str]:
    """``text_row`` undone: [anchor, heading, text]."""
    anchor, text = row[0], row[1]
    heading = row[2] if len(row) > 2 else text.split("\n", 1)[0] if anchor else ""
    return [anchor, heading, text]


def text_chunks(document: IndexedDocument) -> list[list[list[str]]]:
    """The document's text rows in runs of about ``TEXT_BYTES`` (a longer section alone)."""
    chunks, size = [], 0
    for row in map(text_row, document.sections):
        length = len(dumps(row).encode("utf-8"))
        if not chunks or size + length > TEXT_BYTES:
            chunks.append([])
            size = 0
        chunks[-1].append(row)
        size += length
    return chunks


def display_rows(documents: list[IndexedDocument], chunk_sizes: list[str], folder: str = "d"):
    """(name, content) of every row block; ``chunk_sizes``: each document's text sections per ``t/`` file, coded."""
    for block in range(0, len(documents), BLOCK):
        yield f"{folder}/{block // BLOCK}.js", script(f"{folder}/{block // BLOCK}", [
            display_row(doc, chunk_sizes[n]) for n, doc in enumerate(documents[block:block + BLOCK], start=block)])


def display_row(document: IndexedDocument, chunk_sizes: str) -> list[str]:
    return [document.url, *(document.fields[name] for name in META_FIELDS), chunk_sizes]
