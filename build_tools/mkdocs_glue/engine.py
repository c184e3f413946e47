"""Run MkDocs builds for the commands that need a built site (bundle, bench).

Everything outside ``mkdocs_glue`` asks for "the hosted site" or "the
offline site" and never names MkDocs. A subprocess, not MkDocs' Python API:
every build starts in a fresh interpreter (no plugin state carried over
between builds) and the caller can measure the child's time and memory.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HOSTED_CONFIG = "mkdocs.yml"
# Inherits mkdocs.yml and only switches what file:// needs (see the file).
OFFLINE_CONFIG = "mkdocs.offline.yml"


class SiteBuildError(RuntimeError):
    """The site engine refused to build; carries its own messages."""


def build_site(root: Path, site_dir: Path, offline: bool = False, dirty: bool = False) -> None:
    """Build the project at ``root`` into ``site_dir`` with --strict."""
    config = OFFLINE_CONFIG if offline else HOSTED_CONFIG
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
               "--config-file", str(root / config), "--site-dir", str(site_dir)]
    if dirty:
        command.append("--dirty")
    result = subprocess.run(command, cwd=root, capture_output=True, text=True)
    if result.returncode != 0:
        raise SiteBuildError(f"网站构建失败 / site build failed ({config}):\n{result.stderr[-4000:]}")
