"""A whole build's document pages are rendered by this process and forked children (issue 16).

Rendering every page was the one long step of a full build on a single core; the pages are now
shared (``forked.shared``, ``publish.write_documents``). What is written must not depend on it.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from build_tools import forked
from build_tools.render import publish
from build_tools.render.convert import convert_all
from projects import make_project
from test_incremental import notice


def test_shared_work_comes_back_in_order_from_other_processes():
    inherited = {"offset": 100}  # a child sees what this process held when it forked

    def work(chunk):
        return [(item + inherited["offset"], os.getpid()) for item in chunk]

    results = forked.shared(work, list(range(7)), 3)
    assert [value for value, _ in results] == list(range(100, 107))
    assert len({pid for _, pid in results}) == 3 and results[0][1] == os.getpid()
    assert forked.shared(work, [], 2) == [] and forked.shared(work, [1], 4) == [(101, os.getpid())]


def test_a_failing_child_fails_the_call_once_every_child_has_ended(tmp_path):
    def work(chunk):
        if 3 in chunk:
            raise ValueError("chunk with 3 failed")
        (tmp_path / f"done-{chunk[0]}").touch()
        return chunk

    with pytest.raises(forked.ChildError, match="chunk with 3 failed"):
        forked.shared(work, list(range(6)), 3)  # chunks [0, 1] here, [2, 3] and [4, 5] in children
    assert sorted(path.name for path in tmp_path.iterdir()) == ["done-0", "done-4"]


def files_of(where: Path) -> dict[str, bytes]:
    """A file's bytes, or those of every file under a folder, by relative path."""
    paths = sorted(where.rglob("*")) if where.is_dir() else [where]
    return {path.relative_to(where.parent).as_posix(): path.read_bytes() for path in paths if path.is_file()}


class Finalised:
    """Writes its marker file when freed."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __del__(self) -> None:
        self.marker.write_text("freed", encoding="utf-8")


def test_what_a_child_keeps_dies_with_it_and_is_never_freed_one_by_one(tmp_path):
    """``forked.keep`` in a child: what the function made is not freed when it returns, before the
    result is sent (an addition's outline and stand-ins took 0.13 s to free at 20,000 laws), nor later:
    the child ends without freeing it. Outside a child it does nothing."""
    def made(marker: Path, kept: bool) -> str:
        held = Finalised(marker)
        if kept:
            forked.keep(held)
        return "done"

    assert forked.call(made, tmp_path / "freed", False) == "done" and (tmp_path / "freed").exists()
    assert forked.call(made, tmp_path / "kept", True) == "done" and not (tmp_path / "kept").exists()
    assert made(tmp_path / "here", True) == "done" and (tmp_path / "here").exists()


def test_pages_shared_with_a_child_are_the_pages_one_process_writes(tmp_path, monkeypatch):
    sources = {f"n{number:02d}.txt": notice(number) for number in range(1, 13)}
    one = make_project(tmp_path / "one", sources)
    convert_all(one)
    monkeypatch.setattr(publish, "SHARED_FROM", 1)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    original = publish.PageWriter.write

    def write(self, documents):
        (tmp_path / f"writer-{os.getpid()}").write_text(str(len(documents)))
        return original(self, documents)

    monkeypatch.setattr(publish.PageWriter, "write", write)
    shared = make_project(tmp_path / "shared", sources)
    report = convert_all(shared)
    writers = sorted(int(path.read_text()) for path in tmp_path.glob("writer-*"))
    assert writers == [6, 6]  # two processes, half the pages each
    pages = [path.name for path in report.written if path.parent == shared.documents]
    assert pages == [f"n{number:02d}.md" for number in range(1, 13)]
    assert files_of(shared.docs) == files_of(one.docs)
    for cached in ("page-contexts", "rendered-pages.json"):
        assert files_of(shared.root / ".cache" / cached) == files_of(one.root / ".cache" / cached) != {}
