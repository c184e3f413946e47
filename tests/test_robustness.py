"""Degenerate and colliding inputs give a page or a clear error, never a crash."""
from __future__ import annotations

import pytest

from build_tools.render.convert import convert_all
from projects import make_project

PARAGRAPH = "为深入贯彻落实职业教育大会精神，推动职业教育高质量发展，现提出如下意见。"


@pytest.mark.parametrize(
    "name, content",
    [
        ("empty.txt", ""),
        ("blank.txt", " \n\u3000\n\t\n\n"),
        ("one-long-line.txt", PARAGRAPH * 20000),  # ~700 000 characters, no newline
        pytest.param("five-megabytes.txt", (PARAGRAPH + "\n\n") * 60000, marks=pytest.mark.slow),
        ("no-structure.txt", "\n".join(str(i) + "、" for i in range(3000))),
        ("latin-only.txt", "hello world\n" * 100),
    ],
)
def test_degenerate_sources_give_a_page_or_a_named_error(tmp_path, name, content):
    project = make_project(tmp_path / "p", {name: content, "ok.txt": PARAGRAPH})
    report = convert_all(project)
    produced = {str(doc.source.path) for doc in report.documents}
    failed = {error.path for error in report.errors}
    assert f"source_docs/{name}" in produced | failed
    for error in report.errors:
        assert str(error).startswith(f"source_docs/{name}")
    assert "source_docs/ok.txt" in produced, "a bad source must not stop the others"


def test_two_sources_never_share_a_page(tmp_path):
    project = make_project(tmp_path / "p", {"a b.txt": "甲文件。", "a-b.txt": "乙文件。"})
    report = convert_all(project)
    assert len(report.errors) == 1
    message = str(report.errors[0])
    assert message.startswith("source_docs/a-b.txt") or message.startswith("source_docs/a b.txt")
    assert "冲突" in message
    page = project.documents / "a-b.md"
    text = page.read_text(encoding="utf-8")
    assert ("甲文件" in text) != ("乙文件" in text), "one source's page was overwritten by the other"


def test_undecodable_source_is_reported_and_others_still_build(tmp_path):
    project = make_project(tmp_path / "p", {"bad.txt": b"\xff\xfe\x00\xd8", "ok.txt": PARAGRAPH})
    report = convert_all(project)
    assert [error.path for error in report.errors] == ["source_docs/bad.txt"]
    assert (project.documents / "ok.md").is_file()


@pytest.mark.parametrize("slug", ["../../escape", "/etc/passwd", "a/b", "..", "UPPER", ""])
def test_sidecar_slug_cannot_escape_docs(tmp_path, slug):
    project = make_project(tmp_path / "p", {"a.txt": PARAGRAPH, "a.yml": f"slug: {slug!r}\n"})
    report = convert_all(project)
    assert any(str(error).startswith("source_docs/a") for error in report.errors), report.errors
    written = [path for path in tmp_path.rglob("*.md") if "docs" in path.parts and PARAGRAPH[:10] in path.read_text(encoding="utf-8")]
    assert written == []
    assert not (tmp_path / "escape.md").exists() and not (tmp_path / "p" / "escape.md").exists()
