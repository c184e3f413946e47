"""Ruled tables and rules in a PDF page, from its drawn lines.

A PDF has no tables, only text placed on a page and lines drawn around it.
Thin horizontal and vertical strokes that touch each other make a grid;
each row band of the grid is one table row, and a cell ends only where a
vertical rule crosses that band, so a cell merged across columns keeps its
text in one cell (the first of the columns it covers) instead of being cut
at the columns' borders. A horizontal stroke that belongs to no grid is a
rule (the red rule under the masthead, the lines around the 版记): layout,
which ends a paragraph but is never text.
"""
from __future__ import annotations

from dataclasses import dataclass, field

THIN = 5.0  # pt: a stroke (a red rule is drawn up to about 1.5 mm thick), not a filled box
SNAP = 2.5  # pt: strokes closer than this are one grid line


@dataclass
class Segment:
    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def horizontal(self) -> bool:
        return self.y1 - self.y0 <= THIN and self.x1 - self.x0 > THIN


@dataclass
class Grid:
    """One table: the y of its horizontal lines (top first) and its vertical strokes."""

    ys: list[float]
    xs: list[float]
    verticals: list[Segment] = field(default_factory=list)

    @property
    def box(self) -> tuple[float, float, float, float]:
        return self.xs[0], self.ys[-1], self.xs[-1], self.ys[0]

    def contains(self, x: float, y: float) -> bool:
        x0, y0, x1, y1 = self.box
        return x0 - SNAP <= x <= x1 + SNAP and y0 - SNAP <= y <= y1 + SNAP

    def boundaries(self, top: float, bottom: float) -> list[float]:
        """The x of the vertical rules that cross the row band between ``top`` and ``bottom``."""
        middle = (top + bottom) / 2
        return [x for x in self.xs
                if any(abs(s.x0 - x) <= SNAP and s.y0 - SNAP <= middle <= s.y1 + SNAP for s in self.verticals)]


def grids_and_rules(segments: list[Segment]) -> tuple[list[Grid], list[Segment]]:
    """Tables (strokes that meet both ways) and lone horizontal rules."""
    horizontals = [s for s in segments if s.horizontal]
    verticals = [s for s in segments if s.x1 - s.x0 <= THIN and s.y1 - s.y0 > THIN]
    groups: list[tuple[list[Segment], list[Segment]]] = []
    for line in sorted(horizontals, key=lambda s: -s.y0):
        crossing = [v for v in verticals if _touch(line, v)]
        for group in groups:
            if any(v in group[1] for v in crossing) or any(_overlap(line, h) and _near(line, h, group[1])
                                                            for h in group[0]):
                group[0].append(line)
                group[1].extend(v for v in crossing if v not in group[1])
                break
        else:
            groups.append(([line], crossing))
    grids, rules = [], []
    for lines, crossing in groups:
        if crossing and len(lines) >= 2:
            grids.append(Grid(_snap([-s.y0 for s in lines], negate=True), _snap([v.x0 for v in crossing]), crossing))
        else:
            rules += lines
    return grids, rules


def rows(grid: Grid, chars: list) -> list[list[list]]:
    """The characters of each cell, row by row; merged cells keep their text in their first column."""
    table = []
    for top, bottom in zip(grid.ys, grid.ys[1:]):
        inside = [c for c in chars if bottom - SNAP <= c.y <= top + SNAP]
        if not inside:
            continue
        edges = grid.boundaries(top, bottom)
        row = [[] for _ in grid.xs[:-1]]
        for c in inside:
            left = max((x for x in edges if x <= c.cx), default=grid.xs[0])
            row[min(range(len(grid.xs) - 1), key=lambda i: abs(grid.xs[i] - left))].append(c)
        table.append(row)
    return table


def _touch(h: Segment, v: Segment) -> bool:
    return h.x0 - SNAP <= v.x0 <= h.x1 + SNAP and v.y0 - SNAP <= h.y0 <= v.y1 + SNAP


def _overlap(a: Segment, b: Segment) -> bool:
    return a.x0 < b.x1 and b.x0 < a.x1


def _near(line: Segment, other: Segment, verticals: list[Segment]) -> bool:
    """Two horizontal lines of one table: a vertical stroke of the table reaches both."""
    return any(v.y0 - SNAP <= line.y0 <= v.y1 + SNAP and v.y0 - SNAP <= other.y0 <= v.y1 + SNAP for v in verticals)


def _snap(values: list[float], negate: bool = False) -> list[float]:
    """Distinct grid lines (sorted; y top first when ``negate``)."""
    out: list[float] = []
    for value in sorted(values):
        if not out or value - out[-1] > SNAP:
            out.append(value)
    return [-value for value in out] if negate else out
