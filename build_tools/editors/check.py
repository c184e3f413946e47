"""``python -m build_tools check``: validate every source and sidecar for the editors.

Errors (exit status 1): a required field neither found nor supplied, a bad
sidecar (invalid YAML, unknown key, malformed date, unknown region …), a
sidecar without its raw text, a file that is neither raw text nor sidecar,
two documents with one document number.
Warnings: fields the extractor could not find and no sidecar supplies, dates
known only to the year or month, missing provenance, a stated period of
validity that has ended. Overrides: every extracted value a sidecar changed.
Each message names the file and, where there is one, the line.
"""
from __future__ import annotations

import datetime as _dt
import difflib

from ..metadata import docnumbers, schema, validity
from .check_files import check_orphans, check_strays
from ..render.convert import convert_source
from ..metadata.doctypes import KNOWN_TYPES
from ..errors import SourceError
from .findings import CheckReport
from ..metadata.gaps import UNVERIFIED, where_to_fill
from ..metadata.front_matter import ADDRESSED_TYPES, NUMBERED_TYPES
from ..model import Document
from ..metadata.parts import PartsReport, part_path, parents_of
from ..project import Project


def check_required(document: Document, parts: PartsReport, report: CheckReport) -> None:
    """The site still publishes the page (the field shown as 待核实); the gate fails until it is filled."""
    for name in parts.missing.get(document.slug, []):
        report.add("error", document.source.path,
                   f"{_who(document)}缺少{schema.label(name)}：原文中未找到，附属文件也未填写（网站上显示为“{UNVERIFIED}”）"
                   f" / missing {name} (shown as {UNVERIFIED} on the site)",
                   hint=where_to_fill(document, name))
    for name in parts.declared_unknown.get(document.slug, []):
        if name in schema.REQUIRED:
            report.add("warning", document.source.path,
                       f"{_who(document)}{schema.label(name)} 原文未写明（附属文件已确认）/ {name} not stated in the text")


def check_expected(document: Document, parts: PartsReport, report: CheckReport) -> None:
    """Warnings for what a document of its type normally states but this one does not."""
    known = parts.supplied.get(document.slug, set())
    for name in expected_fields(document):
        if not document.meta.get(name) and name not in known:
            report.add("warning", document.source.path, f"{_who(document)}未找到{schema.label(name)} / {name} not found",
                       hint=where_to_fill(document, name))
    if document.meta.get("doc_type") == "提案答复" and "proposal" not in known:
        check_proposal(document, report)
    check_doc_type(document, report)
    check_precision(document, report)
    if not document.part and not document.meta.get("source_url"):
        report.add("warning", document.source.path, "未填写来源网址 source_url 和获取日期 retrieved / no provenance",
                   hint=where_to_fill(document, "source_url"))


def expected_fields(document: Document) -> list[str]:
    """A 公文 has a number (an issued plan shares its notice's) and, if addressed, an addressee."""
    kind = document.meta.get("doc_type")
    numbered = kind in NUMBERED_TYPES and document.part != "印发"
    return ["doc_number"] * numbered + ["addressee"] * (kind in ADDRESSED_TYPES)


def check_proposal(document: Document, report: CheckReport) -> None:
    proposal = document.meta.get("proposal") or {}
    for key in [key for key in schema.PROPOSAL_KEYS if key not in proposal]:
        report.add("warning", document.source.path,
                   f"{_who(document)}未找到提案的{schema.PROPOSAL_KEYS[key]} proposal.{key}",
                   hint=where_to_fill(document, "proposal"))


def check_doc_type(document: Document, report: CheckReport) -> None:
    """A type outside the usual list is most often a typo (通之)."""
    kind = document.meta.get("doc_type")
    if not kind or kind in KNOWN_TYPES:
        return
    close = difflib.get_close_matches(kind, KNOWN_TYPES, n=3, cutoff=0.3)
    hint = ("您是否想写：" + "、".join(close) + "？/ did you mean one of these?") if close else \
        "常用文种 / usual types: " + "、".join(KNOWN_TYPES)
    report.add("warning", document.source.path, f"{_who(document)}文种“{kind}”不在常用文种表中 / unusual doc_type",
               hint=hint)


