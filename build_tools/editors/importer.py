"""``python -m build_tools import PATH…``: many original files into source_docs/ at once.

An editor who receives a folder of Word files, PDFs and saved pages should
not name and check each by hand. Each file is read where it lies, named
from what was extracted (region, 机关代字 or issuer, year, number — the
seeds' pattern, ``yunyang-fufa-2022-004``), copied in under that name
(never over an existing source: the same file is recognised by its hash,
a different one gets ``-2``), and given a sidecar only where a required
field is missing (``scaffold``). A file that cannot be read is reported,
not copied, and never stops the others.
"""
from __future__ import annotations

import hashlib
import re
import shutil
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath

from .. import reading, structure
from ..metadata import schema
from ..render.convert import convert_source, documents_from
from ..metadata.docnumbers import find_numbers
from ..errors import SourceError
from ..project import Project
from .scaffold import scaffold
from ..slugs import slugify

ADDED, EDITOR, UNREADABLE, PRESENT = "已添加 added", "需要编辑补充 needs an editor", "无法读取 could not read", \
    "已有 already there"
_PLACE_SUFFIX = re.compile(r"(?:[\u4e00-\u9fff]{1,6}族)*(?:自治州|自治县|自治旗|特别行政区|省|市|县|区|州|旗|盟)$")


@dataclass
class Outcome:
    original: Path
    status: str
    target: str = ""  # the source_docs/ path it has now
    note: str = ""  # fields to fill, or why it could not be read


def import_paths(paths: list[Path], project: Project) -> list[Outcome]:
    project.sources.mkdir(parents=True, exist_ok=True)
    outcomes = []
    for path in originals(paths):
        try:
            outcomes.append(import_one(path, project))
        except SourceError as error:
            outcomes.append(Outcome(path, UNREADABLE, note=str(error).replace("\n", " ")))
    return outcomes


def originals(paths: list[Path]) -> list[Path]:
    """The files named and the readable files inside the folders named, in a stable order."""
    found: dict[Path, None] = {}
    for path in paths:
        inside = sorted(path.rglob("*")) if path.is_dir() else [path]
        found.update(dict.fromkeys(file.resolve() for file in inside if file.is_file() and not file.name.startswith(".")
                                   and (file.suffix.lower() in reading.SUFFIXES or not path.is_dir())))
    return list(found)


def import_one(path: Path, project: Project) -> Outcome:
    raw = path.read_bytes()
    digest = hashlib.sha256(raw).hexdigest()
    for existing in project.source_files():
        if hashlib.sha256(existing.read_bytes()).hexdigest() == digest:
            return Outcome(path, PRESENT, _shown(existing, project))
    meta = extracted(path, raw)
    target = free_name(project, name_for(meta) or slugify(path.stem) or "document", path.suffix.lower())
    shutil.copyfile(path, target)
    documents, report = convert_source(target, project)
    required = sorted({field for fields in report.missing.values() for field in fields
                       if schema.BY_NAME[field].required})
    if not required:
        return Outcome(path, ADDED, _shown(target, project))
    side = scaffold(target, project)
    labels = "、".join(schema.BY_NAME[field].label for field in required)
    return Outcome(path, EDITOR, _shown(target, project), f"{labels}：见 {_shown(side, project)}")


def extracted(path: Path, raw: bytes) -> dict:
    """The main document's front matter, read from a temporary copy (the original stays where it is)."""
    with tempfile.TemporaryDirectory(prefix="archive-import-") as folder:
        copy = Path(folder) / "source_docs" / f"import{path.suffix.lower()}"
        copy.parent.mkdir()
        copy.write_bytes(raw)
        try:
            source = reading.read(copy, Path(folder))
        except SourceError as error:  # name the editor's file, not the temporary copy
            raise SourceError(path, error.message, error.line, error.hint) from None
    source = replace(source, path=PurePosixPath("source_docs", path.name))
    return documents_from(structure.parse(source), "import")[0].meta


def name_for(meta: dict) -> str:
    """region-代字-year-number (楚雄州 楚教复〔2023〕27号 → chuxiong-chujiaofu-2023-027), else region-issuer-year."""
    region = _PLACE_SUFFIX.sub("", (meta.get("region") or [""])[-1]) if meta.get("region") else ""
    parts = [_ascii(region)] if region and region != "全国" else []
    numbers = find_numbers(meta.get("doc_number") or "")
    if numbers:
        number = numbers[0][2]
        agency = number.agency[len(region):] if region and number.agency.startswith(region) else number.agency
        parts += [_ascii(agency), str(number.year), f"{number.serial:03d}"]
    else:
        issuer = meta.get("issuer") or ""
        issuer = issuer[len(meta["region"][-1]):] if meta.get("region") and issuer.startswith(meta["region"][-1]) else issuer
        parts += [_ascii(issuer[:6]), str(meta.get("date") or "")[:4]]
    return "-".join(part for part in parts if part)[:60].strip("-")


def _ascii(text: str) -> str:
    """One pinyin word: 云阳 → yunyang, 府发 → fufa."""
    return slugify(text).replace("-", "")


def free_name(project: Project, name: str, suffix: str) -> Path:
    """source_docs/<name><suffix>, with -2, -3 … when any source already uses the name."""
    taken = {path.stem for path in project.sources.glob("*.*")}
    stem, count = name, 1
    while stem in taken:
        count += 1
        stem = f"{name}-{count}"
    return project.sources / f"{stem}{suffix}"


def table(outcomes: list[Outcome]) -> str:
    """The closing summary: one row per file, grouped by what happened."""
    rows = [f"{outcome.status}\t{outcome.original}\t{outcome.target}\t{outcome.note}".rstrip("\t")
            for status in (ADDED, EDITOR, PRESENT, UNREADABLE) for outcome in outcomes if outcome.status == status]
    counts = "，".join(f"{status} {sum(o.status == status for o in outcomes)}" for status in (ADDED, EDITOR, PRESENT,
                                                                                                UNREADABLE))
    return "\n".join(["状态 status\t原文件 file\t收录为 source\t说明 note", *rows, counts])


def _shown(path: Path, project: Project) -> str:
    return path.resolve().relative_to(project.root.resolve()).as_posix()
