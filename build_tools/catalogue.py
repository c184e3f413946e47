"""Stage 5: the catalogue of all documents and the relations between them.

Rendering one page needs to know about the others (citation links,
被引用, annexes, same-session replies, browse pages), so the catalogue is
built once over every Document and then asked for each page's context.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from . import cards
from . import facets as facet_rules
from . import relations as relation_rules
from .facets import Facet, page_path, relative
from .model import Block, Document, PageContext
from .relations import Relation

try:
    from .citations import find_citations
except ImportError:  # the citations module lands with the metadata stage; until then no links in text
    def find_citations(text: str) -> list:
        return []

# Keys compare without spaces and 《》, so "《 X 》" written either way finds the same page.
_LOOSE = re.compile(r"[\s《》〈〉<>]")


def loose(text) -> str:
    return _LOOSE.sub("", str(text or ""))


@dataclass(frozen=True)
class Citation:
    """One citation found in a document: the normalised key, where, and what it resolves to."""

    key: str
    source: str  # slug of the citing document
    line: int
    target: str | None = None  # slug in the archive, or None: not yet in the archive


@dataclass
class Catalogue:
    documents: list[Document] = field(default_factory=list)
    by_slug: dict[str, Document] = field(default_factory=dict)
    keys: dict[str, str] = field(default_factory=dict)  # loose number/title → slug
    relations: list[Relation] = field(default_factory=list)  # typed relations and 引用
    citations: list[Citation] = field(default_factory=list)
    members: dict[Facet, list[Document]] = field(default_factory=dict)  # newest first
    facet_paths: dict[Facet, str] = field(default_factory=dict)

    def resolve(self, reference) -> str | None:
        """Slug of the document a slug, number or title refers to, if it is in the archive."""
        if not reference:
            return None
        if str(reference) in self.by_slug:
            return str(reference)
        return self.keys.get(loose(reference))

    def outgoing(self, slug: str, kind: str) -> list[Document]:
        return [self.by_slug[rel.target] for rel in self.relations if rel.source == slug and rel.kind == kind]

    def incoming(self, slug: str, kind: str) -> list[Document]:
        return [self.by_slug[rel.source] for rel in self.relations if rel.target == slug and rel.kind == kind]

    def missing(self) -> dict[str, list[Citation]]:
        """Cited keys not in the archive → where they are cited: the editors' to-do list."""
        found: dict[str, list[Citation]] = defaultdict(list)
        for citation in self.citations:
            if citation.target is None:
                found[citation.key].append(citation)
        return dict(sorted(found.items()))

    def links_for(self, document: Document) -> dict[str, str]:
        """Citation key → relative URL, for every citation in this page that is in the archive."""
        return {citation.key: relative(page_path(document), page_path(self.by_slug[citation.target]))
                for citation in self.citations
                if citation.source == document.slug and citation.target}

    def related(self, document: Document) -> dict[str, list[Document]]:
        """Same issuer, same proposal session, same (most specific) region; a few each, newest first."""
        groups = {}
        for facet in facet_rules.facets_of(document):
            if facet.kind in ("issuer", "session") or (facet.kind == "region" and facet == self._deepest_region(document)):
                others = [doc for doc in self.members.get(facet, []) if doc.slug != document.slug]
                if others and facet.label not in facet_rules.UNKNOWN.values():
                    groups[facet] = others[:cards.RELATED_LIMIT]
        return groups

    def _deepest_region(self, document: Document) -> Facet:
        return [facet for facet in facet_rules.facets_of(document) if facet.kind == "region"][-1]

    def context_for(self, document: Document) -> PageContext:
        return PageContext(card=cards.card(self, document), relations=cards.relations_section(self, document),
                           links=self.links_for(document))


def block_texts(block: Block) -> list[str]:
    return [cell for row in block.rows for cell in row] if block.kind == "table" else [block.text]


def citations_in(document: Document) -> list[tuple[str, int]]:
    """(key, line) of every citation in the body and the title, plus ``cites`` from the front matter."""
    found = []
    for block in document.blocks:
        for text in block_texts(block) + ([block.caption] if block.caption else []):
            found += [(span.key, block.line) for span in find_citations(text)]
    for cited in facet_rules.as_list(document.meta.get("cites")):
        key = cited.get("key") if isinstance(cited, dict) else cited
        if key:
            found.append((str(key), 0))
    return found


def _index_keys(documents: list[Document]) -> dict[str, str]:
    """Numbers win over titles when both match; first slug in sorted order wins ties."""
    keys: dict[str, str] = {}
    for field_name in ("doc_number", "title"):
        for document in documents:
            if document.meta.get(field_name):
                keys.setdefault(loose(document.meta[field_name]), document.slug)
    return keys


def _own_proposal(document: Document) -> str:
    proposal = document.meta.get("proposal")
    return loose(proposal.get("title")) if isinstance(proposal, dict) else ""


def _citations(catalogue: Catalogue) -> list[Citation]:
    """Every citation (key, page, line); a reply quoting its own proposal's title is not a citation."""
    found = set()
    for document in catalogue.documents:
        for key, line in citations_in(document):
            target = catalogue.resolve(key)
            if loose(key) != _own_proposal(document) and target != document.slug:
                found.add(Citation(key, document.slug, line, target))
    return sorted(found, key=lambda c: (c.source, c.line, c.key))


def build(documents: list[Document]) -> Catalogue:
    documents = sorted(documents, key=lambda doc: doc.slug)
    catalogue = Catalogue(documents=documents, by_slug={doc.slug: doc for doc in documents},
                          keys=_index_keys(documents))
    catalogue.citations = _citations(catalogue)
    cites = {Relation("引用", c.source, c.target) for c in catalogue.citations if c.target}
    catalogue.relations = sorted(set(relation_rules.find_all(documents, catalogue.resolve)) | cites)
    members: dict[Facet, list[Document]] = defaultdict(list)
    for document in documents:
        for facet in facet_rules.facets_of(document):
            members[facet].append(document)
    catalogue.members = {facet: facet_rules.newest_first(docs) for facet, docs in sorted(members.items())}
    catalogue.facet_paths = facet_rules.assign_paths(set(members))
    return catalogue
