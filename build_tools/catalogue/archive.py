"""Stage 5: the catalogue of all documents and the relations between them.

Rendering one page needs to know about the others (citation links,
被引用, annexes, same-session replies, browse pages), so the catalogue is
built once over every Document and then asked for each page's context.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from ..metadata import citations
from . import facets as facet_rules
from . import relations as relation_rules
from .facets import Facet, page_path, relative
from ..markup import book_title
from ..model import Block, Document, tuple_reduce
from .relations import Relation

# Documents listed per group (same region, issuer, session) beside a page, the nearest by date.
RELATED_LIMIT = 5

# Keys compare without spaces and book-title marks, so a title cited as 《X》 or 〈X〉 finds the page.
_LOOSE = re.compile(r"[\s《》〈〉<>]")
# Shorter cited titles are too generic (《实施方案》) to stand for one page.
SHORT_TITLE_MIN = 8


@lru_cache(maxsize=None)
def _loose(text: str) -> str:
    return _LOOSE.sub("", text)


def loose(text) -> str:
    """Memoised: an archive cites the same few hundred laws thousands of times."""
    return _loose(str(text or ""))


class Citation(NamedTuple):
    """One cited document in one place: its keys (title and/or number), where, what it resolves to.

    A named tuple, not a frozen dataclass: a build keeps every citation of the archive for the
    next one, and tuples load from a pickle twice as fast (72,803 at 20,000 laws: 0.29 → 0.14 s).
    """

    keys: tuple[str, ...]  # citation keys as ``citations.find_citations`` gives them
    label: str  # how the cited document is named: 《title》（number）
    source: str  # slug of the citing document
    line: int  # source line of the citing block, 0 when declared in the front matter
    target: str | None = None  # slug in the archive, or None: not yet in the archive

    __reduce__ = tuple_reduce


@dataclass
class Catalogue:
    documents: list[Document] = field(default_factory=list)
    by_slug: dict[str, Document] = field(default_factory=dict)
    keys: dict[str, str] = field(default_factory=dict)  # loose number/title → slug
    relations: list[Relation] = field(default_factory=list)  # typed relations and 引用
    citations: list[Citation] = field(default_factory=list)
    members: dict[Facet, Sequence[Document]] = field(default_factory=dict)  # newest first
    facet_paths: dict[Facet, str] = field(default_factory=dict)
    # Indexes by slug, so asking for one page's context does not scan the whole archive.
    by_source: dict[str, list[Relation]] = field(default_factory=dict)
    by_target: dict[str, list[Relation]] = field(default_factory=dict)
    cited_in: dict[str, list[Citation]] = field(default_factory=dict)
    positions: dict[Facet, dict[str, int]] = field(default_factory=dict)  # facet → slug → place in members, once asked
    by_source_file: dict[str, list[Document]] = field(default_factory=dict)
    _missing: dict[str, Sequence[Citation]] | None = field(default=None, repr=False)  # ``missing``, once asked
    # Pages with a citation whose key names another page now, or none (built from an earlier build only).
    recited: set[str] | None = field(default=None, repr=False)
    memo: dict = field(default_factory=dict, repr=False)  # what browse pages work out once per build

    def resolve(self, reference) -> str | None:
        """Slug of the document a slug, number or title refers to, if it is in the archive."""
        if not reference:
            return None
        if str(reference) in self.by_slug:
            return str(reference)
        return self.keys.get(loose(reference))

    def outgoing(self, slug: str, kind: str) -> list[Document]:
        return [self.by_slug[rel.target] for rel in self.by_source.get(slug, []) if rel.kind == kind]

    def incoming(self, slug: str, kind: str) -> list[Document]:
        return [self.by_slug[rel.source] for rel in self.by_target.get(slug, []) if rel.kind == kind]

    def citations_of(self, slug: str) -> list[Citation]:
        return self.cited_in.get(slug, [])

    def missing(self) -> dict[str, Sequence[Citation]]:
        """Cited keys not in the archive → where they are cited: the editors' to-do list (the overviews
        count it too: worked out once)."""
        if self._missing is None:
            found: dict[str, list[Citation]] = defaultdict(list)
            for citation in self.citations:
                if citation.target is None:
                    found[citation.label].append(citation)
            self._missing = dict(sorted(found.items()))
        return self._missing

    def links_for(self, document: Document) -> dict[str, str]:
        """Citation key → relative URL, for every citation in this page that is in the archive."""
        return {key: relative(page_path(document), page_path(self.by_slug[citation.target]))
                for citation in self.citations_of(document.slug) if citation.target for key in citation.keys}

    def related(self, document: Document, exclude: set[str] = frozenset()) -> dict[Facet, list[Document]]:
        """Same issuer, proposal session, (most specific) region; a few each, newest first.

        The few are the document's neighbours in date, not the newest of the group: adding a
        document then changes the lists of its neighbours only, not of every page in its group
        (a rebuild re-renders a few pages, not thousands). A document already listed under a
        closer tie (the issuer before the region) is not listed again: a third of the entries
        were repeats, 0.3 kB per page at 3,475 laws (issue 16).
        """
        skip = {document.slug, *exclude}
        facets = [facet for facet in facet_rules.facets_of(document) if facet.label not in facet_rules.PLACEHOLDERS]
        regions = [facet for facet in facets if facet.kind == "region"]
        groups, shown = {}, set()
        for facet in [facet for facet in facets if facet.kind in ("issuer", "session")] + regions[-1:]:
            others = [doc for doc in self.neighbours(facet, document, skip) if doc.slug not in shown]
            shown.update(doc.slug for doc in others)
            if others:
                groups[facet] = others
        return groups

    def neighbours(self, facet: Facet, document: Document, skip: set[str]) -> list[Document]:
        """The RELATED_LIMIT members nearest to ``document`` in the facet's order (nearer newer first), in that order."""
        members, limit = self.members.get(facet, []), RELATED_LIMIT
        if facet not in self.positions:  # worked out for the facets of the pages rendered only
            self.positions[facet] = {doc.slug: n for n, doc in enumerate(members)}
        here = self.positions[facet].get(document.slug, 0)
        window = range(max(0, here - limit - len(skip)), min(len(members), here + limit + len(skip) + 1))
        nearest = sorted((i for i in window if members[i].slug not in skip), key=lambda i: (abs(i - here), i))
        return [members[i] for i in sorted(nearest[:limit])]


