"""The normalised text form that the index, the query and the evaluation share.

A query must match the page however the user typed brackets, widths and
spaces, so both sides are reduced to one form, character by character.
``assets/archive-search-engine.js`` implements the very same rules (``normalise``);
``tests/test_search_browser.py`` (test_browser_and_python_normalise_the_same_way)
runs both on the same cases.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# Bracket variants used around document-number years: 〔2023〕 [2023] ［2023］ 【2023】 （2023） (2023).
OPEN_BRACKETS = "〔[【(〖"
CLOSE_BRACKETS = "〕]】)〗"
# Block boundaries (paragraphs, cells, headings): a match never spans one.
HARD_BREAKS = "\n\r\u2028\u2029"
SOFT_SPACES = " \t\f\v\u00a0\u3000\u2002\u2003\u2009\u200b"


def fold_char(char: str) -> str:
    """Full-width to half-width, bracket variants to ( ), ASCII lower case."""
    code = ord(char)
    if 0xFF01 <= code <= 0xFF5E:
        char = chr(code - 0xFEE0)
    if char in OPEN_BRACKETS:
        return "("
    if char in CLOSE_BRACKETS:
        return ")"
    if char in HARD_BREAKS:
        return "\n"
    if char in SOFT_SPACES:
        return " "
    return char.lower() if "A" <= char <= "Z" else char


# The characters fold_char changes, and what it makes of them: every other character stays.
_FOLDED = {c: fold_char(c) for c in [chr(code) for code in range(0xFF01, 0xFF5F)] + list(
    OPEN_BRACKETS + CLOSE_BRACKETS + HARD_BREAKS + SOFT_SPACES + "ABCDEFGHIJKLMNOPQRSTUVWXYZ") if fold_char(c) != c}
# Found by one regular expression, not ``str.translate``, which looks every character of a Chinese
# text up in its table: a text holds few of them (brackets, ideographic spaces), and the whole index
# build folded its texts three times as fast (issue 16).
_FOLDABLE = re.compile("[" + re.escape("".join(sorted(_FOLDED))) + "]")
_GAP = re.compile(r"[ \n]+")


def is_word_char(char: str) -> bool:
    """ASCII letters and digits: the only neighbours a kept space can have."""
    return char.isascii() and char.isalnum()


def _gap(match: re.Match) -> str:
    """A run of spaces/breaks: one break, one space between two Latin/digit words, or nothing."""
    text, start, end = match.string, match.start(), match.end()
    if start == 0 or end == len(text):
        return ""
    if "\n" in match.group():
        return "\n"
    return " " if is_word_char(text[start - 1]) and is_word_char(text[end]) else ""


def _folded(match: re.Match) -> str:
    return _FOLDED[match.group()]


def normalise(text: str) -> str:
    """Fold every character; runs of breaks become one ``\\n``; spaces are
    dropped unless both neighbours are Latin letters or digits."""
    return _GAP.sub(_gap, _FOLDABLE.sub(_folded, text))


@dataclass(frozen=True)
class Query:
    """What the user typed, as the search sees it.

    ``terms`` must all occur in a document; ``phrase`` (the whole query with
    the spaces between CJK and digits dropped) ranks documents that contain
    it verbatim above those that only contain the terms.
    """

    terms: tuple[str, ...]
    phrase: str


def parse_query(raw: str) -> Query:
    spaced = "".join(" " if fold_char(char) in " \n" else char for char in raw)
    terms: list[str] = []
    for term in map(normalise, spaced.split(" ")):
        if term and term not in terms:
            terms.append(term)
    return Query(tuple(terms), normalise(spaced))
