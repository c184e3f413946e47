"""Work done in a forked child process, whose memory dies with it, and the child's log handled here.

Converting 20,000 sources leaves the build's process 2.3 GB larger for good (memory freed by
Python but kept by the allocator), and every process forked after it (page workers) starts as
large; the pages MkDocs then holds need a fifth of that. A child's log records are kept and
handled by this process at the same step, so ``--strict`` counts a child's warnings.
A loop over many independent items can also be shared with forked children (``shared``).
"""
from __future__ import annotations

import logging
import multiprocessing
import traceback

_records: list | None = None  # a child's log records of the current step
_kept: list | None = None  # in a child started by ``start``: what dies with it (``keep``)
_later: list | None = None  # in a child started by ``start``: work done once its result is sent (``later``)


def _collect(logger, record) -> None:
    """``Logger.handle`` in a child: keep the record (as plain text) for the parent to handle."""
    if not logger.disabled and _records is not None:
        record.msg, record.args = record.getMessage(), None
        if record.exc_info:
            record.exc_text, record.exc_info = logging.Formatter().formatException(record.exc_info), None
        _records.append(record)


def collect_logs() -> None:
    """In a child: from now on, what is logged during a ``step`` is kept, not handled."""
    logging.Logger.handle = _collect


def step(function, *args):
    """(result, log records) of ``function(*args)`` in a child."""
    global _records
    _records = []
    try:
        return function(*args), _records
    finally:
        _records = None


def replay(records: list) -> None:
    for record in records:
        logging.getLogger(record.name).handle(record)


class ChildError(RuntimeError):
    """The child failed; the message carries its traceback."""


def keep(*objects) -> None:
    """In a child started by ``start``: leave ``objects`` to die with the process instead of being
    freed one by one when the function that made them returns, before the child's result is sent
    (an addition's outline, stand-ins and catalogue: 0.13 s at 20,000 laws). A child ends without
    freeing what it holds (``os._exit``); elsewhere this does nothing."""
    if _kept is not None:
        _kept.extend(objects)


def later(function, *args) -> None:
    """In a child started by ``start``: call ``function(*args)`` once the child's result is sent, so
    that a parent waiting only for the result (``Child.reported``) goes on meanwhile (a rebuild's
    saving of what the next build reads: 0.08–0.1 s at 20,000 laws); elsewhere, now."""
    if _later is None:
        function(*args)
    else:
        _later.append((function, args))


def _child(connection, function, args) -> None:
    global _records, _kept, _later
    _kept, _later = [], []
    collect_logs()
    _records = []
    try:
        connection.send((True, function(*args), _records))
    except BaseException:  # the parent raises it
        connection.send((False, traceback.format_exc(), _records))
        return
    _records = []
    try:
        for work, work_args in _later:
            work(*work_args)
        connection.send((True, None, _records))
    except BaseException:
        connection.send((False, traceback.format_exc(), _records))


class Child:
    """A forked child's work under way: ``result()`` waits for it (once)."""

    def __init__(self, process, receive) -> None:
        self.process, self.receive = process, receive

    def result(self):
        """Its result (pickled), its log replayed here, once it ended; ``ChildError`` if it failed."""
        try:
            return self.reported()
        finally:
            self.finished()

    def reported(self):
        """Its result, as soon as it is sent: what the child does ``later`` may still be under way
        (``finished`` waits for it)."""
        ok, result, records = self._received("the child process ended without a result")
        replay(records)
        if not ok:
            self._ended()
            raise ChildError(result)
        return result

    def finished(self) -> None:
        """Wait for the end of what the child does ``later``, its log replayed here; ``ChildError`` if it failed."""
        if self.receive.closed:
            return
        ok, error, records = self._received("the child process ended before its work after its result")
        self._ended()
        replay(records)
        if not ok:
            raise ChildError(error)

    def _received(self, missing: str) -> tuple:
        try:
            return self.receive.recv()
        except EOFError:  # it died before sending
            return False, missing, []

    def _ended(self) -> None:
        self.receive.close()
        self.process.join()


def start(function, *args) -> Child:
    """``function(*args)`` started in a forked child; this process goes on until ``Child.result()``."""
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(send, function, args))
    process.start()
    send.close()
    return Child(process, receive)


def call(function, *args):
    """``function(*args)`` in a forked child, waited for: its result (pickled), its log replayed here."""
    return start(function, *args).result()


def shared(function, items: list, workers: int) -> list:
    """``function(chunk)`` of ``workers`` consecutive chunks of ``items``, the first here and the
    others in forked children (they inherit what this process holds, nothing is sent but their
    results), joined in order. A child that fails raises ``ChildError`` once all have ended."""
    size = -(-len(items) // max(1, workers)) or 1
    chunks = [items[start:start + size] for start in range(0, len(items), size)] or [[]]
    children = [start(function, chunk) for chunk in chunks[1:]]
    try:
        results = function(chunks[0])
    finally:
        outcomes = []
        for child in children:
            try:
                outcomes.append(child.result())
            except ChildError as error:
                outcomes.append(error)
    for outcome in outcomes:
        if isinstance(outcome, ChildError):
            raise outcome
        results = results + outcome
    return results
