"""Writing what the catalogue says: document pages, browse pages and the export, where a change reaches.

Shared by the whole way (``convert.convert_whole``) and an addition (``added``): both say what
changed as a ``changes.Change`` and write through here, so both write the same files.
"""
from __future__ import annotations

import os
from collections.abc import Container
from dataclasses import dataclass, field
from pathlib import Path

from .. import forked
from ..catalogue import browse, cards, changes, archive as catalogue
from ..errors import SourceError
from ..model import Document
from ..project import Project
from . import contexts, incremental, page as render, rendered, summaries
from .writer import write_if_changed

# Below this many pages to render, forking children costs more than sharing the pages saves.
SHARED_FROM = 200


@dataclass
class ConvertReport:
    """What a conversion run did, for the CLI and the tests.

    ``documents``: every page's document as the catalogue works from it, a summary (metadata, no
    blocks): a build holds one source's full documents at a time (``in_full`` reads them all).
    """

    documents: list[Document] = field(default_factory=list)  # the edited sources' only when ``quick`` rebuilt
    pages: int = 0  # pages of the archive
    unverified: int = 0  # pages with fields still to verify (``gaps``)
    written: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)
    errors: list[SourceError] = field(default_factory=list)
    # Files of ``written`` patched in place: their modification time before, the patches (``quick``).
    patched: dict[Path, tuple[int, list]] = field(default_factory=dict)


@dataclass
class Sources:
    """The full documents behind the summaries, read from the cache only for pages rendered again,
    one source at a time: pages come in slug order, which keeps a source's pages together."""

    project: Project
    entries: dict[str, summaries.Entry]
    convert: incremental.Converter  # ``convert.convert_file``: a source the cache lost is converted again
    full: tuple[str, list[Document]] = ("", [])  # the source read last and its documents

    def key(self, document: Document) -> str:
        return self.entries[str(document.source.path)].key

    def document(self, summary: Document) -> Document:
        name = str(summary.source.path)
        if self.full[0] != name:
            self.full = name, incremental.documents_of(self.entries[name], self.project.root / name, self.project,
                                                       self.convert)
        return next(document for document in self.full[1] if document.slug == summary.slug)


@dataclass
class PageWriter:
    """Renders and writes document pages from the catalogue: in this process or a forked child,
    which writes the pages and their kept contexts itself and sends back only their digests."""

    project: Project
    archive: catalogue.Catalogue
    sources: Sources
    before: dict[str, str]  # ``rendered.load``: slug → digest of the page as last written
    on_disk: Container[str]  # page file names in docs/documents/

    def write(self, documents: list[Document]) -> list[tuple[str, str, bool]]:
        """(slug, digest, whether its page was written) of each document."""
        return [self.write_one(document) for document in documents]

    def write_one(self, document: Document) -> tuple[str, str, bool]:
        slug, key = document.slug, self.sources.key(document)
        context = cards.context_for(self.archive, document)
        contexts.save(self.project.cache, {slug: contexts.kept(self.archive, document, context, key)}, [])
        digest = rendered.digest(key, document, context)
        if digest == self.before.get(slug) and f"{slug}.md" in self.on_disk:
            return slug, digest, False
        page = render.render(self.sources.document(document), context)
        return slug, digest, write_if_changed(self.project.documents / f"{slug}.md", page)


def write_documents(project: Project, archive: catalogue.Catalogue, change: changes.Change, sources: Sources,
                    report: ConvertReport) -> None:
    """Pages whose context or document changed, or that are missing on disk; stale pages removed.
    The contexts made are kept for a later edit no other page sees (``contexts``, ``quick``)."""
    folder, on_disk = project.documents, project.document_pages()
    before = rendered.load(project.cache)
    due = [document for document in archive.documents if change.pages is None or document.slug in change.pages
           or document.slug not in before or f"{document.slug}.md" not in on_disk]
    made = write_pages(project, archive, due, sources, report, before, on_disk)
    after = {document.slug: made.get(document.slug) or before[document.slug] for document in archive.documents}
    rendered.save(project.cache, after)
    # A source that failed leaves no page behind: the site shows what the sources say now.
    report.removed = sorted(folder / name for name in on_disk if name[:-3] not in after)
    for path in report.removed:
        path.unlink()
    contexts.save(project.cache, {}, sorted(set(before) - set(after)))


def write_pages(project: Project, archive: catalogue.Catalogue, due: list[Document], sources: Sources,
                report: ConvertReport, before: dict[str, str], on_disk: Container[str]) -> dict[str, str]:
    """The pages of ``due`` rendered and written where they changed (``before``: ``rendered.load``;
    ``on_disk``: page file names in docs/documents/): slug → digest of each.

    Many pages (a whole build) are shared with forked children: rendering them was the one long
    step of a build that used one core (issue 16)."""
    workers = (os.cpu_count() or 1) if len(due) >= SHARED_FROM else 1
    made = forked.shared(PageWriter(project, archive, sources, before, on_disk).write, due, workers)
    report.written += [project.documents / f"{slug}.md" for slug, _, written in made if written]
    return {slug: digest for slug, digest, _ in made}


def write_browse(project: Project, archive: catalogue.Catalogue, report: ConvertReport,
                 change: changes.Change | None = None, exported: dict[str, str] | None = None,
                 earlier: dict[str, str] | None = None, on_disk: set[str] | None = None) -> dict[str, str]:
    """Browse pages, regenerated with the pages they describe, and the ``exported`` files (docs-relative
    path → text); returns every browse page with its list (``browse.every_path``, from ``earlier``
    where the change does not reach).

    Only the value pages of the facets ``change`` reaches, and the overviews and to-do lists only
    when it reaches any list; a page missing on disk is always written. ``on_disk``: the browse
    pages on disk (``Project.browse_pages``) where the caller has listed them already.
    """
    change = change or changes.everything()
    every = browse.every_path(archive, earlier, change.facets, change.lists())
    on_disk = project.browse_pages() if on_disk is None else on_disk
    missing = {path: top for path, top in every.items() if path not in on_disk}
    facets = None if change.facets is None else \
        set(change.facets) | {facet for facet, path in archive.facet_paths.items() if path in missing}
    pages = browse.pages(archive, facets, change.listed or bool(missing.keys() & set(browse.LISTS)), change.keys, missing)
    generated = {project.docs / path: text for path, text in {**pages, **(exported or {})}.items()}
    report.written += [path for path, text in sorted(generated.items()) if write_if_changed(path, text)]
    stale = [project.docs / path for path in sorted(on_disk - every.keys())]
    for path in stale:
        path.unlink()
    report.removed += stale
    return every
