"""Which pages a change to some documents reaches, so a rebuild renders those and no others.

A page shows, besides its own document, what other documents say of themselves (title, number,
date, validity in its relations and related lists), the relations and citations that concern it,
and the paths of its browse pages. Comparing the catalogues before and after a change gives the
documents whose own data changed; from them, the relations, citations, facet neighbours and facet
paths that differ name every page whose context may differ. The set may hold a few pages too many
(their context is compared before they are rendered), never one too few: the tests compare
rebuilds with full builds (issue 16: a rebuild renders the changed page, the browse pages it
appears on and the pages that cite it or that it cites).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .archive import RELATED_LIMIT, Catalogue
from .facets import Facet, facets_of
from .relations import TYPES


@dataclass
class Change:
    """What a rebuild must redo; None means everything (no earlier build to compare with)."""

    documents: set[str] = field(default_factory=set)  # slugs whose document changed in any way
    pages: set[str] | None = None  # document pages whose context may differ, changed documents included
    facets: set[Facet] | None = None  # browse pages whose list may differ


def everything() -> Change:
    return Change()


def shown(catalogue: Catalogue, slug: str):
    """What other pages and the browse lists show of a document (None: not in the archive)."""
    document = catalogue.by_slug.get(slug)
    return document and (document.meta, document.part, str(document.source.path))


def typed_counts(catalogue: Catalogue) -> Counter:
    """Relations other than 引用 per document: they widen its related-list window (``neighbours``)."""
    counts: Counter = Counter()
    for relation in catalogue.relations:
        if relation.kind != TYPES[-1]:
            counts[relation.source] += 1
            counts[relation.target] += 1
    return counts


def near(catalogue: Catalogue, facet: Facet, slug: str, typed: Counter) -> set[str]:
    """Members of ``facet`` whose related list may show ``slug`` (``Catalogue.neighbours``'s window)."""
    here = catalogue.positions.get(facet, {}).get(slug)
    if here is None:
        return set()
    members = catalogue.members[facet]
    reach = RELATED_LIMIT + 1 + max(typed.values(), default=0)
    return {other.slug for index, other in enumerate(members[max(0, here - reach): here + reach + 1], max(0, here - reach))
            if abs(index - here) <= RELATED_LIMIT + 1 + typed[other.slug]}


def partners(catalogue: Catalogue, slug: str) -> set[str]:
    """Documents related to ``slug`` in either direction (citations included)."""
    return {relation.target for relation in catalogue.by_source.get(slug, [])} | \
        {relation.source for relation in catalogue.by_target.get(slug, [])}


def members_of(catalogue: Catalogue, facets: set[Facet]) -> set[str]:
    return {document.slug for facet in facets for document in catalogue.members.get(facet, [])}


def compare(before: Catalogue, after: Catalogue) -> Change:
    """The change from ``before`` to ``after``; documents compare by identity (unchanged ones are reused)."""
    slugs = set(before.by_slug) | set(after.by_slug)
    changed = {slug for slug in slugs if before.by_slug.get(slug) is not after.by_slug.get(slug)}
    moved = {slug for slug in changed if shown(before, slug) != shown(after, slug)}
    relations = set(before.relations) ^ set(after.relations)
    pages = set(changed) | {end for relation in relations for end in (relation.source, relation.target)}
    pages |= {citation.source for citation in set(before.citations) ^ set(after.citations)}
    repathed = {facet for facet in set(before.facet_paths) | set(after.facet_paths)
                if before.facet_paths.get(facet) != after.facet_paths.get(facet)}
    pages |= members_of(before, repathed) | members_of(after, repathed)
    facets = set(repathed) | {Facet(facet.kind, facet.path[:-1]) for facet in repathed if len(facet.path) > 1}
    for catalogue in (before, after):
        typed = typed_counts(catalogue)
        for slug in moved & set(catalogue.by_slug):
            own = set(facets_of(catalogue.by_slug[slug]))
            facets |= own
            pages |= partners(catalogue, slug)
            pages |= {other for facet in own for other in near(catalogue, facet, slug, typed)}
    return Change(changed, pages & set(after.by_slug), facets & set(after.facet_paths))
