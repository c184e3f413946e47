"""Markdown for the metadata card above a document and the relations below it.

Every value shown comes from an editor's sidecar or a raw text, so each
one goes through ``markup.escape``; only the links and the fixed status
badges are markup written here.
"""
from __future__ import annotations

import re

from ..metadata import schema
from .archive import RELATED_LIMIT, Catalogue
from .facets import (KIND_LABELS, UNKNOWN, Facet, facets_of, newest_first, page_path, relative, search_link,
                     status_of, year_of)
from ..metadata.gaps import UNVERIFIED, gaps_of
from ..markup import book_title, escape
from ..model import Document, PageContext
from ..reading import is_file_of_record, site_path
from .relations import TYPES, WORDING


UNVERIFIED_PAGE = "browse/unverified.md"
STATUS_CLASSES = {"现行有效": "valid", "已修改": "amended", "已废止": "repealed", "失效": "expired",
                  "尚未生效": "pending", "未知": "unknown"}
NOTICE = "本站文本是原件的忠实转录，仅供查阅研究；如有出入，以发文机关发布的原件为准。"
_SAFE_URL = re.compile(r"^https?://[^\s<>\"'()\[\]\\]+$")
# Citing pages a document page lists, the newest (issue 16): the most cited law was cited by ≈1,450
# of 20,000 laws, a 208 kB page that each addition citing it rendered again, and it grew with the
# archive. The others are found by searching for the title they cite it by.
CITING_SHOWN = 20


def badge(status: str) -> str:
    return f'<span class="doc-status doc-status--{STATUS_CLASSES[status]}">{status}</span>'


def list_badge(document: Document) -> str:
    """Lists show only known validity, so 未知 does not drown the labels that matter."""
    status = status_of(document)
    return "" if status == "未知" else " " + badge(status)


def format_date(meta: dict) -> str:
    """ISO date shown at the precision the source states (2021年1月, not 2021年1月1日)."""
    date = str(meta.get("date") or "")
    parts = [int(part) for part in date.split("-") if part.isdigit()]
    precision = {"year": 1, "month": 2}.get(str(meta.get("date_precision")), 3)
    units = ("年", "月", "日")
    return "".join(f"{value}{unit}" for value, unit in list(zip(parts, units))[:precision]) or ""


def doc_link(document: Document, from_path: str) -> str:
    title = book_title(str(document.meta.get("title") or document.slug))
    return f"[{escape(title)}]({relative(from_path, page_path(document))})"


def doc_item(document: Document, from_path: str) -> str:
    """One line of a relation list: title link, number, date, validity."""
    details = [escape(str(document.meta[key])) for key in ("doc_number",) if document.meta.get(key)]
    details += [format_date(document.meta)] if document.meta.get("date") else []
    suffix = "（" + "，".join(details) + "）" if details else ""
    return f"- {doc_link(document, from_path)}{suffix}{list_badge(document)}"


def facet_link(catalogue: Catalogue, facet: Facet, from_path: str, text: str | None = None) -> str:
    return f"[{escape(text or facet.label)}]({relative(from_path, catalogue.facet_paths[facet])})"


def _field(label: str, value: str) -> list[str]:
    return [label, f":   {value}", ""] if value else []


def _facet_field(catalogue: Catalogue, document: Document, kind: str, here: str) -> str:
    """Card values link to the browse page of the same value (regions level by level)."""
    found = [facet for facet in facets_of(document) if facet.kind == kind]
    separator = " › " if kind == "region" else "、"
    return separator.join(facet_link(catalogue, facet, here) for facet in found)


def proposal_text(proposal: dict) -> str:
    kind = str(proposal.get("kind") or "提案")
    parts = [escape(str(proposal.get("session") or ""))]
    if proposal.get("number"):
        parts.append(f"第{escape(str(proposal['number']))}号{escape(kind)}")
    if proposal.get("title"):
        parts.append(f"《{escape(str(proposal['title']).strip('《》'))}》")
    if proposal.get("proposer"):
        role = "代表" if kind == "建议" else "提案人"
        parts.append(f"（{role}：{escape(str(proposal['proposer']))}）")
    return "".join(parts)


def validity(document: Document) -> str:
    meta = document.meta
    dates = [f"{label}{escape(str(meta[key]))}" for key, label in (("effective", "施行："), ("expires", "有效期至："))
             if meta.get(key)]
    return " ".join([badge(status_of(document)), *dates])


def provenance(document: Document) -> list[str]:
    meta = document.meta
    url = str(meta.get("source_url") or "")
    shown_url = f"<{url}>" if _SAFE_URL.match(url) else escape(url)
    lines = _field("来源网址", shown_url) + _field("获取日期", escape(str(meta.get("retrieved") or "")))
    lines += _field("索引号", escape(str(meta.get("index_no") or "")))
    lines += source_field(document)
    lines += _field("SHA-256", f'<span class="doc-hash">{document.source.sha256}</span>')
    return ['<div class="doc-provenance" markdown>', "", f"**来源与核验**　{NOTICE}", "", *lines, "</div>"]


def source_field(document: Document) -> list[str]:
    """The file of record as a download; a transcribed text by its path (its text is this page)."""
    path = document.source.path
    if not is_file_of_record(path):
        return _field("来源文本", escape(str(path)))
    return _field("原始文件", f"[{escape(str(path))}](<{relative(page_path(document), site_path(path))}>)")


def gaps_note(document: Document, here: str) -> str:
    """Which required fields are still to be verified, so a reader does not take the page as complete."""
    names = "、".join(schema.BY_NAME[name].label for name in gaps_of(document))
    link = relative(here, UNVERIFIED_PAGE)
    return f"{names}（程序未能从原文中识别，尚待编辑核实；见[全部{UNVERIFIED}文件]({link})）" if names else ""


