"""``search-eval``: run the query set through the real search in headless Chromium.

The site is served over HTTP on loopback; every query runs through the
page's own ``archive-search-*.js`` against the shards the build wrote, and
the results are scored against documents found by plain substring search
over the same texts (``queryset.expected``).
"""
from __future__ import annotations

import json
import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from .browser import chromium, ranked_urls, serve, wait_for_search
from ..search.normalise import normalise, parse_query
from .queryset import INDEX_DIR, expected, searchable_text
from ..search.shards import read_documents, read_script

# Bytes fetched for the search itself (index shards and the script).
SEARCH_RESOURCES = ("search-index/", "archive-search/")


@dataclass
class Score:
    """One query's outcome."""

    category: str
    query: str
    relevant: int  # documents containing every term
    found: int  # of those, returned
    precise: float  # share of the top k that contain the phrase (k = such documents)
    spurious: int  # returned although some term is missing
    first_ok: bool | None = None  # document-number queries: owner ranked first
    fields_first: bool | None = None  # metadata queries: documents whose fields match lead


@dataclass
class Timing:
    query: str
    first_result_ms: float
    search_bytes: int
    page_bytes: int


@dataclass
class Report:
    scores: list[Score] = field(default_factory=list)
    timings: list[Timing] = field(default_factory=list)
    index_bytes: int = 0
    documents: int = 0


METADATA_CATEGORIES = ("title", "issuer", "region", "year")


def fields_lead(query: str, ranked: list[str], fields: dict[str, str]) -> bool | None:
    """Documents whose metadata contains the query come before those that only mention it
    (None when no document's metadata contains it, e.g. a seed's title run on a generated corpus)."""
    phrase = parse_query(query).phrase
    leading = {url for url, text in fields.items() if phrase in text}
    return set(ranked[:len(leading)]) == leading if leading else None


def score(item: dict, ranked: list[str], texts: dict[str, str], fields: dict[str, str]) -> Score:
    truth = expected(item["query"], texts)
    relevant, exact = set(truth.all_terms), set(truth.exact or truth.all_terms)
    top = ranked[:len(exact)]
    return Score(
        category=item["category"], query=item["query"], relevant=len(relevant),
        found=len(relevant & set(ranked)),
        precise=sum(url in exact for url in top) / len(exact) if exact else float(not ranked),
        spurious=len(set(ranked) - relevant),
        first_ok=(ranked[:1] == [item["owner"]]) if item.get("owner") else None,
        fields_first=fields_lead(item["query"], ranked, fields) if item["category"] in METADATA_CATEGORIES else None,
    )


def time_first_result(browser, base: str, search_page: str, query: str) -> Timing:
    """Fresh browser context (empty cache): open the search page with ?q=, wait for a result."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{base}{search_page}?q={quote(query)}")
    page.wait_for_function("() => window.archiveSearch && archiveSearch.firstResultAt !== null", timeout=30_000)
    measured = page.evaluate("""(patterns) => {
        const at = archiveSearch.firstResultAt, entries = performance.getEntriesByType('resource')
            .filter(e => e.responseEnd <= at);
        const nav = performance.getEntriesByType('navigation')[0];
        const size = list => list.reduce((sum, e) => sum + e.encodedBodySize, 0);
        return {at, search: size(entries.filter(e => patterns.some(p => e.name.includes(p)))),
                page: size(entries) + (nav ? nav.encodedBodySize : 0)};
    }""", list(SEARCH_RESOURCES))
    context.close()
    return Timing(query, measured["at"], measured["search"], measured["page"])


def evaluate(site_dir: Path, queries: list[dict], timing_queries: list[str], browser=None) -> Report:
    """Score ``queries`` and time ``timing_queries``; reuses ``browser`` if given."""
    if browser is None:
        with chromium() as browser:
            return evaluate(site_dir, queries, timing_queries, browser)
    index_dir = site_dir / INDEX_DIR
    documents = read_documents(index_dir)
    texts = {doc.url: searchable_text(doc) for doc in documents}
    fields = {doc.url: "\n".join(normalise(value) for value in doc.fields.values()) for doc in documents}
    search_page = read_script(index_dir / "meta.js")["search_page"]
    report = Report(index_bytes=sum(p.stat().st_size for p in index_dir.rglob("*.js")), documents=len(texts))
    with serve(site_dir) as base:
        page = browser.new_page()
        page.goto(base)
        wait_for_search(page)
        rankings = ranked_urls(page, [item["query"] for item in queries])
        report.scores = [score(item, ranked, texts, fields) for item, ranked in zip(queries, rankings)]
        report.timings = [time_first_result(browser, base, search_page, q) for q in timing_queries]
        page.close()
    return report


def summarise(scores: list[Score]) -> str:
    relevant = sum(s.relevant for s in scores)
    recall = sum(s.found for s in scores) / relevant if relevant else 1.0
    answerable = [s for s in scores if s.relevant]
    precision = statistics.mean(s.precise for s in answerable) if answerable else 1.0
    line = (f"{len(scores):4d} queries  recall {recall:7.2%}  top-k precision {precision:7.2%}"
            f"  spurious {sum(s.spurious for s in scores)}")
    firsts = [s.first_ok for s in scores if s.first_ok is not None]
    if firsts:
        line += f"  owner first {sum(firsts)}/{len(firsts)} = {sum(firsts) / len(firsts):.0%}"
    leads = [s.fields_first for s in scores if s.fields_first is not None]
    if leads:
        line += f"  metadata matches first {sum(leads)}/{len(leads)}"
    return line


def print_report(report: Report) -> None:
    by_category = defaultdict(list)
    for item in report.scores:
        by_category[item.category].append(item)
    print("Archive search, run in headless Chromium (Debian /usr/bin/chromium) over HTTP;")
    print("expected documents = plain substring search over the indexed page text.")
    print(f"{'all':>11}: {summarise(report.scores)}")
    for category in sorted(by_category):
        print(f"{category:>11}: {summarise(by_category[category])}")
    absent = by_category.get("absent", [])
    if absent:
        print(f"{'absent':>11}: {sum(s.spurious == 0 for s in absent)}/{len(absent)} return nothing")
    failures = [s for s in report.scores if s.found < s.relevant or s.precise < 1 or s.spurious
                or s.first_ok is False or s.fields_first is False]
    for item in failures[:15]:
        print(f"  miss [{item.category}] {item.query!r}: found {item.found}/{item.relevant}, "
              f"precision {item.precise:.2f}, spurious {item.spurious}, first {item.first_ok}, "
              f"metadata first {item.fields_first}")
    print(f"index: {report.index_bytes / 1e3:.0f} kB for {report.documents} documents "
          f"= {report.index_bytes / max(report.documents, 1) / 1e3:.1f} kB per document")
    for timing in report.timings:
        print(f"first result for {timing.query!r}: {timing.first_result_ms:.0f} ms after navigation, "
              f"search download {timing.search_bytes / 1e3:.0f} kB, whole page {timing.page_bytes / 1e3:.0f} kB")


def load_queries(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["queries"]
