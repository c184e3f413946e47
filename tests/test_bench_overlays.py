"""``bench-overlays``: the search stage of rebuilds in a row, on a built site, as builds would run it."""
from __future__ import annotations

from build_tools.benchmarks import overlays
from build_tools.search import overlay, state, tiers
from build_tools.search.shards import dead_documents, read_documents, read_script
from projects import build_site, make_project
from test_incremental import notice


def dated(number: int) -> str:
    """Notice ``number``, on a day that exists."""
    return notice(number).replace(f"2024年3月{number}日", f"2024年{1 + number % 12}月{1 + number % 28}日")


def test_rebuilds_in_a_row_keep_merge_and_end_where_a_full_index_is_due(tmp_path, monkeypatch):
    project = make_project(tmp_path / "p", {f"n{i:02d}.txt": dated(i) for i in range(1, 51)})
    site = tmp_path / "site"
    assert build_site(project, site, "--strict").returncode == 0
    monkeypatch.setattr(overlay, "OVERLAY_DOCUMENTS", 2)
    monkeypatch.setattr(tiers, "FANOUT", 2)
    found = overlays.run(project.root, site, edits=10)
    # Fifty slots, two documents an overlay: edit 2 keeps the first two edits, edit 4 the next two
    # and merges both. Edit 4 leaves five dead slots of fifty-five; a sixth is past COMPACT_SHARE.
    assert [(number, kept) for number, _, kept in found.keeping] == [(2, [(2, 0)]), (4, [(4, 1)])]
    assert found.full_index_due == 5 and len(found.seconds) == 5
    index = site / "search-index"
    meta = read_script(index / "meta.js")
    assert [(o["path"], o["documents"]) for o in meta["overlays"]] == [("x/0/", 4), ("o/", 1)]
    assert len(dead_documents(index)) == 5
    texts = {doc.url: doc.sections[-1][2] for doc in read_documents(index)}
    assert overlay.COMPACT_SHARE == 0.1 and len(texts) == 50 and sum("本文件于基准测试中修改" in text for text in texts.values()) == 5


def test_a_second_run_on_the_same_site_edits_anew(tmp_path):
    project = make_project(tmp_path / "p", {f"n{i:02d}.txt": dated(i) for i in range(1, 51)})
    site = tmp_path / "site"
    assert build_site(project, site, "--strict").returncode == 0
    for _ in range(2):
        assert len(overlays.run(project.root, site, edits=2).seconds) == 2
    # Four documents appended after the fifty: the second run's edits were not those of the first.
    assert len(state.load(state.state_file(project.root, site)).urls) == 54
