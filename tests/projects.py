"""Throw-away archive projects for end-to-end tests on inline sources."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from build_tools.project import Project

ROOT = Path(__file__).resolve().parents[1]


def make_project(folder: Path, sources: dict[str, str | bytes]) -> Project:
    """A project in ``folder`` with the real config and code, and these sources.

    ``sources`` maps a file name in source_docs/ (e.g. ``x.txt`` or ``x.yml``)
    to its text or raw bytes.
    """
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "build_tools").symlink_to(ROOT / "build_tools")
    for name in ("mkdocs.yml", "mkdocs.offline.yml"):
        shutil.copy(ROOT / name, folder / name)
    shutil.copytree(ROOT / "docs", folder / "docs", ignore=shutil.ignore_patterns("documents", "browse"))
    (folder / "source_docs").mkdir()
    for name, content in sources.items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        (folder / "source_docs" / name).write_bytes(data)
    return Project(folder)


def copy_project(folder: Path, extra: dict[str, str | bytes] | None = None) -> Project:
    """A copy of the real project in ``folder`` (every source and sidecar), plus ``extra`` sources.

    Tests build here, never in the checkout: no test depends on an earlier build,
    and tests run in parallel without writing over each other's pages.
    """
    sources = {path.name: path.read_bytes() for path in sorted((ROOT / "source_docs").iterdir()) if path.is_file()}
    return make_project(folder, {**sources, **(extra or {})})


def build_site(project: Project, out: Path, *extra: str) -> subprocess.CompletedProcess:
    """Run ``mkdocs build`` for ``project`` into ``out``."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(out), *extra],
        cwd=project.root, capture_output=True, text=True, timeout=600,
    )
