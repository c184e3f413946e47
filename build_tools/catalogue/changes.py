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
from collections.abc import Sequence
from dataclasses import dataclass, field

from . import stand_ins
from .archive import RELATED_LIMIT, Catalogue, Citation, Earlier
from .cards import UNVERIFIED_PAGE
from .facets import IN_FORCE_PAGE, MISSING_PAGE, Facet, facets_of
from .overview import ISSUERS_PAGE
from .paging import chain, date_of, prefixes
from .relations import TYPES, Relation
from ..metadata.gaps import gaps_of
from ..model import Deferred, Document, plain, typed


@dataclass
class Change:
    """What a rebuild must redo; None means everything (no earlier build to compare with)."""

    documents: set[str] = field(default_factory=set)  # slugs whose document changed in any way
    pages: set[str] | None = None  # document pages whose context may differ, changed documents included
    facets: set[Facet] | None = None  # browse pages whose list may differ
    listed: bool = True  # whether the overviews, to-do lists and catalogue export may differ
    # List (its first page's path) → the date parts (``paging``) of it that may differ; a list of
    # ``facets`` not named here may differ on every page.
    keys: dict[str, set[str]] | None = None

    def lists(self) -> dict[str, set[str] | None]:
        """The lists that may be split otherwise, each with the keys of the parts the change reaches in
        it (None: every part; ``compare``): those of documents in force and not yet in the archive when
        it reaches any of their parts, and the facet lists named in ``keys`` (``browse.every_path``)."""
        if not self.listed:
            return {}
        if self.keys is None:
            return {IN_FORCE_PAGE: None, MISSING_PAGE: None, ISSUERS_PAGE: None, UNVERIFIED_PAGE: None}
        return {top: parts for top, parts in self.keys.items() if parts}


def everything() -> Change:
    return Change()


@dataclass
class Outline:
    """What a later build compares with: the documents, relations, citations and browse lists.

    Kept between builds instead of the catalogue: rebuilding the earlier catalogue would cost as
    much as building the current one."""

    documents: dict[str, Document]  # by slug
    relations: list[Relation]
    keys: dict[str, str]  # what citations resolve to (``Catalogue.keys``)
    facet_paths: dict[Facet, str]
    members: dict[Facet, list[str]]  # slugs, newest first
    cited_in: dict[str, list[Citation]]  # ``Catalogue.cited_in``: reused for pages whose citations still hold
    browse: dict[str, str] = field(default_factory=dict)  # every browse page → its list (``browse.every_path``)
    # For an addition without the summaries (``added``): how lists show each document, the to-do
    # list, every name pages relate to and the pages citing each name, and the pages whose export
    # records the shards' rows no longer match (an addition gave them a relation).
    rows: dict[str, tuple] = field(default_factory=dict)  # slug → ``stand_ins.row``
    missing: dict[str, Sequence[Citation]] = field(default_factory=dict)  # ``Catalogue.missing``
    named: set[str] = field(default_factory=set)  # ``stand_ins.named``
    citing: dict[str, set[str]] = field(default_factory=dict)  # ``stand_ins.citing``
    stale: set[str] = field(default_factory=set)

    def __getstate__(self) -> dict:
        """Saved with its relations as plain tuples (``model.plain``: a rebuild after an addition loads
        the whole outline, 0.35–0.42 s at 20,000 laws, 0.28–0.30 s so) and each name's to-do citations
        as a pickle of its own (``model.Deferred``): an addition reads those of the names it reaches,
        and loading all 33,000 took 0.19 s of those 0.28."""
        return {**self.__dict__, "relations": plain(self.relations),
                "missing": {label: Deferred.encoded(citations) for label, citations in self.missing.items()}}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state, relations=typed(Relation, state["relations"]),
                             missing={label: Deferred(Citation, data) for label, data in state["missing"].items()})

    def earlier(self) -> Earlier:
        return Earlier(self.documents, self.keys, self.cited_in, self.members)

    def partners(self, slug: str) -> set[str]:
        """Documents related to ``slug`` in either direction (citations included)."""
        return {relation.target if relation.source == slug else relation.source for relation in self.relations
                if slug in (relation.source, relation.target)}


def outline(catalogue: Catalogue) -> Outline:
    return Outline(catalogue.by_slug, catalogue.relations, catalogue.keys, catalogue.facet_paths,
                   {facet: [document.slug for document in documents] for facet, documents in catalogue.members.items()},
                   catalogue.cited_in, rows={slug: stand_ins.row(document) for slug, document in catalogue.by_slug.items()},
                   missing=catalogue.missing(), named=stand_ins.named(catalogue),
                   citing=stand_ins.citing(catalogue.citations))


