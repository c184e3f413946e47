"""Citations of other documents in running text: 《titles》 and document numbers.

Stable interface for the site stage, which turns citations into links:

    find_citations(text) -> list[Citation]

Each Citation has ``start``/``end`` (a slice of ``text``, so ``text[start:end]
== raw``), ``kind`` (``'title'`` or ``'number'``), ``raw`` (the text as
written) and ``key`` (normalised: a title without its 《》, whitespace and
with inner 〈〉 written as 《》; a number in the standard 〔〕 form). Two
citations of the same document have the same key, and a page's own title
or ``doc_number`` compares equal to the key of a citation of it.
Citations are returned in text order and never overlap.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .docnumbers import find_numbers

# A title in 《》 may wrap across lines but never contains another 《.
_TITLE = re.compile(r"《([^《》]{1,200})》")
# What may stand between a title and the number that identifies it: 《…》（国发〔2018〕11号）.
_TITLE_NUMBER_GAP = re.compile(r"\s*[（(]?\s*")


@dataclass(frozen=True)
class Citation:
    start: int
    end: int
    kind: str  # 'title' or 'number'
    raw: str
    key: str


def title_key(title: str) -> str:
    """The comparable form of a document title (also used for page titles)."""
    title = re.sub(r"\s+", "", title).strip("《》")
    return title.replace("〈", "《").replace("〉", "》")


def find_citations(text: str) -> list[Citation]:
    """Every cited title and document number in ``text``, in order."""
    found = [Citation(m.start(), m.end(), "title", m.group(0), title_key(m.group(1))) for m in _TITLE.finditer(text)]
    titles = [(c.start, c.end) for c in found]
    for start, end, number in find_numbers(text):
        # A number quoted inside a title belongs to the title, not to the citations.
        if not any(t_start <= start < t_end for t_start, t_end in titles):
            found.append(Citation(start, end, "number", text[start:end], str(number)))
    return sorted(found, key=lambda citation: citation.start)


def cited_documents(text: str) -> list[dict]:
    """Distinct cited documents for the front matter: ``{title, number}`` pairs, in order.

    A title directly followed by its number in brackets is one document.
    """
    citations = find_citations(text)
    documents: list[dict] = []
    index = 0
    while index < len(citations):
        citation = citations[index]
        entry = {citation.kind: citation.key}
        following = citations[index + 1] if index + 1 < len(citations) else None
        if citation.kind == "title" and following and following.kind == "number" and \
                _TITLE_NUMBER_GAP.fullmatch(text[citation.end:following.start]):
            entry["number"] = following.key
            index += 1
        _add(documents, entry)
        index += 1
    return documents


def _add(documents: list[dict], entry: dict) -> None:
    """Add a cited document, merging it with an earlier mention by the same title or number."""
    for known in documents:
        if any(known.get(kind) == value for kind, value in entry.items()) and \
                all(known.get(kind) in (None, value) for kind, value in entry.items()):
            known.update(entry)
            return
    documents.append(entry)
