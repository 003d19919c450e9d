"""Benchmarks of the reader window (numbers printed, not asserted).

1. Key press → highlight: ``j``/``k`` on a generated 20,000-word article with
   hundreds of claims (some with evidence, conflicts and uncertain sources); median and
   p95 per move, including the repaint (goal < 16 ms).
2. Start → first window shown, as a ratio to a bare PySide6 window with the same
   widget types; each run in a fresh subprocess, median of several (goal ≤ 1.5x, issue 9).
3. Opening a library of 100,000 articles: window construction to the list shown,
   and how many rows the lazy model actually fetched.
4. Opening a 150 KB and a 1 MB Markdown article and a 5 MB text, each twice (the
   second open shows the render caches): how long ``open_article()`` takes to return,
   the longest single stall of the GUI thread's event loop (a 5 ms timer's largest
   gap) until the article is fully shown, and the time until then ("Loading…" is
   on screen that long).

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_gui.py``
(``--quick`` for fewer repetitions).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
import zlib
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reader.gui.app import make_app  # noqa: E402
from reader.ingest import RawInput  # noqa: E402
from reader.ingest.clean_markdown import clean_markdown  # noqa: E402
from reader.model import STATUSES, Article, Claim  # noqa: E402
from reader.store.library import Library  # noqa: E402

WORDS = (  # noqa: SIM905
    "the agency said officials ministry report water harbour council budget vessels "
    "spokesman denied confirmed according to sources familiar with talks company shares "
    "trial patients regulator statement Tuesday record levels city residents review"
).split()


def long_article(n_words: int = 20_000, seed: int = 1) -> Article:
    """Markdown of ``n_words`` words in 4-sentence paragraphs; every other sentence a claim."""
    rnd = random.Random(seed)
    paras, count = [], 0
    while count < n_words:
        sents = []
        for _ in range(4):
            k = rnd.randint(12, 28)
            words = [rnd.choice(WORDS) for _ in range(k)]
            sents.append(" ".join(words).capitalize() + ".")
            count += k
        paras.append(" ".join(sents))
    md = "---\ntitle: A long article\npublisher: Bench Times\n---\n\n" + "\n\n".join(paras)
    article = clean_markdown(md)
    text, claims, pos, i = article.text, [], 0, 0
    while True:
        end = text.find(".", pos)
        if end < 0:
            break
        start = pos
        while start < end and text[start].isspace():
            start += 1
        if i % 2 == 0:
            status = STATUSES[i % len(STATUSES)]
            claim = Claim(text[start : end + 1], start, end + 1, f"Source {i}", None, "person",
                          "Bench Times", "said", status, [f"Source {i}", "Bench Times"])  # fmt: skip
            # issue 8's keys, so moving also paints their tag, box and evidence tint
            claim.uncertain = i % 3 == 0
            if status not in ("reported", "unattributed"):
                claim.evidence = [[start, min(end, start + 40)]]
            if status == "disputed" and claims:
                claim.conflicts_with = [len(claims) - 1]
            claims.append(claim)
        pos, i = end + 1, i + 1
    article.claims = claims
    return article


def _raw(name: str, md: str) -> RawInput:
    return RawInput(name, "markdown", md, md.encode(), None)


def bench_keys(tmp: Path, moves: int) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from reader.gui.window import MainWindow

    app = make_app()
    assert isinstance(app, QApplication)
    db = tmp / "keys.db"
    t0 = time.perf_counter()
    article = long_article()
    with Library(db) as lib:
        aid = lib.add(_raw("long.md", article.markdown), article).article_id
    n_words = len(article.text.split())
    win = MainWindow(db, QSettings(str(tmp / "k.ini"), QSettings.Format.IniFormat), persist=False)
    win.resize(1280, 800)
    win.show()
    win.activateWindow()
    t1 = time.perf_counter()
    win.open_article(aid)
    win.view.wait_until_shown()  # a long article renders on a pool thread
    app.processEvents()
    t_open = time.perf_counter() - t1
    assert win.stored is not None
    n_claims = len(win.stored.claims)
    focus = win.lib_view
    focus.setFocus()
    times: list[float] = []
    key = "j"
    for _ in range(moves):
        before = win.current_claim
        s = time.perf_counter()
        QTest.keyClick(focus, key)
        app.processEvents()  # includes the repaint of the highlight and the scroll
        times.append((time.perf_counter() - s) * 1000)
        if win.current_claim == before:  # reached an end: turn round
            key = "k" if key == "j" else "j"
    assert win.view.current_selection_text(), "nothing highlighted"
    times.sort()
    p95 = times[int(0.95 * (len(times) - 1))]
    print(
        f"[keys] {n_words} words, {n_claims} claims; article open {t_open * 1000:.0f} ms "
        f"(setup {(t1 - t0):.1f} s); {moves} moves: median {statistics.median(times):.2f} ms, "
        f"p95 {p95:.2f} ms, max {times[-1]:.2f} ms (goal < 16 ms)"
    )
    win.close()


_BARE = """
import time, sys
t0 = time.perf_counter()
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (QApplication, QMainWindow, QSplitter, QListView, QTextBrowser,
    QComboBox, QCheckBox, QLabel, QWidget, QVBoxLayout, QStackedWidget, QLineEdit, QListWidget)
