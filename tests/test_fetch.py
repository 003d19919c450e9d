"""URLs through a real httpx client against local servers: well-behaved ones, and
slow ones (silent, headers or body a byte at a time) that one deadline cuts off."""

from __future__ import annotations

import socket
import threading
import time

import pytest

import reader.ingest.fetch
from reader.errors import InputError
from reader.ingest import MAX_BYTES, RawInput, load
from reader.ingest.fetch import Download, fetch_url
from tests.helpers import Slow, local_server, slow_server


def fetch(url: str, **kw: object) -> Download:
    """fetch_url with the loader's size cap."""
    return fetch_url(url, max_bytes=MAX_BYTES, **kw)  # type: ignore[arg-type]


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
        raw = load(base + "/old")
    assert raw.kind == "html"
    assert raw.url == base + "/new"
    assert requested == ["/old", "/new"]


def test_plain_text_url_is_text() -> None:
    with local_server({"/a.txt": (200, {"Content-Type": "text/plain"}, b"Words said here.\n")}) as (
        base,
        _,
    ):
        assert load(base + "/a.txt").kind == "text"


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
        ((200, HTML, b""), "is empty"),  # said by the loader, which decodes the body
    ],
)
def test_bad_answers_in_the_readers_words(
    route: tuple[int, dict[str, str], bytes], reason: str
) -> None:
    with local_server({"/x": route}) as (base, _), pytest.raises(InputError) as e:
        load(base + "/x")
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
        fetch(f"http://127.0.0.1:{port}/article")
    assert e.value.reason == (
        f"could not reach 127.0.0.1:{port}: nothing answers there (the server is down?)"
    )


def test_a_name_that_does_not_resolve_says_no_network_or_no_such_site() -> None:
    # .invalid never resolves (RFC 2606): offline or not, the lookup fails
    with pytest.raises(InputError) as e:
        fetch("http://no-such-site.invalid/story")
    assert e.value.reason == "could not reach no-such-site.invalid: no network, or no such site?"


def test_size_cap() -> None:
    big = (200, HTML, b"<p>" + b"x" * 5000 + b"</p>")
    with local_server({"/big": big}) as (base, _), pytest.raises(InputError, match="larger than"):
        fetch_url(base + "/big", max_bytes=1000)


def test_header_charset_decodes_legacy_pages() -> None:
    body = "<html><body><p>Der Bürgermeister sagte, die Brücke öffne im Mai.</p></body></html>"
    headers = {"Content-Type": "text/html; charset=iso-8859-1"}
    with local_server({"/de": (200, headers, body.encode("latin-1"))}) as (base, _):
        assert "Bürgermeister" in load(base + "/de").content


TOO_SLOW = "took longer than 0.5 s: the server is too slow; try again later"


@pytest.mark.parametrize("shape", list(Slow))
def test_one_deadline_covers_connect_headers_and_body(shape: Slow) -> None:
    """A byte every 0.1 s never trips a per-read time-out; the one deadline ends the
    whole download, whether the server is silent or drips its headers or its body."""
    with slow_server(shape, every=0.1) as (url, asked):
        t0 = time.monotonic()
        with pytest.raises(InputError) as e:
            fetch(url, deadline=0.5)
        took = time.monotonic() - t0
        assert asked.is_set()
    assert str(e.value) == f"{url}: {TOO_SLOW}"
    assert 0.45 <= took < 1.5, f"gave up after {took:.2f} s"


def test_a_connect_that_never_completes_is_cut_off_and_said_so() -> None:
    """A listener whose accept queue is full: the kernel drops further handshakes, so
    the connect itself stalls; the deadline covers it and names the host."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(0)
    port = int(listener.getsockname()[1])
    queued = []
    for _ in range(3):  # fill the queue (Linux keeps backlog + 1), never accepted
        c = socket.socket()
        c.setblocking(False)
        c.connect_ex(("127.0.0.1", port))
        queued.append(c)
    try:
        time.sleep(0.1)
        t0 = time.monotonic()
        with pytest.raises(InputError) as e:
            fetch(f"http://127.0.0.1:{port}/story", deadline=0.5)
        took = time.monotonic() - t0
    finally:
        for c in queued:
            c.close()
        listener.close()
    assert (
        e.value.reason == f"could not reach 127.0.0.1:{port}: no answer within 0.5 s (no network?)"
    )
    assert took < 1.0, f"gave up after {took:.2f} s"


def test_the_deadline_is_the_readme_s_15_s_unless_given() -> None:
    assert reader.ingest.fetch.DEADLINE_S == 15.0


def test_extract_gives_up_on_a_dripping_server_at_the_deadline(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The whole path a user takes (extract: load, fetch) obeys the module's deadline."""
    from reader.pipeline import extract

    monkeypatch.setattr(reader.ingest.fetch, "DEADLINE_S", 0.5)
    with slow_server(Slow.HEADERS, every=0.1) as (url, _):
        t0 = time.monotonic()
        with pytest.raises(InputError) as e:
            extract(url)
        assert e.value.reason == TOO_SLOW
        assert time.monotonic() - t0 < 1.5


