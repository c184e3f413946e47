"""Time from page load to the first search result, over several cold page loads.

One load is noisy (the machine's load moves it by ±50 ms), so the figure is the median
of several, each in a new browser context: nothing is cached from one load to the next.
The query is typed by the page itself when its load event fires, and the result is seen
by a MutationObserver, which tells Playwright by a console message: neither Playwright's
round trips nor its polling (whose injected script takes ≈15 ms of the page's thread) are timed.
A result counts once its content is on screen (Material's result markup, which the
archive's header box fills in when the snippet has loaded).
"""
from __future__ import annotations

import json
import math
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass

RESULT = ".md-search-result__item .md-search-result__article"
LOADS = 5
# Plain Material loads its whole index on every load (≈20 s at 3,475 documents): after this
# many seconds no further load is started, so its column may rest on fewer loads (shown).
BUDGET_S = 60.0

# Runs in the page before its own scripts: at the load event, type the query as a person
# would (input, then keyup, which Material reads) and note when the first result appears.
SEEN = "first-result-seen"
TYPE_AT_LOAD = """(query) => {
    performance.setResourceTimingBufferSize(100000);
    addEventListener("load", () => {
        const box = document.querySelector(".md-search__input");
        window.__typedAt = performance.now();
        new MutationObserver((changes, observer) => {
            if (!document.querySelector(%s)) return;
            window.__resultAt = performance.now();
            observer.disconnect();
            console.log(%s);
        }).observe(document.body, {childList: true, subtree: true});
        box.focus();
        box.value = query;
        box.dispatchEvent(new Event("input", {bubbles: true}));
        box.dispatchEvent(new KeyboardEvent("keyup", {bubbles: true, key: "End"}));
    });
}""" % (json.dumps(RESULT), json.dumps(SEEN))

# Bytes of the page and of every file that had arrived when the result appeared; a file
# the browser took from its cache (transferSize 0) counts nothing.
BYTES_BEFORE = """(indexPath) => {
    const at = window.__resultAt, root = location.origin + "/" + indexPath;
    const nav = performance.getEntriesByType("navigation")[0];
    const fetched = performance.getEntriesByType("resource").filter(e => e.responseEnd <= at && e.transferSize > 0);
    const size = list => list.reduce((sum, e) => sum + e.encodedBodySize, 0);
    return [size(fetched) + (nav.transferSize > 0 ? nav.encodedBodySize : 0), size(fetched.filter(e => e.name.startsWith(root)))];
}"""


@dataclass
class Load:
    """One cold page load: milliseconds from its load event to the first result, bytes fetched until then."""

    ms: float
    bytes: int = 0
    index_bytes: int = 0


def load_once(browser, base: str, query: str, index_path: str, timeout_s: float = 120) -> Load:
    """Open index.html in a new browser context (empty cache) with the query typed at load."""
    from playwright.sync_api import TimeoutError as BrowserTimeout

    context = browser.new_context()
    try:
        page = context.new_page()
        page.add_init_script(f"({TYPE_AT_LOAD})({json.dumps(query)})")
        try:
            with page.expect_console_message(lambda message: message.text == SEEN, timeout=timeout_s * 1000):
                page.goto(f"{base}index.html", wait_until="load", timeout=timeout_s * 1000)
        except BrowserTimeout:
            # Report it as missing (and why, as the page states it) rather than lose the other figures.
            print(f"{base}: no search result for {query} after {timeout_s:.0f} s; the page says: "
                  f"{page.locator('.md-search-result__meta').inner_text()!r}", file=sys.stderr)
            return Load(math.nan)
        elapsed = page.evaluate("window.__resultAt - window.__typedAt")
        return Load(elapsed, *page.evaluate(BYTES_BEFORE, index_path.strip("/") + "/"))
    finally:
        context.close()


def repeated(measure: Callable[[], Load], loads: int = LOADS, budget_s: float = BUDGET_S,
             clock: Callable[[], float] = time.perf_counter) -> list[Load]:
    """``loads`` measurements, fewer when they pass ``budget_s`` seconds (at least one)."""
    start, done = clock(), []
    while len(done) < loads and (not done or clock() - start < budget_s):
        done.append(measure())
    return done


def figures(loads: list[Load]) -> dict[str, float | tuple[float, float, int]]:
    """The median time, its spread over the loads, and the bytes of the first (cold) load."""
    times = [load.ms for load in loads if not math.isnan(load.ms)]
    return {"first result (ms)": statistics.median(times) if times else math.nan,
            "  min–max of loads (ms)": (min(times), max(times), len(times)) if times else math.nan,
            "downloaded before it (MB)": loads[0].bytes / 1e6,
            "  of which index (MB)": loads[0].index_bytes / 1e6}
