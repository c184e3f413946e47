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


def _stat(path: Path, now: float) -> tuple | None:
    try:
        stat = path.stat()
    except FileNotFoundError:
        return ()
    # ctime too: a copy that keeps the old modification time (cp -p, tar) still changes it.
    return None if now - stat.st_ctime < RACY_SECONDS else \
        (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino)


def signature(path: Path, now: float | None = None) -> tuple | None:
    """Size, modification and change times and inode of a source and its sidecar; None while either is racy."""
    now = time.time() if now is None else now
    parts = (_stat(path, now), _stat(sidecar.path_for(path), now))
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


@contextmanager
def collector_paused():
    """Unpickling the index creates ~10⁵ containers, each round of the cyclic collector walks all of
    them: paused, loading 3,475 documents' index takes a third of the time. Nothing here makes cycles."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
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
    """The last build's index, or an empty one (none yet, unreadable, or another converter's)."""
    try:
        with collector_paused():
            index = pickle.loads(index_path(cache).read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
        return Index(code_fingerprint())
    return index if isinstance(index, Index) and index.fingerprint == code_fingerprint() else Index(code_fingerprint())


def unchanged(before: Index, entries: dict[str, Entry]) -> bool:
    """Whether ``entries`` are, in order, the very entries ``before`` holds: then the catalogue and
    the export are the ones it holds too, and its megabytes need not be written again."""
    return before.outline is not None and list(entries) == list(before.entries) and \
        all(entry is before.entries[name] for name, entry in entries.items())


def save(cache: Path, index: Index) -> None:
    path = index_path(cache)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with collector_paused():
        data = pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL)
    temporary.write_bytes(data)
    temporary.replace(path)
