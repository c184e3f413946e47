"""Shared fixtures: a copy of the real project, its converted pages and its built site."""
from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, settings

from build_tools.render import convert, page as render
from build_tools.render.convert import convert_all
from build_tools.project import Project
from projects import build_site, copy_project

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "source_docs").glob("*.txt"))

# Property tests: `make test` and CI replay the same derandomised examples on every run, so a
# failure in CI reproduces locally; `make fuzz` explores new random ones (see the README).
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")
FUZZ_FAILURES = ROOT / "test-artifacts" / "fuzz-failures.txt"
settings.register_profile("ci", max_examples=300, derandomize=True, database=None, deadline=None, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("fuzz", settings.get_profile("ci"), derandomize=False,
                          max_examples=int(os.environ.get("FUZZ_EXAMPLES", "2000")))
settings.load_profile(PROFILE)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Under the fuzz profile, append each falsifying example to FUZZ_FAILURES as an ``@example`` line."""
    report = yield
    if PROFILE == "fuzz" and report.failed and call.excinfo is not None:
        found = re.search(r"(?:Falsifying example|Failing test case): \w+\((.*?)\n?\)$",
                          "\n".join(getattr(call.excinfo.value, "__notes__", [])), re.S | re.M)
        if found:
            FUZZ_FAILURES.parent.mkdir(exist_ok=True)
            with FUZZ_FAILURES.open("a", encoding="utf-8") as log:
                log.write(f"# {item.nodeid}\n@example({found.group(1).strip().rstrip(',')})\n\n")
    return report


# The header search box lists each result at once, fills in its link when its snippet has
# loaded, and adds the link to the search page last: tests wait for all that, never for a time.
HEADER_RESULT = ".md-search-result__list .md-search-result__item:not(.archive-search__more) a.md-search-result__link"
HEADER_SETTLED = """() => {
    const items = Array.from(document.querySelectorAll('.md-search-result__list .md-search-result__item'));
    return items.some(item => item.classList.contains('archive-search__more')) && items.every(item => item.querySelector('a'));
}"""


def wait_for_header_results(page) -> None:
    """Every result of the header search box is shown with its link (HEADER_RESULT)."""
    page.wait_for_function(HEADER_SETTLED)


def read_page(path: Path) -> tuple[dict, str]:
    """Split a generated page into (front matter, Markdown body)."""
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n"), f"{path}: no front matter"
    head, body = text[4:].split("\n---\n", 1)
    return yaml.safe_load(head), body


@pytest.fixture(scope="session")
def law_texts() -> dict[str, str]:
    """60 real laws' Markdown by file name (``../shared/corpus/lawrefbook``; skipped where it is absent)."""
    from build_tools.benchmarks.lawrefbook import corpus_folder, names, sample

    folder = corpus_folder(ROOT)
    if not folder.is_dir():
        pytest.skip("../shared/corpus/lawrefbook is absent")
    return {name: (folder / name).read_text(encoding="utf-8") for name in sample(names(folder), 60)}


@pytest.fixture(scope="session")
def project(tmp_path_factory) -> Project:
    """A copy of the real project in a temporary folder: tests never build into the checkout,
    and each pytest-xdist worker has its own."""
    return copy_project(tmp_path_factory.mktemp("project") / "archive")


@pytest.fixture(scope="session")
def converted(project):
    """Convert the real sources once per test session; the report's documents in full (blocks, text)."""
    report = convert_all(project)
    assert not report.errors, report.errors
    report.documents = convert.in_full(project, report.documents)
    return report


@pytest.fixture(scope="session")
def pages(converted, project) -> dict[str, tuple[dict, str]]:
    """slug → (front matter, body) of every generated document page."""
    return {doc.slug: read_page(project.documents / f"{doc.slug}.md") for doc in converted.documents}


@pytest.fixture(scope="session")
def site(tmp_path_factory, converted, project) -> Path:
    """The hosted site of the project copy, built once with --strict into a temporary folder."""
    out = tmp_path_factory.mktemp("site")
    result = build_site(project, out, "--strict")
    assert result.returncode == 0, result.stderr[-4000:]
    return out


@pytest.fixture
def renders(monkeypatch):
    """Slugs rendered to Markdown in a run."""
    calls = []
    original = render.render

    def record(document, context=None):
        calls.append(document.slug)
        return original(document, context)

    monkeypatch.setattr(render, "render", record)
    return calls
