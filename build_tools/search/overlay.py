"""Documents appended by ``--dirty`` builds since the last full build: a small index beside the base.

Appending a page to the base shards rewrote one shard per bigram of the page (≈1,600 files for
a law) and needed every posting of the archive in memory. Instead the base files stay as the full
build wrote them; the pages a rebuild rendered anew are appended to the overlay, whose files are
rewritten on each rebuild, which therefore costs the same at any archive size. The overlay stays
bounded: past ``OVERLAY_BYTES`` of bigram postings, ``OVERLAY_DOCUMENTS`` documents or
``COMPACT_SHARE`` dead slots the caller indexes everything again, which empties it. Files:

- ``o/b/<n>.js``, ``o/u/<n>.js``: the overlay's postings, as the base shards (``state.SHARD_BYTES``
  each); a key's first Δsection counts from 0, so the browser decodes base and overlay alike;
- ``o/s.js``: its documents as one ``s/`` block; ``o/d.js``: their display rows;
- ``t/<n>-<c>.js``: their texts, as the base's;
- ``meta.js`` gains ``overlay`` (first document and section, count, shard counts); facet values
  the base lacked are numbered after the base's, and ``facet_order`` gives the display order;
- a replaced base document's dead flag is set in its ``s/`` block, the only base file rewritten.
"""
from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from pathlib import Path

from ..render.writer import remove_stale
from .documents import DOC_BLOCK, FACETS, block_script, display_row, facet_values, ordered
from .extract import SearchPage
from .index import META_FIELDS, SearchIndex, add_document, pending_postings
from .payload import read_script, script
from .postings import decode_numbers, encode_numbers
from .shards import ShardStats, postings_files, text_files, write_files
from .state import Catalog, dealt, page_digest, shard_bytes

COMPACT_SHARE = 0.1
# About 120 laws of postings: the overlay's files, rewritten on every rebuild, stay a few MB.
OVERLAY_BYTES = 2_000_000
OVERLAY_DOCUMENTS = 512
ORDER = 1024  # above OVERLAY_DOCUMENTS: see url_order


def changes(catalog: Catalog, pages: list[SearchPage], urls: set[str]) -> tuple[list[SearchPage], set[int]]:
    """(pages to append, document numbers to mark dead) for the rendered ``pages`` among ``urls``,
    the documents of this build."""
    live = catalog.live()
    fresh = [page for page in pages if page.url not in live or catalog.digests[live[page.url]] != page_digest(page)]
    dead = {live[page.url] for page in fresh if page.url in live} | {n for url, n in live.items() if url not in urls}
    return fresh, dead


def update(catalog: Catalog, fresh: list[SearchPage], dead: set[int]) -> bool:
    """Append ``fresh`` pages to the overlay and mark ``dead`` slots; False when that would pass the
    overlay's bounds (a full index is due; the catalog is then of no further use)."""
    overlay = catalog.overlay
    if (len(catalog.dead | dead) > COMPACT_SHARE * max(1, len(catalog.urls))
            or len(overlay.documents) + len(fresh) > OVERLAY_DOCUMENTS):
        return False
    index = SearchIndex(last_section=overlay.last_section, last_unigram_section=overlay.last_unigram_section,
                        section_count=overlay.first_section + sum(len(META_FIELDS) + c for c in overlay.section_counts))
    pages = sorted(fresh, key=lambda page: page.url)
    for page in pages:
        add_document(index, page)
    for postings, coded in zip(pending_postings(index), (overlay.bigrams, overlay.unigrams)):
        for key, numbers in postings.items():
            coded[key] = coded.get(key, "") + numbers
    if shard_bytes(overlay.bigrams) > OVERLAY_BYTES:
        return False
    catalog.new_documents = index.documents
    overlay.documents += index.documents
    overlay.section_counts += [len(doc.sections) for doc in index.documents]
    catalog.urls += [page.url for page in pages]
    catalog.digests += [page_digest(page) for page in pages]
    catalog.newly_dead = dead - catalog.dead
    catalog.dead |= dead
    for name in FACETS:
        known = set(catalog.meta["facets"][name]) | set(overlay.facets.get(name, []))
        added = sorted({value for doc in index.documents for value in facet_values(doc, name)} - known)
        if added:
            overlay.facets[name] = overlay.facets.get(name, []) + added
    return True


