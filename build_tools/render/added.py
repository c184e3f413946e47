"""A rebuild after sources were added: the addition applied to what the last build kept.

An addition changes what issue 16 names: the new pages, their neighbours on the browse lists they
join, the pages they cite, the parts of those lists of their date and the overviews. The last build
kept what finding and rendering those takes (``changes.Outline``: relations, citation keys, every
browse list as slugs and how each document is listed; ``contexts.Kept``: each page's summary,
citations and cache key), so an addition reads that and the new sources, not every source's
summary, and does not build the catalogue again (2.9 s of a rebuild at 20,000 laws). What the new
documents bring to the catalogue is worked out in ``catalogue.addition``; this module reads, writes
and saves.

It gives way to the whole way (``convert.convert_whole``), before writing anything, where an
addition reaches further: a source edited, failing or claiming a page another has; a facet whose
path would compete with another's; a proposal (replies find their proposal across the archive); a
number, title or slug that an existing page cites or relates itself to, or that another page holds
(other pages' citations and relations change). The tests compare each rebuild with a full one.
"""
from __future__ import annotations

import pickle
import time
from dataclasses import dataclass, replace

from ..catalogue import addition, changes, export, outline_delta, stand_ins
from ..catalogue.archive import Catalogue
from .. import forked
from ..errors import SourceError
from ..metadata import sidecar
from ..metadata.gaps import gaps_of
from ..project import Project, SourceScan
from . import contexts, incremental, quick, rendered, summaries
from .publish import ConvertReport, Sources, write_browse, write_pages
from .writer import Splice, mapped, tail_patch, write_spliced


@dataclass
class Plan:
    """Everything an addition writes, found before anything is."""

    entries: dict[str, summaries.Entry]  # each new source's entry
    archive: Catalogue  # the archive's documents as lists show them, the new and re-rendered ones in full
    change: changes.Change
    outline: changes.Outline  # to save, ``documents`` as source names
    delta: outline_delta.Delta  # what the addition adds to the last build's outline
    kept: dict[str, contexts.Kept]  # existing pages rendered again
    manifest: dict[str, str]  # ``rendered.load``'s: slug → digest of each page as last written
    # Export file → its modification time as read, where it changes to hold the records that changed.
    export: dict[str, tuple[int, list[Splice]]]
    recited: dict[str, str]  # pages whose citations were resolved again → their source


def rebuild(project: Project, convert, report: ConvertReport, ledger: summaries.Ledger | None, scan: SourceScan) -> bool:
    """Apply the sources added since the last build if nothing else changed and the addition allows;
    False: not done."""
    if ledger is None or not ledger.pages:
        return False
    new = [name for name in scan.names if name not in ledger.sources]
    if not new or [name for name in scan.names if name in ledger.sources] != list(ledger.sources):
        return False
    # Whether docs/ holds the last build's pages and which sources were touched since takes a status
    # call per source (0.3–0.4 s at 20,000 laws): a forked child finds out while this process plans.
    checking = forked.start(touched, project, ledger, scan)
    entries = incremental.convert_many(new, project, convert, {}, stats=statuses(scan, new))
    with summaries.long_lived():
        shards: dict[int, tuple[dict, dict]] = {}
        plan = planned(project, ledger, entries, shards)
        found = checking.result()
        if plan is None or found is None or not unchanged(project, ledger, *found, convert, shards):
            return False
        carry_out(project, ledger, plan, scan.names, shards, convert, report)
    forked.keep(plan, shards)
    return True


def touched(project: Project, ledger: summaries.Ledger, scan: SourceScan) -> tuple[list[str], dict] | None:
    """The sources whose signature the ledger does not vouch for (touched, copied, or written just
    before the last build) and the status of their files; None if docs/ is not as the last build left it."""
    if not quick.written(project, ledger):
        return None
    names = summaries.unvouched(ledger.sources, time.time(), scan.stats)
    return names, statuses(scan, names)


def statuses(scan: SourceScan, names: list[str]) -> dict:
    """The status of the sources ``names`` and of their sidecars (``summaries.signature``)."""
    files = {name.rpartition("/")[2] for name in names}
    files |= {sidecar.name_for(file) for file in files}
    return {entry.name: entry.stat() for entry in scan.entries if entry.name in files}


