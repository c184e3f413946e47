"""Building leaves a fresh clone as clean as it was: every output is ignored by git.

The committed HEAD is cloned into a temporary folder (uncommitted changes are not in it),
given this interpreter's virtual environment, and built with the README's commands;
``git status --porcelain`` must then print nothing.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

pytestmark = pytest.mark.slow


def run(command: list[str], cwd: Path) -> str:
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, f"{' '.join(command)}:\n{result.stdout[-2000:]}\n{result.stderr[-3000:]}"
    return result.stdout


@pytest.fixture(scope="module")
def clone(tmp_path_factory) -> Path:
    if not shutil.which("git") or not (ROOT / ".git").exists():
        pytest.skip("needs git and a git checkout")
    if sys.prefix == sys.base_prefix:
        pytest.skip("needs the project's virtual environment (make setup)")
    folder = tmp_path_factory.mktemp("clone") / "archive"
    run(["git", "clone", "--quiet", str(ROOT), str(folder)], ROOT)
    (folder / ".venv").symlink_to(sys.prefix)  # as `make setup` would leave it, without installing again
    assert run(["git", "status", "--porcelain"], folder) == ""
    return folder


@pytest.mark.parametrize("target, output", [("site", "site/index.html"), ("bundle", "dist/*.zip")])
def test_a_make_target_leaves_the_clone_clean(clone, target, output):
    # -o: the symlinked environment counts as set up (setup would reinstall into it).
    run(["make", "-o", ".venv/.installed", target], clone)
    assert list(clone.glob(output)), f"make {target} wrote no {output}"
    assert run(["git", "status", "--porcelain"], clone) == ""
