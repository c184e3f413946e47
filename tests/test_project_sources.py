"""Which files in source_docs/ are sources (``Project.source_files``)."""
from __future__ import annotations

from build_tools.project import Project


def test_sources_are_listed_by_name_a_transcription_before_its_original(tmp_path):
    sources = tmp_path / "source_docs"
    sources.mkdir()
    for name in ("b.docx", "a.pdf", "a.txt", "c.yml", ".hidden.txt", "README", "e.pdf", "f.doc"):
        (sources / name).write_bytes(b"x")
    (sources / "d.txt").mkdir()  # a folder is not a source, whatever its name
    names = [path.name for path in Project(tmp_path).source_files()]
    assert names == ["a.txt", "b.docx", "e.pdf", "f.doc"]


def test_no_source_folder_means_no_sources(tmp_path):
    assert Project(tmp_path).source_files() == []
