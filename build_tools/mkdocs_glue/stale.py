"""Built files of sources that are gone (deleted or renamed), deleted from the site folder.

A full build starts from an empty site folder, but ``--dirty`` builds only add and overwrite, so a
removed document's page would otherwise stay online. Done in ``on_files``, where MkDocs lists every
file this build will write, so nothing has to be remembered between builds.
"""
from __future__ import annotations

import os
import shutil

from build_tools.mkdocs_glue.addresses import output_paths

# Site folders whose every file comes from a source: what no current page or original produces is stale.
GENERATED = ("documents", "browse", "originals")
PAGES, ORIGINALS = ("documents/", "browse/"), ("originals",)


def remove_stale_output(files, config, removed: list[str] | None = None) -> None:
    """Delete what no file of ``files`` (MkDocs' list of this build's files) writes in ``GENERATED``.

    ``removed``: in a build whose site was in step with docs/ (``lazy``: its pages left out have no
    ``File``), the docs-relative paths its conversion removed, the only pages whose output can be
    stale; their outputs go, and their folders if left empty."""
    wanted = {file.abs_dest_path for file in files}  # normalised by MkDocs
    top = os.path.normpath(config.site_dir)
    for folder in (os.path.join(top, name) for name in (GENERATED if removed is None else ORIGINALS)):
        if os.path.isdir(folder):
            _sweep(folder, wanted, _folders_of(wanted, folder))
    pages = [path for path in removed or () if path.startswith(PAGES)]
    for path in output_paths(pages, config):
        if path not in wanted and os.path.isfile(path):
            os.unlink(path)
            _remove_empty(os.path.dirname(path), top)


def _remove_empty(folder: str, top: str) -> None:
    while folder != top and not os.listdir(folder):
        os.rmdir(folder)
        folder = os.path.dirname(folder)


def _folders_of(wanted: set[str], top: str) -> dict[str, bool]:
    """Folders under ``top`` holding a wanted file → whether to list them: not a page's own folder,
    which holds its index.html alone (the site has a folder per page: listing each is most of the time)."""
    listed: dict[str, bool] = {}
    for path in wanted:
        if path.startswith(top + os.sep):
            here = os.path.dirname(path)
            listed[here] = listed.get(here, False) or os.path.basename(path) != "index.html"
            while here != top:
                here = os.path.dirname(here)
                listed[here] = True
    return listed


def _sweep(folder: str, wanted: set[str], listed: dict[str, bool]) -> None:
    """Delete what ``folder`` holds that is not wanted; a folder holding no wanted file goes whole."""
    with os.scandir(folder) as entries:
        for entry in list(entries):
            if entry.is_dir(follow_symlinks=False):
                if entry.path not in listed:
                    shutil.rmtree(entry.path)
                elif listed[entry.path]:
                    _sweep(entry.path, wanted, listed)
            elif entry.path not in wanted:
                os.unlink(entry.path)
