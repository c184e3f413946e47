"""Pages rendered by worker processes (``mkdocs_glue/parallel.py``) build the site MkDocs alone builds.

Each project is built twice: with the archive's configuration, whose ``parallel_hooks`` hands the
pages' Markdown to two forked workers, and with the same configuration less that hook, where MkDocs
renders every page itself. Every built file must be the same bytes, and a page that fails or warns
in a worker must fail the build as it does without them.
"""
from __future__ import annotations

import gzip
import logging
import os
import shutil
import time
from pathlib import Path

import pytest

from build_tools import forked
from build_tools.benchmarks import corpus, lawcorpus
from build_tools.mkdocs_glue import parallel
from build_tools.mkdocs_glue.stages import StageClock, in_child, split_wait
from build_tools.project import Project
from projects import ROOT, build_site, make_project

HOOK_LINE = "  - build_tools/mkdocs_glue/parallel_hooks.py\n"
SERIAL_CONFIG = "mkdocs.serial.yml"
# Enough pages for the pool to start (parallel.MINIMUM), with browse pages and the home page.
DOCUMENTS = 120

needs_two_cores = pytest.mark.skipif(parallel.workers() < 2, reason="one core: the pages are rendered in order")


def with_serial_config(root: Path) -> Path:
    """The project's configuration without the workers' hook, written beside it."""
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    assert HOOK_LINE in text, "mkdocs.yml no longer registers parallel_hooks"
    (root / SERIAL_CONFIG).write_text(text.replace(HOOK_LINE, ""), encoding="utf-8")
    return root


def generated_project(folder: Path, count: int = DOCUMENTS) -> Path:
    pools = corpus.harvest(sorted((ROOT / "source_docs").glob("*.txt")))
    sources = {corpus.file_name(pools, 1, index): corpus.document_text(pools, 1, index) for index in range(count)}
    return with_serial_config(make_project(folder, sources).root)