def block_texts(block: Block) -> list[str]:
    cells = ["\t".join(row) for row in block.rows]
    return [text for text in (block.lead + block.text, block.caption, *cells) if text]


def label_of(entry: dict) -> str:
    title = book_title(entry["title"]) if entry.get("title") else ""
    number = entry.get("number") or ""
    return f"{title}（{number}）" if title and number else title or number


def mentions(document: Document) -> list[tuple[dict, int]]:
    """({title, number}, line) of each document cited in the body, plus ``cites`` not found there."""
    found = [(entry, block.line) for block in document.blocks for text in block_texts(block)
             for entry in citations.cited_documents(text)]
    seen = [entry for entry, _ in found]
    for cited in facet_rules.as_list(document.meta.get("cites")):
        entries = [cited] if isinstance(cited, dict) else citations.cited_documents(str(cited)) or [{"title": str(cited)}]
        found += [(entry, 0) for entry in entries if entry not in seen]
    return found


def _index_keys(documents: list[Document]) -> dict[str, str]:
    """Numbers win over titles when both match; first slug in sorted order wins ties."""
    keys: dict[str, str] = {}
    for field_name in ("doc_number", "title"):
        for document in documents:
            if document.meta.get(field_name):
                keys.setdefault(loose(document.meta[field_name]), document.slug)
    return keys


def _own_names(document: Document) -> set[str]:
    """A page's own number and title, and the proposal a reply answers, are not citations."""
    proposal = document.meta.get("proposal")
    names = [document.meta.get("doc_number"), document.meta.get("title"),
             proposal.get("title") if isinstance(proposal, dict) else None]
    return {loose(name) for name in names if name}


def short_title_target(catalogue: Catalogue, document: Document, keys: tuple[str, ...]) -> str | None:
    """A part cited by a shortened title inside its own file: 《终身职业技能培训制度的实施意见》（附件一）
    for 曲靖市人民政府关于推行终身职业技能培训制度的实施意见. Only within one source, only if unique."""
    siblings = catalogue.by_source_file.get(str(document.source.path), [])
    for key in (loose(key) for key in keys if len(loose(key)) >= SHORT_TITLE_MIN):
        found = [doc.slug for doc in siblings if loose(doc.meta.get("title")).endswith(key)]
        if len(found) == 1:
            return found[0]
    return None


def resolve_citations(catalogue: Catalogue, document: Document, found: list) -> list[Citation]:
    """A page's citations (``found``: its ``mentions``) as the catalogue resolves them, sorted."""
    own, cited = _own_names(document), set()
    for entry, line in found:
        keys = tuple(str(entry[kind]) for kind in ("number", "title") if entry.get(kind))
        target = next(filter(None, map(catalogue.resolve, keys)), None) or \
            short_title_target(catalogue, document, keys)
        if keys and target != document.slug and not own & {loose(key) for key in keys}:
            cited.add(Citation(keys, label_of(entry), document.slug, line, target))
    return sorted(cited, key=lambda c: (c.line, c.keys))


@dataclass
class Earlier:
    """What an earlier build resolved: an unchanged page whose cited keys still name the same
    documents keeps its citations, instead of resolving them again, and a facet no changed document
    is in keeps its list (issue 16)."""

    documents: dict[str, Document]  # by slug; unchanged documents are the same objects
    keys: dict[str, str]  # ``Catalogue.keys``
    cited_in: dict[str, list[Citation]]  # ``Catalogue.cited_in``
    members: dict[Facet, list[str]]  # ``Catalogue.members`` as slugs


