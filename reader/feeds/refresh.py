"""Refresh a subscription: one conditional GET through :func:`reader.ingest.fetch.fetch_url`
(its deadline and size cap), and every entry not seen before imported as an article.

What the server says is kept on the feed row: 304 is nothing to do; a permanent
redirect (301, 308) moves the stored address; 410 stops fetching, with the reason;
429/503 with Retry-After sets when the feed may be asked again; ``Cache-Control:
max-age`` sets until when the copy we have is fresh (capped at a day; ``no-cache``
and ``no-store`` mean not at all). Neither wish is overridden by a refresh the user
asks for; ``force`` (``feeds refresh --force``) skips max-age only, never Retry-After.
A server that sends no validators (ETag, Last-Modified) but the same bytes as last
time is answered "unchanged" from a hash of the body, without parsing it again.

A failure keeps the feed's articles and records its last error; every request sent
records ``last_tried_at`` (what the schedule counts its interval from). An entry is
known by its id, its link and a hash of its text (``id:``, ``link:``, ``hash:`` keys),
all remembered, so it is imported once even if it changes its id, and never again once
the user deletes it. A cancelled refresh keeps every article it imported.
"""

from __future__ import annotations

import hashlib
import html
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from enum import StrEnum
from typing import Any

from reader.errors import InputError
from reader.feeds.discover import FEED_ACCEPT, FEED_TYPES
from reader.feeds.parse import Entry, parse_feed
from reader.feeds.schedule import parse_time
from reader.ingest.fetch import fetch_url
from reader.ingest.load import MAX_BYTES
from reader.store import FeedRow, ImportResult, Library

#: An entry whose summary has fewer words than this is a teaser: the article is
#: fetched from its link, cleaned as a URL import is.
FULL_TEXT_WORDS = 150
#: Statuses the refresher handles itself rather than as a failure.
_HANDLED = (304, 410, 429, 503)
#: The longest a server's max-age is believed: a feed is asked at least daily.
MAX_FRESH_S = 24 * 3600
CANCELLED = "cancelled"

#: What holds a request to a host back until the batch's per-host limit allows it: a
#: context manager per URL (see :mod:`reader.feeds.batch`); None: no limit.
Gate = Callable[[str], AbstractContextManager[Any]]


class Outcome(StrEnum):
    """What one refresh of one feed came to."""

    UPDATED = "updated"  # fetched and parsed (perhaps with no new entries)
    UNCHANGED = "unchanged"  # 304, or the same bytes as last time: nothing parsed
    GONE = "gone"  # 410, now or before: not fetched
    LATER = "later"  # Retry-After or max-age still running, or 429/503: not fetched now
    FAILED = "failed"  # the fetch or the parse failed; last_error says why
    CANCELLED = "cancelled"  # stopped by the user; what it imported stays


@dataclass
class RefreshResult:
    feed_id: int
    outcome: Outcome
    new: list[int] = field(default_factory=list)  # ids of the articles imported
    errors: list[str] = field(default_factory=list)  # one line per entry that failed
    message: str = ""  # the feed-level reason (failure, gone, later, cancelled)
    moved_to: str | None = None
    until: str | None = None  # LATER: the ISO time before which the feed is not asked


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


def fresh_until(headers: dict[str, str] | Any, now: datetime) -> datetime | None:
    """Until when an answer's ``Cache-Control: max-age`` (less its ``Age``) says it is
    fresh, capped at :data:`MAX_FRESH_S`; None for no-cache, no-store, no max-age."""
    directives: dict[str, str] = {}
    for part in str(headers.get("cache-control") or "").split(","):
        name, _, value = part.strip().partition("=")
        directives[name.strip().lower()] = value.strip().strip('"')
    if "no-cache" in directives or "no-store" in directives:
        return None
    max_age = directives.get("max-age", "")
    if not max_age.isdigit():
        return None
    age = str(headers.get("age") or "0").strip()
    left = min(int(max_age) - (int(age) if age.isdigit() else 0), MAX_FRESH_S)
    return now + timedelta(seconds=left) if left > 0 else None