def unchanged(project: Project, ledger: summaries.Ledger, names: list[str], stats: dict, convert,
              shards: dict[int, tuple[dict, dict]]) -> bool:
    """Whether each of the sources ``names`` (``touched``) is the one last converted (else an edit:
    the whole way); their entries, with the new signatures, go into their shards, read into ``shards``."""
    try:
        for number in sorted({summaries.shard_of(name) for name in names} - shards.keys()):
            shards[number] = summaries.read_shard(project.cache, number, ledger)
        known = {name: shards[summaries.shard_of(name)][0][name] for name in names}
    except (OSError, ValueError, EOFError, TypeError, AttributeError, ImportError, KeyError, pickle.UnpicklingError):
        return False
    for name, entry in incremental.convert_many(names, project, convert, known, stats=stats).items():
        if not isinstance(entry, summaries.Entry) or entry.key != known[name].key:
            return False
        shards[summaries.shard_of(name)][0][name] = entry
    return True


def planned(project: Project, ledger: summaries.Ledger, entries: dict, shards: dict[int, tuple[dict, dict]]) -> Plan | None:
    """Everything the addition of ``entries`` writes, or None if it reaches further than this way goes.
    ``shards``: those read so far, to which the shards of pages citing the new ones are added."""
    if any(isinstance(entry, SourceError) for entry in entries.values()):
        return None
    documents = sorted((document for entry in entries.values() for document in entry.documents), key=lambda d: d.slug)
    stored = summaries.load_outline(project.cache, ledger)
    found = stored and addition.admitted(stored, ledger.pages, documents)
    if not found:
        return None
    keys, paths = found
    shown = {slug: stand_ins.stand_in(slug, row) for slug, row in stored.rows.items()}
    slugs = [document.slug for document in documents]
    if addition.parents_of_existing(ledger.pages, shown, set(slugs)):
        return None
    cited = cited_before(project, ledger, stored, addition.reciting(stored, keys.keys() | set(slugs)), shards)
    if cited is None:
        return None
    mentioned = {slug: found for entry in entries.values() for slug, found in entry.mentions.items()}
    archive = addition.catalogue_with(stored, shown, documents, keys, mentioned)
    addition.recite(archive, stored, {slug: (summary, found) for slug, (summary, found, _) in cited.items()})
    recited = {slug: citations for slug, (_, _, citations) in cited.items()}
    delta = addition.delta_of(stored, archive, documents, keys, recited)
    delta.facet_paths = paths
    after = outline_delta.copied(stored)
    outline_delta.apply(after, delta)
    archive.relations = after.relations
    change = changes.compare(replace(stored, documents=shown, cited_in=recited),
                             replace(after, documents=archive.by_slug, cited_in=dict(archive.cited_in)), set(recited))
    manifest = rendered.load(project.cache)
    kept = kept_pages(project, change.pages - set(slugs), manifest)
    if kept is None or not all(slug in manifest for slug in ledger.pages):
        return None
    addition.finish(archive, after, change.pages, {slug: (found.summary, found.citations) for slug, found in kept.items()})
    # The new pages' records, and those of the pages they relate to (their relations in the record).
    records = set(slugs) | {slug for relation in delta.relations for slug in relation[1:]}
    exported = patched_export(project, archive, ledger.pages, records, ledger.columns)
    if exported is None:
        return None
    delta.stale = records - set(slugs) - recited.keys()
    after.stale |= delta.stale
    return Plan(entries, archive, change, after, delta, kept, manifest, exported,
                {slug: stored.documents[slug] for slug in recited})


def cited_before(project: Project, ledger: summaries.Ledger, stored: changes.Outline, slugs: set[str],
                 shards: dict[int, tuple[dict, dict]]) -> dict[str, tuple] | None:
    """Summary, ``archive.mentions`` and citations of each page of ``slugs`` (pages citing the new
    ones), from their sources' shards (read into ``shards``); None if one is not as the ledger says."""
    found = {}
    try:
        for slug in sorted(slugs):
            name = stored.documents[slug]
            number = summaries.shard_of(name)
            if number not in shards:
                shards[number] = summaries.read_shard(project.cache, number, ledger)
            entries, pages = shards[number]
            summary = next(document for document in entries[name].documents if document.slug == slug)
            found[slug] = summary, entries[name].mentions[slug], pages[slug][3]
    except (OSError, ValueError, EOFError, TypeError, AttributeError, ImportError, KeyError, StopIteration,
            pickle.UnpicklingError):
        return None
    return found


def kept_pages(project: Project, slugs: set[str], manifest: dict[str, str]) -> dict[str, contexts.Kept] | None:
    """What was kept of the existing pages to render again, if each is what the page on disk was
    rendered from (``manifest``: ``rendered.load``'s)."""
    found = {}
    for slug in sorted(slugs):
        kept = contexts.load(project.cache, slug)
        if kept is None or rendered.digest(kept.key, kept.summary, kept.context) != manifest.get(slug):
            return None
        found[slug] = kept
    return found


