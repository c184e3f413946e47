"""Benchmark command: its measurements are honest, and it runs end to end on a tiny corpus."""
from __future__ import annotations

import sys

from build_tools.bench import Figures, bench, folder_bytes, growth, run_timed
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


def test_bench_runs_on_a_tiny_corpus_and_prints_every_figure(tmp_path):
    printed = []
    results = bench(ROOT, [3], seed=5, work=tmp_path / "bench", out=printed.append)
    archive, baseline = results[3]
    text = "\n".join(printed)
    for name in ("conversion (s)", "full build (s)", "rebuild, 1 added (s)", "rebuild, 1 edited (s)",
                 "peak memory (MB)", "site size (MB)", "search index (MB)", "first result (ms)",
                 "downloaded before it (MB)", "  of which index (MB)"):
        assert name in text
        assert archive.values[name] > 0, name
    assert "conversion (s)" not in baseline.values
    assert baseline.values["search index (MB)"] > 0 and baseline.values["first result (ms)"] > 0