def entry_keys(entry: Entry) -> list[str]:
    """Every key the entry is known by."""
    keys = [f"id:{entry.id}"] if entry.id else []
    if entry.link:
        keys.append(f"link:{entry.link}")
    return [*keys, f"hash:{entry.content_hash}"]


def _waits(feed: FeedRow, now: datetime, force: bool) -> RefreshResult | None:
    """LATER when the server's Retry-After, or (unless ``force``) its max-age, still
    runs: then no request is sent."""
    wait = parse_time(feed.next_fetch_after)
    if wait is not None and wait > now:
        return RefreshResult(
            feed.id,
            Outcome.LATER,
            message=f"the server asked to wait until {feed.next_fetch_after} (Retry-After)",
            until=feed.next_fetch_after,
        )
    fresh = parse_time(feed.fresh_until)
    if not force and fresh is not None and fresh > now:
        return RefreshResult(
            feed.id,
            Outcome.LATER,
            message=f"the server said the feed stays unchanged until {feed.fresh_until}"
            " (Cache-Control max-age); not asked before then",
            until=feed.fresh_until,
        )
    return None


def refresh_feed(
    lib: Library,
    feed: FeedRow,
    now: datetime | None = None,
    should_cancel: Callable[[], bool] | None = None,
    *,
    force: bool = False,
    gate: Gate | None = None,
) -> RefreshResult:
    """Fetch ``feed`` once and import its new entries; the feed row records the result.

    A refresh the user asks for still waits for the server's Retry-After and max-age
    (LATER, with until when and why); ``force`` skips max-age only. ``should_cancel``
    is polled during each download and between entries: a cancelled refresh is
    CANCELLED, keeps what it imported, records no error and no validators (the next
    refresh reads the feed again and skips what it has). ``gate`` holds each request
    (the feed's, a teaser's page) to the batch's per-host limit."""
    now = now or datetime.now(UTC)
    result = RefreshResult(feed.id, Outcome.UPDATED)
    if feed.gone:
        result.outcome, result.message = Outcome.GONE, feed.last_error or "the feed was removed"
        return result
    later = _waits(feed, now, force)
    if later is not None:
        return later
    headers = {"Accept": FEED_ACCEPT}
    if feed.etag:
        headers["If-None-Match"] = feed.etag
    if feed.last_modified:
        headers["If-Modified-Since"] = feed.last_modified
    lib.update_feed(feed.id, last_tried_at=_iso(now))
    try:
        with gate(feed.url) if gate is not None else nullcontext():
            dl = fetch_url(
                feed.url,
                max_bytes=MAX_BYTES,
                should_cancel=should_cancel,
                headers=headers,
                accept=FEED_TYPES,
                statuses=_HANDLED,
            )
    except InputError as exc:
        if exc.reason == CANCELLED:
            result.outcome, result.message = Outcome.CANCELLED, CANCELLED
            return result
        lib.update_feed(feed.id, last_error=exc.reason)
        result.outcome, result.message = Outcome.FAILED, exc.reason
        return result
    url = feed.url
    if dl.moved_to and dl.moved_to != feed.url:
        other = [f for f in lib.feeds() if f.url == dl.moved_to and f.id != feed.id]
        if not other:  # the new address is not another subscription already
            lib.update_feed(feed.id, url=dl.moved_to)
            url = result.moved_to = dl.moved_to
    fresh = fresh_until(dl.headers, now)
    ok = {
        "last_ok_at": _iso(now),
        "last_error": None,
        "next_fetch_after": None,
        "fresh_until": _iso(fresh) if fresh is not None else None,
    }
    if dl.status == 304:
        lib.update_feed(
            feed.id, **ok, **({"etag": dl.headers["etag"]} if "etag" in dl.headers else {})
        )
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
            result.until = _iso(until)
        lib.update_feed(
            feed.id,
            last_error=why,
            next_fetch_after=_iso(until) if until is not None else None,
        )
        result.outcome, result.message = Outcome.LATER, why
        return result
    ok["etag"] = dl.headers.get("etag")
    ok["last_modified"] = dl.headers.get("last-modified")
    body_hash = hashlib.sha256(dl.body).hexdigest()
    if body_hash == feed.body_hash:  # the same bytes: nothing new, nothing to parse
        lib.update_feed(feed.id, **ok)
        result.outcome = Outcome.UNCHANGED
        return result
    try:
        parsed = parse_feed(dl.body, url, dl.content_type)
    except InputError as exc:
        lib.update_feed(feed.id, last_error=exc.reason)
        result.outcome, result.message = Outcome.FAILED, exc.reason
        return result
    for entry in parsed.entries:
        if should_cancel is not None and should_cancel():
            result.outcome, result.message = Outcome.CANCELLED, CANCELLED
            return result
        keys = entry_keys(entry)
        if lib.seen_entry_keys(feed.id, keys):
            lib.record_entry(feed.id, keys, None)  # learn its new keys (a changed id)
            continue
        try:
            imported = import_entry(
                lib, entry, url, should_cancel, gate, feed.title or parsed.title or None
            )
        except InputError as exc:
            if exc.reason == CANCELLED:
                result.outcome, result.message = Outcome.CANCELLED, CANCELLED
                return result
            result.errors.append(f"{entry.link or entry.title or url}: {exc.reason}")
            continue  # not recorded: tried again at the next refresh
        lib.record_entry(feed.id, keys, imported.article_id)
        if imported.created:  # an article already in the library is not news
            result.new.append(imported.article_id)
    lib.update_feed(
        feed.id,
        **ok,
        # an entry that failed is tried again: the same bytes must be parsed again then
        body_hash=None if result.errors else body_hash,
        **({"title": parsed.title} if parsed.title and not feed.title else {}),
    )
    return result


