"""Hostile text in sources and sidecars is shown literally, never executed.

The built HTML is parsed (not searched with regexes) for script elements,
event-handler attributes and javascript: URLs that came from the source.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from build_tools.search.shards import read_script
from projects import build_site, make_project

MARK = "pwned"
HOSTILE_LINES = [
    f"<script>alert('{MARK}-1')</script>",
    f"<img src=x onerror=alert('{MARK}-2')>",
    f"[点我](javascript:alert('{MARK}-3'))",
    f"<a href=\"javascript:alert('{MARK}-4')\">链接</a>",
    "{{ config.site_name }} {% include 'main.html' %}",
    "---",
    f"<svg onload=alert('{MARK}-5')></svg>",
    f"**粗体** _斜体_ `代码` # 不是标题 > 不是引用 [{MARK}]: http://example.com",
]
SOURCE = "关于测试恶意文本的通知\n\n" + "\n\n".join(f"第{i}段：{line}" for i, line in enumerate(HOSTILE_LINES)) + "\n"
# A line of snippet syntax on its own: it must not pull another file into the page.
SNIPPET_LINE = '--8<-- "mkdocs.yml"'
SOURCE += "\n" + SNIPPET_LINE + "\n"
SIDECAR = f"""\
title: "<script>alert('{MARK}-title')</script>关于测试的通知"
issuer: "<img src=x onerror=alert('{MARK}-issuer')>办公室"
"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    project = make_project(folder / "p", {"hostile.txt": SOURCE, "hostile.yml": SIDECAR})
    result = build_site(project, folder / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    return folder / "site"


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_no_script_event_handler_or_javascript_url_comes_from_the_source(hostile_site):
    for path in html_files(hostile_site):
        # html5lib parses as browsers do (e.g. <title> content is text, not tags).
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html5lib")
        for script in soup.find_all("script"):
            assert MARK not in (script.string or ""), f"{path}: injected script"
        for tag in soup.find_all(True):
            for name, value in tag.attrs.items():
                text = " ".join(value) if isinstance(value, list) else str(value)
                if name.lower().startswith("on"):
                    assert MARK not in text, f"{path}: injected {name} on <{tag.name}>"
                if name.lower() in {"href", "src", "action", "formaction", "xlink:href"}:
                    assert not text.strip().lower().startswith("javascript:"), f"{path}: javascript URL"
        assert not soup.find_all(["svg", "img"], attrs={"onload": True, "onerror": True})


def test_hostile_text_is_shown_literally_on_the_document_page(hostile_site):
    page = hostile_site / "documents" / "hostile" / "index.html"
    text = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").get_text()
    for line in HOSTILE_LINES:
        # The visible text keeps every hostile string, character for character.
        assert line.replace(" ", "") in text.replace(" ", ""), line


def test_search_index_holds_the_hostile_text(hostile_site):
    """The search index itself (not catalogue.json or another data file) holds every hostile line."""
    texts = "".join(json.dumps(read_script(path), ensure_ascii=False)
                    for path in sorted((hostile_site / "search-index").rglob("*.js")))
    for number in range(1, 6):
        assert f"alert('{MARK}-{number}')" in texts, f"{MARK}-{number} is not in search-index/"


def test_snippet_syntax_in_a_source_includes_nothing(hostile_site):
    page = hostile_site / "documents" / "hostile" / "index.html"
    text = BeautifulSoup(page.read_text(encoding="utf-8"), "html5lib").get_text()
    assert SNIPPET_LINE in text
    assert "markdown_extensions" not in text and "not_in_nav" not in text
