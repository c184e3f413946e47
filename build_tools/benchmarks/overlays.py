"""The search stage of many ``--dirty`` rebuilds in a row, each after one edit (issue 16).

A rebuild appends the edited page to the search overlay; every few hundred edits one keeps the
full overlay and merges kept ones (``search.overlay``), and past a share of dead slots rebuilds
move the deadest part's documents to the overlays, a few each, and drop it (``search.retire``).
Whole rebuilds take a second or more each, so a thousand of them would take most of an hour: here
each rebuild runs only what the search hook runs on the built site's index (``overlay.append``),
on the pages the last build cached, each with one sentence added. The figures: the time of each
such rebuild, those that kept or merged overlays, moved documents or retired a part, and when a
full index became due, if it did. It changes the site's index and state as those rebuilds would:
a scratch build.
"""
from __future__ import annotations

import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..mkdocs_glue.search_hooks import INDEX_DIR, cached_path, read_cached, stored
from ..progress import note
from ..search import extract, overlay, state

EDIT = "本文件于基准测试中修改（第{}次）。"


@dataclass
class Rebuilds:
    seconds: list[float] = field(default_factory=list)
    # (edit number, seconds, kept overlays' document counts and tiers after it) of rebuilds that kept one.
    keeping: list[tuple[int, float, list[tuple[int, int]]]] = field(default_factory=list)
    full_index_due: int | None = None  # the edit whose rebuild would index every page again
    retired: list[tuple[int, int]] = field(default_factory=list)  # (edit number, first document) of parts dropped
    moving: list[float] = field(default_factory=list)  # seconds of the rebuilds that moved documents


def edited_pages(root: Path, first: int):
    """The cached documents in turn, each with one more sentence: a new text, a new digest. ``first``
    numbers the first sentence: a run on the same site again edits anew."""
    paths = sorted((root / ".cache" / f"search-pages-v{extract.SECTIONS_VERSION}").glob("documents__*.json"))
    for number in range(first, first + 10**9):
        path = paths[number * 7919 % len(paths)]  # spread over the archive
        page = read_cached(path)
        # Kept as a build keeps the pages it rendered: a part emptied later moves the edited text.
        yield stored(extract.SearchPage(page.url, page.meta, [*page.sections, extract.Section("", "", EDIT.format(number))]),
                     path)


def last_built(root: Path):
    """URL → the page the last build cached, as the search hook's ``last_built`` (directory URLs)."""
    cache = root / ".cache" / f"search-pages-v{extract.SECTIONS_VERSION}"

    def cached(url: str) -> extract.SearchPage | None:
        path = cached_path(url.rstrip("/") + ".md", cache)
        page = read_cached(path) if path.exists() else None
        return page if page is not None and page.url == url else None
    return cached


def kept_of(catalog: state.Catalog) -> list[tuple[int, int]]:
    """Each kept overlay's documents and tier."""
    return [(len(kept.section_counts), kept.tier) for kept in catalog.kept]


def run(root: Path, site: Path, edits: int) -> Rebuilds:
    state_file, out, found = state.state_file(root, site), site / INDEX_DIR, Rebuilds()
    catalog = state.load(state_file)
    if catalog is None:
        raise SystemExit(f"{state_file}: no search index state; build {site} first (mkdocs build --site-dir)")
    urls, search_page, kept_before = set(catalog.live()), catalog.meta["search_page"], kept_of(catalog)
    retired_before, cached = set(catalog.retired), last_built(root)
    for number, page in zip(range(edits), edited_pages(root, len(catalog.urls))):
        start = time.perf_counter()
        if overlay.append(state_file, out, [page], urls, search_page, cached) is None:
            found.full_index_due = number
            break
        found.seconds.append(time.perf_counter() - start)
        without_moves, catalog = len(catalog.urls) + 1, state.load(state_file)
        if len(catalog.urls) > without_moves:
            found.moving.append(found.seconds[-1])
        kept = kept_of(catalog)
        if kept != kept_before:
            found.keeping.append((number, found.seconds[-1], kept))
        found.retired += [(number, first) for first in sorted(catalog.retired - retired_before)]
        kept_before, retired_before = kept, set(catalog.retired)
        if number % 100 == 0:
            note(f"{number} edits …")
    return found


def report(found: Rebuilds) -> None:
    times = sorted(found.seconds)
    print(f"rebuilds: {len(times)}" + (f"; search stage median {statistics.median(times):.3f} s, 90th percentile "
                                       f"{times[int(0.9 * len(times))]:.3f} s, max {times[-1]:.2f} s" if times else ""))
    for number, seconds, kept in found.keeping:
        print(f"edit {number}: {seconds:.2f} s, kept overlays (documents, tier) {kept}")
    if found.moving:
        print(f"rebuilds that moved documents of a part being emptied: {len(found.moving)}; median "
              f"{statistics.median(found.moving):.3f} s, max {max(found.moving):.2f} s")
    for number, first in found.retired:
        print(f"edit {number}: the part from document {first} retired")
    print("full index due: " + (f"at edit {found.full_index_due}" if found.full_index_due is not None
                                 else "not within these edits"))
