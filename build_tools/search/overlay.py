"""Documents appended by ``--dirty`` builds since the last full build: small indexes beside the base.

Appending a page to the base shards rewrote one shard per bigram of the page (≈1,600 files for
a law) and needed every posting of the archive in memory. Instead the base files stay as the full
build wrote them; the pages a rebuild rendered anew are appended to the overlay, whose files are
rewritten on each rebuild, which therefore costs the same at any archive size. The overlay stays
bounded: past ``OVERLAY_BYTES`` of bigram postings or ``OVERLAY_DOCUMENTS`` documents it is kept
as it is, one more range, and a new overlay starts after it. Indexing everything again (seconds
per thousand documents) is due only past ``KEPT_LIMIT`` kept overlays or ``COMPACT_SHARE`` dead
slots. Files:

- ``o/b/<n>.js``, ``o/u/<n>.js``: the overlay's postings, as the base shards (``state.SHARD_BYTES``
  each); a key's first Δsection counts from 0, so the browser decodes base and overlay alike;
- ``o/s.js``: its documents as one ``s/`` block; ``o/d.js``: their display rows;
- ``x/<k>/``: the same files of kept overlay k, its postings written once;
- ``t/<n>-<c>.js``: their texts, as the base's;
- ``meta.js`` gains ``overlays`` (folder, first document and section, count, shard counts; the
  current one last); facet values the base lacked are numbered after the base's, and
  ``facet_order`` gives the display order;
- a replaced base document's dead flag is set in its ``s/`` block, the only base file rewritten.
"""
from __future__ import annotations

import shutil
from bisect import bisect_left
from collections import Counter
from pathlib import Path

from ..render.writer import remove_stale
from .documents import DOC_BLOCK, FACETS, block_script, display_row, facet_values, ordered
from .extract import SearchPage
from .index import SearchIndex, add_document, pending_postings
from .payload import read_script, script
from .postings import decode_numbers, encode_numbers
from .shards import ShardStats, postings_files, subfolders, text_files, write_files
from .state import Catalog, Overlay, dealt, page_digest, shard_bytes

COMPACT_SHARE = 0.1
# About 120 laws of postings: the overlay's files, rewritten on every rebuild, stay a few MB.
OVERLAY_BYTES = 2_000_000
OVERLAY_DOCUMENTS = 512
# Each kept overlay is one more range a query reads (a few small shards): about 1,000 laws changed
# before everything is indexed again.
KEPT_LIMIT = 8
ORDER = 8192  # above (KEPT_LIMIT + 1) · OVERLAY_DOCUMENTS: see url_order


def changes(catalog: Catalog, pages: list[SearchPage], urls: set[str]) -> tuple[list[SearchPage], set[int]]:
    """(pages to append, document numbers to mark dead) for the rendered ``pages`` among ``urls``,
    the documents of this build."""
    live = catalog.live()
    fresh = [page for page in pages if page.url not in live or catalog.digests[live[page.url]] != page_digest(page)]
    dead = {live[page.url] for page in fresh if page.url in live} | {n for url, n in live.items() if url not in urls}
    return fresh, dead


def update(catalog: Catalog, fresh: list[SearchPage], dead: set[int]) -> bool:
    """Append ``fresh`` pages to the overlay (to a new one, the full one kept) and mark ``dead`` slots;
    False past the bounds (a full index is due; the catalog is then of no further use)."""
    if len(catalog.dead | dead) > COMPACT_SHARE * max(1, len(catalog.urls)):
        return False
    pages = sorted(fresh, key=lambda page: page.url)
    index = appended(catalog.overlay, pages)
    if index is None and catalog.overlay.documents and len(catalog.kept) < KEPT_LIMIT:
        promote(catalog)
        index = appended(catalog.overlay, pages)
    if index is None:
        return False
    overlay = catalog.overlay
    catalog.new_documents = index.documents
    overlay.documents += index.documents
    overlay.section_counts += [len(doc.sections) for doc in index.documents]
    catalog.urls += [page.url for page in pages]
    catalog.digests += [page_digest(page) for page in pages]
    catalog.newly_dead = dead - catalog.dead
    catalog.dead |= dead
    for name in FACETS:
        known = set(catalog.meta["facets"][name]).union(*(o.facets.get(name, []) for _, o in catalog.overlays))
        added = sorted({value for doc in index.documents for value in facet_values(doc, name)} - known)
        if added:
            overlay.facets[name] = overlay.facets.get(name, []) + added
    return True


