"""Refreshing many feeds at once against real servers on 127.0.0.1: never more than
``per_host`` requests in flight to one host (feeds and teasers' pages), two hosts at
once, results in the order asked, progress from the workers, a failing feed that does
not stop the others, a cancel that keeps what was stored."""

from __future__ import annotations

import http.server
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from reader.feeds.batch import refresh_feeds
from reader.feeds.refresh import Outcome
from reader.store import Library
from tests.helpers import local_server
from tests.test_feeds_refresh import LONG, PAGE, XML, rss


@dataclass
class Load:
    """What a :func:`counting_server` saw: requests in flight per host, at most."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    now: Counter[str] = field(default_factory=Counter)
    peak: Counter[str] = field(default_factory=Counter)
    hosts_at_once: int = 0  # the most hosts with a request in flight at one moment
    paths: list[str] = field(default_factory=list)


@contextmanager
def counting_server(routes: dict[str, bytes], delay: float) -> Iterator[tuple[int, Load]]:
    """Serve ``routes`` (RSS, or HTML for paths under /page) on 127.0.0.1, each answer
    ``delay`` s late, counting requests in flight per Host name (127.0.0.1, localhost)."""
    load = Load()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            host = self.headers.get("Host", "").rsplit(":", 1)[0]
            with load.lock:
                load.paths.append(self.path)
                load.now[host] += 1
                load.peak[host] = max(load.peak[host], load.now[host])
                load.hosts_at_once = max(load.hosts_at_once, sum(1 for n in load.now.values() if n))
            try:
                time.sleep(delay)
                body = routes.get(self.path)
                if body is None:
                    self.send_error(404)
                    return
                kind = "text/html" if self.path.startswith("/page") else XML["Content-Type"]
                self.send_response(200)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            finally:
                with load.lock:
                    load.now[host] -= 1

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    try:
        yield server.server_address[1], load
    finally:
        server.shutdown()
        server.server_close()


def _story(n: int) -> str:
    return LONG.replace("ship number", f"vessel {n}, number")


def test_per_host_limit_holds_and_two_hosts_run_at_once(db_path: Path) -> None:
    routes: dict[str, bytes] = {}
    with counting_server(routes, delay=0.15) as (port, load), Library(db_path) as lib:
        ids = []
        for h, host in enumerate(("127.0.0.1", "localhost")):
            for n in range(4):
                base, k = f"http://{host}:{port}", 10 * h + n  # each feed its own stories
                routes[f"/feed{k}"] = rss(
                    (f"full{k}", f"/full{k}", _story(k)), (f"t{k}", f"/page{k}", "A teaser.")
                ).replace(b"{base}", base.encode())
                routes[f"/page{k}"] = PAGE.replace(b"day", f"day {k} of".encode())
                ids.append(lib.add_feed(f"{base}/feed{k}")[0].id)
        progress: list[tuple[int, int, str]] = []
        results = refresh_feeds(
            db_path,
            ids,
            workers=6,
            per_host=2,
            on_progress=lambda d, t, r: progress.append((d, t, threading.current_thread().name)),
        )
        assert [r.feed_id for r in results] == ids
        assert all(r.outcome == Outcome.UPDATED and len(r.new) == 2 for r in results), results
        assert len(load.paths) == 16  # eight feeds, eight teaser pages
        assert max(load.peak.values()) == 2 and set(load.peak) == {"127.0.0.1", "localhost"}
        assert load.hosts_at_once == 2
        assert [d for d, _, _ in progress] == list(range(1, 9))
        assert {t for _, t, _ in progress} == {8}
        assert all(name != threading.main_thread().name for _, _, name in progress)
        assert lib.count_articles() == 16  # two stories from each of eight feeds


def test_a_failing_feed_does_not_stop_the_others(db_path: Path) -> None:
    broken = b"<?xml version='1.0'?><rss><channel><title>Broken</item></rss"
    routes = {
        "/a": (200, XML, rss(("a1", "/a1", _story(1)))),
        "/broken": (200, XML, broken),
        "/b": (200, XML, rss(("b1", "/b1", _story(2)))),
    }
    with local_server(routes) as (base, _), Library(db_path) as lib:
        ids = [lib.add_feed(base + p)[0].id for p in ("/a", "/broken", "/b")]
        results = refresh_feeds(db_path, [*ids, 99], workers=2)
        assert [r.outcome for r in results] == [
            Outcome.UPDATED,
            Outcome.FAILED,
            Outcome.UPDATED,
            Outcome.FAILED,
        ]
        assert "malformed XML" in results[1].message and "not subscribed" in results[3].message
        assert lib.count_articles() == 2
        assert "malformed XML" in (lib.feed(ids[1]).last_error or "")  # type: ignore[union-attr]


def test_cancel_mid_batch_keeps_what_was_stored(db_path: Path) -> None:
    routes = {
        f"/f{n}": (
            200,
            XML,
            rss((f"e{n}a", f"/x{n}a", _story(n)), (f"e{n}b", f"/x{n}b", _story(n + 10))),
        )
        for n in range(4)
    }
    with local_server(routes) as (base, requested), Library(db_path) as lib:
        ids = [lib.add_feed(f"{base}/f{n}")[0].id for n in range(4)]
        stop = threading.Event()
        calls: list[int] = []

        def progress(done: int, total: int, result: object) -> None:
            calls.append(done)
            stop.set()  # the user presses Cancel once the first feed is in

        results = refresh_feeds(
            db_path, ids, workers=1, on_progress=progress, should_cancel=stop.is_set
        )
        assert results[0].outcome == Outcome.UPDATED and len(results[0].new) == 2
        assert [r.outcome for r in results[1:]] == [Outcome.CANCELLED] * 3
        assert calls == [1] and requested == ["/f0"]
        assert lib.count_articles() == 2 and all(f.last_error is None for f in lib.feeds())
        # the next refresh picks up where the cancelled one stopped
        again = refresh_feeds(db_path, ids, workers=2)
        assert [len(r.new) for r in again] == [0, 2, 2, 2] and lib.count_articles() == 8


def test_cancel_inside_a_feed_stops_between_entries(db_path: Path) -> None:
    items = [(f"e{n}", f"/x{n}", _story(n)) for n in range(5)]
    with local_server({"/f": (200, XML, rss(*items))}) as (base, _), Library(db_path) as lib:
        fid = lib.add_feed(base + "/f")[0].id
        # Cancel once two articles are stored (read through a connection of our own)
        (result,) = refresh_feeds(db_path, [fid], should_cancel=lambda: _count(db_path) >= 2)
        assert result.outcome == Outcome.CANCELLED and len(result.new) == 2
        assert lib.count_articles() == 2


def _count(db_path: Path) -> int:
    with Library(db_path) as lib:
        return lib.count_articles()
