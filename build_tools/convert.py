"""Run the conversion stages over every source and write docs/documents/.

This is the only place that strings the stages together:
read → structure → metadata (all documents) → catalogue → render → write.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import catalogue, metadata, reader, render, structure
from .errors import SourceError
from .model import Document, ParsedDocument
from .project import Project
from .slugs import annex_slug, slugify
from .writer import remove_stale, write_if_changed


@dataclass
class ConvertReport:
    """What a conversion run did, for the CLI and the tests."""

    documents: list[Document] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)
    errors: list[SourceError] = field(default_factory=list)


def documents_from(parsed: ParsedDocument, slug: str) -> list[Document]:
    """The main document and one Document per annex, in order."""
    main = Document(slug=slug, meta=metadata.extract(parsed), blocks=parsed.blocks, source=parsed.source)
    annexes = [
        Document(slug=annex_slug(slug, index), meta=metadata.extract(annex), blocks=annex.blocks,
                 source=annex.source, part=annex.part)
        for index, annex in enumerate(parsed.annexes, start=1)
    ]
    return [main, *annexes]


def convert_file(path: Path, project: Project) -> list[Document]:
    source = reader.read_source(path, project.root)
    return documents_from(structure.parse(source), slugify(path.stem))


def convert_all(project: Project) -> ConvertReport:
    """Convert every source; a bad source is reported and the others still build."""
    report = ConvertReport()
    for path in project.source_files():
        try:
            report.documents.extend(convert_file(path, project))
        except SourceError as error:
            report.errors.append(error)
    archive = catalogue.build(report.documents)
    keep = set()
    for document in report.documents:
        target = project.documents / f"{document.slug}.md"
        keep.add(target)
        if write_if_changed(target, render.render(document, archive.context_for(document))):
            report.written.append(target)
    if not report.errors:
        report.removed = remove_stale(project.documents, keep)
    return report
