"""The benchmark's tables: figures per size beside plain Material, growth, and a projection.

A projection to a size not built fits cost = a·N^b to each figure and each build stage at the
two largest sizes measured, so a stage that grows faster than the others shows as the wall.
"""
from __future__ import annotations

import math
from typing import Protocol

STAGE_LABELS = {"conversion": "conversion", "catalogue": "catalogue", "markdown": "Markdown → HTML",
                "templates": "template rendering", "search": "search index", "writing": "writing",
                "mkdocs": "MkDocs other", "startup": "start-up, config"}
GROWING = ("full build (s)", "rebuild, 1 added (s)", "rebuild, 1 edited (s)", "rebuild, index compacted (s)",
           "peak memory (MB)", "site size (MB)", "search index (MB)", "first result (ms)", "downloaded before it (MB)")


class Column(Protocol):
    values: dict[str, float]
    stages: dict[str, dict[str, float]]


def number(value: float | tuple | None, name: str = "") -> str:
    """A figure, or a spread (lowest, highest, how many measurements) as "low–high (n)"."""
    if isinstance(value, tuple):
        low, high, count = value
        return f"{number(low, name)}–{number(high, name)} ({count})"
    if value is None or math.isnan(value):
        return "—"
    return f"{value:.0f}" if name.endswith("(ms)") else f"{value:.2f}"


def row(name: str, archive: float | tuple | None, baseline: float | tuple | None) -> str:
    plain = not isinstance(archive, tuple) and not isinstance(baseline, tuple)
    ratio = archive / baseline if plain and archive is not None and baseline else None
    return f"{name:34}{number(archive, name):>12}{number(baseline, name):>16}{number(ratio):>8}"


def report(count: int, archive: Column, baseline: Column, corpus: str = "generated") -> str:
    lines = [f"\nN = {count} ({corpus})", f"{'':34}{'archive':>12}{'plain Material':>16}{'ratio':>8}"]
    for name in archive.values | baseline.values:
        lines.append(row(name, archive.values.get(name), baseline.values.get(name)))
    for build in archive.stages | baseline.stages:
        lines.append(f"{build}, per stage (s)")
        ours, theirs = archive.stages.get(build, {}), baseline.stages.get(build, {})
        lines += [row(f"  {label}", ours.get(stage), theirs.get(stage)) for stage, label in STAGE_LABELS.items()]
    return "\n".join(lines)


def growth(results: dict[int, tuple[Column, Column]]) -> str:
    """Ratio of each figure (and full-build stage) between consecutive sizes, over the ratio of N."""
    sizes, lines = sorted(results), ["\ngrowth (figure ratio / N ratio; ≤ 1 means no worse than linear)"]
    for small, large in zip(sizes, sizes[1:]):
        lines.append(f"N {small} → {large} (×{large / small:g})")
        for name in ("full build (s)", "site size (MB)", "search index (MB)", "first result (ms)"):
            cells = [ratio(results[small][k].values.get(name), results[large][k].values.get(name)) / (large / small)
                     for k in (0, 1)]
            lines.append(f"  {name:32}{number(cells[0]):>12}{number(cells[1]):>16}")
        staged = [stage for stage in STAGE_LABELS if stage_of(results[small][0], stage) is not None]
        for stage, label in ((stage, STAGE_LABELS[stage]) for stage in staged):
            cells = [ratio(stage_of(results[small][k], stage), stage_of(results[large][k], stage)) / (large / small)
                     for k in (0, 1)]
            lines.append(f"  full build › {label:19}{number(cells[0]):>12}{number(cells[1]):>16}")
    return "\n".join(lines)


def ratio(small: float | None, large: float | None) -> float:
    return large / small if small and large is not None else math.nan


def stage_of(column: Column, stage: str) -> float | None:
    return column.stages.get("full build", {}).get(stage)


def fitted(small: tuple[int, float | None], large: tuple[int, float | None], target: int) -> tuple[float, float]:
    """(exponent b, value at ``target``) of a·N^b through two measurements."""
    (n1, v1), (n2, v2) = small, large
    if not v1 or not v2 or v1 <= 0 or v2 <= 0:
        return math.nan, math.nan
    exponent = math.log(v2 / v1) / math.log(n2 / n1)
    return exponent, v2 * (target / n2) ** exponent


def projection(results: dict[int, tuple[Column, Column]], target: int) -> str:
    """Every growing figure and full-build stage at ``target``, and the stage that dominates it."""
    if len(results) < 2:
        return ""
    n1, n2 = sorted(results)[-2:]
    lines = [f"\nprojection to N = {target} (a·N^b through N = {n1} and {n2}; b in brackets)",
             f"{'':34}{'archive':>18}{'plain Material':>22}"]

    def line(name: str, get) -> float:
        cells = [fitted((n1, get(results[n1][k])), (n2, get(results[n2][k])), target) for k in (0, 1)]
        shown = [f"{number(value, name)} ({number(exponent)})" for exponent, value in cells]
        lines.append(f"{name:34}{shown[0]:>18}{shown[1]:>22}")
        return cells[0][1]

    for name in GROWING:
        line(name, lambda column, name=name: column.values.get(name))
    projected = {label: line(f"  full build › {label}", lambda column, stage=stage: stage_of(column, stage))
                 for stage, label in STAGE_LABELS.items()}
    known = {label: value for label, value in projected.items() if not math.isnan(value)}
    if known:
        wall = max(known, key=known.get)
        lines.append(f"the wall at N = {target}: {wall} ({known[wall]:.0f} s of {sum(known.values()):.0f} s)")
    return "\n".join(lines)
