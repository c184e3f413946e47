"""Offline bundle: unit tests of its parts, then the real zip opened from file://.

The end-to-end tests unzip the bundle into a temporary folder and drive
Debian's chromium over file:// URLs, recording every request the pages make.
"""
from __future__ import annotations

import datetime
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

from build_tools.bundle.offline import BundleError, external_loads, make_bundle, write_zip
from build_tools.benchmarks.browser import chromium
from conftest import HEADER_RESULT, SEEDS, wait_for_header_results
from projects import copy_project, make_project
from test_incremental import notice

BUILD_DATE = datetime.date(2024, 5, 6)
# URL schemes that never leave the machine.
LOCAL = ("file:", "data:", "blob:", "about:")
# A document with headings and annexes (read in source_docs/: 附件一, 附件二).
REPORT = "qujing-qilin-zhijiao-jituan-2020-zhiliang-baogao"


def test_external_loads_finds_scripts_styles_fonts_and_images_from_other_hosts(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "page.html").write_text(
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Noto">'
        '<script src="//unpkg.com/iframe-worker/shim"></script>'
        '<img src="HTTP://example.org/logo.png">'
        '<a href="https://www.gov.cn/">a link is only followed on a click</a>'
        '<script src="../assets/local.js"></script>', encoding="utf-8")
    (tmp_path / "a" / "fonts.css").write_text(
        '@import "https://fonts.googleapis.com/css2";\n'
        '@font-face { src: url("../fonts/noto.woff2"), url( https://fonts.gstatic.com/n.woff2 ); }\n'
        '.icon { background: url(data:image/svg+xml;base64,AAAA); }', encoding="utf-8")
    assert external_loads(tmp_path) == [
        "a/page.html: https://fonts.googleapis.com/css?family=Noto",
        "a/page.html: //unpkg.com/iframe-worker/shim",
        "a/page.html: HTTP://example.org/logo.png",
        "a/fonts.css: https://fonts.googleapis.com/css2",
        "a/fonts.css: https://fonts.gstatic.com/n.woff2",
    ]


def test_zip_is_reproducible_and_leaves_out_debug_files(tmp_path):
    site = tmp_path / "site"
    (site / "assets").mkdir(parents=True)
    (site / "index.html").write_text("<h1>档案</h1>", encoding="utf-8")
    (site / "assets" / "app.js").write_text("1", encoding="utf-8")
    (site / "assets" / "app.js.map").write_text("{}", encoding="utf-8")
    (site / "sitemap.xml").write_text("<urlset/>", encoding="utf-8")
    (site / "404.html").write_text("<a href='/'>", encoding="utf-8")
    (site / "assets" / "error-404.html").write_text("kept", encoding="utf-8")
    first, second = tmp_path / "1.zip", tmp_path / "2.zip"
    assert write_zip(site, first, "archive-2024-05-06", BUILD_DATE) == 3
    write_zip(site, second, "archive-2024-05-06", BUILD_DATE)
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as archive:
        assert archive.namelist() == ["archive-2024-05-06/assets/app.js", "archive-2024-05-06/assets/error-404.html",
                                      "archive-2024-05-06/index.html"]
        assert archive.read("archive-2024-05-06/index.html").decode() == "<h1>档案</h1>"


def test_bundle_refuses_a_page_that_loads_from_another_host(tmp_path):
    project = make_project(tmp_path / "archive", {"n1.txt": notice(1)})
    (project.docs / "about" / "cdn.md").write_text(
        '# 外部脚本\n\n<script src="https://cdn.example.org/x.js"></script>\n', encoding="utf-8")
    with pytest.raises(BundleError) as refused:
        make_bundle(project, tmp_path / "dist", BUILD_DATE)
    assert "about/cdn.html: https://cdn.example.org/x.js" in str(refused.value)
    assert not list(tmp_path.rglob("*.zip")), "a refused bundle leaves no zip"


