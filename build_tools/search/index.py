"""Build the search index: documents, their sections, and positional bigram postings.

Positions of every character bigram let the browser confirm that a whole
query occurs verbatim (bigram i of the query at position p + i) without
downloading any page text; single characters only need to be present.

Each document's metadata fields are indexed as its first sections, one
field each (``META_FIELDS`` order), so the browser can tell a title or
document-number match from the index alone, without loading every
document's metadata first.
"""
from __future__ import annotations

from array import array
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from operator import sub

from ..metadata.schema import DEFAULT_STATUS, STATUSES
from .extract import SearchPage, Section
from .normalise import normalise
from .postings import encode_numbers

# Front-matter fields shown in results and searchable on their own (issuer, region …).
META_FIELDS = ("title", "doc_number", "issuer", "region", "year", "doc_type")
# Documents per postings range: each range has shards of its own, so the postings a query reads
# first (those of the first range) do not grow with the archive; the documents' s/ blocks too.
RANGE = 2048


@dataclass
class IndexedDocument:
    url: str
    fields: dict[str, str]
    sections: list[Section]
    status: str = DEFAULT_STATUS  # validity (时效性): a filter and a badge, not searchable text


@dataclass
class SearchIndex:
    documents: list[IndexedDocument] = field(default_factory=list)
    # bigram → per section holding it: Δsection, 2·first position + (more than one?),
    # then only if more than one: count − 2 and the gaps to the next positions.
    # Most bigrams occur once in a section, so folding that flag into the
    # position saves a number per section (a sixth of the index).
    bigrams: dict[str, array] = field(default_factory=lambda: defaultdict(lambda: array("I")))
    # character → Δsection of each section holding it
    unigrams: dict[str, array] = field(default_factory=lambda: defaultdict(lambda: array("I")))
    last_section: dict[str, int] = field(default_factory=dict)
    last_unigram_section: dict[str, int] = field(default_factory=dict)
    section_count: int = 0
    # The postings of each earlier range of ``RANGE`` documents, coded (postings.encode_numbers);
    # ``bigrams`` and ``unigrams`` hold the current range's, each key's first Δsection from 0.
    ranges: list[tuple[dict[str, str], dict[str, str]]] = field(default_factory=list)


def field_text(value) -> str:
    """Front-matter values as text: lists joined, dates and numbers as written."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "、".join(field_text(item) for item in value)
    return str(value).strip()


def document_fields(meta: dict) -> dict[str, str]:
    fields = {name: field_text(meta.get(name)) for name in META_FIELDS}
    if not fields["year"]:
        fields["year"] = field_text(meta.get("date"))[:4]
    return fields


def document_status(meta: dict) -> str:
    """The editor's validity label; anything outside the fixed vocabulary counts as unknown."""
    status = meta.get("status")
    return status if status in STATUSES else DEFAULT_STATUS


def add_section(index: SearchIndex, number: int, text: str) -> None:
    """Append one section's bigram positions and characters to the postings."""
    positions: dict[str, list[int]] = defaultdict(list)
    for offset, pair in enumerate(map(str.__add__, text, text[1:])):
        positions[pair].append(offset)
    for key, found in positions.items():
        if "\n" in key:
            continue
        numbers = index.bigrams[key]
        numbers.extend((number - index.last_section.get(key, 0), 2 * found[0] + (len(found) > 1)))
        if len(found) > 1:
            numbers.append(len(found) - 2)
            numbers.extend(map(sub, found[1:], found))
        index.last_section[key] = number
    for char in set(text) - {"\n", " "}:
        index.unigrams[char].append(number - index.last_unigram_section.get(char, 0))
        index.last_unigram_section[char] = number


def add_document(index: SearchIndex, page: SearchPage) -> None:
    """The page as the next document: its fields, then its text sections."""
    fields = document_fields(page.meta)
    index.documents.append(IndexedDocument(page.url, fields, page.sections, document_status(page.meta)))
    for text in [*(fields[name] for name in META_FIELDS), *(section.text for section in page.sections)]:
        add_section(index, index.section_count, normalise(text))
        index.section_count += 1


def build_index(pages: list[SearchPage]) -> SearchIndex:
    """Documents in URL order, so the same pages always give the same files."""
    return index_sorted(sorted(pages, key=lambda page: page.url))


def index_sorted(pages: Iterable[SearchPage]) -> SearchIndex:
    """Pages already in URL order, each indexed as it comes (the next may still be rendering)."""
    index = SearchIndex()
    for page in pages:
        if index.documents and len(index.documents) % RANGE == 0:
            close_range(index)
        add_document(index, page)
    return index


def encoded(postings: dict) -> dict[str, str]:
    """Each key's numbers as text, the arrays dropped as they go (they and the text together
    were the peak memory of a full build)."""
    return {key: encode_numbers(postings.pop(key)) for key in sorted(postings)}


def close_range(index: SearchIndex) -> None:
    """The current range's postings coded and put aside; the next range starts from section 0."""
    index.ranges.append((encoded(index.bigrams), encoded(index.unigrams)))
    index.last_section.clear()
    index.last_unigram_section.clear()


def all_ranges(index: SearchIndex) -> list[tuple[dict[str, str], dict[str, str]]]:
    """Every range's coded postings, the current one closed too."""
    close_range(index)
    return index.ranges
