"""MkDocs' files of a ``--dirty`` build whose site is in step with docs/ (``synced``), without a
``File`` for each page it leaves as it is (issue 16).

MkDocs' walk makes a ``File`` for every page (0.3 s at 20,000 documents) and each of its ten passes
over the files a build goes over all of them, although such a build renders a handful. When the
site was in step before the conversion, the pages outside the navigation to render are exactly those
the conversion writes. Every other one is a name here (``LazyFiles.left_out``): not iterated, so
nothing in MkDocs or our hooks loops over it; made a ``File`` (excluded, as ``unchanged`` marks it)
only when asked for by path, so a rendered page's link to it still resolves. The search index's
list of documents takes the names (``stand_ins``: ``addresses``); stale output can only be that of
the pages the conversion removed (``stale``). The walk, like MkDocs', runs with the conversion (``walked``).
"""
from __future__ import annotations

import logging
import os
from pathlib import PurePath

from mkdocs import utils
from mkdocs.commands import build
from mkdocs.structure.files import File, Files, InclusionLevel, _file_sort_key, set_exclusions

from build_tools.mkdocs_glue import synced, walked
from build_tools.mkdocs_glue.addresses import LeftOut, address, clashing, source

log = logging.getLogger("mkdocs.hooks.archive_lazy")
_state = {"lazy": False}


class LazyFiles(Files):
    """Files with the pages left out as names; ``folders``: every folder of docs/ the walk saw."""

    def __init__(self, files, left_out: dict[str, File | None], config, folders: list[str],
                 removed: tuple[str, ...] = ()) -> None:
        super().__init__(files)
        self.left_out, self.config, self.folders = left_out, config, folders
        self.removed = removed  # pages the conversion removed (``reconciled``)

    def get_file_from_path(self, path: str) -> File | None:
        found = super().get_file_from_path(path)
        uri = None if found is not None else PurePath(path).as_posix()
        if uri in self.left_out:
            found = self.left_out[uri] or File(uri, self.config.docs_dir, self.config.site_dir,
                                               self.config.use_directory_urls, inclusion=InclusionLevel.EXCLUDED)
            self.left_out[uri] = found
        return found

    def __contains__(self, path: str) -> bool:
        return self.get_file_from_path(path) is not None

    def append(self, file: File) -> None:
        self.left_out.pop(file.src_uri, None)
        super().append(file)

    def remove(self, file: File) -> None:
        if file.src_uri in self.src_uris or self.left_out.pop(file.src_uri, False) is False:
            super().remove(file)

    def add_files_from_theme(self, env, config) -> None:
        """MkDocs' own, given a listing of the theme that does not enter the folders named with a dot.

        MkDocs lists every file of the theme's folders, Material's 14,500 icons included, and then
        leaves out each file under such a folder by its name: 0.14 s of every rebuild, whatever the
        archive's size. Its own filter still decides."""
        super().add_files_from_theme(ThemeListing(config.theme.dirs), config)


class ThemeListing:
    """What ``Files.add_files_from_theme`` asks of the theme's Jinja environment (its loader's
    ``list_templates``), without the folders named with a dot: MkDocs leaves out their files."""

    def __init__(self, folders: list[str]) -> None:
        self.folders = folders

    def list_templates(self, filter_func) -> list[str]:
        found = set()
        for top in self.folders:
            for folder, subfolders, names in os.walk(top):
                subfolders[:] = [name for name in subfolders if not name.startswith(".")]
                relative = os.path.relpath(folder, top)
                prefix = "" if relative == "." else relative.replace(os.sep, "/") + "/"
                found.update(prefix + name for name in names)
        return sorted(name for name in found if filter_func(name))


def begin(config, leaving_out: bool) -> None:
    """Before the conversion starts: this build's files are ``LazyFiles`` if the site is in step."""
    _state["lazy"] = leaving_out and synced.in_step(config)
    synced.forget(config)  # recorded again at the build's end
    if not getattr(build.get_files, "lazy", False):
        original = build.get_files

        def get_files(config):
            found = _walk(config) if _state.pop("lazy", False) else None  # this build's only
            return original(config) if found is None else found
        get_files.lazy = True
        build.get_files = get_files


def _walk(config) -> LazyFiles | None:
    """``get_files``' files, the pages of folders outside the navigation as names; None where two
    files of a folder have one destination (``get_files`` settles that)."""
    docs, files, left_out, folders = config.docs_dir, [], {}, []
    for folder, subfolders, names in os.walk(docs, followlinks=True):
        subfolders.sort()
        relative = os.path.relpath(folder, docs)
        folders.append(relative)
        prefix = "" if relative == "." else relative.replace(os.sep, "/") + "/"
        if clashing(names, config.use_directory_urls):
            return None
        if _outside_nav(prefix + "x.md", config):  # its pages are names, in no order
            pages = {name for name in names if utils.is_markdown_file(name) and not name.startswith(".")}
            left_out.update(dict.fromkeys(prefix + name for name in pages))
            names = [name for name in names if name not in pages]
        for name in sorted(names, key=_file_sort_key):
            files.append(File(prefix + name, docs, config.site_dir, config.use_directory_urls))
    set_exclusions(files, config)
    return LazyFiles(files, left_out, config, folders)


def _outside_nav(probe: str, config) -> bool:
    """A page of this folder is outside the navigation (``not_in_nav``), neither excluded nor a draft."""
    file = File(probe, config.docs_dir, config.site_dir, config.use_directory_urls)
    set_exclusions([file], config)
    return file.inclusion == InclusionLevel.NOT_IN_NAV


def reconciled(files: Files, config, written: list[str], removed: list[str]) -> Files:
    """``walked.reconciled``; the pages written are no longer left out."""
    if not isinstance(files, LazyFiles):
        return walked.reconciled(files, config, written, removed)
    for path in (*written, *removed):
        files.left_out.pop(path, None)
    real = walked.reconciled(Files(list(files)), config, written, removed)
    log.info("archive: site in step with docs/: %d pages left as they are, unread", len(files.left_out))
    return LazyFiles(real, files.left_out, config, files.folders, tuple(removed))


def is_lazy(files: Files) -> bool:
    return isinstance(files, LazyFiles)


def left_out(files: Files):
    return files.left_out if isinstance(files, LazyFiles) else ()


def docs_folders(files: Files, config, written: list[str]) -> list[str]:
    """Every folder of docs/ once the conversion ended: the walk's and those of the files written."""
    if not isinstance(files, LazyFiles):
        return synced.folders_of(config.docs_dir)
    return files.folders + synced.folders_holding(written)


def removed_addresses(files: Files) -> set[str] | None:
    """The addresses of the pages the conversion removed when the site was in step with docs/: every
    other page of the last build is a ``File`` or left out. None: not known so (not ``LazyFiles``)."""
    if not isinstance(files, LazyFiles):
        return None
    return {address(uri, files.config.use_directory_urls) for uri in files.removed}


def left_out_at(files: Files, url: str) -> str | None:
    """The page left out whose address is ``url``, if there is one (a document's: ``addresses.source``)."""
    if not isinstance(files, LazyFiles):
        return None
    uri = source(url, files.config.use_directory_urls)
    return uri if uri in files.left_out and address(uri, files.config.use_directory_urls) == url else None


def stand_ins(files: Files) -> list[LeftOut]:
    """The pages left out as the search index sees them (``addresses.LeftOut``)."""
    return [LeftOut(uri, address(uri, files.config.use_directory_urls)) for uri in left_out(files)]

