"""Hostile strings in sources and sidecars stay text in search results (issue 10).

A temporary project holds the hostile source and sidecar of ``test_hostile``;
its site is searched in headless Chromium through the header box and the
search page. No dialog may open, the results may hold no script element,
no event-handler attribute and no javascript: link, and the hostile text
must be shown character for character.
"""
from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest

from build_tools.benchmarks.browser import chromium, serve, wait_for_search
from build_tools.search.shards import read_script
from projects import build_site, make_project
from test_hostile import HOSTILE_LINES, MARK, SIDECAR, SOURCE

pytestmark = pytest.mark.slow

TITLE = "<script>alert('pwned-title')</script>关于测试的通知"
ISSUER = "<img src=x onerror=alert('pwned-issuer')>办公室"
# Each query with the text its results must show literally.
QUERIES = [(line, line) for line in HOSTILE_LINES if line != "---"] + [
    ("关于测试的通知", TITLE), ("办公室", ISSUER), (MARK, MARK), ("javascript:", "javascript:alert")]

# Every element, attribute and link inside the result areas, read from the live DOM.
RESULT_DOM = """(selector) => {
    const root = document.querySelector(selector);
    const elements = Array.from(root.querySelectorAll('*'));
    return {
        scripts: root.querySelectorAll('script, iframe, object, embed').length,
        handlers: elements.flatMap(e => Array.from(e.attributes).filter(a => /^on/i.test(a.name))
                                                .map(a => e.tagName + ' ' + a.name)),
        links: Array.from(root.querySelectorAll('[href], [src], [action], [formaction]'))
                    .map(e => e.getAttribute('href') || e.getAttribute('src') || e.getAttribute('action') || e.getAttribute('formaction')),
        resolved: Array.from(root.querySelectorAll('a')).map(a => a.href),
        text: root.innerText,
        items: root.querySelectorAll('.md-search-result__item').length,
    };
}"""
SETTLED = """(selector) => {
    const list = document.querySelector(selector + ' .md-search-result__list');
    const items = list.querySelectorAll('.md-search-result__item');
    return items.length > 0 && Array.from(items).every(item => item.querySelector('a'));
}"""
HEADER, SEARCH_PAGE = ".md-search__output", "#archive-search-page"


@pytest.fixture(scope="module")
def hostile_base(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile-search")
    project = make_project(folder / "p", {"hostile.txt": SOURCE, "hostile.yml": SIDECAR})
    result = build_site(project, folder / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    assert TITLE in SIDECAR and ISSUER in SIDECAR
    search_page = read_script(folder / "site" / "search-index" / "meta.js")["search_page"]
    with chromium() as browser, serve(folder / "site") as base:
        yield browser, base, search_page


@pytest.fixture
def watched(hostile_base):
    """A tab that records every dialog (alert/confirm/prompt) and script error."""
    browser, base, search_page = hostile_base
    tab = browser.new_page()
    dialogs: list[str] = []
    errors: list[str] = []
    tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    tab.on("pageerror", lambda error: errors.append(str(error)))
    yield tab, base, search_page, dialogs
    tab.close()
    assert not dialogs, f"a dialog opened: {dialogs}"
    assert not errors, errors


def literal(text: str) -> str:
    return "".join(text.split())


def assert_inert(found: dict, shown: str, query: str) -> None:
    assert found["items"], f"{query!r}: no results"
    assert found["scripts"] == 0, query
    assert found["handlers"] == [], query
    for link in found["links"] + found["resolved"]:
        assert not link.strip().lower().startswith(("javascript:", "data:", "vbscript:")), (query, link)
    assert literal(shown) in literal(found["text"]), (query, found["text"][:500])


@pytest.mark.parametrize(("query", "shown"), QUERIES)
def test_header_box_shows_hostile_text_literally(watched, query, shown):
    tab, base, _, dialogs = watched
    tab.goto(base)
    wait_for_search(tab)
    tab.fill(".md-search__input", query)
    tab.wait_for_function(SETTLED, arg=HEADER)
    tab.wait_for_selector(".archive-search__more a")
    assert_inert(tab.evaluate(RESULT_DOM, HEADER), shown, query)
    assert MARK not in tab.title()


@pytest.mark.parametrize(("query", "shown"), QUERIES)
def test_search_page_shows_hostile_text_literally(watched, query, shown):
    tab, base, search_page, dialogs = watched
    tab.goto(f"{base}{search_page}?q={quote(query)}")
    tab.wait_for_function(SETTLED, arg=SEARCH_PAGE)
    found = tab.evaluate(RESULT_DOM, SEARCH_PAGE)
    assert_inert(found, shown, query)
    # The query itself comes back into the form as a value, not as markup.
    assert tab.input_value(f"{SEARCH_PAGE} input[name=q]") == query


def test_hostile_text_is_not_found_where_it_is_absent(watched):
    """A hostile query that occurs nowhere is answered with text, not markup."""
    tab, base, search_page, dialogs = watched
    query = "<img src=y onerror=alert('absent')>"
    tab.goto(f"{base}{search_page}?q={quote(query)}")
    tab.wait_for_function("() => /没有文件/.test(document.querySelector('#archive-search-page .md-search-result__meta').innerText)")
    meta = tab.locator(f"{SEARCH_PAGE} .md-search-result__meta")
    assert meta.locator("img").count() == 0
    assert literal(query) in literal(meta.inner_text())
