"""MkDocs hooks that render the pages' Markdown in worker processes (``parallel``).

A hook file is loaded by MkDocs under its path, so the pool lives in the importable
``parallel`` module, where the stage clock (``stages``) can time it.
"""
from __future__ import annotations

import logging

from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from build_tools.mkdocs_glue import parallel

log = logging.getLogger("mkdocs.hooks.archive_parallel")

_build = {"dirty": False, "pool": None}


def on_startup(command, dirty):
    _build["dirty"] = dirty


def on_nav(nav, config, files):
    """Start the workers on the pages MkDocs' loop will render (with ``--dirty``, the modified ones).

    Pages outside the navigation (the documents) get their ``Page`` here, as the loop would.
    """
    pages = []
    for file in files.documentation_pages():
        if not file.inclusion.is_included() or (_build["dirty"] and not file.is_modified()):
            continue
        if file.page is None and file.inclusion.is_not_in_nav():
            Page(None, file, config)
        if file.page is not None:
            pages.append(file.page)
    if len(pages) >= parallel.MINIMUM and parallel.workers() > 1:
        log.info("archive: %d pages rendered by %d worker processes", len(pages), parallel.workers())
        _build["pool"] = parallel.PagePool(pages, config, files, parallel.workers())
    return nav


def _close() -> None:
    if _build["pool"] is not None:
        _build["pool"].close()
        _build["pool"] = None


@event_priority(100)  # before any hook that forks
def on_env(env, config, files):
    """Every page has been read by now; the workers are gone before anything else forks."""
    _close()
    return env


def on_build_error(error):
    _close()


@event_priority(-100)  # after every other hook has seen the page's Markdown
def on_page_content(html, page, config, files):
    """A rendered page's Markdown is not read again: emptied, MkDocs' process does not hold every
    page's Markdown until the templates are rendered (45 % of what it holds per page, issue 16).
    Empty, not None: ``Page.title`` takes None for a page not read yet."""
    page.markdown = ""
    return html
