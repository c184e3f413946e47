"""The browse dimensions of a document and the pages that list them.

A facet is one value of one dimension (a region path, an issuer, a year,
a document type, a proposal session). The catalogue gives every facet one
page under ``browse/``; document cards and browse pages link to the same
paths, so both are computed here once.
"""
from __future__ import annotations

from bisect import bisect_left
from urllib.parse import quote
from typing import NamedTuple

from ..metadata.gaps import UNVERIFIED, gaps_of
from ..model import Document, tuple_reduce
from ..slugs import slugify

KINDS = ("region", "issuer", "year", "type", "session")
KIND_LABELS = {"region": "地区", "issuer": "发文机关", "year": "年份", "type": "文种", "session": "提案会次"}
# A value the editor confirmed the text does not state; a gap still to fill is listed under 待核实 instead.
UNKNOWN = {"region": "地区不详", "issuer": "机关不详", "year": "日期不详", "type": "未分类"}
FIELD_OF_KIND = {"region": "region", "issuer": "issuer", "year": "date", "type": "doc_type"}
PLACEHOLDERS = {*UNKNOWN.values(), UNVERIFIED}

STATUSES = ("现行有效", "已修改", "已废止", "失效", "尚未生效", "未知")
IN_FORCE = "现行有效"
IN_FORCE_PAGE = "browse/in-force.md"
MISSING_PAGE = "browse/missing.md"
SEARCH_PAGE = "search.md"  # the full-text search page (``mkdocs_glue.search_hooks`` adds it); ``?q=`` fills its box


class Facet(NamedTuple):
    """One value of one browse dimension; ``path`` is the region path or a 1-tuple.

    A named tuple: hashed, compared and sorted in C. A build makes five per document and sorts and
    looks them up as dictionary keys (a frozen dataclass hashes and compares in Python).
    """

    kind: str
    path: tuple[str, ...]

    __reduce__ = tuple_reduce

    @property
    def label(self) -> str:
        return self.path[-1]

    @property
    def title(self) -> str:
        """A heading that is unambiguous on its own (regions and sessions show their parents)."""
        return " › ".join(self.path) if self.kind == "region" else " · ".join(self.path)


def status_of(document: Document) -> str:
    """The validity label; anything outside the fixed vocabulary counts as 未知 (never guessed)."""
    status = document.meta.get("status") or "未知"
    return status if status in STATUSES else "未知"


def as_list(value) -> list:
    if value is None or value == "":
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


def unknown(document: Document, kind: str) -> str:
    """The entry a document without a value of this dimension is listed under."""
    return UNVERIFIED if FIELD_OF_KIND[kind] in gaps_of(document) else UNKNOWN[kind]


def year_of(document: Document) -> str:
    date = str(document.meta.get("date") or "")
    return date[:4] if date[:4].isdigit() else unknown(document, "year")


def session_of(document: Document) -> Facet | None:
    """Replies to proposals of one session, qualified by region (many 州 have a 十一届二次会议)."""
    proposal = document.meta.get("proposal") or {}
    session = str(proposal.get("session") or "").strip() if isinstance(proposal, dict) else ""
    if not session:
        return None
    region = tuple(str(name) for name in as_list(document.meta.get("region")))
    return Facet("session", (*region, session))


def facets_of(document: Document) -> list[Facet]:
    """Every browse page the document must appear on."""
    meta = document.meta
    region = [str(name) for name in as_list(meta.get("region"))] or [unknown(document, "region")]
    facets = [Facet("region", tuple(region[: depth + 1])) for depth in range(len(region))]
    facets += [Facet("issuer", (str(name),)) for name in as_list(meta.get("issuer"))] or [
        Facet("issuer", (unknown(document, "issuer"),))
    ]
    facets.append(Facet("year", (year_of(document),)))
    facets.append(Facet("type", (str(meta.get("doc_type") or unknown(document, "type")),)))
    session = session_of(document)
    return facets + [session] if session else facets


def assign_paths(facets: set[Facet]) -> dict[Facet, str]:
    """Docs-relative page path per facet: ASCII, stable, unique within a kind.

    Pinyin can collide (同音字), so later names in sorted order get ``-2``, ``-3``.
    """
    paths: dict[Facet, str] = {}
    taken: set[str] = set()
    for facet in sorted(facets):
        base = slugify("-".join(facet.path)) or "x"
        slug, counter = base, 1
        while f"{facet.kind}/{slug}" in taken:
            counter += 1
            slug = f"{base}-{counter}"
        taken.add(f"{facet.kind}/{slug}")
        paths[facet] = f"browse/{facet.kind}/{slug}.md"
    return paths


def added_paths(paths: dict[Facet, str], added: set[Facet]) -> dict[Facet, str] | None:
    """The paths ``assign_paths`` gives the facets ``added`` beside those of ``paths``, which keep theirs;
    None where a new facet's name competes with another's for a path (同音字: the order decides)."""
    taken = {path.removeprefix("browse/").removesuffix(".md") for path in paths.values()}
    found = {}
    for facet in sorted(added):
        slug = f"{facet.kind}/{slugify('-'.join(facet.path)) or 'x'}"
        if slug in taken or any(other.startswith(slug + "-") and other[len(slug) + 1:].isdigit() for other in taken):
            return None
        taken.add(slug)
        found[facet] = f"browse/{slug}.md"
    return found


def _dated(document: Document) -> tuple[str, str, str]:
    return str(document.meta["date"]), str(document.meta.get("doc_number") or ""), document.slug


def newest_first(documents: list[Document]) -> list[Document]:
    """Newest first; undated documents last; ties by number and slug so order is stable."""
    dated = sorted((doc for doc in documents if doc.meta.get("date")), key=_dated, reverse=True)
    undated = sorted((doc for doc in documents if not doc.meta.get("date")), key=lambda doc: doc.slug)
    return dated + undated


def newest_first_place(listed: list, document: Document, of=lambda item: item) -> int:
    """Where ``document`` goes in a list in ``newest_first`` order (``of``: an item's document):
    a binary search, not a sort of the list again."""
    def before(other: Document) -> bool:
        if not other.meta.get("date"):
            return not document.meta.get("date") and other.slug < document.slug
        return not document.meta.get("date") or _dated(other) > _dated(document)
    return bisect_left(range(len(listed)), True, key=lambda index: not before(of(listed[index])))


def search_link(here: str, query: str) -> str:
    """A link from page ``here`` to the search page with ``query`` typed: where a list names a few of
    many pages (a to-do row's citers, a page's), the others are found by searching for what they cite."""
    return f"[全文检索]({relative(here, SEARCH_PAGE)}?q={quote(query, safe='')})"


def page_path(document: Document) -> str:
    """Docs-relative path of a document page (its URL follows from it)."""
    return f"documents/{document.slug}.md"


def relative(from_path: str, to_path: str) -> str:
    """Link from one docs-relative page to another, the way Markdown links are resolved.

    Both are plain docs-relative paths (no ``..``), so this is ``posixpath.relpath`` without
    its file-system calls: the catalogue makes some 30 links per page.
    """
    here, there = from_path.split("/")[:-1], to_path.split("/")
    common = 0
    while common < min(len(here), len(there) - 1) and here[common] == there[common]:
        common += 1
    return "/".join([".."] * (len(here) - common) + there[common:])
