"""Chinese numerals as official texts write them, for dates, article and chapter numbers.

Two writings occur: digit by digit for years (二〇二二, 二○一二, 二Ｏ二三, 二零二一) and
positional with 十/百/千 for counts and ordinals (三十, 第一百二十三条, 二百零五, 一千零一).
cn2an and jionlp were weighed: both parse these, but this archive needs only these two
writings (no 万, no decimals, no mixed text), so a dozen tested lines beat a dependency.
"""
from __future__ import annotations

from functools import lru_cache

_DIGITS = {"〇": 0, "○": 0, "零": 0, "O": 0, "Ｏ": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
           "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}
_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")


@lru_cache(maxsize=1024)  # a text numbers its items 一, 二, 三 … again and again
def chinese_number(text: str) -> int:
    """二〇二二 → 2022, 三十 → 30, 十二 → 12, 一百二十三 → 123, 一千零一 → 1001, 7 → 7; ValueError otherwise."""
    text = text.strip().translate(_FULLWIDTH)
    if text.isdigit():
        return int(text)
    if not text or any(char not in _DIGITS and char not in _UNITS and not char.isdigit() for char in text):
        raise ValueError(f"not a Chinese numeral: {text!r}")
    if not any(char in _UNITS for char in text):
        return int("".join(str(_digit(char)) for char in text))
    total, digit = 0, None
    for char in text:
        if char in _UNITS:
            total += (1 if digit is None else digit) * _UNITS[char]
            digit = None
        else:
            digit = _digit(char)
    return total + (digit or 0)


def _digit(char: str) -> int:
    """A typed year mixes the two: 一九九0."""
    return int(char) if char.isdigit() else _DIGITS[char]
