"""When a feed is due (the parallel refresher's version replaces this)."""

from __future__ import annotations

from datetime import datetime, timedelta

from reader.store import FeedRow

DEFAULT_INTERVAL_MIN = 30


def due_feeds(
    feeds: list[FeedRow], now: datetime, default_interval_min: int = DEFAULT_INTERVAL_MIN
) -> list[FeedRow]:
    """The feeds to fetch now: not gone, not asked to wait, and whose interval since
    the last attempt has run out (an interval of 0: only on demand)."""
    out = []
    for f in feeds:
        interval = f.interval_min if f.interval_min is not None else default_interval_min
        if f.gone or interval <= 0:
            continue
        waits = [w for w in (f.next_fetch_after, f.fresh_until) if w]
        if any(datetime.fromisoformat(w) > now for w in waits):
            continue
        last = f.last_tried_at or f.last_ok_at
        if last is None or datetime.fromisoformat(last) + timedelta(minutes=interval) <= now:
            out.append(f)
    return out
