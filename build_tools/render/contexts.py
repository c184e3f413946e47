"""Each page's context as it was last rendered, kept by its source's shard (``summaries.shard_of``).

A rebuild after an edit that no other page sees (``quick``) renders the edited page from the context
it had, with its card made again (the card shows the source's hash, and asks the catalogue for the
browse paths of the page's facets only, kept here beside it), instead of building the catalogue of
the whole archive to ask it (issue 16).
"""
from __future__ import annotations

import pickle
from pathlib import Path

from ..catalogue.archive import Catalogue
from ..catalogue.cards import card
from ..catalogue.facets import Facet, facets_of
from ..model import Document, PageContext
from .writer import write_bytes

# What is kept of one page: its context, and the browse path of each of its facets.
Kept = tuple[PageContext, dict[Facet, str]]


def path(cache: Path, number: int) -> Path:
    return cache.parent / "page-contexts" / f"{number:02d}.pickle"


def load(cache: Path, number: int) -> dict[str, Kept]:
    """slug → what was kept of its page, for the pages of one shard (empty when unreadable)."""
    try:
        found = pickle.loads(path(cache, number).read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def kept(catalogue: Catalogue, document: Document, context: PageContext) -> Kept:
    return context, {facet: catalogue.facet_paths[facet] for facet in facets_of(document) if facet in catalogue.facet_paths}


def with_card(found: Kept, document: Document) -> PageContext:
    """The kept context with ``document``'s card: the same facets (``quick`` checks), another hash."""
    context, paths = found
    return PageContext(card=card(Catalogue(facet_paths=paths), document), relations=context.relations,
                       links=context.links)


def save(cache: Path, fresh: dict[str, tuple[int, Kept]], owners: dict[str, int]) -> None:
    """Add the contexts just made (slug → (shard, kept)) to their shards; in the shards written, pages
    no longer in ``owners`` (slug → shard of every page) are dropped."""
    for number in sorted({shard for shard, _ in fresh.values()}):
        found = {slug: value for slug, value in load(cache, number).items() if owners.get(slug) == number}
        found.update((slug, value) for slug, (shard, value) in fresh.items() if shard == number)
        write_bytes(path(cache, number), pickle.dumps(found, protocol=pickle.HIGHEST_PROTOCOL))

