"""MkDocs walks docs/ while the conversion child writes it (``mkdocs_glue.walked``, issue 16): the
files MkDocs builds are still those of a walk made after the conversion, whatever the walk saw."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import get_files

from build_tools.mkdocs_glue.stages import StageClock, in_child
from build_tools.mkdocs_glue.walked import reconciled
from projects import build_site, make_project
from test_incremental import notice
from test_incremental_site import differing_files


def listed(files) -> list[tuple[str, str]]:
    return [(file.src_uri, file.inclusion.name) for file in files]


def docs_config(tmp_path: Path, pages: list[str]):
    (tmp_path / "mkdocs.yml").write_text("site_name: t\n", encoding="utf-8")
    for page in pages:
        (tmp_path / "docs" / page).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "docs" / page).write_text("# x\n", encoding="utf-8")
    return load_config(str(tmp_path / "mkdocs.yml"))


@pytest.mark.parametrize("new_pages", [1, 80])  # a rebuild's few new pages (put in place), a full build's many (sorted)
def test_the_walk_made_during_the_conversion_becomes_the_walk_made_after_it(tmp_path, new_pages):
    kept = [f"documents/k{n:03}.md" for n in range(100)]
    config = docs_config(tmp_path, ["index.md", "documents/a.md", "documents/b.md", "documents/.c.md.7.tmp", *kept])
    docs = Path(config.docs_dir)
    walked = get_files(config)  # the walk passes while the writer's temporary file exists
    (docs / "documents" / ".c.md.7.tmp").rename(docs / "documents" / "c.md")
    (docs / "documents" / "b.md").unlink()
    (docs / "documents" / "a.md").write_text("# a again\n", encoding="utf-8")
    added = [f"browse/new/p{n:02}.md" for n in range(new_pages)] + ["browse/index.md", "catalogue.json"]
    for path in added:  # a folder made after the walk passed
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_text("x\n", encoding="utf-8")
    written = ["documents/a.md", "documents/c.md", *added]
    assert listed(reconciled(walked, config, written, ["documents/b.md"])) == listed(get_files(config))


def test_nothing_written_leaves_the_walk_as_it_is(tmp_path):
    config = docs_config(tmp_path, ["index.md", "documents/a.md"])
    walked = get_files(config)
    assert reconciled(walked, config, [], []) is walked and listed(walked) == listed(get_files(config))


def issued_by(number: int, issuer: str) -> str:
    return notice(number).replace("测试县教育局", issuer)


def test_a_dirty_rebuild_renders_a_source_added_and_drops_one_removed(tmp_path):
    """The new page and its issuer's new browse page are written while MkDocs walks docs/: both built."""
    project = make_project(tmp_path / "p", {f"n{i}.txt": notice(i) for i in range(1, 5)})
    site = tmp_path / "site"
    assert build_site(project, site, "--strict").returncode == 0
    issuers = set((site / "browse" / "issuer").iterdir())
    (project.sources / "n5.txt").write_text(issued_by(5, "测试县卫生健康局"), encoding="utf-8")
    (project.sources / "n2.txt").unlink()
    result = build_site(project, site, "--dirty", "--no-strict")
    assert result.returncode == 0, result.stderr[-3000:]
    assert "关于第5项工作的通知" in (site / "documents" / "n5" / "index.html").read_text(encoding="utf-8")
    assert not (site / "documents" / "n2").exists()
    [new_issuer] = set((site / "browse" / "issuer").iterdir()) - issuers
    assert "关于第5项工作的通知" in (new_issuer / "index.html").read_text(encoding="utf-8")
    full = tmp_path / "full"
    assert build_site(project, full, "--strict").returncode == 0
    assert [path for path in differing_files(site, full) if path != "sitemap.xml.gz"] == []


def test_the_stage_clock_shares_only_the_wait_for_the_child_not_the_walk_before_it():
    """MkDocs' walk (5 ticks, in MkDocs' stage) runs while the child converts; only the wait after
    it (5 ticks) is shared by the child's stages (1 tick MkDocs, 2 converting)."""
    ticks = iter([0, 5, 6, 7, 8, 10, 12])
    clock = StageClock(now=lambda: next(ticks))

    class Fork:
        """As a fork: the child counts on its own copy of the clock, which dies with it."""

        def __init__(self, function):
            self.function = function

        def result(self):
            totals, stack = dict(clock.totals), [list(frame) for frame in clock.stack]
            result = self.function()
            clock.totals.clear(), clock.totals.update(totals)
            clock.stack[:] = stack
            return result

    clock.enter("mkdocs")  # 0
    child = in_child(clock, Fork)(clock.wrap("conversion", lambda: next(ticks) and "done"))
    assert child.result() == "done"  # waits from 5 to 10
    clock.leave()  # 12
    assert clock.totals == pytest.approx({"mkdocs": 5 + 5 * 1 / 3 + 2, "conversion": 5 * 2 / 3})


def test_a_child_started_inside_a_stage_counts_its_wait_for_that_stage():
    """The conversion child starts children of its own (``render.added``): waiting for one that
    counted nothing of its own (2 ticks, 3 → 5) counts for the stage that waits, not for MkDocs'."""
    ticks = iter([0, 1, 3, 5, 6, 7])
    clock = StageClock(now=lambda: next(ticks))

    class Fork:
        def __init__(self, function):
            self.function = function

        def result(self):
            return self.function()

    clock.enter("mkdocs")  # 0
    clock.enter("catalogue")  # 1
    child = in_child(clock, Fork)(lambda: "checked")
    assert child.result() == "checked"  # waits from 3 to 5
    clock.leave()  # 6
    clock.leave()  # 7
    assert clock.totals == pytest.approx({"mkdocs": 1 + 1, "catalogue": 2 + 2 + 1})


# ``mkdocs build`` with the conversion child's start and the wait for its report noted: whether numpy
# was imported by then (the search index's array code, ``hooks.LOADED_WHILE_CONVERTING``).
NOTING_NUMPY = """
import json
import sys
from mkdocs.__main__ import cli
from build_tools import forked
seen = []
start, reported = forked.start, forked.Child.reported
def noted_start(function, *args):
    seen.append((function.__name__, "numpy" in sys.modules))
    return start(function, *args)
def noted_reported(self):
    seen.append(("reported", "numpy" in sys.modules))
    return reported(self)
forked.start, forked.Child.reported = noted_start, noted_reported
cli.main(args=["build", "--quiet", "--site-dir", sys.argv[1], *sys.argv[2:]], standalone_mode=False)
print(json.dumps(seen))
"""


@pytest.mark.parametrize("dirty", [False, True])
def test_the_search_arrays_are_imported_while_the_conversion_runs_not_before_it_starts(tmp_path, dirty):
    """numpy takes 0.11 s to import: imported with the hooks, it started the conversion child that much later."""
    project = make_project(tmp_path / "p", {f"n{i}.txt": notice(i) for i in range(1, 4)})
    site = tmp_path / "site"
    if dirty:
        assert build_site(project, site).returncode == 0
        (project.sources / "n4.txt").write_text(notice(4), encoding="utf-8")
    result = subprocess.run([sys.executable, "-c", NOTING_NUMPY, str(site), *(["--dirty"] if dirty else [])],
                            cwd=project.root, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    seen = [tuple(step) for step in json.loads(result.stdout.strip().splitlines()[-1])]
    assert seen[seen.index(("converted", False)) + 1:] == [("reported", True)]
    assert (site / "documents" / f"n{3 + dirty}" / "index.html").exists()
