"""What the last build knew about every source, so that a rebuild reads only what changed.

Per source: its file signature (size, times and inode of the text and of its sidecar), its
conversion-cache key, and a summary of each document it gives: the Document without its blocks and
text, plus the citations its body makes (``archive.mentions``). That is all the catalogue needs, so
a rebuild after one edit hashes and unpickles one source instead of every source (issue 16).
"""
from __future__ import annotations

import gc
import os
import pickle
import time
import zlib
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..cache import code_fingerprint
from ..catalogue.archive import mentions
from ..catalogue.changes import Outline
from ..catalogue.export import Rows
from ..metadata import sidecar
from ..model import Document

# A file modified this recently may change again within the clock's resolution without its signature
# changing (git's "racy" files): its signature is not trusted, so the next build hashes it again.
RACY_SECONDS = 2.0
# Files the entries are saved in, by a hash of the source's name: a rebuild rewrites the few it changed.
SHARDS = 64


@dataclass
class Entry:
    """One source as the last build left it."""

    signature: tuple | None  # None: hash the source again next time
    key: str  # conversion-cache key (``incremental.source_key``)
    documents: list[Document]  # summaries: no blocks, no text
    mentions: dict[str, list] = field(default_factory=dict)  # slug → ``archive.mentions`` of that page


@dataclass
class Index:
    """Entries by project-relative source name, valid for one version of the converter, and what the
    last build made of them: the catalogue's outline to compare with and the serialised export rows."""

    fingerprint: str = ""
    entries: dict[str, Entry] = field(default_factory=dict)
    outline: Outline | None = None
    rows: Rows = field(default_factory=Rows)
    tokens: dict[int, str] = field(default_factory=dict)  # shard → the token it was saved with
    pages: dict[int, dict[str, tuple]] = field(default_factory=dict)  # shard → its ``page_data`` as loaded


@dataclass
class Stored:
    """The index file: the index without its entries (they are in ``SHARDS`` files by source name) and
    with the outline's documents as their sources' names; the entries' order; each shard's token."""

    index: Index
    names: list[str]
    tokens: dict[int, str]


def _stat(name: str, now: float, stats: dict) -> tuple | None:
    stat = stats.get(name)
    if stat is None:
        return ()
    # ctime too: a copy that keeps the old modification time (cp -p, tar) still changes it.
    return None if now - stat.st_ctime < RACY_SECONDS else \
        (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino)


def signature(path: Path, now: float, stats: dict) -> tuple | None:
    """Size, modification and change times and inode of a source and its sidecar; None while either is racy.

    ``stats``: the status of every file in the source's folder by name (``Project.source_stats``),
    one scan instead of a call per file."""
    parts = (_stat(path.name, now, stats), _stat(sidecar.path_for(path).name, now, stats))
    return None if None in parts else parts


def summary(document: Document) -> Document:
    """The document as the catalogue sees it: metadata and provenance, no body."""
    return replace(document, blocks=[], source=replace(document.source, text="", fields={}))


def entry_for(documents: list[Document], key: str, stamp: tuple | None) -> Entry:
    """``stamp``: the source's signature taken before it was read, so an edit meanwhile is seen next time."""
    return Entry(stamp, key, [summary(document) for document in documents],
                 {document.slug: mentions(document) for document in documents})


def index_path(cache: Path) -> Path:
    return cache.parent / "archive-index.pickle"


def shard_path(cache: Path, number: int) -> Path:
    return cache.parent / "archive-index" / f"{number:02d}.pickle"


def shard_of(name: str) -> int:
    return zlib.crc32(name.encode()) % SHARDS