def resolving_differently(before: dict[str, str], after: dict[str, str], slugs: set[str]) -> set[str]:
    """Citation keys (loose numbers and titles, ``Catalogue.keys``) that name another page now, or
    none, and the ``slugs`` of pages that came or went."""
    return {key for key in before.keys() | after.keys() if before.get(key) != after.get(key)} | slugs


def mentions_any(found: list, keys: set[str]) -> bool:
    return any(entry.get(kind) and (loose(entry[kind]) in keys or str(entry[kind]) in keys)
               for entry, _ in found for kind in ("number", "title"))


def mentioning(mentioned: dict[str, list], keys: set[str]) -> set[str]:
    """Pages whose citations name any of ``keys`` (``resolving_differently``): those to resolve again."""
    return {slug for slug, found in mentioned.items() if mentions_any(found, keys)} if keys else set()


def _citations(catalogue: Catalogue, mentioned: dict[str, list] | None, earlier: Earlier | None = None) -> list[Citation]:
    """Sorted by citing page, line and keys; an unchanged page's from ``earlier`` where they still hold.
    Sets ``catalogue.recited``: the pages whose citations were resolved again for a key that changed."""
    if earlier is not None and mentioned is not None:
        keys = resolving_differently(earlier.keys, catalogue.keys, set(earlier.documents) ^ set(catalogue.by_slug))
        catalogue.recited = mentioning(mentioned, keys)
    found: list[Citation] = []
    for document in catalogue.documents:
        mentions_here = mentioned[document.slug] if mentioned is not None else mentions(document)
        if catalogue.recited is not None and earlier.documents.get(document.slug) is document and \
                document.slug not in catalogue.recited:
            found += earlier.cited_in.get(document.slug, [])
        else:
            found += resolve_citations(catalogue, document, mentions_here)
    return found


def group_by(items: list, key) -> dict[str, list]:
    grouped: dict[str, list] = defaultdict(list)
    for item in items:
        grouped[key(item)].append(item)
    return dict(grouped)


def group(items: list, attribute: str) -> dict[str, list]:
    return group_by(items, lambda item: getattr(item, attribute))


def _members(documents: list[Document], by_slug: dict[str, Document], earlier: Earlier | None) -> dict[Facet, list[Document]]:
    """Each facet's documents, newest first, by facet. ``newest_first`` is a total order, so the
    archive taken in that order gives every list in its own; with ``earlier``, its lists are kept
    less the documents that changed, and only the facets those are in are sorted again (the facets
    of every document and one sort of all took 0.21 s at 20,000 laws, issue 16)."""
    members: dict[Facet, list[Document]] = defaultdict(list)
    if earlier is None:
        for document in facet_rules.newest_first(documents):
            for facet in facet_rules.facets_of(document):
                members[facet].append(document)
        return dict(sorted(members.items()))
    changed = {slug for slug, document in by_slug.items() if earlier.documents.get(slug) is not document} | \
        (earlier.documents.keys() - by_slug.keys())
    members.update({facet: [by_slug[slug] for slug in slugs if slug not in changed] for facet, slugs in earlier.members.items()})
    touched = {facet for slug in changed if slug in earlier.documents for facet in facet_rules.facets_of(earlier.documents[slug])}
    for document in (by_slug[slug] for slug in changed if slug in by_slug):
        for facet in facet_rules.facets_of(document):
            members[facet].append(document)
            touched.add(facet)
    for facet in touched:
        members[facet] = facet_rules.newest_first(members[facet])
    return {facet: found for facet, found in sorted(members.items()) if found}


def build(documents: list[Document], mentioned: dict[str, list] | None = None,
          known_paths: dict[Facet, str] | None = None, earlier: Earlier | None = None) -> Catalogue:
    """``mentioned``: slug → ``mentions`` kept from an earlier build, so that the documents may be
    summaries without their blocks; ``known_paths``: an earlier build's facet paths, reused when the
    facets are the same (paths depend on the set of facets only); ``earlier``: its citations."""
    documents = sorted(documents, key=lambda doc: doc.slug)
    catalogue = Catalogue(documents=documents, by_slug={doc.slug: doc for doc in documents},
                          keys=_index_keys(documents))
    catalogue.by_source_file = group_by(documents, lambda doc: str(doc.source.path))
    catalogue.citations = _citations(catalogue, mentioned, earlier)
    cites = {Relation("引用", c.source, c.target) for c in catalogue.citations if c.target}
    catalogue.relations = sorted(set(relation_rules.find_all(documents, catalogue.resolve)) | cites)
    catalogue.by_source, catalogue.by_target = group(catalogue.relations, "source"), group(catalogue.relations, "target")
    catalogue.cited_in = group(catalogue.citations, "source")
    catalogue.members = _members(documents, catalogue.by_slug, earlier)
    same = known_paths is not None and known_paths.keys() == catalogue.members.keys()
    catalogue.facet_paths = known_paths if same else facet_rules.assign_paths(set(catalogue.members))
    return catalogue
