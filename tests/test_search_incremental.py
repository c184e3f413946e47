"""A rebuild that renders a few pages appends them to the search index's overlay instead of
rebuilding it (build_tools/search/overlay.py): the live documents are those of a full build, a
replaced page's old text is found no more although its postings stay, a full overlay is kept as
one more range and a new one started, kept overlays of one tier are merged as one of the next, and
past the bounds (dead slots, documents appended) the rebuild indexes everything again."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from build_tools.benchmarks.browser import ranked_in_sites
from build_tools.search import overlay, state, tiers
from build_tools.search.extract import SearchPage, Section
from build_tools.search.index import build_index
from build_tools.search.overlay import APPENDED_SHARE, COMPACT_SHARE
from build_tools.search.shards import dead_documents, full_state, read_documents, read_script, write_state
from build_tools.search.state import Overlay, catalog_of
from projects import build_site, make_project
from test_incremental import notice

COUNT = 30  # three dead slots of thirty-two stay under COMPACT_SHARE, five do not
assert 3 <= COMPACT_SHARE * (COUNT + 2) < 5


def edited(number: int) -> str:
    return notice(number).replace("认真落实", "抓紧落实")


def rebuilt(tmp, steps: dict[str, list[dict]], build=build_site) -> dict:
    """{stage: (site after dirty rebuilds, site of a full build of the same sources)}: ``COUNT`` notices
    built in full, then each stage's changes (file name → text, or None to delete; ``site/<path>``:
    that folder of the site deleted, or that file of it overwritten), a ``--dirty`` rebuild after each, and the site copied at the
    end of the stage."""
    sources = {f"n{i:02d}.txt": notice(i) for i in range(1, COUNT + 1)}
    project = make_project(tmp / "p", sources)
    dirty = tmp / "dirty"
    assert build(project, dirty, "--strict").returncode == 0
    found = {}
    for stage, changes in steps.items():
        for change in changes:
            for name, text in change.items():
                if name.startswith("site/") and text is None:  # a folder of the built site lost
                    shutil.rmtree(dirty / name.removeprefix("site/"))
                elif name.startswith("site/"):  # a file of the built site damaged
                    (dirty / name.removeprefix("site/")).write_text(text, encoding="utf-8")
                elif text is None:
                    (project.sources / name).unlink()
                    sources.pop(name)
                else:
                    (project.sources / name).write_text(text, encoding="utf-8")
                    sources[name] = text
            assert build(project, dirty, "--dirty", "--no-strict").returncode == 0
        full = make_project(tmp / f"p-{stage}", sources)
        assert build_site(full, tmp / f"full-{stage}", "--strict").returncode == 0
        found[stage] = (shutil.copytree(dirty, tmp / f"dirty-{stage}"), tmp / f"full-{stage}")
    return found


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    """``overlay`` after two rebuilds that added, edited (one page twice, the second time in the
    overlay) and deleted pages, ``compacted`` after a third that deleted past the bound."""
    return rebuilt(tmp_path_factory.mktemp("incremental"), {
        "overlay": [{"n31.txt": notice(31), "n01.txt": edited(1)},
                    {"n31.txt": notice(31).replace("2024年3月31日", "2025年1月6日"), "n02.txt": None}],
        "compacted": [{"n03.txt": None, "n04.txt": None}]})


def added(number: int) -> str:
    """A notice numbered past the month's days, dated otherwise."""
    return notice(number).replace(f"2024年3月{number}日", "2024年5月6日")


def build_with_small_bounds(project, out, *extra):
    """``build_site`` with overlays of two documents at most, two kept ones of a tier merged, and
    display rows in blocks of two (an overlay's rows in several)."""
    code = ("import sys; from build_tools.search import documents, overlay, tiers; overlay.OVERLAY_DOCUMENTS = 2; "
            "tiers.FANOUT = 2; documents.BLOCK = 2; from mkdocs.__main__ import cli; sys.argv[0] = 'mkdocs'; cli()")
    return subprocess.run([sys.executable, "-c", code, "build", "--site-dir", str(out), *extra],
                          cwd=project.root, capture_output=True, text=True, timeout=600)


