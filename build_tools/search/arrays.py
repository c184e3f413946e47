"""Array helpers of the search index's postings (``bulk``): characters as dense ranks, a stable
order by plain sorting, runs of equal values, and numbers coded as ``postings.encode_numbers`` does;
base 85 for the index files (``payload``).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .postings import ALPHABET, END, MORE

_ALPHABET = np.frombuffer(ALPHABET.encode("ascii"), dtype=np.uint8)


@dataclass
class Characters:
    """The sections' characters as dense ranks, and the code point of each rank."""

    ranks: np.ndarray  # per character of the joined sections
    points: np.ndarray  # rank → code point, ascending

    @classmethod
    def of(cls, text: str) -> Characters:
        codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        present = np.zeros(0x110000, dtype=bool)
        present[codes] = True
        return cls((np.cumsum(present) - 1)[codes], np.flatnonzero(present))

    def rank(self, char: str) -> int:
        """The rank of ``char``, or -1 if the text lacks it."""
        found = int(np.searchsorted(self.points, ord(char)))
        return found if found < len(self.points) and self.points[found] == ord(char) else -1

    def names(self, ranks: np.ndarray) -> str:
        return self.points[ranks].astype(np.uint32).tobytes().decode("utf-32-le", "surrogatepass")


def stable_order(codes: np.ndarray, limit: int) -> np.ndarray:
    """``np.argsort(codes, kind="stable")`` for codes below ``limit``: each code and its item's index
    in one number, sorted plainly."""
    index_bits = len(codes).bit_length()
    if (limit - 1).bit_length() + index_bits > 63:
        return np.argsort(codes, kind="stable")
    composite = codes << index_bits | np.arange(len(codes), dtype=np.int64)
    composite.sort()
    return composite & ((1 << index_bits) - 1)


def starts(values: np.ndarray) -> np.ndarray:
    """Whether each item starts a run of equal values."""
    found = np.ones(len(values), dtype=bool)
    found[1:] = values[1:] != values[:-1]
    return found


def code_lengths(numbers: np.ndarray) -> np.ndarray:
    """Characters of each number's code: one below END, one more per factor MORE above."""
    lengths, limit = np.ones(len(numbers), dtype=np.int64), END
    while (numbers >= limit).any():
        lengths += numbers >= limit
        limit *= MORE
    return lengths


def encoded(numbers: np.ndarray) -> tuple[str, np.ndarray]:
    """All numbers coded one after the other, and where each one's code starts."""
    lengths = code_lengths(numbers)
    ends = np.cumsum(lengths)
    chars = np.empty(int(ends[-1]), dtype=np.uint8)
    chars[ends - 1] = _ALPHABET[numbers % END]
    rest, digit = numbers // END, 1
    while (lengths > digit).any():
        longer = lengths > digit
        chars[ends[longer] - 1 - digit] = _ALPHABET[END + rest[longer] % MORE]
        rest, digit = rest // MORE, digit + 1
    return chars.tobytes().decode("ascii"), ends - lengths


_B85 = np.frombuffer(b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz!#$%&()*+-;<=>?@^_`{|}~",
                     dtype=np.uint8)


def b85encode(data: bytes) -> str:
    """``base64.b85encode(data).decode()``, as arrays: the standard library's loop over 4-byte words
    was a tenth of the search index's time (3,475 laws)."""
    padding = -len(data) % 4
    words = np.frombuffer(data + bytes(padding), dtype=">u4").astype(np.int64)
    digits = np.empty((len(words), 5), dtype=np.uint8)
    for place in range(4, -1, -1):
        words, digits[:, place] = np.divmod(words, 85)
    return _B85[digits].tobytes()[:len(digits) * 5 - padding].decode("ascii")
