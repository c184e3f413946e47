"""Each page's context as it was last rendered, one file a page.

A rebuild after an edit that no other page sees (``quick``) renders the edited page from the context
it had, with its card made again (the card shows the source's hash, and asks the catalogue for the
browse paths of the page's facets only, kept here beside it), instead of building the catalogue of
the whole archive to ask it (issue 16). An addition (``added``) renders the pages it reaches again
from the summary, citations and cache key kept beside the context. One file a page, so that a
rebuild reads and writes the contexts of the pages it renders and no others.
"""
from __future__ import annotations

import pickle
from pathlib import Path
from typing import NamedTuple

from ..catalogue.archive import Catalogue, Citation
from ..catalogue.cards import card
from ..catalogue.facets import Facet, facets_of
from ..model import Document, PageContext
from .writer import write_bytes


class Kept(NamedTuple):
    """What is kept of one page: its context, the browse path of each of its facets, and what the
    catalogue knew of it (an addition renders a page again from these, ``added``)."""

    context: PageContext
    paths: dict[Facet, str]
    summary: Document  # ``summaries.summary``
    key: str  # its source's conversion-cache key
    citations: list[Citation]  # ``Catalogue.citations_of``


def path(cache: Path, slug: str) -> Path:
    return cache.parent / "page-contexts" / f"{slug}.pickle"


def load(cache: Path, slug: str) -> Kept | None:
    """What was kept of a page (None when there is none or it is unreadable)."""
    try:
        found = pickle.loads(path(cache, slug).read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        return None
    return found if isinstance(found, Kept) else None


def kept(catalogue: Catalogue, document: Document, context: PageContext, key: str) -> Kept:
    paths = catalogue.facet_paths
    return Kept(context, {facet: paths[facet] for facet in facets_of(document) if facet in paths}, document, key,
                catalogue.citations_of(document.slug))


def with_card(found: Kept, document: Document) -> PageContext:
    """The kept context with ``document``'s card: the same facets (``quick`` checks), another hash."""
    return PageContext(card=card(Catalogue(facet_paths=found.paths), document), relations=found.context.relations,
                       links=found.context.links)


def save(cache: Path, fresh: dict[str, Kept], gone: list[str]) -> None:
    """Keep the contexts just made (by slug); drop those of the pages ``gone``.

    A context equal to the one kept is not written again: most pages an addition or a rebuild the
    whole way renders again keep theirs, and reading one (0.04 ms) costs a tenth of writing and
    renaming it in a folder of 20,000. Compared as values: pickles of equal contexts differ with
    how their objects happen to be shared."""
    for slug, value in sorted(fresh.items()):
        if load(cache, slug) != value:
            write_bytes(path(cache, slug), pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    for slug in gone:
        path(cache, slug).unlink(missing_ok=True)
