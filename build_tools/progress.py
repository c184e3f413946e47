"""How far a long command is, on a terminal only: CI logs and redirected output stay quiet.

Conversion of many files, ``make-corpus``, ``bench`` and ``evaluate`` report through here, so
all of them behave the same way (one rewritten status line, timestamped notes).
"""
from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator
from typing import TypeVar

Item = TypeVar("Item")
EVERY = 25  # items between two updates of the status line


def shown() -> bool:
    return sys.stderr.isatty()


def note(message: str) -> None:
    """A timestamped line about a step that takes a while."""
    if shown():
        print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def counted(items: Iterable[Item], label: str, total: int | None = None) -> Iterator[Item]:
    """The items, while a status line ``label 120/3475`` is rewritten on the terminal."""
    if not shown():
        yield from items
        return
    total = total if total is not None else len(items) if hasattr(items, "__len__") else None
    index = 0
    for index, item in enumerate(items, 1):
        if index == 1 or index % EVERY == 0 or index == total:
            sys.stderr.write(f"\r\033[K{label} {index}/{total or '?'}")
            sys.stderr.flush()
        yield item
    if index:
        sys.stderr.write("\r\033[K")
        sys.stderr.flush()
