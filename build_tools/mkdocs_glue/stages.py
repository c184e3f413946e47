"""``mkdocs build`` with a stopwatch per stage, for the benchmark.

``python -m build_tools.mkdocs_glue.stages TIMINGS.json <mkdocs build options>`` runs MkDocs' own
command line unchanged and writes the seconds spent in each stage. A stage is a set of functions
wrapped before the build; a stage called inside another (a file written while the index is
built) counts for itself only, so the stages add up to the build's time:

- ``conversion``: sources → documents (``incremental.convert_many``, process pool included);
- ``catalogue``: the rest of the archive's pre-build hook (relations, page Markdown, browse pages);
- ``markdown``: Markdown → HTML (MkDocs' ``Page.render``, extensions included; with worker processes
  (``parallel``), the time spent waiting for them, less their share of search extraction);
- ``templates``: Jinja templates of the theme (``Template.render``);
- ``search``: search-index hooks and plugins (the archive's and Material's), sections taken from pages in workers;
- ``writing``: files written or copied to disk;
- ``mkdocs``: the remainder inside the build (files, navigation, page context, anchor checks).

Nothing here changes what is built.
"""
from __future__ import annotations

import functools
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

STAGES = ("conversion", "catalogue", "markdown", "templates", "search", "writing", "mkdocs")


class StageClock:
    """Exclusive time per stage: entering a stage pauses the one it was called from."""

    def __init__(self, now=time.perf_counter) -> None:
        self.now = now  # a clock; tests pass a counter so no figure depends on the machine's load
        self.totals: dict[str, float] = defaultdict(float)
        self.stack: list[list] = []  # [stage, time it last resumed]

    def enter(self, stage: str) -> None:
        now = self.now()
        if self.stack:
            self.totals[self.stack[-1][0]] += now - self.stack[-1][1]
        self.stack.append([stage, now])

    def leave(self) -> None:
        now = self.now()
        stage, resumed = self.stack.pop()
        self.totals[stage] += now - resumed
        if self.stack:
            self.stack[-1][1] = now

    def wrap(self, stage: str, function):
        @functools.wraps(function)
        def timed(*args, **kwargs):
            self.enter(stage)
            try:
                return function(*args, **kwargs)
            finally:
                self.leave()
        return timed


def split_wait(clock: StageClock, stage: str, receive):
    """Time spent waiting for worker processes, shared between the stages they worked in.

    ``receive`` returns the workers' own seconds per stage for what it waited for; the wall time
    of the wait (counted as ``stage`` first) is divided in that proportion, so the stages still
    add up to the build's time. Only the wait: what this process did before it in the same stage
    (MkDocs' walk of docs/ while the conversion child runs) stays its own.
    """
    @functools.wraps(receive)
    def timed(*args, **kwargs):
        clock.enter(stage)
        before = clock.totals[stage]
        try:
            seconds = receive(*args, **kwargs)
        finally:
            clock.leave()
        waited, worked = clock.totals[stage] - before, sum(seconds.values())
        for other, spent in seconds.items():
            share = waited * spent / worked if worked else 0.0
            clock.totals[stage] -= share
            clock.totals[other] += share
        return seconds
    return timed


def in_child(clock: StageClock, start):
    """``start(function, *args)`` starts ``function`` in a forked child (``forked``) and returns a handle
    whose ``result()`` waits for it: the stages the child's inherited clock counted share the time
    waited for it here (what this process did meanwhile counts for itself)."""
    @functools.wraps(start)
    def timed(function, *args):
        def measured(*inner):  # in the child
            before = dict(clock.totals)
            result = function(*inner)
            return result, {stage: spent - before.get(stage, 0.0) for stage, spent in clock.totals.items()}
        return _Measured(clock, start(measured, *args))
    return timed


class _Measured:
    """A child started by ``in_child``: its result without the child's seconds, which the wait shares.
    The wait counts first for the stage waiting (MkDocs' for the conversion child; the conversion's,
    ``catalogue``, for a child the conversion child starts), as it would were the work done in place."""

    def __init__(self, clock: StageClock, child) -> None:
        self.clock, self.child = clock, child

    def result(self):
        return self._waited(self.child.result)

    def reported(self):
        return self._waited(self.child.reported)

    def finished(self) -> None:
        """What the child does once its result is sent (``forked.later``) counts for the stage waiting."""
        stage = self.clock.stack[-1][0] if self.clock.stack else "mkdocs"
        self.clock.wrap(stage, self.child.finished)()

    def _waited(self, wait):
        outcome = {}

        def receive():
            outcome["result"], seconds = wait()
            return {stage: spent for stage, spent in seconds.items() if spent > 0}
        split_wait(self.clock, self.clock.stack[-1][0] if self.clock.stack else "mkdocs", receive)()
        return outcome["result"]


def patch_everywhere(original, replacement) -> None:
    """Swap a function in every loaded module that imported it by name."""
    for module in list(sys.modules.values()):
        for name, value in list(getattr(module, "__dict__", {}).items()):
            if value is original:
                setattr(module, name, replacement)


def search_handler(method) -> bool:
    """Material's search plugin (the benchmark's plain Material site), or the archive's search hooks
    (a hook module is named by its path)."""
    owner = getattr(method, "__self__", None)
    return type(owner).__name__ == "SearchPlugin" or "search_hooks" in getattr(method, "__module__", "")


def install(clock: StageClock) -> None:
    """Wrap the stages' functions; plugin events are wrapped once the configuration is loaded."""
    import jinja2
    from mkdocs import utils
    from mkdocs.commands import build
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

    from build_tools import forked
    from build_tools.mkdocs_glue import parallel
    from build_tools.render import convert, incremental, writer

    for module, name, stage in ((incremental, "convert_many", "conversion"), (convert, "convert_all", "catalogue"),
                                (writer, "write_if_changed", "writing"), (utils, "write_file", "writing")):
        original = getattr(module, name)
        patch_everywhere(original, clock.wrap(stage, original))
    Page.render = clock.wrap("markdown", Page.render)
    parallel.PagePool.receive = split_wait(clock, "markdown", parallel.PagePool.receive)
    forked.start = in_child(clock, forked.start)
    jinja2.Template.render = clock.wrap("templates", jinja2.Template.render)
    Files.copy_static_files = clock.wrap("writing", Files.copy_static_files)
    original_build = build.build

    def timed_build(config, **kwargs):
        for event, methods in config.plugins.events.items():
            config.plugins.events[event] = [clock.wrap("search", m) if search_handler(m) else m for m in methods]
        return clock.wrap("mkdocs", original_build)(config, **kwargs)

    build.build = timed_build


def main(argv: list[str]) -> int:
    from mkdocs.__main__ import cli

    clock = StageClock()
    install(clock)
    try:
        cli.main(args=["build", *argv[1:]], standalone_mode=False)
    finally:
        Path(argv[0]).write_text(json.dumps({stage: clock.totals.get(stage, 0.0) for stage in STAGES}) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
