"""MkDocs wiring of the archive search (``build_tools.search``).

Material's header search box is kept (``overrides/partials/search.html``)
but driven by ``archive-search-*.js``; this hook adds those scripts and their
stylesheet, a search page with filters, keeps Material's own index empty,
and writes the archive's index once every page has been rendered to HTML.
"""
from __future__ import annotations

import hashlib
import json
import logging
import multiprocessing
import traceback
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel

from build_tools.mkdocs_glue import parallel
from build_tools.search import extract, state as index_state
from build_tools.search.index import build_index
from build_tools.search.shards import full_state, write_state
from build_tools.render.writer import write_if_changed

log = logging.getLogger("mkdocs.hooks.archive_search")

ASSETS = Path(extract.__file__).parent / "assets"
ASSET_DIR = "assets/archive-search"
INDEX_DIR = "search-index"  # must match the path in archive-search-engine.js
SEARCH_PAGE = "search.md"
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


def on_config(config):
    config.extra_css.append(f"{ASSET_DIR}/archive-search.css")
    # The engine first: the page script uses what it defines.
    config.extra_javascript.append(f"{ASSET_DIR}/archive-search-engine.js")
    config.extra_javascript.append(f"{ASSET_DIR}/archive-search-ui.js")
    return config


def on_files(files, config):
    """The browser assets and the search page, generated rather than copied into docs/."""
    for unused in [file for file in files if file.src_uri.startswith(UNUSED_THEME_ASSETS)]:
        files.remove(unused)
    for asset in sorted(ASSETS.iterdir()):
        files.append(File.generated(config, f"{ASSET_DIR}/{asset.name}", abs_src_path=str(asset)))
    files.append(File.generated(config, SEARCH_PAGE, content=SEARCH_PAGE_MARKDOWN,
                                inclusion=InclusionLevel.NOT_IN_NAV))
    return files


def on_page_markdown(markdown, page, config, files):
    # Material's search plugin would segment every page with jieba for an
    # index nobody loads; excluding pages keeps its search_index.json empty.
    page.meta.setdefault("search", {"exclude": True})
    return markdown


def is_document(file) -> bool:
    return file.src_uri.startswith("documents/") and not file.src_uri.endswith("index.md")


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


def cached_search_page(file, cache: Path) -> extract.SearchPage:
    """A ``--dirty`` build renders only changed pages; the others come from the last build."""
    path = cache / (file.src_uri.replace("/", "__") + ".json")
    if file.page.content is None and path.exists():
        data = json.loads(path.read_text(encoding="utf-8"))
        return extract.SearchPage(data["url"], data["meta"], [extract.Section(*s) for s in data["sections"]])
    page = search_page(file.page)
    data = {"url": page.url, "meta": page.meta, "sections": [[s.anchor, s.heading, s.text] for s in page.sections]}
    write_if_changed(path, json.dumps(data, ensure_ascii=False, sort_keys=True, default=str) + "\n")
    return page


def state_path(config) -> Path:
    """One index state per output folder (hosted, offline, a benchmark's site …)."""
    site = hashlib.sha256(str(Path(config.site_dir).resolve()).encode()).hexdigest()[:16]
    return Path(config.config_file_path).parent / ".cache" / "search-state" / f"{site}.pickle"


def updated_state(documents: list, config) -> index_state.IndexState | None:
    """After a build that rendered only some pages: the last state with those pages appended,
    or None when a full index is due (no state, a removed index, too many replaced pages)."""
    rendered = [file for file in documents if file.page.content is not None]
    state = index_state.load(state_path(config)) if len(rendered) < len(documents) else None
    if state is None or not (Path(config.site_dir) / INDEX_DIR / "meta.js").exists():
        return None
    pages = [cached_search_page(file, page_cache(config)) for file in rendered]
    fresh, dead = index_state.changes(state, pages, {file.page.url for file in documents})
    if index_state.needs_compacting(state, dead):
        return None
    index_state.update(state, fresh, dead)
    return state


def full_index(documents: list, cache: Path, out: Path, search_url: str, state_file: Path) -> tuple[str, list[str]]:
    """Index every document page and write the shards: (log line, URLs of pages without text)."""
    pages = [cached_search_page(file, cache) for file in documents]
    state = full_state(build_index(pages), pages)
    stats = write_state(state, out, search_url)
    index_state.save(state, state_file)
    return stats.summary(), [page.url for page in pages if not page.sections]


def _child(connection, *arguments) -> None:
    try:
        connection.send((True, full_index(*arguments)))
    except BaseException:  # the parent reports it and fails the build
        connection.send((False, traceback.format_exc()))


# The index being built in a second process while MkDocs renders the templates (one core each).
_running: list[tuple] = []


def on_env(env, config, files):
    """All pages are converted to HTML by now (templates are rendered later).

    A few changed pages are appended to the index here; a full index is built by a forked
    process (the pages are inherited, not copied) while this one renders the templates,
    and ``on_post_build`` waits for it.
    """
    documents = [file for file in files.documentation_pages() if is_document(file)]
    out, search_url = Path(config.site_dir) / INDEX_DIR, files.get_file_from_path(SEARCH_PAGE).url
    state = updated_state(documents, config)
    if state is not None:
        log.info(write_state(state, out, search_url).summary())
        index_state.save(state, state_path(config))
        return env
    receive, send = multiprocessing.Pipe(duplex=False)
    arguments = (send, documents, page_cache(config), out, search_url, state_path(config))
    process = multiprocessing.get_context("fork").Process(target=_child, args=arguments)
    process.start()
    _running.append((process, receive))
    return env


def on_post_build(config):
    """The child only sends its outcome; this process logs it (a warning fails --strict)."""
    while _running:
        process, receive = _running.pop()
        ok, outcome = receive.recv()
        process.join()
        if not ok:
            raise PluginError(f"archive search index failed:\n{outcome}")
        summary, missing = outcome
        if missing:
            log.warning("archive search: no text for %d pages: %s", len(missing), missing[:3])
        log.info(summary)
