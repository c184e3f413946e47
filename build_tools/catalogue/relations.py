"""Typed relations between documents: 印发, 附件, 答复, 解读, 废止, 修改, 引用.

A relation always points from the document that acts (the notice that
issues, the parent that carries an annex, the reply, the interpretation,
the repealing or amending document, the citing document) to the document
acted on. Each is shown on both pages, with wording for each direction.

Sources of relations, in the order they are tried:
- the page structure (annex slugs ``{parent}-fujian-{n}``, issued documents
  ``{parent}-yinfa``), and ``attached_to`` in the front matter;
- ``relations: [{type: 解读, target: 文号/标题/slug}]`` declared in a sidecar;
- the title (关于印发《X》的通知, 关于废止《X》的决定, 关于修改《X》…, 《X》解读);
- a proposal reply whose proposal is itself in the archive (same session and number).
"""
from __future__ import annotations

import re
from typing import NamedTuple

from ..model import Document, tuple_reduce

# (what the acting page says, what the page acted on says), e.g. 印发了 X / 由 X 印发.
WORDING = {
    "印发": ("印发了", "由{}印发"),
    "附件": ("附件", "本文件是{}的附件"),
    "答复": ("答复了", "答复见{}"),
    "解读": ("解读了", "解读见{}"),
    "废止": ("废止了", "已由{}废止"),
    "修改": ("修改了", "已由{}修改"),
    "引用": ("本文引用", "引用本文的文件（被引用）"),
}
TYPES = tuple(WORDING)

# Titles that name their relation: 关于印发《X》的通知, 关于废止《X》的决定, 《X》政策解读.
_TITLE_PATTERNS = (
    ("印发", re.compile(r"印发《([^》]+)》")),
    ("废止", re.compile(r"废止《([^》]+)》")),
    ("修改", re.compile(r"修改《([^》]+)》")),
    ("解读", re.compile(r"《([^》]+)》.*解读")),
)
_ANNEX = re.compile(r"^(?P<parent>.+)-fujian-\d+$")
_ISSUED = re.compile(r"^(?P<parent>.+)-yinfa$")


class Relation(NamedTuple):
    """A typed link between two pages; a named tuple, like ``Facet``: built, sorted and set-compared per build."""

    kind: str  # one of TYPES
    source: str  # slug of the acting document
    target: str  # slug of the document acted on

    __reduce__ = tuple_reduce


def structural(document: Document, slugs: set[str]) -> list[Relation]:
    """Annexes and issued documents split from their parent page."""
    found = []
    annex, issued = _ANNEX.match(document.slug), _ISSUED.match(document.slug)
    if annex and annex["parent"] in slugs:
        found.append(Relation("附件", annex["parent"], document.slug))
    if issued and issued["parent"] in slugs:
        found.append(Relation("印发", issued["parent"], document.slug))
    return found


def declared(document: Document, resolve) -> list[Relation]:
    """Relations an editor declared in the sidecar, and ``attached_to`` (a part: annex or issued plan)."""
    found = []
    parent = resolve(document.meta.get("attached_to"))
    if parent:
        issued = "印发" in (document.part, document.meta.get("part")) or _ISSUED.match(document.slug)
        found.append(Relation("印发" if issued else "附件", parent, document.slug))
    for entry in document.meta.get("relations") or []:
        kind = str(entry.get("type", "")) if isinstance(entry, dict) else ""
        target = resolve(entry.get("target")) if kind in TYPES else None
        if target:
            found.append(Relation(kind, document.slug, target))
    return found


def from_title(document: Document, resolve) -> list[Relation]:
    title = str(document.meta.get("title") or "")
    found = []
    for kind, pattern in _TITLE_PATTERNS:
        match = pattern.search(title)
        target = resolve(match.group(1)) if match else None
        if target:
            found.append(Relation(kind, document.slug, target))
    return found


def references(document: Document) -> list[str]:
    """The names by which a document relates itself to others (``declared``, ``from_title``): a page
    added under one of them changes that document's relations."""
    meta, title = document.meta, str(document.meta.get("title") or "")
    found = [meta.get("attached_to"), *(entry.get("target") for entry in meta.get("relations") or [] if isinstance(entry, dict))]
    found += [match.group(1) for _, pattern in _TITLE_PATTERNS for match in [pattern.search(title)] if match]
    return [str(reference) for reference in found if reference]


def proposal_key(document: Document) -> tuple[str, str] | None:
    """(session, number) of the proposal a reply answers."""
    proposal = document.meta.get("proposal")
    if not isinstance(proposal, dict) or not proposal.get("session") or not proposal.get("number"):
        return None
    return str(proposal["session"]), str(proposal["number"])


def answers(documents: list[Document]) -> list[Relation]:
    """A reply → the proposal it answers, when the proposal page is in the archive."""
    proposals = {proposal_key(doc): doc.slug for doc in documents
                 if doc.meta.get("doc_type") == "提案" and proposal_key(doc)}
    return [Relation("答复", doc.slug, proposals[proposal_key(doc)]) for doc in documents
            if doc.meta.get("doc_type") != "提案" and proposal_key(doc) in proposals]


def of_document(document: Document, slugs, resolve) -> list[Relation]:
    """A document's own typed relations but replies (``answers`` looks across the archive)."""
    return [*structural(document, slugs), *declared(document, resolve), *from_title(document, resolve)]


def find_all(documents: list[Document], resolve) -> list[Relation]:
    """Every typed relation in the archive, deduplicated, without self-relations."""
    slugs = {doc.slug for doc in documents}
    found = set(answers(documents))
    for document in documents:
        found.update(of_document(document, slugs, resolve))
    return sorted(relation for relation in found if relation.source != relation.target)
