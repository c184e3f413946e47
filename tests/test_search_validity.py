"""Search narrowed to documents in force, with validity badges (issue 11).

Three inline documents share a phrase; their sidecars set 现行有效, 已废止
and nothing (未知, the default). The expected labels come from those
sidecars, the badge classes from the site's card (``cards.STATUS_CLASSES``).
"""
from __future__ import annotations

from urllib.parse import quote, unquote

import pytest

from build_tools.benchmarks.browser import chromium, serve
from build_tools.search.index import build_index, document_status
from build_tools.search.extract import SearchPage, Section
from build_tools.search.documents import facet_data
from build_tools.search.shards import read_script
from projects import build_site, make_project

PHRASE = "产教融合实训基地"
SOURCES = {
    "zaixing.txt": f"关于建设{PHRASE}的通知\n\n各县市：\n\n为推进{PHRASE}建设，现将有关事项通知如下。\n",
    "zaixing.yml": "title: 关于建设产教融合实训基地的通知\nstatus: 现行有效\n",
    "feizhi.txt": f"关于管理{PHRASE}的办法\n\n各县市：\n\n{PHRASE}的管理办法如下。\n",
    "feizhi.yml": "title: 关于管理产教融合实训基地的办法\nstatus: 已废止\n",
    "weizhi.txt": f"关于评估{PHRASE}的意见\n\n各县市：\n\n对{PHRASE}开展评估。\n",
}
STATUS_OF = {"关于建设产教融合实训基地的通知": "现行有效", "关于管理产教融合实训基地的办法": "已废止"}
RESULTS = "#archive-search-page .md-search-result__item"
SETTLED = f"""(count) => {{
    const items = document.querySelectorAll('{RESULTS}');
    return items.length === count && Array.from(items).every(item => item.querySelector('a'));
}}"""


def test_status_outside_the_vocabulary_counts_as_unknown():
    assert document_status({"status": "现行有效"}) == "现行有效"
    assert document_status({}) == document_status({"status": "有效"}) == document_status({"status": None}) == "未知"


def test_status_facet_keeps_the_vocabulary_order():
    pages = [SearchPage(f"documents/{n}/", {"title": n, "status": status}, [Section("", "", "正文")])
             for n, status in [("a", "已废止"), ("b", None), ("c", "现行有效"), ("d", "现行有效")]]
    status = facet_data(build_index(pages).documents)["status"]
    assert status["values"] == ["现行有效", "已废止", "未知"]


@pytest.fixture(scope="module")
def search_url(tmp_path_factory):
    folder = tmp_path_factory.mktemp("validity-search")
    result = build_site(make_project(folder / "p", SOURCES), folder / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    search_page = read_script(folder / "site" / "search-index" / "meta.js")["search_page"]
    with chromium() as browser, serve(folder / "site") as base:
        tab = browser.new_page()
        errors: list[str] = []
        tab.on("pageerror", lambda error: errors.append(str(error)))
        yield tab, f"{base}{search_page}"
        tab.close()
        assert not errors, errors


def badges(tab) -> dict[str, tuple[str, str]]:
    """Result title → (badge text, badge class), '' when the result shows none."""
    return tab.evaluate(f"""() => Object.fromEntries(Array.from(document.querySelectorAll('{RESULTS} h1')).map(h1 => {{
        const badge = h1.querySelector('.doc-status');
        const title = Array.from(h1.childNodes).filter(n => n !== badge).map(n => n.textContent).join('').trim();
        return [title, badge ? [badge.textContent, badge.className] : ['', '']];
    }}))""")


@pytest.mark.slow
def test_results_show_the_validity_badge_of_the_card(search_url):
    tab, url = search_url
    tab.goto(f"{url}?q={quote(PHRASE)}")
    tab.wait_for_function(SETTLED, arg=3)
    shown = badges(tab)
    assert shown["关于建设产教融合实训基地的通知"] == ["现行有效", "doc-status doc-status--valid"]
    assert shown["关于管理产教融合实训基地的办法"] == ["已废止", "doc-status doc-status--repealed"]
    # Unknown validity gets no badge, as in the browse lists.
    assert [badge for title, badge in shown.items() if title not in STATUS_OF] == [["", ""]]
    # The badge is styled by the site's stylesheet (a coloured pill), not left as plain text.
    colour = tab.evaluate(f"() => getComputedStyle(document.querySelector('{RESULTS} .doc-status--valid')).backgroundColor")
    assert colour == "rgb(46, 125, 50)"


@pytest.mark.slow
def test_validity_filter_lists_the_values_and_narrows(search_url):
    tab, url = search_url
    tab.goto(f"{url}?q={quote(PHRASE)}")
    tab.wait_for_function(SETTLED, arg=3)
    options = tab.locator("select[name=status] option").all_inner_texts()
    assert options == ["全部时效性", "现行有效（1）", "已废止（1）", "未知（1）"]
    tab.select_option("select[name=status]", "已废止")
    tab.wait_for_function(SETTLED, arg=1)
    assert list(badges(tab)) == ["关于管理产教融合实训基地的办法"]
    assert "status=已废止" in unquote(tab.url)


@pytest.mark.slow
def test_in_force_checkbox_keeps_only_documents_in_force(search_url):
    tab, url = search_url
    tab.goto(f"{url}?q={quote(PHRASE)}")
    tab.wait_for_function(SETTLED, arg=3)
    tab.check("input[name=in_force]")
    tab.wait_for_function(SETTLED, arg=1)
    assert badges(tab) == {"关于建设产教融合实训基地的通知": ["现行有效", "doc-status doc-status--valid"]}
    assert tab.input_value("select[name=status]") == "现行有效"
    assert "status=现行有效" in unquote(tab.url)
    tab.uncheck("input[name=in_force]")
    tab.wait_for_function(SETTLED, arg=3)
    assert tab.input_value("select[name=status]") == ""


@pytest.mark.slow
def test_a_shared_link_opens_with_the_filter_set(search_url):
    tab, url = search_url
    tab.goto(f"{url}?q={quote(PHRASE)}&status={quote('现行有效')}")
    tab.wait_for_function(SETTLED, arg=1)
    assert tab.is_checked("input[name=in_force]")
    assert list(badges(tab)) == ["关于建设产教融合实训基地的通知"]
