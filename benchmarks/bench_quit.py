"""Benchmark: Ctrl+Q to process exit, as a user quits ``python -m reader open``.

Each run is a fresh ``python -m reader open --db LIB`` (the real entry point, the real
exit path of ``run_gui``) on a library of a few articles, with its own settings folder.
A hook in the child waits until the window is shown, active and has opened an
article, then presses Ctrl+Q in it and prints the moment (CLOCK_MONOTONIC, shared by
every process on the machine); the parent times from that moment to the child's
exit. Median and worst of several runs (goal < 300 ms). ``--trace`` also prints, per
run, when the child handled the key, emitted aboutToQuit, left ``run_gui`` (if it
does) and exited. ``--long-kb N`` opens a long article of N KB instead;
``--during-render`` presses Ctrl+Q while it is still rendering.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_quit.py`` (or under
an X server: ``QT_QPA_PLATFORM=xcb``).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

#: The child: ``python -m reader open`` with a hook that presses Ctrl+Q once an
#: article is on screen. The hook is a timer started by the first QApplication.
_CHILD = r"""
import sys, time
sys.path.insert(0, {root!r})
TRACE = {trace!r}
WAIT_SHOWN = {wait_shown!r}

def mark(what):
    if TRACE:  # printed at once: the process may end without running any more Python
        print(f"trace {{what}} {{time.clock_gettime(time.CLOCK_MONOTONIC):.6f}}", flush=True)

import reader.gui.app as app_mod
_make_app = app_mod.make_app

def make_app(dark=False):
    app = _make_app(dark)
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from reader.gui.window import MainWindow

    def poll():
        wins = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if not wins or getattr(wins[0], "stored", None) is None or (WAIT_SHOWN and wins[0].view.loading):
            QTimer.singleShot(20, poll)
            return
        win = wins[0]
        win.activateWindow()
        if app.activeWindow() is not win:
            QTimer.singleShot(20, poll)
            return
        win.destroyed.connect(lambda: mark("window destroyed"))
        app.aboutToQuit.connect(lambda: mark("aboutToQuit"))
        t = time.clock_gettime(time.CLOCK_MONOTONIC)
        print(f"key {{t:.6f}}", flush=True)
        mark("key")
        QTest.keyClick(win, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
        mark("key handled")

    QTimer.singleShot(0, poll)
    return app

app_mod.make_app = make_app
_run_gui = app_mod.run_gui

def run_gui(args):
    code = _run_gui(args)
    mark("run_gui returned")
    return code

app_mod.run_gui = run_gui
from reader.cli import main
sys.argv = ["reader", "open", "--db", {db!r}]
sys.exit(main())
"""


def make_library(db: Path, n: int = 5, long_kb: int = 0) -> None:
    """A library of ``n`` short articles; with ``long_kb``, a long one of about that
    many KB of Markdown is the newest (the one the window opens)."""
    from reader.ingest import RawInput
    from reader.ingest.clean_markdown import clean_markdown
    from reader.store.library import Library

    with Library(db) as lib:
        for i in range(n):
            body = "\n\n".join(
                f"Officials said in part {i} that the harbour {j} was safe, according to a "
                f"statement. The report could not be independently verified."
                for j in range(40)
            )
            md = f"---\ntitle: Article {i}\npublisher: Bench Times\n---\n\n{body}\n"
            article = clean_markdown(md)
            lib.add(RawInput(f"a{i}.md", "markdown", md, md.encode(), None), article)
        if long_kb:
            para = (
                "Officials said the harbour was safe, according to a statement issued on "
                "Monday. The report could not be independently verified by the paper. "
            )
            body = "\n\n".join(f"{para} Part {j}." for j in range(long_kb * 1000 // 160))
            md = f"---\ntitle: A long one\npublisher: Bench Times\n---\n\n{body}\n"
            article = clean_markdown(md)
            lib.add(RawInput("long.md", "markdown", md, md.encode(), None), article)


def one_run(db: Path, home: Path, trace: bool, wait_shown: bool = True) -> tuple[float, list[str]]:
    """Seconds from the key press to the child's exit, and its trace lines (ms after
    the key). ``wait_shown=False`` quits while a long article is still rendering."""
    env = dict(
        os.environ,
        QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        PROVENANCE_READER_HOME=str(home),
    )
    code = _CHILD.format(root=str(ROOT), db=str(db), trace=trace, wait_shown=wait_shown)
    p = subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
        text=True, cwd=ROOT,
    )  # fmt: skip
    assert p.stdout is not None
    pressed: float | None = None
    lines: list[str] = []
    for line in p.stdout:
        if line.startswith("key ") and pressed is None:
            pressed = float(line.split()[1])
        elif line.startswith("trace "):
            what, _, at = line[6:].rstrip().rpartition(" ")
            lines.append(f"{what} {(float(at) - (pressed or float(at))) * 1000:.1f} ms")
    p.wait(timeout=60)
    gone = time.clock_gettime(time.CLOCK_MONOTONIC)
    if pressed is None or p.returncode != 0:
        err = p.stderr.read() if p.stderr else ""
        raise RuntimeError(f"the window did not quit cleanly (exit {p.returncode}): {err}")
    lines.append(f"exit {(gone - pressed) * 1000:.1f} ms")
    return gone - pressed, lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--trace", action="store_true", help="where the child's time went")
    ap.add_argument("--long-kb", type=int, default=0, help="open a long article of N KB")
    ap.add_argument(
        "--during-render", action="store_true", help="quit while the long article renders"
    )
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-quit-") as d:
        tmp = Path(d)
        db = tmp / "lib.db"
        make_library(db, long_kb=args.long_kb)
        one_run(db, tmp / "home", False)  # warm the file cache; settings now exist
        times = []
        for _ in range(args.runs):
            t, lines = one_run(db, tmp / "home", args.trace, not args.during_render)
            times.append(t)
            if args.trace:
                print("  " + "; ".join(lines))
        what = f"{args.long_kb} KB article" if args.long_kb else "short articles"
        if args.during_render:
            what += ", still rendering"
        print(
            f"[quit] {what}: Ctrl+Q to process exit: median {statistics.median(times) * 1000:.0f} ms, "
            f"worst {max(times) * 1000:.0f} ms over {args.runs} runs (goal < 300 ms)"
        )


if __name__ == "__main__":
    main()
