"""Benchmark: the window on a library of 100,000 articles in 500 feeds (issue 11).

Prints (numbers, not assertions), each the median and the worst of several runs:

- window construction until the sources list and the first rows are shown;
- switching the source (a feed, a folder, All, Unread, Starred) until the new list
  has painted its first rows;
- opening an unread article (read mark written, unread counts adjusted);
- M (mark unread and back), Shift+A on a feed (mark read, recount);
- a full recount of unread counts, and a rebuild of the sources list.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_feeds_window.py``
(``--articles N --feeds F`` for other sizes).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_gui import make_big_library  # noqa: E402

from reader.gui.app import make_app  # noqa: E402
from reader.store.library import Library  # noqa: E402


def add_feeds(db: Path, n_feeds: int, read_share: float = 0.5, seed: int = 7) -> None:
    """Spread every article over ``n_feeds`` feeds in 25 folders; mark ``read_share``
    of them read and one in fifty starred."""
    rnd = random.Random(seed)
    with Library(db) as lib:
        conn = lib.db.conn
        ids = [r[0] for r in conn.execute("select id from articles")]
        with conn:
            conn.executemany(
                "insert into feeds (id, url, title, folder, added_at) values (?,?,?,?,?)",
                [
                    (f, f"http://feeds.test/{f}", f"Feed {f}", f"Folder {f % 25}", "2026-12-01")
                    for f in range(1, n_feeds + 1)
                ],
            )
            pairs = [(1 + i % n_feeds, aid) for i, aid in enumerate(ids)]
            conn.executemany("insert into feed_articles (feed_id, article_id) values (?,?)", pairs)
            conn.executemany(
                "insert into feed_entries (feed_id, entry_key, article_id, seen_at)"
                " values (?,?,?,?)",
                [(f, f"id:{a}", a, "2026-12-01") for f, a in pairs],
            )
            conn.executemany(
                "insert into article_state (article_id, read_at, starred_at) values (?,?,?)",
                [
                    (a, "2026-12-01" if rnd.random() < read_share else None,
                     "2026-12-01" if rnd.random() < 0.02 else None)
                    for a in ids
                ],
            )  # fmt: skip


def timed(app: object, action: Callable[[], object], until: Callable[[], bool]) -> float:
    """ms from ``action`` until ``until()`` holds with events processed (painted)."""
    from PySide6.QtWidgets import QApplication

    assert isinstance(app, QApplication)
    s = time.perf_counter()
    action()
    app.processEvents()
    while not until():
        app.processEvents()
    return (time.perf_counter() - s) * 1000


def report(name: str, values: list[float]) -> None:
    values = sorted(values)
    p95 = values[min(len(values) - 1, int(len(values) * 0.95))]
    print(
        f"  {name}: median {statistics.median(values):.1f} ms, p95 {p95:.1f} ms,"
        f" worst {values[-1]:.1f} ms ({len(values)} runs)"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--feeds", type=int, default=500)
    ap.add_argument("--runs", type=int, default=40)
    args = ap.parse_args()

    from PySide6.QtCore import QSettings

    from reader.gui.window import MainWindow

    app = make_app()
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        db = tmp / "big.db"
        s = time.perf_counter()
        make_big_library(db, args.articles)
        add_feeds(db, args.feeds)
        made = time.perf_counter() - s
        settings = QSettings(str(tmp / "b.ini"), QSettings.Format.IniFormat)
        settings.setValue("feeds/auto_refresh", False)
        s = time.perf_counter()
        win = MainWindow(db, settings, persist=False)
        win.resize(1280, 800)
        win.show()
        while win.lib_model.cached_rows() == 0:
            app.processEvents()
        shown = (time.perf_counter() - s) * 1000
        print(
            f"[feeds window] {args.articles:,} articles in {args.feeds} feeds, 25 folders"
            f" (generated in {made:.1f} s); window to list shown {shown:.0f} ms"
        )
        rnd = random.Random(3)
        model = win.lib_model
        painted = lambda: model.cached_rows() > 0  # noqa: E731

        def switch(key: str) -> Callable[[], object]:
            def go() -> None:
                model._cache.clear()  # the new list must fetch and paint its rows
                win.feeds_view.choose(key)

            return go

        feeds = [f"feed:{f}" for f in range(1, args.feeds + 1)]
        folders = [f"folder:Folder {f}" for f in range(25)]
        report("switch to a feed", [timed(app, switch(rnd.choice(feeds)), painted)
                                    for _ in range(args.runs)])  # fmt: skip
        report("switch to a folder", [timed(app, switch(rnd.choice(folders)), painted)
                                      for _ in range(args.runs)])  # fmt: skip
        for key in ("all", "unread", "starred"):
            report(f"switch to {key}", [timed(app, switch(key), painted) for _ in range(5)])

        win.feeds_view.choose("unread")
        ids = model.ids()
        opens = []

        def read_one(aid: int) -> None:  # what open_article does besides showing it
            if win.library.mark_opened(aid):
                win.reading.opened(aid)
            model.refresh(aid)

        for aid in rnd.sample(ids, min(args.runs, len(ids))):
            opens.append(timed(app, lambda a=aid: read_one(a), lambda: True))
        report("an article opened: read mark written, counts adjusted", opens)
        toggles = []
        win.open_article(ids[0])
        app.processEvents()
        for _ in range(args.runs):
            toggles.append(timed(app, win.reading.toggle_read, lambda: True))
        report("M (read mark written, counts adjusted, row repainted)", toggles)
        marks = []
        for key in rnd.sample(feeds, 10):
            win.feeds_view.choose(key)
            marks.append(timed(app, win.reading.mark_source_read, lambda: True))
        report("Shift+A on a feed (marks written, full recount)", marks)
        report("full recount of unread counts",
               [timed(app, win.reading.recount, lambda: True) for _ in range(10)])  # fmt: skip
        report("rebuild of the sources list (500 feeds)",
               [timed(app, win.reading.rebuild, lambda: True) for _ in range(10)])  # fmt: skip
        win.close()


if __name__ == "__main__":
    main()