def shown(outline: Outline, slug: str):
    """What other pages and the browse lists show of a document (None: not in the archive)."""
    document = outline.documents.get(slug)
    return None if document is None else seen(document)


def seen(document: Document) -> tuple:
    """What other pages, the lists and the catalogue's relations see of a document."""
    # The source's hash is shown on its own card only: a body edit changes that page, not its neighbours.
    return {key: value for key, value in document.meta.items() if key != "sha256"}, document.part, str(document.source.path)


def typed_counts(outline: Outline) -> Counter:
    """Relations other than 引用 per document: they widen its related-list window (``neighbours``)."""
    counts: Counter = Counter()
    for relation in outline.relations:
        if relation.kind != TYPES[-1]:
            counts[relation.source] += 1
            counts[relation.target] += 1
    return counts


def near(outline: Outline, facet: Facet, slug: str, typed: Counter) -> set[str]:
    """Members of ``facet`` whose related list may show ``slug`` (``Catalogue.neighbours``'s window)."""
    members = outline.members.get(facet, [])
    if slug not in members:
        return set()
    here, reach = members.index(slug), RELATED_LIMIT + 1 + max(typed.values(), default=0)
    start = max(0, here - reach)
    return {other for index, other in enumerate(members[start: here + reach + 1], start)
            if abs(index - here) <= RELATED_LIMIT + 1 + typed[other]}


def members_of(outline: Outline, facets: set[Facet]) -> set[str]:
    return {slug for facet in facets for slug in outline.members.get(facet, [])}


def compare(before: Outline, after: Outline, recited: set[str]) -> Change:
    """The change from ``before`` to ``after``; documents compare by identity (unchanged ones are reused).
    ``recited``: documents with a citation that resolves differently, a number or title now naming
    another page (or none) or a page of that slug come or gone (``Catalogue.recited``)."""
    slugs = set(before.documents) | set(after.documents)
    changed = {slug for slug in slugs if before.documents.get(slug) is not after.documents.get(slug)}
    moved = {slug for slug in changed if shown(before, slug) != shown(after, slug)}
    relations = set(before.relations) ^ set(after.relations)
    pages = set(changed) | {end for relation in relations for end in (relation.source, relation.target)}
    # A changed document whose citations are the very ones it had (an edit elsewhere in its text)
    # changes no list: the to-do list shows each citation's source line.
    cited = recited | \
        {slug for slug in changed if before.cited_in.get(slug) != after.cited_in.get(slug)}
    pages |= cited
    repathed = {facet for facet in set(before.facet_paths) | set(after.facet_paths)
                if before.facet_paths.get(facet) != after.facet_paths.get(facet)}
    pages |= members_of(before, repathed) | members_of(after, repathed)
    facets = set(repathed) | {Facet(facet.kind, facet.path[:-1]) for facet in repathed if len(facet.path) > 1}
    keys: dict[str, set[str]] = {}
    issuers: set[Facet] = set()
    for side in (before, after):
        typed = typed_counts(side)
        for slug in moved & set(side.documents):
            own = set(facets_of(side.documents[slug]))
            facets |= own
            issuers |= {facet for facet in own if facet.kind == "issuer"}
            pages |= side.partners(slug)
            pages |= {other for facet in own for other in near(side, facet, slug, typed)}
            dates = chain(date_of(side.documents[slug]))
            for path in [IN_FORCE_PAGE, *(after.facet_paths[facet] for facet in own - repathed if facet in after.facet_paths)]:
                keys.setdefault(path, set()).update(dates)
    # The issuers' overview shows each issuer's count and path: the parts of the issuers of what moved.
    keys[ISSUERS_PAGE] = {key for facet in issuers | {facet for facet in repathed if facet.kind == "issuer"}
                          for key in prefixes(facet.label)}
    keys[MISSING_PAGE] = {key for slug in changed | cited for side in (before, after)
                          for citation in side.cited_in.get(slug, []) if citation.target is None
                          for key in prefixes(citation.label)}
    # The 待核实 list is split by source file: the parts of the files of changed documents with gaps.
    keys[UNVERIFIED_PAGE] = {key for side in (before, after) for slug in changed & side.documents.keys()
                             if gaps_of(side.documents[slug]) for key in prefixes(str(side.documents[slug].source.path))}
    listed = bool(facets) or bool(pages - changed) or bool(cited)
    return Change(changed, pages & set(after.documents), facets & set(after.facet_paths), listed, keys)
