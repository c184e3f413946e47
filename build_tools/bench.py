"""Benchmark: build and search figures for generated corpora, beside plain MkDocs + Material.

For each N a corpus is generated (``corpus``), built as the archive, and its
converted pages are built again as a plain MkDocs + Material site with the
default search and every page in the navigation. Every build is a fresh
process; memory is the peak resident size of the largest process of the
build. The archive's rebuilds after adding or editing one document are
incremental (``mkdocs build --dirty``, as ``make rebuild`` and ``make serve``
do; a test shows the result equals a full build); the baseline's are full,
because Material's search would index only the re-rendered pages. Search is timed in headless Chromium over local HTTP, from the page's
load event to the first result on screen, with the query typed at once.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from .corpus import harvest, make_corpus, write_document
from .mkdocs_glue.engine import build_command, plain_material_project
from .mkdocs_glue.search_hooks import INDEX_DIR
from .search.browser import chromium, serve

# A phrase every generated corpus contains and jieba keeps as one word, so that
# Material's default search (the baseline) finds it too.
QUERY = "职业教育"
RESULT = ".md-search-result__item"
# Where each site keeps its search index (Material: one JSON file).
INDEX_PATHS = {"archive": INDEX_DIR, "baseline": "search"}


@dataclass
class Figures:
    """One column of the report."""

    values: dict[str, float] = field(default_factory=dict)


def run_timed(command: list[str], cwd: Path) -> tuple[float, float]:
    """(seconds, peak MB of the largest process) of a command that must succeed."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stderr = process.stderr.read()
    # wait4 reports this child's usage including its own children's peak.
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{stderr.decode()[-3000:]}")
    return time.perf_counter() - start, usage.ru_maxrss * 1024 / 1e6  # ru_maxrss is in KiB


