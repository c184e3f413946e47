"""What sources added to the archive bring to its catalogue, worked out from the last build's outline.

The outline (``changes.Outline``) keeps every relation, citation key and browse list of the archive
and how lists show each document (``stand_ins``): the new documents' citations and relations are
resolved against it, their places in their facets' lists found, and the catalogue that renders the
pages they reach made of stand-ins and the few documents in full (``render.added``, issue 16).
Where an addition reaches further (``admitted``), the catalogue is built again instead.
"""
from __future__ import annotations

from bisect import bisect_left

from . import stand_ins
from .archive import Catalogue, Citation, group, group_by, loose, resolve_citations
from .changes import Outline
from .facets import Facet, added_paths, facets_of, newest_first_place
from .outline_delta import Delta
from .relations import Relation, of_document, references, structural
from ..model import Document
from ..slugs import SAFE_SLUG


def admitted(stored: Outline, pages: list[str],
             documents: list[Document]) -> tuple[dict[str, str], dict[Facet, str]] | None:
    """The citation keys the new documents come to hold and the paths of the facets new with them, if
    they reach no further than this way goes: pages of their own, no proposal, no key, slug or facet
    path another page holds or names."""
    slugs = [document.slug for document in documents]
    if not fresh_pages(pages, slugs) or any(document.meta.get("proposal") for document in documents):
        return None
    paths = added_paths(stored.facet_paths, {facet for document in documents for facet in facets_of(document)
                                             if facet not in stored.facet_paths})
    keys = taken_keys(stored, documents)
    return None if paths is None or keys is None or (keys.keys() | set(slugs)) & stored.named else (keys, paths)


def catalogue_with(stored: Outline, shown: dict[str, Document], documents: list[Document],
                   keys: dict[str, str], mentioned: dict[str, list]) -> Catalogue:
    """The archive as stand-ins and the new documents, with the keys to resolve the new citations by."""
    archive = Catalogue(keys={**stored.keys, **keys})
    archive.by_slug = dict(sorted({**shown, **{document.slug: document for document in documents}}.items()))
    archive.by_source_file = group_by(documents, lambda document: str(document.source.path))
    archive.cited_in = {doc.slug: resolve_citations(archive, doc, mentioned[doc.slug]) for doc in documents}
    return archive


def reciting(stored: Outline, names: set[str]) -> set[str]:
    """Pages citing a number, title or slug the new pages answer to (``archive.mentioning``)."""
    return {slug for name in names for slug in stored.citing.get(name, ())}


def recite(archive: Catalogue, stored: Outline, cited: dict[str, tuple[Document, list]]) -> None:
    """The citations of the pages ``cited`` (slug → summary, ``archive.mentions``) resolved again
    against the archive with the new pages; a part cited by a shortened title is looked for among
    the parts of its own source, as stand-ins (``archive.short_title_target``)."""
    sources = {str(summary.source.path) for summary, _ in cited.values()}
    for slug, name in stored.documents.items():
        if name in sources:
            archive.by_source_file.setdefault(name, []).append(archive.by_slug[slug])
    for slug, (summary, mentions) in cited.items():
        archive.cited_in[slug] = resolve_citations(archive, summary, mentions)


def fresh_pages(pages: list[str], slugs: list[str]) -> bool:
    """Whether the new pages' slugs are valid, their own, and claimed by no existing page."""
    existing = set(pages)
    return len(set(slugs)) == len(slugs) and all(SAFE_SLUG.fullmatch(slug) and slug not in existing for slug in slugs)


def taken_keys(stored: Outline, documents: list[Document]) -> dict[str, str] | None:
    """The citation keys the new documents come to hold (``archive._index_keys``: numbers first, then
    the first slug), all new to the archive; None if one would take a key another page holds."""
    keys: dict[str, str] = {}
    for field_name in ("doc_number", "title"):
        for document in documents:
            key = loose(document.meta.get(field_name))
            if not key or key in keys:
                continue
            holder = stored.keys.get(key)
            if holder is None:
                keys[key] = document.slug
                continue
            number, held_by_number = field_name == "doc_number", loose(stored.rows[holder][3]) == key
            if number and not held_by_number or number == held_by_number and document.slug < holder:
                return None
    return keys


