"""Benchmark command: its measurements are honest, and it runs end to end on a tiny corpus."""
from __future__ import annotations

import sys

import pytest

from build_tools.benchmarks.bench import REBUILDS, Figures, bench, folder_bytes, growth, run_timed
from build_tools.benchmarks.benchreport import STAGE_LABELS, fitted
from build_tools.mkdocs_glue.stages import StageClock
from conftest import ROOT


def test_peak_memory_is_the_childs_own():
    seconds, peak = run_timed([sys.executable, "-c", "block = bytearray(300_000_000); block[::4096] = b'x' * len(block[::4096])"], ROOT)
    assert 300 <= peak < 600 and seconds > 0


def test_folder_bytes_adds_up_every_file(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.js").write_bytes(b"12345")
    (tmp_path / "y.html").write_text("档案", encoding="utf-8")
    assert folder_bytes(tmp_path) == 5 + 6


def test_growth_divides_each_ratio_by_the_ratio_of_n():
    small = (Figures({"full build (s)": 2, "site size (MB)": 10, "search index (MB)": 1, "first result (ms)": 100}),) * 2
    large = (Figures({"full build (s)": 40, "site size (MB)": 100, "search index (MB)": 10, "first result (ms)": 100}),) * 2
    text = growth({10: small, 100: large})
    assert "N 10 → 100 (×10)" in text
    assert [line.split()[-1] for line in text.splitlines()[3:]] == ["2.00", "1.00", "1.00", "0.10"]


@pytest.mark.slow
def test_bench_runs_on_a_tiny_corpus_and_prints_every_figure(tmp_path):
    printed = []
    results = bench(ROOT, [3], seed=5, work=tmp_path / "bench", out=printed.append)
    archive, baseline = results[3]
    text = "\n".join(printed)
    for name in ("conversion (s)", "full build (s)", "rebuild, 1 added (s)", "rebuild, 1 edited (s)",
                 "rebuild, index compacted (s)", "peak memory (MB)", "site size (MB)", "search index (MB)",
                 "first result (ms)", "downloaded before it (MB)", "  of which index (MB)"):
        assert name in text
        assert archive.values[name] > 0, name
    # A rebuild is the median of REBUILDS, each after a different document changed; the spread is shown.
    for change in ("added", "edited"):
        low, high, runs = archive.values[f"  min–max of {REBUILDS} {change} (s)"]
        assert runs == REBUILDS and low <= archive.values[f"rebuild, 1 {change} (s)"] <= high
        assert f"  min–max of {REBUILDS} {change} (s)" in text
    assert len(list((tmp_path / "bench" / "archive-3" / "docs" / "documents").glob("*.md"))) >= 3 + REBUILDS
    assert "conversion (s)" not in baseline.values
    assert baseline.values["search index (MB)"] > 0 and baseline.values["first result (ms)"] > 0
    # Every build is timed per stage, and the stages add up to its wall-clock time.
    assert "full build, per stage (s)" in text and all(label in text for label in STAGE_LABELS.values())
    for column in (archive, baseline):
        stages = column.stages["full build"]
        assert abs(sum(stages.values()) - column.values["full build (s)"]) < 0.01
        assert stages["markdown"] > 0 and stages["templates"] > 0 and stages["search"] > 0
    assert archive.stages["full build"]["conversion"] > 0 and baseline.stages["full build"]["conversion"] == 0


def test_a_stage_called_inside_another_counts_only_for_itself():
    ticks = iter(range(100))
    clock = StageClock(now=lambda: next(ticks))  # 0: enter search, 1: enter writing, 2: leave it, 3: leave search
    inner = clock.wrap("writing", lambda: None)
    clock.wrap("search", inner)()
    assert clock.totals == {"search": 2, "writing": 1}


def test_projection_fits_a_power_of_n_through_two_sizes():
    exponent, value = fitted((1000, 10.0), (4000, 40.0), 100_000)
    assert round(exponent, 6) == 1 and round(value, 6) == 1000
    exponent, value = fitted((1000, 10.0), (4000, 160.0), 8000)
    assert round(exponent, 6) == 2 and round(value, 6) == 640


def test_the_real_text_corpus_is_skipped_cleanly_where_absent(tmp_path):
    printed = []
    (tmp_path / "project").mkdir()
    assert bench(tmp_path / "project", [10], seed=1, work=tmp_path / "bench", out=printed.append,
                 corpus="lawrefbook") == {}
    assert "skipped" in printed[0]
