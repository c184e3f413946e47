"""The normalised text form that the index, the query and the evaluation share.

A query must match the page however the user typed brackets, widths and
spaces, so both sides are reduced to one form, character by character.
``assets/archive-search.js`` implements the very same rules (``normalise``);
``tests/test_search_normalise.py`` runs both on the same cases.
"""
from __future__ import annotations

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


def is_word_char(char: str) -> bool:
    """ASCII letters and digits: the only neighbours a kept space can have."""
    return char.isascii() and char.isalnum()


@dataclass
class Normalised:
    """Normalised text plus, for each of its characters, the source index."""

    text: str
    source_index: list[int]


def normalise_with_map(text: str) -> Normalised:
    """Fold every character; drop spaces unless both neighbours are Latin/digits.

    Runs of hard breaks collapse to one ``\\n``; breaks at either end go.
    """
    out: list[str] = []
    index: list[int] = []
    pending_space = -1
    pending_break = -1
    for position, raw in enumerate(text):
        char = fold_char(raw)
        if char == " ":
            pending_space = position if pending_space < 0 else pending_space
            continue
        if char == "\n":
            pending_break = position if pending_break < 0 else pending_break
            pending_space = -1
            continue
        if pending_break >= 0 and out:
            out.append("\n")
            index.append(pending_break)
        elif pending_space >= 0 and out and is_word_char(out[-1]) and is_word_char(char):
            out.append(" ")
            index.append(pending_space)
        pending_space = pending_break = -1
        out.append(char)
        index.append(position)
    return Normalised("".join(out), index)


def normalise(text: str) -> str:
    return normalise_with_map(text).text


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