app = QApplication([])
w = QMainWindow()
s = QSplitter()
stack = QStackedWidget(); stack.addWidget(QListView())
side = QWidget(); QVBoxLayout(side).addWidget(QLineEdit()); side.layout().addWidget(QListWidget())
stack.addWidget(side)
s.addWidget(stack); s.addWidget(QTextBrowser())
right = QWidget(); lay = QVBoxLayout(right)
for _ in range(3): lay.addWidget(QComboBox())
lay.addWidget(QCheckBox("x")); lay.addWidget(QLabel("x")); lay.addWidget(QListView())
s.addWidget(right)
w.setCentralWidget(s)
for m in ("File", "Go", "Claim", "View", "Help"): w.menuBar().addMenu(m)
w.statusBar()
w.resize(1280, 800)
w.show()
def done():
    print("shown", flush=True)
    app.quit()
QTimer.singleShot(0, done)
app.exec()
"""

_APP = """
import sys, time
sys.path.insert(0, {root!r})
from reader.gui.app import make_app
from reader.gui.window import MainWindow
from PySide6.QtCore import QSettings, QTimer
app = make_app()
# what run_gui does: show the window, then open the library and the last article
win = MainWindow({db!r}, QSettings({ini!r}, QSettings.Format.IniFormat), persist=False,
                 load=False)
win.resize(1280, 800)
win.show()
def shown():
    print("shown", flush=True)
    win.load()
    win.start()
    QTimer.singleShot(0, filled)
def filled():
    assert win.stored is not None
    print("article", flush=True)
    app.quit()
QTimer.singleShot(0, shown)
app.exec()
"""


def _time_child(code: str) -> tuple[float, float]:
    """Wall time from spawning a fresh interpreter to its window being shown, and to
    its second line (the article shown; the same as the first for the bare window)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    # as an installed app starts: from compiled bytecode (pip and a first run write
    # it), not compiling every module again, which PYTHONDONTWRITEBYTECODE (set on
    # some CI machines) would force on the reader and not on the bare window
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    s = time.perf_counter()
    p = subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env,
        text=True,
    )  # fmt: skip
    assert p.stdout is not None
    line = p.stdout.readline()
    shown = time.perf_counter() - s
    rest = p.stdout.readline()
    second = time.perf_counter() - s if rest.strip() else shown
    p.wait(timeout=60)
    if line.strip() != "shown":
        raise RuntimeError(f"child did not show a window (exit {p.returncode})")
    return shown, second


def bench_startup(tmp: Path, runs: int) -> None:
    db = tmp / "start.db"
    article = long_article(3000, seed=2)
    with Library(db) as lib:
        lib.add(_raw("a.md", article.markdown), article)
    app_code = _APP.format(root=str(ROOT), db=str(db), ini=str(tmp / "s.ini"))
    bare_code = textwrap.dedent(_BARE)
    _time_child(bare_code)  # warm the file cache for both
    _time_child(app_code)
    bare, full, filled = [], [], []
    for _ in range(runs):
        bare.append(_time_child(bare_code)[0])
        shown, art = _time_child(app_code)
        full.append(shown)
        filled.append(art)
    b, f, a = statistics.median(bare), statistics.median(full), statistics.median(filled)
    print(
        f"[startup] bare PySide6 window {b * 1000:.0f} ms; reader window shown "
        f"{f * 1000:.0f} ms: ratio {f / b:.2f}x (goal <= 1.5x); with the library open and a "
        f"3,000-word article rendered {a * 1000:.0f} ms ({a / b:.2f}x); median of {runs}"
    )


def make_big_library(db: Path, n: int) -> None:
    """``n`` article rows through executemany, into a schema created by Library."""
    with Library(db) as lib:
        conn = lib.db.conn
        blob = zlib.compress(b"x")
        rows = [
            (
                f"hash{i}", f"gen{i}.txt", "text", blob, None, f"Generated article number {i}",
                None, ("Bench Times", "Daily Post", None)[i % 3],
                f"20{10 + i % 15:02d}-{1 + i % 12:02d}-{1 + i % 28:02d}", "", f"Body {i}.",
                "2025-01-01T00:00:00+00:00", "2025-01-01T00:00:00+00:00", "bench",
            )
            for i in range(n)
        ]  # fmt: skip
        with conn:
            conn.executemany(
                "insert into articles (content_hash, source, kind, raw, url, title, byline,"
                " publisher, published, markdown, text, imported_at, extracted_at, engine)"
                " values (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                rows,
            )