def parents_of_existing(pages: list[str], shown: dict[str, Document], slugs: set[str]) -> bool:
    """Whether an existing page is an annex or issued document of a new page (``structural``)."""
    for slug in slugs:
        start = bisect_left(pages, slug + "-")
        while start < len(pages) and pages[start].startswith(slug + "-"):
            if structural(shown[pages[start]], slugs):
                return True
            start += 1
    return False


def new_relations(archive: Catalogue, documents: list[Document]) -> set[Relation]:
    """The relations the new documents bring: their own (``relations.of_document``) and the citations
    from or to them (those of pages citing them included: the others the outline has already)."""
    new = {document.slug for document in documents}
    found = {relation for document in documents
             for relation in of_document(document, archive.by_slug.keys(), archive.resolve)}
    found |= {Relation("引用", c.source, c.target) for cited in archive.cited_in.values() for c in cited
              if c.target and {c.source, c.target} & new}
    return {relation for relation in found if relation.source != relation.target}


def delta_of(stored: Outline, archive: Catalogue, documents: list[Document], keys: dict[str, str],
             recited: dict[str, list[Citation]]) -> Delta:
    """What the new documents add to the outline: their relations and keys, their places in the lists
    of their facets, the names they cite and relate to, and the to-do list's names they cite or that
    pages citing them (``recited``: their citations before) no longer miss."""
    new = {document.slug for document in documents}
    delta = Delta({document.slug: str(document.source.path) for document in documents},
                  {document.slug: stand_ins.row(document) for document in documents},
                  sorted(new_relations(archive, documents)), keys)
    members: dict = {}
    for document in documents:
        for facet in facets_of(document):
            listed = members.setdefault(facet, list(stored.members.get(facet, [])))
            index = newest_first_place(listed, document, archive.by_slug.__getitem__)
            listed.insert(index, document.slug)
            delta.members.append((facet, index, document.slug))
    citations = [citation for slug in sorted(new | recited.keys()) for citation in archive.cited_in[slug]]
    before = [citation for cited in recited.values() for citation in cited]
    for label in {citation.label for citation in citations + before if citation.target is None}:
        still = [citation for citation in stored.missing.get(label, []) if citation.source not in recited]
        delta.missing[label] = sorted(still + [c for c in citations if c.target is None and c.label == label],
                                      key=lambda c: (c.source, c.line, c.keys))
    named = {reference for document in documents for reference in references(document)}
    delta.named = named | {loose(name) for name in named}
    delta.citing = stand_ins.citing([citation for slug in new for citation in archive.cited_in[slug]])
    return delta


def finish(archive: Catalogue, after: Outline, pages: set[str], kept: dict[str, tuple[Document, list[Citation]]]) -> None:
    """The catalogue the pages and lists are rendered from: the pages rendered again in full with their
    relations, the lists of stand-ins (``stand_ins``), the to-do list as the outline has it. ``kept``:
    summary and citations of the pages rendered again (their citations unless resolved again, ``recite``)."""
    touching = [relation for relation in archive.relations if relation.source in pages or relation.target in pages]
    archive.by_source, archive.by_target = group(touching, "source"), group(touching, "target")
    archive.by_slug.update((slug, summary) for slug, (summary, _) in kept.items())
    archive.cited_in.update((slug, citations) for slug, (_, citations) in kept.items() if slug not in archive.cited_in)
    archive.documents = list(archive.by_slug.values())
    # In facet order, as ``archive.build`` lists them (the overviews follow it): a new facet came last.
    archive.members = {facet: stand_ins.Listed(slugs, archive.by_slug) for facet, slugs in sorted(after.members.items())}
    archive.facet_paths = dict(sorted(after.facet_paths.items()))
    archive._missing = dict(sorted(after.missing.items()))
