"""Screenshot mode, as a user runs it: a fresh process, offscreen."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from reader import APP_NAME, ORG_NAME
from reader.gui.app import SCREENSHOT_SIZE
from tests.helpers import ROOT
from tests.test_gui_support import variant

pytestmark = pytest.mark.subprocess  # the window in a fresh process


def _run(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PROVENANCE_READER_HOME=str(home))
    env["XDG_CONFIG_HOME"] = str(home / "config")
    return subprocess.run(
        [sys.executable, "-m", "reader", "open", *args],
        capture_output=True, text=True, cwd=ROOT, env=env, timeout=120,
    )  # fmt: skip


def test_screenshot_of_a_path_has_the_window_size(tmp_path: Path) -> None:
    src = tmp_path / "story.md"
    src.write_text(variant(1), encoding="utf-8")
    out = tmp_path / "shot.png"
    p = _run(str(src), "--screenshot", str(out), "--claim", "2", "--db",
             str(tmp_path / "lib.db"), home=tmp_path)  # fmt: skip
    assert p.returncode == 0, p.stderr
    assert p.stderr == ""
    img = QImage(str(out))
    assert not img.isNull()
    assert (img.width(), img.height()) == SCREENSHOT_SIZE
    # not blank: many distinct colours (text, badges)
    colours = {img.pixel(x, y) for x in range(0, img.width(), 7) for y in range(0, img.height(), 7)}
    assert len(colours) > 20


def test_screenshot_dark_first_run_uses_samples(tmp_path: Path) -> None:
    out = tmp_path / "dark.png"
    p = _run("--screenshot", str(out), "--dark", "--db", str(tmp_path / "lib.db"), home=tmp_path)
    assert p.returncode == 0, p.stderr
    img = QImage(str(out))
    assert (img.width(), img.height()) == SCREENSHOT_SIZE
    # dark: the centre of the article pane is dark
    assert QImage(img).pixelColor(img.width() // 2, img.height() - 60).lightness() < 100


def test_screenshot_bad_path_is_one_line_and_exit_2(tmp_path: Path) -> None:
    out = tmp_path / "never.png"
    p = _run(str(tmp_path / "missing.md"), "--screenshot", str(out), "--db",
             str(tmp_path / "lib.db"), home=tmp_path)  # fmt: skip
    assert p.returncode == 2
    assert len(p.stderr.strip().splitlines()) == 1 and "missing.md" in p.stderr
    assert not out.exists()


def test_screenshot_ignores_and_keeps_the_users_settings(tmp_path: Path) -> None:
    src = tmp_path / "story.md"
    src.write_text(variant(1), encoding="utf-8")
    plain, tweaked = tmp_path / "plain", tmp_path / "tweaked"
    ini = tweaked / "config" / ORG_NAME / f"{APP_NAME}.ini"
    ini.parent.mkdir(parents=True)
    user = "[view]\nfont_size=30\n\n[library]\nvisible=false\n\n[keys]\nnext_claim=X\n"
    ini.write_text(user, encoding="utf-8")
    shots = []
    for home in (plain, tweaked):
        out = tmp_path / f"{home.name}.png"
        p = _run(str(src), "--screenshot", str(out), "--claim", "1", "--db",
                 str(home / "lib.db"), home=home)  # fmt: skip
        assert p.returncode == 0, p.stderr
        shots.append(QImage(str(out)))
    assert shots[0] == shots[1]  # the user's font size and hidden pane changed nothing
    assert ini.read_text(encoding="utf-8") == user  # and nothing was written back


def test_screenshot_unwritable_path_is_one_line_and_exit_2(tmp_path: Path) -> None:
    src = tmp_path / "story.md"
    src.write_text(variant(1), encoding="utf-8")
    p = _run(str(src), "--screenshot", "/dev/null/x.png", "--db", str(tmp_path / "lib.db"),
             home=tmp_path)  # fmt: skip
    assert p.returncode == 2
    lines = p.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: /dev/null/x.png:"), p.stderr
