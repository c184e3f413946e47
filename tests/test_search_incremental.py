"""A rebuild that renders a few pages appends them to the search index's overlay instead of
rebuilding it (build_tools/search/overlay.py): the live documents are those of a full build, a
replaced page's old text is found no more although its postings stay, and past the overlay's
bounds the rebuild indexes everything again."""
from __future__ import annotations

import shutil

import pytest

from build_tools.benchmarks.browser import ranked_in_sites
from build_tools.search import overlay
from build_tools.search.extract import SearchPage, Section
from build_tools.search.index import build_index
from build_tools.search.overlay import COMPACT_SHARE
from build_tools.search.shards import dead_documents, full_state, read_documents, read_script, write_state
from build_tools.search.state import catalog_of
from projects import build_site, make_project
from test_incremental import notice

COUNT = 30  # three dead slots of thirty-two stay under COMPACT_SHARE, five do not
assert 3 <= COMPACT_SHARE * (COUNT + 2) < 5


def edited(number: int) -> str:
    return notice(number).replace("认真落实", "抓紧落实")


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    """{stage: (site after dirty rebuilds, site of a full build of the same sources)}: ``overlay`` after
    two rebuilds that added, edited (one page twice, the second time in the overlay) and deleted pages,
    ``compacted`` after a third that deleted past the bound."""
    tmp = tmp_path_factory.mktemp("incremental")
    sources = {f"n{i:02d}.txt": notice(i) for i in range(1, COUNT + 1)}
    project = make_project(tmp / "p", sources)
    dirty = tmp / "dirty"
    assert build_site(project, dirty, "--strict").returncode == 0
    steps = {"overlay": [{"n31.txt": notice(31), "n01.txt": edited(1)},
                         {"n31.txt": notice(31).replace("2024年3月31日", "2025年1月6日"), "n02.txt": None}],
             "compacted": [{"n03.txt": None, "n04.txt": None}]}
    found = {}
    for stage, changes in steps.items():
        for change in changes:
            for name, text in change.items():
                if text is None:
                    (project.sources / name).unlink()
                    sources.pop(name)
                else:
                    (project.sources / name).write_text(text, encoding="utf-8")
                    sources[name] = text
            assert build_site(project, dirty, "--dirty", "--no-strict").returncode == 0
        full = make_project(tmp / f"p-{stage}", sources)
        assert build_site(full, tmp / f"full-{stage}", "--strict").returncode == 0
        found[stage] = (shutil.copytree(dirty, tmp / f"dirty-{stage}"), tmp / f"full-{stage}")
    return found


def test_rebuilds_append_to_an_overlay_and_mark_replaced_slots_dead(sites):
    dirty, full = (site / "search-index" for site in sites["overlay"])
    meta = read_script(dirty / "meta.js")
    # n01 and n31 appended, n31 again: its first overlay slot is dead, like n01's and n02's base slots.
    assert meta["overlay"]["first_document"] == COUNT and meta["overlay"]["documents"] == 3
    assert dead_documents(dirty) == {0, 1, COUNT + 1}
    assert "overlay" not in read_script(full / "meta.js") and not dead_documents(full)
    assert sorted(meta["facet_order"]["year"]) == ["2024", "2025"]


def test_past_its_bounds_the_rebuild_indexes_everything_again(sites):
    dirty, _ = (site / "search-index" for site in sites["compacted"])
    assert "overlay" not in read_script(dirty / "meta.js") and not dead_documents(dirty)
    assert not (dirty / "o").exists() or not any((dirty / "o").rglob("*.js"))


@pytest.mark.parametrize("stage", ["overlay", "compacted"])
def test_live_documents_are_those_of_a_full_build(sites, stage):
    dirty, full = (sorted(read_documents(site / "search-index"), key=lambda doc: doc.url) for site in sites[stage])
    assert [(d.url, d.fields, d.sections) for d in dirty] == [(d.url, d.fields, d.sections) for d in full]
    assert len(dirty) == {"overlay": COUNT, "compacted": COUNT - 2}[stage]


@pytest.mark.parametrize("stage", ["overlay", "compacted"])
def test_the_browser_finds_what_a_full_build_finds(sites, stage):
    queries = ["认真落实", "抓紧落实", "测教发〔2024〕31号", "第2项工作", "第3项工作", "2025", "第31项 通知"]
    dirty, full = ranked_in_sites(sites[stage], queries)
    assert dirty == full  # the same documents in the same order
    assert "documents/n01/" not in dirty[0] and dirty[1] == ["documents/n01/"]
    assert dirty[2][0] == "documents/n31/" and dirty[3] == [] and "documents/n31/" in dirty[5]


def test_an_overlay_past_its_size_asks_for_a_full_index(tmp_path, monkeypatch):
    pages = [SearchPage(f"documents/{name}/", {"title": name}, [Section("", "", "职业教育")]) for name in "ab"]
    state = full_state(build_index(pages), pages)
    write_state(state, tmp_path, "search/")
    catalog = catalog_of(state)
    monkeypatch.setattr(overlay, "OVERLAY_BYTES", 200)
    assert overlay.update(catalog, [SearchPage("documents/c/", {}, [Section("", "", "短文")])], set())
    # 100 new bigrams of 7 bytes or more each: past 200 bytes of overlay postings.
    long_text = "".join(chr(0x4E00 + i) for i in range(101))
    assert not overlay.update(catalog, [SearchPage("documents/d/", {}, [Section("", "", long_text)])], set())
