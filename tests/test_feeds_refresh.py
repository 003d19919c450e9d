"""Refreshing subscriptions against a real HTTP server on 127.0.0.1: RSS and Atom
entries become articles once; conditional GET, 304, 301, 410, 429 with Retry-After;
a malformed feed records its error; nothing already stored is lost."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from reader.errors import InputError
from reader.feeds.discover import discover
from reader.feeds.refresh import Outcome, refresh_feed
from reader.store import Library
from tests.helpers import local_server

LONG = " ".join(
    f"The harbour master said ship number {n} would dock on Tuesday, according to the port."
    for n in range(20)
)
PAGE = (
    b"<html><head><title>Ferry late</title></head><body><article><h1>Ferry late</h1>"
    + b"".join(
        f"<p>The ferry was late again on day {n}, the operator said in a statement.</p>".encode()
        for n in range(12)
    )
    + b"</article></body></html>"
)


def rss(*items: tuple[str, str, str]) -> bytes:
    """An RSS 2.0 feed with (guid, link path, description) items."""
    body = "".join(
        f"<item><guid>{g}</guid><link>{{base}}{link}</link><title>Item {g}</title>"
        f"<description>{desc}</description></item>"
        for g, link, desc in items
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Gazette</title>'
        f"{body}</channel></rss>"
    ).encode()


ATOM = (
    '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
    "<title>Valley Times</title><entry><id>urn:uuid:v1</id><title>Valley news</title>"
    '<link href="http://127.0.0.1:1/v1"/><updated>2026-12-01T10:00:00Z</updated>'
    f'<content type="text">{LONG}</content></entry></feed>'
).encode()

XML = {"Content-Type": "application/rss+xml"}


def feed_of(lib: Library, url: str) -> int:
    row, _ = lib.add_feed(url)
    return row.id


def test_rss_refresh_imports_each_entry_once_and_sends_validators(library: Library) -> None:
    seen: list[dict[str, str]] = []
    state = {"etag": '"v1"'}
    routes: dict = {}
    with local_server(routes, headers_seen=seen) as (base, requested):
        body = rss(("g1", "/a1", LONG), ("g2", "/ferry", "Short teaser.")).replace(
            b"{base}", base.encode()
        )

        def feed() -> tuple[int, dict[str, str], bytes]:
            if seen[-1].get("if-none-match") == state["etag"]:
                return 304, {"ETag": state["etag"]}, b""
            return (
                200,
                {**XML, "ETag": state["etag"], "Last-Modified": "Tue, 01 Dec 2026 09:00:00 GMT"},
                body,
            )

        routes["/rss"] = feed
        routes["/ferry"] = (200, {"Content-Type": "text/html"}, PAGE)
        fid = feed_of(library, base + "/rss")
        first = refresh_feed(library, library.feed(fid))  # type: ignore[arg-type]
        assert first.outcome == Outcome.UPDATED and len(first.new) == 2, first.errors
        teaser = library.article_text(first.new[1])
        assert teaser is not None and "operator said" in teaser  # the linked page's text
        row = library.feed(fid)
        assert row is not None and row.etag == '"v1"' and row.title == "Harbour Gazette"
        assert row.last_modified == "Tue, 01 Dec 2026 09:00:00 GMT" and row.last_ok_at
        second = refresh_feed(library, row)
        assert second.outcome == Outcome.UNCHANGED and second.new == []
        assert seen[-1]["if-none-match"] == '"v1"'
        assert seen[-1]["if-modified-since"] == "Tue, 01 Dec 2026 09:00:00 GMT"
        # a new version of the feed: the same entries again, one re-published under a new id
        state["etag"] = '"v2"'
        body = rss(("g1-new-id", "/a1", LONG), ("g2", "/ferry", "Short teaser.")).replace(
            b"{base}", base.encode()
        )
        third = refresh_feed(library, library.feed(fid))  # type: ignore[arg-type]
        assert third.outcome == Outcome.UPDATED and third.new == []
        assert library.count_articles() == 2
        assert requested.count("/ferry") == 1


def test_deleted_entry_stays_deleted(library: Library) -> None:
    body = rss(("g1", "/a1", LONG))
    with local_server({"/rss": (200, XML, body)}) as (base, _):
        fid = feed_of(library, base + "/rss")
        new = refresh_feed(library, library.feed(fid)).new  # type: ignore[arg-type]
        library.delete(new)
        again = refresh_feed(library, library.feed(fid))  # type: ignore[arg-type]
        assert again.new == [] and library.count_articles() == 0


def test_atom_entry_with_full_content_is_not_fetched(library: Library) -> None:
    with local_server({"/atom": (200, {"Content-Type": "application/atom+xml"}, ATOM)}) as (
        base,
        requested,
    ):
        fid = feed_of(library, base + "/atom")
        result = refresh_feed(library, library.feed(fid))  # type: ignore[arg-type]
        assert len(result.new) == 1 and requested == ["/atom"]
        article = library.article_text(result.new[0])
        assert article is not None and "harbour master" in article


def test_malformed_feed_records_error_and_keeps_articles(library: Library) -> None:
    state = {"body": rss(("g1", "/a1", LONG))}
    with local_server({"/rss": lambda: (200, XML, state["body"])}) as (base, _):
        fid = feed_of(library, base + "/rss")
        assert len(refresh_feed(library, library.feed(fid)).new) == 1  # type: ignore[arg-type]
        ok_at = library.feed(fid).last_ok_at  # type: ignore[union-attr]
        state["body"] = b"<?xml version='1.0'?><rss><channel><title>Broken</item></rss"
        result = refresh_feed(library, library.feed(fid))  # type: ignore[arg-type]
        assert result.outcome == Outcome.FAILED and "malformed XML" in result.message
        row = library.feed(fid)
        assert row is not None and "malformed XML" in (row.last_error or "")
        assert row.last_ok_at == ok_at and library.count_articles() == 1


def test_301_moves_the_stored_address(library: Library) -> None:
    body = rss(("g1", "/a1", LONG))
    with local_server({"/old": (301, {"Location": "/new"}, b""), "/new": (200, XML, body)}) as (
        base,
        _,
    ):
        fid = feed_of(library, base + "/old")
        result = refresh_feed(library, library.feed(fid))  # type: ignore[arg-type]
        assert result.moved_to == base + "/new" and len(result.new) == 1
        assert library.feed(fid).url == base + "/new"  # type: ignore[union-attr]


def test_302_does_not_move_the_stored_address(library: Library) -> None:
    body = rss(("g1", "/a1", LONG))
    with local_server({"/old": (302, {"Location": "/new"}, b""), "/new": (200, XML, body)}) as (
        base,
        _,
    ):
        fid = feed_of(library, base + "/old")
        refresh_feed(library, library.feed(fid))  # type: ignore[arg-type]
        assert library.feed(fid).url == base + "/old"  # type: ignore[union-attr]


def test_410_stops_fetching_and_says_why(library: Library) -> None:
    with local_server({"/rss": (410, {}, b"")}) as (base, requested):
        fid = feed_of(library, base + "/rss")
        result = refresh_feed(library, library.feed(fid))  # type: ignore[arg-type]
        assert result.outcome == Outcome.GONE and "410" in result.message
        row = library.feed(fid)
        assert row is not None and row.gone == 1 and "no longer fetched" in (row.last_error or "")
        assert refresh_feed(library, row).outcome == Outcome.GONE
        assert requested == ["/rss"]


@pytest.mark.parametrize("status", [429, 503])
def test_retry_after_sets_the_next_allowed_time(library: Library, status: int) -> None:
    now = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)
    with local_server({"/rss": (status, {"Retry-After": "120"}, b"")}) as (base, requested):
        fid = feed_of(library, base + "/rss")
        result = refresh_feed(library, library.feed(fid), now=now)  # type: ignore[arg-type]
        assert result.outcome == Outcome.LATER
        row = library.feed(fid)
        assert row is not None and row.next_fetch_after == "2026-12-02T12:02:00+00:00"
        early = refresh_feed(library, row, now=now + timedelta(seconds=60))
        assert early.outcome == Outcome.LATER and requested == ["/rss"]
        refresh_feed(library, row, now=now + timedelta(seconds=121))
        assert requested == ["/rss", "/rss"]


def test_404_is_a_failure_not_a_crash(library: Library) -> None:
    with local_server({}) as (base, _):
        fid = feed_of(library, base + "/rss")
        result = refresh_feed(library, library.feed(fid))  # type: ignore[arg-type]
        assert result.outcome == Outcome.FAILED and "404" in result.message


def test_discover_from_link_alternate_and_usual_paths() -> None:
    body = rss(("g1", "/a1", LONG))
    page = b'<html><head><link rel="alternate" type="application/atom+xml" href="/atom"></head><body>Hi</body></html>'
    routes = {
        "/": (200, {"Content-Type": "text/html"}, page),
        "/atom": (200, {"Content-Type": "application/atom+xml"}, ATOM),
        "/plain": (200, {"Content-Type": "text/html"}, b"<html><body>No links</body></html>"),
        "/index.xml": (200, XML, body),
    }
    with local_server(routes) as (base, _):
        assert discover(base + "/")[0] == base + "/atom"
        url, feed = discover(base + "/plain")
        assert url == base + "/index.xml" and feed.title == "Harbour Gazette"
        assert discover(base + "/index.xml")[0] == base + "/index.xml"
    with local_server({"/": (200, {"Content-Type": "text/html"}, b"<html>x</html>")}) as (base, _):
        with pytest.raises(InputError, match="is not a feed"):
            discover(base + "/")
        with pytest.raises(InputError, match="404"):
            discover(base + "/missing")


def test_json_feed_is_refreshed(library: Library) -> None:
    import json

    body = json.dumps(
        {
            "version": "https://jsonfeed.org/version/1.1",
            "title": "Plain JSON",
            "items": [{"id": "j1", "url": "http://127.0.0.1:1/j1", "content_text": LONG}],
        }
    ).encode()
    with local_server({"/feed.json": (200, {"Content-Type": "application/feed+json"}, body)}) as (
        base,
        _,
    ):
        fid = feed_of(library, base + "/feed.json")
        result = refresh_feed(library, library.feed(fid))  # type: ignore[arg-type]
        assert result.outcome == Outcome.UPDATED and len(result.new) == 1
        assert library.feed(fid).title == "Plain JSON"  # type: ignore[union-attr]


def test_slow_feed_fails_at_the_deadline_and_keeps_articles(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    import reader.ingest.fetch
    from tests.helpers import Slow, slow_server

    monkeypatch.setattr(reader.ingest.fetch, "DEADLINE_S", 0.5)
    with local_server({"/rss": (200, XML, rss(("g1", "/a1", LONG)))}) as (base, _):
        fid = feed_of(library, base + "/rss")
        refresh_feed(library, library.feed(fid))  # type: ignore[arg-type]
    with slow_server(Slow.BODY, every=0.1) as (url, _):
        library.update_feed(fid, url=url)
        t0 = time.monotonic()
        result = refresh_feed(library, library.feed(fid))  # type: ignore[arg-type]
        assert time.monotonic() - t0 < 1.5
    assert result.outcome == Outcome.FAILED and "longer than 0.5 s" in result.message
    row = library.feed(fid)
    assert row is not None and row.last_error == result.message and row.last_ok_at
    assert library.count_articles() == 1


# --- endless bodies, max-age, unchanged bodies without validators, cancel ---------------


def _one_good_refresh(library: Library) -> int:
    """A feed with one article stored, whose server then goes away."""
    with local_server({"/rss": (200, XML, rss(("g1", "/a1", LONG)))}) as (base, _):
        fid = feed_of(library, base + "/rss")
        assert len(refresh_feed(library, library.feed(fid)).new) == 1  # type: ignore[arg-type]
    return fid


def test_endless_body_is_cut_at_the_size_cap_and_keeps_articles(library: Library) -> None:
    from reader.ingest.load import MAX_BYTES
    from tests.helpers import endless_server

    fid = _one_good_refresh(library)
    ok_at = library.feed(fid).last_ok_at  # type: ignore[union-attr]
    with endless_server() as (url, seen):
        library.update_feed(fid, url=url)
        result = refresh_feed(library, library.feed(fid))  # type: ignore[arg-type]
        assert seen.asked.is_set()
    assert result.outcome == Outcome.FAILED and "too large" in result.message
    assert "\n" not in result.message
    assert seen.sent < 3 * MAX_BYTES  # the client hung up soon after the cap
    row = library.feed(fid)
    assert row is not None and row.last_error == result.message and row.last_ok_at == ok_at
    assert library.count_articles() == 1


def test_endless_slow_body_is_cut_at_the_deadline(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    import reader.ingest.fetch
    from tests.helpers import endless_server

    monkeypatch.setattr(reader.ingest.fetch, "DEADLINE_S", 0.5)
    fid = _one_good_refresh(library)
    with endless_server(every=0.02, chunk=b"<item>x</item>") as (url, _):
        library.update_feed(fid, url=url)
        t0 = time.monotonic()
        result = refresh_feed(library, library.feed(fid))  # type: ignore[arg-type]
        assert time.monotonic() - t0 < 1.5
    assert result.outcome == Outcome.FAILED and "longer than 0.5 s" in result.message
    assert "\n" not in result.message and library.count_articles() == 1
    row = library.feed(fid)
    assert row is not None and row.last_tried_at and row.last_ok_at


def test_fresh_until_reads_max_age_age_and_no_cache() -> None:
    from reader.feeds.refresh import fresh_until

    now = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)
    assert fresh_until({"cache-control": "public, max-age=600"}, now) == now + timedelta(minutes=10)
    assert fresh_until({"cache-control": "max-age=600", "age": "100"}, now) == now + timedelta(
        seconds=500
    )
    assert fresh_until({"cache-control": "max-age=9999999"}, now) == now + timedelta(days=1)
    for cc in ("no-cache, max-age=600", "no-store", "max-age=0", "private", "max-age=soon", ""):
        assert fresh_until({"cache-control": cc}, now) is None, cc
    assert fresh_until({}, now) is None


def test_max_age_holds_the_next_refresh_unless_forced(library: Library) -> None:
    now = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)
    body = rss(("g1", "/a1", LONG))
    with local_server({"/rss": (200, {**XML, "Cache-Control": "max-age=600"}, body)}) as (
        base,
        requested,
    ):
        fid = feed_of(library, base + "/rss")
        first = refresh_feed(library, library.feed(fid), now=now)  # type: ignore[arg-type]
        assert first.outcome == Outcome.UPDATED and len(first.new) == 1
        row = library.feed(fid)
        assert row is not None and row.fresh_until == "2026-12-02T12:10:00+00:00"
        second = refresh_feed(library, row, now=now + timedelta(minutes=5))
        assert second.outcome == Outcome.LATER and requested == ["/rss"]  # not sent
        assert "12:10:00" in second.message and "max-age" in second.message
        assert second.until == "2026-12-02T12:10:00+00:00"
        forced = refresh_feed(library, row, now=now + timedelta(minutes=5), force=True)
        assert forced.outcome == Outcome.UNCHANGED and len(requested) == 2
        later = refresh_feed(library, library.feed(fid), now=now + timedelta(minutes=16))  # type: ignore[arg-type]
        assert later.outcome == Outcome.UNCHANGED and len(requested) == 3
        assert library.feed(fid).last_tried_at == "2026-12-02T12:16:00+00:00"  # type: ignore[union-attr]


def test_force_does_not_skip_retry_after(library: Library) -> None:
    now = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)
    with local_server({"/rss": (200, XML, rss(("g1", "/a1", LONG)))}) as (base, requested):
        fid = feed_of(library, base + "/rss")
        library.update_feed(fid, next_fetch_after="2026-12-02T12:05:00+00:00")
        result = refresh_feed(library, library.feed(fid), now=now, force=True)  # type: ignore[arg-type]
        assert result.outcome == Outcome.LATER and "Retry-After" in result.message
        assert requested == [] and library.feed(fid).last_tried_at is None  # type: ignore[union-attr]


def test_same_body_without_validators_is_unchanged_and_not_parsed(library: Library) -> None:
    state = {"body": rss(("g1", "/a1", LONG))}
    with local_server({"/rss": lambda: (200, XML, state["body"])}) as (base, requested):
        fid = feed_of(library, base + "/rss")
        first = refresh_feed(library, library.feed(fid))  # type: ignore[arg-type]
        assert first.outcome == Outcome.UPDATED and len(first.new) == 1
        row = library.feed(fid)
        assert row is not None and row.etag is None and row.body_hash
        library.update_feed(fid, last_error="an old error")
        second = refresh_feed(library, library.feed(fid))  # type: ignore[arg-type]
        assert requested == ["/rss", "/rss"]  # asked: no validators to send
        assert second.outcome == Outcome.UNCHANGED and second.new == []
        assert library.count_articles() == 1 and library.feed(fid).last_error is None  # type: ignore[union-attr]
        state["body"] = rss(("g1", "/a1", LONG), ("g2", "/a2", LONG.replace("ship", "boat")))
        third = refresh_feed(library, library.feed(fid))  # type: ignore[arg-type]
        assert third.outcome == Outcome.UPDATED and len(third.new) == 1


def test_a_failed_entry_is_tried_again_from_the_same_body(library: Library) -> None:
    routes: dict = {}
    with local_server(routes) as (base, _):
        routes["/rss"] = (200, XML, rss(("g1", "/story", "")).replace(b"{base}", base.encode()))
        fid = feed_of(library, base + "/rss")
        first = refresh_feed(library, library.feed(fid))  # type: ignore[arg-type]
        assert first.new == [] and len(first.errors) == 1 and "404" in first.errors[0]
        assert library.feed(fid).body_hash is None  # type: ignore[union-attr]
        routes["/story"] = (200, {"Content-Type": "text/html"}, PAGE)
        second = refresh_feed(library, library.feed(fid))  # type: ignore[arg-type]
        assert second.outcome == Outcome.UPDATED and len(second.new) == 1


def test_cancel_between_entries_keeps_what_was_imported(library: Library) -> None:
    body = rss(*[(f"g{n}", f"/a{n}", LONG.replace("ship", f"ship {n}")) for n in range(3)])
    with local_server({"/rss": (200, {**XML, "ETag": '"e1"'}, body)}) as (base, _):
        fid = feed_of(library, base + "/rss")
        stop = lambda: library.count_articles() >= 1  # noqa: E731
        result = refresh_feed(library, library.feed(fid), should_cancel=stop)  # type: ignore[arg-type]
        assert result.outcome == Outcome.CANCELLED and len(result.new) == 1
        row = library.feed(fid)
        assert row is not None and row.last_error is None and row.etag is None
        assert row.body_hash is None and library.count_articles() == 1
        rest = refresh_feed(library, row)
        assert rest.outcome == Outcome.UPDATED and len(rest.new) == 2
        assert library.count_articles() == 3


def test_cancel_during_the_download_records_no_error(library: Library) -> None:
    from tests.helpers import endless_server

    fid = _one_good_refresh(library)
    with endless_server(every=0.02, chunk=b"<item>x</item>") as (url, seen):
        library.update_feed(fid, url=url)
        result = refresh_feed(library, library.feed(fid), should_cancel=seen.asked.is_set)  # type: ignore[arg-type]
    assert result.outcome == Outcome.CANCELLED
    row = library.feed(fid)
    assert row is not None and row.last_error is None and library.count_articles() == 1


def test_entry_dates_and_feed_names_are_kept_and_old_articles_are_not_news(
    library: Library,
) -> None:
    """A linked page with no date of its own takes the entry's; an article made from
    the entry's own text is published under the feed's name, not the server's host;
    an entry whose article is already in the library is not counted as new."""
    dated = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Gazette</title>'
        "<item><guid>t1</guid><link>{base}/ferry</link><title>Ferry late</title>"
        "<pubDate>Tue, 03 Jun 2025 08:00:00 GMT</pubDate><description>Teaser.</description></item>"
        "<item><guid>f1</guid><link>{base}/gone</link><title>Berths</title>"
        "<pubDate>Mon, 02 Jun 2025 08:00:00 GMT</pubDate>"
        f"<description>{LONG}</description></item></channel></rss>"
    )
    routes: dict = {"/ferry": (200, {"Content-Type": "text/html"}, PAGE)}
    with local_server(routes) as (base, _):
        routes["/rss"] = (200, XML, dated.replace("{base}", base).encode())
        fid = feed_of(library, base + "/rss")
        first = refresh_feed(library, library.feed(fid))  # type: ignore[arg-type]
        assert len(first.new) == 2, first.errors
        rows = {r.id: r for r in library.rows(first.new)}
        assert rows[first.new[0]].published == "2025-06-03"  # the page had no date
        assert rows[first.new[1]].publisher == "Harbour Gazette"  # not "127.0.0.1"
        # subscribed again (an OPML import after an unsubscribe): the entries are
        # new to the feed, their articles are not
        library.remove_feed(fid)
        again = feed_of(library, base + "/rss")
        second = refresh_feed(library, library.feed(again))  # type: ignore[arg-type]
        assert second.new == [] and library.count_articles() == 2
        assert sorted(library.feed_article_ids(again)) == sorted(first.new)


def test_an_entry_date_survives_reextraction(library: Library) -> None:
    """The entry's date, kept for a page that has none, is not lost when the engine
    runs again over the stored page."""
    from reader.library_ops import reextract

    body = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Gazette</title>'
        "<item><guid>t1</guid><link>{base}/ferry</link><title>Ferry late</title>"
        "<pubDate>Tue, 03 Jun 2025 08:00:00 GMT</pubDate><description>Teaser.</description>"
        "</item></channel></rss>"
    )
    routes: dict = {"/ferry": (200, {"Content-Type": "text/html"}, PAGE)}
    with local_server(routes) as (base, _):
        routes["/rss"] = (200, XML, body.replace("{base}", base).encode())
        fid = feed_of(library, base + "/rss")
        new = refresh_feed(library, library.feed(fid)).new  # type: ignore[arg-type]
    assert library.row(new[0]).published == "2025-06-03"  # type: ignore[union-attr]
    assert reextract(library, new[0]) == (1, [])
    assert library.row(new[0]).published == "2025-06-03"  # type: ignore[union-attr]
