"""A rebuild after edits that no other page sees: the edited pages only, without the catalogue.

Most edits fix a source's text: its title, number, date, facets and the documents it cites stay as
they were (``changes.seen``, ``archive.mentions``), so every other page, every browse list and the
catalogue stay as the last build left them, and the edited page keeps its context but for its own
card (``contexts.with_card``). Such a rebuild reads the ledger, the edited sources' shards and their
pages' contexts, and patches the export's records of those pages, instead of loading and building the
catalogue of the whole archive: what it reads and renders does not grow with the archive (issue 16).

Anything else (a source added, removed or failing, an edit other pages see, a page or browse page
missing on disk, a context not kept) leaves it to the full way (``convert.convert_all``), which
finds the same. Nothing is written before the rebuild is known to be of this kind.
"""
from __future__ import annotations

import mmap
import pickle
import time
from dataclasses import dataclass, field
from pathlib import Path

from .. import forked
from ..catalogue import changes, export
from ..model import Document
from ..project import Project, SourceScan
from . import contexts, incremental, page as render, rendered, summaries
from .writer import Patch, mapped, patch_in_place, write_if_changed


@dataclass
class Plan:
    """The pages to render again and what to save, all found before anything is written."""

    sources: dict[str, summaries.Entry] = field(default_factory=dict)  # edited source → its new entry
    contexts: dict[str, contexts.Kept] = field(default_factory=dict)  # slug → its page's kept context
    shards: dict[int, tuple[dict, dict]] = field(default_factory=dict)  # shard → (entries, page_data) to save
    # Export file → (its modification time before, the edited records to put in place): an edit of this
    # kind changes a record's source hash only, never its length (``patched_export``).
    patches: dict[str, tuple[int, list[Patch]]] = field(default_factory=dict)
    manifest: dict[str, str] = field(default_factory=dict)  # ``rendered``'s, as loaded
    stale: set[str] = field(default_factory=set)  # conversion-cache keys no source uses any more


def rebuild(project: Project, convert, report, ledger: summaries.Ledger | None, scan: SourceScan) -> bool:
    """Rebuild if no source came or went and every edit is one no other page sees; False: not done."""
    if ledger is None or scan.names != list(ledger.sources) or not written(project, ledger):
        return False
    edited = summaries.unvouched(ledger.sources, time.time(), scan.stats)
    if edited:
        plan = planned(project, ledger, edited, convert, scan.stats)
        if plan is None:
            return False
        carry_out(project, ledger, plan, convert, report)
    report.pages, report.unverified = len(ledger.pages), ledger.unverified
    return True


def written(project: Project, ledger: summaries.Ledger) -> bool:
    """Whether docs/ holds the export and exactly the pages and browse pages of the last build."""
    return project.document_pages() == {f"{slug}.md" for slug in ledger.pages} and \
        project.browse_pages() == set(ledger.browse) and \
        all((project.docs / name).exists() for name in export.NAMES)


def planned(project: Project, ledger: summaries.Ledger, edited: list[str], convert, stats: dict) -> Plan | None:
    """What to render and save for the ``edited`` sources, or None if any edit is seen elsewhere."""
    plan = Plan(manifest=rendered.load(project.cache))
    try:
        plan.shards = {number: summaries.read_shard(project.cache, number, ledger)
                       for number in sorted({summaries.shard_of(name) for name in edited})}
        exported, stamps = zip(*(mapped(project.docs / name) for name in export.NAMES))
    except (OSError, ValueError, EOFError, TypeError, AttributeError, ImportError, pickle.UnpicklingError):
        return None
    known = {name: plan.shards[summaries.shard_of(name)][0][name] for name in edited}
    records = {}
    for name, entry in incremental.convert_many(edited, project, convert, known, stats=stats).items():
        before, (entries, pages) = known[name], plan.shards[summaries.shard_of(name)]
        if not unseen(before, entry):
            return None
        for old, new in zip(before.documents, entry.documents):
            records[old.slug] = planned_page(project, plan, before.key, old, new, pages, ledger, exported[0])
            if records[old.slug] is None:
                return None
        entries[name] = plan.sources[name] = entry
        plan.stale |= {before.key} - {entry.key}
    return plan if patched_export(plan, ledger.pages, exported, stamps, records) else None


