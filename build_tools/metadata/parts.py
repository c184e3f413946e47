"""Complete the documents of one source together and apply its sidecar.

A raw file holds a main document and its parts (附件一…, or 印发: the plan a
notice issues). Parts are pages of their own, so here they get
``attached_to`` / ``attachments`` (by slug), an issued plan takes the
issuer, date and region of the notice that issues it (marked
``date_source: parent``), every part shares the file's provenance, and the
editor's sidecar entry for each part is applied last. What the sidecar
changed, and which required fields are still missing, is reported for
``check``.

Parents are found by slug: a part's slug extends its parent's
(``x`` → ``x-fujian-2`` → ``x-fujian-2-yinfa``).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePosixPath

from . import gaps, schema
from .doctypes import doc_type_of
from ..errors import SourceError
from .front_matter import period_of
from ..model import Document
from .regions import gazetteer
from .sidecar import KeyPath, Sidecar

# What an issued plan (印发) takes from the notice that issues it.
ISSUED_INHERITS = ("issuer", "date", "date_precision", "region", "region_code", "region_source", "published")
# What every part shares with the file it comes from.
FILE_INHERITS = ("source_url", "retrieved")


@dataclass(frozen=True)
class Override:
    """A value the sidecar set where the extractor had found a different one."""

    path: PurePosixPath  # the sidecar
    line: int | None
    slug: str
    field: str
    extracted: object
    supplied: object


@dataclass
class PartsReport:
    overrides: list[Override] = field(default_factory=list)
    missing: dict[str, list[str]] = field(default_factory=dict)  # slug → required fields not found
    declared_unknown: dict[str, list[str]] = field(default_factory=dict)  # slug → fields set to null
    supplied: dict[str, set[str]] = field(default_factory=dict)  # slug → fields the sidecar set
    unreadable: list[tuple[KeyPath, str, str, str]] = field(default_factory=list)  # see metadata.unreadable


def parents_of(documents: list[Document]) -> dict[str, Document]:
    """slug → parent document, for every part after the first (the main document)."""
    parents = {}
    for index, document in enumerate(documents[1:], start=1):
        earlier = [doc for doc in documents[:index] if document.slug.startswith(doc.slug + "-")]
        parents[document.slug] = max(earlier, key=lambda doc: len(doc.slug)) if earlier else documents[0]
    return parents


def part_path(document: Document, parents: dict[str, Document]) -> KeyPath:
    """The part names from the main document down, e.g. ('附件二', '印发')."""
    path: KeyPath = ()
    while document.slug in parents:
        path = (document.part or document.meta.get("part", ""),) + path
        document = parents[document.slug]
    return path


def inherit(meta: dict, parent: dict, part: str) -> None:
    keys = FILE_INHERITS + (ISSUED_INHERITS if part == "印发" else ())
    if part == "印发" and meta.get("region_source") == "text":
        # The issuing notice's issuer places an issued plan better than the places its text mentions.
        for key in ("region", "region_code", "region_source"):
            meta.pop(key, None)
    for key in keys:
        if key in parent and key not in meta:
            meta[key] = parent[key]
            if key in ("date", "region"):
                meta[f"{key}_source"] = "parent"


def apply(meta: dict, entry: dict, sidecar: Sidecar, keys: KeyPath, slug: str, report: PartsReport) -> None:
    """Set the sidecar's values on ``meta``; remember overrides and fields declared unknown."""
    for name, value in entry.items():
        if name in ("annexes", "slug"):
            continue
        report.supplied.setdefault(slug, set()).add(name)
        if name in meta and meta[name] != value and value is not None:
            report.overrides.append(Override(sidecar.path, sidecar.line(keys + (name,)), slug, name, meta[name], value))
        if value is None:
            meta.pop(name, None)
            report.declared_unknown.setdefault(slug, []).append(name)
            continue
        if meta.get(name) == value:
            # A sidecar that repeats what the text says (as `new` writes it) confirms
            # the value; it stays attributed to the text, with its region code.
            continue
        meta[name] = value
        if name == "date":
            meta["date_precision"] = {4: "year", 7: "month", 10: "day"}[len(value)]
            meta["date_source"] = "sidecar"
        if name == "region":
            meta.pop("region_code", None)
            meta["region_source"] = "sidecar"


def check_parts(sidecar: Sidecar, paths: set[KeyPath]) -> None:
    """Every annex a sidecar addresses must exist in the document."""
    def walk(entry: dict, parts: KeyPath, keys: KeyPath) -> None:
        for part, sub in (entry.get("annexes") or {}).items():
            if parts + (part,) not in paths:
                known = "、".join("/".join(path) for path in sorted(paths) if path) or "（无附件 / none）"
                raise SourceError(sidecar.path, f"文件中没有“{'/'.join(parts + (part,))}”这一部分 / no such part",
                                  line=sidecar.line(keys + ("annexes", part)), hint=f"文件的部分有 / parts: {known}")
            walk(sub, parts + (part,), keys + ("annexes", part))
    walk(sidecar.entry, (), ())


def finish(documents: list[Document], sidecar: Sidecar | None) -> PartsReport:
    """Relate, inherit, apply the sidecar and complete derived fields; documents are changed in place."""
    report = PartsReport()
    parents = parents_of(documents)
    paths = {part_path(document, parents) for document in documents}
    if sidecar:
        check_parts(sidecar, paths)
    for document in documents:
        parent = parents.get(document.slug)
        if parent:
            inherit(document.meta, parent.meta, document.part or document.meta.get("part", ""))
            document.meta["attached_to"] = parent.slug
            parent.meta.setdefault("attachments", []).append(document.slug)
        if sidecar:
            entry, keys = sidecar.entry_for(part_path(document, parents))
            apply(document.meta, entry, sidecar, keys, document.slug, report)
        complete(document, report, gazetteer())
    for document in documents:
        document.meta = schema.ordered(document.meta)
    return report


def complete(document: Document, report: PartsReport, places) -> None:
    """Derived fields after the sidecar, the missing-field report, and a title to render."""
    meta = document.meta
    if not meta.get("doc_type") and meta.get("title"):
        meta["doc_type"] = doc_type_of(meta["title"]) or meta.pop("doc_type", None)
    if not meta.get("effective") and not meta.get("expires"):
        meta.update(period_of(meta))
    if meta.get("region") and not meta.get("region_code"):
        meta["region_code"] = places.chain(meta["region"])[-1].code
    meta.setdefault("status", schema.DEFAULT_STATUS)
    # Every other required field may be declared unknown (null); a page always needs a title.
    declared = set(report.declared_unknown.get(document.slug, [])) - {"title"}
    missing = [name for name in schema.REQUIRED if not meta.get(name) and name not in declared]
    if missing:
        # The page is still published, these fields shown as 待核实; check reports them as errors.
        report.missing[document.slug], meta[gaps.FIELD] = missing, list(missing)
    if not meta.get("title"):
        meta["title"] = gaps.placeholder_title(document)
    for name in [name for name, value in meta.items() if value in (None, "", [], {})]:
        del meta[name]
