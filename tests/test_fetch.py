"""URLs through a real httpx client against a local http.server."""

from __future__ import annotations

import socket

import pytest

from reader.errors import InputError
from reader.ingest.fetch import fetch_url
from tests.helpers import local_server

PAGE = (
    b"<!DOCTYPE html><html><head><title>Dam report</title></head><body><article>"
    b"<h1>Dam report</h1><p>The dam operator said the spillway was repaired in June, "
    b"after inspectors found cracks in two gates during a routine check.</p></article></body></html>"
)
HTML = {"Content-Type": "text/html; charset=utf-8"}


def test_fetches_html_following_redirects() -> None:
    routes = {
        "/old": (301, {"Location": "/new"}, b""),
        "/new": (200, HTML, PAGE),
    }
    with local_server(routes) as (base, requested):  # type: ignore[arg-type]
        raw = fetch_url(base + "/old")
    assert raw.kind == "html"
    assert raw.url == base + "/new"
    assert requested == ["/old", "/new"]


def test_plain_text_url_is_text() -> None:
    with local_server({"/a.txt": (200, {"Content-Type": "text/plain"}, b"Words said here.\n")}) as (
        base,
        _,
    ):
        assert fetch_url(base + "/a.txt").kind == "text"


@pytest.mark.parametrize(
    ("route", "reason"),
    [
        ((404, HTML, b"gone"), "the server answered 404: page not found"),
        ((403, HTML, b"no"), "the server answered 403: access denied (a login or a paywall?)"),
        ((503, HTML, b"down"), "the server answered 503: the site has a problem; try again later"),
        ((418, HTML, b"tea"), "the server answered 418: i'm a teapot"),
        (
            (200, {"Content-Type": "image/png"}, b"\x89PNG"),
            "is a picture (image/png), not an article",
        ),
        (
            (200, {"Content-Type": "application/pdf"}, b"%PDF-1.4"),
            "is a PDF document, not a web page: copy its text and paste it (Ctrl+V) instead",
        ),
        (
            (200, {"Content-Type": "application/zip"}, b"PK"),
            "is not a web page or text (the server sent application/zip)",
        ),
        ((200, HTML, b""), "is empty"),
    ],
)
def test_bad_answers_in_the_readers_words(
    route: tuple[int, dict[str, str], bytes], reason: str
) -> None:
    with local_server({"/x": route}) as (base, _), pytest.raises(InputError) as e:
        fetch_url(base + "/x")
    assert str(e.value) == f"{base}/x: {reason}"


def _closed_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = int(s.getsockname()[1])
    s.close()  # nothing listens there now
    return port


def test_unreachable_host_says_it_could_not_reach_it() -> None:
    port = _closed_port()
    with pytest.raises(InputError) as e:
        fetch_url(f"http://127.0.0.1:{port}/article")
    assert e.value.reason == (
        f"could not reach 127.0.0.1:{port}: nothing answers there (the server is down?)"
    )


def test_a_name_that_does_not_resolve_says_no_network_or_no_such_site() -> None:
    # .invalid never resolves (RFC 2606): offline or not, the lookup fails
    with pytest.raises(InputError) as e:
        fetch_url("http://no-such-site.invalid/story")
    assert e.value.reason == "could not reach no-such-site.invalid: no network, or no such site?"


def test_time_out() -> None:
    import time

    def slow() -> tuple[int, dict[str, str], bytes]:
        time.sleep(1.5)
        return 200, HTML, PAGE

    with local_server({"/slow": slow}) as (base, _), pytest.raises(InputError, match="timed out"):
        fetch_url(base + "/slow", timeout=0.3)


def test_size_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    import reader.ingest.fetch

    monkeypatch.setattr(reader.ingest.fetch, "MAX_BYTES", 1000)
    big = (200, HTML, b"<p>" + b"x" * 5000 + b"</p>")
    with local_server({"/big": big}) as (base, _), pytest.raises(InputError, match="larger than"):
        fetch_url(base + "/big")


def test_header_charset_decodes_legacy_pages() -> None:
    body = "<html><body><p>Der Bürgermeister sagte, die Brücke öffne im Mai.</p></body></html>"
    headers = {"Content-Type": "text/html; charset=iso-8859-1"}
    with local_server({"/de": (200, headers, body.encode("latin-1"))}) as (base, _):
        assert "Bürgermeister" in fetch_url(base + "/de").content


def test_a_server_that_drips_forever_is_cut_off_by_the_deadline() -> None:
    """Each read arrives within the per-read time-out; the whole-download deadline ends it."""
    import http.server
    import threading
    import time

    stop = threading.Event()

    class Drip(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(40):  # bounded: at most ~8 s
                if stop.is_set():
                    return
                try:
                    self.wfile.write(b"<p>x</p>")
                    self.wfile.flush()
                except OSError:
                    return
                time.sleep(0.2)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Drip)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/a"
    try:
        t0 = time.monotonic()
        with pytest.raises(InputError, match="took longer than 1 s"):
            fetch_url(url, timeout=1.0, deadline=1.0)
        assert time.monotonic() - t0 < 4
        calls = iter([False, False, True])
        with pytest.raises(InputError, match="cancelled"):
            fetch_url(url, timeout=1.0, should_cancel=lambda: next(calls, True))
    finally:
        stop.set()
        server.shutdown()
        server.server_close()