def _fetch_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "fetch" and t.is_alive()]


def test_cancel_interrupts_a_silent_server_at_once() -> None:
    """Cancel does not wait for the next chunk or the server's silence: the call
    returns within a tick, and the download's thread ends with it (its socket shut)."""
    cancel = threading.Event()
    with slow_server(Slow.SILENT) as (url, asked):

        def press_cancel() -> None:
            asked.wait(5)
            time.sleep(0.2)  # well into the silence
            cancel.set()

        threading.Thread(target=press_cancel, daemon=True).start()
        with pytest.raises(InputError) as e:
            fetch(url, deadline=30.0, should_cancel=cancel.is_set)
        after = time.monotonic()
        assert e.value.reason == "cancelled"
        assert cancel.is_set()
        # the worker thread is not left reading until its own 30 s time-out
        while _fetch_threads() and time.monotonic() - after < 1.0:
            time.sleep(0.02)
        assert not _fetch_threads(), "the download's thread still runs after Cancel"


def test_cancel_during_a_dripping_body_returns_within_a_tick() -> None:
    cancel = threading.Event()
    with slow_server(Slow.BODY, every=2.0) as (url, asked):  # the next byte in 2 s
        timer = threading.Timer(0.3, cancel.set)
        timer.start()
        t0 = time.monotonic()
        with pytest.raises(InputError, match="cancelled"):
            fetch(url, deadline=30.0, should_cancel=cancel.is_set)
        took = time.monotonic() - t0
        assert asked.is_set()
    assert took < 1.0, f"cancel took {took - 0.3:.2f} s to act"


@pytest.mark.subprocess
def test_fetch_imports_nothing_of_the_ingest_package() -> None:
    """fetch is a leaf: the loader uses it, it never uses the loader (no cycle).

    In a fresh interpreter, every import made by reader.ingest.fetch's own code
    (at import time) is recorded; none may name reader.ingest or a module in it."""
    import subprocess
    import sys

    probe = (
        "import builtins, sys\n"
        "edges = []\n"
        "real = builtins.__import__\n"
        "def spy(name, globals=None, locals=None, fromlist=(), level=0):\n"
        "    who = (globals or {}).get('__name__', '')\n"
        "    if who == 'reader.ingest.fetch':\n"
        "        edges.append(name + ':' + ','.join(fromlist or ()))\n"
        "    return real(name, globals, locals, fromlist, level)\n"
        "builtins.__import__ = spy\n"
        "import reader.ingest.fetch\n"
        "print('\\n'.join(edges))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    ).stdout.split()
    assert any(e.startswith("httpx") for e in out), out  # the spy saw fetch's imports
    assert not [e for e in out if e.startswith("reader.ingest") or e == "reader:ingest"], out


def test_fetch_source_never_imports_the_ingest_package_even_lazily() -> None:
    import ast
    import inspect

    tree = ast.parse(inspect.getsource(reader.ingest.fetch))
    names = [node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)] + [
        a.name for node in ast.walk(tree) if isinstance(node, ast.Import) for a in node.names
    ]
    assert not [n for n in names if n.startswith("reader.ingest")], names


def test_load_turns_a_download_into_raw_input() -> None:
    with local_server(
        {"/s.md": (200, {"Content-Type": "text/markdown"}, b"# Title\n\nText.\n")}
    ) as (
        base,
        _,
    ):
        raw = load(" " + base + "/s.md ")
    assert isinstance(raw, RawInput)
    assert (raw.kind, raw.source, raw.url) == ("markdown", base + "/s.md", base + "/s.md")
