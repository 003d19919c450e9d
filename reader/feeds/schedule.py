"""When each subscription is next due, Qt-free: the window's timer and ``feeds refresh
--due`` (cron) ask the same functions.

A feed is due when it is not gone (410), the server's wishes have run out (Retry-After:
``next_fetch_after``; Cache-Control max-age: ``fresh_until``), and its interval (its own
``interval_min``, else the app's default) has passed since it was last tried (else
since it last worked: a feed refreshed before tries were recorded). A feed never tried
is due at once. An interval of 0 means "only when you refresh": never due by schedule.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from reader.store import FeedRow

#: Minutes between two scheduled refreshes of a feed without an interval of its own.
DEFAULT_INTERVAL_MIN = 30


def parse_time(value: str | None) -> datetime | None:
    """A stored ISO time as an aware datetime (UTC when it has no zone); None when
    absent or unreadable (an unreadable time does not hold a feed back)."""
    if not value:
        return None
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def interval_of(feed: FeedRow, default_interval_min: int = DEFAULT_INTERVAL_MIN) -> int:
    """The feed's interval in minutes: its own, else the default (0: on demand only)."""
    own = feed.interval_min
    return max(0, own if own is not None else default_interval_min)


def due_at(feed: FeedRow, default_interval_min: int = DEFAULT_INTERVAL_MIN) -> datetime | None:
    """When ``feed`` is next due: the latest of the end of its interval since it was
    last tried, the server's Retry-After and its max-age. None for a feed the schedule
    never fetches (gone, or an interval of 0); ``datetime.min`` (UTC) for one never
    tried and held by nothing."""
    if feed.gone or interval_of(feed, default_interval_min) == 0:
        return None
    times = [datetime.min.replace(tzinfo=UTC)]
    tried = parse_time(feed.last_tried_at) or parse_time(feed.last_ok_at)
    if tried is not None:
        times.append(tried + timedelta(minutes=interval_of(feed, default_interval_min)))
    times += [t for t in (parse_time(feed.next_fetch_after), parse_time(feed.fresh_until)) if t]
    return max(times)


def due_feeds(
    feeds: Iterable[FeedRow],
    now: datetime,
    default_interval_min: int = DEFAULT_INTERVAL_MIN,
) -> list[FeedRow]:
    """The feeds a scheduled refresh fetches at ``now``, in the order given."""
    out = []
    for feed in feeds:
        when = due_at(feed, default_interval_min)
        if when is not None and when <= now:
            out.append(feed)
    return out


def next_due(
    feeds: Iterable[FeedRow],
    now: datetime,
    default_interval_min: int = DEFAULT_INTERVAL_MIN,
) -> datetime | None:
    """When the scheduler should next wake: ``now`` if a feed is due already, else the
    earliest time one becomes due; None when none ever will be (none, all gone or on
    demand only)."""
    times = [t for f in feeds if (t := due_at(f, default_interval_min)) is not None]
    if not times:
        return None
    return max(now, min(times))
