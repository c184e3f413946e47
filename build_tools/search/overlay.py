"""Documents appended by ``--dirty`` builds since the last full build: small indexes beside the base.

Appending a page to the base shards rewrote one shard per bigram of the page (≈1,600 files for
a law) and needed every posting of the archive in memory. Instead the base files stay as the full
build wrote them; the pages a rebuild rendered anew are appended to the overlay, whose files are
rewritten on each rebuild, which therefore costs the same at any archive size. The overlay stays
bounded: past ``OVERLAY_BYTES`` of bigram postings or ``OVERLAY_DOCUMENTS`` documents it is kept
as it is, one more range, and a new overlay starts after it; kept overlays are merged in tiers
(``tiers``), so a query reads a few ranges more, and a merge costs what the changes cost, not N.
Past a share of dead slots, the deadest part is emptied a few documents a rebuild and dropped
(``retire``). Indexing everything again is due only when one build changes a large share
(``retire.FULL_SHARE``), or a site lost its index files. Files:

- ``o/b/<n>.js``, ``o/u/<n>.js``: the overlay's postings, as the base shards (``state.SHARD_BYTES``
  each); a key's first Δsection counts from 0, so the browser decodes base and overlay alike;
- ``o/s.js``: its documents as one ``s/`` block; ``o/d/<k>.js``: their display rows, as ``d/``;
- ``x/<k>/``: the same files of kept overlay k, its postings and rows written once (again when merged),
  removed when it is retired;
- ``t/<n>-<c>.js``: their texts, as the base's;
- ``meta.js`` gains ``overlays`` (folder, first document and section, count, shard counts; the
  current one last); facet values the base lacked are numbered after the base's, and
  ``facet_order`` gives the display order;
- a replaced base document's dead flag is set in its ``s/`` block, the only base file rewritten;
  a retired base range's postings, block and rows are removed, its shard counts set to 0.
"""
from __future__ import annotations

import shutil
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Container
from pathlib import Path

from ..render.writer import remove_stale
from .documents import DOC_BLOCK, FACETS, block_script, display_rows, facet_values, ordered
from .extract import SearchPage
from .index import SearchIndex, add_document, pending_postings
from .payload import read_script, script
from . import retire, tiers
from .postings import decode_numbers, encode_numbers
from .shards import ShardStats, postings_files, subfolders, text_files, write_files
from .state import Catalog, Overlay, dealt, load, page_digest, save, shard_bytes, tails_folder

# About 120 laws of postings: the overlay's files, rewritten on every rebuild, stay a few MB.
OVERLAY_BYTES = 2_000_000
OVERLAY_DOCUMENTS = 512
ORDER = 65536  # fewer overlay documents fall between two base documents: see url_order

CachedPage = Callable[[str], "SearchPage | None"]


def append(state_file: Path, out: Path, pages: list[SearchPage], urls: Container[str], search_page: str,
           cached: CachedPage) -> ShardStats | None:
    """A ``--dirty`` build's search stage: the ``pages`` it rendered appended to the index in ``out``
    (``urls``: every document of the build; ``cached``: URL → the page as the last build left it) and
    the state saved; None when the whole index is due (no state, a site that lost its index or a
    kept overlay's folder, the bounds passed). A damaged index file the writer reads raises
    ``ValueError`` naming it."""
    catalog = load(state_file)
    # Kept overlays' postings are written once: a site that lost them needs the whole index again.
    if catalog is None or not (out / "meta.js").exists() or \
            not all((out / folder).is_dir() for folder, _ in catalog.read_overlays[:-1]):
        return None
    fresh, dead = changes(catalog, pages, urls)
    # A build that changed no document (a hand-written page edited; ``mkdocs serve`` rebuilding for
    # another file) while no part is being emptied leaves the index as it is: writing the overlay's
    # files again took such a rebuild 0.1-0.25 s at 20,000 laws.
    if not fresh and not dead and catalog.retiring is None and catalog.meta["search_page"] == search_page:
        return ShardStats(documents=len(catalog.urls) - len(catalog.dead))
    if not update(catalog, fresh, dead, out, tails_folder(state_file), cached):
        return None
    stats = write_overlay(catalog, out, search_page)
    save(catalog, state_file)
    return stats


def changes(catalog: Catalog, pages: list[SearchPage], urls: Container[str]) -> tuple[list[SearchPage], set[int]]:
    """(pages to append, document numbers to mark dead) for the rendered ``pages`` among ``urls``,
    the documents of this build."""
    live = catalog.live()
    fresh = [page for page in pages if page.url not in live or catalog.digests[live[page.url]] != page_digest(page)]
    dead = {live[page.url] for page in fresh if page.url in live} | {n for url, n in live.items() if url not in urls}
    return fresh, dead


