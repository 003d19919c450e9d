"""Benchmark subscriptions: a first refresh of many feeds, then a refresh where nothing
changed (which must send conditional requests and parse nothing).

    .venv/bin/python benchmarks/bench_feeds.py [--feeds 500] [--entries 50]
        [--workers 4] [--per-host 2] [--hosts 8] [--tracemalloc]

The feeds are served by a separate process (so its memory and bytes are not counted
here) on 127.0.0.1 ... 127.0.0.H, H local hosts, each feed an RSS 2.0 document of
``--entries`` entries with full text (150+ words: no page is fetched), generated from
a fixed seed so every run serves the same bytes; the server answers If-None-Match with
304. Printed: wall time, articles/s, requests and their statuses, feeds parsed, and
peak memory (ru_maxrss of this process; with ``--tracemalloc`` also the Python heap's
peak per phase, which slows the run).
"""

from __future__ import annotations

import argparse
import hashlib
import http.server
import multiprocessing
import random
import resource
import sys
import tempfile
import threading
import time
import tracemalloc
from collections import Counter
from html import escape
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PEOPLE = [
    ("Maria Lopez", "the city's finance director"),
    ("James Okafor", "a spokesman for the port authority"),
    ("Ingrid Sørensen", "the health minister"),
    ("Chen Wei", "an economist at the central bank"),
    ("Fatima Haddad", "the head of the teachers' union"),
    ("Tomás Novak", "a police spokesman"),
    ("Aisha Bello", "the mayor's chief of staff"),
    ("Robert Hughes", "a professor of climate science"),
]
OUTLETS = ["Reuters", "the Associated Press", "the BBC", "Le Monde", "Agence France-Presse"]
TOPICS = [
    ("budget", "the council's budget", "spending on services"),
    ("harbour", "the harbour expansion", "the number of ships docking"),
    ("schools", "the school reform", "class sizes"),
    ("rail", "the new rail line", "ticket prices"),
    ("hospital", "the hospital waiting lists", "the number of nurses"),
    ("floods", "the flood defences", "the cost of repairs"),
    ("energy", "the energy tariff", "household bills"),
]
VERBS = ["said", "told reporters", "said in a statement", "wrote on Tuesday", "said on Monday"]
NUMBERS = ["12 percent", "a third", "4,000", "two million", "half", "18 months", "$40 million"]


def _sentence(rng: random.Random, topic: tuple[str, str, str]) -> str:
    _, thing, measure = topic
    who, role = rng.choice(PEOPLE)
    n = rng.choice(NUMBERS)
    kind = rng.randrange(6)
    if kind == 0:
        return f'"{thing.capitalize()} will change {measure} by {n}," {who}, {role}, {rng.choice(VERBS)}.'
    if kind == 1:
        return f"According to {rng.choice(OUTLETS)}, {measure} rose by {n} after {thing} was announced."
    if kind == 2:
        return f"{who}, {role}, {rng.choice(VERBS)} that {thing} had been delayed by {n}."
    if kind == 3:
        return (
            f"Officials expect {measure} to fall by {n} next year, {rng.choice(OUTLETS)} reported."
        )
    if kind == 4:
        return f"The plan for {thing} was first put forward in {rng.randrange(1990, 2026)}."
    return f"Residents interviewed near the site described {thing} as long overdue."


def make_feed(index: int, entries: int, host: str) -> bytes:
    """An RSS 2.0 feed of ``entries`` full-text entries, the same for the same index."""
    rng = random.Random(index)
    items = []
    for e in range(entries):
        topic = rng.choice(TOPICS)
        paragraphs = []
        for _ in range(rng.randrange(5, 10)):
            sents = [_sentence(rng, topic) for _ in range(rng.randrange(3, 6))]
            paragraphs.append(f"<p>{escape(' '.join(sents))}</p>")
        body = "".join(paragraphs)
        day = 1 + (index + e) % 28
        items.append(
            f"<item><guid>urn:bench:{index}:{e}</guid>"
            f"<link>http://{host}/story/{index}/{e}</link>"
            f"<title>{escape(topic[1].capitalize())}: update {index}-{e}</title>"
            f"<pubDate>Tue, {day:02d} Dec 2026 10:00:00 GMT</pubDate>"
            f"<description>{escape(body)}</description></item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Bench outlet {index}</title><link>http://{host}/</link>"
        + "".join(items)
        + "</channel></rss>"
    ).encode()


