"""Pages a ``--dirty`` build leaves as they are, kept out of MkDocs' page loop (issue 16).

MkDocs' ``--dirty`` neither reads nor writes a page whose output is newer than its Markdown, but it
still makes a ``Page`` for it and checks its file times in each loop over the pages: at 20,000
documents most of a one-page rebuild. Such a page outside the navigation is marked excluded
instead: MkDocs then skips it everywhere, and a link to it from a page that is rendered still
resolves to its address (``Page.path_to_url``), with one INFO line per link, dropped here. Pages in
the navigation keep their ``Page``: every page's sidebar shows them.

Not when the site has a ``site_url``: MkDocs' sitemap then lists the pages it builds, and must list
every page as a full build does.
"""
from __future__ import annotations

import logging
import re

from mkdocs.structure.files import InclusionLevel

_left_out: set[str] = set()  # src_uri of the pages this build leaves out


def leave_out_unchanged(pages, config, dirty: bool, asked: dict[str, bool] | None = None, names=()) -> None:
    """In a ``--dirty`` build, exclude the unmodified pages outside the navigation among ``pages``
    (documentation pages); ``asked``: ``is_modified`` already known by path (``asked_early``);
    ``names``: pages left out without a ``File`` (``lazy``). Every build starts afresh: ``mkdocs
    serve`` runs many in one process."""
    _left_out.clear()
    if not leaving_out(config, dirty):
        return
    _left_out.update(names)
    asked = asked or {}
    for file in pages:
        if file.inclusion.is_not_in_nav() and not _modified(file, asked):
            file.inclusion = InclusionLevel.EXCLUDED
            _left_out.add(file.src_uri)
    if _QUIET not in _PAGES_LOG.filters:
        _PAGES_LOG.addFilter(_QUIET)


def _modified(file, asked: dict[str, bool]) -> bool:
    return asked[file.src_uri] if file.src_uri in asked else file.is_modified()


def leaving_out(config, dirty: bool) -> bool:
    return dirty and not config.site_url


def asked_early(pages, config, dirty: bool) -> dict[str, bool]:
    """``is_modified`` of the pages outside the navigation by path, asked while the conversion child
    runs (0.2 s at 20,000 documents, hidden behind it): the answer holds for every page the child
    does not write; those it writes are asked again (dropped from this by the caller), one it
    removes goes with its ``File``."""
    if not leaving_out(config, dirty):
        return {}
    asked = {}
    for file in pages:
        if file.inclusion.is_not_in_nav():
            try:
                asked[file.src_uri] = file.is_modified()
            except OSError:  # removed by the child meanwhile
                pass
    return asked


def is_left_out(file) -> bool:
    """A page of the site that this build does not render (its output is already up to date)."""
    return file.src_uri in _left_out


class _QuietLinks(logging.Filter):
    """Drops "… contains a link to 'x.md' which is excluded from the built site" for a page left
    out: a browse page links hundreds of documents, and the page is in fact on the site."""

    LINK = re.compile(r"contains a link to '(.+)' which is excluded from the built site\.$")

    def filter(self, record: logging.LogRecord) -> bool:
        found = record.levelno <= logging.INFO and self.LINK.search(record.getMessage())
        return not (found and found.group(1) in _left_out)


_PAGES_LOG, _QUIET = logging.getLogger("mkdocs.structure.pages"), _QuietLinks()
