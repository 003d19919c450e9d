"""Find the feed of a page: the page itself when it is one, else the feeds its
``<link rel="alternate">`` names, else the usual paths (/feed, /rss, /atom.xml,
/feed.xml, /index.xml) on its site."""

from __future__ import annotations

from collections.abc import Callable
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from reader.errors import InputError
from reader.feeds.parse import Feed, parse_feed
from reader.ingest.fetch import fetch_url
from reader.ingest.load import MAX_BYTES

#: Content types a feed comes with (servers use many), and the page types discovery reads.
FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/feed+json",
    "application/json",
    "application/xml",
    "text/xml",
    "text/html",
    "application/xhtml+xml",
    "text/plain",
)
FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json,"
    " application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.5, */*;q=0.1"
)
_LINK_TYPES = ("application/rss+xml", "application/atom+xml", "application/feed+json")
USUAL_PATHS = ("/feed", "/rss", "/atom.xml", "/feed.xml", "/index.xml")


class _Links(HTMLParser):
    """The hrefs of ``<link rel="alternate">`` elements with a feed type."""

    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "link":
            return
        a = {k: (v or "") for k, v in attrs}
        rels = a.get("rel", "").lower().split()
        kind = a.get("type", "").lower().split(";")[0].strip()
        if "alternate" in rels and kind in _LINK_TYPES and a.get("href"):
            self.hrefs.append(a["href"].strip())


def feed_links(html: str, base: str) -> list[str]:
    """The feed addresses a page names, absolute, in page order, without repeats."""
    parser = _Links()
    parser.feed(html)
    return list(dict.fromkeys(urljoin(base, h) for h in parser.hrefs))


def _get(url: str, should_cancel: Callable[[], bool] | None) -> tuple[bytes, str, str]:
    dl = fetch_url(
        url,
        max_bytes=MAX_BYTES,
        should_cancel=should_cancel,
        headers={"Accept": FEED_ACCEPT},
        accept=FEED_TYPES,
    )
    return dl.body, dl.content_type, dl.url


def discover(url: str, should_cancel: Callable[[], bool] | None = None) -> tuple[str, Feed]:
    """The feed address for ``url`` and the feed found there.

    InputError (one line) when ``url`` cannot be fetched (404, no network, ...), or
    neither it nor anything it names nor the usual paths is a feed.
    """
    body, ctype, final = _get(url, should_cancel)
    try:
        return final, parse_feed(body, final, ctype)
    except InputError as first:
        looks_html = "html" in ctype.lower() or b"<html" in body[:2048].lower()
        if not looks_html:
            raise first from None  # a broken feed, not a page: say what is wrong with it
    parts = urlsplit(final)
    site = f"{parts.scheme}://{parts.netloc}"
    candidates = feed_links(body.decode("utf-8", "replace"), final)
    candidates += [site + p for p in USUAL_PATHS if site + p not in candidates]
    for candidate in candidates:
        try:
            body, ctype, got = _get(candidate, should_cancel)
            return got, parse_feed(body, got, ctype)
        except InputError as exc:
            if exc.reason == "cancelled":
                raise
            continue
    raise InputError(
        url,
        'is not a feed, and the page names none (no <link rel="alternate"> to a feed,'
        " nothing at /feed, /rss, /atom.xml, /feed.xml or /index.xml)",
    )