def bundle_command(project, seed: int) -> bytes:
    """`python -m build_tools bundle` for ``project`` in its own interpreter; the zip's bytes."""
    environment = {**os.environ, "PYTHONHASHSEED": str(seed), "SOURCE_DATE_EPOCH": "1714953600"}  # 2024-05-06
    result = subprocess.run([sys.executable, "-m", "build_tools", "bundle"], cwd=project.root, env=environment,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    return (project.root / "dist" / "policy-archive-2024-05-06.zip").read_bytes()


def test_rebuilding_the_bundle_from_the_same_sources_gives_the_same_bytes(tmp_path):
    """README: reproducible zips; two copies of the project, built in interpreters with other hash seeds."""
    first = bundle_command(copy_project(tmp_path / "a"), seed=1)
    assert first == bundle_command(copy_project(tmp_path / "b"), seed=2)


@pytest.fixture(scope="module")
def bundle(tmp_path_factory, converted, project):
    return make_bundle(project, tmp_path_factory.mktemp("dist"), BUILD_DATE)


@pytest.fixture(scope="module")
def unzipped(bundle, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(bundle.path) as archive:
        archive.extractall(folder)
    return folder / "policy-archive-2024-05-06"


def test_bundle_is_named_by_date_and_holds_the_offline_site(bundle, unzipped, converted):
    assert bundle.path.name == "policy-archive-2024-05-06.zip"
    print(f"bundle size: {bundle.size / 1e6:.2f} MB, {bundle.files} files")
    assert (unzipped / "index.html").is_file()
    for document in converted.documents:
        assert (unzipped / "documents" / f"{document.slug}.html").is_file(), document.slug


def _local_targets(page: Path, soup: BeautifulSoup):
    """(url, file it points to, fragment) for each local link or resource of a page."""
    for tag, attribute in (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src")):
        for element in soup.find_all(tag, attrs={attribute: True}):
            url = urlsplit(element[attribute])
            if url.scheme or url.netloc or not (url.path or url.fragment):
                continue
            target = (page.parent / unquote(url.path)).resolve() if url.path else page
            yield element[attribute], target, unquote(url.fragment)


def test_every_local_link_opens_a_file_and_its_anchor(unzipped):
    """From file:// a link to a folder shows a listing, not the page: every
    link must name an existing file, and every #anchor an existing id."""
    broken = []
    pages = {page.resolve(): BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
             for page in unzipped.rglob("*.html")}
    for page, soup in pages.items():
        for url, target, fragment in _local_targets(page, soup):
            if not target.is_file():
                broken.append(f"{page.relative_to(unzipped.resolve())}: {url}")
            elif fragment and target in pages and not pages[target].find(id=fragment):
                broken.append(f"{page.relative_to(unzipped.resolve())}: {url} (no such anchor)")
    assert broken == [], "\n".join(broken)


@pytest.fixture(scope="module")
def browser():
    pytest.importorskip("playwright.sync_api")
    with chromium() as running:
        yield running


@pytest.fixture
def page(browser):
    """A fresh tab that records every request; anything not local is refused."""
    context = browser.new_context()
    context.requests = []
    context.on("request", lambda request: context.requests.append(request.url))
    context.route(re.compile(r"^(?!file:|data:|blob:|about:)"), lambda route: route.abort())
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    yield tab
    leaving = [url for url in context.requests if not url.startswith(LOCAL)]
    assert context.requests and leaving == []
    context.close()


def _open_document(page, unzipped: Path, slug: str) -> None:
    """Start at index.html and follow links (index → browse page → document)."""
    page.goto((unzipped / "index.html").as_uri())
    wanted = f"a[href$='{slug}.html']"
    if page.locator(wanted).count() == 0:
        pages = page.eval_on_selector_all(
            "a[href$='.html']", "links => [...new Set(links.map(link => link.href))]")
        for url in pages:
            page.goto(url)
            if page.locator(wanted).count():
                break
    assert page.locator(wanted).count(), f"no page linked from index.html links to {slug}.html"
    page.locator(wanted).first.click()
    page.wait_for_load_state()


@pytest.mark.slow
def test_browser_reaches_a_document_with_working_anchors(page, unzipped, converted):
    _open_document(page, unzipped, REPORT)
    assert page.url == (unzipped / "documents" / f"{REPORT}.html").as_uri()
    title = next(doc.meta["title"] for doc in converted.documents if doc.slug == REPORT)
    assert page.locator("article h1").first.inner_text().rstrip("¶").strip() == title
    anchors = page.eval_on_selector_all(
        "nav.md-nav--secondary a[href^='#']", "links => links.map(link => link.getAttribute('href'))")
    assert anchors, "the report has headings, so its table of contents has anchors"
    for anchor in anchors:
        assert page.locator(f"[id='{unquote(anchor[1:])}']").count() == 1, anchor
    page.locator(f"nav.md-nav--secondary a[href='{anchors[-1]}']").first.click()
    assert unquote(page.evaluate("location.hash")) == unquote(anchors[-1])


@pytest.mark.slow
def test_browser_follows_a_relation_link_to_another_document(page, unzipped):
    _open_document(page, unzipped, REPORT)
    related = page.locator(f"article a[href$='.html']:not([href*='{REPORT}.html'])")
    if related.count() == 0:
        pytest.skip("no citation or relation link on the report page yet")
    related.first.click()
    page.wait_for_load_state()
    assert page.url.startswith("file://") and page.url.endswith(".html")
    assert page.locator("article h1").first.inner_text().strip()


def _search(page, unzipped: Path, query: str) -> list[str]:
    """Type into the header search box of index.html; the result pages' slugs."""
    page.goto((unzipped / "index.html").as_uri())
    page.locator(".md-search__input").fill(query)
    wait_for_header_results(page)
    hrefs = page.locator(HEADER_RESULT).evaluate_all("links => links.map(link => link.href)")
    return [Path(urlsplit(href).path).stem for href in hrefs]


def _containing(phrase: str) -> set[str]:
    """Sources whose text holds ``phrase`` once hard line wraps are joined."""
    return {seed.stem for seed in SEEDS if phrase in seed.read_text(encoding="utf-8-sig").replace("\n", "")}


@pytest.mark.slow
def test_chinese_search_from_file_finds_the_documents_with_the_phrase(page, unzipped):
    # Read in the sources: 沪滇协作 occurs six times in 楚教复〔2023〕31号, once in 〔2023〕27号.
    assert _containing("沪滇协作") == {"chuxiong-jiaoyu-2023-031-zhengxie-343-dafu",
                                     "chuxiong-jiaoyu-2023-027-zhengxie-148-dafu"}
    assert set(_search(page, unzipped, "沪滇协作")) == _containing("沪滇协作")


@pytest.mark.slow
def test_document_number_search_from_file_opens_that_document(page, unzipped, converted):
    # Pages that list 〔2023〕27号 among their related documents match too; the document comes first.
    assert _search(page, unzipped, "楚教复〔2023〕27号")[0] == "chuxiong-jiaoyu-2023-027-zhengxie-148-dafu"
    page.locator(HEADER_RESULT).first.click()
    page.wait_for_load_state()
    assert urlsplit(page.url).path.endswith("/documents/chuxiong-jiaoyu-2023-027-zhengxie-148-dafu.html")
    assert page.url.startswith("file://")


def test_the_search_index_is_shipped_once(unzipped):
    """The archive's own index; Material's search box is reused, its search plugin and index are not."""
    assert (unzipped / "search-index" / "meta.js").is_file()
    assert not (unzipped / "search" / "search_index.json").exists()
    assert not (unzipped / "search" / "search_index.js").exists()
