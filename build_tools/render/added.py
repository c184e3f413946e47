"""A rebuild after sources were added: the addition applied to what the last build kept.

An addition changes what issue 16 names: the new pages, their neighbours on the browse lists they
join, the pages they cite, the parts of those lists of their date and the overviews. The last build
kept what finding and rendering those takes (``changes.Outline``: relations, citation keys, every
browse list as slugs and how each document is listed; ``contexts.Kept``: each page's summary,
citations and cache key), so an addition reads that and the new sources, not every source's
summary, and does not build the catalogue again (2.9 s of a rebuild at 20,000 laws).

It gives way to the whole way (``convert.convert_whole``), before writing anything, where an
addition reaches further: a source that fails or claims a page another has; a new browse list
(every list's path may move); a proposal (replies find their proposal across the archive); a
number, title or slug that an existing page cites or relates itself to, or that another page holds
(other pages' citations and relations change). The tests compare each rebuild with a full one.
"""
from __future__ import annotations

import pickle
import time
from bisect import bisect_left
from dataclasses import dataclass, replace

from ..catalogue import changes, export, outline_delta, stand_ins
from ..catalogue.archive import Catalogue, Citation, group, group_by, loose, resolve_citations
from ..catalogue.facets import Facet, added_paths, facets_of, newest_first_place
from ..catalogue.relations import Relation, declared, from_title, references, structural
from ..errors import SourceError
from ..metadata.gaps import gaps_of
from ..model import Document
from ..project import Project
from ..slugs import SAFE_SLUG
from . import contexts, incremental, quick, rendered, summaries
from .publish import ConvertReport, Sources, write_browse, write_documents
from .writer import write_bytes


@dataclass
class Addition:
    """Everything an addition writes, found before anything is."""

    entries: dict[str, summaries.Entry]  # each new source's entry
    archive: Catalogue  # the archive's documents as lists show them, the new and re-rendered ones in full
    change: changes.Change
    outline: changes.Outline  # to save, ``documents`` as source names
    delta: outline_delta.Delta  # what the addition adds to the last build's outline
    kept: dict[str, contexts.Kept]  # existing pages rendered again
    export: dict[str, bytes]  # export file → its bytes with the records that changed


def rebuild(project: Project, convert, report: ConvertReport, ledger: summaries.Ledger | None,
            scan: tuple[dict, list[str]]) -> bool:
    """Apply the sources added since the last build if nothing else changed and the addition allows;
    False: not done. ``scan``: ``Project.source_scan``."""
    stats, names = scan
    if ledger is None or not ledger.pages or not quick.written(project, ledger):
        return False
    new = [name for name in names if name not in ledger.sources]
    if not new or [name for name in names if name in ledger.sources] != list(ledger.sources):
        return False
    now = time.time()
    unsure = [name for name, signature in ledger.sources.items()
              if signature is None or summaries.signature(name, now, stats) != signature]
    shards = unchanged(project, ledger, unsure, convert, stats)
    if shards is None:
        return False
    entries = incremental.convert_many(new, project, convert, {}, stats=stats)
    with summaries.long_lived():
        addition = planned(project, ledger, entries)
        if addition is None:
            return False
        carry_out(project, ledger, addition, names, shards, convert, report)
    return True


def unchanged(project: Project, ledger: summaries.Ledger, names: list[str], convert,
              stats: dict) -> dict[int, tuple[dict, dict]] | None:
    """The shards of the sources ``names``, whose signature the ledger does not vouch for (touched,
    copied, or written just before the last build), with their new signatures; None if one of them
    is not the source last converted (an edit: the whole way)."""
    try:
        shards = {number: summaries.read_shard(project.cache, number, ledger)
                  for number in sorted({summaries.shard_of(name) for name in names})}
        known = {name: shards[summaries.shard_of(name)][0][name] for name in names}
    except (OSError, ValueError, EOFError, TypeError, AttributeError, ImportError, KeyError, pickle.UnpicklingError):
        return None
    for name, entry in incremental.convert_many(names, project, convert, known, stats=stats).items():
        if not isinstance(entry, summaries.Entry) or entry.key != known[name].key:
            return None
        shards[summaries.shard_of(name)][0][name] = entry
    return shards


