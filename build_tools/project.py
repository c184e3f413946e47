"""Where things live in a project checkout; passed explicitly, never global."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

# What an editor may put in source_docs/: raw text, or an original file a reader in ``reading`` turns into text.
SOURCE_SUFFIXES = (".txt", ".docx", ".pdf", ".html", ".htm", ".doc", ".wps")


@dataclass(frozen=True)
class Project:
    """Paths of one archive project (the repository, or a test's temp folder)."""

    root: Path

    @property
    def sources(self) -> Path:
        """Raw texts and their sidecars, as editors add them."""
        return self.root / "source_docs"

    @property
    def docs(self) -> Path:
        """MkDocs' docs_dir: hand-written pages plus generated ones."""
        return self.root / "docs"

    @property
    def documents(self) -> Path:
        """Generated document pages (never edited by hand)."""
        return self.docs / "documents"

    @property
    def browse(self) -> Path:
        """Generated browse pages (by region, issuer, year, type …)."""
        return self.docs / "browse"

    @property
    def cache(self) -> Path:
        """Conversion cache keyed by content hash and converter version."""
        return self.root / ".cache" / "convert"

    def source_files(self) -> list[Path]:
        """One source per name (text or original file), sorted so every build sees them in the same order.

        A .txt beside an original of the same name (x.txt, x.pdf) is the editor's transcription of it
        (a scan has no text to read) and is the one converted.
        """
        chosen: dict[str, Path] = {}
        for path in sorted(self.sources.glob("*.*")):
            if path.suffix in SOURCE_SUFFIXES and path.is_file() and (path.stem not in chosen or path.suffix == ".txt"):
                chosen[path.stem] = path
        return sorted(chosen.values())
