"""``bench-overlays``: the search stage of rebuilds in a row, on a built site, as builds would run it."""
from __future__ import annotations

from build_tools.benchmarks import overlays
from build_tools.search import overlay, retire, state, tiers
from build_tools.search.shards import dead_documents, read_documents, read_script
from projects import build_site, make_project
from test_incremental import notice


def dated(number: int) -> str:
    """Notice ``number``, on a day that exists."""
    return notice(number).replace(f"2024年3月{number}日", f"2024年{1 + number % 12}月{1 + number % 28}日")


def built_notices(tmp_path):
    project = make_project(tmp_path / "p", {f"n{i:02d}.txt": dated(i) for i in range(1, 51)})
    site = tmp_path / "site"
    assert build_site(project, site, "--strict").returncode == 0
    return project, site


def test_rebuilds_in_a_row_keep_and_merge_overlays(tmp_path, monkeypatch):
    project, site = built_notices(tmp_path)
    monkeypatch.setattr(overlay, "OVERLAY_DOCUMENTS", 2)
    monkeypatch.setattr(tiers, "FANOUT", 2)
    found = overlays.run(project.root, site, edits=5)
    # Fifty slots, two documents an overlay: edit 2 keeps the first two edits, edit 4 the next two
    # and merges both. Five dead slots of fifty-four stay under COMPACT_SHARE.
    assert [(number, kept) for number, _, kept in found.keeping] == [(2, [(2, 0)]), (4, [(4, 1)])]
    assert found.full_index_due is None and not found.retired and len(found.seconds) == 5
    index = site / "search-index"
    meta = read_script(index / "meta.js")
    assert [(o["path"], o["documents"]) for o in meta["overlays"]] == [("x/0/", 4), ("o/", 1)]
    assert len(dead_documents(index)) == 5
    texts = {doc.url: doc.sections[-1][2] for doc in read_documents(index)}
    assert len(texts) == 50 and sum("本文件于基准测试中修改" in text for text in texts.values()) == 5


def test_rebuilds_in_a_row_empty_and_drop_the_base_range(tmp_path, monkeypatch):
    project, site = built_notices(tmp_path)
    monkeypatch.setattr(retire, "MOVES", 8)
    found = overlays.run(project.root, site, edits=12)
    # Edit k changes notice (50 + k) · 7919 mod 50 + 1: n01, n20, n39, n08, n27, n46, n15, n34, n03 …
    # Edit 5 makes six dead slots of 55, past COMPACT_SHARE: the base's one range is to be emptied,
    # eight of its live documents a rebuild: 44 in edits 5 to 10 (those of edits 8 to 10 moved already).
    assert 5 / 54 <= retire.COMPACT_SHARE < 6 / 55
    assert found.retired == [(10, 0)] and found.full_index_due is None and len(found.seconds) == 12
    assert not found.keeping and len(found.moving) == 6
    index = site / "search-index"
    meta = read_script(index / "meta.js")
    assert meta["bigram_shards"] == [0] and not (index / "b" / "0").exists()
    # Each edit is found once: the moved documents carry the edits made before they moved.
    sections = {doc.url: doc.sections for doc in read_documents(index)}
    edits = sorted(text for url in sections for _, _, text in sections[url] if "本文件于基准测试中修改" in text)
    assert len(sections) == 50 and edits == sorted(overlays.EDIT.format(number) for number in range(50, 62))


def test_a_second_run_on_the_same_site_edits_anew(tmp_path):
    project = make_project(tmp_path / "p", {f"n{i:02d}.txt": dated(i) for i in range(1, 51)})
    site = tmp_path / "site"
    assert build_site(project, site, "--strict").returncode == 0
    for _ in range(2):
        assert len(overlays.run(project.root, site, edits=2).seconds) == 2
    # Four documents appended after the fifty: the second run's edits were not those of the first.
    assert len(state.load(state.state_file(project.root, site)).urls) == 54
