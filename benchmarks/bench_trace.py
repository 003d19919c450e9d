"""Time claim linking and ``trace`` on a generated library of 100,000 articles in SQLite.

Run: ``.venv/bin/python benchmarks/bench_trace.py [--articles N] [--db PATH]``.
Generates articles of 8 claims over 20,000 invented stories with realistic overlap:
verbatim wire copies, light rewrites (words swapped, attribution reworded), same-facts
rewordings (names and numbers kept), and unrelated claims. The rows (articles, claims,
their keys as :func:`reader.trace.link.stored_keys` computes them, and links between the
claims told from one fact) go into a real library file with executemany, as
``bench_gui.py`` makes its big library; the key computation is spread over the CPU
cores. Then, on that file, as the product does it: opening the library (nothing is
built at start), linking one new article with :func:`reader.trace.link.link_article`
(goal ≤ 100 ms) and :func:`reader.trace.group.trace` of one claim (goal ≤ 50 ms),
median and worst; the trace tables' size on disk (dbstat) and peak memory. Numbers
printed, not asserted. ``--db`` keeps the generated file (and reuses it if present).
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import sys
import tempfile
import time
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reader.store import Library
from reader.store.trace import pack_keys
from reader.trace.group import trace
from reader.trace.link import KEY_CAP, VERSION, link_article, stored_keys
from reader.trace.signature import signature

CLAIMS_PER_ARTICLE = 8
SYLLABLES = [a + b for a in "kmnrtvsp" for b in "aeiou"]
ATTRIB = [
    "officials said",
    "the ministry said",
    "according to a statement",
    "sources told reporters",
    "the company said",
    "police said",
]


def word(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(n))


class World:
    """Invented vocabulary, names and stories."""

    def __init__(self, rng: random.Random, stories: int) -> None:
        self.rng = rng
        self.vocab = [word(rng, rng.randint(2, 4)) for _ in range(30_000)]
        self.names = [word(rng, 3).capitalize() for _ in range(8_000)]
        self.stories = [self._story() for _ in range(stories)]

    def common(self) -> str:  # Zipf-like: low ranks far more often
        return self.vocab[min(int(self.rng.paretovariate(1.1)) - 1, len(self.vocab) - 1)]

    def _fact(self) -> tuple[list[str], list[str], str]:
        r = self.rng
        names = [r.choice(self.names) for _ in range(r.randint(1, 3))]
        words = [self.common() for _ in range(r.randint(8, 16))]
        number = str(r.choice([r.randint(2, 99), r.randint(100, 99_999)]))
        return names, words, number

    def _story(self) -> list[tuple[list[str], list[str], str]]:
        return [self._fact() for _ in range(CLAIMS_PER_ARTICLE)]

    def wire(self, fact: tuple[list[str], list[str], str]) -> str:
        names, words, number = fact
        return f"{names[0]} {' '.join(words[:4])} {number} {' '.join(words[4:])} {' '.join(names[1:])}, {ATTRIB[len(words) % len(ATTRIB)]}."

    def rewrite(self, fact: tuple[list[str], list[str], str]) -> str:
        names, words, number = fact
        w = list(words)
        for _ in range(2):
            w[self.rng.randrange(len(w))] = self.common()
        return f"{names[0]} {' '.join(w[:4])} {number} {' '.join(w[4:])} {' '.join(names[1:])}, {self.rng.choice(ATTRIB)}."

    def same_facts(self, fact: tuple[list[str], list[str], str]) -> str:
        names, words, number = fact
        w = words[::2] + [self.common() for _ in range(len(words) // 2)]
        self.rng.shuffle(w)
        return f"{' '.join(names)} {' '.join(w)} {number}."

    def unrelated(self) -> str:
        names, words, number = self._fact()
        return f"{names[0]} {' '.join(words)} {number}."

    def article(self) -> list[tuple[str, int | None]]:
        """Claims as (text, the fact's number, or None for an unrelated claim)."""
        r = self.rng
        s = r.randrange(len(self.stories))
        style = r.random()
        out: list[tuple[str, int | None]] = []
        for k, fact in enumerate(self.stories[s]):
            pick = r.random()
            fid = s * CLAIMS_PER_ARTICLE + k
            if pick < 0.2:
                out.append((self.unrelated(), None))
            elif style < 0.45:
                out.append((self.wire(fact), fid))
            elif style < 0.8:
                out.append((self.rewrite(fact), fid))
            else:
                out.append((self.same_facts(fact), fid))
        return out


def _keys(text: str) -> list[int]:
    return stored_keys(signature(text))


#: Links generated per claim to earlier claims of its fact (the linker's cap is 48).
LINKS_PER_CLAIM = 48


def generate(db: Path, world: World, n: int) -> float:
    """Write ``n`` articles with claims, keys and links into ``db``; seconds taken."""
    from multiprocessing import Pool

    t0 = time.perf_counter()
    with Library(db) as lib:
        conn = lib.db.conn
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute("PRAGMA cache_size = -1000000")
        blob = zlib.compress(b"x")
        members: dict[int, list[int]] = {}
        cid = 0
        chunk = 5_000
        with Pool() as pool:
            for base in range(0, n, chunk):
                arts, claims, links, texts = [], [], [], []
                for aid in range(base + 1, min(n, base + chunk) + 1):
                    day = f"20{10 + aid * 15 // n:02d}-{1 + aid % 12:02d}-{1 + aid % 28:02d}"
                    arts.append((aid, f"hash{aid}", f"gen{aid}.txt", "text", blob,
                                 f"Story {aid}", f"Outlet {aid % 400}", day, "", "x",
                                 "2025-01-01T00:00:00+00:00", VERSION))  # fmt: skip
                    for seq, (text, fid) in enumerate(world.article()):
                        cid += 1
                        claims.append([cid, aid, seq, text.lower(), text, 0, len(text), "reported"])
                        texts.append((cid, text))
                        if fid is not None:
                            earlier = members.setdefault(fid, [])
                            links.extend(
                                (cid, o, "rewrite", 0.6) for o in earlier[-LINKS_PER_CLAIM:]
                            )
                            earlier.append(cid)
                keys = pool.map(_keys, [t for _c, t in texts], chunksize=500)
                for row, ks in zip(claims, keys, strict=True):
                    row.append(pack_keys(ks))  # the claim's own list (m011)
                rows = sorted((k, c) for (c, _t), ks in zip(texts, keys, strict=True) for k in ks)
                with conn:
                    conn.executemany(
                        "insert into articles (id, content_hash, source, kind, raw, title,"
                        " publisher, published, markdown, text, imported_at, trace_version)"
                        " values (?,?,?,?,?,?,?,?,?,?,?,?)",
                        arts,
                    )
                    conn.executemany(
                        "insert into claims (id, article_id, seq, claim_key, text, start, end,"
                        " status, trace_keys) values (?,?,?,?,?,?,?,?,?)",
                        claims,
                    )
                    conn.executemany("insert or ignore into claim_keys values (?,?)", rows)
                    conn.executemany("insert or ignore into claim_links values (?,?,?,?)", links)
                print(
                    f"  {base + len(arts):,} articles, {time.perf_counter() - t0:.0f} s", flush=True
                )
        with conn:  # the writer's cap per key (the newest KEY_CAP claims)
            conn.execute(
                "delete from claim_keys where (key, claim_id) in (select key, claim_id from"
                " (select key, claim_id, row_number() over (partition by key order by claim_id"
                f" desc) as n from claim_keys) where n > {KEY_CAP})"
            )
        conn.execute("analyze")
    return time.perf_counter() - t0


def add_article(lib: Library, world: World, aid_hint: int) -> int:
    """Store one new article's rows (no linking) and return its id."""
    conn = lib.db.conn
    aid = lib.db.execute("select max(id) from articles").fetchone()[0] + 1
    cid = lib.db.execute("select max(id) from claims").fetchone()[0]
    with conn:
        conn.execute(
            "insert into articles (id, content_hash, source, kind, raw, title, publisher,"
            " published, markdown, text, imported_at) values (?,?,?,?,?,?,?,?,?,?,?)",
            (aid, f"new{aid}", f"new{aid}.txt", "text", zlib.compress(b"x"), f"New {aid_hint}",
             f"Outlet {aid % 400}", "2026-01-01", "", "x", "2026-01-01T00:00:00+00:00"),
        )  # fmt: skip
        conn.executemany(
            "insert into claims (id, article_id, seq, claim_key, text, start, end, status)"
            " values (?,?,?,?,?,?,?,?)",
            [
                (cid + 1 + seq, aid, seq, t.lower(), t, 0, len(t), "reported")
                for seq, (t, _f) in enumerate(world.article())
            ],
        )
    return aid


def sizes(lib: Library) -> dict[str, int]:
    """Bytes on disk of each trace table and index (SQLite's dbstat)."""
    rows = lib.db.execute(
        "select name, sum(pgsize) from dbstat where name in ('claim_keys', 'claim_keys_claim',"
        " 'claim_links', 'claim_links_other', 'claims', 'articles') group by name"
    ).fetchall()
    out = dict(rows)
    lists = lib.db.execute("select sum(length(trace_keys)) from claims").fetchone()[0]
    out["claims.trace_keys"] = int(lists or 0)  # inside the claims table, counted apart
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--stories", type=int, default=20_000)
    parser.add_argument("--db", type=Path, help="keep the generated library here")
    args = parser.parse_args()
    rng = random.Random(12)
    world = World(rng, args.stories)
    tmp = None
    if args.db is None:
        tmp = tempfile.TemporaryDirectory()
        db = Path(tmp.name) / "bench.db"
    else:
        db = args.db
    if not db.exists():
        # in a child process, so this one's peak memory is the linking's and tracing's
        from multiprocessing import get_context

        t = time.perf_counter()
        child = get_context("fork").Process(target=generate, args=(db, world, args.articles))
        child.start()
        child.join()
        if child.exitcode != 0:
            print(f"generation failed (exit {child.exitcode})", file=sys.stderr)
            return 1
        print(f"generated {args.articles:,} articles in {time.perf_counter() - t:.0f} s")
    # the new articles draw their stories on a stream of their own: not copies of the
    # first generated ones, and the same whether the library was just made or reused
    world.rng = random.Random(99)
    t = time.perf_counter()
    lib = Library(db)
    opened = (time.perf_counter() - t) * 1000
    n_claims = lib.db.execute("select count(*) from claims").fetchone()[0]
    n_keys = lib.db.execute("select count(*) from claim_keys").fetchone()[0]
    n_links = lib.db.execute("select count(*) from claim_links").fetchone()[0]
    print(
        f"library: {lib.count_articles():,} articles, {n_claims:,} claims, {n_keys:,} key rows,"
        f" {n_links:,} links; opened in {opened:.0f} ms (nothing built at start)"
    )
    sz = sizes(lib)
    trace_bytes = sum(v for k, v in sz.items() if k.startswith("claim_") or "." in k)
    print(
        "on disk: "
        + ", ".join(f"{k} {v / 1e6:.0f} MB" for k, v in sorted(sz.items()))
        + f"; the trace's tables and indexes {trace_bytes / 1e6:.0f} MB"
        + f" of a {db.stat().st_size / 1e6:.0f} MB file"
    )
    link_ms, verified, nlinks, new_ids = [], [], [], []
    for k in range(50):
        aid = add_article(lib, world, k)
        t = time.perf_counter()
        done = link_article(lib, aid)
        link_ms.append((time.perf_counter() - t) * 1000)
        verified.append(done.verified)
        nlinks.append(done.links)
        new_ids.append(aid)
    print(
        f"link one new article (8 claims), 50 runs: median {statistics.median(link_ms):.1f} ms,"
        f" max {max(link_ms):.1f} ms; verified median {statistics.median(verified):.0f};"
        f" links median {statistics.median(nlinks):.0f}  (goal ≤ 100 ms)"
    )
    trace_ms, group = [], []
    for _ in range(100):
        aid = rng.choice(new_ids) if rng.random() < 0.5 else rng.randrange(1, args.articles)
        seq = rng.randrange(CLAIMS_PER_ARTICLE)
        t = time.perf_counter()
        g = trace(lib, aid, seq)
        trace_ms.append((time.perf_counter() - t) * 1000)
        group.append(len(g.members))
    print(
        f"trace one claim, 100 runs (half new, half old articles): median"
        f" {statistics.median(trace_ms):.1f} ms, max {max(trace_ms):.1f} ms; group size median"
        f" {statistics.median(group):.0f}, max {max(group)}  (goal ≤ 50 ms)"
    )
    if args.db is not None:  # leave a kept library as generated, for the next run
        lib.delete(new_ids)
    lib.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (ru_maxrss) of linking and tracing, generation apart: {peak:.0f} MB")
    if tmp is not None:
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