def folder_bytes(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def first_result(browser, site: Path, index_path: str) -> dict[str, float]:
    """Milliseconds from load to the first result, and bytes fetched until then."""
    from playwright.sync_api import TimeoutError as BrowserTimeout

    sent: list[tuple[str, int]] = []
    with serve(site, sent) as base:
        page = browser.new_page()
        page.goto(f"{base}index.html", wait_until="load")
        start = page.evaluate("performance.now()")
        box = page.locator(".md-search__input")
        box.fill(QUERY)
        # Material reads the query on keyup (a real keystroke or IME commit fires
        # one); fill() fires only input, and its early focus event can read an
        # empty box, so without this key the baseline may never search at all.
        box.press("End")
        try:
            shown = page.wait_for_function(
                f"() => document.querySelector('{RESULT}') ? performance.now() : null", timeout=120_000)
            elapsed = shown.json_value() - start
        except BrowserTimeout:
            # Two minutes without a result: report it as missing (and why, as the
            # page states it) rather than lose the other figures.
            elapsed = float("nan")
            print(f"{site}: no search result for {QUERY} after 2 min; the page says: "
                  f"{page.locator('.md-search-result__meta').inner_text()!r}", file=sys.stderr)
        before_result = list(sent)
        page.close()
    return {"first result (ms)": elapsed, "downloaded before it (MB)": sum(size for _, size in before_result) / 1e6,
            "  of which index (MB)": sum(size for path, size in before_result
                                         if path.lstrip("/").startswith(index_path)) / 1e6}


def measure_archive(root: Path, work: Path, count: int, seed: int) -> tuple[Figures, Path]:
    """Figures of the archive build; returns them and the built site."""
    project, site, figures = work / f"archive-{count}", work / f"archive-{count}-site", Figures()
    make_corpus(root, count, project, seed)
    figures.values["conversion (s)"] = run_timed(
        [sys.executable, "-m", "build_tools", "--root", str(project), "convert"], project)[0]
    for generated in (project / ".cache", project / "docs" / "documents", project / "docs" / "browse"):
        shutil.rmtree(generated, ignore_errors=True)
    build, rebuild = build_command(project, site), build_command(project, site, incremental=True)
    figures.values["full build (s)"], figures.values["peak memory (MB)"] = run_timed(build, project)
    write_document(project, harvest(sorted((root / "source_docs").glob("*.txt"))), seed, count)
    figures.values["rebuild, 1 added (s)"] = run_timed(rebuild, project)[0]
    edited = sorted((project / "source_docs").glob("*.txt"))[0]
    edited.write_text(edited.read_text(encoding="utf-8") + "\n本文件于基准测试中修改。\n", encoding="utf-8")
    figures.values["rebuild, 1 edited (s)"] = run_timed(rebuild, project)[0]
    return figures, site


def measure_baseline(archive: Path, work: Path, count: int) -> tuple[Figures, Path]:
    """The same converted pages (N of them) as a plain MkDocs + Material site."""
    project, site, figures = work / f"baseline-{count}", work / f"baseline-{count}-site", Figures()
    pages = sorted((archive / "docs" / "documents").glob("*.md"))
    # The archive's benchmark added source number N last; its page is added here too.
    added = next(page for page in pages if page.name.startswith(f"gen-{count:05d}-"))
    plain_material_project([page for page in pages if page != added], project)
    # Material's search indexes only the pages a --dirty build re-renders, so the
    # baseline must rebuild everything to keep a correct search index.
    build = rebuild = build_command(project, site, strict=False)
    figures.values["full build (s)"], figures.values["peak memory (MB)"] = run_timed(build, project)
    shutil.copyfile(added, project / "docs" / added.name)
    figures.values["rebuild, 1 added (s)"] = run_timed(rebuild, project)[0]
    edited = sorted((project / "docs").glob("*.md"))[0]
    edited.write_text(edited.read_text(encoding="utf-8") + "\n本文件于基准测试中修改。\n", encoding="utf-8")
    figures.values["rebuild, 1 edited (s)"] = run_timed(rebuild, project)[0]
    return figures, site


def add_site_figures(figures: Figures, site: Path, index_path: str, browser) -> None:
    figures.values["site size (MB)"] = folder_bytes(site) / 1e6
    figures.values["search index (MB)"] = folder_bytes(site / index_path) / 1e6
    figures.values.update(first_result(browser, site, index_path))


def cell(name: str, column: Figures) -> str:
    if name not in column.values:
        return "—"
    return f"{column.values[name]:.0f}" if name.endswith("(ms)") else f"{column.values[name]:.2f}"


def report(count: int, archive: Figures, baseline: Figures) -> str:
    lines = [f"\nN = {count}", f"{'':32}{'archive':>14}{'plain Material':>16}"]
    for name in archive.values | baseline.values:
        lines.append(f"{name:32}{cell(name, archive):>14}{cell(name, baseline):>16}")
    return "\n".join(lines)


def growth(results: dict[int, tuple[Figures, Figures]]) -> str:
    """Ratio of each figure between consecutive sizes, next to the ratio of N."""
    sizes, lines = sorted(results), ["\ngrowth (figure ratio / N ratio; ≤ 1 means no worse than linear)"]
    for small, large in zip(sizes, sizes[1:]):
        lines.append(f"N {small} → {large} (×{large / small:g})")
        for name in ("full build (s)", "site size (MB)", "search index (MB)", "first result (ms)"):
            cells = [results[large][k].values[name] / results[small][k].values[name] / (large / small) for k in (0, 1)]
            lines.append(f"  {name:30}{cells[0]:>14.2f}{cells[1]:>16.2f}")
    return "\n".join(lines)


def bench(root: Path, sizes: list[int], seed: int, work: Path, out=print) -> dict[int, tuple[Figures, Figures]]:
    results = {}
    with chromium() as browser:
        for count in sizes:
            shutil.rmtree(work, ignore_errors=True)
            archive, archive_site = measure_archive(root, work, count, seed)
            baseline, baseline_site = measure_baseline(work / f"archive-{count}", work, count)
            add_site_figures(archive, archive_site, INDEX_PATHS["archive"], browser)
            add_site_figures(baseline, baseline_site, INDEX_PATHS["baseline"], browser)
            results[count] = (archive, baseline)
            out(report(count, archive, baseline))
    if len(results) > 1:
        out(growth(results))
    return results