# Eight documents appended to 38 slots stay under APPENDED_SHARE, eleven to 41 do not.
assert 8 <= APPENDED_SHARE * (COUNT + 8) < APPENDED_SHARE * (COUNT + 11) < 11


@pytest.fixture(scope="module")
def kept_sites(tmp_path_factory):
    """With overlays of two documents, two kept ones of a tier merged: ``kept`` after three rebuilds,
    the second and third of which found the overlay full (the third also edits a page of the first
    kept one, and merges it with the second); ``merged`` after two more, the second of which merges
    twice in a row; ``limit`` after a sixth, past the documents appended."""
    return rebuilt(tmp_path_factory.mktemp("kept"), {
        "kept": [{"n31.txt": notice(31), "n01.txt": edited(1)},
                 {"n31.txt": notice(31).replace("2024年3月31日", "2025年1月6日")},
                 {"n32.txt": added(32), "n01.txt": edited(1).replace("各学校", "各中小学校")}],
        "merged": [{"n33.txt": added(33)}, {"n34.txt": added(34), "n35.txt": added(35)}],
        "limit": [{"n36.txt": added(36), "n37.txt": added(37), "n38.txt": added(38)}]},
        build=build_with_small_bounds)


def test_rebuilds_append_to_an_overlay_and_mark_replaced_slots_dead(sites):
    dirty, full = (site / "search-index" for site in sites["overlay"])
    meta = read_script(dirty / "meta.js")
    # n01 and n31 appended, n31 again: its first overlay slot is dead, like n01's and n02's base slots.
    assert [(o["path"], o["first_document"], o["documents"]) for o in meta["overlays"]] == [("o/", COUNT, 3)]
    assert dead_documents(dirty) == {0, 1, COUNT + 1}
    assert "overlays" not in read_script(full / "meta.js") and not dead_documents(full)
    assert sorted(meta["facet_order"]["year"]) == ["2024", "2025"]


def test_past_its_bounds_the_rebuild_indexes_everything_again(sites):
    dirty, _ = (site / "search-index" for site in sites["compacted"])
    assert "overlays" not in read_script(dirty / "meta.js") and not dead_documents(dirty)
    assert not (dirty / "o").exists() or not any((dirty / "o").rglob("*.js"))
    assert not (dirty / "x").exists()


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


def text_page(name: str, first: int, length: int) -> SearchPage:
    """A page of ``length`` distinct characters from ``first`` on: ``length`` − 1 new bigrams."""
    return SearchPage(f"documents/{name}/", {}, [Section("", "", "".join(chr(first + i) for i in range(length)))])


def test_an_overlay_past_its_size_is_kept_and_a_page_past_it_alone_asks_for_a_full_index(tmp_path, monkeypatch):
    pages = [SearchPage(f"documents/{name}/", {"title": name}, [Section("", "", "职业教育")]) for name in "ab"]
    state = full_state(build_index(pages), pages)
    write_state(state, tmp_path, "search/")
    catalog = catalog_of(state)
    monkeypatch.setattr(overlay, "OVERLAY_BYTES", 200)
    monkeypatch.setattr(overlay, "APPENDED_SHARE", 1)
    # 14 new bigrams of 7 bytes or more each: under 200 bytes of overlay postings, twice that past it.
    assert overlay.update(catalog, [text_page("c", 0x4E00, 15)], set(), tmp_path, tmp_path / "tails")
    assert not catalog.kept
    assert overlay.update(catalog, [text_page("d", 0x4F00, 15)], set(), tmp_path, tmp_path / "tails")
    assert [kept.first_document for kept in catalog.kept] == [2] and catalog.overlay.first_document == 3
    assert len(catalog.overlay.documents) == 1 and catalog.unwritten == {0}
    # The kept overlay's last sections are its own, not those of the page that did not fit.
    assert max(catalog.kept[0].last_section.values()) < catalog.kept[0].end_section
    # 100 new bigrams: past 200 bytes even in an empty overlay.
    assert not overlay.update(catalog, [text_page("e", 0x5000, 101)], set(), tmp_path, tmp_path / "tails")


