"""What other pages and the browse lists show of a document, kept small between builds.

A page lists other documents by title, number, date and validity; the to-do lists name a citing
page's source file, the latest additions sort by retrieval date, the 待核实 list names the fields a
document lacks. A row keeps exactly that of each document, so a rebuild after an addition lists
the archive from rows (``added``) instead of loading every document's summary (issue 16).
"""
from __future__ import annotations

from collections.abc import Sequence

from ..metadata.gaps import FIELD as GAPS
from ..model import Document, SourceText
from .archive import Catalogue, Citation, loose
from .relations import references

# The metadata a listing of a document shows (``cards.doc_item``, ``browse``, ``gaps.fix``).
SHOWN = ("title", "doc_number", "date", "date_precision", "status", "retrieved", GAPS)

Row = tuple  # (source path, part, value of each of SHOWN or None)


def row(document: Document) -> Row:
    meta = document.meta
    return (str(document.source.path), document.part, *(meta.get(name) for name in SHOWN))


class ListedPath(str):
    """A source's path as listings use it: its text and its file name (``browse.citing_places``).
    A ``PurePosixPath`` for each of 20,000 stand-ins took half the time of making them."""

    @property
    def name(self) -> str:
        return self.rpartition("/")[2]


def stand_in(slug: str, kept: Row) -> Document:
    """A document as lists show it: good for every listing, not for its own page or card."""
    meta = {name: value for name, value in zip(SHOWN, kept[2:]) if value is not None}
    return Document(slug, meta, [], SourceText(ListedPath(kept[0]), "", ""), kept[1])


class Listed(Sequence):
    """A list's documents by slug, each looked up in ``by_slug`` when read: an addition's catalogue
    has every facet's list (2,400 at 20,000 laws) and reads those of the pages and lists it renders
    (mapping them all to stand-ins took 0.06 s)."""

    __slots__ = ("slugs", "by_slug")

    def __init__(self, slugs: list[str], by_slug: dict[str, Document]) -> None:
        self.slugs, self.by_slug = slugs, by_slug

    def __len__(self) -> int:
        return len(self.slugs)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self.by_slug[slug] for slug in self.slugs[index]]
        return self.by_slug[self.slugs[index]]

    def __iter__(self):
        return map(self.by_slug.__getitem__, self.slugs)


def named(catalogue: Catalogue) -> set[str]:
    """Every number, title or slug a page relates itself to, as written and loose: an added page that
    answers to none of them changes no other page's relations."""
    found = {reference for document in catalogue.documents for reference in references(document)}
    return found | {loose(name) for name in found}


def citing(citations: list[Citation]) -> dict[str, set[str]]:
    """Each number or title cited, as written and loose → the pages citing it: those whose citations
    an added page answering to it resolves again."""
    found: dict[str, set[str]] = {}
    for citation in citations:
        for key in citation.keys:
            found.setdefault(key, set()).add(citation.source)
            found.setdefault(loose(key), set()).add(citation.source)
    return found
