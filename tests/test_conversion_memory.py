"""A full build holds the full documents (blocks, text) of one source at a time (issue 16).

A first conversion used to keep every converted document until the pages were written: 2.6 GB in the
conversion process at 20,000 laws. Now the workers cache each source's documents as they convert it,
the catalogue works from summaries, and each page is rendered from its source's cached documents.
"""
from __future__ import annotations

import gc
from contextlib import contextmanager

from build_tools.model import Document
from build_tools.render import incremental, page as render, summaries
from build_tools.render.convert import convert_all
from projects import make_project
from test_incremental import notice


@contextmanager
def collected_as_always():
    """``summaries.long_lived`` without ``gc.freeze``, whose frozen objects ``gc.get_objects`` does not list."""
    yield lambda: None


def test_pages_are_rendered_holding_one_source_in_full(tmp_path, monkeypatch):
    names = {f"n{i:02d}.txt" for i in range(1, 21)}
    project = make_project(tmp_path / "p", {name: notice(int(name[1:3])) for name in names})
    monkeypatch.setattr(incremental, "PARALLEL_THRESHOLD", 2)  # the worker pool, as in a large first build
    monkeypatch.setattr(summaries, "long_lived", collected_as_always)
    held, original = [], render.render

    def record(document, context=None):
        gc.collect()
        # Only this project's sources: other tests of the session may keep seed documents alive.
        held.append({doc.source.path.name for doc in gc.get_objects()
                     if isinstance(doc, Document) and doc.blocks and doc.source.path.name in names})
        return original(document, context)

    monkeypatch.setattr(render, "render", record)
    report = convert_all(project)
    assert len(held) == 20 and not report.errors
    assert [len(sources) for sources in held] == [1] * 20, held[0]
    assert all(not document.blocks for document in report.documents)
    assert "第7项工作" in (project.documents / "n07.md").read_text(encoding="utf-8")
