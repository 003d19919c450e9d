"""Feeds parsed through feedparser (RSS, Atom), JSON Feed by its documented keys, and
OPML import/export with folders (round trip)."""

from __future__ import annotations

import json

import pytest

from reader.errors import InputError
from reader.feeds.opml import Subscription, read_opml, write_opml
from reader.feeds.parse import parse_feed

RSS = b"""<?xml version="1.0"?>
<rss version="2.0"><channel><title>Harbour Gazette</title><link>http://example.test/</link>
<item><guid>g-1</guid><link>http://example.test/a1</link><title>Dock strike ends</title>
<pubDate>Tue, 01 Dec 2026 09:00:00 GMT</pubDate><description>Workers returned, the union said.</description></item>
<item><link>http://example.test/a2</link><title>Ferry late</title><description>Short.</description></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Valley Times</title>
<entry><id>urn:uuid:1</id><title>Bridge reopens</title><link href="http://example.test/b1"/>
<updated>2026-12-01T10:00:00Z</updated><summary>Short</summary>
<content type="html">&lt;p&gt;The bridge reopened on Monday, the council said.&lt;/p&gt;</content></entry>
</feed>"""

MALFORMED = b"<?xml version='1.0'?><rss version='2.0'><channel><title>Broken</item></rss"


def test_rss_entries() -> None:
    feed = parse_feed(RSS, "http://example.test/rss")
    assert feed.title == "Harbour Gazette"
    first, second = feed.entries
    assert (first.id, first.link, first.title) == (
        "g-1",
        "http://example.test/a1",
        "Dock strike ends",
    )
    assert first.published == "2026-12-01T09:00:00Z"
    assert "union said" in first.summary
    assert second.id == "" and second.key == "http://example.test/a2"


def test_atom_prefers_the_longer_content() -> None:
    feed = parse_feed(ATOM, "http://example.test/atom")
    (entry,) = feed.entries
    assert entry.id == "urn:uuid:1" and entry.link == "http://example.test/b1"
    assert "council said" in entry.summary
    assert entry.published == "2026-12-01T10:00:00Z"


def test_json_feed() -> None:
    body = json.dumps(
        {
            "version": "https://jsonfeed.org/version/1.1",
            "title": "Plain JSON",
            "items": [
                {
                    "id": "1",
                    "url": "http://example.test/j1",
                    "title": "T",
                    "content_text": "Body",
                    "date_published": "2026-12-01T12:00:00+01:00",
                }
            ],
        }
    ).encode()
    feed = parse_feed(body, "http://example.test/feed.json", "application/feed+json")
    assert feed.title == "Plain JSON"
    assert feed.entries[0].published == "2026-12-01T11:00:00Z"
    assert feed.entries[0].summary == "Body"


@pytest.mark.parametrize(
    ("body", "words"),
    [
        (MALFORMED, "malformed XML"),
        (b"<html><body><p>Just a page</p></body></html>", "is not a feed"),
        (b"{not json", "malformed JSON"),
        (b'{"version": "1"}', "is not a feed"),
    ],
)
def test_not_a_feed_is_one_line(body: bytes, words: str) -> None:
    with pytest.raises(InputError) as err:
        parse_feed(body, "http://example.test/x")
    assert words in str(err.value) and "\n" not in str(err.value)


def test_same_entry_same_content_hash() -> None:
    a = parse_feed(RSS, "u").entries[0]
    b = parse_feed(RSS.replace(b"g-1", b"g-renamed"), "u").entries[0]
    assert a.key != b.key and a.content_hash == b.content_hash


OPML1 = b"""<?xml version="1.0"?><opml version="1.0"><head><title>mine</title></head><body>
<outline text="News"><outline text="Gazette" type="rss" xmlUrl="http://a.test/rss"/>
  <outline text="Local"><outline text="Times" xmlUrl="http://b.test/atom"/></outline></outline>
<outline text="Loose" title="Loose feed" type="rss" xmlUrl="http://c.test/feed"/>
</body></opml>"""


def test_opml_import_with_folders() -> None:
    subs = read_opml(OPML1, "subs.opml")
    assert subs == [
        Subscription("http://a.test/rss", "Gazette", "News"),
        Subscription("http://b.test/atom", "Times", "News / Local"),
        Subscription("http://c.test/feed", "Loose feed", ""),
    ]


def test_opml_round_trip() -> None:
    subs = read_opml(OPML1, "subs.opml")
    again = read_opml(write_opml(subs), "export.opml")
    assert again == subs
    assert read_opml(write_opml(again), "twice.opml") == subs


@pytest.mark.parametrize(
    "data", [b"<opml><body>", b"<html/>", b'<!DOCTYPE x [<!ENTITY a "b">]><opml><body/></opml>']
)
def test_bad_opml_is_one_line(data: bytes) -> None:
    with pytest.raises(InputError) as err:
        read_opml(data, "bad.opml")
    assert str(err.value).startswith("bad.opml: ") and "\n" not in str(err.value)


@pytest.mark.subprocess
def test_feeds_package_is_qt_free() -> None:
    """The feeds core and its CLI commands load no Qt (the GUI imports the core, never
    the reverse)."""
    import subprocess
    import sys

    from tests.helpers import ROOT

    code = (
        "import sys, reader.feeds.discover, reader.feeds.opml, reader.feeds.parse,"
        " reader.feeds.refresh, reader.cli\n"
        "reader.cli.build_parser()\n"
        "qt = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'reader.gui'))]\n"
        "assert not qt, qt\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT, timeout=60)
