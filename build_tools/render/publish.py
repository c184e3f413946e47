"""Writing what the catalogue says: document pages, browse pages and the export, where a change reaches.

Shared by the whole way (``convert.convert_whole``) and an addition (``added``): both say what
changed as a ``changes.Change`` and write through here, so both write the same files.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..catalogue import browse, cards, changes, archive as catalogue
from ..errors import SourceError
from ..model import Document
from ..project import Project
from . import contexts, incremental, page as render, rendered, summaries
from .writer import write_if_changed


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


def write_documents(project: Project, archive: catalogue.Catalogue, change: changes.Change, sources: Sources,
                    report: ConvertReport) -> None:
    """Pages whose context or document changed, or that are missing on disk; stale pages removed.
    The contexts made are kept for a later edit no other page sees (``contexts``, ``quick``)."""
    folder, on_disk = project.documents, project.document_pages()
    before, after, made = rendered.load(project.cache), {}, {}
    for document in archive.documents:
        name, slug = f"{document.slug}.md", document.slug
        if change.pages is not None and slug not in change.pages and slug in before and name in on_disk:
            after[slug] = before[slug]
            continue
        context = cards.context_for(archive, document)
        made[slug] = contexts.kept(archive, document, context, sources.key(document))
        after[slug] = rendered.digest(sources.key(document), document, context)
        if after[slug] == before.get(slug) and name in on_disk:
            continue
        if write_if_changed(folder / name, render.render(sources.document(document), context)):
            report.written.append(folder / name)
    rendered.save(project.cache, after)
    # A source that failed leaves no page behind: the site shows what the sources say now.
    report.removed = sorted(folder / name for name in on_disk if name[:-3] not in after)
    for path in report.removed:
        path.unlink()
    contexts.save(project.cache, made, sorted(set(before) - set(after)))


def write_browse(project: Project, archive: catalogue.Catalogue, report: ConvertReport,
                 change: changes.Change | None = None, exported: dict[str, str] | None = None,
                 earlier: dict[str, str] | None = None) -> dict[str, str]:
    """Browse pages, regenerated with the pages they describe, and the ``exported`` files (docs-relative
    path → text); returns every browse page with its list (``browse.every_path``, from ``earlier``
    where the change does not reach).

    Only the value pages of the facets ``change`` reaches, and the overviews and to-do lists only
    when it reaches any list; a page missing on disk is always written.
    """
    change = change or changes.everything()
    every = browse.every_path(archive, earlier, change.facets, change.lists())
    on_disk = project.browse_pages()
    missing = {path: top for path, top in every.items() if path not in on_disk}
    facets = None if change.facets is None else \
        set(change.facets) | {facet for facet, path in archive.facet_paths.items() if path in missing}
    pages = browse.pages(archive, facets, change.listed or bool(missing.keys() & set(browse.LISTS)), change.keys, missing,
                         change.unverified or cards.UNVERIFIED_PAGE in missing)
    generated = {project.docs / path: text for path, text in {**pages, **(exported or {})}.items()}
    report.written += [path for path, text in sorted(generated.items()) if write_if_changed(path, text)]
    stale = [project.docs / path for path in sorted(on_disk - every.keys())]
    for path in stale:
        path.unlink()
    report.removed += stale
    return every
