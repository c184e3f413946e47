"""Original files (source_docs/*.docx, .pdf, .html …) copied into the site, so each page can link the file of record.

The archive's text is a transcription; a reader who cites a document must
be able to fetch what the government published. MkDocs copies only files
under docs/, so the sources are added to its file list at their site path
(``reading.site_path``): no copy in docs/ to keep in step, and the offline
bundle, built from the same configuration, carries them too. A ``.txt`` source is the editor's
transcription, whose text is the page: served again it would double the site's text (issue 16).
"""
from __future__ import annotations

from pathlib import Path, PurePosixPath

from mkdocs.structure.files import File, Files

from build_tools.project import Project
from build_tools.reading import SUFFIXES, is_file_of_record, site_path


def add_originals(files: Files, config, found: list[Path]) -> None:
    """``found`` (``originals``) added to MkDocs' files at their site paths, unless docs/ has the path."""
    for path in found:
        if files.get_file_from_path(site_path(path)) is None:
            files.append(File.generated(config, site_path(path), abs_src_path=str(path)))


def originals(project: Project) -> list[Path]:
    """The files of record in source_docs/, told from their names alone (``Project.source_names``):
    most sources are ``.txt``, and a Path and a stat for each cost 0.3 s of every rebuild at 20,000,
    a suffix split of each 0.02 s."""
    suffixes = tuple(suffix for suffix in SUFFIXES if is_file_of_record(PurePosixPath(f"x{suffix}")))
    return [project.sources / name for name in project.source_names() if name.endswith(suffixes)]