def card(catalogue: Catalogue, document: Document) -> str:
    """The metadata card: what a researcher checks before citing the document."""
    here, meta = page_path(document), document.meta
    proposal = meta.get("proposal") if isinstance(meta.get("proposal"), dict) else None
    session = [facet for facet in facets_of(document) if facet.kind == "session"]
    lines = ['<div class="doc-card" markdown>', ""]
    lines += _field(UNVERIFIED, gaps_note(document, here))
    lines += _field("发文字号", escape(str(meta.get("doc_number") or "")))
    lines += _field("发文机关", _facet_field(catalogue, document, "issuer", here))
    year = Facet("year", (year_of(document),))
    date = format_date(meta) or year.label
    lines += _field("成文日期", facet_link(catalogue, year, here, date) if year.label != UNKNOWN["year"] else "")
    lines += _field("地区", _facet_field(catalogue, document, "region", here))
    lines += _field("文种", _facet_field(catalogue, document, "type", here))
    lines += _field("主送机关", escape("、".join(str(a) for a in meta.get("addressee") or []))
                    if isinstance(meta.get("addressee"), list) else escape(str(meta.get("addressee") or "")))
    if proposal:
        link = f"（[同一会次的全部答复]({relative(here, catalogue.facet_paths[session[0]])})）" if session else ""
        lines += _field("提案信息", proposal_text(proposal) + link)
    lines += _field("时效性", validity(document))
    lines += [*provenance(document), "", "</div>"]
    return "\n".join(lines)


def _typed_lines(catalogue: Catalogue, document: Document, here: str) -> list[str]:
    """One block per relation type and direction, worded for this side (印发了 / 由…印发)."""
    lines = []
    for kind in TYPES[:-1]:
        forward, backward = WORDING[kind]
        targets = catalogue.outgoing(document.slug, kind)
        if targets:
            lines += [f"**{forward}**", "", *(doc_item(target, here) for target in targets), ""]
        for source in catalogue.incoming(document.slug, kind):
            lines += [backward.format(doc_link(source, here)) + list_badge(source), ""]
    return lines


def _unresolved_proposal(catalogue: Catalogue, document: Document, here: str) -> list[str]:
    """A reply whose proposal is not in the archive still says what it answers."""
    proposal = document.meta.get("proposal")
    if not isinstance(proposal, dict) or catalogue.outgoing(document.slug, "答复"):
        return []
    return [f"**{WORDING['答复'][0]}**：{proposal_text(proposal)}", ""]


def typed_neighbours(catalogue: Catalogue, document: Document) -> set[str]:
    """Documents already shown as annex, issuer, reply …: not listed again as citations or related."""
    return {doc.slug for kind in TYPES[:-1] for doc in
            catalogue.outgoing(document.slug, kind) + catalogue.incoming(document.slug, kind)}


def _citation_lines(catalogue: Catalogue, document: Document, here: str) -> list[str]:
    typed = typed_neighbours(catalogue, document)
    cited = [doc for doc in catalogue.outgoing(document.slug, "引用") if doc.slug not in typed]
    citing = [doc for doc in catalogue.incoming(document.slug, "引用") if doc.slug not in typed]
    missing = sorted({c.label for c in catalogue.citations_of(document.slug) if not c.target})
    lines = []
    if cited:
        lines += ["### 本文引用的文件", "", *(doc_item(doc, here) for doc in cited), ""]
    if missing:
        names = "、".join(escape(key) for key in missing)
        lines += [f"本文还引用了尚未收录的文件：{names}（见[待收录文件]({relative(here, 'browse/missing.md')})）", ""]
    if citing:
        shown = newest_first(citing)[:CITING_SHOWN]
        lines += ["### 引用本文的文件（被引用）", "", *(doc_item(doc, here) for doc in shown), ""]
        if len(citing) > len(shown):
            lines += [more_citing(document, len(citing) - len(shown), here), ""]
    return lines


def more_citing(document: Document, count: int, here: str) -> str:
    """The citing pages not listed, by a full-text search for the title (or, untitled, the number)."""
    name = str(document.meta.get("title") or document.meta.get("doc_number") or document.slug)
    return f"……另有 {count} 个文件引用本文（{search_link(here, name)}）"


def _related_lines(catalogue: Catalogue, document: Document, here: str) -> list[str]:
    lines = []
    for facet, documents in catalogue.related(document, typed_neighbours(catalogue, document)).items():
        label = f"同一{KIND_LABELS[facet.kind]}（{facet_link(catalogue, facet, here, facet.title)}）"
        lines += [f"**{label}**", "", *(doc_item(doc, here) for doc in documents), ""]
    return ["### 相关文件", "", *lines] if lines else []


def relations_section(catalogue: Catalogue, document: Document) -> str:
    here = page_path(document)
    typed = _typed_lines(catalogue, document, here) + _unresolved_proposal(catalogue, document, here)
    lines = (["### 文件关系", "", *typed] if typed else []) + _citation_lines(catalogue, document, here)
    lines += _related_lines(catalogue, document, here)
    return "\n".join(["## 关联文件", "", *lines]).rstrip() + "\n" if lines else ""


def context_for(catalogue: Catalogue, document: Document) -> PageContext:
    """What the catalogue adds to one page before it is rendered: card, relations, citation links."""
    return PageContext(card=card(catalogue, document), relations=relations_section(catalogue, document),
                       links=catalogue.links_for(document))
