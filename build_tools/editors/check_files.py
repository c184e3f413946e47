"""The files in ``source_docs/`` themselves: sources, their sidecars, and nothing else.

Sources are raw texts and the originals the reading stage reads (.docx,
.pdf, .html/.htm, and .doc/.wps through LibreOffice). An editor who
uploads a spreadsheet, writes an upper-case extension, gives two originals
one name or misnames a sidecar would otherwise see a document silently left
out; each such file is an error that says what to save or rename instead.
"""
from __future__ import annotations

import difflib
from pathlib import Path

from ..metadata import sidecar
from .findings import CheckReport
from ..project import Project
from ..reading import SUFFIXES

# Documents in formats no reader reads; the editor saves them in one that is read.
OTHER_DOCUMENTS = {".rtf", ".odt", ".ofd", ".xls", ".xlsx", ".et", ".mht", ".mhtml"}
ACCEPTED = "、".join(SUFFIXES)


def check_strays(project: Project, report: CheckReport) -> None:
    """Files in source_docs/ that are neither source nor sidecar would be left out without a word."""
    files = sorted(project.sources.iterdir()) if project.sources.is_dir() else []
    for path in files:
        if path.name.startswith(".") or path.is_dir() or path.suffix in (*SUFFIXES, ".yml", ".yaml"):
            continue
        report.add("error", path.relative_to(project.root).as_posix(),
                   f"不是可读取的原文（{ACCEPTED}）或附属文件（.yml），不会被收录 / not a source or sidecar",
                   hint=stray_hint(Path(path.relative_to(project.root).as_posix())))
    check_twins(project, report)


def check_twins(project: Project, report: CheckReport) -> None:
    """Two originals of one name (x.pdf and x.docx) would make one page; a .txt beside one is its transcription."""
    by_stem: dict[str, list[Path]] = {}
    for path in sorted(project.sources.glob("*.*")):
        if path.suffix in SUFFIXES and path.suffix != ".txt":
            by_stem.setdefault(path.stem, []).append(path)
    for stem, paths in by_stem.items():
        if len(paths) > 1 and not (project.sources / f"{stem}.txt").is_file():
            names = "、".join(path.name for path in paths)
            report.add("error", paths[1].relative_to(project.root).as_posix(),
                       f"与 {paths[0].name} 同名：同名原文只能有一个（{names}）/ two originals share one name",
                       hint="请只保留一个格式（优先 .docx），或把其中一个改名 / keep one format or rename one")


def stray_hint(relative: Path) -> str:
    suffix = relative.suffix.lower()
    if suffix in (*SUFFIXES, ".yml"):
        return f"请把扩展名改为小写：{relative.with_suffix(suffix).as_posix()} / lower-case extension"
    if suffix in OTHER_DOCUMENTS:
        return (f"请另存为 Word 文档 {relative.with_suffix('.docx').as_posix()}，或把全文存为 UTF-8 编码的"
                f" {relative.with_suffix('.txt').as_posix()} / save it as .docx or as a UTF-8 .txt file")
    return f"原文以 {ACCEPTED} 结尾，附属文件以 .yml 结尾；其他文件请移出 source_docs/ / only sources and .yml belong here"


def check_orphans(project: Project, report: CheckReport) -> None:
    for path in sorted(project.sources.glob("*.y*ml")):
        relative = path.relative_to(project.root).as_posix()
        if path.suffix == ".yaml":
            report.add("error", relative, "附属文件应以 .yml 结尾 / sidecars end in .yml",
                       hint=f"请改名为 {Path(relative).with_suffix('.yml').as_posix()}")
        elif not sidecar.source_for(path).is_file():
            report.add("error", relative, f"没有对应的原始文本 {Path(relative).with_suffix('.txt').as_posix()}（或同名的"
                       " .docx、.pdf、.html 等）/ sidecar without a source", hint=orphan_hint(path, project))


def orphan_hint(path: Path, project: Project) -> str:
    """A sidecar without its text is most often misnamed: name the raw text it was probably meant for."""
    names = {source.stem: source.name for source in project.source_files()}
    close = difflib.get_close_matches(path.stem, list(names), n=1, cutoff=0.6)
    if close:
        return (f"是否应为 source_docs/{names[close[0]]} 的附属文件？请把本文件改名为 source_docs/{close[0]}.yml"
                f" / rename it to {close[0]}.yml?")
    return "附属文件须与原文同名、只有扩展名不同；原文已删除时请一并删除本文件 / name it like its source"
