"""Convert many sources fast: reuse cached results, convert the rest in parallel.

A weekly addition to an archive of thousands of documents should cost the
conversion of one file, not of all of them; a full conversion should use
every core. Results are keyed by the raw text, its sidecar and the
converter's code (see ``cache``), so a stale result is never reused.
"""
from __future__ import annotations

import os
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import Callable

from .. import cache
from ..metadata import sidecar
from ..errors import SourceError
from ..model import Document
from ..progress import counted
from ..project import Project
from .summaries import Entry, entry_for, signature

# Below this many sources to convert, starting worker processes costs more than it saves.
PARALLEL_THRESHOLD = 16

Outcome = list[Document] | SourceError
Converter = Callable[[Path, Project], list[Document]]


def source_key(path: Path, project: Project) -> str:
    """Cache key of one source: its name, its bytes and its sidecar's bytes, if any.

    The name counts because the pages carry it (slug, source path): two files with the same
    text must not share one cached result (issue 14: a file "colliding with itself").
    """
    side = sidecar.path_for(path)
    name = path.relative_to(project.root).as_posix().encode()
    return cache.cache_key(name, path.read_bytes(), side.read_bytes() if side.exists() else b"")


def convert_one(path: Path, project: Project, convert: Converter) -> Outcome:
    """Worker: one source's documents, or the error that stopped it."""
    try:
        return convert(path, project)
    except SourceError as error:
        return error


def convert_many(names: list[str], project: Project, convert: Converter, known: dict[str, Entry] | None = None,
                 jobs: int | None = None, stats: dict | None = None) -> dict[str, Entry | SourceError]:
    """Each source's entry (or the error that stopped it) by project-relative name, in the order of
    ``names``. Errors are not cached, so they are reported every run.

    A source whose signature is the one ``known`` recorded is neither read nor unpickled; one whose
    bytes hash to the known key only gets its new signature. A converted source's documents go to the
    cache from the worker that converted them and only its entry comes back: holding every document
    of a first conversion until the pages were written took 2.6 GB at 20,000 laws (issue 16).
    ``convert`` is the stage runner (``convert.convert_file``), passed in so that this module needs
    nothing from the one that calls it; ``stats``: ``Project.source_stats`` if the caller has it.
    """
    known = known or {}
    entries: dict[str, Entry | SourceError] = {}
    missing: list[tuple[str, Path, str, tuple | None]] = []
    stats, now = project.source_stats() if stats is None else stats, time.time()
    for name in names:
        entry, stamp = known.get(name), signature(name, now, stats)
        if entry is not None and stamp is not None and entry.signature == stamp:
            entries[name] = entry
            continue
        path = project.root / name
        key = source_key(path, project)
        if entry is not None and entry.key == key:
            entries[name] = replace(entry, signature=stamp)
            continue
        documents = cache.load(project.cache, key)
        if documents is None:
            missing.append((name, path, key, stamp))
        else:
            entries[name] = entry_for(documents, key, stamp)
    for (name, *_), outcome in zip(missing, _run([item[1:] for item in missing], project, convert, jobs)):
        entries[name] = outcome
    # In the order of ``names``: the first source to claim a slug keeps it (``convert.claim_slugs``).
    return {name: entries[name] for name in names}


def prune(project: Project, entries: dict[str, Entry | SourceError], known: dict[str, Entry]) -> None:
    """Drop cached conversions no source uses any more: after a first build (the cache may hold
    another converter's), or when a key the last build used is gone. Not after an addition: listing
    the cache of 20,000 sources for nothing took 0.07 s of that rebuild (issue 16)."""
    keys = {entry.key for entry in entries.values() if isinstance(entry, Entry)}
    if not known or any(entry.key not in keys for entry in known.values()):
        cache.prune(project.cache, keys)


def documents_of(entry: Entry, path: Path, project: Project, convert: Converter) -> list[Document]:
    """The full documents of a source, from the cache: its pages are rendered from them."""
    documents = cache.load(project.cache, entry.key)
    if documents is None:  # the cache was cleared or an entry is corrupt: convert it once more
        documents = convert_one(path, project, convert)
        if isinstance(documents, SourceError):
            raise documents
        cache.store(project.cache, entry.key, documents)
    return documents


def converted(path: Path, key: str, stamp: tuple | None, project: Project, convert: Converter) -> Entry | SourceError:
    """Worker: one source converted and its documents cached under ``key``; its entry, or the error that stopped it."""
    outcome = convert_one(path, project, convert)
    if isinstance(outcome, SourceError):
        return outcome
    cache.store(project.cache, key, outcome)
    return entry_for(outcome, key, stamp)


def _run(missing: list[tuple[Path, str, tuple | None]], project: Project, convert: Converter,
         jobs: int | None) -> list[Entry | SourceError]:
    jobs = jobs or os.cpu_count() or 1
    if jobs == 1 or len(missing) < PARALLEL_THRESHOLD:
        return [converted(*item, project, convert) for item in counted(missing, "转换 / converting")]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        outcomes = pool.map(converted, *zip(*missing), [project] * len(missing), [convert] * len(missing), chunksize=8)
        return list(counted(outcomes, "转换 / converting", len(missing)))
