"""MkDocs wiring of the archive search (``build_tools.search``).

Material's header search box is kept (``overrides/partials/search.html``)
but driven by ``archive-search-*.js``, without Material's search plugin
(``HeaderSearchBox``); this hook adds those scripts and their stylesheet,
a search page with filters, and has the archive's index built by a second process (``index_process``):
in a full build, from each document's sections as soon as the page is rendered.
"""
from __future__ import annotations

import functools
import json
import logging
import shutil
from pathlib import Path
from types import SimpleNamespace

from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, InclusionLevel

from build_tools.catalogue.facets import SEARCH_PAGE
from build_tools.mkdocs_glue import lazy, parallel
from build_tools.mkdocs_glue.index_process import IndexProcess
from build_tools.mkdocs_glue.unchanged import is_left_out
from build_tools.search import extract, overlay, state as index_state
from build_tools.render.writer import write_if_changed

log = logging.getLogger("mkdocs.hooks.archive_search")

ASSETS = Path(extract.__file__).parent / "assets"
ASSET_DIR = "assets/archive-search"
INDEX_DIR = "search-index"  # must match the path in archive-search-engine.js
DOCUMENTS = "documents/"  # the folder of the pages the index holds (its index.md aside)
# The engine and the page script, which uses it, shipped as one file: one <script> tag less
# on every page (issue 16: bytes per page). They stay two sources; tests load the engine alone.
SCRIPT, SCRIPT_PARTS = "archive-search.js", ("archive-search-engine.js", "archive-search-ui.js")
# Material's lunr language packs and search worker: never loaded, because the
# header box (overrides/partials/search.html) has no data-md-component hooks.
UNUSED_THEME_ASSETS = ("assets/javascripts/lunr/", "assets/javascripts/workers/search.")
SEARCH_PAGE_MARKDOWN = """---
title: 搜索
hide:
  - navigation
  - toc
---

# 搜索

<div id="archive-search-page"><p>正在加载搜索……（搜索需要启用 JavaScript）</p></div>
"""


class HeaderSearchBox(BasePlugin):
    """What Material's header asks of its search plugin (``"material/search" in config.plugins``,
    its ``config.enabled``) before it includes the search box, and nothing else: the box is the
    archive's (``overrides/partials/search.html``). The plugin itself is not loaded: importing it
    imports jieba, 0.1 s of every build and rebuild, and it wrote an empty index."""

    def __init__(self):
        self.config = SimpleNamespace(enabled=True)


def on_config(config):
    config.plugins.setdefault("material/search", HeaderSearchBox())
    config.extra_css.append(f"{ASSET_DIR}/archive-search.css")
    config.extra_javascript.append(f"{ASSET_DIR}/{SCRIPT}")
    return config


def on_files(files, config):
    """The browser assets and the search page, generated rather than copied into docs/."""
    for unused in [file for file in files if file.src_uri.startswith(UNUSED_THEME_ASSETS)]:
        files.remove(unused)
    for asset in sorted(ASSETS.iterdir()):
        if asset.name not in SCRIPT_PARTS:
            files.append(File.generated(config, f"{ASSET_DIR}/{asset.name}", abs_src_path=str(asset)))
    script = "".join((ASSETS / part).read_text(encoding="utf-8") for part in SCRIPT_PARTS)
    files.append(File.generated(config, f"{ASSET_DIR}/{SCRIPT}", content=script))
    files.append(File.generated(config, SEARCH_PAGE, content=SEARCH_PAGE_MARKDOWN,
                                inclusion=InclusionLevel.NOT_IN_NAV))
    return files


def is_document(file) -> bool:
    return is_document_page(file.src_uri)


def is_document_page(uri: str) -> bool:
    return uri.startswith(DOCUMENTS) and not uri.endswith("index.md")


@parallel.after_render("search")
def page_sections(page) -> list[extract.Section] | None:
    """A document's text sections, taken from its HTML by the worker that rendered it."""
    return extract.sections_from_html(page.content) if is_document(page.file) and page.content else None


def search_page(page) -> extract.SearchPage:
    """Plain data for the index builder: URL, front matter, HTML sections."""
    sections = parallel.result_of(page_sections, page)
    return extract.SearchPage(url=page.url, meta=dict(page.meta), sections=sections or [])


def page_cache(config) -> Path:
    return Path(config.config_file_path).parent / ".cache" / f"search-pages-v{extract.SECTIONS_VERSION}"


def drop_other_versions(cache: Path) -> None:
    """Pages cached for another ``extract.SECTIONS_VERSION`` are never read again (66 MB at 3,475 laws)."""
    for folder in cache.parent.glob("search-pages-v*"):
        if folder != cache:
            shutil.rmtree(folder, ignore_errors=True)


def cached_path(src_uri: str, cache: Path) -> Path:
    return cache / (src_uri.replace("/", "__") + ".json")


def stored(page: extract.SearchPage, path: Path) -> extract.SearchPage:
    """``page``, kept for the next ``--dirty`` build."""
    data = {"url": page.url, "meta": page.meta, "sections": [[s.anchor, s.heading, s.text] for s in page.sections]}
    write_if_changed(path, json.dumps(data, ensure_ascii=False, sort_keys=True, default=str) + "\n")
    return page


def read_cached(path: Path) -> extract.SearchPage:
    data = json.loads(path.read_text(encoding="utf-8"))
    return extract.SearchPage(data["url"], data["meta"], [extract.Section(*s) for s in data["sections"]])


