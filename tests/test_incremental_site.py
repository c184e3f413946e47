"""An incremental rebuild (``mkdocs build --dirty``) gives the same site as a full build."""
from __future__ import annotations

import filecmp
import shutil

from projects import build_site, make_project
from test_incremental import notice


def differing_files(left, right) -> list[str]:
    """Files that differ or exist on one side only, recursively."""
    comparison = filecmp.dircmp(left, right)
    found = [*comparison.left_only, *comparison.right_only, *comparison.diff_files]
    for name, sub in comparison.subdirs.items():
        found += [f"{name}/{path}" for path in differing_files(sub.left, sub.right)]
    return sorted(found)


def test_dirty_rebuild_after_adding_and_editing_matches_a_full_build(tmp_path):
    project = make_project(tmp_path / "p", {f"n{i}.txt": notice(i) for i in range(1, 4)})
    site = tmp_path / "site"
    assert build_site(project, site, "--strict").returncode == 0
    (project.sources / "n4.txt").write_text(notice(4), encoding="utf-8")
    (project.sources / "n1.txt").write_text(notice(1).replace("认真落实", "抓紧落实"), encoding="utf-8")
    assert build_site(project, site, "--dirty", "--no-strict").returncode == 0  # MkDocs warns on --dirty
    shutil.rmtree(project.root / ".cache")
    full = tmp_path / "full"
    assert build_site(project, full, "--strict").returncode == 0
    # sitemap.xml.gz embeds a timestamp; everything else must be byte-identical.
    assert [path for path in differing_files(site, full) if not path.startswith("sitemap.xml")] == []
    assert "抓紧落实" in (site / "documents" / "n1" / "index.html").read_text(encoding="utf-8")
