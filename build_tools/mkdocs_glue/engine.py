"""Run MkDocs builds for the commands that need a built site (bundle, bench).

Everything outside ``mkdocs_glue`` asks for "the hosted site", "the offline
site" or "the plain baseline" and never names MkDocs. A subprocess, not
MkDocs' Python API: every build starts in a fresh interpreter (no plugin
state carried over between builds) and the caller can measure the child's
time and memory.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

HOSTED_CONFIG = "mkdocs.yml"
# Inherits mkdocs.yml and only switches what file:// needs (see the file).
OFFLINE_CONFIG = "mkdocs.offline.yml"
# The benchmark's baseline: MkDocs + Material out of the box, default search
# (jieba-segmented when jieba is installed) and every page in the navigation.
PLAIN_MATERIAL_CONFIG = """\
site_name: Plain MkDocs + Material baseline
theme:
  name: material
  language: zh
  font: false
plugins:
  - search
markdown_extensions:
  - tables
  - attr_list
  - def_list
  - md_in_html
  - toc:
      permalink: true
"""


class SiteBuildError(RuntimeError):
    """The site engine refused to build; carries its own messages."""


def build_command(root: Path, site_dir: Path, offline: bool = False, strict: bool = True,
                  incremental: bool = False, timings: Path | None = None) -> list[str]:
    """The command that builds the project at ``root`` into ``site_dir``.

    ``incremental`` re-renders only pages whose Markdown changed (MkDocs'
    ``--dirty``). That is exact here because the converter rewrites a page
    only when its content changes, and document pages are not in the nav.
    MkDocs warns on every ``--dirty`` build, so it cannot also be ``--strict``.
    With ``timings``, the same build also writes its seconds per stage there
    (``stages``); run it from a folder holding ``build_tools``.
    """
    config = OFFLINE_CONFIG if offline else HOSTED_CONFIG
    runner = ["build_tools.mkdocs_glue.stages", str(timings)] if timings else ["mkdocs", "build"]
    command = [sys.executable, "-m", *runner, "--quiet",
               "--config-file", str(root / config), "--site-dir", str(site_dir)]
    return command + ["--dirty", "--no-strict"] if incremental else command + ["--strict"] * strict


def build_site(root: Path, site_dir: Path, offline: bool = False) -> None:
    """Build the project at ``root`` into ``site_dir`` with --strict."""
    result = subprocess.run(build_command(root, site_dir, offline), cwd=root, capture_output=True, text=True)
    if result.returncode != 0:
        config = OFFLINE_CONFIG if offline else HOSTED_CONFIG
        raise SiteBuildError(f"网站构建失败 / site build failed ({config}):\n{result.stderr[-4000:]}")


def plain_material_project(pages: list[Path], folder: Path) -> None:
    """A baseline project holding ``pages`` (Markdown files) and nothing of ours."""
    docs = folder / "docs"
    if docs.exists():
        shutil.rmtree(docs)
    docs.mkdir(parents=True)
    (folder / HOSTED_CONFIG).write_text(PLAIN_MATERIAL_CONFIG, encoding="utf-8")
    (docs / "index.md").write_text("# Baseline\n", encoding="utf-8")
    for page in pages:
        shutil.copyfile(page, docs / page.name)
