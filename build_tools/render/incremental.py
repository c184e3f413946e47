"""Convert many sources fast: reuse cached results, convert the rest in parallel.

A weekly addition to an archive of thousands of documents should cost the
conversion of one file, not of all of them; a full conversion should use
every core. Results are keyed by the raw text, its sidecar and the
converter's code (see ``cache``), so a stale result is never reused.
"""
from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Callable

from .. import cache
from ..metadata import sidecar
from ..errors import SourceError
from ..model import Document
from ..progress import counted
from ..project import Project

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


def convert_many(paths: list[Path], project: Project, convert: Converter, jobs: int | None = None) -> list[Outcome]:
    """Outcomes in the order of ``paths``; errors are not cached, so they are reported every run.

    ``convert`` is the stage runner (``convert.convert_file``), passed in so that this module
    needs nothing from the one that calls it.
    """
    keys = [source_key(path, project) for path in paths]
    outcomes: list[Outcome | None] = [cache.load(project.cache, key) for key in keys]
    missing = [index for index, outcome in enumerate(outcomes) if outcome is None]
    for index, outcome in zip(missing, _run([paths[i] for i in missing], project, convert, jobs)):
        outcomes[index] = outcome
        if not isinstance(outcome, SourceError):
            cache.store(project.cache, keys[index], outcome)
    cache.prune(project.cache, set(keys))
    return outcomes


def _run(paths: list[Path], project: Project, convert: Converter, jobs: int | None) -> list[Outcome]:
    jobs = jobs or os.cpu_count() or 1
    if jobs == 1 or len(paths) < PARALLEL_THRESHOLD:
        return [convert_one(path, project, convert) for path in counted(paths, "转换 / converting")]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        outcomes = pool.map(convert_one, paths, [project] * len(paths), [convert] * len(paths), chunksize=8)
        return list(counted(outcomes, "转换 / converting", len(paths)))
