"""Postings come in ranges of documents (build_tools/search/index.py, RANGE) so that a query's first
results need only the first range's shards: the browser shows those first, then merges the other
ranges' results, and the final ranking is the one a single range gives."""
from __future__ import annotations

import shutil

import pytest

from build_tools.benchmarks.browser import chromium, ranked_in_sites, serve, wait_for_search
from build_tools.search import documents, index
from build_tools.search.extract import SearchPage, Section
from build_tools.search.index import build_index
from build_tools.search.shards import read_documents, read_script, write_shards
from build_tools.mkdocs_glue.index_process import full_index
from build_tools.mkdocs_glue.search_hooks import ASSETS

NUMBER = "云阳府发〔2022〕4号"
PAGES = [
    SearchPage("documents/a/", {"title": "甲"}, [Section("", "", "发展职业教育。")]),
    SearchPage("documents/b/", {"title": "乙"}, [Section("", "", f"根据{NUMBER}的要求。")]),
    SearchPage("documents/c/", {"title": "丙"}, [Section("", "", "职业培训与教育。")]),
    SearchPage("documents/d/", {"title": "丁"}, [Section("", "", "职业教育。职业教育。")]),
    SearchPage("documents/e/", {"title": "戊"}, [Section("", "", "其他事项。")]),
    SearchPage("documents/f/", {"title": "职业教育办法"}, [Section("", "", "总则。")]),
    SearchPage("documents/g/", {"title": "庚", "doc_number": NUMBER}, [Section("", "", "关于职业教育的通知。")]),
]
QUERIES = ["职业教育", "职业 教育", "云阳府发 2022 4", NUMBER, "教育", "没有的词"]


def site(folder, pages):
    """A folder the engine runs in: its script, a page loading it, the index."""
    assets = folder / "assets" / "archive-search"
    assets.mkdir(parents=True)
    shutil.copy(ASSETS / "archive-search-engine.js", assets)
    (folder / "index.html").write_text(
        '<!doctype html><meta charset="utf-8"><script src="assets/archive-search/archive-search-engine.js"></script>',
        encoding="utf-8")
    write_shards(build_index(pages), folder / "search-index", "search/")
    return folder


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    """(index in one range, the same index in ranges of two documents)."""
    tmp = tmp_path_factory.mktemp("ranges")
    whole = site(tmp / "whole", PAGES)
    with pytest.MonkeyPatch.context() as patch:
        for module in (index, documents):
            patch.setattr(module, "RANGE" if module is index else "DOC_BLOCK", 2)
        ranged = site(tmp / "ranged", PAGES)
        assert [d.url for d in read_documents(ranged / "search-index")] == [p.url for p in PAGES]
    return whole, ranged


def test_each_range_has_shards_of_its_own(sites):
    whole, ranged = (read_script(folder / "search-index" / "meta.js") for folder in sites)
    assert len(whole["bigram_shards"]) == 1 and len(ranged["bigram_shards"]) == 4
    # 通知 is only in g, the last range: only that range's shards hold it.
    holding = {path.parent.name for path in (sites[1] / "search-index" / "b").rglob("*.js")
               if "通知" in path.read_text(encoding="utf-8")}
    assert holding == {"3"}


def test_ranges_give_the_ranking_of_one(sites):
    whole, ranged = ranked_in_sites(sites, QUERIES)
    assert ranged == whole
    # By hand: the number's own document first, then the one citing it; the title match first of the phrase.
    assert ranged[2][:2] == ["documents/g/", "documents/b/"]
    assert ranged[0][0] == "documents/f/" and set(ranged[0]) == {"documents/a/", "documents/d/", "documents/f/", "documents/g/"}
    assert "documents/c/" in ranged[1] and "documents/c/" not in ranged[0] and ranged[5] == []


def test_first_results_come_from_the_first_range_before_the_others_load(sites):
    with chromium() as browser, serve(sites[1]) as base:
        tab = browser.new_page()
        tab.goto(base)
        wait_for_search(tab)
        partial, final = tab.evaluate("""async (q) => {
            let early = null;
            const done = await archiveSearch.search(q, null, (outcome) => {
                early = {n: outcome.results.map((r) => r.n), complete: outcome.complete};
                // As the page does: the results shown, then the promise settles. Script tags are
                // added as soon as a file is wanted, so the later ranges' would be here already.
                return Promise.resolve().then(() => {
                    early.loaded = Array.from(document.scripts, (tag) => tag.src);
                });
            });
            return [early, {n: done.results.map((r) => r.n), complete: done.complete}];
        }""", "职业教育")
        tab.close()
    assert partial["n"] == [0] and not partial["complete"]  # a, the first range's only match
    assert not any("/b/1/" in name or "/b/2/" in name for name in partial["loaded"])
    assert final["complete"] and sorted(final["n"]) == [0, 3, 5, 6]


def test_ranges_worked_out_by_worker_processes_give_the_same_files(tmp_path):
    """A rebuild indexing every page again has each range's postings worked out by a pool: the files
    must be those of one process, byte for byte."""
    with pytest.MonkeyPatch.context() as patch:
        for module in (index, documents):
            patch.setattr(module, "RANGE" if module is index else "DOC_BLOCK", 2)
        alone = full_index(iter(PAGES), tmp_path / "alone", "search/", tmp_path / "alone.pickle")
        pooled = full_index(iter(PAGES), tmp_path / "pooled", "search/", tmp_path / "pooled.pickle", workers=2)
    assert pooled == alone
    files = {folder: {path.relative_to(tmp_path / folder): path.read_bytes()
                      for path in (tmp_path / folder).rglob("*") if path.is_file()} for folder in ("alone", "pooled")}
    assert len(files["alone"]) > 10 and files["pooled"] == files["alone"]
    assert len(read_script(tmp_path / "pooled" / "meta.js")["bigram_shards"]) == 4
    assert (tmp_path / "alone.pickle").read_bytes() == (tmp_path / "pooled.pickle").read_bytes()