def appended(overlay: Overlay, pages: list[SearchPage]) -> SearchIndex | None:
    """``pages`` indexed after the overlay's documents, their postings added to its own; None when
    they would pass its bounds (its ``last_section`` is then spent: it can only be kept)."""
    if len(overlay.documents) + len(pages) > OVERLAY_DOCUMENTS:
        return None
    index = SearchIndex(last_section=overlay.last_section, last_unigram_section=overlay.last_unigram_section,
                        section_count=overlay.end_section)
    for page in pages:
        add_document(index, page)
    postings = pending_postings(index)
    bigrams = overlay.bigrams
    if shard_bytes(bigrams) + sum(len(text) + (key not in bigrams) * (len(key) * 3 + 1)
                                  for key, text in postings[0].items()) > OVERLAY_BYTES:
        return None
    for added, coded in zip(postings, (overlay.bigrams, overlay.unigrams)):
        for key, numbers in added.items():
            coded[key] = coded.get(key, "") + numbers
    return index


def promote(catalog: Catalog) -> None:
    """Keep the full overlay as it is and start an empty one after it."""
    full = catalog.overlay
    catalog.kept.append(full)
    catalog.overlay = Overlay(len(catalog.urls), full.end_section)
    catalog.promoted = True


def url_order(catalog: Catalog) -> list[int]:
    """Per document of the overlays, where it falls among the base's in URL order: ``ORDER`` · the
    base document it precedes + its rank among the overlays' there. Base document n ranks
    ``ORDER`` · n + ``ORDER`` − 1, so equal scores list results in a full build's order."""
    first = catalog.base_documents
    base, urls = catalog.urls[:first], catalog.urls[first:]
    order, taken = [0] * len(urls), Counter()
    for url, j in sorted((url, j) for j, url in enumerate(urls)):
        at = bisect_left(base, url)
        order[j] = ORDER * at + taken[at]
        taken[at] += 1
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
         "unigram_shards": overlay.unigram_shards} for folder, overlay in catalog.overlays]}
    if any(overlay.facets for _, overlay in catalog.overlays):
        meta["facet_order"] = {name: ordered(name, set(names)) for name, names in values.items()}
    return meta


def base_blocks(catalog: Catalog, out: Path):
    """The base ``s/`` blocks holding newly dead documents, their flags set."""
    first = catalog.base_documents
    for k in sorted({n // DOC_BLOCK for n in catalog.newly_dead if n < first}):
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


def document_files(catalog: Catalog):
    """(name, content) of every overlay's ``s.js`` and ``d.js``: rewritten as their documents die and
    later overlays change their URL order (written only where that changed)."""
    number = {name: {value: n for n, value in enumerate(values)} for name, values in numbering(catalog).items()}
    order = iter(url_order(catalog))
    for folder, overlay in catalog.overlays:
        yield f"{folder}/s.js", block_script(
            f"{folder}/s", [2 * count + (n in catalog.dead) for n, count in
                            enumerate(overlay.section_counts, start=overlay.first_document)],
            {name: [[number[name][value] for value in facet_values(doc, name)] for doc in overlay.documents]
             for name in FACETS},
            order=encode_numbers([next(order) for _ in overlay.documents]))
        yield f"{folder}/d.js", script(f"{folder}/d", [display_row(doc, sizes) for doc, sizes
                                                       in zip(overlay.documents, overlay.chunk_sizes)])


def overlay_files(catalog: Catalog, search_page: str, out: Path):
    """(name, content) of every overlay file, ``meta.js`` and the base blocks of newly dead documents."""
    if catalog.promoted:
        yield from postings_shards(f"x/{len(catalog.kept) - 1}", catalog.kept[-1])
    yield from postings_shards("o", catalog.overlay)
    yield from text_files(catalog.new_documents, len(catalog.urls) - len(catalog.new_documents),
                          catalog.overlay.chunk_sizes)
    yield from document_files(catalog)
    yield from base_blocks(catalog, out)
    yield "meta.js", script("meta", meta_data(catalog, search_page), compress=False)


def write_overlay(catalog: Catalog, out: Path, search_page: str) -> ShardStats:
    """Write what the last ``update`` changed; drop the texts of documents now dead, and the files of
    overlays no longer there."""
    stats = ShardStats(documents=len(catalog.urls) - len(catalog.dead))
    written = write_files(overlay_files(catalog, search_page, out), out, stats)
    for kind in ("o/b", "o/u"):
        remove_stale(out / kind, written, pattern="*.js")
    for folder in subfolders(out / "x"):
        if folder.name not in {str(k) for k in range(len(catalog.kept))}:
            shutil.rmtree(folder)
    for n in catalog.newly_dead:
        chunk = 0
        while (path := out / "t" / f"{n}-{chunk}.js").exists():
            path.unlink()
            chunk += 1
    return stats