def url_order(catalog: Catalog) -> list[int]:
    """Per overlay document, where it falls among the base's in URL order: ``ORDER`` · the base
    document it precedes + its rank among the overlay's there. Base document n ranks
    ``ORDER`` · n + ``ORDER`` − 1, so equal scores list results in a full build's order."""
    first = catalog.overlay.first_document
    base, urls = catalog.urls[:first], catalog.urls[first:]
    order, taken = [0] * len(urls), Counter()
    for url, j in sorted((url, j) for j, url in enumerate(urls)):
        at = bisect_left(base, url)
        order[j] = ORDER * at + taken[at]
        taken[at] += 1
    return order


def numbering(catalog: Catalog) -> dict[str, list[str]]:
    """Per facet the values s/ blocks number: the base's, then those the overlay added."""
    return {name: values + catalog.overlay.facets.get(name, []) for name, values in catalog.meta["facets"].items()}


def meta_data(catalog: Catalog, search_page: str, bigrams: list, unigrams: list) -> dict:
    overlay, values = catalog.overlay, numbering(catalog)
    meta = {**catalog.meta, "search_page": search_page, "facets": values, "overlay": {
        "first_document": overlay.first_document, "first_section": overlay.first_section,
        "documents": len(overlay.documents), "bigram_shards": len(bigrams), "unigram_shards": len(unigrams)}}
    if overlay.facets:
        meta["facet_order"] = {name: ordered(name, set(names)) for name, names in values.items()}
    return meta


def base_blocks(catalog: Catalog, out: Path):
    """The base ``s/`` blocks holding newly dead documents, their flags set."""
    first = catalog.overlay.first_document
    for k in sorted({n // DOC_BLOCK for n in catalog.newly_dead if n < first}):
        data = read_script(out / "s" / f"{k}.js")
        codes = decode_numbers(data["sections"])
        for n in catalog.newly_dead:
            if n // DOC_BLOCK == k and n < first:
                codes[n - k * DOC_BLOCK] |= 1
        yield f"s/{k}.js", script(f"s/{k}", {**data, "sections": encode_numbers(codes)})


def overlay_files(catalog: Catalog, search_page: str, out: Path):
    """(name, content) of ``meta.js``, the base blocks of newly dead documents and every overlay file."""
    overlay = catalog.overlay
    bigrams, unigrams = dealt(dict(overlay.bigrams)), dealt(dict(overlay.unigrams))
    yield "meta.js", script("meta", meta_data(catalog, search_page, bigrams, unigrams), compress=False)
    yield from base_blocks(catalog, out)
    number = {name: {value: n for n, value in enumerate(values)} for name, values in numbering(catalog).items()}
    yield "o/s.js", block_script("o/s", [2 * count + (n in catalog.dead) for n, count in
                                         enumerate(overlay.section_counts, start=overlay.first_document)],
                                 {name: [[number[name][value] for value in facet_values(doc, name)]
                                         for doc in overlay.documents] for name in FACETS},
                                 order=encode_numbers(url_order(catalog)))
    yield from postings_files("o/b", bigrams, compress=False)
    yield from postings_files("o/u", unigrams, compress=True)
    yield from text_files(catalog.new_documents, len(catalog.urls) - len(catalog.new_documents), overlay.chunk_sizes)
    yield "o/d.js", script("o/d", [display_row(doc, sizes) for doc, sizes in zip(overlay.documents, overlay.chunk_sizes)])


def write_overlay(catalog: Catalog, out: Path, search_page: str) -> ShardStats:
    """Write what the last ``update`` changed; drop the texts of documents now dead."""
    stats = ShardStats(documents=len(catalog.urls) - len(catalog.dead))
    written = write_files(overlay_files(catalog, search_page, out), out, stats)
    for kind in ("o/b", "o/u"):
        remove_stale(out / kind, written, pattern="*.js")
    for n in catalog.newly_dead:
        chunk = 0
        while (path := out / "t" / f"{n}-{chunk}.js").exists():
            path.unlink()
            chunk += 1
    return stats
