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
from ..catalogue import outline_delta
from ..catalogue.changes import Outline
from ..catalogue.export import Rows
from ..metadata import sidecar
from ..model import Document
from .writer import write_bytes

# A file modified this recently may change again within the clock's resolution without its signature
# changing (git's "racy" files): its signature is not trusted, so the next build hashes it again.
RACY_SECONDS = 2.0
# Files the entries are saved in, by a hash of the source's name: a rebuild reads and rewrites the few
# it changed. At 64, one shard held 312 sources at 20,000 laws and reading and saving it took 0.05 s
# of a rebuild after one edit; a full build's save writes them all either way.
SHARDS = 256
OUTLINE = -1  # the index file's place among the tokens
# Additions saved as deltas of the outline before it is saved whole again: each build after them
# applies every delta, and saving the outline cost an addition 0.18 s at 20,000 laws.
JOURNAL_LIMIT = 16


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
    tokens: dict[int, str] = field(default_factory=dict)  # shard (or ``OUTLINE``) → the token it was saved with
    pages: dict[int, dict[str, tuple]] = field(default_factory=dict)  # shard → its ``page_data`` as loaded
    unverified: int = 0  # pages with fields still to verify (``Ledger.unverified``)


@dataclass
class Ledger:
    """The index's light part, read first: each source's signature, what docs/ holds, and the
    tokens of the files that hold the rest (entries in ``SHARDS`` files by source name, the outline in
    the index file, the deltas of later additions in its journal). A rebuild after an edit that no
    other page sees reads this and the edited sources' shards only (``quick``), not the whole
    archive's index (0.44 s at 20,000 laws). Written last, so a build stopped half-way leaves files
    whose tokens it does not vouch for."""

    fingerprint: str
    sources: dict[str, tuple | None]  # name → signature (``Entry.signature``), in the entries' order
    tokens: dict[int, str]  # shard (or ``OUTLINE``) → token
    pages: list[str] = field(default_factory=list)  # slugs of the document pages
    browse: list[str] = field(default_factory=list)  # docs-relative browse pages
    columns: tuple = ()  # the export's CSV columns (``Rows.columns``)
    unverified: int = 0  # pages with fields still to verify
    journal: list[tuple[str, int]] = field(default_factory=list)  # outline deltas saved since it: (token, end)


def _stat(name: str, now: float, stats: dict) -> tuple | None:
    stat = stats.get(name)
    return () if stat is None else _stamp(stat, now)


def _stamp(stat, now: float) -> tuple | None:
    # ctime too: a copy that keeps the old modification time (cp -p, tar) still changes it.
    return None if now - stat.st_ctime < RACY_SECONDS else \
        (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino)


def signature(name: str, now: float, stats: dict) -> tuple | None:
    """Size, modification and change times and inode of a source (project-relative ``name``) and its
    sidecar; None while either is racy.

    ``stats``: the status of every file in the source's folder by name (``Project.source_stats``),
    one scan instead of a call per file."""
    file = name.rpartition("/")[2]
    parts = (_stat(file, now, stats), _stat(sidecar.name_for(file), now, stats))
    return None if None in parts else parts


def unvouched(sources: dict[str, tuple | None], now: float, stats: dict) -> list[str]:
    """The names of ``sources`` (name → signature recorded, or None) whose ``signature`` now is not
    the one recorded, in order: every source's at once, as a rebuild asks (a ``signature`` call per
    source took 0.09 s at 20,000 sources, this 0.04 s)."""
    stamps = {file: _stamp(stat, now) for file, stat in stats.items()}
    # Sidecars by the stem of their source (``sidecar.name_for``); most archives have few or none.
    sidecars = {file[:-4]: stamp for file, stamp in stamps.items() if file.endswith(".yml")}
    found = []
    for name, recorded in sources.items():
        file = name.rpartition("/")[2]
        current = (stamps.get(file, ()), sidecars.get(os.path.splitext(file)[0], ()) if sidecars else ())
        if recorded is None or None in current or current != recorded:
            found.append(name)
    return found


def summary(document: Document) -> Document:
    """The document as the catalogue sees it: metadata and provenance, no body."""
    return replace(document, blocks=[], source=replace(document.source, text="", fields={}))


def entry_for(documents: list[Document], key: str, stamp: tuple | None) -> Entry:
    """``stamp``: the source's signature taken before it was read, so an edit meanwhile is seen next time."""
    return Entry(stamp, key, [summary(document) for document in documents],
                 {document.slug: mentions(document) for document in documents})


def index_path(cache: Path) -> Path:
    return cache.parent / "archive-index.pickle"


def journal_path(cache: Path) -> Path:
    return cache.parent / "archive-index.journal"


def ledger_path(cache: Path) -> Path:
    return cache.parent / "archive-ledger.pickle"


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


