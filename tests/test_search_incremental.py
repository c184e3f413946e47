"""A rebuild that renders a few pages appends them to the search index's overlay instead of
rebuilding it (build_tools/search/overlay.py): the live documents are those of a full build, a
replaced page's old text is found no more although its postings stay, a full overlay is kept as
one more range and a new one started, kept overlays of one tier are merged as one of the next, past
a share of dead slots the deadest part (a base range, a kept overlay of the top tier) is emptied a
few documents a rebuild and dropped, and a site that lost or damaged its files gets the whole index."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from build_tools.benchmarks.browser import ranked_in_sites
from build_tools.search import overlay, retire, state, tiers
from build_tools.search.extract import SECTIONS_VERSION, SearchPage, Section
from build_tools.search.index import build_index
from build_tools.search.retire import COMPACT_SHARE
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
    overlay) and deleted pages, ``retired`` after a third that deleted past ``COMPACT_SHARE``: the
    base's one range, the deadest part, has its 26 live documents moved at once (``retire.MOVES``)."""
    return rebuilt(tmp_path_factory.mktemp("incremental"), {
        "overlay": [{"n31.txt": notice(31), "n01.txt": edited(1)},
                    {"n31.txt": notice(31).replace("2024年3月31日", "2025年1月6日"), "n02.txt": None}],
        "retired": [{"n03.txt": None, "n04.txt": None}]})


def added(number: int) -> str:
    """A notice numbered past the month's days, dated otherwise."""
    return notice(number).replace(f"2024年3月{number}日", "2024年5月6日")


def build_with(settings: str):
    """``build_site`` with the search package's ``settings`` (Python statements) in force."""
    code = (f"import sys; from build_tools.search import documents, index, overlay, retire, tiers; {settings}; "
            "from mkdocs.__main__ import cli; sys.argv[0] = 'mkdocs'; cli()")

    def build(project, out, *extra):
        return subprocess.run([sys.executable, "-c", code, "build", "--site-dir", str(out), *extra],
                              cwd=project.root, capture_output=True, text=True, timeout=600)
    return build


# Overlays of two documents at most, two kept ones of a tier merged, display rows in blocks of two
# (an overlay's rows in several).
build_with_small_bounds = build_with("overlay.OVERLAY_DOCUMENTS = 2; tiers.FANOUT = 2; documents.BLOCK = 2")


@pytest.fixture(scope="module")
def kept_sites(tmp_path_factory):
    """With overlays of two documents, two kept ones of a tier merged: ``kept`` after three rebuilds,
    the second and third of which found the overlay full (the third also edits a page of the first
    kept one, and merges it with the second); ``merged`` after two more, the second of which merges
    twice in a row."""
    return rebuilt(tmp_path_factory.mktemp("kept"), {
        "kept": [{"n31.txt": notice(31), "n01.txt": edited(1)},
                 {"n31.txt": notice(31).replace("2024年3月31日", "2025年1月6日")},
                 {"n32.txt": added(32), "n01.txt": edited(1).replace("各学校", "各中小学校")}],
        "merged": [{"n33.txt": added(33)}, {"n34.txt": added(34), "n35.txt": added(35)}]},
        build=build_with_small_bounds)


def test_rebuilds_append_to_an_overlay_and_mark_replaced_slots_dead(sites):
    dirty, full = (site / "search-index" for site in sites["overlay"])
    meta = read_script(dirty / "meta.js")
    # n01 and n31 appended, n31 again: its first overlay slot is dead, like n01's and n02's base slots.
    assert [(o["path"], o["first_document"], o["documents"]) for o in meta["overlays"]] == [("o/", COUNT, 3)]
    assert dead_documents(dirty) == {0, 1, COUNT + 1}
    assert "overlays" not in read_script(full / "meta.js") and not dead_documents(full)
    assert sorted(meta["facet_order"]["year"]) == ["2024", "2025"]


