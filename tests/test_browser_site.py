"""Headless browser (Debian's chromium through Playwright) on the built site.

A reader starts on the home page, goes to a browse page, opens the 曲靖
report, checks its metadata card and follows the relation link to its
first annex. Screenshots are saved under test-artifacts/ for review.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from build_tools.benchmarks.browser import CHROMIUM, chromium, serve
from build_tools.catalogue.cards import CITING_SHOWN
from projects import build_site, copy_project, make_project

pytest.importorskip("playwright.sync_api")

ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
REPORT = "qujing-qilin-zhijiao-jituan-2020-zhiliang-baogao"

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium: make browser")]


# A reply (提案答复, like two other seeds) that its sidecar marks in force: every seed is 未知,
# so without it a filter that hides every row would pass.
IN_FORCE = "chuxiong-jiaoyu-2023-027-zhengxie-148-dafu"


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """The real project, with IN_FORCE in force, built and served over HTTP on a free local port."""
    folder = tmp_path_factory.mktemp("browser-site")
    project = copy_project(folder / "archive", {f"{IN_FORCE}.yml": "status: 现行有效\n"})
    result = build_site(project, folder / "site", "--strict")
    assert result.returncode == 0, result.stderr[-3000:]
    with serve(folder / "site") as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    with chromium() as running:
        yield running


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    outside, failed = [], []
    context.route(lambda url: not url.startswith("http://127.0.0.1"), lambda route: (outside.append(route.request.url), route.abort()))
    tab = context.new_page()
    tab.on("response", lambda response: response.status >= 400 and failed.append(f"{response.status} {response.url}"))
    tab.set_default_timeout(10_000)
    yield tab
    context.close()
    assert not outside, f"requests to outside hosts: {outside}"
    assert not failed, f"requests the site cannot answer: {failed}"


def test_home_to_browse_to_document_card_and_relation(page, served, pages):
    meta = pages[REPORT][0]
    page.goto(served)
    assert page.locator("article").get_by_text("本站共收录").count() == 1
    page.locator("article a", has_text="按地区").first.click()
    page.wait_for_url("**/browse/region/")
    region = (meta.get("region") or ["地区不详"])[0]
    page.locator("article a", has_text=region).first.click()
    page.wait_for_url("**/browse/region/*/")
    page.locator(f"article table a[href*='documents/{REPORT}/']").click()
    page.wait_for_url(f"**/documents/{REPORT}/")

    card = page.locator("article .doc-card")
    card.wait_for()
    assert "时效性" in card.inner_text() and "以发文机关发布的原件为准" in card.inner_text()
    if meta.get("issuer"):
        assert meta["issuer"] in card.inner_text()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "document-page.png"))
    page.locator("article h2", has_text="关联文件").scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "document-relations.png"))

    page.locator(f"article a[href$='/{REPORT}-fujian-1/']").first.click()
    page.wait_for_url(f"**/documents/{REPORT}-fujian-1/")
    assert "的附件" in page.locator("article").inner_text()
    page.locator("article .doc-card").screenshot(path=str(ARTIFACTS / "annex-card.png"))


def test_in_force_filter_keeps_documents_in_force_and_hides_the_others(page, served):
    page.goto(served + "browse/type/")
    page.locator("article li a", has_text="提案答复").first.click()
    page.wait_for_url("**/browse/type/*/")
    rows = page.locator("article tbody tr")
    kept = page.locator(f"article tbody tr:has(a[href*='documents/{IN_FORCE}/'])")
    kept.wait_for()
    assert rows.count() >= 3 and all(row.is_visible() for row in rows.all())
    assert page.locator("article tbody tr:has(.doc-status--valid)").count() == 1
    page.locator(".doc-filter input").check()
    assert kept.is_visible()
    assert [row.inner_text() for row in rows.all() if row.is_visible()] == [kept.inner_text()]


def test_phone_layout_screenshot(browser, served):
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, locale="zh-CN")
    phone = context.new_page()
    phone.goto(served + f"documents/{REPORT}/")
    phone.locator("article .doc-card").wait_for()
    ARTIFACTS.mkdir(exist_ok=True)
    phone.screenshot(path=str(ARTIFACTS / "document-page-phone.png"))
    width = phone.evaluate("document.documentElement.scrollWidth")
    context.close()
    assert width <= 390, "the page scrolls sideways on a phone"


@pytest.fixture(scope="module")
def cited_often(tmp_path_factory):
    """Seven notices citing one not in the archive, two more than a to-do row names, and n08 cited by
    two notices more than its page lists (``cards.CITING_SHOWN``), built and served."""
    from test_rebuild_scope import citing, law

    folder = tmp_path_factory.mktemp("cited-often")
    sources = {f"n{i:02d}.txt": law(i, i, cites=citing(117)) for i in range(1, 8)}
    sources["n08.txt"] = law(8, 8)
    sources.update({f"m{i:02d}.txt": law(30 + i, i % 28 + 1, cites=citing(8)) for i in range(CITING_SHOWN + 2)})
    project = make_project(folder / "p", sources)
    result = build_site(project, folder / "site", "--strict")
    assert result.returncode == 0, result.stderr[-3000:]
    with serve(folder / "site") as base:
        yield base


def test_a_to_do_row_finds_the_pages_it_does_not_name_by_search(page, cited_often):
    """The to-do list names five citing pages; its 全文检索 link finds all seven by full-text search."""
    page.goto(cited_often + "browse/missing/")
    row = page.locator("article tbody tr").filter(has_text="关于第117项工作的通知")
    assert row.locator("a[href*='documents/']").count() == 5
    assert "另有 2 个文件" in row.inner_text()
    row.get_by_role("link", name="全文检索").click()
    page.wait_for_url("**/search/?q=*")
    page.wait_for_function("() => /共 7 个文件/.test(document.querySelector('#archive-search-page .md-search-result__meta').innerText)")
    items = "#archive-search-page .md-search-result__item"
    page.wait_for_function(f"() => Array.from(document.querySelectorAll('{items}')).filter(item => item.querySelector('a')).length == 7")
    found = page.eval_on_selector_all(f"{items} a", "links => links.map(link => new URL(link.href).pathname)")
    assert {path.split("/documents/")[1].split("/")[0] for path in found if "/documents/" in path} == {f"n{i:02d}" for i in range(1, 8)}


def test_a_page_cited_by_many_finds_the_citers_it_does_not_list_by_search(page, cited_often):
    """n08 lists twenty of the 22 notices citing it; its 全文检索 link finds them all and n08 itself."""
    page.goto(cited_often + "documents/n08/")
    listed = page.locator("article h3:has-text('引用本文的文件') + ul a")
    listed.first.wait_for()
    assert listed.count() == CITING_SHOWN
    more = page.locator("article p").filter(has_text="另有 2 个文件引用本文")
    more.get_by_role("link", name="全文检索").click()
    page.wait_for_url("**/search/?q=*")
    page.wait_for_function("() => /共 23 个文件/.test(document.querySelector('#archive-search-page .md-search-result__meta').innerText)")
    items = "#archive-search-page .md-search-result__item"
    shown = f"() => Array.from(document.querySelectorAll('{items}')).filter(item => item.querySelector('a')).length"
    page.wait_for_function(f"{shown} == 20")  # the search page's first batch
    page.get_by_role("button", name="更多结果").click()
    page.wait_for_function(f"{shown} == 23")
    found = page.eval_on_selector_all(f"{items} a", "links => links.map(link => new URL(link.href).pathname)")
    assert {path.split("/documents/")[1].split("/")[0] for path in found if "/documents/" in path} == \
        {"n08", *(f"m{i:02d}" for i in range(CITING_SHOWN + 2))}
