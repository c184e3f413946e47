"""A rebuild renders only the pages whose document or context changed (build_tools/rendered.py)."""
from __future__ import annotations

from build_tools.render.convert import convert_all
from projects import make_project
from test_incremental import notice


def test_unchanged_pages_are_not_rendered_again(tmp_path, renders):
    project = make_project(tmp_path / "p", {f"n{i}.txt": notice(i) for i in range(1, 4)})
    convert_all(project)
    assert sorted(renders) == ["n1", "n2", "n3"]
    renders.clear()
    convert_all(project)
    assert renders == []
    # A body edit changes that page only: the others list n1 by title and date, which stay.
    (project.sources / "n1.txt").write_text(notice(1).replace("认真落实", "抓紧落实"), encoding="utf-8")
    report = convert_all(project)
    assert renders == ["n1"] and [path.name for path in report.written if path.parent == project.documents] == ["n1.md"]
    assert "抓紧落实" in (project.documents / "n1.md").read_text(encoding="utf-8")


def test_a_page_removed_from_disk_is_written_again(tmp_path, renders):
    project = make_project(tmp_path / "p", {f"n{i}.txt": notice(i) for i in range(1, 3)})
    convert_all(project)
    (project.documents / "n2.md").unlink()
    renders.clear()
    convert_all(project)
    assert renders == ["n2"] and (project.documents / "n2.md").exists()