def serve(hosts: list[str], feeds: int, entries: int, ready: object, stats: object) -> None:
    """The server process: every feed generated once, served with ETag and 304."""
    bodies = {}
    for i in range(feeds):
        body = make_feed(i, entries, hosts[i % len(hosts)])
        bodies[f"/feed/{i}.xml"] = (body, '"' + hashlib.sha1(body).hexdigest() + '"')
    lock = threading.Lock()

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            found = bodies.get(self.path)
            if found is None:
                code, body, etag = 404, b"", ""
            else:
                body, etag = found
                code = 304 if self.headers.get("If-None-Match") == etag else 200
            with lock:
                stats[f"status_{code}"] = stats.get(f"status_{code}", 0) + 1  # type: ignore[attr-defined,index]
                if self.headers.get("If-None-Match"):
                    stats["conditional"] = stats.get("conditional", 0) + 1  # type: ignore[attr-defined,index]
            self.send_response(code)
            if etag:
                self.send_header("ETag", etag)
            if code == 200:
                self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
            else:
                self.send_header("Content-Length", "0")
            self.end_headers()
            if code == 200:
                self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    servers = []
    for host in hosts:
        srv = http.server.ThreadingHTTPServer((host, PORT), Handler)
        srv.daemon_threads = True
        threading.Thread(target=srv.serve_forever, daemon=True).start()
        servers.append(srv)
    ready.set()  # type: ignore[attr-defined]
    threading.Event().wait()


PORT = 0  # chosen in main (the same free port on every loopback address)


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    global PORT
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--feeds", type=int, default=500)
    ap.add_argument("--entries", type=int, default=50)
    ap.add_argument("--workers", type=int, default=4)
    ap.add_argument("--per-host", type=int, default=2)
    ap.add_argument("--hosts", type=int, default=8, help="loopback addresses 127.0.0.1..N")
    ap.add_argument("--tracemalloc", action="store_true", help="also the Python heap's peak")
    args = ap.parse_args()

    from reader.feeds import refresh as refresh_mod
    from reader.feeds.batch import refresh_feeds
    from reader.feeds.refresh import Outcome
    from reader.store import Library

    PORT = free_port()
    hosts = [f"127.0.0.{n + 1}" for n in range(args.hosts)]
    ctx = multiprocessing.get_context("fork")
    manager = ctx.Manager()
    stats = manager.dict()
    ready = ctx.Event()
    t0 = time.perf_counter()
    server = ctx.Process(
        target=serve, args=(hosts, args.feeds, args.entries, ready, stats), daemon=True
    )
    server.start()
    if not ready.wait(600):
        print("the server did not start", file=sys.stderr)
        return 1
    print(
        f"{args.feeds} feeds x {args.entries} entries on {len(hosts)} local hosts"
        f" (generated in {time.perf_counter() - t0:.1f} s); workers {args.workers},"
        f" per host {args.per_host}"
    )

    parsed = Counter[str]()
    real_parse = refresh_mod.parse_feed

    def counting_parse(*a: object, **k: object) -> object:
        parsed["feeds"] += 1
        return real_parse(*a, **k)  # type: ignore[arg-type]

    refresh_mod.parse_feed = counting_parse  # type: ignore[assignment]

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        with Library(db) as lib:
            ids = [
                lib.add_feed(f"http://{hosts[i % len(hosts)]}:{PORT}/feed/{i}.xml")[0].id
                for i in range(args.feeds)
            ]
        rows = []
        for phase in ("first refresh", "no-change refresh"):
            stats.clear()
            parsed.clear()
            if args.tracemalloc:
                tracemalloc.start()
            t = time.perf_counter()
            results = refresh_feeds(db, ids, workers=args.workers, per_host=args.per_host)
            wall = time.perf_counter() - t
            heap = ""
            if args.tracemalloc:
                heap = f"; Python heap peak {tracemalloc.get_traced_memory()[1] / 2**20:.0f} MB"
                tracemalloc.stop()
            new = sum(len(r.new) for r in results)
            outcomes = Counter(str(r.outcome) for r in results)
            errors = sum(len(r.errors) for r in results)
            s = dict(stats)
            print(
                f"{phase}: {wall:.1f} s; {new} articles ({new / wall:.0f}/s); outcomes"
                f" {dict(outcomes)}; entry errors {errors}; requests: 200 x{s.get('status_200', 0)},"
                f" 304 x{s.get('status_304', 0)}, conditional {s.get('conditional', 0)};"
                f" feeds parsed {parsed['feeds']}; maxrss {maxrss_mb():.0f} MB{heap}"
            )
            rows.append((phase, wall, new, outcomes, s, parsed["feeds"]))
        with Library(db) as lib:
            total = lib.count_articles()
        size = db.stat().st_size / 2**20
        print(f"library: {total} articles, {size:.0f} MB")
    server.kill()
    _, _, _, outcomes2, s2, parsed2 = rows[1]
    ok = (
        s2.get("status_304", 0) == args.feeds
        and s2.get("conditional", 0) == args.feeds
        and parsed2 == 0
        and outcomes2 == Counter({str(Outcome.UNCHANGED): args.feeds})
        and rows[1][2] == 0
    )
    if not ok:
        print("FAIL: the no-change refresh did not answer every feed with a 304 unparsed")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
