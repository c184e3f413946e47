"""Stage 1: any original file in source_docs/ as a SourceText, by its suffix.

Editors receive Word files, PDFs and web pages; copying their text out by
hand is where hard line breaks, page numbers in mid-sentence and lost
tables come from. One reader per format turns the original into the text
layout the text path already reads (see ``SourceText``), so ``structure``,
``metadata`` and ``render`` never learn which format a document came in.
``sha256`` is always the original file's: it is the source of record.

Extraction is slow next to the rest of the pipeline and its result depends
only on the file and the readers, so it is cached under ``.cache/extract/``
keyed by the file's bytes and the reading code (not the whole converter:
changing a structure rule does not read every PDF again).
"""
from __future__ import annotations

import hashlib
from dataclasses import replace
from functools import lru_cache
from importlib import import_module, metadata
from pathlib import Path, PurePosixPath

from .. import cache
from . import text as reader
from ..errors import SourceError
from ..model import SourceText
from ..project import SOURCE_SUFFIXES

# Suffix → reader module (in this package). Only lower-case suffixes are sources (check_files says so).
READERS = {".txt": "", ".docx": "docx", ".pdf": "pdf", ".html": "html", ".htm": "html",
           ".doc": "office", ".wps": "office"}
SUFFIXES = SOURCE_SUFFIXES
SITE_FOLDER = "originals"  # the site's folder of original files
_HERE = Path(__file__).resolve().parent
LIBRARIES = ("python-docx", "pypdfium2", "selectolax")


def is_file_of_record(source: PurePosixPath | Path) -> bool:
    """A file as published (Word, PDF, a saved page), served beside its page; a ``.txt`` is the
    editor's transcription, which the page itself shows, so the site does not serve it again."""
    return source.suffix != ".txt"


def site_path(source: PurePosixPath | Path) -> str:
    """Where the site serves an original file (docs-relative), for its download link.

    A saved page is served as text (``x.html.txt``, the same bytes): served as HTML from the archive's
    own address, its scripts would run there, and the offline bundle would load its remote resources.
    """
    suffix = ".txt" if source.suffix in (".html", ".htm") else ""
    return f"{SITE_FOLDER}/{source.name}{suffix}"


def read(path: Path, root: Path) -> SourceText:
    """The SourceText of ``path`` (inside ``root``); SourceError naming the file when it cannot be read."""
    relative = PurePosixPath(path.relative_to(root).as_posix())
    kind = READERS.get(path.suffix)
    if kind is None:
        raise SourceError(relative, f"不支持的文件类型 {path.suffix} / unsupported file type",
                          hint="原文可用 " + "、".join(SUFFIXES) + " 格式 / supported: " + ", ".join(SUFFIXES))
    if not kind:
        return reader.read_source(path, root)
    raw = path.read_bytes()
    key = hashlib.sha256(reading_fingerprint().encode() + hashlib.sha256(raw).digest()).hexdigest()
    folder = root / ".cache" / "extract"
    found = cache.load(folder, key)
    if not isinstance(found, SourceText):
        found = import_module(f".{kind}", __name__).read(raw, relative)
        cache.store(folder, key, replace(found, path=PurePosixPath(), sha256=""))
    return replace(found, path=relative, sha256=hashlib.sha256(raw).hexdigest())


@lru_cache(maxsize=1)
def reading_fingerprint() -> str:
    """Hash of the readers' code and libraries: a new reader extracts again, a new structure rule does not."""
    digest = hashlib.sha256(" ".join(_version(name) for name in LIBRARIES).encode())
    for path in sorted(_HERE.glob("*.py")):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()


def _version(name: str) -> str:
    try:
        return f"{name}={metadata.version(name)}"
    except metadata.PackageNotFoundError:
        return f"{name}=none"
