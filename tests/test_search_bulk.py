"""The index's postings, worked out as arrays (``search.bulk``), against the plain definition.

``reference`` is the postings layout written out character by character, as the index built them
before (one section at a time, a dict of positions per bigram); the array version must give the
very same coded text for any sections, in one chunk or many, from a fresh range or continuing
earlier numbers (the overlay of a ``--dirty`` build).
"""
from __future__ import annotations

import base64
from collections import defaultdict

from hypothesis import example, given
from hypothesis import strategies as st

from build_tools.search import bulk
from build_tools.search.arrays import b85encode
from build_tools.search.postings import encode_numbers


def reference(texts: list[str], first: int, last_bigram: dict[str, int], last_unigram: dict[str, int]):
    bigrams: dict[str, list[int]] = defaultdict(list)
    unigrams: dict[str, list[int]] = defaultdict(list)
    for number, text in enumerate(texts, start=first):
        positions: dict[str, list[int]] = defaultdict(list)
        for offset in range(len(text) - 1):
            positions[text[offset:offset + 2]].append(offset)
        for key, found in positions.items():
            if "\n" in key:
                continue
            bigrams[key] += [number - last_bigram.get(key, 0), 2 * found[0] + (len(found) > 1)]
            if len(found) > 1:
                bigrams[key] += [len(found) - 2] + [b - a for a, b in zip(found, found[1:])]
            last_bigram[key] = number
        for char in set(text) - {"\n", " "}:
            unigrams[char].append(number - last_unigram.get(char, 0))
            last_unigram[char] = number
    return tuple({key: encode_numbers(numbers[key]) for key in sorted(numbers)} for numbers in (bigrams, unigrams))


# Few distinct characters, so that bigrams repeat within and across sections; a line break and a
# space; a character outside the BMP and one of the Private Use Area; a lone surrogate.
ALPHABET = "法律第条甲乙 \n1aＡ\U00020000\ue000\ud800"
SECTIONS = st.lists(st.text(alphabet=ALPHABET, max_size=60), max_size=12)


@given(texts=SECTIONS, first=st.integers(0, 5000), chunk=st.sampled_from([1, 7, 64, bulk.CHUNK]),
       earlier=st.dictionaries(st.text(alphabet="法律甲\n", min_size=2, max_size=2), st.integers(0, 4), max_size=4))
@example(texts=[], first=0, chunk=bulk.CHUNK, earlier={})
@example(texts=["", "甲", "\n\n", "甲乙甲乙丙", "乙丙"], first=3, chunk=2, earlier={"乙丙": 1})
def test_array_postings_are_the_plain_ones(texts, first, chunk, earlier):
    last = {key: min(value, first) for key, value in earlier.items()}  # a key's last section precedes these
    expected_last = dict(last), {}
    expected = reference(texts, first, *expected_last)
    found_last = dict(last), {}
    saved, bulk.CHUNK = bulk.CHUNK, chunk
    try:
        found = bulk.coded_postings(texts, first, *found_last)
    finally:
        bulk.CHUNK = saved
    assert found == expected
    assert list(found[0]) == sorted(found[0]) and list(found[1]) == sorted(found[1])
    assert found_last == expected_last


@given(st.binary(max_size=70))
@example(b"")
@example(b"\xff\xff\xff\xff\x00")
def test_base85_is_the_standard_librarys(data):
    assert b85encode(data) == base64.b85encode(data).decode("ascii")