@pytest.fixture(scope="module")
def lost_sites(tmp_path_factory):
    """With overlays of two documents: ``lost`` after one was kept (n31, n32) and its folder then
    deleted before the next rebuild, which adds n34 beside n33 in the current overlay; ``damaged``
    after a rebuild that edits n01 once the base block holding it was damaged."""
    return rebuilt(tmp_path_factory.mktemp("lost"), {
        "lost": [{"n31.txt": notice(31), "n32.txt": added(32)}, {"n33.txt": added(33)},
                 {"site/search-index/x/0": None, "n34.txt": added(34)}],
        "damaged": [{"site/search-index/s/0.js": '__archiveSearchData("s/0","abcde");\n', "n01.txt": edited(1)}]},
        build=build_with_small_bounds)


@pytest.mark.parametrize("stage", ["lost", "damaged"])
def test_a_site_that_lost_a_kept_overlay_or_has_a_damaged_block_gets_the_whole_index_again(lost_sites, stage):
    dirty, full = (site / "search-index" for site in lost_sites[stage])
    assert "overlays" not in read_script(dirty / "meta.js") and not dead_documents(dirty)
    assert [(d.url, d.sections) for d in read_documents(dirty)] == [(d.url, d.sections) for d in read_documents(full)]


def test_a_full_overlay_is_kept_and_two_of_a_tier_merged(kept_sites):
    dirty = kept_sites["kept"][0] / "search-index"
    meta = read_script(dirty / "meta.js")
    # n01 and n31 appended (30, 31), kept; n31 again (32) in a new overlay, kept when n01 and n32
    # came (33, 34), and merged with the first.
    assert [(o["path"], o["first_document"], o["documents"]) for o in meta["overlays"]] == [
        ("x/0/", COUNT, 3), ("o/", COUNT + 3, 2)]
    # n01's base slot (0); in the merged overlay n01's first edit (30) and n31's first version (31).
    assert dead_documents(dirty) == {0, COUNT, COUNT + 1}
    assert all(any((dirty / o["path"] / kind).glob("*.js")) for o in meta["overlays"] for kind in "bud")
    assert not (dirty / "x" / "1").exists()


def test_merges_run_on_through_the_tiers(kept_sites):
    dirty = kept_sites["merged"][0] / "search-index"
    meta = read_script(dirty / "meta.js")
    # n33 (35) kept beside the merged overlay; then n34 and n35 (36, 37) kept it with n33, two of
    # the first tier merged, then two of the second.
    assert [(o["path"], o["first_document"], o["documents"]) for o in meta["overlays"]] == [
        ("x/0/", COUNT, 6), ("o/", COUNT + 6, 2)]
    assert sorted(path.name for path in (dirty / "x").iterdir()) == ["0"]
    assert dead_documents(dirty) == {0, COUNT, COUNT + 1}


@pytest.mark.parametrize("stage", ["kept", "merged", "limit"])
def test_kept_overlays_find_what_a_full_build_finds(kept_sites, stage):
    dirty, full = (sorted(read_documents(site / "search-index"), key=lambda doc: doc.url) for site in kept_sites[stage])
    assert [(d.url, d.fields, d.sections) for d in dirty] == [(d.url, d.fields, d.sections) for d in full]
    queries = ["认真落实", "抓紧落实", "各中小学校", "测教发〔2024〕31号", "第32项工作", "2025", "5月6日", "第31项 通知"]
    dirty, full = ranked_in_sites(kept_sites[stage], queries)
    assert dirty == full  # the same documents in the same order
    assert dirty[1] == dirty[2] == ["documents/n01/"] and dirty[3][0] == "documents/n31/"
    assert dirty[4][0] == "documents/n32/" and "documents/n31/" in dirty[5]


def test_past_the_documents_appended_the_rebuild_indexes_everything_again(kept_sites):
    dirty = kept_sites["limit"][0] / "search-index"
    assert "overlays" not in read_script(dirty / "meta.js") and not dead_documents(dirty)
    assert not (dirty / "x").exists()


