"""Parts of the index emptied one at a time and dropped, so that no rebuild indexes everything again.

An edit leaves the old text's slot dead in the part that holds it: a base range or a kept overlay.
Past ``COMPACT_SHARE`` dead slots among those still read, the part with the largest dead share
is emptied: each rebuild appends ``MOVES`` of its live documents again, from the pages the last
build cached, as if they were edited (they join the overlays, which are kept and merged as
usual). Once none is left, its postings are deleted and queries no longer read it. Documents
are moved about ten times as often as they are edited (a part is emptied at about a tenth
dead), and each rebuild moves a few: the same work at any archive size.
"""
from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from . import documents, index, tiers
from .state import Catalog

COMPACT_SHARE = 0.1
# A build that changes this many among the slots read (a share of the archive) makes the
# moves fall behind: it indexes everything again instead.
FULL_SHARE = 0.25
# About 0.25 s more a rebuild for laws (at 20,000); ten times the edits of a rebuild would do to
# keep the dead share at COMPACT_SHARE.
MOVES = 32
# A part with fewer dead slots than this share is not worth moving (the dead may all be in overlays
# still to be merged, e.g. one page edited again and again).
MIN_SHARE = COMPACT_SHARE / 4


@dataclass(frozen=True)
class Part:
    """Documents ``first`` to ``end`` − 1: base range ``first // index.RANGE``, or kept overlay ``kept``."""

    first: int
    end: int
    kept: int | None = None


def parts(catalog: Catalog) -> list[Part]:
    """The base's ranges and the kept overlays, in document order."""
    base = catalog.base_documents
    ranges = [Part(first, min(first + index.RANGE, base)) for first in range(0, base, index.RANGE)]
    return ranges + [Part(kept.first_document, kept.first_document + len(kept.section_counts), k)
                     for k, kept in enumerate(catalog.kept)]


def dead_share(catalog: Catalog, dead: set[int]) -> float:
    """Dead slots among those queries read, the part being emptied aside (its slots die as it is)."""
    aside = [part for part in parts(catalog) if part.first in catalog.retired or part.first == catalog.retiring]
    slots = len(catalog.urls) - sum(part.end - part.first for part in aside)
    dying = sum(part.end - part.first if part.first in catalog.retired else
                sum(n in dead for n in range(part.first, part.end)) for part in aside)
    return (len(dead) - dying) / max(1, slots)


def to_move(catalog: Catalog, dead: set[int], changed: int) -> list[int]:
    """The live documents (numbers; ``dead``: all the dead slots) this rebuild appends again: up to
    ``MOVES`` of the part being emptied, one chosen if the dead share is past ``COMPACT_SHARE``;
    none in a build of many changes."""
    if catalog.retiring is None and dead_share(catalog, dead) > COMPACT_SHARE:
        catalog.retiring = deadest(catalog, dead)
    part = next((part for part in parts(catalog) if part.first == catalog.retiring), None)
    if part is None or changed > MOVES:
        return []
    return [n for n in range(part.first, part.end) if n not in dead][:MOVES]


def deadest(catalog: Catalog, dead: set[int]) -> int | None:
    """The first document of the part with the largest dead share, if at least ``MIN_SHARE``: a base
    range, or a kept overlay of the top tier (the others are merged first)."""
    share = lambda part: sum(n in dead for n in range(part.first, part.end)) / max(1, part.end - part.first)
    candidates = [(share(part), -part.first) for part in parts(catalog) if part.first not in catalog.retired and
                  (part.kept is None or catalog.kept[part.kept].tier >= tiers.TOP_TIER)]
    best = max(candidates, default=(0, 0))
    return -best[1] if best[0] >= MIN_SHARE else None


def emptied(catalog: Catalog) -> Part | None:
    """The part being emptied, once all its documents are dead: now retired, its shard counts 0."""
    part = next((part for part in parts(catalog) if part.first == catalog.retiring), None)
    if part is None or any(n not in catalog.dead for n in range(part.first, part.end)):
        return None
    catalog.retired.add(part.first)
    catalog.retiring = None
    # Never read again but for the base's URLs (``overlay.url_order``): the state stays the size of the archive.
    for n in range(part.first, part.end):
        catalog.digests[n] = ""
        if part.kept is not None:
            catalog.urls[n] = ""
    if part.kept is None:
        r = part.first // index.RANGE
        catalog.meta["bigram_shards"][r] = catalog.meta["unigram_shards"][r] = 0
    else:
        kept = catalog.kept[part.kept]
        kept.documents, kept.bigram_shards, kept.unigram_shards = [], 0, 0
    return part


def remove_files(part: Part, out: Path, base: int) -> None:
    """A retired part's files: a base range's postings, ``s/`` block and the ``d/`` blocks wholly
    its own (of the base's ``base`` documents); a kept overlay's folder."""
    if part.kept is not None:
        shutil.rmtree(out / "x" / str(part.kept), ignore_errors=True)
        return
    r, block = part.first // index.RANGE, documents.BLOCK
    for kind in "bu":
        shutil.rmtree(out / kind / str(r), ignore_errors=True)
    (out / "s" / f"{part.first // documents.DOC_BLOCK}.js").unlink(missing_ok=True)
    for k in range(-(-part.first // block), -(-part.end // block) if part.end == base else part.end // block):
        (out / "d" / f"{k}.js").unlink(missing_ok=True)