def test_past_the_dead_share_the_deadest_range_is_emptied_and_dropped(sites):
    dirty, _ = (site / "search-index" for site in sites["retired"])
    meta = read_script(dirty / "meta.js")
    # The overlay's three, then the base's 26 live documents appended again; the base read no more.
    assert [(o["path"], o["first_document"], o["documents"]) for o in meta["overlays"]] == [("o/", COUNT, 3 + 26)]
    assert meta["bigram_shards"] == meta["unigram_shards"] == [0]
    assert not [path for kind in "bsdu" for path in (dirty / kind).rglob("*.js")]
    assert dead_documents(dirty) == {COUNT + 1}


@pytest.mark.parametrize("stage", ["overlay", "retired"])
def test_live_documents_are_those_of_a_full_build(sites, stage):
    dirty, full = (sorted(read_documents(site / "search-index"), key=lambda doc: doc.url) for site in sites[stage])
    assert [(d.url, d.fields, d.sections) for d in dirty] == [(d.url, d.fields, d.sections) for d in full]
    assert len(dirty) == {"overlay": COUNT, "retired": COUNT - 2}[stage]


@pytest.mark.parametrize("stage", ["overlay", "retired"])
def test_the_browser_finds_what_a_full_build_finds(sites, stage):
    queries = ["认真落实", "抓紧落实", "测教发〔2024〕31号", "第2项工作", "第3项工作", "2025", "第31项 通知"]
    dirty, full = ranked_in_sites(sites[stage], queries)
    assert dirty == full  # the same documents in the same order
    assert "documents/n01/" not in dirty[0] and dirty[1] == ["documents/n01/"]
    assert dirty[2][0] == "documents/n31/" and dirty[3] == [] and "documents/n31/" in dirty[5]


@pytest.fixture(scope="module")
def ranged_sites(tmp_path_factory):
    """Base ranges of eight documents, two moved a rebuild: ``ranged`` after a rebuild that edits n01
    to n04 (four dead slots of thirty, past COMPACT_SHARE: range 0, half dead, is to be emptied,
    but a build of more changes than MOVES moves none), a second that edits n09 (n05 and n06 moved)
    and a third that edits n10 (n07 and n08 moved: range 0 is dropped)."""
    return rebuilt(tmp_path_factory.mktemp("ranged"), {
        "ranged": [{f"n0{n}.txt": edited(n) for n in range(1, 5)}, {"n09.txt": edited(9)}, {"n10.txt": edited(10)}]},
        build=build_with("index.RANGE = documents.DOC_BLOCK = overlay.DOC_BLOCK = 8; "
                         "documents.BLOCK = 2; retire.MOVES = 2"))


def test_an_emptied_base_range_is_dropped_and_the_others_stay(ranged_sites):
    assert 3 <= COMPACT_SHARE * COUNT < 4
    dirty = ranged_sites["ranged"][0] / "search-index"
    meta = read_script(dirty / "meta.js")
    assert meta["bigram_shards"][0] == meta["unigram_shards"][0] == 0 and len(meta["bigram_shards"]) == 4
    assert all(meta["bigram_shards"][1:]) and all(meta["unigram_shards"][1:])
    # Range 0's postings, block and rows (documents 0 to 7, two a row file) are gone; range 1's stay.
    assert not (dirty / "b" / "0").exists() and not (dirty / "u" / "0").exists() and not (dirty / "s" / "0.js").exists()
    assert not any((dirty / "d" / f"{k}.js").exists() for k in range(4)) and (dirty / "d" / "4.js").exists()
    assert (dirty / "b" / "1").is_dir() and (dirty / "s" / "1.js").exists()
    # Four edits, then twice one edit and two moved; n09's and n10's base slots are dead.
    assert [(o["path"], o["first_document"], o["documents"]) for o in meta["overlays"]] == [("o/", COUNT, 10)]
    assert dead_documents(dirty) == {8, 9}
    dirty_docs, full_docs = (sorted(read_documents(site / "search-index"), key=lambda doc: doc.url)
                             for site in ranged_sites["ranged"])
    assert [(d.url, d.fields, d.sections) for d in dirty_docs] == [(d.url, d.fields, d.sections) for d in full_docs]
    queries = ["抓紧落实", "认真落实", "第6项工作", "第8项工作", "测教发〔2024〕7号", "第12项工作"]
    dirty, full = ranked_in_sites(ranged_sites["ranged"], queries)
    assert dirty == full  # the same documents in the same order
    assert sorted(dirty[0]) == [f"documents/n{n:02d}/" for n in (1, 2, 3, 4, 9, 10)]
    assert dirty[2][0] == "documents/n06/" and dirty[3][0] == "documents/n08/" and dirty[5][0] == "documents/n12/"


