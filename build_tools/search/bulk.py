"""The postings of many sections at once, as arrays (numpy), coded as ``postings.encode_numbers`` does.

Indexing character by character in Python was most of a full build's search stage: 22 s of
3,475 laws' 30 on one core, while the other waited (issue 16). Here a range's text becomes one
array of characters; its bigrams are sorted once (by bigram, then section and offset, which is
the order of the postings) and every number of the postings is worked out and coded to text as
arrays. Python touches each distinct key once, to name it and cut its text out.

Layout of the numbers: per bigram, per section holding it, Δsection,
2·first offset + (more than one?), then only if more than one: count − 2 and the gaps to the next
offsets (most bigrams occur once in a section: the flag folded into the offset saves a sixth of the
index); per character, the Δsection of each section holding it. A key's first Δsection counts
from ``last[key]`` (0 for a new range), and ``last`` is left at each key's last section.

Characters are numbered densely in code-point order (``Characters``), so a bigram and its item's
place fit one 64-bit number, and a plain sort orders them: on a million characters numpy's stable
sort of 64-bit keys, ``unique`` and a ``searchsorted`` per character were each slower than the
Python they replace.
"""
from __future__ import annotations

import numpy as np

from .arrays import Characters, encoded, stable_order, starts

_SKIPPED = ("\n", " ")  # a line break ends bigrams; neither is a searchable character
CHUNK = 1 << 20  # characters worked out at once: about 100 MB of arrays


def coded_postings(texts: list[str], first: int, last_bigram: dict[str, int],
                   last_unigram: dict[str, int]) -> tuple[dict[str, str], dict[str, str]]:
    """(bigram → coded numbers, character → coded numbers), keys sorted, of ``texts``, the sections
    numbered from ``first``. No bigram spans two sections or holds a line break.

    Worked out ``CHUNK`` characters at a time, each chunk's numbers appended to the keys' earlier
    ones (its first Δsection counts from ``last``): a whole range at once held 1.7 GB of arrays
    at 3,475 laws, and fresh memory is slow to touch."""
    bigrams: dict[str, str] = {}
    unigrams: dict[str, str] = {}
    for start, end in _chunks(texts):
        for found, coded in zip(_chunk_postings(texts[start:end], first + start, last_bigram, last_unigram),
                                (bigrams, unigrams)):
            for key, numbers in found.items():
                coded[key] = coded[key] + numbers if key in coded else numbers
    return dict(sorted(bigrams.items())), dict(sorted(unigrams.items()))


def _chunks(texts: list[str]) -> list[tuple[int, int]]:
    """(start, end) of runs of whole sections of about ``CHUNK`` characters."""
    bounds, size, start = [], 0, 0
    for end, text in enumerate(texts, start=1):
        size += len(text)
        if size >= CHUNK:
            bounds.append((start, end))
            start, size = end, 0
    return bounds + ([(start, len(texts))] if start < len(texts) else [])


def _chunk_postings(texts: list[str], first: int, last_bigram: dict[str, int],
                    last_unigram: dict[str, int]) -> tuple[dict[str, str], dict[str, str]]:
    chars = Characters.of("".join(texts))
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    sections = np.repeat(np.arange(first, first + len(texts), dtype=np.int64), lengths)
    offsets = np.arange(len(sections), dtype=np.int64) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    ranks, breaking = chars.ranks, chars.rank(_SKIPPED[0])
    pair = (sections[:-1] == sections[1:]) & (ranks[:-1] != breaking) & (ranks[1:] != breaking)
    width = max(len(chars.points), 1)
    codes = (ranks[:-1] * width + ranks[1:])[pair]
    bigrams = _bigram_postings(codes, width * width, sections[:-1][pair], offsets[:-1][pair], last_bigram,
                               lambda found: _pairs(chars.names(np.stack([found // width, found % width], 1).ravel())))
    kept = np.isin(ranks, [chars.rank(char) for char in _SKIPPED], invert=True)
    unigrams = _unigram_postings(ranks[kept], sections[kept], first, len(texts), last_unigram,
                                 lambda found: list(chars.names(found)))
    return bigrams, unigrams


def _pairs(text: str) -> list[str]:
    return [text[at:at + 2] for at in range(0, len(text), 2)]


def _bigram_postings(codes: np.ndarray, limit: int, sections: np.ndarray, offsets: np.ndarray,
                     last: dict[str, int], names) -> dict[str, str]:
    order = stable_order(codes, limit)  # each bigram's sections and offsets stay in order
    codes, sections, offsets = codes[order], sections[order], offsets[order]
    new_key = starts(codes)
    new_pair = new_key | starts(sections)
    pair_at = np.flatnonzero(new_pair)
    counts = np.diff(np.append(pair_at, len(codes)))
    more = counts > 1
    emitted = np.ones(len(codes), dtype=np.int64)
    emitted[pair_at] = 2 + more
    place = np.cumsum(emitted) - emitted
    keys = names(codes[new_key])
    numbers = np.empty(int(emitted.sum()), dtype=np.int64)
    numbers[place[pair_at]] = _deltas(sections[pair_at], new_key[pair_at], keys, last)
    numbers[place[pair_at] + 1] = 2 * offsets[pair_at] + more
    numbers[place[pair_at][more] + 2] = counts[more] - 2
    later = np.flatnonzero(~new_pair)
    numbers[place[later]] = offsets[later] - offsets[later - 1]
    key_at = np.flatnonzero(new_key)
    return _coded(numbers, place[key_at], keys, sections, key_at, last)


def _unigram_postings(ranks: np.ndarray, sections: np.ndarray, first: int, count: int, last: dict[str, int],
                      names) -> dict[str, str]:
    """Each character's sections, once each."""
    shift = max(count, 1).bit_length()
    pairs = np.sort(ranks << shift | (sections - first))
    pairs = pairs[starts(pairs)]
    ranks, sections = pairs >> shift, (pairs & ((1 << shift) - 1)) + first
    new_key = starts(ranks)
    keys = names(ranks[new_key])
    key_at = np.flatnonzero(new_key)
    return _coded(_deltas(sections, new_key, keys, last), key_at, keys, sections, key_at, last)


def _deltas(sections: np.ndarray, new_key: np.ndarray, keys: list[str], last: dict[str, int]) -> np.ndarray:
    """Each section's distance to the key's previous one; a key's first, to ``last[key]`` or 0."""
    deltas = np.empty(len(sections), dtype=np.int64)
    deltas[1:] = sections[1:] - sections[:-1]
    base = np.array([last.get(key, 0) for key in keys] if last else np.zeros(len(keys)), dtype=np.int64)
    deltas[new_key] = sections[new_key] - base
    return deltas


def _coded(numbers: np.ndarray, key_at: np.ndarray, keys: list[str], sections: np.ndarray, items_at: np.ndarray,
           last: dict[str, int]) -> dict[str, str]:
    """Each key's numbers (from ``key_at`` to the next key's) as text; ``last`` set to its last section."""
    if not keys:
        return {}
    text, begins = encoded(numbers)
    bounds = np.append(begins[key_at], len(text)).tolist()
    last.update(zip(keys, sections[np.append(items_at[1:], len(sections)) - 1].tolist()))
    return {key: text[bounds[n]:bounds[n + 1]] for n, key in enumerate(keys)}
