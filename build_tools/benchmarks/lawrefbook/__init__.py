"""Raw texts made from the LawRefBook corpus, with the values the corpus gives as ground truth.

``../shared/corpus/lawrefbook/`` holds 3,475 real laws and regulations as Markdown (see its
README). Editors never get Markdown: they get a PDF or Word extraction. So each file becomes the
text an editor would paste (``layout``): the title (or the title block the text reprints, with its
number), the customary bracketed record lines (``（2009年2月28日第十一届…会议通过）``), plain
heading lines, one paragraph per 条, with a layout chosen by a hash of the file's path. The
expected values (``expected``) are only what the Markdown states. Texts are built in memory,
never written into the project.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from .expected import expected
from .layout import layout_of, raw_text
from .markdown import Law, parse

__all__ = ["Law", "LawText", "corpus_folder", "expected", "layout_of", "names", "parse", "raw_text", "sample", "texts"]


class LawText(NamedTuple):
    name: str  # path inside the corpus, e.g. 社会法/职业病防治法(2018-12-29).md
    text: str  # the raw text
    expected: dict


def corpus_folder(project_root: Path) -> Path:
    return project_root.parent / "shared" / "corpus" / "lawrefbook"


def names(folder: Path) -> list[str]:
    return sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*.md"))


def sample(found: list[str], count: int | None) -> list[str]:
    """``count`` names spread over the whole corpus (smallest path hashes), in name order."""
    if count is None or count >= len(found):
        return found
    return sorted(sorted(found, key=lambda name: hashlib.sha256(name.encode()).digest())[:count])


def texts(folder: Path, limit: int | None = None) -> Iterator[LawText]:
    """(name, raw text, expected values) for every Markdown file, or for a sample of ``limit``."""
    for name in sample(names(folder), limit):
        law = parse((folder / name).read_text(encoding="utf-8"))
        yield LawText(name, raw_text(law, name), expected(law, name))
