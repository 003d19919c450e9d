"""A feed's bytes into its title and entries (id, link, title, published, summary).

feedparser does the parsing; a "bozo" feed (malformed XML) with no entries becomes
one :class:`InputError` line in the reader's words, never a traceback. JSON Feed
(https://jsonfeed.org/version/1.1) is read from its documented keys.
"""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

import feedparser

from reader.errors import InputError


@dataclass(frozen=True)
class Entry:
    """One item of a feed, as the feed gives it."""

    id: str
    link: str
    title: str
    published: str  # ISO 8601 (UTC) or ""
    summary: str  # the longest text the feed carries (content, else summary)

    @property
    def key(self) -> str:
        """What identifies the entry within its feed: its id, else its link, else a
        hash of its title and text."""
        return self.id or self.link or "sha256:" + self.content_hash

    @property
    def content_hash(self) -> str:
        """A hash of the title and text: a re-published entry under a new id is known."""
        text = f"{self.title}\n{self.summary}".strip().lower()
        return hashlib.sha256(" ".join(text.split()).encode()).hexdigest()


@dataclass(frozen=True)
class Feed:
    """A parsed feed: its title, its site link, its entries."""

    title: str
    link: str
    entries: list[Entry]


def _iso(parsed: time.struct_time | None) -> str:
    if not parsed:
        return ""
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", parsed)


def _is_json(body: bytes, content_type: str) -> bool:
    return "json" in content_type.lower() or body.lstrip()[:1] == b"{"


def parse_feed(body: bytes, url: str, content_type: str = "") -> Feed:
    """Parse ``body`` fetched from ``url``; InputError when it is not a feed."""
    if _is_json(body, content_type):
        return _parse_json_feed(body, url)
    parsed = feedparser.parse(body)
    version = parsed.get("version", "")
    if parsed.get("bozo") and not parsed.entries:
        exc = parsed.get("bozo_exception")
        detail = getattr(exc, "getMessage", lambda: str(exc))() if exc else "unreadable"
        raise InputError(url, f"is not a readable feed: malformed XML ({detail})")
    if not version and not parsed.entries:
        raise InputError(url, "is not a feed (no RSS, Atom or JSON Feed found there)")
    entries = [_entry(e, url) for e in parsed.entries]
    feed = parsed.feed
    return Feed(str(feed.get("title", "")).strip(), str(feed.get("link", "")), entries)


def _entry(e: Any, base: str) -> Entry:
    contents = [str(c.get("value", "")) for c in e.get("content", [])]
    summary = max([*contents, str(e.get("summary", ""))], key=len)
    when = e.get("published_parsed") or e.get("updated_parsed")
    link = str(e.get("link", "")).strip()
    return Entry(
        id=str(e.get("id", "")).strip(),
        link=urljoin(base, link) if link else "",
        title=str(e.get("title", "")).strip(),
        published=_iso(when),
        summary=summary,
    )


def _parse_json_feed(body: bytes, url: str) -> Feed:
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise InputError(url, f"is not a readable feed: malformed JSON ({exc})") from None
    if not isinstance(data, dict) or not str(data.get("version", "")).startswith(
        "https://jsonfeed.org/version/"
    ):
        raise InputError(url, "is not a feed (no RSS, Atom or JSON Feed found there)")
    entries = []
    for item in data.get("items") or []:
        if not isinstance(item, dict):
            continue
        texts = [str(item.get(k) or "") for k in ("content_html", "content_text", "summary")]
        entries.append(
            Entry(
                id=str(item.get("id") or "").strip(),
                link=str(item.get("url") or "").strip(),
                title=str(item.get("title") or "").strip(),
                published=_json_date(str(item.get("date_published") or "")),
                summary=max(texts, key=len),
            )
        )
    return Feed(str(data.get("title") or "").strip(), str(data.get("home_page_url") or ""), entries)


def _json_date(value: str) -> str:
    """RFC 3339 into our UTC ISO form ("" when absent or unreadable)."""
    from datetime import UTC, datetime

    if not value:
        return ""
    try:
        when = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return ""
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
