"""MkDocs' walk of docs/, made while the conversion child writes docs/, made exact (issue 16).

The parent walks docs/ (``get_files``: 0.45 s at 20,000 documents) while the child converts instead
of after it. What the walk saw of a file the child wrote or removed depends on when it passed:

- a file removed after its folder was listed is in the walk: taken out (the child's ``removed``);
- a file written after its folder was listed, or into a folder made after the walk passed its
  parent (a new ``browse/…``), is not: added as ``get_files`` would add it (``written``);
- a file written before is there, read afresh later: its new time makes ``is_modified`` true;
- the writer's temporary ``.NAME.PID.tmp``, if listed mid-write, is hidden and so excluded by
  MkDocs' rules; it is gone once renamed, and taken out as a full build would never see it.

Only the child writes or removes under docs/ during the walk, and it reports every file it writes
or removes there (``ConvertReport.written``/``removed``), so the result is the walk a build starting
after the child would make, in the same order (``walk_order``). (The child never writes a README.md,
which ``get_files`` would drop beside an index.md.)
"""
from __future__ import annotations

import bisect
import os

from mkdocs.structure.files import File, Files, set_exclusions


def reconciled(files: Files, config, written: list[str], removed: list[str]) -> Files:
    """``files`` (MkDocs' walk) as if made after the child wrote ``written`` and removed ``removed``
    (docs-relative POSIX paths)."""
    known = files.src_uris
    for gone in [known[path] for path in removed if path in known]:
        files.remove(gone)
    for vanished in [file for file in files if file.inclusion.is_excluded() and not os.path.exists(file.abs_src_path)]:
        files.remove(vanished)
    added = [File(path, config.docs_dir, config.site_dir, config.use_directory_urls)
             for path in dict.fromkeys(written) if path not in known]
    if not added:
        return files
    set_exclusions(added, config)
    return Files(_merged(list(files), added))


def _merged(walked: list[File], added: list[File]) -> list[File]:
    """``walked`` (in walk order) with ``added`` in their places: a few inserted, many sorted together."""
    if len(added) * 16 > len(walked):
        return sorted(walked + added, key=_key)
    for file in added:
        bisect.insort(walked, file, key=_key)
    return walked


def _key(file: File) -> list[tuple]:
    return walk_order(file.src_uri)


def walk_order(path: str) -> list[tuple]:
    """Sort key of a docs-relative path in ``get_files``' order: ``os.walk`` from the top, a folder's
    files (``index``/``README`` first, then by name) before its subfolders (by name)."""
    *folders, name = path.split("/")
    return [(1, folder) for folder in folders] + [(0, os.path.splitext(name)[0] not in ("index", "README"), name)]
