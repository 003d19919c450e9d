"""One smoke test under a real X server, as a user runs the window: start
`python -m reader open --db LIB FILE` on Qt's xcb platform, wait for the window to
show FILE's article, press `j`, take a screenshot of the screen, quit with Ctrl+Q.

Marked ``x11``: plain `make test` (offscreen, no X server) deselects it, and
`make smoke` runs just it under `xvfb-run` with ``QT_QPA_PLATFORM=xcb``. Without an X
display, xdotool or ImageMagick it fails, never skips: a smoke test that did not run
must not look like one that passed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader import APP_NAME
from tests.helpers import ROOT

pytestmark = [pytest.mark.x11, pytest.mark.subprocess]  # a real X server and the real app

TITLE = "Ferry line to Orrholm resumes after storm repairs, operator says"
#: Written for this test: attributed claims through an outlet, a denial, a number.
ARTICLE = f"""{TITLE}

By Mette Sund

May 14, 2025

Ferries between Tallvik and the island of Orrholm will run again from Monday after six \
weeks of repairs to the storm-damaged pier, the operator Skerry Lines said on Wednesday.

The county harbour office said the new pier had passed its load test on Tuesday, \
according to the Tallvik Courier.

Two crew members told the Courier that the first week would run on a reduced timetable. \
Skerry Lines denied that any sailings would be cut.

Island residents have waited since March 30, when waves tore away 40 metres of the old \
pier.
"""

#: The tools the test drives the window with, and the Debian package of each.
TOOLS = {
    "xdotool": "xdotool",
    "import": "imagemagick",
    "compare": "imagemagick",
    "identify": "imagemagick",
}
START_S = 60.0  # window shown and the article open (first run imports the samples too)
QUIT_S = 10.0  # Ctrl+Q to process exit
STATUS_BAR_PX = 40  # left out of the before/after comparison: its text changes anyway
MIN_COLOURS = 64  # a blank or single-colour screen has a handful
MIN_CHANGED_PX = 5_000  # a highlighted sentence and a selected claim card, at least


def _require_x() -> None:
    """Fail, naming what is missing, unless a real X display and the tools are here."""
    missing = [
        f"{tool} (apt-get install {pkg})" for tool, pkg in TOOLS.items() if not shutil.which(tool)
    ]
    if missing:
        pytest.fail(f"the X11 smoke test needs {', '.join(missing)}; run it with `make smoke`")
    if not os.environ.get("DISPLAY"):
        pytest.fail("no X display (DISPLAY is unset): run the X11 smoke test with `make smoke`")
    if os.environ.get("QT_QPA_PLATFORM", "xcb") != "xcb":
        pytest.fail(f"QT_QPA_PLATFORM={os.environ['QT_QPA_PLATFORM']}: the smoke test is for xcb")


def _run(*cmd: str, timeout: float = 30.0) -> str:
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
    assert proc.returncode == 0, f"{' '.join(cmd)}: exit {proc.returncode}: {proc.stderr.strip()}"
    return proc.stdout.strip()


def _window_with_title(want: str, deadline: float) -> str:
    """The id of the visible window whose name contains ``want``, waiting for it."""
    # --sync: xdotool itself waits until a visible window has the app's name
    _run("xdotool", "search", "--sync", "--onlyvisible", "--name", APP_NAME, timeout=START_S)
    names: dict[str, str] = {}
    while time.monotonic() < deadline:
        ids = _run("xdotool", "search", "--onlyvisible", "--name", APP_NAME).split()
        names = {wid: _run("xdotool", "getwindowname", wid) for wid in ids}
        for wid, name in names.items():
            if want in name:
                return wid
        time.sleep(0.2)
    pytest.fail(f"no window showed {want!r} within {START_S:.0f}s; window names: {names}")


def _geometry(wid: str) -> dict[str, int]:
    out = _run("xdotool", "getwindowgeometry", "--shell", wid)
    return {
        k: int(v) for k, v in (line.split("=", 1) for line in out.splitlines()) if k != "SCREEN"
    }


def _colours(png: Path) -> int:
    return int(_run("identify", "-format", "%k", str(png)))


def _changed_pixels(a: Path, b: Path, crop: str) -> int:
    """Pixels that differ between two screenshots inside ``crop`` (WxH+X+Y)."""
    proc = subprocess.run(
        ["compare", "-metric", "AE", "-extract", crop, str(a), str(b), "null:"],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert proc.returncode in (0, 1), proc.stderr  # 1: they differ
    return int(float(proc.stderr.split()[0]))


def test_window_opens_an_article_steps_to_a_claim_and_quits(tmp_path: Path) -> None:
    _require_x()
    article = tmp_path / "orrholm-ferry.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    home = tmp_path / "home"
    runtime = tmp_path / "run"  # the single-instance socket lives here
    runtime.mkdir(mode=0o700)
    env = {k: v for k, v in os.environ.items() if k != "PROVENANCE_READER_HOME"}
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_CACHE_HOME=str(home / ".cache"),
        XDG_RUNTIME_DIR=str(runtime),
        QT_QPA_PLATFORM="xcb",
    )
    db = tmp_path / "library.db"
    log = (tmp_path / "window.log").open("w+")
    start = time.monotonic()
    proc = subprocess.Popen(
        [sys.executable, "-m", "reader", "open", "--db", str(db), str(article)],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        wid = _window_with_title(TITLE, start + START_S)
        shown = time.monotonic() - start
        # No window manager under Xvfb: give the window the input focus directly (Qt
        # then makes it the active window, where shortcuts fire).
        _run("xdotool", "windowfocus", "--sync", wid)
        time.sleep(0.5)  # let the article render and the open note settle
        before, after = tmp_path / "before.png", tmp_path / "after.png"
        _run("import", "-window", "root", str(before))
        _run("xdotool", "key", "--clearmodifiers", "j")
        time.sleep(1.0)
        _run("import", "-window", "root", str(after))
        keep = os.environ.get("SMOKE_SCREENSHOT")  # make smoke keeps it in build/
        if keep:
            shutil.copyfile(after, keep)

        assert TITLE in _run("xdotool", "getwindowname", wid)
        assert _colours(after) >= MIN_COLOURS, "the screen is (nearly) blank"
        g = _geometry(wid)
        crop = f"{g['WIDTH']}x{g['HEIGHT'] - STATUS_BAR_PX}+{g['X']}+{g['Y']}"
        changed = _changed_pixels(before, after, crop)
        assert changed >= MIN_CHANGED_PX, f"j changed {changed} pixels: no claim highlighted?"

        quit_at = time.monotonic()
        _run("xdotool", "key", "--clearmodifiers", "ctrl+q")
        try:
            code = proc.wait(timeout=QUIT_S)
        except subprocess.TimeoutExpired:
            pytest.fail(f"still running {QUIT_S:.0f}s after Ctrl+Q")
        quit_s = time.monotonic() - quit_at
        log.seek(0)
        assert code == 0, f"exit status {code}; output:\n{log.read()}"
        print(
            f"\nsmoke: window with the article {shown:.2f}s, quit {quit_s:.2f}s, {changed} px changed by j"
        )
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=30)
        log.close()
