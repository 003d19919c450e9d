"""Refresh a subscription: one conditional GET through :func:`reader.ingest.fetch.fetch_url`
(its deadline and size cap), and every entry not seen before imported as an article.

What the server says is kept on the feed row: 304 is nothing to do; a permanent
redirect (301, 308) moves the stored address; 410 stops fetching, with the reason;
429/503 with Retry-After sets when the feed may be asked again. A failure keeps the
feed's articles and records its last error. An entry is known by its id, its link and
a hash of its text (``id:``, ``link:``, ``hash:`` keys), all remembered, so it is
imported once even if it changes its id, and never again once the user deletes it.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from enum import StrEnum

from reader.errors import InputError
from reader.feeds.discover import FEED_ACCEPT, FEED_TYPES
from reader.feeds.parse import Entry, parse_feed
from reader.ingest.fetch import fetch_url
from reader.ingest.load import MAX_BYTES
from reader.store import FeedRow, Library

#: An entry whose summary has fewer words than this is a teaser: the article is
#: fetched from its link, cleaned as a URL import is.
FULL_TEXT_WORDS = 150
#: Statuses the refresher handles itself rather than as a failure.
_HANDLED = (304, 410, 429, 503)


class Outcome(StrEnum):
    """What one refresh of one feed came to."""

    UPDATED = "updated"  # fetched and parsed (perhaps with no new entries)
    UNCHANGED = "unchanged"  # 304: nothing new
    GONE = "gone"  # 410, now or before: not fetched
    LATER = "later"  # 429/503 or a Retry-After still running: not fetched now
    FAILED = "failed"  # the fetch or the parse failed; last_error says why


@dataclass
class RefreshResult:
    feed_id: int
    outcome: Outcome
    new: list[int] = field(default_factory=list)  # ids of the articles imported
    errors: list[str] = field(default_factory=list)  # one line per entry that failed
    message: str = ""  # the feed-level reason (failure, gone, later)
    moved_to: str | None = None


def _iso(when: datetime) -> str:
    return when.astimezone(UTC).isoformat(timespec="seconds")


def retry_after(value: str | None, now: datetime) -> datetime | None:
    """When a Retry-After header (seconds, or an HTTP date) allows the next request."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return now + timedelta(seconds=int(value))
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def entry_keys(entry: Entry) -> list[str]:
    """Every key the entry is known by."""
    keys = [f"id:{entry.id}"] if entry.id else []
    if entry.link:
        keys.append(f"link:{entry.link}")
    return [*keys, f"hash:{entry.content_hash}"]


