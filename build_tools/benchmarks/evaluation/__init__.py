"""``python -m build_tools evaluate``: how often the converter gets each field right on real texts.

Each text runs through the same stages as a build (``convert.convert_text``: structure, metadata,
parts), without writing pages or using the cache; its values are compared with the expected ones
(``fields``), and every page is checked for web chrome and for header or footer lines left in
the body. ``cases`` finds the texts, ``report`` sums up per family.
"""
from __future__ import annotations

import sys
import traceback
from collections.abc import Iterable
from typing import TextIO

from ...render.convert import claim_slugs, convert_text
from ...errors import SourceError
from .cases import Case, count, folder_cases, lawrefbook_cases
from .fields import CHROME, GENERIC, canonical, expected_fields, header_lines_in_body, item_headings, observed, strings_found
from .report import Miss, Outcome, Report
from ...progress import counted

__all__ = ["Case", "Miss", "Outcome", "Report", "count", "evaluate", "folder_cases", "judge", "lawrefbook_cases"]


def evaluate(cases: Iterable[Case], total: int = 0) -> Report:
    """Judge every case (a status line on a terminal)."""
    report = Report()
    for case in counted(cases, "evaluate", total or None):
        report.outcomes.append(judge(case))
    return report


def judge(case: Case) -> Outcome:
    outcome = Outcome(case.name, case.family)
    expected = expected_fields(case.expected)
    if case.source is None:
        return failed(outcome, expected, case.problem)
    try:
        documents, parts = convert_text(case.source, None)
        claim_slugs(documents, {})
    except SourceError as error:
        return failed(outcome, expected, str(error))
    except Exception as error:  # a crash is a conversion error of this text, not the end of the run
        where = traceback.extract_tb(error.__traceback__)[-1]
        return failed(outcome, expected, f"{type(error).__name__}: {error} ({where.filename}:{where.lineno})")
    got = observed(documents, parts.missing.get(documents[0].slug, []))
    outcome.removed = got["repeats_removed"]
    for name, value in expected.items():
        check(outcome, name, value, got[name], canonical(name, value) == canonical(name, got[name]))
    if "absent" in case.expected:
        check(outcome, "absent", [], strings_found(documents, case.expected["absent"] or []))
    check(outcome, "chrome", [], strings_found(documents, CHROME))
    check(outcome, "header_in_body", [], header_lines_in_body(documents, case.expected))
    check(outcome, "item_headings", [], item_headings(documents))
    return outcome


def check(outcome: Outcome, name: str, expected, got, right: bool | None = None) -> None:
    """Record one field; a miss shows both values as they were, before normalisation."""
    outcome.checked[name] = expected == got if right is None else right
    if not outcome.checked[name]:
        outcome.misses.append(Miss(outcome.name, name, expected, got))


def failed(outcome: Outcome, expected: dict, error: str) -> Outcome:
    """Every expected field of a text that could not be converted is a miss."""
    outcome.error = error
    for name in (*expected, *GENERIC):
        outcome.checked[name] = False
    outcome.misses.append(Miss(outcome.name, "conversion", "pages", error))
    return outcome


def print_report(report: Report, misses: bool, out: TextIO = sys.stdout) -> None:
    print(report.table(), file=out)
    shown = report.misses if misses else [miss for miss in report.misses if miss.field == "conversion"]
    if shown:
        print(file=out)
        for miss in shown:
            print(miss, file=out)
    print(file=out)
    print(report.summary(), file=out)
