"""The first search result: the header box asks for it at once and fills it in before the others,
and the benchmark times it over cold page loads (median, spread, bytes of a cold load)."""
from __future__ import annotations

import contextlib
import math

import pytest

from build_tools.benchmarks.benchreport import report
from build_tools.benchmarks.browser import chromium, serve, wait_for_search
from build_tools.benchmarks.firstresult import Load, figures, load_once, repeated
from build_tools.mkdocs_glue.search_hooks import ASSETS, SCRIPT_PARTS
from build_tools.search import documents, index
from build_tools.search.extract import SearchPage, Section
from build_tools.search.index import build_index
from build_tools.search.shards import write_shards

# Nine documents holding 职业教育, in ranges (and blocks) of two: five ranges, so meta.js
# does not bring every block along (it does for two blocks or fewer).
PAGES = [SearchPage(f"documents/{k}/", {"title": f"文件{k}"}, [Section("", "", f"第{k}条 发展职业教育。")])
         for k in range(9)]
# The header box as overrides/partials/search.html draws it, and the page's one search script.
PAGE = """<!doctype html><meta charset="utf-8"><title>档案</title>
<input type="checkbox" id="__search">
<div class="md-search"><form class="md-search__form" name="archive-search">
<input type="text" class="md-search__input" name="query"></form>
<div class="md-search-result"><div class="md-search-result__meta"></div><ol class="md-search-result__list"></ol></div></div>
<script src="assets/archive-search/archive-search.js"></script>"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("first-result")
    (folder / "assets" / "archive-search").mkdir(parents=True)
    (folder / "assets" / "archive-search" / "archive-search.js").write_text(
        "".join((ASSETS / part).read_text(encoding="utf-8") for part in SCRIPT_PARTS), encoding="utf-8")
    (folder / "index.html").write_text(PAGE, encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        for module in (index, documents):
            patch.setattr(module, "RANGE" if module is index else "DOC_BLOCK", 2)
        write_shards(build_index(PAGES), folder / "search-index", "search/")
    assert len(list((folder / "search-index" / "s").iterdir())) == 5
    return folder


@pytest.fixture(scope="module")
def browser():
    with chromium() as running:
        yield running


@contextlib.contextmanager
def search_page(site, browser):
    """The site's home page in a new tab, served, with its search script loaded."""
    with serve(site) as base:
        page = browser.new_page()
        page.goto(f"{base}index.html")
        wait_for_search(page)
        try:
            yield page
        finally:
            page.close()


def test_the_index_description_is_asked_for_as_the_page_loads(site, browser):
    """meta.js is on its way before anything is typed or focused, and nothing else of the index."""
    with search_page(site, browser) as page:
        asked = page.evaluate("""() => Array.from(document.scripts, (tag) => tag.src.split("search-index/")[1]).filter(Boolean)""")
        assert asked == ["meta.js"]
        page.wait_for_function("""() => performance.getEntriesByType("resource").some((entry) => entry.name.endsWith("/meta.js") && entry.responseEnd > 0)""")


def test_a_typed_query_asks_at_once_for_the_first_ranges_shards_and_block(site, browser):
    """No pause after the first keystroke, and the block of the first range's documents is
    fetched beside its shards rather than after they arrive."""
    with search_page(site, browser) as page:
        asked = page.evaluate("""async () => {
            await archiveSearch.meta();
            const box = document.querySelector(".md-search__input");
            box.value = "职业教育";
            box.dispatchEvent(new Event("input", {bubbles: true}));
            // One task later: a timer of any delay set by the input would not have fired yet,
            // and no script asked for now can have arrived and run.
            await new Promise((resolve) => setTimeout(resolve, 0));
            return Array.from(document.scripts, (tag) => tag.src.split("search-index/")[1]).filter(Boolean);
        }""")
    assert "s/0.js" in asked and any(name.startswith("b/0/") for name in asked), asked
    assert not any(name.startswith(("b/1/", "s/1")) for name in asked), asked


