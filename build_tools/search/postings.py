"""Compact number lists as ASCII strings, and the shard of each index key.

Shards are ``.js`` files holding JSON, so numbers are written as text: a
variable-length base-45 code whose characters need no escaping in a JSON
string. ``assets/archive-search-engine.js`` decodes them (``decodeNumbers``) and
hashes keys the same way (``shardOf``).
"""
from __future__ import annotations

# 90 printable ASCII characters without '"' and '\\'; the first 45 end a number,
# the last 45 continue it (most significant digit first).
ALPHABET = "".join(chr(code) for code in range(35, 127) if chr(code) != "\\")[:90]
BASE = 45
_VALUE = {char: index for index, char in enumerate(ALPHABET)}


def encode_number(number: int) -> str:
    digits = [number % BASE]
    number //= BASE
    while number:
        digits.append(number % BASE)
        number //= BASE
    return "".join(ALPHABET[BASE + digit] for digit in reversed(digits[1:])) + ALPHABET[digits[0]]


# Codes of the numbers below 45², looked up rather than computed: nearly all
# numbers in the index are small deltas, and encoding is most of the write time.
_SHORT = [encode_number(number) for number in range(BASE * BASE)]


def encode_numbers(numbers) -> str:
    short = _SHORT
    return "".join([short[n] if n < 2025 else encode_number(n) for n in numbers])


def decode_numbers(text: str) -> list[int]:
    numbers, value = [], 0
    for char in text:
        digit = _VALUE[char]
        if digit >= BASE:
            value = value * BASE + digit - BASE
        else:
            numbers.append(value * BASE + digit)
            value = 0
    return numbers


def fnv1a(key: str) -> int:
    """32-bit FNV-1a over code points: cheap, and identical in JavaScript."""
    value = 0x811C9DC5
    for char in key:
        value = ((value ^ ord(char)) * 0x01000193) & 0xFFFFFFFF
    return value


def shard_of(key: str, shard_count: int) -> int:
    """``shard_count`` is a power of two."""
    return fnv1a(key) & (shard_count - 1)