def planned(project: Project, ledger: summaries.Ledger, entries: dict) -> Addition | None:
    """Everything the addition of ``entries`` writes, or None if it reaches further than this way goes."""
    if any(isinstance(entry, SourceError) for entry in entries.values()):
        return None
    documents = sorted((document for entry in entries.values() for document in entry.documents), key=lambda d: d.slug)
    stored = summaries.load_outline(project.cache, ledger)
    found = stored and admitted(stored, ledger, documents)
    if not found:
        return None
    keys, paths = found
    shown = {slug: stand_ins.stand_in(slug, row) for slug, row in stored.rows.items()}
    slugs = [document.slug for document in documents]
    if parents_of_existing(ledger.pages, shown, set(slugs)):
        return None
    archive = catalogue_with(stored, shown, documents, keys, entries)
    delta = delta_of(stored, archive, documents, keys)
    delta.facet_paths = paths
    after = outline_delta.copied(stored)
    outline_delta.apply(after, delta)
    archive.relations = after.relations
    change = changes.compare(replace(stored, documents=shown),
                             replace(after, documents=archive.by_slug, cited_in=dict(archive.cited_in)), set())
    kept = kept_pages(project, change.pages - set(slugs))
    if kept is None:
        return None
    finish(archive, after, change.pages, kept)
    # The new pages' records, and those of the pages they relate to (their relations in the record).
    records = set(slugs) | {slug for relation in delta.relations for slug in relation[1:]}
    exported = patched_export(project, archive, ledger.pages, records, ledger.columns)
    if exported is None:
        return None
    delta.stale = records - set(slugs)
    after.stale |= delta.stale
    return Addition(entries, archive, change, after, delta, kept, exported)


def admitted(stored: changes.Outline, ledger: summaries.Ledger,
             documents: list[Document]) -> tuple[dict[str, str], dict[Facet, str]] | None:
    """The citation keys the new documents come to hold and the paths of the facets new with them, if
    they reach no further than this way goes: pages of their own, no proposal, no key, slug or facet
    path another page holds or names."""
    slugs = [document.slug for document in documents]
    if not fresh_pages(ledger.pages, slugs) or any(document.meta.get("proposal") for document in documents):
        return None
    paths = added_paths(stored.facet_paths, {facet for document in documents for facet in facets_of(document)
                                             if facet not in stored.facet_paths})
    keys = taken_keys(stored, documents)
    return None if paths is None or keys is None or (keys.keys() | set(slugs)) & stored.named else (keys, paths)


def catalogue_with(stored: changes.Outline, shown: dict[str, Document], documents: list[Document],
                   keys: dict[str, str], entries: dict[str, summaries.Entry]) -> Catalogue:
    """The archive as stand-ins and the new documents, with the keys to resolve the new citations by."""
    archive = Catalogue(keys={**stored.keys, **keys})
    archive.by_slug = dict(sorted({**shown, **{document.slug: document for document in documents}}.items()))
    archive.by_source_file = group_by(documents, lambda document: str(document.source.path))
    mentioned = {slug: found for entry in entries.values() for slug, found in entry.mentions.items()}
    archive.cited_in = {doc.slug: resolve_citations(archive, doc, mentioned[doc.slug]) for doc in documents}
    return archive


def fresh_pages(pages: list[str], slugs: list[str]) -> bool:
    """Whether the new pages' slugs are valid, their own, and claimed by no existing page."""
    existing = set(pages)
    return len(set(slugs)) == len(slugs) and all(SAFE_SLUG.fullmatch(slug) and slug not in existing for slug in slugs)


def taken_keys(stored: changes.Outline, documents: list[Document]) -> dict[str, str] | None:
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


def relations_of(archive: Catalogue, documents: list[Document]) -> set[Relation]:
    """The new documents' relations (``relations.find_all`` for them) and citations of pages in the archive."""
    found = {relation for document in documents for relation in (
        *structural(document, archive.by_slug.keys()), *declared(document, archive.resolve),
        *from_title(document, archive.resolve))}
    found |= {Relation("引用", c.source, c.target) for cited in archive.cited_in.values() for c in cited if c.target}
    return {relation for relation in found if relation.source != relation.target}


def delta_of(stored: changes.Outline, archive: Catalogue, documents: list[Document],
             keys: dict[str, str]) -> outline_delta.Delta:
    """What the new documents add to the outline: their relations and keys, their places in the lists
    of their facets, the to-do list's names they cite, the names they cite or relate to."""
    delta = outline_delta.Delta({document.slug: str(document.source.path) for document in documents},
                                {document.slug: stand_ins.row(document) for document in documents},
                                sorted(relations_of(archive, documents)), keys)
    members: dict = {}
    for document in documents:
        for facet in facets_of(document):
            listed = members.setdefault(facet, list(stored.members.get(facet, [])))
            index = newest_first_place(listed, document, archive.by_slug.__getitem__)
            listed.insert(index, document.slug)
            delta.members.append((facet, index, document.slug))
    citations = [citation for document in documents for citation in archive.cited_in[document.slug]]
    for label, cited in group_by([c for c in citations if c.target is None], lambda c: c.label).items():
        delta.missing[label] = sorted(stored.missing.get(label, []) + cited, key=lambda c: (c.source, c.line, c.keys))
    named = {key for citation in citations for key in citation.keys} | \
        {reference for document in documents for reference in references(document)}
    delta.named = named | {loose(name) for name in named}
    return delta