def refresh_feed(
    lib: Library,
    feed: FeedRow,
    now: datetime | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> RefreshResult:
    """Fetch ``feed`` once and import its new entries; the feed row records the result."""
    now = now or datetime.now(UTC)
    result = RefreshResult(feed.id, Outcome.UPDATED)
    if feed.gone:
        result.outcome, result.message = Outcome.GONE, feed.last_error or "the feed was removed"
        return result
    if feed.next_fetch_after and datetime.fromisoformat(feed.next_fetch_after) > now:
        result.outcome = Outcome.LATER
        result.message = f"the server asked to wait until {feed.next_fetch_after}"
        return result
    headers = {"Accept": FEED_ACCEPT}
    if feed.etag:
        headers["If-None-Match"] = feed.etag
    if feed.last_modified:
        headers["If-Modified-Since"] = feed.last_modified
    try:
        dl = fetch_url(
            feed.url,
            max_bytes=MAX_BYTES,
            should_cancel=should_cancel,
            headers=headers,
            accept=FEED_TYPES,
            statuses=_HANDLED,
        )
    except InputError as exc:
        lib.update_feed(feed.id, last_error=exc.reason)
        result.outcome, result.message = Outcome.FAILED, exc.reason
        return result
    url = feed.url
    if dl.moved_to and dl.moved_to != feed.url:
        other = [f for f in lib.feeds() if f.url == dl.moved_to and f.id != feed.id]
        if not other:  # the new address is not another subscription already
            lib.update_feed(feed.id, url=dl.moved_to)
            url = result.moved_to = dl.moved_to
    if dl.status == 304:
        lib.update_feed(feed.id, last_ok_at=_iso(now), last_error=None)
        result.outcome = Outcome.UNCHANGED
        return result
    if dl.status == 410:
        why = "the server answered 410: the feed was removed; it is no longer fetched"
        lib.update_feed(feed.id, gone=1, last_error=why)
        result.outcome, result.message = Outcome.GONE, why
        return result
    if dl.status in (429, 503):
        until = retry_after(dl.headers.get("retry-after"), now)
        why = (
            "the server answered 429: too many requests"
            if dl.status == 429
            else "the server answered 503: the site is unavailable"
        )
        if until is not None:
            why += f"; not asked again before {_iso(until)}"
        lib.update_feed(
            feed.id,
            last_error=why,
            next_fetch_after=_iso(until) if until is not None else None,
        )
        result.outcome, result.message = Outcome.LATER, why
        return result
    try:
        parsed = parse_feed(dl.body, url, dl.content_type)
    except InputError as exc:
        lib.update_feed(feed.id, last_error=exc.reason)
        result.outcome, result.message = Outcome.FAILED, exc.reason
        return result
    for entry in parsed.entries:
        keys = entry_keys(entry)
        if lib.seen_entry_keys(feed.id, keys):
            lib.record_entry(feed.id, keys, None)  # learn its new keys (a changed id)
            continue
        try:
            article_id = import_entry(lib, entry, url, should_cancel)
        except InputError as exc:
            if exc.reason == "cancelled":
                raise
            result.errors.append(f"{entry.link or entry.title or url}: {exc.reason}")
            continue  # not recorded: tried again at the next refresh
        lib.record_entry(feed.id, keys, article_id)
        result.new.append(article_id)
    lib.update_feed(
        feed.id,
        etag=dl.headers.get("etag"),
        last_modified=dl.headers.get("last-modified"),
        last_ok_at=_iso(now),
        last_error=None,
        next_fetch_after=None,
        **({"title": parsed.title} if parsed.title and not feed.title else {}),
    )
    return result


def _entry_page(entry: Entry) -> str:
    """The entry's own text as an HTML page, for the cleaner to read as an article."""
    title = html.escape(entry.title)
    meta = (
        f'<meta property="article:published_time" content="{html.escape(entry.published)}">'
        if entry.published
        else ""
    )
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title>{meta}</head>"
        f"<body><article><h1>{title}</h1>{entry.summary}</article></body></html>"
    )


def import_entry(
    lib: Library,
    entry: Entry,
    feed_url: str,
    should_cancel: Callable[[], bool] | None = None,
) -> int:
    """Import one entry as an article and return its id: the linked page (a URL
    import) when the entry carries only a teaser, else the entry's own text, cleaned
    as an HTML page is. An article already in the library is that article."""
    from reader.ingest import from_bytes
    from reader.library_ops import import_source
    from reader.pipeline import extract_raw

    words = len(html.unescape(_strip_tags(entry.summary)).split())
    if entry.link and words < FULL_TEXT_WORDS:
        try:
            return import_source(lib, entry.link, should_cancel).article_id
        except InputError as exc:
            if exc.reason == "cancelled" or words == 0:
                raise
            # the page cannot be had: the feed's own text is better than nothing
    if not entry.summary.strip():
        raise InputError(entry.link or feed_url, "the entry has no text and no link")
    label = entry.link or feed_url
    raw = from_bytes(_entry_page(entry).encode(), label, "entry.html", "text/html", label)
    return lib.add(raw, extract_raw(raw)).article_id


def _strip_tags(markup: str) -> str:
    import re

    return re.sub(r"<[^>]*>", " ", markup)