def patched_export(project: Project, archive: Catalogue, pages: list[str], slugs: set[str],
                   columns: tuple) -> dict[str, tuple[int, list[Splice]]] | None:
    """Where each export file changes to hold the records of ``slugs`` (new ones, and those given a
    relation); None if a new record has a field the CSV has no column for, or a file is not as last
    written. The files are looked at where the records go, not read whole (``writer.mapped``)."""
    records = {slug: export.serialised(archive, archive.by_slug[slug], columns) for slug in sorted(slugs)}
    if any(not set(fields) <= set(columns) for _, fields, _ in records.values()):
        return None
    files = {}
    for part, name in enumerate(export.NAMES):
        try:
            data, stamp = mapped(project.docs / name)
        except (OSError, ValueError):  # gone, or empty (a full disk): the whole way writes it again
            return None
        splices = export.splices(data, part, pages, {slug: record[2 * part].encode() for slug, record in records.items()})
        if splices is None:
            return None
        files[name] = stamp, splices
    return files


def browse_written(project: Project, archive: Catalogue, change: changes.Change, earlier: dict[str, str],
                   on_disk: set[str]) -> tuple[dict[str, str], list, list]:
    """``write_browse`` where its report is not at hand: every browse page, and the files written and removed."""
    report = ConvertReport()
    return write_browse(project, archive, report, change, {}, earlier, on_disk), report.written, report.removed


def carry_out(project: Project, ledger: summaries.Ledger, plan: Plan, names: list[str],
              shards: dict[int, tuple[dict, dict]], convert, report: ConvertReport) -> None:
    """Write the pages, lists and export the addition reaches, then save what the next build reads
    (``shards``: those read already, with new signatures)."""
    archive, entries = plan.archive, plan.entries
    sources = {str(found.summary.source.path): summaries.Entry(None, found.key, []) for found in plan.kept.values()}
    # docs/ holds exactly the last build's pages (``quick.written`` vouched), each in the manifest
    # (``planned`` checked): only the pages the change reaches are looked at, not every document
    # (the whole way's ``write_documents``). The browse lists go to other files than the pages: a forked
    # child writes them while this process renders the pages (0.13 s and 0.2 s at 20,000 laws).
    browsing = forked.start(browse_written, project, archive, plan.change, plan.outline.browse, set(ledger.browse))
    on_disk = {f"{slug}.md" for slug in plan.change.pages if slug in plan.manifest}
    made = write_pages(project, archive, [archive.by_slug[slug] for slug in sorted(plan.change.pages)],
                       Sources(project, {**sources, **entries}, convert), report, plan.manifest, on_disk)
    every, written, removed = browsing.result()
    report.written += written
    report.removed += removed
    outline_delta.browse_change(plan.delta, plan.outline.browse, every)
    plan.outline.browse = every
    for name, (stamp, splices) in plan.export.items():
        path = project.docs / name
        tail = tail_patch(path, splices)
        if tail is None:
            write_spliced(path, splices)
            report.written.append(path)
        else:  # the site's copy takes the same patch
            quick.write_patched(path, stamp, [tail], report)
    report.documents = [document for entry in entries.values() for document in entry.documents]
    ledger.sources = {name: ledger.sources[name] if name in ledger.sources else None for name in names}
    ledger.pages = sorted(ledger.pages + [document.slug for document in report.documents])
    ledger.browse = sorted(plan.outline.browse)
    ledger.unverified += sum(bool(gaps_of(document)) for document in report.documents)
    report.pages, report.unverified = len(ledger.pages), ledger.unverified
    forked.later(saved, project, ledger, plan, {**plan.manifest, **made}, shards)


def saved(project: Project, ledger: summaries.Ledger, plan: Plan, manifest: dict[str, str],
          shards: dict[int, tuple[dict, dict]]) -> None:
    """What the next build reads: the pages' digests, the new entries and changed records in their
    shards (``shards``: those read already), the outline's delta and the ledger vouching for them."""
    archive, entries = plan.archive, plan.entries
    rendered.save(project.cache, manifest)
    shards.update((number, summaries.read_shard(project.cache, number, ledger))
                  for number in {summaries.shard_of(name) for name in entries} - shards.keys())
    for name, entry in entries.items():
        found, pages = shards[summaries.shard_of(name)]
        found[name] = entry
        pages.update((document.slug, (*export.serialised(archive, document, ledger.columns),
                                      archive.cited_in[document.slug] or None)) for document in entry.documents)
    for slug, name in plan.recited.items():  # their citations and records changed: kept in their shards
        shards[summaries.shard_of(name)][1][slug] = (*export.serialised(archive, archive.by_slug[slug], ledger.columns),
                                                     archive.cited_in[slug] or None)
    summaries.save_shards(project.cache, ledger, shards, plan.outline, plan.delta)
