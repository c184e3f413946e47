"""A rebuild that renders a few pages appends them to the search index instead of rebuilding it
(build_tools/search/state.py): the live documents are those of a full build, and a replaced
page's old text is found no more although its postings stay in the shards."""
from __future__ import annotations

import shutil

import pytest

from build_tools.benchmarks.browser import chromium, ranked_urls, serve, wait_for_search
from build_tools.search.shards import dead_documents, read_documents
from projects import build_site, make_project
from test_incremental import notice

COUNT = 12  # one replaced page of twelve stays under state.COMPACT_SHARE


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    """(site after a dirty rebuild, site of a full build) of the same sources."""
    tmp = tmp_path_factory.mktemp("incremental")
    project = make_project(tmp / "p", {f"n{i:02d}.txt": notice(i) for i in range(1, COUNT + 1)})
    dirty = tmp / "dirty"
    assert build_site(project, dirty, "--strict").returncode == 0
    (project.sources / "n13.txt").write_text(notice(13), encoding="utf-8")
    (project.sources / "n01.txt").write_text(notice(1).replace("认真落实", "抓紧落实"), encoding="utf-8")
    assert build_site(project, dirty, "--dirty", "--no-strict").returncode == 0
    shutil.rmtree(project.root / ".cache")
    full = tmp / "full"
    assert build_site(project, full, "--strict").returncode == 0
    return dirty, full


def test_the_rebuild_appended_instead_of_rebuilding(sites):
    dirty, full = sites
    assert dead_documents(dirty / "search-index") and not dead_documents(full / "search-index")


def test_live_documents_are_those_of_a_full_build(sites):
    dirty, full = (sorted(read_documents(site / "search-index"), key=lambda doc: doc.url) for site in sites)
    assert [(d.url, d.fields, d.sections) for d in dirty] == [(d.url, d.fields, d.sections) for d in full]
    assert len(dirty) == COUNT + 1


def test_the_browser_finds_what_a_full_build_finds(sites):
    queries = ["认真落实", "抓紧落实", "测教发〔2024〕13号", "第1项工作"]
    found = []
    with chromium() as browser:
        for site in sites:
            with serve(site) as base:
                tab = browser.new_page()
                tab.goto(base)
                wait_for_search(tab)
                found.append([sorted(urls) for urls in ranked_urls(tab, queries)])
                tab.close()
    dirty, full = found
    assert dirty == full
    assert "documents/n01/" not in dirty[0] and dirty[1] == ["documents/n01/"]
    assert dirty[2] == ["documents/n13/"]
