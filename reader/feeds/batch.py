"""Refresh many subscriptions at once: a few worker threads, at most ``per_host``
requests in flight to any one host, progress as each feed finishes, and a cancel that
stops between feeds and between entries.

Threads, not processes: a refresh mostly waits for the network. Each worker opens its
own :class:`~reader.store.Library` (a SQLite connection belongs to the thread that
opened it); their writes take turns through SQLite's write lock, each waiting out the
others (``on_busy``). A feed whose host is at its limit is passed over for one whose
host is free, so a list sorted by site still keeps every worker busy.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

from reader.errors import InputError, LibraryError
from reader.feeds.refresh import CANCELLED, Outcome, RefreshResult, refresh_feed
from reader.store import FeedRow, Library

#: How often a worker waiting for a host looks at the cancel flag.
_TICK_S = 0.05

Progress = Callable[[int, int, RefreshResult], None]


def host_of(url: str) -> str:
    """The host a request goes to (lower case, no port: two ports of one machine are
    one host to be polite to)."""
    try:
        return (urlsplit(url).hostname or url).lower()
    except ValueError:
        return url


class HostLimiter:
    """At most ``per_host`` requests in flight per host, across threads."""

    def __init__(self, per_host: int, should_cancel: Callable[[], bool]) -> None:
        self.per_host = max(1, per_host)
        self.should_cancel = should_cancel
        self.cond = threading.Condition()
        self.busy: Counter[str] = Counter()

    def free(self, host: str) -> bool:
        """Whether ``host`` has a free slot (call with :attr:`cond` held)."""
        return self.busy[host] < self.per_host

    @contextmanager
    def slot(self, url: str) -> Iterator[None]:
        """Hold one of the host's slots for a request; InputError "cancelled" when the
        batch is cancelled while waiting for one."""
        host = host_of(url)
        with self.cond:
            while not self.free(host):
                if self.should_cancel():
                    raise InputError(url, CANCELLED)
                self.cond.wait(_TICK_S)
            self.busy[host] += 1
        try:
            yield
        finally:
            with self.cond:
                self.busy[host] -= 1
                self.cond.notify_all()


def refresh_feeds(
    db_path: str | Path,
    feed_ids: Sequence[int],
    *,
    workers: int = 4,
    per_host: int = 2,
    on_progress: Progress | None = None,
    should_cancel: Callable[[], bool] | None = None,
    force: bool = False,
    on_busy: Callable[[], None] | None = None,
) -> list[RefreshResult]:
    """Refresh the feeds ``feed_ids`` of the library at ``db_path``, ``workers`` at a
    time, with at most ``per_host`` requests (feeds and teasers' pages) in flight to
    one host. Returns one result per id, in the order of ``feed_ids``.

    ``on_progress(done, total, result)`` is called as each feed finishes, **from a
    worker thread** (one call at a time; a window forwards it through a Qt signal).
    ``should_cancel`` is polled between feeds, between entries and during each
    download: feeds stopped part-way, or never started, are CANCELLED (never started:
    not reported to ``on_progress``); everything imported stays. ``force`` skips the
    servers' max-age (never their Retry-After). An id that is not subscribed is
    FAILED. A library error (busy past the retries, full, read-only) fails that feed,
    and the others go on; a bug in one worker stops the batch and is raised here.
    """
    ids = list(feed_ids)
    stop = threading.Event()

    def cancelled() -> bool:
        if not stop.is_set() and should_cancel is not None and should_cancel():
            stop.set()
        return stop.is_set()

    with Library(db_path, on_busy=on_busy) as lib:  # migrates once, before the workers
        rows = {fid: lib.feed(fid) for fid in dict.fromkeys(ids)}
    results: dict[int, RefreshResult] = {}
    for fid, row in rows.items():
        if row is None:
            results[fid] = RefreshResult(
                fid, Outcome.FAILED, message=f"feed {fid} is not subscribed (see 'feeds list')"
            )
    pending: list[FeedRow] = [r for r in rows.values() if r is not None]
    total = len(pending)
    limiter = HostLimiter(per_host, cancelled)
    done_lock = threading.Lock()
    done = [0]
    crashed: list[BaseException] = []

    def take() -> FeedRow | None:
        """The next feed whose host has a free slot; None when none is left or the
        batch is cancelled."""
        with limiter.cond:
            while pending:
                if cancelled() or crashed:
                    return None
                for i, row in enumerate(pending):
                    if limiter.free(host_of(row.url)):
                        return pending.pop(i)
                limiter.cond.wait(_TICK_S)
            return None

    def finish(result: RefreshResult) -> None:
        with done_lock:
            results[result.feed_id] = result
            done[0] += 1
            if on_progress is not None:
                on_progress(done[0], total, result)

    def work() -> None:
        try:
            with Library(db_path, on_busy=on_busy or (lambda: None)) as wlib:
                while (row := take()) is not None:
                    finish(_refresh_one(wlib, row, cancelled, force, limiter))
        except BaseException as exc:  # a bug: stop the others, raise it in the caller
            crashed.append(exc)
            stop.set()

    threads = (
        [
            threading.Thread(target=work, name=f"feeds-{n}", daemon=True)
            for n in range(max(1, min(workers, total)))
        ]
        if total
        else []
    )
    for t in threads:
        t.start()
    try:
        for t in threads:
            t.join()
    except BaseException:  # Ctrl+C in the CLI: stop the workers, keep what they stored
        stop.set()
        for t in threads:
            t.join()
        raise
    if crashed:
        raise crashed[0]
    for fid in ids:
        results.setdefault(
            fid, RefreshResult(fid, Outcome.CANCELLED, message="cancelled before it was fetched")
        )
    return [results[fid] for fid in ids]


def _refresh_one(
    lib: Library,
    row: FeedRow,
    cancelled: Callable[[], bool],
    force: bool,
    limiter: HostLimiter,
) -> RefreshResult:
    """One feed of the batch; a library that refuses a write fails this feed only."""
    try:
        return refresh_feed(lib, row, datetime.now(UTC), cancelled, force=force, gate=limiter.slot)
    except LibraryError as exc:
        return RefreshResult(row.id, Outcome.FAILED, message=f"the library {exc.reason}")