def text_page(name: str, first: int, length: int) -> SearchPage:
    """A page of ``length`` distinct characters from ``first`` on: ``length`` − 1 new bigrams."""
    return SearchPage(f"documents/{name}/", {}, [Section("", "", "".join(chr(first + i) for i in range(length)))])


def test_an_overlay_past_its_size_is_kept_and_a_page_past_it_alone_asks_for_a_full_index(tmp_path, monkeypatch):
    pages = [SearchPage(f"documents/{name}/", {"title": name}, [Section("", "", "职业教育")]) for name in "ab"]
    state = full_state(build_index(pages), pages)
    write_state(state, tmp_path, "search/")
    catalog = catalog_of(state)
    monkeypatch.setattr(overlay, "OVERLAY_BYTES", 200)
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


@pytest.mark.parametrize("stage", ["kept", "merged"])
def test_kept_overlays_find_what_a_full_build_finds(kept_sites, stage):
    dirty, full = (sorted(read_documents(site / "search-index"), key=lambda doc: doc.url) for site in kept_sites[stage])
    assert [(d.url, d.fields, d.sections) for d in dirty] == [(d.url, d.fields, d.sections) for d in full]
    queries = ["认真落实", "抓紧落实", "各中小学校", "测教发〔2024〕31号", "第32项工作", "2025", "5月6日", "第31项 通知"]
    dirty, full = ranked_in_sites(kept_sites[stage], queries)
    assert dirty == full  # the same documents in the same order
    assert dirty[1] == dirty[2] == ["documents/n01/"] and dirty[3][0] == "documents/n31/"
    assert dirty[4][0] == "documents/n32/" and "documents/n31/" in dirty[5]


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
        self.pages = {page.url: page for page in base}

    def add(self, number: int) -> bool:
        catalog = state.load(self.state_file)
        if not overlay.update(catalog, [numbered_page(number)], set(), self.out, state.tails_folder(self.state_file)):
            return False
        overlay.write_overlay(catalog, self.out, "search/")
        state.save(catalog, self.state_file)
        self.pages[numbered_page(number).url] = numbered_page(number)
        return True

    def rebuild(self, *pages: SearchPage) -> bool:
        """A rebuild that rendered ``pages`` (new or edited), as the search hook runs it."""
        self.pages.update((page.url, page) for page in pages)
        return overlay.append(self.state_file, self.out, list(pages), set(self.pages), "search/", self.pages.get) is not None

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


def test_a_kept_overlay_of_the_top_tier_is_emptied_a_few_documents_a_rebuild_and_dropped(tmp_path, monkeypatch):
    rebuilds = OnePageRebuilds(tmp_path, monkeypatch)
    monkeypatch.setattr(overlay, "OVERLAY_DOCUMENTS", 2)
    monkeypatch.setattr(tiers, "TOP_TIER", 1)
    # Pages 0 to 3 (documents 2 to 5) kept in two overlays and merged (the top tier); 4 in the overlay.
    assert all(rebuilds.add(number) for number in range(5))
    assert rebuilds.kept() == [(2, 4, 1)]
    # Page 0 edited: one dead slot of seven, past COMPACT_SHARE; of the base's range (none dead) and
    # the kept overlay (one of four), the latter is emptied. Its document 3 is moved beside page 0's
    # new text (the overlay holds two), then in a rebuild of no change documents 4 and 5.
    edited = SearchPage("documents/p0/", {"title": "第0号通知"}, [Section("", "", "职业教育第0项工作已完成")])
    assert rebuilds.rebuild(edited)
    catalog = state.load(rebuilds.state_file)
    assert catalog.retiring == 2 and catalog.urls[7:] == ["documents/p0/", "documents/p1/"] and catalog.dead == {2, 3}
    assert (rebuilds.out / "x" / "0").is_dir()
    assert rebuilds.rebuild()
    catalog = state.load(rebuilds.state_file)
    assert catalog.retired == {2} and catalog.retiring is None and catalog.dead == {2, 3, 4, 5}
    assert catalog.urls[2:6] == catalog.digests[2:6] == [""] * 4  # the state stays the archive's size
    assert not (rebuilds.out / "x" / "0").exists() and not (state.tails_folder(rebuilds.state_file) / "0.pickle").exists()
    assert "x/0/" not in [o["path"] for o in read_script(rebuilds.out / "meta.js")["overlays"]]
    found = {doc.url: doc.sections for doc in read_documents(rebuilds.out)}
    assert sorted(found) == sorted(rebuilds.pages) and found["documents/p0/"][0][2] == "职业教育第0项工作已完成"
    assert found["documents/p3/"] == [["", "", "职业教育第3项工作"], ["a", "", "职业技能"]]


