"""Refresh several feeds: one after another on one connection (the parallel version
with a per-host limit replaces this)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from reader.feeds.refresh import RefreshResult, refresh_feed
from reader.store import Library


def refresh_feeds(
    db_path: Path,
    feed_ids: Sequence[int],
    *,
    workers: int = 4,
    per_host: int = 2,
    on_progress: Callable[[int, int, RefreshResult], None] | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> list[RefreshResult]:
    """Refresh ``feed_ids`` in order; ``on_progress(done, total, result)`` after each."""
    out: list[RefreshResult] = []
    with Library(db_path) as lib:
        for fid in feed_ids:
            if should_cancel is not None and should_cancel():
                break
            row = lib.feed(fid)
            if row is None:
                continue
            result = refresh_feed(lib, row, should_cancel=should_cancel)
            out.append(result)
            if on_progress is not None:
                on_progress(len(out), len(feed_ids), result)
    return out
