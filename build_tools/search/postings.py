"""Compact number lists as ASCII strings, shards of keys, and the shard of each key.

Shards are ``.js`` files holding JSON, so numbers are written as text: a
variable-length code over the 93 printable ASCII characters that need no
escaping in a JSON string. ``assets/archive-search-engine.js`` decodes them
(``decodeNumbers``), unpacks shards (``unpackShard``) and hashes keys the same
way (``shardOf``).
"""
from __future__ import annotations

# Printable ASCII without '"' and '\\'. The first END characters end a number, the
# others continue it (most significant digit first, base MORE). Measured on 3,475 laws,
# 65/28 writes the postings' numbers (mostly position gaps below 65) 2.7 % shorter than 45/45.
ALPHABET = "".join(chr(code) for code in range(32, 127) if chr(code) not in '"\\')
END = 65
MORE = len(ALPHABET) - END
_VALUE = {char: index for index, char in enumerate(ALPHABET)}


def encode_number(number: int) -> str:
    if number < 0:
        raise ValueError(f"no code for {number}: numbers are counts and distances")
    digits = [ALPHABET[number % END]]
    number //= END
    while number:
        digits.append(ALPHABET[END + number % MORE])
        number //= MORE
    return "".join(reversed(digits))


# Codes of the numbers below END·MORE, looked up rather than computed: nearly all
# numbers in the index are small deltas, and encoding is most of the write time.
_SHORT = [encode_number(number) for number in range(END * MORE)]


def encode_numbers(numbers) -> str:
    short, limit = _SHORT, END * MORE
    return "".join([short[n] if n < limit else encode_number(n) for n in numbers])


def decode_numbers(text: str) -> list[int]:
    numbers, value = [], 0
    for char in text:
        digit = _VALUE[char]
        if digit >= END:
            value = value * MORE + digit - END
        else:
            numbers.append(value * END + digit)
            value = 0
    return numbers


def first_number(text: str) -> tuple[int, str]:
    """The first number of coded ``text``, and the code after it."""
    end = 0
    while _VALUE[text[end]] >= END:
        end += 1
    return decode_numbers(text[:end + 1])[0], text[end + 1:]


def pack_shard(encoded: dict[str, str]) -> list[str]:
    """Keys (all of one length in code points) run together, then each key's coded length
    and coded numbers: a few bytes per key shorter than a JSON object of strings."""
    keys = sorted(encoded)
    return ["".join(keys), "".join(encode_number(len(encoded[key])) + encoded[key] for key in keys)]


def unpack_shard(data: list[str], key_length: int) -> dict[str, str]:
    keys, postings = data
    shard, at = {}, 0
    for start in range(0, len(keys), key_length):
        end = at
        while _VALUE[postings[end]] >= END:
            end += 1
        length = decode_numbers(postings[at:end + 1])[0]
        shard[keys[start:start + key_length]] = postings[end + 1:end + 1 + length]
        at = end + 1 + length
    return shard


def fnv1a(key: str) -> int:
    """32-bit FNV-1a over code points: cheap, and identical in JavaScript."""
    value = 0x811C9DC5
    for char in key:
        value = ((value ^ ord(char)) * 0x01000193) & 0xFFFFFFFF
    return value


def shard_of(key: str, shard_count: int) -> int:
    """``shard_count`` is a power of two."""
    return fnv1a(key) & (shard_count - 1)