def update(catalog: Catalog, fresh: list[SearchPage], dead: set[int], out: Path, tails: Path,
           cached: CachedPage = lambda url: None) -> bool:
    """Append ``fresh`` pages to the overlay (to a new one, the full one kept), and some live pages of
    the part being emptied (``retire``; ``cached``: URL → page); mark ``dead`` slots. False past the
    bounds, or when a merge finds a kept overlay's files lost or a moved page is not cached (a full
    index is due; the catalog is then of no further use). ``out``: the index folder; ``tails``:
    ``state.tails_folder``."""
    if past_bounds(catalog, len(fresh), dead):
        return False
    moving = retire.to_move(catalog, catalog.dead | dead, len(fresh))
    moved = [cached(catalog.urls[n]) for n in moving]
    if any(page is None or page.url != catalog.urls[n] for n, page in zip(moving, moved)):
        return False
    pages = sorted(fresh, key=lambda page: page.url)
    fitted = fitting(catalog, pages, moved, out, tails)
    if fitted is None:
        return False
    index, taken = fitted
    overlay = catalog.overlay
    catalog.new_documents = index.documents
    overlay.documents += index.documents
    overlay.section_counts += [len(doc.sections) for doc in index.documents]
    catalog.urls += [page.url for page in pages + moved[:taken]]
    catalog.digests += [page_digest(page) for page in pages] + [catalog.digests[n] for n in moving[:taken]]
    dead = dead | set(moving[:taken])
    catalog.newly_dead = dead - catalog.dead
    catalog.dead |= dead
    catalog.newly_retired = [part for part in [retire.emptied(catalog)] if part is not None]
    for name in FACETS:
        known = set(catalog.meta["facets"][name]).union(*(o.facets.get(name, []) for _, o in catalog.overlays))
        added = sorted({value for doc in index.documents for value in facet_values(doc, name)} - known)
        if added:
            overlay.facets[name] = overlay.facets.get(name, []) + added
    return True


def fitting(catalog: Catalog, pages: list[SearchPage], moved: list[SearchPage], out: Path,
            tails: Path) -> tuple[SearchIndex, int] | None:
    """(The index of ``pages`` and as many of ``moved`` as fit the overlay, halved until they do; how
    many), the full overlay kept if need be; None if ``pages`` alone do not fit an empty one."""
    taken = len(moved)
    while True:
        index = appended(catalog.overlay, pages + moved[:taken])
        if index is None and catalog.overlay.documents:
            if not tiers.keep(catalog, out, tails):
                return None
            index = appended(catalog.overlay, pages + moved[:taken])
        if index is not None:
            return index, taken
        if taken == 0:
            return None
        taken //= 2


def past_bounds(catalog: Catalog, fresh: int, dead: set[int]) -> bool:
    """Dead slots past ``retire.FULL_SHARE`` of those read (a build that changed that much), or overlay
    documents that would crowd ``ORDER``."""
    return retire.dead_share(catalog, catalog.dead | dead) > retire.FULL_SHARE or \
        catalog.crowding + fresh + retire.MOVES >= ORDER


def appended(overlay: Overlay, pages: list[SearchPage]) -> SearchIndex | None:
    """``pages`` indexed after the overlay's documents, their postings added to its own; None (the
    overlay as it was) when they would pass its bounds."""
    if len(overlay.documents) + len(pages) > OVERLAY_DOCUMENTS:
        return None
    # Copies: the overlay's last sections must stay its own if the pages do not fit (a merge reads them).
    index = SearchIndex(last_section=dict(overlay.last_section), last_unigram_section=dict(overlay.last_unigram_section),
                        section_count=overlay.end_section)
    for page in pages:
        add_document(index, page)
    postings = pending_postings(index)
    bigrams = overlay.bigrams
    if shard_bytes(bigrams) + sum(len(text) + (key not in bigrams) * (len(key) * 3 + 1)
                                  for key, text in postings[0].items()) > OVERLAY_BYTES:
        return None
    overlay.last_section, overlay.last_unigram_section = index.last_section, index.last_unigram_section
    for added, coded in zip(postings, (overlay.bigrams, overlay.unigrams)):
        for key, numbers in added.items():
            coded[key] = coded.get(key, "") + numbers
    return index


def url_order(catalog: Catalog) -> dict[int, int]:
    """Per document of the overlays read, where it falls among the base's in URL order: ``ORDER`` ·
    the base document it precedes + its rank among the overlays' there (``catalog.crowding``: the
    most there). Base document n ranks ``ORDER`` · n + ``ORDER`` − 1, so equal scores list results
    in a full build's order."""
    base = catalog.urls[:catalog.base_documents]
    numbers = [n for _, overlay in catalog.read_overlays
               for n in range(overlay.first_document, overlay.first_document + len(overlay.section_counts))]
    order, taken = {}, Counter()
    for url, n in sorted((catalog.urls[n], n) for n in numbers):
        at = bisect_left(base, url)
        order[n] = ORDER * at + taken[at]
        taken[at] += 1
    catalog.crowding = max(taken.values(), default=0)
    return order