def bench_big_library(tmp: Path, n: int) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from reader.gui.window import MainWindow

    app = make_app()
    assert isinstance(app, QApplication)
    db = tmp / "big.db"
    s = time.perf_counter()
    make_big_library(db, n)
    made = time.perf_counter() - s
    s = time.perf_counter()
    win = MainWindow(db, QSettings(str(tmp / "b.ini"), QSettings.Format.IniFormat), persist=False)
    win.resize(1280, 800)
    win.show()
    while win.lib_model.cached_rows() == 0:  # until the list has painted its first rows
        app.processEvents()
    shown = time.perf_counter() - s
    model = win.lib_model
    s2 = time.perf_counter()
    win.lib_view.scrollToBottom()
    app.processEvents()
    win.lib_view.viewport().repaint()
    scrolled = time.perf_counter() - s2
    print(
        f"[library] {model.rowCount()} articles (generated in {made:.1f} s): window to list "
        f"shown {shown * 1000:.0f} ms; rows fetched {model.cached_rows()} in {model.fetches} "
        f"page queries (lazy); scroll to the end {scrolled * 1000:.0f} ms"
    )
    win.close()


class StallMeter:
    """A 5 ms timer on the GUI thread; the largest gap between its ticks is the
    longest time the event loop could not run (the window froze that long)."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)
        self.last = 0.0
        self.worst = 0.0

    def _tick(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, now - self.last)
        self.last = now

    def start(self) -> None:
        self.last, self.worst = time.perf_counter(), 0.0
        self.timer.start()

    def stop(self) -> float:
        """Stop; the longest stall in seconds (the gap still open counts too)."""
        self._tick()
        self.timer.stop()
        return self.worst


def _spin(app: object, seconds: float) -> None:
    """Run the event loop for ``seconds`` (timers fire, queued signals arrive)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def bench_open(tmp: Path) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from reader.gui.window import MainWindow

    app = make_app()
    assert isinstance(app, QApplication)
    db = tmp / "open.db"
    ids: list[tuple[str, int, int]] = []
    with Library(db) as lib:
        for label, words in (("150 KB", 19_000), ("1 MB", 130_000)):
            article = long_article(words, seed=3)
            aid = lib.add(_raw(f"{label}.md", article.markdown), article).article_id
            ids.append((label, aid, len(article.markdown.encode())))
        # a 5 MB scraped text: no Markdown, one paragraph per block, ~18,000 claims
        big = long_article(720_000, seed=5)
        big.markdown = ""
        raw = RawInput("5mb.txt", "text", big.text, big.text.encode(), None)
        ids.append(("5 MB text", lib.add(raw, big).article_id, len(big.text.encode())))
        small = long_article(200, seed=4)
        other = lib.add(_raw("small.md", small.markdown), small).article_id
    win = MainWindow(db, QSettings(str(tmp / "o.ini"), QSettings.Format.IniFormat), persist=False)
    win.resize(1280, 800)
    win.show()
    for label, aid, size in ids:
        for run in range(2):  # the second run shows the effect of the render cache
            win.open_article(other)
            _spin(app, 0.2)
            meter = StallMeter()
            meter.start()
            _spin(app, 0.05)
            s = time.perf_counter()
            win.open_article(aid)
            returned = time.perf_counter() - s
            while win.view.loading:
                app.processEvents()
                time.sleep(0.001)
            shown = time.perf_counter() - s
            win.view.viewport().repaint()
            _spin(app, 0.3)  # lazy layout after the swap counts too
            worst = meter.stop()
            print(
                f"[open] {label} article ({size / 1000:.0f} KB, open {run + 1}): "
                f"open_article() returned in {returned * 1000:.0f} ms; shown after "
                f"{shown * 1000:.0f} ms; longest GUI-thread stall {worst * 1000:.0f} ms"
            )
    win.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="fewer repetitions")
    ap.add_argument("--open-only", action="store_true", help="only the article-open benchmark")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-gui-") as d:
        tmp = Path(d)
        os.environ["PROVENANCE_READER_HOME"] = str(tmp / "home")
        bench_open(tmp)
        if args.open_only:
            return
        bench_keys(tmp, 100 if args.quick else 600)
        bench_big_library(tmp, 100_000)
        bench_startup(tmp, 3 if args.quick else 7)


if __name__ == "__main__":
    main()
