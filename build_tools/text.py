"""Character-level rules for Chinese official-document text.

PDF and Word extraction leaves stray spaces between Chinese characters and
digits (``第 148 号``), ASCII punctuation between Chinese characters
(``委员:``) and letter-spaced title words (``答 复``). The page text is
normalised here, once, so every stage shows the same text; the raw file is
never changed.
"""
from __future__ import annotations

import re
import unicodedata

# Ideographs plus CJK and full-width punctuation ranges.
CJK = r"\u2e80-\u2fff\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
IDEOGRAPH = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Chinese punctuation that carries its own spacing, so spaces beside it are stray.
CJK_PUNCT = "，。、；：？！“”‘’《》〈〉（）【】〔〕「」『』—…·"

_SPACE = r"[ \t\u3000\u00a0]+"
_ANY_SPACE = re.compile(_SPACE)
_ANY_LATIN = re.compile(r"[0-9A-Za-z%]")
_SPACE_RUN = re.compile(r"[ \u3000\u00a0]{2,}")
_STRAY_BEFORE = re.compile(rf"(?<=[{CJK}]){_SPACE}(?=[0-9A-Za-z%])")
_STRAY_AFTER = re.compile(rf"(?<=[0-9A-Za-z%]){_SPACE}(?=[{CJK}])")
_DIGIT_PERCENT = re.compile(rf"(?<=\d){_SPACE}(?=%)")
_BESIDE_PUNCT = re.compile(rf"{_SPACE}(?=[{CJK_PUNCT}])|(?<=[{CJK_PUNCT}]){_SPACE}")
_ASCII_MARK = re.compile(rf"(?<=[{CJK}])\s*([,;:?!])|([,;:?!])\s*(?=[{IDEOGRAPH}])")
_FULL_WIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
_ANY_ASCII_MARK = re.compile(r"[,;:?!()]")
_PAREN_PAIR = re.compile(r"\(([^()\n]*)\)")
# A bracket whose partner is full-width already (（云政办发〔2018〕60号)) or on another line.
_LONE_PAREN = re.compile(rf"(?<=[{CJK}])\)|\((?=[{IDEOGRAPH}])")
_LETTER_SPACED = re.compile(rf"(?<![^\s])[{IDEOGRAPH}](?:[ \u3000][{IDEOGRAPH}])+(?![^\s])")


def is_cjk(char: str) -> bool:
    return bool(char) and bool(re.match(f"[{CJK}]", char))


class _CharWidths(dict):
    """Width of each character met so far: a text repeats a few thousand characters many times."""

    def __missing__(self, char: str) -> float:
        self[char] = 1.0 if unicodedata.east_asian_width(char) in "WF" else 0.5
        return self[char]


_WIDTHS = _CharWidths()


def width(text: str) -> float:
    """Display width in em: a Chinese character is 1, an ASCII character 1/2."""
    return sum(map(_WIDTHS.__getitem__, text))


def join(left: str, right: str) -> str:
    """Join two pieces of one wrapped sentence: a space only between Latin words."""
    if left and right and left[-1].isascii() and left[-1].isalpha() and right[0].isascii() and right[0].isalpha():
        return f"{left} {right}"
    return left + right


def full_width_marks(text: str) -> str:
    """ASCII ``,;:?!()`` touching Chinese text become their full-width forms.

    Times (09:14:01), ratios (1:20.8) and Latin text keep their ASCII marks.
    """
    if not _ANY_ASCII_MARK.search(text):  # every pattern replaces one of these
        return text
    text = _PAREN_PAIR.sub(_paren_pair, text)
    text = _LONE_PAREN.sub(lambda m: _FULL_WIDTH[m.group(0)], text)
    return _ASCII_MARK.sub(lambda m: _FULL_WIDTH[m.group(1) or m.group(2)], text)


def _paren_pair(match: re.Match) -> str:
    inner = match.group(1)
    start, end = match.span()
    before = match.string[:start].rstrip()[-1:]
    after = match.string[end:].lstrip()[:1]
    touches_cjk = re.search(f"[{IDEOGRAPH}]", inner) or is_cjk(before) or is_cjk(after)
    return f"（{inner}）" if touches_cjk else match.group(0)


def close_up(text: str) -> str:
    """Remove stray spaces between Chinese and digits/Latin and beside Chinese punctuation."""
    if not _ANY_SPACE.search(text):  # every pattern removes a space
        return text
    if _ANY_LATIN.search(text):  # the first three remove spaces beside a digit, a Latin letter or %
        for pattern in (_STRAY_BEFORE, _STRAY_AFTER, _DIGIT_PERCENT):
            text = pattern.sub("", text)
    return _BESIDE_PUNCT.sub("", text)


def unspace_letters(text: str) -> str:
    """``答 复`` → ``答复``: runs of single characters separated by spaces."""
    return _LETTER_SPACED.sub(lambda m: re.sub(r"[ \u3000]", "", m.group(0)), text)


def normalise(text: str) -> str:
    """Page text of one paragraph or cell (tabs and line ends already handled)."""
    text = _SPACE_RUN.sub(" ", text.replace("\u3000", " ")).strip()
    return close_up(full_width_marks(close_up(text)))


def normalise_short(text: str) -> str:
    """Titles, headings, cells and captions: also undo letter-spacing."""
    return normalise(unspace_letters(text.replace("\u3000", " ").strip()))


_ENDS = "。！？；：…!?;:"
_CLOSERS = "”’」』\""
_PAREN_CLOSERS = "）)"


def ends_sentence(text: str) -> bool:
    """Does ``text`` end a sentence (so a break after it may end the paragraph)?"""
    text = text.rstrip()
    if not text:
        return True
    last = text[-1]
    if last in _ENDS:
        return True
    if last in _CLOSERS:
        return len(text) > 1 and text[-2] in _ENDS
    if last in _PAREN_CLOSERS:
        opening = max(text.rfind("（"), text.rfind("("))
        return opening <= 0 or text[opening - 1] in _ENDS
    return False
