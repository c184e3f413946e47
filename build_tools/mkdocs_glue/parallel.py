"""Markdown → HTML of many pages in forked worker processes, so MkDocs' page loop uses every core.

MkDocs renders one page after another (``_populate_page``). Here workers forked once the pages
are known (``on_nav``) inherit the configuration and the files, read and render chunks of pages,
and send back what a page keeps; the main process then runs its own loop as always, except that
``read_source`` and ``render`` of a page take the worker's result instead of doing the work:
every hook and plugin event still runs once here, in order, and sees the same page.

A worker's result is used only for the Markdown it rendered: if the page's Markdown here differs
after the ``page_markdown`` event, or the worker failed on the page, or a worker died, MkDocs
renders the page itself, so an error is raised and reported by MkDocs as today ("Error reading
page …"). What a worker logs is replayed here at the same step, so ``--strict`` counts it.
"""
from __future__ import annotations

import copy
import functools
import logging
import os
import time
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from multiprocessing import get_context

import markdown
from mkdocs.structure import pages as mkdocs_pages
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from build_tools.forked import collect_logs, replay, step

CHUNK = 25  # pages per task: small enough to balance the workers, large enough to cost nothing
MINIMUM = 100  # fewer pages to render (a --dirty build): forking costs more than it saves
# Extra work a worker does on each rendered page: name → (stage, function of the page).
AFTER_RENDER: dict[str, tuple[str, object]] = {}
_job: dict = {}  # what the forked workers inherit: config, files, pages


def after_render(stage: str):
    """Decorator: the workers also compute ``function(page)`` for each page they render, timed as
    ``stage``; ``result_of`` gives it back in the main process."""
    def register(function):
        AFTER_RENDER[function.__qualname__] = (stage, function)
        return function
    return register


def result_of(function, page):
    """What a worker computed for ``page`` (given once, then forgotten), or ``function(page)`` here
    if no worker rendered the content the page has now."""
    content, extras = vars(page).get("_worker_extras", (None, {}))
    name = function.__qualname__
    if content is not None and content is page.content and name in extras:
        return extras.pop(name)
    return function(page)


@dataclass
class Rendered:
    """What ``read_source`` and ``render`` leave on a page, as a worker found it."""

    source: str  # the Markdown read, before the page_markdown event
    meta: dict
    rendered: str | None  # the Markdown rendered, if the event changed it
    content: str
    toc: object
    title: str | None
    anchors: set
    links: dict | None  # links_to_anchors by target src_uri
    extras: dict
    read_log: list = field(default_factory=list)
    render_log: list = field(default_factory=list)


def _render(page: Page, seconds: dict) -> Rendered:
    config, files = _job["config"], _job["files"]
    config._current_page = page
    start = time.perf_counter()
    _, read_log = step(Page.read_source, page, config)
    source, meta = page.markdown, copy.deepcopy(page.meta)
    page.markdown, _ = step(functools.partial(config.plugins.on_page_markdown, page=page, config=config, files=files),
                             page.markdown)
    _, render_log = step(render, page, config, files)
    seconds["markdown"] += time.perf_counter() - start
    extras = {}
    for name, (stage, function) in AFTER_RENDER.items():
        start = time.perf_counter()
        extras[name] = function(page)
        seconds[stage] += time.perf_counter() - start
    links = vars(page).get("links_to_anchors")
    return Rendered(source, meta, None if page.markdown == source else page.markdown, page.content, page.toc,
                    page._title_from_render, page.present_anchor_ids,
                    None if links is None else {file.src_uri: anchors for file, anchors in links.items()},
                    extras, read_log, render_log)