def load_ledger(cache: Path) -> Ledger | None:
    """The last build's ledger, if there is one this converter can use."""
    try:
        ledger = pickle.loads(ledger_path(cache).read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        return None
    return ledger if isinstance(ledger, Ledger) and ledger.fingerprint == code_fingerprint() else None


def load(cache: Path, ledger: Ledger | None = None) -> Index:
    """The last build's index, or an empty one (none yet, unreadable, another converter's, or a file
    that is not the one the ledger was saved with). ``ledger``: ``load_ledger``'s, if read already."""
    ledger = ledger or load_ledger(cache)
    outline = ledger and load_outline(cache, ledger)
    if outline is None:
        return Index(code_fingerprint())
    try:
        with collector_paused():
            shards = {number: read_shard(cache, number, ledger) for number in range(SHARDS)}
            index = Index(ledger.fingerprint, {name: shards[shard_of(name)][0][name] for name in ledger.sources},
                          outline, Rows(columns=ledger.columns), dict(ledger.tokens),
                          {number: pages for number, (_, pages) in shards.items()}, ledger.unverified)
            # The very summaries of the entries: documents compare by identity.
            found = {(name, doc.slug): doc for name, entry in index.entries.items() for doc in entry.documents}
            outline.documents = {slug: found[name, slug] for slug, name in outline.documents.items()}
            _restore_pages(index)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, KeyError, ValueError):
        return Index(code_fingerprint())
    return index


def load_outline(cache: Path, ledger: Ledger) -> Outline | None:
    """The last build's outline as saved (``documents``: slug → source name), if the ledger vouches for it."""
    try:
        with collector_paused():
            token, outline = pickle.loads(index_path(cache).read_bytes())
            if token != ledger.tokens.get(OUTLINE) or not isinstance(outline, Outline):
                return None
            journal, start = journal_path(cache).read_bytes() if ledger.journal else b"", 0
            for token, end in ledger.journal:
                found, delta = pickle.loads(journal[start:end])
                if found != token:
                    return None
                outline_delta.apply(outline, delta)
                start = end
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError, KeyError):
        return None
    return outline


def read_shard(cache: Path, number: int, ledger: Ledger) -> tuple[dict[str, Entry], dict[str, tuple]]:
    """One shard's entries and ``page_data`` by slug, if it is the one ``ledger`` vouches for."""
    path = shard_path(cache, number)
    found, entries, pages = pickle.loads(path.read_bytes())
    if found != ledger.tokens[number]:
        raise ValueError(f"{path}: not the shard the ledger was saved with")
    return entries, pages


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
    old = before.entries if before is not None and OUTLINE in before.tokens else {}
    dirty = {shard_of(name) for name in old.keys() ^ index.entries.keys()} | \
        {shard_of(name) for name, entry in index.entries.items() if old.get(name) is not entry} | \
        {number for number, (_, pages) in groups.items() if old and pages != before.pages.get(number)}
    tokens = dict(before.tokens) if old else {}
    with collector_paused():
        for number in sorted(dirty if old else groups):
            tokens[number] = _write_shard(cache, number, groups[number])
        tokens[OUTLINE] = _token()
        stored = index.outline and replace(index.outline, documents=names, cited_in={})
        write_bytes(index_path(cache), pickle.dumps((tokens[OUTLINE], stored), protocol=pickle.HIGHEST_PROTOCOL))
        _save_ledger(cache, Ledger(
            index.fingerprint, {name: entry.signature for name, entry in index.entries.items()}, tokens,
            sorted(names), sorted(index.outline.browse) if index.outline else [], index.rows.columns, index.unverified))


def save_shards(cache: Path, ledger: Ledger, shards: dict[int, tuple[dict[str, Entry], dict[str, tuple]]],
                outline: Outline | None = None, delta: outline_delta.Delta | None = None) -> None:
    """Shards changed in place (``quick``, ``added``) and, if given, the ``delta`` that made the
    ``outline`` (as saved) appended to the journal, or the outline itself once the journal is long;
    then the ledger with their tokens and their sources' signatures."""
    for number, shard in sorted(shards.items()):
        ledger.tokens[number] = _write_shard(cache, number, shard)
        ledger.sources.update((name, entry.signature) for name, entry in shard[0].items())
    if delta is not None and len(ledger.journal) < JOURNAL_LIMIT:
        _append(cache, ledger, delta)
    elif outline is not None:
        ledger.tokens[OUTLINE], ledger.journal = _token(), []
        with collector_paused():
            write_bytes(index_path(cache), pickle.dumps((ledger.tokens[OUTLINE], outline), protocol=pickle.HIGHEST_PROTOCOL))
    _save_ledger(cache, ledger)


def _append(cache: Path, ledger: Ledger, delta: outline_delta.Delta) -> None:
    """After the deltas the ledger vouches for: what a build stopped half-way appended is cut off."""
    token, start = _token(), ledger.journal[-1][1] if ledger.journal else 0
    data = pickle.dumps((token, delta), protocol=pickle.HIGHEST_PROTOCOL)
    path = journal_path(cache)
    with path.open("r+b" if path.exists() else "wb") as journal:
        journal.truncate(start)
        journal.seek(start)
        journal.write(data)
    ledger.journal.append((token, start + len(data)))


def _save_ledger(cache: Path, ledger: Ledger) -> None:
    write_bytes(ledger_path(cache), pickle.dumps(ledger, protocol=pickle.HIGHEST_PROTOCOL))


def _token() -> str:
    return f"{os.getpid()}-{time.time_ns()}"


def _write_shard(cache: Path, number: int, shard: tuple) -> str:
    token = _token()
    write_bytes(shard_path(cache, number), pickle.dumps((token, *shard), protocol=pickle.HIGHEST_PROTOCOL))
    return token

