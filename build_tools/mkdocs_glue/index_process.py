"""The full search index, built by a forked process beside MkDocs (one core each).

A full build starts the process first thing, while the build is still small (a fork holds a
copy of everything its parent holds: converting the sources leaves the parent larger for good),
and sends it each document as MkDocs finishes it;
the process indexes the documents in URL order as they arrive and writes the shards while MkDocs
renders the templates. A ``--dirty`` build that needs a full index starts it once every page
is read, from pages cached by the last build. Either way the build waits for it at the end.
"""
from __future__ import annotations

import contextlib
import multiprocessing
import threading
import traceback
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from mkdocs.exceptions import PluginError

from build_tools import forked
from build_tools.mkdocs_glue import parallel
from build_tools.search import state as index_state
from build_tools.search.index import index_sorted
from build_tools.search.shards import full_state, write_state, write_texts


# Pages sent at once. The thread that drains the pipe needs the process's lock for each message while
# the process indexes: one page a message kept MkDocs' process waiting for it 2.5 s in all (3,475 laws).
BATCH = 32


class Arrivals:
    """Pages sent by the build, taken in URL order; a thread drains the pipe so the sender never waits."""

    def __init__(self, connection) -> None:
        self.header = connection.recv()  # what the build knows once it has its files: see IndexProcess.begin
        self.pages: dict = {}
        self.done = False
        self.condition = threading.Condition()
        threading.Thread(target=self._read, args=(connection,), daemon=True).start()

    def _read(self, connection) -> None:
        try:
            while (batch := connection.recv()) is not None:
                with self.condition:
                    self.pages.update((page.url, page) for page in batch)
                    self.condition.notify()
        except EOFError:  # the build stopped
            pass
        with self.condition:
            self.done = True
            self.condition.notify()

    def take(self, url: str):
        with self.condition:
            while url not in self.pages:
                if self.done:
                    raise RuntimeError(f"the build sent no page {url}")
                self.condition.wait()
            return self.pages.pop(url)


def full_index(pages, out: Path, search_url: str, state_file: Path, workers: int = 1) -> tuple[str, list[str]]:
    """Index ``pages`` (in URL order) and write the shards: (log line, URLs of pages without text).
    ``workers``: processes working out the postings of ranges (``index_sorted``) beside this one; more
    than one: the texts written by a forked child (``forked``) while this one writes the rest."""
    kept: list = []
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) if workers > 1 \
            else contextlib.nullcontext() as pool:
        index = index_sorted((kept.append(page) or page for page in pages), pool)
    state = full_state(index, kept)
    texts = forked.start(write_texts, state.documents, out).result if workers > 1 else None
    stats = write_state(state, out, search_url, texts)
    index_state.save(index_state.catalog_of(state), state_file)
    return stats.summary(), [page.url for page in kept if not page.sections]


def _child(report, pages, receive, unused, out: Path, search_url: str | None, state_file: Path) -> None:
    if unused is not None:
        unused.close()  # the parent's end: without this copy closed, a stopped build would never end the pipe
    try:
        if receive is not None:
            arrivals = Arrivals(receive)
            entries, search_url = arrivals.header
            found = pages(arrivals, entries)
            outcome = full_index(found, out, search_url, state_file)
        else:  # a rebuild's: every page at hand, both cores free (MkDocs renders a few pages meanwhile)
            outcome = full_index(pages(), out, search_url, state_file, parallel.workers())
        report.send((True, outcome))
    except BaseException:  # the parent reports it and fails the build
        report.send((False, traceback.format_exc()))


class IndexProcess:
    """A process indexing ``pages()``, the pages in URL order; or, with ``stream``, the pages the build
    sends: it starts before the build has its files, is told them by ``begin`` and fed by ``send``, and
    ``pages(arrivals, entries)`` takes them in order."""

    def __init__(self, pages, out: Path, search_url: str | None, state_file: Path, stream: bool = False) -> None:
        context = multiprocessing.get_context("fork")
        self.outcome, report = context.Pipe(duplex=False)
        receive, self.pages = context.Pipe(duplex=False) if stream else (None, None)
        self.batch: list = []
        self.process = context.Process(target=_child,
                                       args=(report, pages, receive, self.pages, out, search_url, state_file))
        self.process.start()
        report.close()
        if receive is not None:
            receive.close()

    def begin(self, entries: list, search_url: str) -> None:
        """The pages to expect (in URL order) and the search page's URL."""
        self._send((entries, search_url))

    def send(self, page) -> None:
        """One page, sent with the next ones (``BATCH``)."""
        self.batch.append(page)
        if len(self.batch) == BATCH:
            self._send(self.batch)
            self.batch = []

    def _send(self, message) -> None:
        try:
            self.pages.send(message)
        except BrokenPipeError:  # it stopped (an error) or needs no more pages: ``wait`` tells
            pass

    def finish(self) -> None:
        """Every page has been sent."""
        if self.pages is not None:
            if self.batch:
                self._send(self.batch)
            self._send(None)
            self.pages.close()
            self.pages = None

    def wait(self) -> tuple[str, list[str]]:
        try:
            ok, outcome = self.outcome.recv()
        except EOFError:  # it died before reporting
            ok, outcome = False, "the index process ended without a result"
        self.process.join()
        if not ok:
            raise PluginError(f"archive search index failed:\n{outcome}")
        return outcome

    def stop(self) -> None:
        """The build failed: no index."""
        if self.pages is not None:
            self.pages.close()
            self.pages = None
        self.process.kill()
        self.process.join()