def planned_page(project: Project, plan: Plan, key: str, old: Document, new: Document, pages: dict,
                 ledger: summaries.Ledger, exported: bytes) -> tuple | None:
    """The page's export record after the edit (its ``page_data`` in ``pages`` updated), its kept
    context in ``plan``; None without a context that the page on disk was rendered with. The record
    before is read from the export as written (its shard's row may be one an addition made stale)."""
    found, row = contexts.load(project.cache, old.slug), pages.get(old.slug)
    if found is None or row is None or rendered.digest(key, old, found.context) != plan.manifest.get(old.slug):
        return None
    where = export.bounds(exported, 0, ledger.pages, old.slug)
    edited = where and export.edited_row(exported[slice(*where)].decode(), new, ledger.columns)
    if not edited:
        return None
    pages[old.slug], plan.contexts[old.slug] = (*edited, row[3]), found
    return edited


def unseen(before: summaries.Entry, after) -> bool:
    """Whether a source's new entry differs from its old one only in what no other page sees."""
    return isinstance(after, summaries.Entry) and after.mentions == before.mentions and \
        [doc.slug for doc in after.documents] == [doc.slug for doc in before.documents] and \
        [changes.seen(doc) for doc in after.documents] == [changes.seen(doc) for doc in before.documents]


def patched_export(plan: Plan, slugs: list[str], exported: list[mmap.mmap], stamps: list[int],
                   records: dict[str, tuple]) -> bool:
    """The edited pages' records to put in place in each export file (``export.bounds``); False if a
    file is not as last written or a record would change its length. In place, not the file written
    again: 34 MB at 20,000 laws, the more the larger the archive."""
    for part, (name, data) in enumerate(zip(export.NAMES, exported)):
        patches = []
        for slug, record in sorted(records.items()):
            found = export.bounds(data, part, slugs, slug)
            if found is None or found[1] - found[0] != len(new := record[2 * part].encode()):
                return False
            if data[slice(*found)] != new:
                patches.append((found[0], data[slice(*found)], new))
        if patches:
            plan.patches[name] = (stamps[part], patches)
    return True


def carry_out(project: Project, ledger: summaries.Ledger, plan: Plan, convert, report) -> None:
    """Render the planned pages, write the export and save the parts of the index they touch."""
    for name, entry in plan.sources.items():
        report.documents += entry.documents
        pages = {summary.slug: contexts.with_card(plan.contexts[summary.slug], summary) for summary in entry.documents}
        digests = {summary.slug: rendered.digest(entry.key, summary, pages[summary.slug]) for summary in entry.documents}
        if all(digests[slug] == plan.manifest[slug] for slug in digests):
            continue  # touched, not changed (a checkout): its pages are as they were
        plan.manifest.update(digests)
        contexts.save(project.cache, {summary.slug: plan.contexts[summary.slug]._replace(
            context=pages[summary.slug], summary=summary, key=entry.key) for summary in entry.documents}, [])
        for document in incremental.documents_of(entry, project.root / name, project, convert):
            path = project.documents / f"{document.slug}.md"
            if write_if_changed(path, render.render(document, pages[document.slug])):
                report.written.append(path)
    for name, (stamp, patches) in plan.patches.items():
        write_patched(project.docs / name, stamp, patches, report)
    forked.later(saved, project, ledger, plan)


def saved(project: Project, ledger: summaries.Ledger, plan: Plan) -> None:
    """What the next build reads: the pages' digests, the shards touched and the ledger vouching for them."""
    rendered.save(project.cache, plan.manifest)
    summaries.save_shards(project.cache, ledger, plan.shards)
    for key in plan.stale:
        (project.cache / f"{key}.pickle").unlink(missing_ok=True)


def write_patched(path: Path, stamp: int, patches: list[Patch], report) -> None:
    """The export file's edited records put in place, the patches reported so that the site's copy
    can take them too (``mkdocs_glue.export_copies``)."""
    if not patch_in_place(path, patches):
        raise RuntimeError(f"{path}: changed while this rebuild wrote it; build again")
    report.written.append(path)
    report.patched[path] = (stamp, patches)
