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

from collections.abc import Iterable
from concurrent.futures import Executor
from dataclasses import dataclass, field

from ..metadata.schema import DEFAULT_STATUS, STATUSES
from .extract import SearchPage, Section
from .normalise import normalise

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
    # The current range's sections, normalised, the last ``len(pending)`` of ``section_count``: their
    # postings are worked out together when the range closes (``bulk``, which gives their layout).
    pending: list[str] = field(default_factory=list)
    last_section: dict[str, int] = field(default_factory=dict)  # bigram → its last section so far
    last_unigram_section: dict[str, int] = field(default_factory=dict)
    section_count: int = 0
    # The coded postings (postings.encode_numbers) of each closed range of ``RANGE`` documents, each
    # key's first Δsection from 0.
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


def add_document(index: SearchIndex, page: SearchPage) -> None:
    """The page as the next document: its fields, then its text sections."""
    fields = document_fields(page.meta)
    index.documents.append(IndexedDocument(page.url, fields, page.sections, document_status(page.meta)))
    texts = [*(fields[name] for name in META_FIELDS), *(section.text for section in page.sections)]
    index.pending += map(normalise, texts)
    index.section_count += len(texts)


def _bulk():
    """The array code (``bulk``), imported when first used: numpy takes 0.11 s to import, and a
    rebuild loads it while its conversion runs (``hooks.LOADED_WHILE_CONVERTING``), not before."""
    from . import bulk
    return bulk


def pending_postings(index: SearchIndex) -> tuple[dict[str, str], dict[str, str]]:
    """The coded bigram and character postings of the sections added since the last call, keys sorted."""
    found = _bulk().coded_postings(index.pending, index.section_count - len(index.pending),
                                   index.last_section, index.last_unigram_section)
    index.pending = []
    return found


def build_index(pages: list[SearchPage]) -> SearchIndex:
    """Documents in URL order, so the same pages always give the same files."""
    return index_sorted(sorted(pages, key=lambda page: page.url))


def index_sorted(pages: Iterable[SearchPage], pool: Executor | None = None) -> SearchIndex:
    """Pages already in URL order, each indexed as it comes (the next may still be rendering).

    ``pool``: worker processes that each work out a closed range's postings while the next range is
    read. Ranges are independent (each key's first Δsection from 0), and working them out is half
    of indexing every page again: 83 s on one core at 20,000 laws, when a rebuild's overlay is full."""
    index = SearchIndex()
    for page in pages:
        if index.documents and len(index.documents) % RANGE == 0:
            close_range(index, pool)
        add_document(index, page)
    if pool is not None:
        close_range(index, pool)
        index.ranges = [future.result() for future in index.ranges]
    return index


def close_range(index: SearchIndex, pool: Executor | None = None) -> None:
    """The current range's postings coded (by ``pool``, as a future, if given) and put aside; the next
    range starts from section 0."""
    if pool is None:
        index.ranges.append(pending_postings(index))
    else:
        first = index.section_count - len(index.pending)
        index.ranges.append(pool.submit(_bulk().coded_postings, index.pending, first, {}, {}))
        index.pending = []
    index.last_section.clear()
    index.last_unigram_section.clear()


def all_ranges(index: SearchIndex) -> list[tuple[dict[str, str], dict[str, str]]]:
    """Every range's coded postings, the current one closed too (unless a pool closed it)."""
    if index.pending or not index.ranges:
        close_range(index)
    return index.ranges