def test_pinyin_being_composed_is_not_searched_and_fast_typing_runs_the_last_value(site, browser):
    with search_page(site, browser) as page:
        asked = page.evaluate("""async () => {
            await archiveSearch.meta();
            const box = document.querySelector(".md-search__input"), seen = [];
            const shards = () => Array.from(document.scripts, (tag) => tag.src).filter((src) => src.includes("/b/")).length;
            const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
            box.value = "zhiye";  // an input method's pinyin, not yet a query
            box.dispatchEvent(new InputEvent("input", {bubbles: true, isComposing: true}));
            await tick();
            seen.push(shards());
            box.value = "职业";  // the characters it committed
            box.dispatchEvent(new CompositionEvent("compositionend", {bubbles: true}));
            await tick();
            seen.push(shards());
            box.value = "职业教";  // typed within 80 ms of that run: held back …
            box.dispatchEvent(new Event("input", {bubbles: true}));
            box.value = "职业教育";
            box.dispatchEvent(new Event("input", {bubbles: true}));
            await tick();
            seen.push(shards());
            return seen;
        }""")
        # … then run once, for the last value.
        page.wait_for_function("""() => /职业教育/.test(document.querySelector(".md-search-result__meta").textContent)""")
    assert asked[0] == 0 and asked[1] == 1 and asked[2] == 1, asked


def test_the_first_result_is_filled_in_before_the_others_ask_for_their_texts(site, browser):
    with search_page(site, browser) as page:
        texts_then, items = page.evaluate("""() => new Promise((resolve) => {
            const list = document.querySelector(".md-search-result__list");
            new MutationObserver((changes, observer) => {
                if (!list.querySelector(".md-search-result__article")) return;
                observer.disconnect();
                resolve([Array.from(document.scripts, (tag) => tag.src).filter((src) => src.includes("search-index/t/")).length,
                         list.children.length]);
            }).observe(list, {childList: true, subtree: true});
            const box = document.querySelector(".md-search__input");
            box.value = "职业教育";
            box.dispatchEvent(new Event("input", {bubbles: true}));
        })""")
    # The first range (documents 0 and 1) shows two results; only the first one's text was asked for.
    assert items == 2 and texts_then == 1


def test_the_other_results_are_not_filled_in_once_a_newer_query_emptied_the_list(site, browser):
    with search_page(site, browser) as page:
        second = page.evaluate("""() => new Promise((resolve) => {
            const list = document.querySelector(".md-search-result__list");
            new MutationObserver((changes, observer) => {
                if (!list.querySelector(".md-search-result__article")) return;
                observer.disconnect();
                const second = list.children[1];
                list.innerHTML = "";  // as the next query's results (or an emptied box) do
                setTimeout(() => resolve(second.innerHTML), 300);
            }).observe(list, {childList: true, subtree: true});
            const box = document.querySelector(".md-search__input");
            box.value = "职业教育";
            box.dispatchEvent(new Event("input", {bubbles: true}));
        })""")
    assert second == ""  # the first range's second result: never filled in, its row and text never fetched


def test_each_timed_load_is_cold(site, browser):
    """A load that reused the previous one's cache would fetch no index: every load fetches it all."""
    with serve(site) as base:
        loads = repeated(lambda: load_once(browser, base, "职业教育", "search-index"), loads=3)
    needed = sum((site / "search-index" / name).stat().st_size for name in ("meta.js", "s/0.js"))
    assert len(loads) == 3 and all(load.ms > 0 for load in loads)
    assert all(load.index_bytes >= needed for load in loads), (needed, loads)
    script = (site / "assets" / "archive-search" / "archive-search.js").stat().st_size
    assert all(load.bytes >= load.index_bytes + script for load in loads)  # the page and its script too


def test_figures_are_the_median_the_spread_and_the_first_loads_bytes():
    loads = [Load(300, 500_000, 100_000), Load(250, 400_000, 90_000), Load(math.nan), Load(900, 1, 1), Load(280)]
    assert figures(loads) == {"first result (ms)": 290, "  min–max of loads (ms)": (250, 900, 4),
                              "downloaded before it (MB)": 0.5, "  of which index (MB)": 0.1}
    assert math.isnan(figures([Load(math.nan)])["first result (ms)"])


def test_loads_stop_at_the_time_budget_but_one_always_runs():
    clock = iter([0, 20, 40, 60, 80]).__next__  # each load takes 20 s: the third ends at the budget
    assert len(repeated(lambda: Load(1), loads=5, budget_s=60, clock=clock)) == 3
    assert len(repeated(lambda: Load(1), loads=5, budget_s=0, clock=iter(range(100)).__next__)) == 1


def test_the_report_shows_the_spread_and_how_many_loads():
    ours, theirs = (type("Column", (), {"stages": {}, "values": values})() for values in (
        figures([Load(300, 400_000), Load(250), Load(320)]), figures([Load(20_000, 190e6), Load(22_000)])))
    lines = report(10, ours, theirs).splitlines()
    assert lines[3].split() == ["first", "result", "(ms)", "300", "21000", "0.01"]
    assert lines[4].split() == ["min–max", "of", "loads", "(ms)", "250–320", "(3)", "20000–22000", "(2)", "—"]
