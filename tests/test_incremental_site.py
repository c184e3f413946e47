"""An incremental rebuild (``mkdocs build --dirty``) gives the same site as a full build."""
from __future__ import annotations

import filecmp
import os
import shutil

from build_tools.render import writer
from build_tools.render.writer import patch_in_place, tail_patch, write_spliced
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


def test_an_edit_patches_the_export_and_its_site_copy_in_place(tmp_path):
    """An edit changes its record's hash, not its length: docs/ keeps its export file (the same inode,
    the record put in place) and the site's copy takes the same patch instead of 34 MB copied again
    at 20,000 laws. A mark in the copy where no record changed shows it was patched, not copied."""
    project = make_project(tmp_path / "p", {f"n{i}.txt": notice(i) for i in range(1, 4)})
    site = tmp_path / "site"
    assert build_site(project, site, "--strict").returncode == 0
    exported, copy = project.docs / "catalogue.json", site / "catalogue.json"
    inode, before = exported.stat().st_ino, exported.read_bytes()
    copy.write_bytes(copy.read_bytes().replace(b"\n]\n", b"\n]\r"))  # later than docs/: in step
    (project.sources / "n1.txt").write_text(notice(1).replace("认真落实", "抓紧落实"), encoding="utf-8")
    assert build_site(project, site, "--dirty", "--no-strict").returncode == 0
    after = exported.read_bytes()
    assert exported.stat().st_ino == inode and len(after) == len(before) and after != before
    assert copy.read_bytes() == after.replace(b"\n]\n", b"\n]\r")
    shutil.rmtree(project.root / ".cache")
    full = tmp_path / "full"
    assert build_site(project, full, "--strict").returncode == 0
    assert (full / "catalogue.json").read_bytes() == after
    assert (full / "catalogue.csv").read_bytes() == (site / "catalogue.csv").read_bytes()


def test_an_addition_at_the_end_patches_the_export_and_its_site_copy_in_place(tmp_path):
    """The record of a page whose slug sorts last goes at the export's end: docs/ keeps its file (the
    same inode, its end rewritten) and the site's copy takes the same patch instead of the whole file
    copied again. A mark at the copy's start, where nothing changed, shows it was patched."""
    project = make_project(tmp_path / "p", {f"n{i}.txt": notice(i) for i in range(1, 4)})
    site = tmp_path / "site"
    assert build_site(project, site, "--strict").returncode == 0
    exported, copy = project.docs / "catalogue.csv", site / "catalogue.csv"
    inode, before = exported.stat().st_ino, exported.read_bytes()
    copy.write_bytes(b"#" + before[1:])  # later than docs/: in step
    (project.sources / "n4.txt").write_text(notice(4), encoding="utf-8")
    assert build_site(project, site, "--dirty", "--no-strict").returncode == 0
    after = exported.read_bytes()
    assert exported.stat().st_ino == inode and len(after) > len(before) and after.startswith(before[:-1])
    assert copy.read_bytes() == b"#" + after[1:]
    shutil.rmtree(project.root / ".cache")
    full = tmp_path / "full"
    assert build_site(project, full, "--strict").returncode == 0
    assert (full / "catalogue.csv").read_bytes() == after
    assert (full / "catalogue.json").read_bytes() == (site / "catalogue.json").read_bytes()


def test_a_site_copy_out_of_step_is_copied_whole(tmp_path):
    """A copy older than the export it was made from (a build that stopped before copying) is not
    patched: MkDocs copies the file again."""
    project = make_project(tmp_path / "p", {f"n{i}.txt": notice(i) for i in range(1, 3)})
    site = tmp_path / "site"
    assert build_site(project, site, "--strict").returncode == 0
    copy = site / "catalogue.json"
    copy.write_bytes(copy.read_bytes().replace(b"\n]\n", b"\n]\r"))
    os.utime(copy, ns=(0, 0))
    (project.sources / "n1.txt").write_text(notice(1).replace("认真落实", "抓紧落实"), encoding="utf-8")
    assert build_site(project, site, "--dirty", "--no-strict").returncode == 0
    assert copy.read_bytes() == (project.docs / "catalogue.json").read_bytes()


def test_a_patch_whose_old_bytes_are_not_there_writes_nothing(tmp_path):
    path = tmp_path / "f"
    path.write_bytes(b"abcdef")
    assert not patch_in_place(path, [(0, b"ab", b"xy"), (4, b"zz", b"ZZ")])
    assert path.read_bytes() == b"abcdef"
    assert patch_in_place(path, [(0, b"ab", b"xy"), (4, b"ef", b"EF")])
    assert path.read_bytes() == b"xycdEF"
    assert not patch_in_place(tmp_path / "gone", [(0, b"", b"")])
    assert patch_in_place(path, []) and path.read_bytes() == b"xycdEF"  # nothing to patch: nothing written


def test_a_tail_patch_is_the_spliced_file_written_in_place(tmp_path, monkeypatch):
    """``tail_patch`` makes the splices one patch from the first of them to the file's end, which
    ``patch_in_place`` writes (the file longer or shorter); a patch of another length that stops short
    of the end is refused, and a tail longer than ``TAIL_LIMIT`` is left to ``write_spliced``."""
    data = bytes(range(256)) * 100
    splices = [(20_000, 20_003, b""), (24_000, 24_000, b"inserted"), (len(data) - 5, len(data), b"<end>")]
    path, spliced = tmp_path / "export", tmp_path / "spliced"
    path.write_bytes(data)
    spliced.write_bytes(data)
    write_spliced(spliced, splices)
    patch = tail_patch(path, splices)
    assert patch[0] == 20_000 and patch[1] == data[20_000:]
    inode = path.stat().st_ino
    assert patch_in_place(path, [patch])
    assert path.read_bytes() == spliced.read_bytes() and path.stat().st_ino == inode
    shorter = tail_patch(path, [(25_000, len(path.read_bytes()), b"")])
    assert patch_in_place(path, [shorter]) and path.read_bytes() == spliced.read_bytes()[:25_000]
    assert not patch_in_place(path, [(10, path.read_bytes()[10:12], b"abc")])
    assert path.read_bytes() == spliced.read_bytes()[:25_000]
    monkeypatch.setattr(writer, "TAIL_LIMIT", 4_999)
    assert tail_patch(path, [(20_000, 20_000, b"x")]) is None


def test_a_spliced_file_is_the_file_with_its_stretches_replaced(tmp_path, monkeypatch):
    """``write_spliced`` copies the stretches between the splices by the kernel, or by reading where
    the system cannot (``sendfile`` refused): the same bytes either way, the old file replaced whole."""
    data = bytes(range(256)) * 5000
    splices = [(0, 0, b"<head>"), (1000, 1003, b""), (70_000, 70_000, b"inserted"), (len(data) - 5, len(data), b"<end>")]
    expected = b"<head>" + data[:1000] + data[1003:70_000] + b"inserted" + data[70_000:-5] + b"<end>"
    path = tmp_path / "export"
    path.write_bytes(data)
    write_spliced(path, splices)
    assert path.read_bytes() == expected
    path.write_bytes(data)

    def refused(*args):
        raise OSError("no sendfile here")

    monkeypatch.setattr(writer.os, "sendfile", refused)
    write_spliced(path, splices)
    assert path.read_bytes() == expected
    assert sorted(item.name for item in tmp_path.iterdir()) == ["export"]
