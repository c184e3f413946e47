"""CONTRIBUTING.md followed literally: its worked example runs and prints what the guide shows.

The guide's example blocks (see ``guide_example``) are executed in a fresh copy
of the project with the real sources, as on a fresh clone; a change to the
messages, the scaffold or the converter that the guide does not follow fails here.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from guide_example import ELIDED, GUIDE, blocks, commands, follow, shell, shows
from projects import ROOT, build_site, make_project

NEW_PAGE = "nanhua-jiaoti-2024-015-xuesheng-zizhu"


@pytest.fixture(scope="module")
def followed(tmp_path_factory):
    """A fresh project, the guide's example done in it, and what every command printed."""
    root = tmp_path_factory.mktemp("guide") / "archive"
    project = make_project(root, {})
    for source in (ROOT / "source_docs").iterdir():
        shutil.copy(source, project.sources)
    return project, follow(root, GUIDE.read_text(encoding="utf-8"))


def new_files(project) -> set[str]:
    """Names of the source files the example wrote (not in the repository)."""
    return {path.stem for path in project.sources.iterdir() if not (ROOT / "source_docs" / path.name).exists()}


def test_the_guide_has_a_worked_example_with_each_kind_of_block():
    kinds = [block.kind for block in blocks(GUIDE.read_text(encoding="utf-8"))]
    assert {"example-file", "example-output", "example-mistake", "example-run"} <= set(kinds)
    assert kinds.count("example-mistake") >= 5


def test_shows_matches_lines_and_elisions():
    assert shows(["a", ELIDED, "c"], "a\nb\nb2\nc\n")
    assert shows(["共 … 个"], "共 12 个\n")
    assert not shows(["a", "c"], "a\nb\nc\n")
    assert not shows(["a", ELIDED], "b\n")


def test_every_command_prints_what_the_guide_shows(followed):
    project, outcomes = followed
    runs = [(outcome.block, run) for outcome in outcomes for run in outcome.runs]
    assert len(runs) >= 10
    for block, run in runs:
        if run.expected:
            assert shows(run.expected, run.output), (
                f"CONTRIBUTING.md line {block.line}: `{run.command}` now prints:\n{run.output}")


def test_exit_codes_are_those_the_guide_states(followed):
    _, outcomes = followed
    for outcome in outcomes:
        if outcome.runs:
            expected = int(outcome.block.options.get("exit", "0"))
            codes = [run.code for run in outcome.runs]
            assert codes == [0] * (len(codes) - 1) + [expected], f"line {outcome.block.line}: {codes}"


def test_no_message_about_the_example_is_left_out(followed):
    """``…`` hides only other documents: every line about the example's files is shown."""
    project, outcomes = followed
    names = new_files(project) | {"nanhua-xuesheng-zizhu-tongzhi", "nanhua-jiaoti-2024-15-xuesheng-zizhu"}
    for outcome in outcomes:
        for run in outcome.runs:
            about = [line for line in run.output.splitlines() if any(name in line for name in names)]
            shown = [line for line in run.expected if any(name in line for name in names)]
            assert len(about) == len(shown), f"line {outcome.block.line}: {about}"


def test_the_generated_sidecar_is_the_one_shown(followed):
    _, outcomes = followed
    outputs = [outcome for outcome in outcomes if outcome.block.kind == "example-output"]
    assert outputs and all(outcome.actual == outcome.block.text for outcome in outputs), \
        [outcome.actual for outcome in outputs]


def test_mistakes_leave_the_finished_example_behind(followed):
    project, outcomes = followed
    finished = [block.text for block in blocks(GUIDE.read_text(encoding="utf-8"))
                if block.options.get("example-file", "").endswith(".yml")][-1]
    assert (project.sources / f"{NEW_PAGE}.yml").read_text(encoding="utf-8") == finished
    assert new_files(project) == {NEW_PAGE} and (project.sources / f"{NEW_PAGE}.txt").is_file()


def test_the_preview_shows_the_page_where_the_guide_says(followed, tmp_path):
    """Step 6: the strict build (what ``make serve`` and CI build) has the page and lists it in browse."""
    project, _ = followed
    result = build_site(project, tmp_path / "site", "--strict")
    assert result.returncode == 0, result.stderr[-3000:]
    page = (tmp_path / "site" / "documents" / NEW_PAGE / "index.html").read_text(encoding="utf-8")
    assert "南华县教育体育局关于做好2024年秋季学期学生资助工作的通知" in page
    guide = GUIDE.read_text(encoding="utf-8")
    assert f"documents/{NEW_PAGE}/" in guide
    # The browse pages the guide names, and the missing-documents page for the cited 财教〔2021〕310号.
    for listing in ("browse/region/yun-nan-sheng-chu-xiong-yi-zu-zi-zhi-zhou-nan-hua-xian",
                    "browse/issuer/nan-hua-xian-jiao-yu-ti-yu-ju", "browse/year/2024", "browse/type/tong-zhi",
                    "browse/missing", ""):
        html = (tmp_path / "site" / listing / "index.html").read_text(encoding="utf-8")
        assert f"documents/{NEW_PAGE}/" in html, listing
    missing = (tmp_path / "site" / "browse" / "missing" / "index.html").read_text(encoding="utf-8")
    assert "财教〔2021〕310号" in missing


def test_every_make_target_the_guide_names_exists():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([a-z][\w-]*):", makefile, re.M))
    named = set(re.findall(r"\bmake ([a-z][\w-]*)", GUIDE.read_text(encoding="utf-8")))
    assert named and named <= targets, named - targets


def test_every_console_block_of_the_guide_is_run():
    """A console block without the example marker would show output nobody checks."""
    text = GUIDE.read_text(encoding="utf-8")
    assert text.count("```console") == len([block for block in blocks(text) if block.kind == "example-run"])
    assert all(commands(block) for block in blocks(text) if block.kind == "example-run")


def test_the_preview_rebuilds_when_a_source_is_saved():
    """Step 5 says: save the raw text or sidecar, reload the page. ``mkdocs serve`` must watch source_docs/."""
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    assert (ROOT / "source_docs").resolve() in [Path(path).resolve() for path in config["watch"]]


def test_a_chinese_file_name_gets_the_url_the_guide_gives(tmp_path):
    """Step 2's example of a Chinese file name, converted for real."""
    name, url = re.search(r"`(\S+?)\.txt` → `documents/([a-z0-9-]+)/`", GUIDE.read_text(encoding="utf-8")).groups()
    text = (ROOT / "source_docs" / "yunyang-fufa-2022-004-zhiye-jiaoyu-shishi-fangan.txt").read_bytes()
    project = make_project(tmp_path / "archive", {f"{name}.txt": text})
    assert shell(f"python -m build_tools --root {project.root} convert", project.root).returncode == 0
    assert (project.documents / f"{url}.md").is_file(), sorted(path.name for path in project.documents.iterdir())
