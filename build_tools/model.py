"""Plain data passed between the pipeline stages.

Every stage takes and returns these dataclasses, so a stage can be tested
on a small inline example without running the others.
"""
from __future__ import annotations

import pickle
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import repeat
from pathlib import PurePosixPath


@dataclass(frozen=True)
class SourceText:
    """A source file as text: what the reading stage hands to ``structure``.

    Every format arrives in the layout the text path reads (see
    ``build_tools/reading``): one line per paragraph or hard-wrapped lines,
    table rows as tab-separated cells, headings and a web page's information
    table (``索引号：…``) as lines, page headers, footers and numbers left out.
    What the original states outside its text goes to ``fields``, keyed like
    ``ParsedDocument.header`` (a saved web page's own address: ``web_url``),
    so nothing below this stage knows which format a document came in.
    """

    path: PurePosixPath  # relative to the project root, e.g. source_docs/x.txt or x.pdf
    text: str  # decoded or extracted, line endings normalised to LF
    sha256: str  # of the original file's bytes, so provenance is computed, not typed
    encoding: str = "utf-8"  # a text's encoding; for other formats the format (docx, pdf, html …)
    fields: dict[str, str] = field(default_factory=dict)

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")


@dataclass
class Block:
    """One body element of a document, in reading order.

    ``kind`` is one of: heading, paragraph, table, list_item, and header /
    footer for the document's own header and closing lines (``role`` says
    which: banner, doc_number, title, addressee, signature, date, cc …).
    ``line`` is the 1-based source line the block starts on, for messages.
    """

    kind: str
    text: str = ""
    level: int = 0  # heading level (1 = top level inside the document)
    rows: list[list[str]] = field(default_factory=list)  # table rows, header first
    caption: str = ""  # table caption (表 1-1 …)
    lead: str = ""  # run-in heading of a paragraph: （一）指导思想。
    line: int = 0
    role: str = ""  # header/footer blocks: the header key the line shows


@dataclass
class Removed:
    """Text deliberately dropped as layout, reported so nothing vanishes silently."""

    reason: str  # toc, separator, duplicate, page_number
    text: str
    line: int = 0


@dataclass
class ParsedDocument:
    """Output of ``structure``: header fields as found, body blocks, annexes.

    ``header`` holds raw strings of the document's own header and footer,
    only for keys found in the text (joined over lines, letter-spacing
    removed): classification, urgency, banner, doc_number, title,
    addressee, signature, date, note, contact, cc, printed; a report cover's
    author and cover_date; a copied web page's information table
    (``structure.webpage``): web_index_no, web_subject, web_issuer,
    web_date, web_title, web_doc_number, web_published, web_validity,
    web_source, web_publisher (发布机构: often the issuer, but a site
    reposting another organ's text names itself), and its footer's
    web_host (主办) and web_site (the site named); and body_start_line.
    ``metadata`` interprets them. ``annexes`` holds annexes (part 附件一 …)
    and a document issued by a notice (part 印发), each a ParsedDocument.
    """

    source: SourceText
    header: dict[str, str] = field(default_factory=dict)
    blocks: list[Block] = field(default_factory=list)
    annexes: list["ParsedDocument"] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    part: str = ""  # '' for the main document, e.g. '附件一' for an annex
    first_line: int = 1


@dataclass
class Document:
    """A converted page: metadata (front matter) plus body blocks."""

    slug: str  # ASCII, stable; the page lives at docs/documents/<slug>.md
    meta: dict  # front matter, already validated and normalised
    blocks: list[Block]
    source: SourceText
    part: str = ""
    notes: list[str] = field(default_factory=list)  # conversion reports (duplicates …)


@dataclass
class PageContext:
    """What the catalogue stage adds to one page before it is rendered.

    Rendering needs to know about other documents (citation links, cited-by,
    annex links), so ``catalogue`` computes this for every page first.
    """

    card: str = ""  # Markdown of the metadata card shown above the text
    relations: str = ""  # Markdown of the relations section shown below the text
    # Citation key (normalised doc number, or a title in 《》) → relative URL of the cited page.
    links: dict[str, str] = field(default_factory=dict)


def tuple_reduce(record: tuple) -> tuple:
    """``__reduce__`` of the named tuples a rebuild loads by the ten thousand (citations, relations,
    facets): pickled as ``tuple.__new__(cls, fields)``, loading one calls no Python code, where a
    named tuple's own ``__new__`` is a Python function (the outline's 33,000 to-do citations at
    20,000 laws loaded in 0.049 s, now 0.028 s)."""
    return tuple.__new__, (type(record), tuple(record))


def typed(cls: type, records: list[tuple]) -> list:
    """Plain tuples made named tuples of ``cls`` by ``tuple.__new__`` in C (``plain``'s inverse)."""
    return list(map(tuple.__new__, repeat(cls), records))


def plain(records: list[tuple]) -> list[tuple]:
    """Named tuples as plain ones, for a file that holds tens of thousands of them: pickle loads a
    plain tuple by one opcode, a named one by a call (``tuple_reduce``) remembered in its memo;
    loading the outline's 32,000 relations at 20,000 laws and making them named again takes a third."""
    return list(map(tuple, records))


class Deferred(Sequence):
    """A list of named tuples of ``cls`` kept as its pickle of plain tuples until first read.

    A file that holds many such lists of which a reader needs few (the to-do list's citations by
    name: a rebuild after an addition reads those of the names it reaches) loads a bytes object for
    each instead; the pickle is saved again as it was."""

    __slots__ = ("cls", "data", "_items")

    def __init__(self, cls: type, data: bytes) -> None:
        self.cls, self.data, self._items = cls, data, None

    @staticmethod
    def encoded(records) -> bytes:
        """What a ``Deferred`` of ``records`` (named tuples, or one already) keeps."""
        if isinstance(records, Deferred):
            return records.data
        return pickle.dumps(plain(records), protocol=pickle.HIGHEST_PROTOCOL)

    @property
    def items(self) -> list:
        if self._items is None:
            self._items = typed(self.cls, pickle.loads(self.data))
        return self._items

    def __getitem__(self, index):
        return self.items[index]

    def __len__(self) -> int:
        return len(self.items)

    def __eq__(self, other) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)

    def __repr__(self) -> str:
        return f"Deferred({self.items!r})"
