"""When a feed is due: its interval (its own or the default) since it was last tried,
held back by the server's Retry-After and max-age; gone feeds never; the scheduler's
next wake-up."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from reader.feeds.schedule import DEFAULT_INTERVAL_MIN, due_at, due_feeds, next_due
from reader.store import FeedRow

NOW = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)


def at(minutes: float) -> str:
    """An ISO time ``minutes`` after NOW (negative: before), as the store keeps it."""
    return (NOW + timedelta(minutes=minutes)).isoformat(timespec="seconds")


def feed(fid: int, **values: object) -> FeedRow:
    return FeedRow(id=fid, url=f"http://a.test/{fid}", title=None, folder="", **values)  # type: ignore[arg-type]


def test_never_tried_is_due_and_gone_never_is() -> None:
    new, gone = feed(1), feed(2, gone=1)
    assert due_feeds([new, gone], NOW) == [new]
    assert due_at(gone) is None
    assert next_due([gone], NOW) is None and next_due([], NOW) is None
    assert next_due([new, gone], NOW) == NOW


def test_default_interval_counts_from_the_last_try() -> None:
    assert DEFAULT_INTERVAL_MIN == 30
    recent, old = feed(1, last_tried_at=at(-10)), feed(2, last_tried_at=at(-31))
    assert due_feeds([recent, old], NOW) == [old]
    assert due_feeds([recent], NOW, default_interval_min=5) == [recent]
    assert next_due([recent], NOW) == NOW + timedelta(minutes=20)


def test_per_feed_interval_overrides_the_default() -> None:
    hourly = feed(1, last_tried_at=at(-45), interval_min=60)
    quick = feed(2, last_tried_at=at(-10), interval_min=5)
    assert due_feeds([hourly, quick], NOW) == [quick]
    assert next_due([hourly], NOW) == NOW + timedelta(minutes=15)
    assert due_feeds([hourly], NOW, default_interval_min=1) == []  # its own interval wins


def test_retry_after_and_max_age_hold_a_feed_past_its_interval() -> None:
    waiting = feed(1, last_tried_at=at(-60), next_fetch_after=at(7))
    fresh = feed(2, last_tried_at=at(-60), fresh_until=at(3))
    assert due_feeds([waiting, fresh], NOW) == []
    assert next_due([waiting, fresh], NOW) == NOW + timedelta(minutes=3)
    assert due_feeds([waiting, fresh], NOW + timedelta(minutes=8)) == [waiting, fresh]
    # a server wish that has run out holds nothing; the interval decides
    stale = feed(3, last_tried_at=at(-10), fresh_until=at(-5), next_fetch_after=at(-6))
    assert due_at(stale) == NOW + timedelta(minutes=20)


def test_an_unreadable_time_does_not_hold_a_feed_back() -> None:
    assert due_feeds([feed(1, last_tried_at="yesterday", fresh_until="soon")], NOW)


def test_interval_zero_is_on_demand_only() -> None:
    manual = feed(1, interval_min=0)
    assert due_feeds([manual], NOW) == [] and next_due([manual], NOW) is None
    plain = feed(2, last_tried_at=at(-60))
    assert due_feeds([plain], NOW, default_interval_min=0) == []  # the default is "never"
    own = feed(3, last_tried_at=at(-60), interval_min=15)
    assert due_feeds([plain, own], NOW, default_interval_min=0) == [own]


def test_last_worked_counts_when_no_try_was_recorded() -> None:
    old = feed(1, last_ok_at=at(-10))  # refreshed before tries were recorded
    assert due_feeds([old], NOW) == [] and due_at(old) == NOW + timedelta(minutes=20)
