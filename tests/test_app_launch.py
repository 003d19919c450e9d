"""Launching the app as a double-click does: a second launch hands its file to the
running window (real processes, real local socket, real library)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.store import Library
from tests.helpers import ROOT

pytestmark = pytest.mark.subprocess  # the app's own processes

STORY = (
    "Lighthouse keepers return to Skarholm\n\n"
    "The coastal agency said on Friday that two keepers would live at the Skarholm light "
    "again from May, the first since 1987, after the automatic beacon failed twice.\n"
)


def _env() -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


def _wait_for(pred: object, timeout: float = 60.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if pred():  # type: ignore[operator]
            return True
        time.sleep(0.2)
    return False


def _titles(db: Path) -> list[str | None]:
    with Library(db) as lib:
        return [r.title for r in lib.list_articles()]


def test_second_launch_forwards_its_file_and_exits(tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    story = tmp_path / "skarholm.txt"
    story.write_text(STORY)
    first = subprocess.Popen(
        [sys.executable, "-m", "reader", "open", "--db", str(db)],
        cwd=ROOT,
        env=_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        # the first window fills an empty library with the samples: wait until it has
        assert _wait_for(lambda: db.exists() and len(_titles(db)) >= 3), (
            "first window never filled the library"
        )
        second = subprocess.run(
            [sys.executable, "-m", "reader", str(story), "--db", str(db)],
            cwd=tmp_path,
            env=_env(),
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert second.returncode == 0, second.stderr
        assert _wait_for(lambda: "Lighthouse keepers return to Skarholm" in _titles(db))
        assert first.poll() is None, "the first window should still be running"
    finally:
        first.terminate()
        first.wait(timeout=30)


def test_ctrl_q_ends_the_process_at_once_with_state_saved(tmp_path: Path) -> None:
    """Ctrl+Q in ``python -m reader open`` while a 3 MB article is still rendering:
    the process is gone in well under a second (it waited for the render to finish:
    1-3 s), exits 0, has saved the last article and removed its socket."""
    from benchmarks.bench_quit import make_library, one_run
    from reader.gui.single_instance import SingleInstance, socket_path

    db = tmp_path / "lib.db"
    make_library(db, n=2, long_kb=3000)
    home = tmp_path / "home"
    took, trace = one_run(db, home, trace=True, wait_shown=False)
    assert took < 0.6, trace
    ini = home / "config" / "Provenance Reader" / "Provenance Reader.ini"
    assert "last_article" in ini.read_text(encoding="utf-8")
    assert not os.path.exists(socket_path(SingleInstance.for_library(db).name))
