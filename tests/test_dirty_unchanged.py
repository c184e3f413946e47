"""A ``--dirty`` rebuild leaves unmodified pages out of MkDocs' page loop (``mkdocs_glue.unchanged``),
yet the site is the one a full build gives: pages it did not render stay as they were, the pages
it renders still link to them, the sitemap is unchanged and the log is not flooded (issue 16)."""
from __future__ import annotations

import os
import posixpath
from pathlib import Path
from types import SimpleNamespace

from bs4 import BeautifulSoup

from build_tools.mkdocs_glue.stale import remove_stale_output
from build_tools.mkdocs_glue.originals import originals
from build_tools.project import Project
from build_tools.search.shards import read_documents
from projects import build_site, make_project
from test_incremental import notice
from test_incremental_site import differing_files


def links_from(page: Path, site: Path) -> set[str]:
    """Site-relative folders the page's links point to."""
    folder = posixpath.dirname(page.relative_to(site).as_posix())
    hrefs = (a["href"] for a in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").find_all("a", href=True))
    return {posixpath.normpath(posixpath.join(folder, href.split("#")[0])) for href in hrefs}


def edited_and_rebuilt(tmp_path, site_url: str = ""):
    """Eight notices built in full, n1's body edited and the site rebuilt with --dirty:
    (project, site, stderr of the rebuild, {page: mtime} before it)."""
    project = make_project(tmp_path / "p", {f"n{i}.txt": notice(i) for i in range(1, 9)})
    if site_url:
        config = project.root / "mkdocs.yml"
        config.write_text(config.read_text(encoding="utf-8").replace('site_url: ""', f"site_url: {site_url}"), encoding="utf-8")
    site = tmp_path / "site"
    assert build_site(project, site, "--strict").returncode == 0
    times = {page: page.stat().st_mtime_ns for page in site.rglob("index.html")}
    (project.sources / "n1.txt").write_text(notice(1).replace("认真落实", "抓紧落实"), encoding="utf-8")
    result = build_site(project, site, "--dirty", "--no-strict")  # MkDocs warns on --dirty
    assert result.returncode == 0, result.stderr[-3000:]
    return project, site, result.stderr, times


def test_a_dirty_rebuild_leaves_unchanged_pages_alone_and_links_them(tmp_path):
    project, site, log, times = edited_and_rebuilt(tmp_path)
    edited = site / "documents" / "n1" / "index.html"
    assert "抓紧落实" in edited.read_text(encoding="utf-8") and edited.stat().st_mtime_ns != times[edited]
    untouched = {page.parent.relative_to(site).as_posix() for page, time in times.items()
                 if page.parent.parent.name == "documents" and page.stat().st_mtime_ns == time}
    # The edited notice lists notices near it in date, pages this build did not render: the links resolve.
    assert untouched & links_from(edited, site)
    assert "which is excluded from the built site" not in log
    full = tmp_path / "full"
    assert build_site(project, full, "--strict").returncode == 0
    # sitemap.xml.gz embeds a timestamp; sitemap.xml itself must be the same. The search index holds
    # the edit in an overlay (its slot of eight dead, the base range emptied: search.retire), so
    # its files differ from a full build's but its live documents are the same.
    assert [path for path in differing_files(site, full)
            if path != "sitemap.xml.gz" and not path.startswith("search-index/")] == []
    dirty_docs, full_docs = (sorted(read_documents(built / "search-index"), key=lambda doc: doc.url) for built in (site, full))
    assert [(d.url, d.fields, d.sections) for d in dirty_docs] == [(d.url, d.fields, d.sections) for d in full_docs]


def test_with_a_site_url_the_sitemap_of_a_dirty_rebuild_lists_every_page(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # the pages' <lastmod>
    project, site, _, _ = edited_and_rebuilt(tmp_path, "https://archive.example.org/")
    full = tmp_path / "full"
    assert build_site(project, full, "--strict").returncode == 0
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "https://archive.example.org/documents/n5/" in sitemap
    assert sitemap == (full / "sitemap.xml").read_text(encoding="utf-8")


def test_stale_output_goes_without_listing_each_pages_folder(tmp_path):
    site = tmp_path / "site"
    kept = ["documents/a/index.html", "browse/issuer/index.html", "browse/issuer/x/index.html", "originals/a.pdf"]
    stale = ["documents/gone/index.html", "browse/issuer/old/index.html", "browse/stale.html", "originals/b.pdf"]
    for path in kept + stale + ["assets/kept.css"]:
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text("x", encoding="utf-8")
    files = [SimpleNamespace(abs_dest_path=os.path.normpath(site / path)) for path in kept]
    remove_stale_output(files, SimpleNamespace(site_dir=str(site)))
    found = sorted(path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file())
    assert found == sorted(kept + ["assets/kept.css"])
    assert not (site / "documents" / "gone").exists() and not (site / "browse" / "issuer" / "old").exists()


def test_files_of_record_are_told_from_their_names(tmp_path):
    project = Project(tmp_path)
    project.sources.mkdir()
    for name in ("a.txt", "b.pdf", "c.docx", ".d.pdf", "e.html", "notes.yml"):
        (project.sources / name).write_bytes(b"x")
    (project.sources / "folder.pdf").mkdir()
    assert [path.name for path in originals(project)] == ["b.pdf", "c.docx", "e.html"]
    assert originals(Project(tmp_path / "missing")) == []
