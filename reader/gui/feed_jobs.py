"""Subscription work off the GUI thread: finding a site's feed, and refreshing feeds.

Each job is an operation object (a QRunnable, as :mod:`reader.gui.workers`) that
opens its own library connection, reports progress through signals, and ends with a
``success`` callback run on the GUI thread. The window never waits for the network.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, Signal

from reader.errors import BUG_REASON, InputError, write_errors, write_reason

if TYPE_CHECKING:
    from reader.feeds.refresh import RefreshResult
    from reader.store import FeedRow


@dataclass
class RefreshOutcome:
    """What a refresh of ``total`` feeds did: one result per feed refreshed (in the
    order asked), and whether it was cancelled before the end."""

    total: int = 0
    results: list[RefreshResult] = field(default_factory=list)
    cancelled: bool = False
    failure: str = ""  # the library could not be opened: nothing was refreshed

    @property
    def new(self) -> int:
        return sum(len(r.new) for r in self.results)

    @property
    def failed(self) -> list[RefreshResult]:
        from reader.feeds.refresh import Outcome

        return [r for r in self.results if r.outcome is Outcome.FAILED]


class RefreshSignals(QObject):
    progress = Signal(int, int, int)  # feeds done, feeds in all, new articles so far
    finished = Signal(object)  # RefreshOutcome


class RefreshJob(QRunnable):
    """Refresh the feeds ``feed_ids`` of the library at ``db_path`` (several at once,
    a few per site: :func:`reader.feeds.batch.refresh_feeds`), then ``success(outcome)``
    on the GUI thread. Cancel stops between feeds and entries and interrupts a
    download at once; what was stored stays."""

    def __init__(
        self,
        db_path: Path,
        feed_ids: list[int],
        success: Callable[[RefreshOutcome], None] | None = None,
    ) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.db_path = db_path
        self.feed_ids = feed_ids
        self.signals = RefreshSignals()
        if success is not None:
            self.signals.finished.connect(success)
        self._cancel = threading.Event()
        self._new = 0
        self._done = 0
        self._lock = threading.Lock()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def _one_done(self, result: RefreshResult) -> None:
        with self._lock:  # called from the batch's worker threads
            self._done += 1
            self._new += len(result.new)
            done, new = self._done, self._new
        self.signals.progress.emit(done, len(self.feed_ids), new)

    def run(self) -> None:
        from reader.feeds.batch import refresh_feeds

        out = RefreshOutcome(total=len(self.feed_ids))
        self.signals.progress.emit(0, out.total, 0)
        try:
            out.results = refresh_feeds(
                self.db_path,
                self.feed_ids,
                on_progress=lambda _done, _total, result: self._one_done(result),
                should_cancel=self._cancel.is_set,
            )
        except InputError as exc:
            out.failure = exc.reason if exc.reason != "cancelled" else ""
        except write_errors() as exc:
            out.failure = f"the library could not be written: {write_reason(exc)}"
        except Exception:  # a bug of ours must end the job with a message, not silently
            out.failure = BUG_REASON
        out.cancelled = self.cancelled
        self.signals.finished.emit(out)


@dataclass
class Subscribed:
    """What subscribing found: the feed (new or already followed), or why not."""

    source: str
    feed: FeedRow | None = None
    created: bool = False
    reason: str = ""


class SubscribeSignals(QObject):
    finished = Signal(object)  # Subscribed


class SubscribeJob(QRunnable):
    """Find the feed of ``url`` (a feed, or a page that names one) and subscribe to it
    in ``folder``; then ``success(subscribed)`` on the GUI thread."""

    def __init__(
        self,
        db_path: Path,
        url: str,
        folder: str = "",
        success: Callable[[Subscribed], None] | None = None,
    ) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.db_path = db_path
        self.url = url
        self.folder = folder
        self.signals = SubscribeSignals()
        if success is not None:
            self.signals.finished.connect(success)
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def run(self) -> None:
        from reader.feeds.discover import discover
        from reader.store import Library

        out = Subscribed(self.url)
        try:
            url, feed = discover(self.url, should_cancel=self._cancel.is_set)
            with Library(self.db_path) as lib:
                out.feed, out.created = lib.add_feed(url, feed.title, self.folder)
        except InputError as exc:
            out.reason = exc.reason
        except write_errors() as exc:
            out.reason = f"could not be saved: {write_reason(exc)}"
        except Exception:
            out.reason = BUG_REASON
        self.signals.finished.emit(out)
