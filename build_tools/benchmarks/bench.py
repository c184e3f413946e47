"""Benchmark: build and search figures at each corpus size, beside plain MkDocs + Material.

For each N a corpus is made (generated text, ``corpus``, or real laws,
``lawcorpus``), built as the archive, and its converted pages are built again
as a plain MkDocs + Material site with the default search and every page in
the navigation. Every build is a fresh process, timed per stage
(``mkdocs_glue.stages``; ``startup`` is the rest of the process: interpreter,
imports, configuration); memory is the peak resident size of the largest
process of the build. The archive's rebuilds after adding or editing one document are
incremental (``mkdocs build --dirty``, as ``make rebuild`` and ``make serve``
do; a test shows the result equals a full build), each the median of ``REBUILDS`` runs (a
different document each time) with their spread, and so is the rebuild whose search index is
made again in full, as one is after about every 120 documents changed; the baseline's are full,
because Material's search would index only the re-rendered pages. Search is timed in headless Chromium over local HTTP, from the page's
load event to the first result on screen, with the query typed at once: the median of several
cold loads (``firstresult``).
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import corpus as generated, firstresult, lawcorpus
from .benchreport import growth, projection, report
from ..mkdocs_glue.engine import build_command, plain_material_project
from ..mkdocs_glue.search_hooks import INDEX_DIR
from .browser import chromium, serve
from ..progress import note
from ..render.summaries import RACY_SECONDS

# Phrases every corpus of its kind contains and Material's default search (the
# baseline, jieba-segmented) finds too: the seeds' subject, a chapter of most laws.
QUERIES = {"generated": "职业教育", "lawrefbook": "法律责任"}
# Where each site keeps its search index (Material: one JSON file).
INDEX_PATHS = {"archive": INDEX_DIR, "baseline": "search"}


@dataclass
class Figures:
    """One column of the report: figures, and seconds per stage of each build."""

    values: dict[str, float] = field(default_factory=dict)
    stages: dict[str, dict[str, float]] = field(default_factory=dict)


@dataclass
class Corpus:
    """How a corpus of N documents is made, and document N (the one a rebuild adds) written."""

    name: str
    make: Callable[[Path, int, Path], list[Path]]  # (project root, N, new project) → sources
    add: Callable[[Path, int], Path]  # (benchmark project, index) → the new source


def corpus_kind(name: str, root: Path, seed: int) -> Corpus | None:
    """The named corpus, or None where its texts are absent (lawrefbook outside a full checkout)."""
    if name == "generated":
        pools = generated.harvest(sorted((root / "source_docs").glob("*.txt")))
        return Corpus(name, lambda root, count, out: generated.make_corpus(root, count, out, seed),
                      lambda out, index: generated.write_document(out, pools, seed, index))
    folder = lawcorpus.folder(root)
    return folder and Corpus(name, lawcorpus.make_corpus, lambda out, index: lawcorpus.write_document(out, folder, index))


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


def first_result(browser, site: Path, index_path: str, query: str) -> dict:
    """Median milliseconds from load to the first result over cold loads, their spread, bytes fetched until then."""
    with serve(site) as base:
        return firstresult.figures(firstresult.repeated(lambda: firstresult.load_once(browser, base, query, index_path)))


def timed_build(command: list[str], cwd: Path, timings: Path) -> tuple[float, float, dict[str, float]]:
    """(seconds, peak MB, seconds per stage) of a build run with ``stages``."""
    seconds, peak = run_timed(command, cwd)
    stages = json.loads(timings.read_text())
    stages["startup"] = max(0.0, seconds - sum(stages.values()))
    return seconds, peak, stages


# name → (command, what to change before run k, how many runs: the median is reported)
Builds = dict[str, tuple[list[str], Callable[[int], object], int]]
# An archive's rebuild after one change, each a different document: one run moved by ±0.4 s with
# the machine and the document (1.48 and 1.90 s at 3,475 laws in two runs of the same code), too
# much to tell how it grows with N. The median of five, and their spread.
REBUILDS = 5


def measure_builds(figures: Figures, builds: Builds, cwd: Path, timings: Path, label: str) -> None:
    """Run each build after its preparation, recording its time, memory and stages (of the median
    run, and the spread where there are several)."""
    for name, (command, prepare, runs) in builds.items():
        measured = []
        for run in range(runs):
            prepare(run)
            note(f"{label}: {name} …" if runs == 1 else f"{label}: {name} ({run + 1}/{runs}) …")
            measured.append(timed_build(command, cwd, timings))
            note(f"{label}: {name} {measured[-1][0]:.1f} s")
        seconds, peak, figures.stages[name] = sorted(measured, key=lambda found: found[0])[runs // 2]
        figures.values[f"{name} (s)"] = seconds
        if runs > 1:  # "  min–max of 5 added (s)"
            times = [found[0] for found in measured]
            figures.values[f"  min–max of {runs} {name.split()[-1]} (s)"] = (min(times), max(times), runs)
        if name == "full build":
            figures.values["peak memory (MB)"] = peak


def edit(source: Path) -> None:
    source.write_text(source.read_text(encoding="utf-8") + "\n本文件于基准测试中修改。\n", encoding="utf-8")


def compacting(project: Path) -> None:
    """The next rebuild indexes every page again, as one does after a build that changed a large share
    of the archive (``search.retire.FULL_SHARE``) or on a site whose index lost files, because the
    index state it appends to is gone."""
    edit(sorted((project / "source_docs").glob("*.txt"))[1])
    shutil.rmtree(project / ".cache" / "search-state", ignore_errors=True)


def measure_archive(root: Path, work: Path, count: int, corpus: Corpus) -> tuple[Figures, Path, list[Path]]:
    """Figures of the archive build; returns them, the built site and the sources its rebuilds added."""
    project, site, figures = work / f"archive-{count}", work / f"archive-{count}-site", Figures()
    note(f"archive N={count}: writing the {corpus.name} corpus …")
    sources = corpus.make(root, count, project)
    figures.values["text (MB)"] = sum(path.stat().st_size for path in sources) / 1e6
    # A build keeps a source's signature only once it is RACY_SECONDS old: the corpus just written
    # would have its last two seconds of sources hashed again by the first rebuild, which the
    # sources of an archive, written long before their build, never are.
    time.sleep(RACY_SECONDS)
    timings = work / "stages.json"
    added: list[Path] = []
    full = build_command(project, site, timings=timings)
    rebuild = build_command(project, site, incremental=True, timings=timings)
    measure_builds(figures, {
        "full build": (full, lambda run: None, 1),
        "rebuild, 1 added": (rebuild, lambda run: added.append(corpus.add(project, count + run)), REBUILDS),
        "rebuild, 1 edited": (rebuild, lambda run: edit(sorted((project / "source_docs").glob("*.txt"))[run]), REBUILDS),
        "rebuild, index compacted": (rebuild, lambda run: compacting(project), 1),
    }, project, timings, f"archive N={count}")
    figures.values["conversion (s)"] = figures.stages["full build"]["conversion"]
    return figures, site, added


def measure_baseline(archive: Path, work: Path, count: int, added: list[str], rebuilds: bool = True) -> tuple[Figures, Path]:
    """The same converted pages as a plain MkDocs + Material site (run from the archive's
    folder only to import the stage timer): the N documents, then the first one the archive added.
    Its rebuilds are full builds, run once each (minutes at 3,475 documents)."""
    project, site, figures = work / f"baseline-{count}", work / f"baseline-{count}-site", Figures()
    pages = sorted((archive / "docs" / "documents").glob("*.md"))
    def pages_of(stem: str) -> list[Path]:  # a source's pages: its own and its parts' (``stem-…``)
        return [page for page in pages if page.stem == stem or page.stem.startswith(f"{stem}-")]
    later, new = [page for stem in added for page in pages_of(stem)], pages_of(added[0])
    plain_material_project([page for page in pages if page not in later], project)
    # Material's search indexes only the pages a --dirty build re-renders, so the
    # baseline must rebuild everything to keep a correct search index.
    timings = work / "stages.json"
    build = build_command(project, site, strict=False, timings=timings)
    builds: Builds = {"full build": (build, lambda run: None, 1)}
    if rebuilds:
        builds["rebuild, 1 added"] = (build, lambda run: [shutil.copyfile(page, project / "docs" / page.name) for page in new], 1)
        builds["rebuild, 1 edited"] = (build, lambda run: edit(min(set((project / "docs").glob("*.md")) - {project / "docs" / "index.md"})), 1)
    measure_builds(figures, builds, archive, timings, f"Material N={count}")
    return figures, site


def add_site_figures(figures: Figures, site: Path, index_path: str, browser, count: int, text_mb: float,
                     query: str) -> None:
    figures.values["site size (MB)"] = folder_bytes(site) / 1e6
    figures.values["search index (MB)"] = folder_bytes(site / index_path) / 1e6
    figures.values["site above text, per doc (kB)"] = (figures.values["site size (MB)"] - text_mb) * 1e3 / count
    figures.values["index / text"] = figures.values["search index (MB)"] / text_mb
    figures.values.update(first_result(browser, site, index_path, query))


def bench(root: Path, sizes: list[int], seed: int, work: Path, out=print, corpus: str = "generated",
          baseline_rebuilds: bool = True, target: int | None = None, baseline: bool = True
          ) -> dict[int, tuple[Figures, Figures]]:
    """Figures per size (``corpus``: generated or lawrefbook); nothing where the corpus is absent."""
    kind = corpus_kind(corpus, root, seed)
    if kind is None:
        out(f"{corpus}: no corpus at {lawcorpus.lawrefbook.corpus_folder(root)}; skipped")
        return {}
    results = {}
    with chromium() as browser:
        for count in sizes:
            shutil.rmtree(work, ignore_errors=True)
            archive, archive_site, added = measure_archive(root, work, count, kind)
            columns = [(archive, archive_site, "archive")]
            material = Figures()
            if baseline:
                material, baseline_site = measure_baseline(work / f"archive-{count}", work, count,
                                                           [path.stem for path in added], baseline_rebuilds)
                columns.append((material, baseline_site, "baseline"))
            text = material.values["text (MB)"] = archive.values["text (MB)"]
            # Each site holds the N documents and those its rebuilds added (the archive's five, plain
            # Material's first): its figures per document and per text count them too.
            added_mb = [path.stat().st_size / 1e6 for path in added]
            held = {"archive": (count + len(added), text + sum(added_mb)), "baseline": (count + 1, text + added_mb[0])}
            note(f"N={count}: sizes and first search result …")
            for figures, site, side in columns:
                add_site_figures(figures, site, INDEX_PATHS[side], browser, *held[side], QUERIES[corpus])
            results[count] = (archive, material)
            out(report(count, archive, material, corpus))
    if len(results) > 1:
        out(growth(results))
        if target:
            out(projection(results, target))
    return results