def check_precision(document: Document, report: CheckReport) -> None:
    """A date known only to the year or month (unless the editor set it so)."""
    meta = document.meta
    if meta.get("date_precision") not in ("year", "month") or meta.get("date_source") == "sidecar":
        return
    unit = "年" if meta["date_precision"] == "year" else "月"
    origin = "（取自发文字号）" if meta.get("date_source") == "doc_number" else ""
    report.add("warning", document.source.path, f"{_who(document)}成文日期只精确到{unit}{origin}：{meta['date']}"
               f" / date is only a {meta['date_precision']}", hint=where_to_fill(document, "date"))


def check_validity(document: Document, report: CheckReport, today: _dt.date) -> None:
    """A stated period that has ended while the status still says nothing about it."""
    expires, status = document.meta.get("expires"), document.meta.get("status")
    if expires and status in ("未知", "现行有效") and validity.ended(expires, today):
        report.add("warning", document.source.path,
                   f"{_who(document)}文件写明的期限（至 {expires}）已结束，时效性仍为“{status}” / stated period ended {expires}",
                   hint="请核实是否已失效或已被替代，并在附属文件中填写 status（如 失效、已废止）/ set status")


def check_overrides(parts: PartsReport, report: CheckReport) -> None:
    for override in parts.overrides:
        report.add("override", override.path,
                   f"{schema.label(override.field)}：提取值 {override.extracted!r} 被改为 {override.supplied!r}"
                   f" / extracted value overridden", override.line)


# The front-matter field that each header string feeds.
HEADER_FIELDS = {"date": "date", "cover_date": "date", "printed": "published", "web_published": "published",
                 "doc_number": "doc_number", "web_doc_number": "doc_number"}


def check_unreadable(documents: list[Document], parts: PartsReport, report: CheckReport) -> None:
    """Dates and numbers the text states in a form that cannot be read (2021年13月5日), unless a sidecar corrects them."""
    parents = parents_of(documents)
    by_path = {part_path(document, parents): document for document in documents}
    for path, key, raw, reason in parts.unreadable:
        document = by_path.get(path, documents[0])
        if HEADER_FIELDS[key] in parts.supplied.get(document.slug, set()):
            continue
        lines = document.source.lines
        line = next((index for index, text in enumerate(lines, start=1) if raw.split()[0] in text), None)
        report.add("error", document.source.path, f"{_who(document)}原文中的“{raw}”无法识别：{reason}", line,
                   hint=f"原文确有笔误时，请核对后在附属文件中填写 {HEADER_FIELDS[key]} 并注明 / correct it in the sidecar")


def number_line(document: Document, number: str) -> int | None:
    """The source line where ``number`` is written (in any bracket style)."""
    for index, line in enumerate(document.source.lines, start=1):
        if any(str(found) == number for _, _, found in docnumbers.find_numbers(line)):
            return index
    return None


def check_duplicates(documents: list[Document], report: CheckReport) -> None:
    first: dict[str, Document] = {}
    for document in documents:
        number = document.meta.get("doc_number")
        if not number:
            continue
        other = first.setdefault(number, document)
        if other is not document:
            other_line = number_line(other, number)
            where = f"{other.source.path}:{other_line}" if other_line else str(other.source.path)
            report.add("error", document.source.path,
                       f"发文字号 {number} 重复：{where} 已使用 / duplicate document number, also in {where}",
                       number_line(document, number),
                       hint="同一文件请只保留一份；若是不同文件，请核对字号并在附属文件中更正 doc_number")


def check_project(project: Project, today: _dt.date | None = None) -> CheckReport:
    """Check every source and sidecar of ``project``."""
    today = today or _dt.date.today()
    report, everything = CheckReport(), []
    for path in project.source_files():
        report.sources += 1
        try:
            documents, parts = convert_source(path, project)
        except SourceError as error:
            report.add_error(error)
            continue
        everything += documents
        check_overrides(parts, report)
        check_unreadable(documents, parts, report)
        for document in documents:
            check_required(document, parts, report)
            check_expected(document, parts, report)
            check_validity(document, report, today)
    report.documents = len(everything)
    check_duplicates(everything, report)
    check_orphans(project, report)
    check_strays(project, report)
    report.findings.sort()
    return report


def _who(document: Document) -> str:
    return f"{document.part}：" if document.part else ""
