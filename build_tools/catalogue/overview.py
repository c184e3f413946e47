"""The overview of each browse dimension: every value with its count, linking to its page.

Issuers are many (1,932 at 20,000 laws, a page of 237 kB that every addition changed and that took
a rebuild 0.25 s to render and index), so past ``paging.PAGE_LIMIT`` their overview is split by
name like the to-do list (``paging.NAMES``): an addition then changes the part of its issuer's name.
"""
from __future__ import annotations

from typing import Container

from . import paging
from .archive import Catalogue
from .facets import KIND_LABELS, Facet, relative
from .paging import Part
from ..markup import escape

OVERVIEWS = {"region": "按地区", "issuer": "按机关", "year": "按年份", "type": "按文种", "session": "按提案会次"}
ISSUERS_PAGE = "browse/issuer.md"
# The issuers' overview's parts: apart from the issuers' own pages (browse/issuer/<pinyin>.md).
ISSUERS_FOLDER = "browse/issuer-names"


def facets_of_kind(catalogue: Catalogue, kind: str) -> list[Facet]:
    return [facet for facet in catalogue.members if facet.kind == kind]


def facet_item(catalogue: Catalogue, facet: Facet, here: str, text: str = "") -> str:
    link = relative(here, catalogue.facet_paths[facet])
    return f"[{escape(text or facet.label)}]({link})（{len(catalogue.members[facet])}）"


# Past ``paging.PAGE_LIMIT`` regions the overview stops at prefectures: it is rendered again by every
# addition (its counts), and the country's ≈2,850 counties would make it ≈3,200 rows (≈220 kB) in a
# national archive; a prefecture's page lists its counties (下级地区). 379 regions at 20,000 laws.
REGION_LEVELS = 2


def region_tree(catalogue: Catalogue, here: str) -> list[str]:
    """Province › prefecture › county as a nested list, each with its count; past ``PAGE_LIMIT``
    regions, provinces and prefectures only."""
    facets = facets_of_kind(catalogue, "region")
    shown = facets if len(facets) <= paging.PAGE_LIMIT else [facet for facet in facets if len(facet.path) <= REGION_LEVELS]
    items = ["    " * (len(facet.path) - 1) + "- " + facet_item(catalogue, facet, here) for facet in shown]
    return items if len(shown) == len(facets) else [*items, "", "县区列在所属市州的页面上（下级地区）。"]


def overview_page(catalogue: Catalogue, kind: str) -> str:
    """The overview of a dimension other than issuers (``issuer_pages``)."""
    here = f"browse/{kind}.md"
    facets = facets_of_kind(catalogue, kind)
    if kind == "year":
        facets = sorted(facets, key=lambda facet: (facet.label.isdigit(), facet.label), reverse=True)
    items = region_tree(catalogue, here) if kind == "region" else \
        ["- " + facet_item(catalogue, facet, here, facet.title) for facet in facets]
    lines = [f"# {OVERVIEWS[kind]}", "", f"共 {len(facets)} 个{KIND_LABELS[kind]}。", "", *items]
    return "\n".join(lines) + "\n"


def issuer_rows(catalogue: Catalogue) -> list[tuple[str, Facet]]:
    """(name, facet) of every issuer, sorted by name: facets sort by their path, an issuer's is its name."""
    return [(facet.label, facet) for facet in facets_of_kind(catalogue, "issuer")]


def split_issuers(catalogue: Catalogue, grow=None) -> Part:
    return paging.split(ISSUERS_PAGE, issuer_rows(catalogue), paging.NAMES, grow, folder=ISSUERS_FOLDER)


def issuer_pages(catalogue: Catalogue, wanted: set[str] | None = None, also: Container[str] = ()) -> dict[str, str]:
    """The issuers' overview pages whose key is in ``wanted`` (None: all) or whose path is in ``also``."""
    top = split_issuers(catalogue, paging.reaching(ISSUERS_PAGE, wanted, also, paging.NAMES))
    return {part.path: issuer_page(catalogue, top, part) for part in paging.walk(top)
            if wanted is None or part.key in wanted or part.path in also}


def issuer_page(catalogue: Catalogue, top: Part, part: Part) -> str:
    here, title, unit = part.path, OVERVIEWS["issuer"], KIND_LABELS["issuer"]
    order = "，按名称分页列出：" if part.parts else "。"
    if part.key:
        names = escape(paging.range_label([name for name, _ in part.documents]))
        lines = [f"# {title}：{names}", "", f"[{title}]({relative(here, top.path)})中按名称排在{names}的"
                 f" {len(part.documents)} 个{unit}{order}", ""]
    else:
        lines = [f"# {title}", "", f"共 {len(part.documents)} 个{unit}{order}", ""]
    if part.parts:
        items = [f"- [{escape(paging.range_label([name for name, _ in child.documents]))}]({relative(here, child.path)})"
                 f"（{len(child.documents)}）" for child in part.parts]
    else:
        items = ["- " + facet_item(catalogue, facet, here, facet.title) for _, facet in part.documents]
    return "\n".join(lines + items) + "\n"
