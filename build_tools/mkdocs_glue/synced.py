"""Whether a site folder is in step with docs/, so that a ``--dirty`` build may take its conversion's
list of pages written for the pages to render (``lazy``) instead of two file times per page (issue 16).

A build that reaches its end has rendered every page it had to: it records, for its site folder, the
inode, modification and change times of every folder of docs/ as its conversion left them, and of
the same folders in the site. The converter writes, adds and removes pages through a rename, so
each page it writes changes its folder's times; so does a folder made or removed, a page's folder
deleted from the site, the site folder replaced. A later ``--dirty`` build whose folders all still
match knows that nothing of docs/ changed since that site was last in step with it but what its own
conversion reports. Any mismatch (a build failed or stopped after its conversion, another site
folder, a conversion into another site) leaves MkDocs to compare file times, as before.

Not seen: a page edited in place by hand (the converter owns docs/documents and docs/browse), an
output file deleted inside its page's own folder.
"""
from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

from build_tools.render.writer import write_bytes

_state: dict = {"docs": None}  # this build's docs/ stamps, taken once its conversion ended


def _record(config) -> Path:
    site = hashlib.sha256(str(Path(config.site_dir).resolve()).encode()).hexdigest()[:16]
    return Path(config.config_file_path).parent / ".cache" / "dirty-sites" / f"{site}.pickle"


def _stamp(path: str) -> tuple | None:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_ino, status.st_mtime_ns, status.st_ctime_ns


def _stamps(top: str, folders) -> dict[str, tuple | None]:
    return {folder: _stamp(os.path.join(top, folder)) for folder in folders}


def _setup(config) -> tuple:
    """What decides where pages go and which are outside the navigation: the configuration file as it was."""
    return config.use_directory_urls, config.config_file_path, _stamp(config.config_file_path)


def in_step(config) -> bool:
    """Whether docs/ and the site folder are as the last build into it that reached its end left
    them. The record goes when they are not: it can never be true again."""
    try:
        setup, docs, site = pickle.loads(_record(config).read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError):
        return False
    if setup == _setup(config) and docs == _stamps(config.docs_dir, docs) and site == _stamps(config.site_dir, site):
        return True
    forget(config)
    return False


def converted(config, folders) -> None:
    """docs/ as this build renders it: ``folders``, every folder of docs/ relative to it ("." the top),
    taken once the conversion ended."""
    _state["docs"] = _stamps(config.docs_dir, sorted(set(folders)))


def built(config) -> None:
    """At the end of a build: its site folder is in step with docs/ as ``converted`` took it."""
    docs, _state["docs"] = _state["docs"], None
    if docs is not None:
        write_bytes(_record(config), pickle.dumps((_setup(config), docs, _stamps(config.site_dir, docs))))


def forget(config) -> None:
    _state["docs"] = None
    _record(config).unlink(missing_ok=True)


def folders_of(docs: str) -> list[str]:
    """Every folder of ``docs`` relative to it, "." its top (one walk: after a build that used MkDocs' own)."""
    return [os.path.relpath(folder, docs) for folder, _, _ in os.walk(docs, followlinks=True)]


def folders_holding(paths: list[str]) -> list[str]:
    """The folders of docs-relative ``paths`` and theirs up to the top, "."."""
    found = {"."}
    for path in paths:
        folder = os.path.dirname(path)
        while folder and folder not in found:
            found.add(folder)
            folder = os.path.dirname(folder)
    return sorted(found)
