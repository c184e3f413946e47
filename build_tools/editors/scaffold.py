"""``python -m build_tools new source_docs/<file>.txt``: start a sidecar for a new source (any format read).

The extractor runs on the new raw file and the sidecar is written with
what it found (to check) and a commented placeholder for every field it
did not find (to fill), so an editor only works on the gaps. An existing
sidecar is never overwritten.
"""
from __future__ import annotations

from pathlib import Path

import yaml

from ..metadata import schema, sidecar
from ..render.convert import convert_source
from ..errors import SourceError
from ..model import Document
from ..metadata.parts import ISSUED_INHERITS, parents_of, part_path
from ..project import Project
from ..reading import SUFFIXES
from ..render.writer import write_if_changed

# Fields a sidecar may pre-fill from extraction; cites and status are left to the pipeline.
PREFILLED = [name for name in schema.EDITABLE if name not in {"cites", "relations", "status", "annexes", "slug"}]
PLACEHOLDERS = [name for name in schema.EDITABLE if name not in {"cites", "annexes", "slug"}]
PROVENANCE = {"source_url", "retrieved"}


def flow(value) -> str:
    """A value as one line of YAML (quoted where YAML needs it)."""
    return yaml.safe_dump([value], allow_unicode=True, default_flow_style=True, width=10000).strip()[1:-1]


def entry_lines(meta: dict, missing: list[str], top: bool, inherited: dict | None = None) -> list[str]:
    """The YAML lines of one entry: found values, then commented placeholders.

    Values an issued plan takes from its notice (``inherited``) are left out, so they follow the notice.
    """
    inherited = inherited or {}
    found = {name: value for name, value in meta.items()
             if name not in missing and not (name in inherited and inherited[name] == value)
             and not (name == "status" and value == schema.DEFAULT_STATUS)}
    lines = [f"{name}: {flow(found[name])}  # {_origin(found, name)}" for name in PREFILLED if name in found]
    for name in PLACEHOLDERS:
        if name not in found and (top or name not in PROVENANCE):
            field = schema.BY_NAME[name]
            required = "（必填）" if field.required else ""
            lines.append(f"# {name}:   # {field.label}{required}：{field.help}")
    return lines


def _origin(meta: dict, name: str) -> str:
    """Where an extracted value came from, as the comment beside it."""
    if name == "date" and meta.get("date_source") == "doc_number":
        return "仅有年份，取自发文字号；如原文有成文日期请改为 YYYY-MM-DD"
    if meta.get(f"{name}_source") == "parent":
        return "取自所属文件（印发它的通知）"
    if name == "region" and meta.get("region_source") == "text":
        return "由正文中的地名推断，请核对"
    return "自动提取，请核对"


def render_sidecar(documents: list[Document], missing: dict[str, list[str]]) -> str:
    """The sidecar text for one source and its parts (``missing``: slug → fields not found)."""
    main, parents = documents[0], parents_of(documents)
    lines = [
        f"# 附属文件 / editor sidecar for {main.source.path}",
        "# 未注释的值是从原文自动提取的，请逐项核对；以 # 开头的是原文中未找到的字段，",
        "# 需要时去掉 # 并填写，并在值后用注释写明出处（如：# 见原文第 3 行）。",
        "# 原文确未写明的必填字段写 null，例如 date: null  # 原文无落款日期",
        "# Values below were extracted: check them. Commented lines are fields not found.",
    ]
    lines += entry_lines(main.meta, missing.get(main.slug, []), top=True)
    opened = set()  # part paths whose `annexes:` key is already written
    for document in documents[1:]:
        path = part_path(document, parents)
        indent = "  " * (2 * len(path) - 1)
        if path[:-1] not in opened:
            lines.append(indent[:-2] + "annexes:")
            opened.add(path[:-1])
        lines.append(f"{indent}{path[-1]}:  # {document.meta.get('title', '')}")
        parent = parents[document.slug].meta
        inherited = {name: parent.get(name) for name in ISSUED_INHERITS} if document.part == "印发" else {}
        entry = entry_lines(document.meta, missing.get(document.slug, []), False, inherited)
        lines += [f"{indent}  {line}" for line in entry]
    return "\n".join(lines) + "\n"


def scaffold(source: Path, project: Project) -> Path:
    """Write the sidecar for ``source``; SourceError if it exists or the source is not a raw text."""
    source = (source if source.is_absolute() else project.root / source).resolve()
    target = sidecar.path_for(source)
    shown = _shown(target, project)
    meant = next((project.sources / f"{source.stem}{suffix}" for suffix in SUFFIXES
                  if (project.sources / f"{source.stem}{suffix}").is_file()), project.sources / f"{source.stem}.txt")
    # The editor typed the name without source_docs/, or without (or with another) extension.
    did_you_mean = f"您是否想写 / did you mean: python -m build_tools new source_docs/{meant.name}" \
        if meant.is_file() else ""
    if source.parent != project.sources.resolve():
        raise SourceError(_shown(source, project), "原始文本应放在 source_docs/ 文件夹中 / raw texts live in source_docs/",
                          hint=did_you_mean or "先把文件复制到 source_docs/，再运行 new / copy it into source_docs/ first")
    if source.suffix not in SUFFIXES or not source.is_file():
        raise SourceError(_shown(source, project), "找不到原始文本（应为 source_docs/ 中的 .txt、.docx、.pdf、.html 等文件）"
                          "/ no such source",
                          hint=did_you_mean or "用法 / usage: python -m build_tools new source_docs/<文件名>.txt")
    if target.exists():
        raise SourceError(shown, "附属文件已存在，不会覆盖 / sidecar exists, not overwritten",
                          hint="请直接编辑该文件；要重新生成，先把它改名或删除 / edit it, or move it away first")
    documents, report = convert_source(source, project)
    write_if_changed(target, render_sidecar(documents, report.missing))
    return target


def _shown(path: Path, project: Project) -> str:
    try:
        return path.resolve().relative_to(project.root.resolve()).as_posix()
    except ValueError:
        return str(path)
