"""The texts to evaluate: a folder of raw texts with ``<name>.expected.yml`` beside them, or the
lawrefbook corpus read through ``lawrefbook``. Expected values are typed by hand from the text
(format: notes of the development set, or the README's Evaluation section)."""
from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import yaml

from .. import lawrefbook
from ...reading import text as reader
from ...errors import SourceError
from ...model import SourceText

SUFFIX = ".expected.yml"


@dataclass(frozen=True)
class Case:
    name: str  # as shown in misses: the text's path inside the evaluated folder
    family: str  # the first folder under the evaluated folder
    source: SourceText | None  # None when the text or its expected values cannot be read
    expected: dict = field(default_factory=dict)
    problem: str = ""


def folder_cases(folder: Path, limit: int | None = None) -> Iterator[Case]:
    """Every ``x.txt`` under ``folder`` that has ``x.expected.yml`` beside it, in path order."""
    found = sorted(path for path in folder.rglob(f"*{SUFFIX}"))
    for expected_path in found[:limit]:
        text_path = expected_path.with_name(expected_path.name[: -len(SUFFIX)] + ".txt")
        relative = text_path.relative_to(folder)
        family = relative.parts[0] if len(relative.parts) > 1 else "."
        try:
            expected = yaml.safe_load(expected_path.read_text(encoding="utf-8")) or {}
            if not isinstance(expected, dict):
                raise ValueError("not a mapping of field: value")
            yield Case(relative.as_posix(), family, reader.read_source(text_path, folder), expected)
        except (OSError, ValueError, yaml.YAMLError, SourceError) as error:
            yield Case(relative.as_posix(), family, None, problem=f"{type(error).__name__}: {error}")


def lawrefbook_cases(folder: Path, limit: int | None = None) -> Iterator[Case]:
    """The corpus's Markdown files as raw texts; the family is the corpus folder (DLC, 行政法规 …)."""
    for name, text, expected in lawrefbook.texts(folder, limit):
        path = PurePosixPath("lawrefbook", name).with_suffix(".txt")
        source = SourceText(path=path, text=text, sha256=hashlib.sha256(text.encode()).hexdigest())
        yield Case(str(path), f"lawrefbook/{path.parts[1]}", source, expected)


def count(folder: Path | None, lawrefbook_folder: Path | None, limit: int | None) -> int:
    """How many cases the two sources give, for the progress line."""
    total = min(len(list(folder.rglob(f"*{SUFFIX}"))), limit or 10**9) if folder else 0
    if lawrefbook_folder:
        total += min(len(lawrefbook.names(lawrefbook_folder)), limit or 10**9)
    return total