def _entry_page(entry: Entry, site: str | None = None) -> str:
    """The entry's own text as an HTML page, for the cleaner to read as an article:
    its date, and the feed's title as the site's name (else the publisher would be
    guessed from the address's host)."""
    title = html.escape(entry.title)
    meta = (
        f'<meta property="article:published_time" content="{html.escape(entry.published)}">'
        if entry.published
        else ""
    )
    if site:
        meta += f'<meta property="og:site_name" content="{html.escape(site)}">'
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title>{meta}</head>"
        f"<body><article><h1>{title}</h1>{entry.summary}</article></body></html>"
    )


def import_entry(
    lib: Library,
    entry: Entry,
    feed_url: str,
    should_cancel: Callable[[], bool] | None = None,
    gate: Gate | None = None,
    site: str | None = None,
) -> ImportResult:
    """Import one entry as an article: the linked page (a URL import, keeping the
    entry's date when the page has none) when the entry carries only a teaser, else
    the entry's own text, cleaned as an HTML page is, under the feed's title
    (``site``). An article already in the library is that article (``created`` False)."""
    from reader.ingest import from_bytes
    from reader.library_ops import add_and_link, import_source
    from reader.pipeline import extract_raw

    words = len(html.unescape(_strip_tags(entry.summary)).split())
    if entry.link and words < FULL_TEXT_WORDS:
        try:
            with gate(entry.link) if gate is not None else nullcontext():
                return import_source(lib, entry.link, should_cancel, entry.published)
        except InputError as exc:
            if exc.reason == CANCELLED or words == 0:
                raise
            # the page cannot be had: the feed's own text is better than nothing
    if not entry.summary.strip():
        raise InputError(entry.link or feed_url, "the entry has no text and no link")
    label = entry.link or feed_url
    raw = from_bytes(_entry_page(entry, site).encode(), label, "entry.html", "text/html", label)
    return add_and_link(lib, raw, extract_raw(raw))


def _strip_tags(markup: str) -> str:
    import re

    return re.sub(r"<[^>]*>", " ", markup)