def kept_pages(project: Project, slugs: set[str]) -> dict[str, contexts.Kept] | None:
    """What was kept of the existing pages to render again, if each is what the page on disk was rendered from."""
    manifest, found = rendered.load(project.cache), {}
    for slug in sorted(slugs):
        kept = contexts.load(project.cache, slug)
        if kept is None or rendered.digest(kept.key, kept.summary, kept.context) != manifest.get(slug):
            return None
        found[slug] = kept
    return found


def finish(archive: Catalogue, after: changes.Outline, pages: set[str], kept: dict[str, contexts.Kept]) -> None:
    """The catalogue the pages and lists are rendered from: the pages rendered again in full with their
    relations, the lists of stand-ins (``stand_ins``), the to-do list as the outline has it."""
    touching = [relation for relation in archive.relations if relation.source in pages or relation.target in pages]
    archive.by_source, archive.by_target = group(touching, "source"), group(touching, "target")
    archive.by_slug.update((slug, found.summary) for slug, found in kept.items())
    archive.cited_in.update((slug, found.citations) for slug, found in kept.items())
    archive.documents = list(archive.by_slug.values())
    # In facet order, as ``archive.build`` lists them (the overviews follow it): a new facet came last.
    archive.members = {facet: [archive.by_slug[slug] for slug in slugs] for facet, slugs in sorted(after.members.items())}
    archive.facet_paths = dict(sorted(after.facet_paths.items()))
    archive._missing = dict(sorted(after.missing.items()))


def patched_export(project: Project, archive: Catalogue, pages: list[str], slugs: set[str],
                   columns: tuple) -> dict[str, bytes] | None:
    """The export files with the records of ``slugs`` (new ones, and those given a relation) put in;
    None if a new record has a field the CSV has no column for, or a file is not as last written."""
    records = {slug: export.serialised(archive, archive.by_slug[slug], columns) for slug in sorted(slugs)}
    if any(not set(fields) <= set(columns) for _, fields, _ in records.values()):
        return None
    files = {}
    for part, name in enumerate(export.NAMES):
        data = (project.docs / name).read_bytes()
        files[name] = export.spliced(data, part, pages, {slug: record[2 * part].encode() for slug, record in records.items()})
        if files[name] is None:
            return None
    return files


def carry_out(project: Project, ledger: summaries.Ledger, addition: Addition, names: list[str],
              shards: dict[int, tuple[dict, dict]], convert, report: ConvertReport) -> None:
    """Write the pages, lists and export the addition reaches, then save what the next build reads
    (``shards``: those read already, with new signatures)."""
    archive, entries = addition.archive, addition.entries
    sources = {str(found.summary.source.path): summaries.Entry(None, found.key, []) for found in addition.kept.values()}
    write_documents(project, archive, addition.change, Sources(project, {**sources, **entries}, convert), report)
    every = write_browse(project, archive, report, addition.change, {}, addition.outline.browse)
    outline_delta.browse_change(addition.delta, addition.outline.browse, every)
    addition.outline.browse = every
    for name, data in addition.export.items():
        write_bytes(project.docs / name, data)
        report.written.append(project.docs / name)
    shards.update((number, summaries.read_shard(project.cache, number, ledger))
                  for number in {summaries.shard_of(name) for name in entries} - shards.keys())
    for name, entry in entries.items():
        found, pages = shards[summaries.shard_of(name)]
        found[name] = entry
        pages.update((document.slug, (*export.serialised(archive, document, ledger.columns),
                                      archive.cited_in[document.slug])) for document in entry.documents)
    report.documents = [document for entry in entries.values() for document in entry.documents]
    ledger.sources = {name: ledger.sources[name] if name in ledger.sources else None for name in names}
    ledger.pages = sorted(ledger.pages + [document.slug for document in report.documents])
    ledger.browse = sorted(addition.outline.browse)
    ledger.unverified += sum(bool(gaps_of(document)) for document in report.documents)
    report.pages, report.unverified = len(ledger.pages), ledger.unverified
    summaries.save_shards(project.cache, ledger, shards, addition.outline, addition.delta)
