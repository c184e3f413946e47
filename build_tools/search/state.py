"""The written index as a state kept between builds, so adding or editing one page costs that page.

A full build numbers documents in URL order (``index.build_index``). A later build that
renders only some pages appends each new or changed page as a new document after the last
one, and marks the slot of a changed or removed page dead: its postings stay in the shards
but the browser never returns it (a flag in its ``s/`` block, ``documents``). Postings are kept encoded
(``postings.encode_numbers``): the coding is a plain concatenation of numbers whose first
Δsection is relative to the key's last section, so appending a page appends to a string and
rewrites only the shards holding its keys. When dead slots pass ``COMPACT_SHARE`` of the
documents the caller builds everything again, which restores URL order.
"""
from __future__ import annotations

import hashlib
import json
import pickle
from dataclasses import dataclass, field
from pathlib import Path

from .extract import SearchPage
from .index import IndexedDocument, SearchIndex, add_document
from .postings import encode_numbers, shard_of

FORMAT = 3
COMPACT_SHARE = 0.1
# Shards hold at most about this many bytes (the count is a power of two, so
# between half and all of it): a query loads a few, each small.
SHARD_BYTES = 16_000
# 4,096 held about 80 kB a shard at 20,000 laws (≈320 MB of bigram postings): a query's download grew
# with the archive; 65,536 keep them at 16 kB to 1 GB of postings (≈65,000 laws).
MAX_SHARDS = 65_536


def page_digest(page: SearchPage) -> str:
    data = [page.url, page.meta, [[s.anchor, s.heading, s.text] for s in page.sections]]
    return hashlib.sha256(json.dumps(data, ensure_ascii=False, sort_keys=True, default=str).encode()).hexdigest()


@dataclass
class IndexState:
    """Everything the shards are written from; documents keep their section count, not their text."""

    documents: list[IndexedDocument] = field(default_factory=list)
    section_counts: list[int] = field(default_factory=list)
    chunk_sizes: list[str] = field(default_factory=list)  # coded text sections per t/ file (shards.text_files)
    digests: list[str] = field(default_factory=list)
    dead: set[int] = field(default_factory=set)
    # Per shard (postings.shard_of), key → coded numbers; the count is fixed until the next full
    # build. Kept dealt out so that an update finds the keys of the shards it touched directly.
    bigrams: list[dict[str, str]] = field(default_factory=lambda: [{}])
    unigrams: list[dict[str, str]] = field(default_factory=lambda: [{}])
    last_section: dict[str, int] = field(default_factory=dict)
    last_unigram_section: dict[str, int] = field(default_factory=dict)
    section_count: int = 0
    # What the last update touched (None: everything): the writer rewrites only these.
    touched_shards: dict[str, set[int]] | None = None
    new_documents: list[IndexedDocument] = field(default_factory=list)

    @property
    def shard_counts(self) -> tuple[int, int]:
        return len(self.bigrams), len(self.unigrams)

    def live(self) -> dict[str, int]:
        """URL → document number of every live document."""
        return {doc.url: n for n, doc in enumerate(self.documents) if n not in self.dead}


def encoded(postings: dict) -> dict[str, str]:
    """Each key's numbers as text, the arrays dropped as they go (they and the text together
    were the peak memory of a full build)."""
    return {key: encode_numbers(postings.pop(key)) for key in sorted(postings)}


def shard_count(total_bytes: int) -> int:
    count = 1
    while count * SHARD_BYTES < total_bytes and count < MAX_SHARDS:
        count *= 2
    return count


def dealt(encoded: dict[str, str]) -> list[dict[str, str]]:
    """The keys dealt out to shards of about ``SHARD_BYTES`` (as ``postings.pack_shard`` writes them)."""
    count = shard_count(sum(len(key) * 3 + len(text) + 1 for key, text in encoded.items()))
    shards: list[dict[str, str]] = [{} for _ in range(count)]
    for key in list(encoded):
        shards[shard_of(key, count)][key] = encoded.pop(key)
    return shards


def from_index(index: SearchIndex, pages: list[SearchPage]) -> IndexState:
    digests = {page.url: page_digest(page) for page in pages}
    return IndexState(
        documents=index.documents, section_counts=[len(doc.sections) for doc in index.documents],
        digests=[digests.get(doc.url, "") for doc in index.documents],
        bigrams=dealt(encoded(index.bigrams)), unigrams=dealt(encoded(index.unigrams)),
        last_section=index.last_section, last_unigram_section=index.last_unigram_section,
        section_count=index.section_count, new_documents=list(index.documents))


def changes(state: IndexState, pages: list[SearchPage], urls: set[str]) -> tuple[list[SearchPage], set[int]]:
    """(pages to append, document numbers to mark dead) for the rendered ``pages`` among ``urls``,
    the documents of this build."""
    live = state.live()
    fresh = [page for page in pages if page.url not in live or state.digests[live[page.url]] != page_digest(page)]
    dead = {live[page.url] for page in fresh if page.url in live} | {n for url, n in live.items() if url not in urls}
    return fresh, dead


def needs_compacting(state: IndexState, dead: set[int]) -> bool:
    return len(state.dead | dead) > COMPACT_SHARE * max(1, len(state.documents))


def update(state: IndexState, fresh: list[SearchPage], dead: set[int]) -> None:
    """Append ``fresh`` pages as new documents, mark ``dead`` ones; note the shards touched."""
    index = SearchIndex(last_section=state.last_section, last_unigram_section=state.last_unigram_section,
                        section_count=state.section_count)
    for page in sorted(fresh, key=lambda page: page.url):
        add_document(index, page)
    state.new_documents = index.documents
    state.documents += index.documents
    state.section_counts += [len(doc.sections) for doc in index.documents]
    state.digests += [page_digest(page) for page in sorted(fresh, key=lambda page: page.url)]
    state.dead |= dead
    state.section_count = index.section_count
    state.touched_shards = {"b": set(), "u": set()}
    for kind, postings, shards in (("b", index.bigrams, state.bigrams), ("u", index.unigrams, state.unigrams)):
        for key, numbers in postings.items():
            shard = shard_of(key, len(shards))
            shards[shard][key] = shards[shard].get(key, "") + encode_numbers(numbers)
            state.touched_shards[kind].add(shard)


def save(state: IndexState, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    for document in state.documents:
        document.sections = []  # the texts are in the t/ files already; the state keeps counts
    temporary = path.with_suffix(".tmp")
    with temporary.open("wb") as stream:  # streamed: no second copy of the state in memory
        pickle.dump((FORMAT, state), stream, protocol=pickle.HIGHEST_PROTOCOL)
    temporary.replace(path)


def load(path: Path) -> IndexState | None:
    try:
        with path.open("rb") as stream:
            version, state = pickle.load(stream)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError, TypeError):
        return None
    return state if version == FORMAT else None
