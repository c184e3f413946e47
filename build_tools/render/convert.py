"""Run the conversion stages over every source and write docs/documents/.

This is the only place that strings the stages together:
read → structure → metadata (all documents) → catalogue → render → write.
"""
from __future__ import annotations

from pathlib import Path

from ..catalogue import changes, archive as catalogue, export
from . import added, incremental, quick, summaries
from ..metadata import front_matter as metadata, parts, sidecar
from ..metadata.gaps import gaps_of
from .. import forked, reading, structure
from ..errors import SourceError
from ..model import Document, ParsedDocument, SourceText
from ..project import Project, SourceScan
from ..slugs import SAFE_SLUG, annex_slug, issued_slug, slugify
from ..structure.parts import part_number
from .publish import ConvertReport, Sources, write_browse, write_documents


def documents_from(parsed: ParsedDocument, slug: str) -> list[Document]:
    """The document and, depth first, one Document per annex or issued document.

    Annexes get ``{parent}-fujian-{n}`` (n from 附件二 → 2), an issued
    document ``{parent}-yinfa``; removed duplicates become notes.
    """
    document = Document(slug=slug, meta=metadata.extract(parsed), blocks=parsed.blocks, source=parsed.source,
                        part=parsed.part, notes=removal_notes(parsed))
    documents, annexes = [document], 0
    for part in parsed.annexes:
        if part.part == "印发":
            documents += documents_from(part, issued_slug(slug))
        else:
            annexes += 1
            documents += documents_from(part, annex_slug(slug, part_number(part.part, annexes)))
    return documents


def removal_notes(parsed: ParsedDocument) -> list[str]:
    """Passages dropped as repeats, reported with their source line."""
    return [
        f"{parsed.source.path}:{removed.line}: 删除重复段落 / duplicate passage removed: {removed.text[:40]}"
        for removed in parsed.removed if removed.reason == "duplicate"
    ]


def convert_source(path: Path, project: Project) -> tuple[list[Document], parts.PartsReport]:
    """One source and its sidecar as finished documents, with what ``check`` reports about them."""
    source = reading.read(path, project.root)
    return convert_text(source, sidecar.load(sidecar.path_for(path), project.root))


def convert_text(source: SourceText, editor: sidecar.Sidecar | None) -> tuple[list[Document], parts.PartsReport]:
    """The stages for one decoded source (``evaluate`` runs them on texts that are no project file)."""
    slug = (editor.entry.get("slug") if editor else None) or slugify(source.path.stem)
    parsed = structure.parse(source)
    documents = documents_from(parsed, slug)
    report = parts.finish(documents, editor)
    report.unreadable = metadata.unreadable(parsed)
    return documents, report


def convert_file(path: Path, project: Project) -> list[Document]:
    return convert_source(path, project)[0]


def claim_slugs(documents: list[Document], owners: dict[str, Document]) -> list[Document]:
    """Register the pages of one source; two sources may never share a page."""
    for document in documents:
        other = owners.get(document.slug)
        if not SAFE_SLUG.fullmatch(document.slug or ""):
            raise SourceError(
                document.source.path,
                f"网址 {document.slug!r} 无效：只能用小写字母、数字和连字符 / slug must be lower-case ASCII words and hyphens",
                hint="请修改附属 YAML 中的 slug，或用字母、数字、汉字重命名文件 / fix the sidecar slug or rename the file",
            )
        if other is not None and other.source.path == document.source.path:
            raise SourceError(
                document.source.path,
                f"本文件的两个部分（{other.part or '正文'}、{document.part or '正文'}）使用同一页面网址 {document.slug}"
                f" / two parts of this file share the page slug {document.slug}",
                hint="请检查附件编号是否重复 / check for two annexes with the same number",
            )
        if other is not None:
            raise SourceError(
                document.source.path,
                f"页面网址 {document.slug} 与 {other.source.path} 冲突 / page slug collides with {other.source.path}",
                hint="请重命名其中一个文件，或在附属 YAML 中设置不同的 slug / rename one of the files",
            )
        owners[document.slug] = document  # at once: two parts of one file may not share a page either
    return documents


def claimed(entries: dict) -> tuple[list[Document], dict[str, list], list[SourceError]]:
    """The documents that get a page, in source order, their citations, and the sources that get none."""
    documents, mentioned, errors, owners = [], {}, [], {}
    for entry in entries.values():
        try:
            if isinstance(entry, SourceError):
                raise entry
            documents.extend(claim_slugs(entry.documents, owners))
            mentioned.update((document.slug, entry.mentions[document.slug]) for document in entry.documents)
        except SourceError as error:
            errors.append(error)
    return documents, mentioned, errors


def convert_all(project: Project) -> ConvertReport:
    """Convert every source; a bad source is reported and the others still build.

    Only what changed since the last build is converted, put in context and written: sources by
    their signature (``summaries``), pages and browse lists by what the change reaches (``changes``);
    an edit that no other page sees, without the catalogue at all (``quick``), and sources added
    from what the last build kept (``added``).
    """
    report, ledger, scan = ConvertReport(), summaries.load_ledger(project.cache), project.source_scan()
    if not quick.rebuild(project, convert_file, report, ledger, scan) and \
            not added.rebuild(project, convert_file, report, ledger, scan):
        convert_whole(project, report, ledger, scan)
    forked.keep(ledger, scan)
    return report


def convert_whole(project: Project, report: ConvertReport, ledger: summaries.Ledger | None, scan: SourceScan) -> None:
    """Every source's entry, the catalogue built again and the pages and lists a change reaches written.
    ``ledger``: the last build's, if any; ``scan``: ``Project.source_scan``."""
    stats, names = scan.stats, scan.names
    with summaries.long_lived() as settle:
        before = summaries.load(project.cache, ledger)
        entries = incremental.convert_many(names, project, convert_file, before.entries, stats=stats)
        incremental.prune(project, entries, before.entries)
        report.documents, mentioned, report.errors = claimed(entries)
        report.pages = len(report.documents)
        report.unverified = sum(bool(gaps_of(document)) for document in report.documents)
        archive = catalogue.build(report.documents, mentioned, before.outline and before.outline.facet_paths,
                                  before.outline and before.outline.earlier())
        outline = changes.outline(archive)
        settle()
        change = changes.compare(before.outline, outline, archive.recited) if before.outline else changes.everything()
        kept = {name: entry for name, entry in entries.items() if isinstance(entry, summaries.Entry)}
        write_documents(project, archive, change, Sources(project, kept, convert_file), report)
        # Records an addition patched into the export files without their shards' rows (``added``).
        stale = before.outline.stale if before.outline else set()
        rows = export.update(before.rows if before.outline else export.Rows(), archive,
                             None if change.pages is None else change.pages | stale)
        # The export's records change only with the pages a change reaches (``export.update``).
        exported = change.pages == set() and all((project.docs / name).exists() for name in export.NAMES)
        outline.browse = write_browse(project, archive, report, change, {} if exported else export.files(archive, rows),
                                      before.outline and before.outline.browse)
        summaries.save(project.cache, summaries.Index(before.fingerprint, kept, outline, rows,
                                                      unverified=report.unverified), before)
        forked.keep(before, entries, archive, outline, rows)


def in_full(project: Project, documents: list[Document]) -> list[Document]:
    """The full documents (blocks, text) behind a report's summaries, read from the conversion cache."""
    sources = Sources(project, summaries.load(project.cache).entries, convert_file)
    return [sources.document(document) for document in documents]
