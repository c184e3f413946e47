"""Conversion cache: unchanged sources are not converted again.

The key covers everything a source's pages depend on: the raw bytes, its
sidecar, and the converter's own code (a fingerprint of build_tools/*.py),
so editing the converter invalidates the cache without a manual version bump.
"""
from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
from functools import lru_cache
from pathlib import Path

from . import CONVERTER_VERSION

_PACKAGE = Path(__file__).resolve().parent


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Hash of the converter's source code and data files."""
    digest = hashlib.sha256(CONVERTER_VERSION.encode())
    for path in sorted(_PACKAGE.rglob("*")):
        if path.is_file() and path.suffix in {".py", ".csv", ".json", ".yml"} and "mkdocs_glue" not in path.parts:
            digest.update(path.relative_to(_PACKAGE).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def cache_key(*inputs: bytes) -> str:
    digest = hashlib.sha256(code_fingerprint().encode())
    for data in inputs:
        digest.update(hashlib.sha256(data).digest())
    return digest.hexdigest()


def load(folder: Path, key: str):
    """The cached value for ``key``, or None (a corrupt entry counts as a miss)."""
    path = folder / f"{key}.pickle"
    try:
        return pickle.loads(path.read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return None


def store(folder: Path, key: str, value) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    temporary = folder / f".{key}.tmp"
    temporary.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    temporary.replace(folder / f"{key}.pickle")


def prune(folder: Path, keep: set[str]) -> None:
    """Drop entries no source uses any more, so the cache does not grow forever."""
    if not folder.is_dir():
        return
    with os.scandir(folder) as entries:  # names only: 20,000 Paths from glob took 0.05 s of a rebuild
        stale = [entry.path for entry in entries if entry.name.endswith(".pickle") and entry.name[:-7] not in keep]
    for path in stale:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)
