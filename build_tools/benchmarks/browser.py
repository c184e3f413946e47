"""Headless Debian Chromium for the evaluation and the tests, and a local HTTP server.

Playwright drives /usr/bin/chromium (no browser download); the flags keep
it from calling home, so recorded requests are the page's own.
"""
from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@contextlib.contextmanager
def chromium():
    """A headless browser; closed on exit."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files without logging; notes each file's path and size in ``server.sent``."""

    def log_message(self, *args) -> None:
        pass

    def copyfile(self, source, destination) -> None:
        data = source.read()
        self.server.sent.append((self.path, len(data)))
        try:
            destination.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the page was closed once measured, while it still loaded later postings ranges


@contextlib.contextmanager
def serve(folder: Path, sent: list[tuple[str, int]] | None = None):
    """Serve ``folder`` on a free loopback port; yields the base URL (ends in /).

    Pass a list as ``sent`` to have every file served appended to it as (path, bytes).
    """
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.sent = sent if sent is not None else []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def wait_for_search(page) -> None:
    """The search script has run (it defines window.archiveSearch)."""
    page.wait_for_function("() => window.archiveSearch !== undefined")


def ranked_urls(page, queries: list[str]) -> list[list[str]]:
    """Run every query through the page's own search code, in order."""
    wait_for_search(page)
    return page.evaluate(
        "async (queries) => { const out = []; for (const q of queries) out.push(await archiveSearch.rankedUrls(q)); return out; }",
        queries)


def ranked_in_sites(folders: list[Path], queries: list[str]) -> list[list[list[str]]]:
    """``ranked_urls`` of the same queries in each built site, served in turn (to compare builds)."""
    found = []
    with chromium() as browser:
        for folder in folders:
            with serve(folder) as base:
                tab = browser.new_page()
                tab.goto(base)
                found.append(ranked_urls(tab, queries))
                tab.close()
    return found
