"""Required fields a document still lacks: how the site shows them and how an editor fills them.

A gap in one document must not stop the archive: the page is published
with the field shown as 待核实 (listed on ``browse/unverified.md``), while
``check``, the pull-request gate, reports it as an error. Both say the same
fix, written here once.
"""
from __future__ import annotations

from pathlib import PurePosixPath

from . import schema
from ..model import Document

UNVERIFIED = "待核实"
FIELD = "unverified"  # front-matter key: the required fields neither found nor supplied


def gaps_of(document: Document) -> list[str]:
    """The required fields this document lacks, in schema order."""
    found = document.meta.get(FIELD) or []
    return [name for name in schema.REQUIRED if name in found]


def placeholder_title(document: Document) -> str:
    """A page heading that says what it is: the file name (and part), marked 待核实."""
    name = PurePosixPath(str(document.source.path)).stem
    part = f" {document.part}" if document.part else ""
    return f"{name}{part}（标题{UNVERIFIED}）"


def sidecar_of(document: Document) -> str:
    return PurePosixPath(str(document.source.path)).with_suffix(".yml").as_posix()


def where_to_fill(document: Document, name: str) -> str:
    """How to supply a field in the sidecar, for this part of the file (``check``'s hint)."""
    target = sidecar_of(document)
    field = schema.BY_NAME.get(name)
    example = f"{field.help}；" if field and field.required and name != "title" else ""
    if name == "source_url":
        return f"在 {target} 中填写 source_url: https://… 和 retrieved: YYYY-MM-DD / set source_url and retrieved"
    if document.part:
        return f"在 {target} 的 annexes: 下为“{document.part}”填写 {name}: … / set it under annexes in {target}"
    if name == "title":
        return f"在 {target} 中填写 title: …（原文无标题时由编者拟定，并在 note 中说明）/ set title in {target}"
    return f"在 {target} 中填写 {name}: …（{example}原文确未写明时写 {name}: null 并注明原因）/ set {name} in {target}"


def fix(document: Document, names: list[str]) -> str:
    """The same fix for several fields, in one Chinese sentence for the 待核实 page."""
    keys = "、".join(names)
    where = f"{sidecar_of(document)} 的 annexes: 下为“{document.part}”" if document.part else sidecar_of(document) + " 中"
    return f"核对原文后在 {where}填写 {keys} 并注明出处"
