"""Kept search overlays merged in tiers: ``FANOUT`` of one tier as one of the next, up to ``TOP_TIER``.

Each kept overlay is one more range a query reads. Merging them indexes nothing again: overlays
are consecutive, each key's postings in one run on after its postings in the one before (a
key's first Δsection, absolute in each overlay, becomes its distance to the key's last section
in the earlier ones), so the merged postings are those of one index of all their pages. A merge
reads the kept overlays' files and each key's last section, which ``state.save_tails`` keeps
beside the state; it costs what the changes since the full build cost, not the archive.
"""
from __future__ import annotations

from pathlib import Path

from .postings import encode_number, first_number
from .shards import read_shards
from .state import Catalog, Overlay, load_tails

# At most FANOUT − 1 kept overlays of a tier below the top, of ≈100, 400 laws …
FANOUT = 4
# Overlays of this tier (≈1,600 laws, merged in ≈3.7 s at 20,000) are merged no further: a merge
# costs at most that, and they add up like the base's ranges of 2,048 documents.
TOP_TIER = 2


def keep(catalog: Catalog, out: Path, tails: Path) -> bool:
    """Keep the full overlay as it is and start an empty one after it; merge the last ``FANOUT`` kept
    overlays while they are of one tier below the top. False if a merge finds a kept overlay's files lost."""
    full = catalog.overlay
    catalog.kept.append(full)
    catalog.unwritten.add(len(catalog.kept) - 1)
    catalog.overlay = Overlay(len(catalog.urls), full.end_section)
    while mergeable(catalog.kept):
        first = len(catalog.kept) - FANOUT
        if not all(k in catalog.unwritten or read_postings(catalog.kept[k], out / "x" / str(k), tails, k)
                   for k in range(first, len(catalog.kept))):
            return False
        try:
            catalog.kept[first:] = [merge(catalog.kept[first:])]
        except (KeyError, ValueError):  # last sections that do not fit the postings: not the files' own
            return False
        catalog.unwritten = {k for k in catalog.unwritten if k < first} | {first}
    return True


def mergeable(kept: list[Overlay]) -> bool:
    """The last ``FANOUT`` kept overlays are of one tier, below the top."""
    tiers = {overlay.tier for overlay in kept[-FANOUT:]}
    return len(kept) >= FANOUT and len(tiers) == 1 and min(tiers) < TOP_TIER


def read_postings(kept: Overlay, folder: Path, tails: Path, k: int) -> bool:
    """Kept overlay k's postings back from its files, and each key's last section; False if lost."""
    try:
        kept.bigrams = read_shards(folder / "b", kept.bigram_shards, key_length=2)
        kept.unigrams = read_shards(folder / "u", kept.unigram_shards, key_length=1)
    except (OSError, ValueError, KeyError, IndexError):
        return False
    return load_tails(tails, k, kept)


def merge(parts: list[Overlay]) -> Overlay:
    """Consecutive kept overlays, their postings in memory, as one of the next tier: the postings
    of one index of all their documents (a key's first Δsection in a part, absolute, becomes its
    distance to the key's last section in the parts before)."""
    whole = Overlay(parts[0].first_document, parts[0].first_section, tier=parts[0].tier + 1)
    for part in parts:
        whole.documents += part.documents
        whole.section_counts += part.section_counts
        whole.chunk_sizes += part.chunk_sizes
        for name, values in part.facets.items():
            whole.facets[name] = whole.facets.get(name, []) + values
        run_on(whole.bigrams, whole.last_section, part.bigrams, part.last_section)
        run_on(whole.unigrams, whole.last_unigram_section, part.unigrams, part.last_unigram_section)
    return whole


def run_on(coded: dict[str, str], last: dict[str, int], added: dict[str, str], added_last: dict[str, int]) -> None:
    """``added`` postings (a key's first Δsection absolute) after ``coded``; ``last``: each key's last
    section so far, then after them."""
    for key, numbers in added.items():
        if key in coded:
            first, rest = first_number(numbers)
            coded[key] += encode_number(first - last[key]) + rest
        else:
            coded[key] = numbers
    last.update(added_last)