@contextmanager
def collector_paused():
    """Unpickling the index creates ~10⁵ containers, each round of the cyclic collector walks all of
    them: paused, loading 3,475 documents' index takes a third of the time. Nothing here makes cycles.

    What was made meanwhile is then frozen (``gc.freeze``, as ``long_lived`` does): resumed with 10⁶
    new containers, the collector's first round was a full one over all of them (0.26 s of loading
    20,000 laws' index). Acyclic, they are still freed when no longer referenced."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


@contextmanager
def long_lived():
    """Objects made so far, and those made before each call of the yielded ``settle``, are left out
    of the cyclic collector's rounds until the block ends (``gc.freeze``): the index and catalogue
    live to the end of the build, and walking them again at each round cost a rebuild a third of
    its catalogue time at 3,475 documents. Garbage made meanwhile is collected as always."""
    gc.freeze()
    try:
        yield gc.freeze
    finally:
        gc.unfreeze()


def load(cache: Path) -> Index:
    """The last build's index, or an empty one (none yet, unreadable, another converter's, or a shard
    that is not the one the index was saved with)."""
    try:
        with collector_paused():
            stored = pickle.loads(index_path(cache).read_bytes())
            if not isinstance(stored, Stored) or stored.index.fingerprint != code_fingerprint():
                return Index(code_fingerprint())
            shards = {number: _read(shard_path(cache, number), token) for number, token in stored.tokens.items()}
            index = stored.index
            index.entries = {name: shards[shard_of(name)][0][name] for name in stored.names}
            index.pages = {number: pages for number, (_, pages) in shards.items()}
            if index.outline is not None:  # the very summaries of the entries: documents compare by identity
                found = {(name, doc.slug): doc for name, entry in index.entries.items() for doc in entry.documents}
                index.outline.documents = {slug: found[name, slug] for slug, name in index.outline.documents.items()}
                _restore_pages(index)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, KeyError, ValueError):
        return Index(code_fingerprint())
    index.tokens = stored.tokens
    return index


def page_data(index: Index, slug: str) -> tuple:
    """What the index keeps of one page beside its source's entry: its export rows and its citations.

    Kept in the shard of its source, not in the index file: a rebuild after one edit then saves a few
    shards instead of every record and citation of the archive (saving took 0.50 s at 20,000 laws, now 0.19 s; issue 16)."""
    rows = index.rows
    return rows.json.get(slug), rows.fields.get(slug), rows.csv.get(slug), index.outline.cited_in.get(slug)


def _restore_pages(index: Index) -> None:
    """The rows and citations of every page, gathered from the shards (``page_data``)."""
    rows, cited_in = index.rows, index.outline.cited_in
    for pages in index.pages.values():
        for slug, (json_row, fields, csv_row, citations) in pages.items():
            if json_row is not None:
                rows.json[slug], rows.fields[slug], rows.csv[slug] = json_row, fields, csv_row
            if citations is not None:
                cited_in[slug] = citations


def unchanged(before: Index, entries: dict[str, Entry]) -> bool:
    """Whether ``entries`` are, in order, the very entries ``before`` holds: then the catalogue and
    the export are the ones it holds too, and its megabytes need not be written again."""
    return before.outline is not None and list(entries) == list(before.entries) and \
        all(entry is before.entries[name] for name, entry in entries.items())


def save(cache: Path, index: Index, before: Index | None = None) -> None:
    """Only the shards whose entries are not the very ones ``before`` holds, or whose pages' rows or
    citations differ from those it loaded, are written again, and the rest: a rebuild after one edit
    no longer rewrites every source's summary (issue 16)."""
    names = {slug: str(document.source.path) for slug, document in index.outline.documents.items()} \
        if index.outline is not None else {}
    groups: dict[int, tuple[dict[str, Entry], dict[str, tuple]]] = {number: ({}, {}) for number in range(SHARDS)}
    for name, entry in index.entries.items():
        groups[shard_of(name)][0][name] = entry
    for slug, name in names.items():
        groups[shard_of(name)][1][slug] = page_data(index, slug)
    old = before.entries if before is not None and len(before.tokens) == SHARDS else {}
    dirty = {shard_of(name) for name in old.keys() ^ index.entries.keys()} | \
        {shard_of(name) for name, entry in index.entries.items() if old.get(name) is not entry} | \
        {number for number, (_, pages) in groups.items() if old and pages != before.pages.get(number)}
    tokens = dict(before.tokens) if old else {}
    with collector_paused():
        for number in sorted(dirty if old else groups):
            tokens[number] = f"{os.getpid()}-{time.time_ns()}"
            _write(shard_path(cache, number), pickle.dumps((tokens[number], *groups[number]), protocol=pickle.HIGHEST_PROTOCOL))
        outline = index.outline and replace(index.outline, documents=names, cited_in={})
        rows = Rows(columns=index.rows.columns)
        stored = Stored(Index(index.fingerprint, {}, outline, rows), list(index.entries), tokens)
        _write(index_path(cache), pickle.dumps(stored, protocol=pickle.HIGHEST_PROTOCOL))


def _read(path: Path, token: str) -> tuple[dict[str, Entry], dict[str, tuple]]:
    found, entries, pages = pickle.loads(path.read_bytes())
    if found != token:
        raise ValueError(f"{path}: not the shard the index was saved with")
    return entries, pages


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_bytes(data)
    temporary.replace(path)
