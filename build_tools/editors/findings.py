"""What ``check`` found: errors, warnings and overrides, each naming its file and line."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import SourceError

LEVELS = {"error": "错误 error", "warning": "警告 warning", "override": "覆盖 override"}


@dataclass(frozen=True, order=True)
class Finding:
    path: str
    line: int
    level: str  # error, warning, override
    message: str
    hint: str = ""

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        text = f"{where}: {LEVELS[self.level]}: {self.message}"
        return f"{text}\n    → {self.hint}" if self.hint else text


@dataclass
class CheckReport:
    findings: list[Finding] = field(default_factory=list)
    sources: int = 0
    documents: int = 0

    def add(self, level: str, path, message: str, line: int | None = None, hint: str = "") -> None:
        self.findings.append(Finding(str(path), line or 0, level, message, hint))

    def add_error(self, error: SourceError) -> None:
        self.add("error", error.path, error.message, error.line, error.hint)

    def of(self, level: str) -> list[Finding]:
        return [finding for finding in self.findings if finding.level == level]

    def summary(self) -> str:
        errors, warnings, overrides = (len(self.of(level)) for level in LEVELS)
        return (f"检查了 {self.sources} 个原始文本、{self.documents} 个文档：{errors} 个错误，{warnings} 个警告，"
                f"{overrides} 处覆盖 / checked {self.sources} sources, {self.documents} documents: "
                f"{errors} errors, {warnings} warnings, {overrides} overrides")