def built_files(site: Path) -> dict[str, bytes]:
    """Every file's bytes; the sitemap's gzip copy by its content (its header holds the build time)."""
    files = {}
    for path in sorted(site.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            files[path.relative_to(site).as_posix()] = gzip.decompress(data) if path.suffix == ".gz" else data
    return files


def build(root: Path, site: Path, *options: str):
    return build_site(Project(root), site, *options)


def assert_same_sites(root: Path, tmp_path: Path) -> None:
    pooled = build(root, tmp_path / "pooled", "--strict")
    assert pooled.returncode == 0, pooled.stderr[-3000:]
    assert "worker processes" in pooled.stderr
    serial = build(root, tmp_path / "serial", "--strict", "--config-file", SERIAL_CONFIG)
    assert serial.returncode == 0, serial.stderr[-3000:]
    assert "worker processes" not in serial.stderr
    left, right = built_files(tmp_path / "pooled"), built_files(tmp_path / "serial")
    assert sorted(left) == sorted(right)
    assert [name for name in left if left[name] != right[name]] == []
    assert sum(name.startswith("documents/") for name in left) >= DOCUMENTS


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return generated_project(tmp_path_factory.mktemp("parallel") / "p")


def copy_of(project: Path, folder: Path) -> Path:
    shutil.copytree(project, folder, symlinks=True, ignore=shutil.ignore_patterns("site*", ".cache"))
    return folder


@needs_two_cores
@pytest.mark.slow
def test_generated_archive_builds_the_same_bytes_with_and_without_workers(project, tmp_path):
    assert_same_sites(copy_of(project, tmp_path / "p"), tmp_path)


@needs_two_cores
@pytest.mark.slow
def test_real_laws_build_the_same_bytes_with_and_without_workers(tmp_path):
    laws = lawcorpus.folder(ROOT)
    if laws is None:
        pytest.skip("../shared/corpus/lawrefbook is absent")
    sources = {lawcorpus.file_name(index): text for index, text in lawcorpus.texts(laws, 150)}
    assert_same_sites(with_serial_config(make_project(tmp_path / "p", sources).root), tmp_path)


@needs_two_cores
@pytest.mark.slow
def test_a_page_failing_in_a_worker_fails_the_build_and_is_named_once(project, tmp_path):
    root = copy_of(project, tmp_path / "p")
    (root / "docs" / "broken.md").write_text('# 坏页\n\n--8<-- "no-such-snippet.md"\n', encoding="utf-8")
    result = build(root, tmp_path / "site", "--strict")
    assert result.returncode != 0 and "worker processes" in result.stderr
    assert result.stderr.count("Error reading page 'broken.md'") == 1, result.stderr[-3000:]


@needs_two_cores
@pytest.mark.slow
def test_a_warning_in_a_worker_counts_for_strict(project, tmp_path):
    root = copy_of(project, tmp_path / "p")
    (root / "docs" / "warns.md").write_text("# 警告页\n\n[不存在](no-such-page.md)\n", encoding="utf-8")
    result = build(root, tmp_path / "site", "--strict")
    assert "worker processes" in result.stderr
    assert result.stderr.count("Doc file 'warns.md' contains a link 'no-such-page.md'") == 1
    assert result.returncode != 0 and "Aborted with 1 warnings in strict mode" in result.stdout + result.stderr


@needs_two_cores
@pytest.mark.slow
def test_a_dirty_build_has_the_workers_render_only_the_modified_pages(project, tmp_path):
    root, site = copy_of(project, tmp_path / "p"), tmp_path / "site"
    assert build(root, site, "--strict").returncode == 0
    pages = sorted((root / "docs" / "documents").glob("*.md"))
    touched, untouched = pages[:110], pages[110:]
    before = {path: (site / "documents" / path.stem / "index.html").read_bytes() for path in pages}
    written = {path: (site / "documents" / path.stem / "index.html").stat().st_mtime_ns for path in untouched}
    later = max(written.values()) + 10**9
    for path in touched:
        os.utime(path, ns=(later, later))
    os.utime(root / "docs" / "documents")  # as writes through a rename would (mkdocs_glue.synced)
    result = build(root, site, "--dirty", "--no-strict")
    assert result.returncode == 0, result.stderr[-3000:]
    # The touched pages, the home page (it includes generated snippets) and the generated search page.
    assert f"archive: {len(touched) + 2} pages rendered by" in result.stderr
    assert {path: (site / "documents" / path.stem / "index.html").stat().st_mtime_ns for path in untouched} == written
    assert {path: (site / "documents" / path.stem / "index.html").read_bytes() for path in pages} == before


def test_time_waiting_for_workers_is_shared_between_their_stages():
    ticks = iter([0, 10])  # the wait lasts 10 ticks; the workers spent 3 s rendering and 1 s on search
    clock = StageClock(now=lambda: next(ticks))
    receive = split_wait(clock, "markdown", lambda: {"markdown": 3.0, "search": 1.0})
    assert receive() == {"markdown": 3.0, "search": 1.0}
    assert clock.totals == {"markdown": 7.5, "search": 2.5}


@pytest.mark.slow
def test_the_index_streamed_during_a_full_build_is_the_one_built_from_the_cache(project, tmp_path):
    """A full build indexes each document as it is rendered; a --dirty build without an index state
    builds the whole index at the end from the pages cached by that build: the same files."""
    root, site = copy_of(project, tmp_path / "p"), tmp_path / "site"
    assert build(root, site, "--strict").returncode == 0
    streamed = built_files(site / "search-index")
    shutil.rmtree(root / ".cache" / "search-state")
    page = sorted((root / "docs" / "documents").glob("*.md"))[0]
    os.utime(page, ns=(page.stat().st_mtime_ns + 10**10,) * 2)
    os.utime(page.parent)  # as a write through a rename would (mkdocs_glue.synced)
    result = build(root, site, "--dirty", "--no-strict")
    assert result.returncode == 0, result.stderr[-3000:]
    assert built_files(site / "search-index") == streamed


def _logs_and_adds(first: int, second: int) -> int:
    logging.getLogger("archive.test.forked").warning("adding %d and %d", first, second)
    return first + second


def test_a_forked_call_gives_its_result_and_its_log_is_handled_here(caplog):
    with caplog.at_level(logging.INFO):
        assert forked.call(_logs_and_adds, 2, 3) == 5
    assert [(record.levelname, record.getMessage()) for record in caplog.records] == [("WARNING", "adding 2 and 3")]


def test_a_failing_forked_call_raises_with_the_childs_traceback():
    with pytest.raises(forked.ChildError, match="ZeroDivisionError"):
        forked.call(divmod, 1, 0)


def _when_there(go, done, seconds: float = 60.0) -> None:
    """Wait for the test to create ``go`` (a condition, not a time: the limit only ends a failing test)."""
    deadline = time.monotonic() + seconds
    while not go.exists():
        if time.monotonic() > deadline:
            raise TimeoutError(f"{go} never came")
        time.sleep(0.01)
    logging.getLogger("archive.test.forked").warning("saved after the result")
    done.write_text("saved", encoding="utf-8")


def _reports_then_saves(folder) -> int:
    forked.later(_when_there, folder / "go", folder / "done")
    return 7


def test_a_childs_later_work_runs_once_its_result_is_sent(tmp_path, caplog):
    """The parent has the result while the child's later work waits for it; ``finished`` waits for that work."""
    child = forked.start(_reports_then_saves, tmp_path)
    assert child.reported() == 7 and not (tmp_path / "done").exists()
    (tmp_path / "go").touch()
    with caplog.at_level(logging.INFO):
        child.finished()
    assert (tmp_path / "done").read_text(encoding="utf-8") == "saved"
    assert [record.getMessage() for record in caplog.records] == ["saved after the result"]
    # Outside a child, at once; ``result`` waits for both.
    (tmp_path / "done").unlink()
    assert _reports_then_saves(tmp_path) == 7 and (tmp_path / "done").exists()
    (tmp_path / "done").unlink()
    assert forked.start(_reports_then_saves, tmp_path).result() == 7 and (tmp_path / "done").exists()


def _reports_then_fails() -> str:
    forked.later(divmod, 1, 0)
    return "reported"


def test_a_childs_failing_later_work_raises_when_waited_for():
    child = forked.start(_reports_then_fails)
    assert child.reported() == "reported"
    with pytest.raises(forked.ChildError, match="ZeroDivisionError"):
        child.finished()
    with pytest.raises(forked.ChildError, match="ZeroDivisionError"):
        forked.call(_reports_then_fails)


def test_stages_counted_in_a_child_share_the_time_waited_for_it():
    ticks = iter(range(100))
    clock = StageClock(now=lambda: next(ticks))

    class Fork:
        """As a fork: the child counts on its own copy of the clock, which dies with it."""

        def __init__(self, function, *args):
            self.function, self.args = function, args

        def result(self):
            totals, stack = dict(clock.totals), [list(frame) for frame in clock.stack]
            result = self.function(*self.args)
            clock.totals.clear(), clock.totals.update(totals)
            clock.stack[:] = stack
            return result

    # The wait lasts 4 ticks (0 → 4); in the child, 1 tick before converting and 2 converting.
    start = in_child(clock, Fork)
    assert start(clock.wrap("conversion", lambda: next(ticks) and "done")).result() == "done"
    assert clock.totals == pytest.approx({"mkdocs": 4 * 1 / 3, "conversion": 4 * 2 / 3})