def last_built(sources: dict[str, str], files, cache: Path):
    """URL → the page as the last build cached it (None if it did not): what ``search.retire`` moves.
    ``sources``: URL → docs-relative path of the documents listed, those left out found by their
    address (``lazy.left_out_at``). Each path is made when asked: a Path for every document took
    0.12 s of a rebuild at 20,000 laws that moves a few dozen."""
    def page(url: str):
        uri = sources.get(url) or lazy.left_out_at(files, url)
        path = cached_path(uri, cache) if uri is not None else None
        return read_cached(path) if path is not None and path.exists() else None
    return page


def cached_search_page(file, cache: Path) -> extract.SearchPage:
    """A ``--dirty`` build renders only changed pages; the others come from the last build."""
    path = cached_path(file.src_uri, cache)
    if not rendered(file) and path.exists():
        return read_cached(path)
    return stored(search_page(file.page) if file.page else extract.SearchPage(file.url, {}, []), path)


def rendered(file) -> bool:
    """Rendered by this build (a ``--dirty`` build leaves most pages out, ``unchanged``)."""
    return file.page is not None and file.page.content is not None


def state_path(config) -> Path:
    return index_state.state_file(Path(config.config_file_path).parent, Path(config.site_dir))


def documents_of(files, left_out: bool = True) -> list:
    """Every document of the site, those a ``--dirty`` build leaves out included (``lazy``: some without
    a ``File``, unless ``left_out`` is False)."""
    stand_ins = lazy.stand_ins(files) if left_out else []
    return [file for file in [*files.documentation_pages(inclusion=lambda _: True), *stand_ins]
            if is_document(file) and (file.inclusion.is_included() or is_left_out(file))]


class Present:
    """The documents of a ``--dirty`` build, as the overlay asks (``url in``): those listed, and when
    the site was in step with docs/ (``gone`` given: ``lazy.removed_addresses``) every other page the
    last build had but those the conversion removed: the pages left out need no address worked out
    (0.06 s of a rebuild at 20,000 laws)."""

    def __init__(self, listed: set[str], gone: set[str] | None) -> None:
        self.listed, self.gone = listed, gone

    def __contains__(self, url: str) -> bool:
        return url in self.listed or (self.gone is not None and url not in self.gone)


def streamed(arrivals, entries: list[tuple[str, str]], cache: Path):
    """In the index process: the pages (URL, src_uri) as the build sends them, each kept in the cache."""
    for url, src_uri in entries:
        yield stored(arrivals.take(url), cached_path(src_uri, cache))


# This build's dirty flag and full index process.
_build: dict = {"dirty": False, "index": None}


def on_startup(command, dirty):
    _build["dirty"] = dirty


@event_priority(100)  # before the sources are converted: the fork stays small
def on_pre_build(config):
    """A full build: the index process starts now and takes each document as soon as it is rendered."""
    if not _build["dirty"]:
        pages = functools.partial(streamed, cache=page_cache(config))
        _build["index"] = IndexProcess(pages, Path(config.site_dir) / INDEX_DIR, None, state_path(config), stream=True)


def on_nav(nav, config, files):
    if _build["index"] is not None:
        entries = sorted((file.url, file.src_uri) for file in documents_of(files))  # the index's order
        _build["index"].begin(entries, files.get_file_from_path(SEARCH_PAGE).url)
    return nav


@event_priority(-100)  # the last: the HTML as the other hooks leave it
def on_page_content(html, page, config, files):
    if _build["index"] is not None and is_document(page.file):
        page.content = html  # what MkDocs keeps anyway
        _build["index"].send(search_page(page))
    return html


def appended(files, config, out: Path, search_url: str) -> bool:
    """After a build that rendered only some pages: those appended to the index's overlay
    (``overlay.append``); False when the whole index is due, or an index file it read is damaged."""
    listed = documents_of(files, left_out=False)
    changed = [file for file in listed if rendered(file)]
    if len(changed) == len(listed) and not any(map(is_document_page, lazy.left_out(files))):
        return False
    pages = [cached_search_page(file, page_cache(config)) for file in changed]
    sources = {file.url: file.src_uri for file in listed}
    try:
        stats = overlay.append(state_path(config), out, pages, Present(set(sources), lazy.removed_addresses(files)),
                               search_url, last_built(sources, files, page_cache(config)))
    except ValueError as error:  # payload.read_script names the file
        log.info("archive search: %s; the whole index is built again", error)
        return False
    if stats is not None:
        log.info(stats.summary())
    return stats is not None


def on_env(env, config, files):
    """All pages are converted to HTML by now (templates are rendered later).

    A full build has sent every document to the index process. A ``--dirty`` build appends the
    changed pages to the index's overlay here (``search.overlay``), or has a forked process build
    a full index (from the cache and the changed pages, inherited) while this one renders the templates.
    """
    if _build["index"] is not None:
        _build["index"].finish()
        return env
    out, search_url = Path(config.site_dir) / INDEX_DIR, files.get_file_from_path(SEARCH_PAGE).url
    if appended(files, config, out, search_url):
        return env
    documents, cache = documents_of(files), page_cache(config)
    pages = lambda: sorted((cached_search_page(file, cache) for file in documents), key=lambda page: page.url)
    _build["index"] = IndexProcess(pages, out, search_url, state_path(config))
    return env


def on_post_build(config):
    """The index process only sends its outcome; this process logs it (a warning fails --strict)."""
    drop_other_versions(page_cache(config))
    process, _build["index"] = _build["index"], None
    if process is None:
        return
    summary, missing = process.wait()
    if missing:
        log.warning("archive search: no text for %d pages: %s", len(missing), missing[:3])
    log.info(summary)


def on_build_error(error):
    process, _build["index"] = _build["index"], None
    if process is not None:
        process.stop()
