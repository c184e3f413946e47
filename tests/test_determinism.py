"""Two builds of the same sources write the same bytes, whatever Python's hash seed.

Each build runs in its own interpreter with its own ``PYTHONHASHSEED``: set and dict
order that follows string hashes is the same for two runs in one process, so only
builds in separate processes with different seeds can show it.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from projects import copy_project
from test_incremental_site import differing_files

# Outputs compared: the generated pages, the catalogue export and the whole built site.
TREES = ("docs/documents", "docs/browse", "site")


def build_with_hash_seed(folder: Path, seed: int) -> Path:
    """A fresh copy of the project built with ``mkdocs build`` under PYTHONHASHSEED=seed."""
    project = copy_project(folder)
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", "site"],
                            cwd=project.root, env={**os.environ, "PYTHONHASHSEED": str(seed)},
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    return project.root


def test_builds_under_two_hash_seeds_write_the_same_bytes(tmp_path):
    first, second = build_with_hash_seed(tmp_path / "a", 1), build_with_hash_seed(tmp_path / "b", 2)
    for tree in TREES:
        assert any((first / tree).rglob("*.*")), f"{tree} is empty"
        # sitemap.xml.gz embeds the build time; everything else must be byte-identical.
        assert [path for path in differing_files(first / tree, second / tree) if not path.startswith("sitemap.xml")] == [], tree
