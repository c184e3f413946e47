"""The result of an evaluation: per document what was checked and missed; per family the accuracy."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from .fields import FIELDS, GENERIC

COLUMNS = {"doc_type": "type", "doc_number": "number", "proposal.kind": "p.kind", "proposal.session": "p.sess",
           "proposal.number": "p.num", "proposal.proposer": "p.who", "effective": "effect",
           "repeats_removed": "repeats", "header_in_body": "header", "item_headings": "items"}


@dataclass(frozen=True)
class Miss:
    name: str
    field: str
    expected: object
    got: object

    def __str__(self) -> str:
        return f"{self.name}: {self.field}: expected {self.expected!r}, got {self.got!r}"


@dataclass
class Outcome:
    """One text: the fields checked (True when right), what was missed, the error that stopped it."""

    name: str
    family: str
    checked: dict[str, bool] = field(default_factory=dict)
    misses: list[Miss] = field(default_factory=list)
    error: str = ""
    removed: int = 0  # passages removed as repeats


@dataclass
class Report:
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def families(self) -> list[str]:
        return sorted({outcome.family for outcome in self.outcomes})

    @property
    def misses(self) -> list[Miss]:
        return [miss for outcome in self.outcomes for miss in outcome.misses]

    @property
    def errors(self) -> list[Outcome]:
        return [outcome for outcome in self.outcomes if outcome.error]

    @property
    def removed(self) -> int:
        return sum(outcome.removed for outcome in self.outcomes)

    def counts(self, name: str, family: str | None = None) -> tuple[int, int]:
        """(right, checked) for one field, over all documents or one family."""
        results = [outcome.checked[name] for outcome in self.outcomes
                   if name in outcome.checked and family in (None, outcome.family)]
        return sum(results), len(results)

    def accuracy(self, name: str, family: str | None = None) -> float | None:
        right, total = self.counts(name, family)
        return right / total if total else None

    def table(self) -> str:
        """Accuracy in % per family (rows) and field (columns); the last row counts the checks."""
        names = [name for name in (*FIELDS, *GENERIC) if self.counts(name)[1]]
        head = ["family", "docs", "errors", *(COLUMNS.get(name, name) for name in names)]
        rows = [head]
        for family in [*self.families, None]:
            outcomes = [outcome for outcome in self.outcomes if family in (None, outcome.family)]
            cells = [family or "all", str(len(outcomes)), str(sum(1 for outcome in outcomes if outcome.error))]
            for name in names:
                value = self.accuracy(name, family)
                cells.append("—" if value is None else f"{100 * value:.1f}")
            rows.append(cells)
        rows.append(["checked", "", "", *(str(self.counts(name)[1]) for name in names)])
        widths = [max(display_width(row[column]) for row in rows) for column in range(len(head))]
        return "\n".join("  ".join(pad(cell, width, column > 0) for column, (cell, width) in
                                   enumerate(zip(row, widths))).rstrip() for row in rows)

    def summary(self) -> str:
        return (f"{len(self.outcomes)} documents, {len(self.misses)} misses, {len(self.errors)} conversion errors, "
                f"{self.removed} passages removed as repeats")


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def pad(text: str, width: int, right: bool) -> str:
    space = " " * (width - display_width(text))
    return space + text if right else text + space
