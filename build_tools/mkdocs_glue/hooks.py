"""MkDocs hooks (``hooks:`` in mkdocs.yml).

Why a hook: ``mkdocs build`` and ``mkdocs serve`` then always see pages
converted from the current sources, without a separate step to forget.
"""
from __future__ import annotations

import gc
import importlib
import logging
from pathlib import Path

from markupsafe import escape
from mkdocs.plugins import event_priority

from build_tools import forked
from build_tools.render.convert import convert_all
from build_tools.metadata.gaps import UNVERIFIED
from build_tools.mkdocs_glue import export_copies, lazy, synced
from build_tools.mkdocs_glue.originals import add_originals, originals
from build_tools.mkdocs_glue.stale import remove_stale_output
from build_tools.mkdocs_glue.unchanged import asked_early, leave_out_unchanged, leaving_out
from build_tools.project import Project

log = logging.getLogger("mkdocs.hooks.archive")
# The cyclic collector's thresholds in a ``--dirty`` build. At Python's default (a round every 700
# new objects) its rounds walked what the build holds (the catalogue's outline, MkDocs' files) again
# and again: 0.18 s of a rebuild at 20,000 laws, and more the larger the archive. A rebuild is short
# and makes little cyclic garbage; a full build keeps the default, its memory is what it is measured by.
REBUILD_GC_THRESHOLDS = (100_000, 20, 1_000)
# Modules the build needs after the conversion only, imported while the conversion child runs: the
# search index's array code (numpy, 0.11 s), imported with the hooks, started the child that much later.
LOADED_WHILE_CONVERTING = ("build_tools.search.bulk",)


def converted(root: Path) -> tuple[list[str], int, int, list[str], list[str], dict[str, tuple]]:
    """Convert the project's sources: (errors, pages, pages with gaps, docs-relative paths written,
    removed, patched in place with their patches)."""
    project = Project(root)
    report = convert_all(project)
    return [str(error) for error in report.errors], report.pages, report.unverified, \
        [path.relative_to(project.docs).as_posix() for path in report.written], \
        [path.relative_to(project.docs).as_posix() for path in report.removed], \
        {path.relative_to(project.docs).as_posix(): patched for path, patched in report.patched.items()}


def on_pre_build(config, **kwargs) -> None:
    """Start converting source_docs/ while MkDocs collects the files in docs/ (``on_files`` waits).

    In a forked process (``forked``): what converting leaves in memory is not carried through
    the build, and MkDocs' walk of docs/ is made meanwhile (``walked``), of names only for the
    pages left out when the site is in step with docs/ (``lazy``).
    """
    lazy.begin(config, leaving_out(config, _build["dirty"]))
    _build["child"] = forked.start(converted, Path(config.config_file_path).parent)


def _conversion():
    """The child's outcome, logged. One bad source must not stop the archive: its pages are left out and
    the log names the file and line at INFO level (a warning would abort ``--strict``); ``make check``,
    the pull-request gate, fails on it."""
    child, _build["child"] = _build["child"], None
    # The report comes before the child saves what the next build reads (``forked.later``): this
    # build goes on meanwhile, and waits for the saving at its end (``on_post_build``).
    errors, pages, unverified, written, removed, patched = child.reported()
    _build["saving"] = child
    for error in errors:
        log.info("archive: left out of the site / 未生成页面: %s", error)
    log.info("archive: %d pages, %d written, %d with fields %s (browse/unverified), %d sources left out",
             pages, len(written), unverified, UNVERIFIED, len(errors))
    return written, removed, patched


_build = {"dirty": False, "child": None, "saving": None}


def _saved() -> None:
    """Wait for the conversion child to have saved what the next build reads (``_conversion``)."""
    child, _build["saving"] = _build["saving"], None
    if child is not None:
        child.finished()


def on_startup(command, dirty):
    _build["dirty"] = dirty
    if dirty:
        gc.set_threshold(*REBUILD_GC_THRESHOLDS)


@event_priority(100)  # the first: every hook sees docs/ as the conversion left it
def on_files(files, config, **kwargs):
    """Always rebuild hand-written pages that include generated snippets; in a ``--dirty`` build,
    leave the other unmodified pages out (``unchanged``; when the site was in step with docs/, all
    but those the conversion wrote, without a ``File``: ``lazy``); add the original files. What does
    not depend on the conversion is done while it runs; then MkDocs' walk of docs/ is made exact
    (``walked``), and docs/ as this build renders it noted for the next (``synced``).

    ``--dirty`` builds compare a page's own file time only, so the home page,
    which includes the generated counts and latest additions with
    ``--8<--``, would otherwise keep stale figures.
    """
    walked = files.documentation_pages()
    _always_rebuild_snippet_pages(walked)
    asked = asked_early(walked, config, _build["dirty"])
    found = originals(Project(Path(config.config_file_path).parent))
    for module in LOADED_WHILE_CONVERTING:
        importlib.import_module(module)
    written, removed, patched = _conversion()
    if _build["dirty"]:  # a full build copies every file anyway
        export_copies.patch(config.site_dir, patched)
    for path in written:
        asked.pop(path, None)
    files = lazy.reconciled(files, config, written, removed)
    leave_out_unchanged(files.documentation_pages(), config, _build["dirty"], asked, lazy.left_out(files))
    add_originals(files, config, found)
    remove_stale_output(files, config, removed if lazy.is_lazy(files) else None)
    if not config.site_url:  # else no build leaves pages out (``unchanged``): nothing to note
        synced.converted(config, lazy.docs_folders(files, config, written))
    return files


def _always_rebuild_snippet_pages(pages) -> None:
    """Hand-written pages (the child writes none) that include generated snippets."""
    for file in pages:
        if file.src_uri.startswith(("documents/", "browse/")):
            continue
        if "--8<--" in Path(file.abs_src_path).read_text(encoding="utf-8"):
            file.is_modified = lambda: True


@event_priority(-100)  # the last: the site is written
def on_post_build(config):
    _saved()
    synced.built(config)


def on_shutdown():
    """The objects the build made are frozen out of the collector: the interpreter's last collection
    walked every one of them on the way out (0.12 s of a rebuild at 20,000 laws, the larger the
    archive the longer) to find cycles the process is about to drop anyway. Once per ``mkdocs``
    invocation, after the last build: ``serve`` collects between its builds as before."""
    gc.freeze()


def on_build_error(error):
    """A build that fails still waits for its child, which may be writing docs/ (before ``on_files``)
    or saving what the next build reads (after it)."""
    child, _build["child"] = _build["child"], None
    try:
        if child is not None:
            child.result()
        _saved()
    except forked.ChildError:
        pass


def on_nav(nav, config, files):
    """In a ``--dirty`` build, the navigation's pages that are not rendered are still read, so the
    pages that are show their titles: MkDocs takes an untitled page's title from its first heading
    once read, and the home page's footer would otherwise link to "None"."""
    if _build["dirty"]:
        for page in nav.pages:
            if page.title is None and not page.file.is_modified():
                page.read_source(config)
    return nav


def on_page_context(context, page, **kwargs):
    """Escape page titles before the theme renders them.

    MkDocs' Jinja environment does not autoescape and page titles come from
    front matter (editors' sidecars) or un-escaped heading text, so Material
    would otherwise print a title such as ``<script>…`` as live HTML in the
    header (which reads ``page.meta.title``) and navigation. Runs last, after search and other hooks read it.
    """
    if "title" in page.meta:
        page.meta["title"] = escape(page.meta["title"])
    page.title = escape(page.title)
    return context