def render(page: Page, config, files) -> None:
    """``Page.render`` with the worker's one Markdown converter, reset between pages: MkDocs makes one
    per page, and loading the extensions again took 4 % of a page's rendering. The same steps and
    MkDocs' own tree processors (MkDocs 1.x is final), so the HTML is the same bytes
    (``tests/test_parallel_render.py``)."""
    md = _job.get("markdown")
    if md is None:
        md = _job["markdown"] = markdown.Markdown(extensions=config["markdown_extensions"],
                                                  extension_configs=config["mdx_configs"] or {})
        md.is_block_level = _block_level_test(md.block_level_elements)
    md.reset()
    # Registered again under the same names: each replaces the last page's.
    raw_html = mkdocs_pages._RawHTMLPreprocessor()
    raw_html._register(md)
    anchors = mkdocs_pages._ExtractAnchorsTreeprocessor(page.file, files, config)
    anchors._register(md)
    relative = mkdocs_pages._RelativePathTreeprocessor(page.file, files, config)
    relative._register(md)
    title = mkdocs_pages._ExtractTitleTreeprocessor()
    title._register(md)
    page.content = md.convert(page.markdown)
    page.toc = get_toc(getattr(md, "toc_tokens", []))
    page._title_from_render = title.title
    page.present_anchor_ids = anchors.present_anchor_ids | raw_html.present_anchor_ids
    if mkdocs_pages.log.getEffectiveLevel() > logging.DEBUG:
        page.links_to_anchors = relative.links_to_anchors


def _block_level_test(elements: list[str]):
    """``Markdown.is_block_level`` with the tags the loaded extensions left, as a set: it searched
    that list on each of 500 calls a page makes."""
    block_level = frozenset(elements)

    @functools.cache
    def is_block_level_tag(tag: str) -> bool:
        return tag.lower().rstrip("/") in block_level

    return lambda tag: isinstance(tag, str) and is_block_level_tag(tag)


def _render_chunk(numbers: list[int]) -> tuple[dict, dict]:
    """Pages by number → Rendered (a page that fails is left out); seconds per stage."""
    results, seconds = {}, defaultdict(float)
    for number in numbers:
        page = _job["pages"][number]
        try:
            results[page.file.src_uri] = _render(page, seconds)
        except Exception:  # the main process renders it again and MkDocs reports the error
            continue
        finally:
            page.markdown = page.content = None  # the worker keeps no page: its memory stays flat
    return results, dict(seconds)


class PagePool:
    """Workers rendering ``pages`` ahead of MkDocs' loop, which takes their results page by page."""

    def __init__(self, pages: list[Page], config, files, workers: int) -> None:
        _job.update(config=config, files=files, pages=pages)
        self.results: dict[str, Rendered] = {}
        self.executor = ProcessPoolExecutor(workers, mp_context=get_context("fork"), initializer=collect_logs)
        numbers = list(range(len(pages)))
        futures = [self.executor.submit(_render_chunk, numbers[start:start + CHUNK])
                   for start in range(0, len(numbers), CHUNK)]
        self.completed = as_completed(futures)
        self.waiting = len(futures)
        for page in pages:
            page.read_source = functools.partial(self.read_source, page)
            page.render = functools.partial(self.render, page)

    def receive(self) -> dict[str, float]:
        """Wait for the next chunk; the workers' seconds per stage spent on it (the stage clock's split)."""
        future = next(self.completed)
        self.waiting -= 1
        if self.waiting == 0:
            self.close()
        try:
            results, seconds = future.result()
        except Exception:  # a worker died: MkDocs renders that chunk's pages itself
            return {}
        self.results.update(results)
        return seconds

    def result(self, page: Page) -> Rendered | None:
        while page.file.src_uri not in self.results and self.waiting:
            self.receive()
        return self.results.get(page.file.src_uri)

    def read_source(self, page: Page, config) -> None:
        found = self.result(page)
        if found is None:
            self.restore(page)
            return page.read_source(config)
        replay(found.read_log)
        page.markdown, page.meta = found.source, found.meta

    def render(self, page: Page, config, files) -> None:
        found = self.results.pop(page.file.src_uri)
        self.restore(page)
        if page.markdown != (found.source if found.rendered is None else found.rendered):
            return page.render(config, files)
        replay(found.render_log)
        page.content, page.toc, page._title_from_render = found.content, found.toc, found.title
        page.present_anchor_ids = found.anchors
        if found.links is not None:
            page.links_to_anchors = {files.get_file_from_path(uri): links for uri, links in found.links.items()}
        page._worker_extras = (page.content, found.extras)

    @staticmethod
    def restore(page: Page) -> None:
        """The page's own methods again (a page MkDocs renders itself, or one already installed)."""
        vars(page).pop("read_source", None)
        vars(page).pop("render", None)

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)
        _job.clear()


def workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