def numbered_page(number: int) -> SearchPage:
    """Pages that share most bigrams (职业, 教育 …) and characters, each with some of its own."""
    return SearchPage(f"documents/p{number}/", {"title": f"第{number}号通知"},
                      [Section("", "", f"职业教育第{number}项工作" * (number % 3 + 1)), Section("a", "", "职业技能")])


class OnePageRebuilds:
    """An index of two pages built in full, then rebuilds that each add one page, as builds would
    (the catalog loaded and saved each time), with one document an overlay and two kept of a tier merged."""

    def __init__(self, folder: Path, monkeypatch):
        base = [numbered_page(number) for number in (10, 11)]
        self.full = full_state(build_index(base), base)
        self.out, self.state_file = folder / "index", folder / "state.pickle"
        write_state(self.full, self.out, "search/")
        state.save(catalog_of(self.full), self.state_file)
        monkeypatch.setattr(overlay, "OVERLAY_DOCUMENTS", 1)
        monkeypatch.setattr(tiers, "FANOUT", 2)
        monkeypatch.setattr(overlay, "APPENDED_SHARE", 1)

    def add(self, number: int) -> bool:
        catalog = state.load(self.state_file)
        if not overlay.update(catalog, [numbered_page(number)], set(), self.out, state.tails_folder(self.state_file)):
            return False
        overlay.write_overlay(catalog, self.out, "search/")
        state.save(catalog, self.state_file)
        return True

    def kept(self) -> list[tuple[int, int, int]]:
        """Per kept overlay: first document, documents, tier."""
        return [(kept.first_document, len(kept.documents), kept.tier) for kept in state.load(self.state_file).kept]


def test_merged_overlays_hold_the_postings_of_one_index_of_their_pages(tmp_path, monkeypatch):
    one_index = Overlay(2, full_state(build_index([numbered_page(10), numbered_page(11)])).section_count)
    assert overlay.appended(one_index, [numbered_page(number) for number in range(4)])
    rebuilds = OnePageRebuilds(tmp_path, monkeypatch)
    # After the fifth page, the first four merged twice over (tier 2).
    assert all(rebuilds.add(number) for number in range(5))
    assert rebuilds.kept() == [(2, 4, 2)]
    merged = state.load(rebuilds.state_file).kept[0]
    assert tiers.read_postings(merged, rebuilds.out / "x" / "0", state.tails_folder(rebuilds.state_file), 0)
    assert merged.bigrams == one_index.bigrams and merged.unigrams == one_index.unigrams
    assert merged.last_section == one_index.last_section
    # The sixth keeps the fifth beside it; the seventh's merge finds the sixth's tails lost.
    assert rebuilds.add(5)
    (state.tails_folder(rebuilds.state_file) / "1.pickle").unlink()
    assert not rebuilds.add(6)


def test_a_merge_that_finds_a_kept_overlay_unreadable_asks_for_a_full_index(tmp_path, monkeypatch):
    rebuilds = OnePageRebuilds(tmp_path, monkeypatch)
    assert all(rebuilds.add(number) for number in range(4))
    assert rebuilds.kept() == [(2, 2, 1), (4, 1, 0)]
    # The next rebuild keeps the fourth page's overlay and merges it with x/1, whose file is damaged.
    (rebuilds.out / "x" / "1" / "u" / "0.js").write_text('__archiveSearchData("x/1/u/0","abcde");\n', encoding="utf-8")
    assert not rebuilds.add(4)


def test_overlays_of_the_top_tier_are_merged_no_further(tmp_path, monkeypatch):
    rebuilds = OnePageRebuilds(tmp_path, monkeypatch)
    monkeypatch.setattr(tiers, "TOP_TIER", 1)
    assert all(rebuilds.add(number) for number in range(5))
    assert rebuilds.kept() == [(2, 2, 1), (4, 2, 1)]


def test_the_engine_ranks_base_documents_as_the_overlays_expect():
    engine = (Path(overlay.__file__).parent / "assets" / "archive-search-engine.js").read_text(encoding="utf-8")
    assert f"var ORDER = {overlay.ORDER};" in engine
