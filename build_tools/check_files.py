"""The files in ``source_docs/`` themselves: each sidecar has its raw text, and nothing else is there.

An editor who uploads a ``.docx`` or misnames a sidecar would otherwise see
the document silently left out; each such file is an error that says what
to save or rename instead.
"""
from __future__ import annotations

import difflib
from pathlib import Path

from . import sidecar
from .findings import CheckReport
from .project import Project


# What an editor may drop into source_docs/ instead of a plain-text copy.
NOT_TEXT = {".doc", ".docx", ".wps", ".pdf", ".rtf", ".odt", ".htm", ".html", ".xls", ".xlsx"}


def check_strays(project: Project, report: CheckReport) -> None:
    """Files in source_docs/ that are neither raw text nor sidecar would be left out without a word."""
    files = sorted(project.sources.iterdir()) if project.sources.is_dir() else []
    for path in files:
        if path.name.startswith(".") or path.is_dir() or path.suffix in (".txt", ".yml", ".yaml"):
            continue
        report.add("error", path.relative_to(project.root).as_posix(),
                   "不是原始文本（.txt）或附属文件（.yml），不会被收录 / not a raw text or sidecar",
                   hint=stray_hint(Path(path.relative_to(project.root).as_posix())))


def stray_hint(relative: Path) -> str:
    suffix = relative.suffix.lower()
    if suffix in (".txt", ".yml"):
        return f"请把扩展名改为小写：{relative.with_suffix(suffix).as_posix()} / lower-case extension"
    if suffix in NOT_TEXT:
        return (f"请把全文复制为纯文本，存为 UTF-8 编码的 {relative.with_suffix('.txt').as_posix()}"
                " / save the full text as a UTF-8 .txt file")
    return "原始文本以 .txt 结尾，附属文件以 .yml 结尾；其他文件请移出 source_docs/ / only .txt and .yml belong here"


def check_orphans(project: Project, report: CheckReport) -> None:
    for path in sorted(project.sources.glob("*.y*ml")):
        relative = path.relative_to(project.root).as_posix()
        if path.suffix == ".yaml":
            report.add("error", relative, "附属文件应以 .yml 结尾 / sidecars end in .yml",
                       hint=f"请改名为 {Path(relative).with_suffix('.yml').as_posix()}")
        elif not sidecar.source_for(path).is_file():
            report.add("error", relative, f"没有对应的原始文本 {Path(relative).with_suffix('.txt').as_posix()}"
                       " / sidecar without a source", hint=orphan_hint(path, project))


def orphan_hint(path: Path, project: Project) -> str:
    """A sidecar without its text is most often misnamed: name the raw text it was probably meant for."""
    stems = [source.stem for source in project.source_files()]
    close = difflib.get_close_matches(path.stem, stems, n=1, cutoff=0.6)
    if close:
        return (f"是否应为 source_docs/{close[0]}.txt 的附属文件？请把本文件改名为 source_docs/{close[0]}.yml"
                f" / rename it to {close[0]}.yml?")
    return "附属文件须与原始文本同名、只有扩展名不同；原始文本已删除时请一并删除本文件 / name it like its .txt"
