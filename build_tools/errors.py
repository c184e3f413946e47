"""Errors that name the file (and line) at fault, in the form editors see."""
from __future__ import annotations


class SourceError(Exception):
    """A problem in one input file: ``path:line: message``."""

    def __init__(self, path, message: str, line: int | None = None, hint: str = ""):
        self.path = str(path)
        self.line = line
        self.message = message
        self.hint = hint
        super().__init__(str(self))

    def __reduce__(self):
        """Picklable, so parallel conversion can hand errors back to the parent."""
        return (SourceError, (self.path, self.message, self.line, self.hint))

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        text = f"{where}: {self.message}"
        return f"{text}\n    → {self.hint}" if self.hint else text
