"""Where MkDocs puts a page and how it links it, from its docs-relative path alone (``lazy``).

A page left out without a ``File`` still has a place in the site (the stale-output sweep keeps it)
and an address (the search index's list of documents). ``File`` computes both through cached
properties and path objects, 4 µs a page; these are MkDocs' rules (``File.dest_uri``, ``File.url``)
on strings, the common case (``x.md`` with directory URLs) a slice, checked against ``File`` in
``tests/test_dirty_files.py``.
"""
from __future__ import annotations

import os
import posixpath
import re
from typing import NamedTuple
from urllib.parse import quote, unquote

from mkdocs import utils
from mkdocs.structure.files import InclusionLevel

SPECIAL = ("index.md", "README.md")
# What ``quote`` leaves as it is: most addresses (slugs are ASCII words and hyphens) need no call.
UNQUOTED = re.compile(r"[A-Za-z0-9_.~/-]*")


def destination(uri: str, directory_urls: bool) -> str:
    """``File.dest_uri`` of the docs-relative path ``uri``."""
    if directory_urls and uri.endswith(".md") and not uri.endswith(SPECIAL):
        return f"{uri[:-3]}/index.html"  # x.md, not index.md or README.md (nor xindex.md: the general way)
    if not utils.is_markdown_file(uri):
        return uri
    parent, name = posixpath.split(uri)
    stem = posixpath.splitext(name)[0]
    stem = "index" if stem == "README" else stem
    if not directory_urls or stem == "index":
        return posixpath.join(parent, stem + ".html")
    return posixpath.join(parent, stem, "index.html")


def address(uri: str, directory_urls: bool) -> str:
    """``File.url`` of the docs-relative path ``uri``."""
    dest = destination(uri, directory_urls)
    if directory_urls and (dest == "index.html" or dest.endswith("/index.html")):
        return _quoted(dest[:-10] or "./")
    return _quoted(dest)


def source(url: str, directory_urls: bool) -> str:
    """The docs-relative ``x.md`` whose ``address`` is ``url``, if a page of that name has it (one
    not named index or README: a document's); callers check with ``address``."""
    path = unquote(url)
    return (path[:-1] if directory_urls and path.endswith("/") else path.removesuffix(".html")) + ".md"


def output_paths(uris, config) -> list[str]:
    """``File.abs_dest_path`` of each docs-relative path (clean, as a walk gives them)."""
    site = os.path.normpath(config.site_dir)
    return [os.path.join(site, destination(uri, config.use_directory_urls)) for uri in uris]


def _quoted(path: str) -> str:
    return path if UNQUOTED.fullmatch(path) else quote(path)


def clashing(names: list[str], directory_urls: bool) -> bool:
    """Two files of one folder (``names``) with one destination, of which ``get_files`` keeps one."""
    stems = [_stem(name) for name in names if utils.is_markdown_file(name)]
    html = {f"{stem}.html" for stem in stems if not directory_urls or stem == "index"}
    return len(set(stems)) < len(stems) or not html.isdisjoint(names)


class LeftOut(NamedTuple):
    """A page left out without a ``File``, as the search index sees it (the fields it reads)."""

    src_uri: str
    url: str
    page: None = None
    inclusion: InclusionLevel = InclusionLevel.EXCLUDED


def _stem(name: str) -> str:
    stem = name[:-3] if name.endswith(".md") else posixpath.splitext(name)[0]
    return "index" if stem == "README" else stem
