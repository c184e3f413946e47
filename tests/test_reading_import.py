"""``import`` brings originals in under meaningful names; check, new and the site work on every format (issue 15)."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from build_tools.editors.importer import ADDED, EDITOR, PRESENT, UNREADABLE
from formats import docx_from_text, feature_docx, gov_page
from projects import ROOT, build_site, make_project

YUNYANG = (ROOT / "source_docs" / "yunyang-fufa-2022-004-zhiye-jiaoyu-shishi-fangan.txt").read_text(encoding="utf-8")


def run(project, *args: str) -> tuple[int, str]:
    result = subprocess.run([sys.executable, "-m", "build_tools", *args], cwd=project.root, capture_output=True,
                            text=True, timeout=600)
    return result.returncode, result.stdout + result.stderr


@pytest.fixture()
def inbox(tmp_path) -> Path:
    folder = tmp_path / "inbox"
    (folder / "sub").mkdir(parents=True)
    docx_from_text(YUNYANG, folder / "云阳县方案.DOCX")
    (folder / "sub" / "page.html").write_bytes(gov_page())
    docx_from_text("请各单位认真组织实施。", folder / "sub" / "通知.docx")
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4 nothing")
    (folder / "notes.xlsx").write_bytes(b"PK")  # not a source: left alone inside a folder
    return folder


def test_import_names_copies_and_reports(tmp_path, inbox):
    project = make_project(tmp_path / "project", {})
    code, output = run(project, "import", str(inbox))
    assert code == 1, output  # one file could not be read
    rows = {line.split("\t")[1]: line.split("\t") for line in output.splitlines()[1:-1]}
    assert rows[str(inbox / "云阳县方案.DOCX")][::2] == [ADDED, "source_docs/yunyang-fufa-2022-004.docx"]
    assert rows[str(inbox / "sub" / "page.html")][::2] == [ADDED, "source_docs/yunnan-yunjiaozhi-2024-012.html"]
    editor = rows[str(inbox / "sub" / "通知.docx")]
    assert editor[0] == EDITOR and "标题" in editor[3] and (project.root / editor[2]).with_suffix(".yml").is_file()
    assert rows[str(inbox / "scan.pdf")][0] == UNREADABLE and f"{inbox / 'scan.pdf'}: 无法打开 PDF" in output
    assert sorted(path.name for path in project.sources.iterdir()) == sorted(
        [Path(editor[2]).name, Path(editor[2]).with_suffix(".yml").name, "yunnan-yunjiaozhi-2024-012.html",
         "yunyang-fufa-2022-004.docx"])
    assert not (project.root / "source_docs" / "yunyang-fufa-2022-004.yml").exists()  # nothing missing, no sidecar

    # Again: the same files are recognised, nothing is copied or overwritten.
    before = {path.name: path.read_bytes() for path in project.sources.iterdir()}
    code, output = run(project, "import", str(inbox / "云阳县方案.DOCX"))
    assert code == 0 and f"{PRESENT}\t{inbox / '云阳县方案.DOCX'}\tsource_docs/yunyang-fufa-2022-004.docx" in output
    assert {path.name: path.read_bytes() for path in project.sources.iterdir()} == before


def test_a_different_file_with_the_same_name_gets_its_own(tmp_path):
    project = make_project(tmp_path / "project", {})
    first, second = tmp_path / "a.docx", tmp_path / "b.docx"
    docx_from_text(YUNYANG, first)
    docx_from_text(YUNYANG + "\n（此件公开发布）", second)
    run(project, "import", str(first))
    code, output = run(project, "import", str(second))
    assert "source_docs/yunyang-fufa-2022-004-2.docx" in output
    assert (project.sources / "yunyang-fufa-2022-004.docx").read_bytes() == first.read_bytes()


def test_check_new_and_the_site_work_on_originals(tmp_path):
    project = make_project(tmp_path / "project", {"yunnan-yunjiaozhi-2024-012.html": gov_page()})
    docx_from_text(YUNYANG, project.sources / "yunyang-fufa-2022-004.docx")
    feature_docx(project.sources / "chuxiong-tongzhi.docx")
    (project.sources / "scan.pdf").write_bytes(b"%PDF-1.4 nothing")
    code, output = run(project, "check")
    assert code == 1 and "source_docs/scan.pdf: 错误 error: 无法打开 PDF" in output
    assert "yunyang-fufa-2022-004.docx: 错误" not in output and "yunnan-yunjiaozhi-2024-012.html: 错误" not in output
    code, output = run(project, "new", "source_docs/chuxiong-tongzhi.docx")
    assert code == 0 and (project.sources / "chuxiong-tongzhi.yml").is_file(), output
    (project.sources / "scan.pdf").unlink()
    result = build_site(project, tmp_path / "site", "--strict")
    assert result.returncode == 0, result.stderr[-3000:]
    page = (tmp_path / "site" / "documents" / "yunyang-fufa-2022-004" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../originals/yunyang-fufa-2022-004.docx"' in page
    copied = tmp_path / "site" / "originals" / "yunyang-fufa-2022-004.docx"
    assert copied.read_bytes() == (project.sources / "yunyang-fufa-2022-004.docx").read_bytes()
    # A saved page is served as text: as HTML on the archive's address its scripts would run there.
    page = (tmp_path / "site" / "documents" / "yunnan-yunjiaozhi-2024-012" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../originals/yunnan-yunjiaozhi-2024-012.html.txt"' in page
    assert (tmp_path / "site" / "originals" / "yunnan-yunjiaozhi-2024-012.html.txt").read_bytes() == gov_page()
    assert not (tmp_path / "site" / "originals" / "yunnan-yunjiaozhi-2024-012.html").exists()
    shutil.rmtree(tmp_path / "site")