def test_a_rebuild_that_changes_a_large_share_indexes_everything_again(tmp_path, monkeypatch):
    rebuilds = OnePageRebuilds(tmp_path, monkeypatch)
    assert all(rebuilds.add(number) for number in range(2))
    # Two of four slots dead in one build: past FULL_SHARE, moving a few a rebuild would fall behind.
    assert 1 / 4 <= retire.FULL_SHARE < 2 / 4
    assert not rebuilds.rebuild(*(SearchPage(f"documents/p{n}/", {}, [Section("", "", "改")]) for n in (10, 11)))


def test_a_part_with_few_dead_slots_is_not_emptied(tmp_path, monkeypatch):
    rebuilds = OnePageRebuilds(tmp_path, monkeypatch)
    assert all(rebuilds.add(number) for number in range(3))
    # Page 0 edited: one dead slot of five (past COMPACT_SHARE), in a kept overlay below the top
    # tier; the base's range has none, and moving it would free nothing.
    assert rebuilds.rebuild(SearchPage("documents/p0/", {}, [Section("", "", "改")]))
    catalog = state.load(rebuilds.state_file)
    assert catalog.dead == {2} and catalog.retiring is None and len(catalog.urls) == 6


def test_a_rebuild_that_changed_no_document_leaves_the_index_as_it_is(tmp_path, monkeypatch):
    rebuilds = OnePageRebuilds(tmp_path, monkeypatch)
    assert all(rebuilds.add(number) for number in range(2))
    files = {path: (path.read_bytes(), path.stat().st_mtime_ns) for path in [*rebuilds.out.rglob("*.js"), rebuilds.state_file]}
    unchanged = SearchPage("documents/p1/", {"title": "第1号通知"}, numbered_page(1).sections)
    assert rebuilds.rebuild() and rebuilds.rebuild(unchanged)
    assert {path: (path.read_bytes(), path.stat().st_mtime_ns) for path in files} == files
    assert sorted(rebuilds.out.rglob("*.js")) == sorted(path for path in files if path != rebuilds.state_file)
    # An edit is appended as before.
    assert rebuilds.rebuild(SearchPage("documents/p1/", {}, [Section("", "", "改")]))
    assert state.load(rebuilds.state_file).urls[-1] == "documents/p1/"


def test_the_engine_ranks_base_documents_as_the_overlays_expect():
    engine = (Path(overlay.__file__).parent / "assets" / "archive-search-engine.js").read_text(encoding="utf-8")
    assert f"var ORDER = {overlay.ORDER};" in engine


def test_a_build_drops_the_pages_cached_for_another_sections_version(tmp_path):
    project = make_project(tmp_path / "p", {"n01.txt": notice(1)})
    stale = project.root / ".cache" / "search-pages-v1"
    stale.mkdir(parents=True)
    (stale / "documents__n01.md.json").write_text("{}", encoding="utf-8")
    assert build_site(project, tmp_path / "site", "--strict").returncode == 0
    cached = sorted(path.name for path in (project.root / ".cache").glob("search-pages-v*"))
    assert cached == [f"search-pages-v{SECTIONS_VERSION}"]