def numbering(catalog: Catalog) -> dict[str, list[str]]:
    """Per facet the values s/ blocks number: the base's, then those each overlay added."""
    return {name: values + [value for _, overlay in catalog.overlays for value in overlay.facets.get(name, [])]
            for name, values in catalog.meta["facets"].items()}


def meta_data(catalog: Catalog, search_page: str) -> dict:
    values = numbering(catalog)
    meta = {**catalog.meta, "search_page": search_page, "facets": values, "overlays": [
        {"path": f"{folder}/", "first_document": overlay.first_document, "first_section": overlay.first_section,
         "documents": len(overlay.documents), "bigram_shards": overlay.bigram_shards,
         "unigram_shards": overlay.unigram_shards} for folder, overlay in catalog.read_overlays]}
    if any(overlay.facets for _, overlay in catalog.overlays):
        meta["facet_order"] = {name: ordered(name, set(names)) for name, names in values.items()}
    return meta


def base_blocks(catalog: Catalog, out: Path):
    """The base ``s/`` blocks holding newly dead documents, their flags set (but those retired)."""
    first = catalog.base_documents
    for k in sorted({n // DOC_BLOCK for n in catalog.newly_dead if n < first} - {n // DOC_BLOCK for n in catalog.retired}):
        data = read_script(out / "s" / f"{k}.js")
        codes = decode_numbers(data["sections"])
        for n in catalog.newly_dead:
            if n // DOC_BLOCK == k and n < first:
                codes[n - k * DOC_BLOCK] |= 1
        yield f"s/{k}.js", script(f"s/{k}", {**data, "sections": encode_numbers(codes)})


def postings_shards(folder: str, overlay: Overlay):
    """(name, content) of the overlay's shards; their counts noted for ``meta.js``."""
    bigrams, unigrams = dealt(dict(overlay.bigrams)), dealt(dict(overlay.unigrams))
    overlay.bigram_shards, overlay.unigram_shards = len(bigrams), len(unigrams)
    yield from postings_files(f"{folder}/b", bigrams, compress=False)
    yield from postings_files(f"{folder}/u", unigrams, compress=True)


def block_files(catalog: Catalog):
    """(name, content) of every read overlay's ``s.js``: made again as their documents die and later
    overlays change their URL order (written only where that changed)."""
    number = {name: {value: n for n, value in enumerate(values)} for name, values in numbering(catalog).items()}
    order = url_order(catalog)
    for folder, overlay in catalog.read_overlays:
        yield f"{folder}/s.js", block_script(
            f"{folder}/s", [2 * count + (n in catalog.dead) for n, count in
                            enumerate(overlay.section_counts, start=overlay.first_document)],
            {name: [[number[name][value] for value in facet_values(doc, name)] for doc in overlay.documents]
             for name in FACETS},
            order=encode_numbers([order[n] for n in range(overlay.first_document,
                                                          overlay.first_document + len(overlay.documents))]))


def overlay_files(catalog: Catalog, search_page: str, out: Path):
    """(name, content) of the current overlay's files and those of kept overlays new or merged,
    every ``s.js``, ``meta.js`` and the base blocks of newly dead documents."""
    for k in sorted(catalog.unwritten):
        kept = catalog.kept[k]
        yield from postings_shards(f"x/{k}", kept)
        yield from display_rows(kept.documents, kept.chunk_sizes, f"x/{k}/d")
    yield from postings_shards("o", catalog.overlay)
    yield from text_files(catalog.new_documents, len(catalog.urls) - len(catalog.new_documents),
                          catalog.overlay.chunk_sizes)
    yield from display_rows(catalog.overlay.documents, catalog.overlay.chunk_sizes, "o/d")
    yield from block_files(catalog)
    yield from base_blocks(catalog, out)
    yield "meta.js", script("meta", meta_data(catalog, search_page), compress=False)


def write_overlay(catalog: Catalog, out: Path, search_page: str) -> ShardStats:
    """Write what the last ``update`` changed; drop the texts of documents now dead, and the files of
    overlays no longer there."""
    stats = ShardStats(documents=len(catalog.urls) - len(catalog.dead))
    written = write_files(overlay_files(catalog, search_page, out), out, stats)
    for folder in ["o", *(f"x/{k}" for k in catalog.unwritten)]:
        for kind in "bud":
            remove_stale(out / folder / kind, written, pattern="*.js")
    for folder in subfolders(out / "x"):
        if folder.name not in {str(k) for k in range(len(catalog.kept))}:
            shutil.rmtree(folder)
    for part in catalog.newly_retired:
        retire.remove_files(part, out, catalog.base_documents)
    for n in catalog.newly_dead:
        chunk = 0
        while (path := out / "t" / f"{n}-{chunk}.js").exists():
            path.unlink()
            chunk += 1
    return stats
