"""The layout holds: the article keeps a readable width at every window size, side
panes shrink to their minimums and then collapse (library first), a key brings a
collapsed pane back, a squeezed or too-big saved layout is clamped, and zoom scales
the panes' text with rows that grow to fit.

Sizes are asserted in the window (pytest-qt, real widgets, offscreen) and, for a
2x device pixel ratio and for small screens, in fresh processes on an offscreen
screen of the size wanted (``offscreen:configfile``) with ``QT_SCALE_FACTOR``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QSplitter, QWidget
from pytestqt.qtbot import QtBot

from reader.gui.claims_panel import TEXT_LINES, ClaimDelegate
from reader.gui.layout import (
    Limits,
    Pane,
    plan_panes,
    state_sizes,
    with_sizes,
)
from reader.gui.settings import DEFAULT_POINT_SIZE
from reader.gui.window import MainWindow
from tests.helpers import ROOT
from tests.layout_probe import measure
from tests.test_gui_support import make_db, open_window

SIZES = [(800, 600), (1280, 800), (1920, 1080)]
#: Which side panes each size shows at the default text size.
SHOWN = {(800, 600): ["claims"], (1280, 800): ["claims", "library"], (1920, 1080): ["claims", "library"]}  # fmt: skip

LIMITS = Limits(366, 542, {Pane.LIBRARY: 216, Pane.CLAIMS: 288})
BOTH = [Pane.CLAIMS, Pane.LIBRARY]


# --- the rule ---------------------------------------------------------------------------


def test_plan_keeps_the_users_widths_when_they_fit() -> None:
    plan = plan_panes(1280, 4, LIMITS, BOTH, {Pane.LIBRARY: 252, Pane.CLAIMS: 384})
    assert plan.sizes() == [252, 1280 - 8 - 252 - 384, 384]


def test_plan_takes_room_from_the_library_first_then_the_claims_pane() -> None:
    prefs = {Pane.LIBRARY: 252, Pane.CLAIMS: 384}
    plan = plan_panes(1100, 4, LIMITS, BOTH, prefs)  # article short of comfortable
    assert plan.article == LIMITS.article_comfort
    assert plan.library == LIMITS.side_min[Pane.LIBRARY] and plan.claims > 288
    plan = plan_panes(900, 4, LIMITS, BOTH, prefs)  # both sides down to their minimums
    assert (plan.library, plan.claims) == (216, 288)
    assert LIMITS.article_min <= plan.article < LIMITS.article_comfort
    assert sum(plan.sizes()) + 8 == 900


def test_plan_collapses_the_library_first_then_the_claims_pane() -> None:
    prefs = {Pane.LIBRARY: 252, Pane.CLAIMS: 384}
    plan = plan_panes(877, 4, LIMITS, BOTH, prefs)  # one pixel short of all three
    assert plan.shown == {Pane.CLAIMS} and plan.article >= LIMITS.article_min
    assert sum(plan.sizes()) + 4 == 877
    plan = plan_panes(657, 4, LIMITS, BOTH, prefs)
    assert plan.shown == set() and plan.article == 657
    # the pane shown last by the user (first in the list) is the last to go
    plan = plan_panes(800, 4, LIMITS, [Pane.LIBRARY, Pane.CLAIMS], prefs)
    assert plan.shown == {Pane.LIBRARY}


def test_plan_never_gives_the_article_less_than_its_minimum() -> None:
    for total in range(300, 2400, 7):
        for wanted in ([], [Pane.LIBRARY], [Pane.CLAIMS], BOTH, BOTH[::-1]):
            for prefs in ({}, {Pane.LIBRARY: 900, Pane.CLAIMS: 900}, {Pane.LIBRARY: 1}):
                plan = plan_panes(total, 4, LIMITS, wanted, prefs, article_preferred=140)
                handles = 4 * len(plan.shown)
                assert sum(plan.sizes()) + handles == total
                if plan.shown:
                    assert plan.article >= LIMITS.article_min
                for p in plan.shown:
                    assert plan.width(p) >= LIMITS.side_min[p]


def test_splitter_state_sizes_read_and_replaced(qtbot: QtBot) -> None:
    plain = QSplitter()
    qtbot.addWidget(plain)
    for _ in range(3):
        plain.addWidget(QWidget())
    plain.setSizes([250, 140, 390])
    state = plain.saveState()
    assert state_sizes(state) == [250, 140, 390]
    assert state_sizes(with_sizes(state, [200, 500, 300])) == [200, 500, 300]
    assert state_sizes(b"not a state") is None


# --- the window at each size ------------------------------------------------------------


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "lib.db"
    make_db(path, 3)
    return path


def assert_holds(m: dict[str, Any], shown: list[str] | None = None) -> None:
    """The layout's promises, on a :func:`tests.layout_probe.measure` result."""
    library, article, claims = m["sizes"]
    assert m["article"] >= m["article_min"], m
    assert article >= m["article_min"], m
    for name, width in (("library", library), ("claims", claims)):
        if name in m["shown"]:
            assert width >= m["side_min"][name], m
            assert m["checked"][name], m
        else:
            assert width == 0 and not m["checked"][name], m
    visible = [s for s in m["sizes"] if s > 0]
    assert sum(visible) + m["handle"] * (len(visible) - 1) == m["splitter"], m
    assert m["splitter"] == m["window"][0], m
    assert m["hscroll"] == [], m
    assert m["broken"] == [], m
    if shown is not None:
        assert m["shown"] == shown, m


def _settle(qtbot: QtBot, win: MainWindow) -> None:
    win.view.wait_until_shown()
    qtbot.wait(30)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_layout_holds_at_each_size(
    qtbot: QtBot, db: Path, tmp_path: Path, size: tuple[int, int]
) -> None:
    win = open_window(qtbot, db, tmp_path / "s.ini", size=size)
    win.select_claim(1)
    _settle(qtbot, win)
    m = measure(win)
    assert m["window"] == list(size)
    assert_holds(m, SHOWN[size])
    shot = win.grab()
    assert (shot.width(), shot.height()) == size
    assert shot.save(str(tmp_path / f"layout-{size[0]}x{size[1]}.png"))


def test_narrowing_collapses_library_then_claims_and_widening_brings_them_back(
    qtbot: QtBot, db: Path, tmp_path: Path
) -> None:
    win = open_window(qtbot, db, tmp_path / "s.ini", size=(1280, 800))
    _settle(qtbot, win)
    before = win.splitter.sizes()
    seen = []
    for w in range(1280, 360, -40):
        win.resize(w, 600)
        qtbot.wait(5)
        m = measure(win)
        assert_holds(m)
        if m["shown"] not in seen:
            seen.append(m["shown"])
    assert seen == [["claims", "library"], ["claims"], []]
    assert "Claims pane hidden to keep the article readable" in win.statusBar().currentMessage()
    assert win.width() >= win.splitter.limits.article_min  # never narrower than the article
    win.resize(1280, 800)
    qtbot.wait(5)
    assert win.splitter.sizes() == before  # the same width gives the same layout
    assert "hidden" not in win.statusBar().currentMessage()  # no stale note


def test_show_keys_bring_a_collapsed_pane_back_and_the_other_gives_way(
    qtbot: QtBot, db: Path, tmp_path: Path
) -> None:
    win = open_window(qtbot, db, tmp_path / "s.ini", size=(800, 600))
    _settle(qtbot, win)
    assert win.splitter.shown() == {Pane.CLAIMS}
    # said at start, not just missing
    assert "Library hidden to make room (Ctrl+B shows it)" in win.statusBar().currentMessage()
    ctrl, shift = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(win, Qt.Key.Key_B, ctrl)  # Show Library
    m = measure(win)
    assert_holds(m, ["library"])
    assert "Claims pane hidden to make room" in win.statusBar().currentMessage()
    assert "Ctrl+Shift+B" in win.statusBar().currentMessage()
    qtbot.keyClick(win, Qt.Key.Key_B, ctrl | shift)  # Show Claims
    assert_holds(measure(win), ["claims"])
    assert "Library hidden to make room" in win.statusBar().currentMessage()
    # hiding the claims pane makes room: the library, still wanted, comes back
    qtbot.keyClick(win, Qt.Key.Key_B, ctrl | shift)
    assert_holds(measure(win), ["library"])
    qtbot.keyClick(win, Qt.Key.Key_B, ctrl)  # and hidden too: just the article
    assert_holds(measure(win), [])
    win.resize(1280, 800)  # wide again: hidden by the user, they stay hidden
    qtbot.wait(5)
    assert_holds(measure(win), [])
    qtbot.keyClick(win, Qt.Key.Key_B, ctrl | shift)
    qtbot.keyClick(win, Qt.Key.Key_B, ctrl)
    assert_holds(measure(win), ["claims", "library"])


def test_showing_a_pane_the_window_cannot_hold_says_so(
    qtbot: QtBot, db: Path, tmp_path: Path
) -> None:
    win = open_window(qtbot, db, tmp_path / "s.ini", size=(500, 600))
    _settle(qtbot, win)
    assert win.splitter.shown() == set()
    qtbot.keyClick(win, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert "too narrow to show the library" in win.statusBar().currentMessage()
    assert_holds(measure(win), [])


def test_dragging_a_side_pane_shut_hides_it_and_the_key_shows_it(
    qtbot: QtBot, db: Path, tmp_path: Path
) -> None:
    win = open_window(qtbot, db, tmp_path / "s.ini", size=(1280, 800))
    _settle(qtbot, win)
    sp = win.splitter
    sp.moveSplitter(0, 1)  # what dragging the library's handle to the edge does
    assert not win.actions_by_name["toggle_library"].isChecked()
    assert sp.shown() == {Pane.CLAIMS} and not sp.wanted[Pane.LIBRARY]
    assert "Library hidden (Ctrl+B shows it)" in win.statusBar().currentMessage()
    qtbot.keyClick(win, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert_holds(measure(win), ["claims", "library"])
    assert sp.sizes()[0] >= sp.limits.side_min[Pane.LIBRARY]


def _window_with(qtbot: QtBot, db: Path, settings: QSettings) -> MainWindow:
    win = MainWindow(db, settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.start()
    _settle(qtbot, win)
    return win


def test_a_squeezed_saved_layout_is_clamped_on_restore(
    qtbot: QtBot, db: Path, tmp_path: Path
) -> None:
    # what the old window saved at 800x600: side panes at full width, article 140 px
    plain = QSplitter()
    qtbot.addWidget(plain)
    for _ in range(3):
        plain.addWidget(QWidget())
    plain.setSizes([250, 140, 390])
    probe = QWidget()
    qtbot.addWidget(probe)
    probe.resize(800, 600)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    settings.setValue("window/geometry", probe.saveGeometry())
    settings.setValue("window/splitter", plain.saveState())
    win = _window_with(qtbot, db, settings)
    m = measure(win)
    assert m["window"] == [800, 600]
    assert_holds(m, ["claims"])
    assert m["sizes"][1] > 140 + 200
    # and the layout it saves on close is the user's widths, not a squeezed one
    win.close()
    saved = state_sizes(settings.value("window/splitter"))
    assert saved is not None and saved[1] >= win.splitter.limits.article_min
    again = _window_with(qtbot, db, settings)
    assert again.splitter.sizes() == m["sizes"]


def test_hidden_panes_are_remembered_and_a_collapsed_one_is_not_saved_as_hidden(
    qtbot: QtBot, db: Path, tmp_path: Path
) -> None:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    win = open_window(qtbot, db, settings, size=(1280, 800))
    qtbot.keyClick(win, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)  # fmt: skip
    win.resize(800, 600)  # the library collapses for room: the user still wants it
    qtbot.wait(5)
    assert win.splitter.shown() == set() or win.splitter.shown() == {Pane.LIBRARY}
    win.close()
    assert settings.value("claims/visible") in (False, "false")
    assert settings.value("library/visible") in (True, "true")
    again = open_window(qtbot, db, settings, size=(1280, 800))
    _settle(qtbot, again)
    assert_holds(measure(again), ["library"])


# --- zoom -------------------------------------------------------------------------------


def test_zoom_scales_the_panes_text_and_their_rows_grow_to_fit(
    qtbot: QtBot, db: Path, tmp_path: Path
) -> None:
    win = open_window(qtbot, db, tmp_path / "s.ini", size=(1280, 800))
    win.start_search()  # the search box is in the library pane too
    win.end_search()
    _settle(qtbot, win)
    cp = win.claims_panel

    def rows() -> tuple[int, int]:
        claims = cp.view.visualRect(cp.proxy.index(0, 0)).height()
        library = win.lib_view.visualRect(win.lib_model.index(0, 0)).height()
        return claims, library

    base_pt = cp.font().pointSizeF()
    base_rows = rows()
    for _ in range(4):
        qtbot.keyClick(win, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    _settle(qtbot, win)
    assert win.view.point_size == DEFAULT_POINT_SIZE + 4
    for w in (cp, cp.view, cp.heading, cp.detail, win.lib_view, win.search_panel.box):
        assert w.font().pointSizeF() == pytest.approx(base_pt * 16 / 12, abs=0.5), w
    assert cp.heading.font().bold()
    assert cp.detail.document().defaultFont().pointSizeF() == cp.detail.font().pointSizeF()
    claims_row, library_row = rows()
    assert claims_row > base_rows[0] and library_row > base_rows[1]
    # nothing clips: a claim card holds its lines, a library row its two
    lines = TEXT_LINES + ClaimDelegate.META_LINES
    assert claims_row >= lines * cp.view.fontMetrics().height()
    assert library_row >= 2 * win.lib_view.fontMetrics().height()
    assert_holds(measure(win), ["claims", "library"])
    while win.splitter.shown() == {Pane.LIBRARY, Pane.CLAIMS}:  # larger: the library goes
        assert win.view.point_size < 32
        qtbot.keyClick(win, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert "library hidden to keep the article readable" in win.statusBar().currentMessage()
    _settle(qtbot, win)
    assert_holds(measure(win), ["claims"])
    qtbot.keyClick(win, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    _settle(qtbot, win)
    assert cp.font().pointSizeF() == base_pt and rows() == base_rows
    assert_holds(measure(win), ["claims", "library"])


# --- other screens and a 2x scale factor, in fresh processes ----------------------------


def _screen(tmp_path: Path, width: int, height: int) -> str:
    """An offscreen platform with one screen of ``width`` x ``height`` device pixels."""
    config = tmp_path / f"screen-{width}x{height}.json"
    screen = {"name": "probe", "x": 0, "y": 0, "width": width, "height": height,
              "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}  # fmt: skip
    config.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
    return f"offscreen:configfile={config}"


def _probe(tmp_path: Path, platform: str, scale: str, *args: str) -> list[dict[str, Any]]:
    env = dict(os.environ, QT_QPA_PLATFORM=platform, QT_SCALE_FACTOR=scale)
    p = subprocess.run(
        [sys.executable, "-m", "tests.layout_probe", *args],
        capture_output=True, text=True, cwd=ROOT, env=env, timeout=120,
    )  # fmt: skip
    assert p.returncode == 0, p.stderr
    return [json.loads(line) for line in p.stdout.splitlines()]


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    out = tmp_path / "shots"
    out.mkdir()
    return out


@pytest.mark.subprocess
def test_at_2x_scale_the_layout_is_the_same_in_device_independent_pixels(
    db: Path, tmp_path: Path, shots: Path
) -> None:
    """A 3840x2160 screen at QT_SCALE_FACTOR=2 (1920x1080 device-independent pixels,
    device pixel ratio 2) lays out as a 1920x1080 screen at 1x: the same widths and
    panes, and screenshots with twice the pixels."""
    sizes = [f"{w}x{h}" for w, h in SIZES]
    ini = str(tmp_path / "s.ini")
    one = _probe(tmp_path, _screen(tmp_path, 1920, 1080), "1", str(db), ini, str(shots), *sizes)
    two = _probe(tmp_path, _screen(tmp_path, 3840, 2160), "2", str(db), ini, str(shots), *sizes)
    assert len(one) == len(two) == len(SIZES)
    for size, a, b in zip(SIZES, one, two, strict=True):
        assert (a["dpr"], b["dpr"]) == (1.0, 2.0)
        assert a["screen"] == b["screen"] == [1920, 1080]
        assert a["window"] == b["window"] == list(size)
        assert_holds(b, SHOWN[size])
        for key in ("sizes", "article_min", "side_min", "shown"):
            assert a[key] == b[key], key
        assert b["grab"] == [2 * size[0], 2 * size[1]]
        img = QImage(str(shots / f"layout-{size[0]}x{size[1]}@2x.png"))
        assert (img.width(), img.height()) == (2 * size[0], 2 * size[1])


@pytest.mark.subprocess
def test_a_geometry_from_a_bigger_screen_is_reduced_to_fit(
    qtbot: QtBot, db: Path, tmp_path: Path, shots: Path
) -> None:
    """Saved on a 1920x1080 screen at full size, opened on a 1024x768 one: the window
    fits the screen and the layout holds in it."""
    big = MainWindow(db, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(big)
    big.resize(1900, 1060)
    big.show()
    qtbot.waitExposed(big)
    big.close()  # saves geometry and splitter
    (m,) = _probe(tmp_path, _screen(tmp_path, 1024, 768), "1", str(db),
                  str(tmp_path / "s.ini"), str(shots), "--restore")  # fmt: skip
    assert m["screen"] == [1024, 768]
    assert m["window"][0] <= 1024 and m["window"][1] <= 768
    assert_holds(m, ["claims", "library"])


@pytest.mark.subprocess
def test_screenshot_size_option(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PROVENANCE_READER_HOME=str(tmp_path))
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    base = [sys.executable, "-m", "reader", "open", "--db", str(tmp_path / "lib.db")]
    out = tmp_path / "shot.png"
    p = subprocess.run([*base, "--screenshot", str(out), "--size", "800x600"],
                       capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)  # fmt: skip
    assert p.returncode == 0, p.stderr
    img = QImage(str(out))
    assert (img.width(), img.height()) == (800, 600)
    p = subprocess.run([*base, "--screenshot", str(out), "--size", "huge"],
                       capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)  # fmt: skip
    assert p.returncode == 2
    assert p.stderr.strip() == (
        "error: --size huge: give the window size as WIDTHxHEIGHT (at least 200x150), e.g. 800x600"
    )


def test_a_search_in_a_narrow_window_gives_the_panes_back_when_it_ends(
    qtbot: QtBot, db: Path, tmp_path: Path
) -> None:
    """At 800 px the library is collapsed: / shows it for the search (the claims pane
    gives way), and Esc puts the panes back as they were."""
    win = open_window(qtbot, db, tmp_path / "s.ini", size=(800, 600))
    _settle(qtbot, win)
    assert win.splitter.shown() == {Pane.CLAIMS}
    with qtbot.waitActive(win):
        win.activateWindow()
    qtbot.keyClick(win.view, Qt.Key.Key_Slash)
    assert win.left.currentWidget() is win.search_panel
    assert win.splitter.shown() == {Pane.LIBRARY}
    qtbot.keyClick(win.search_panel.box, Qt.Key.Key_Escape)
    assert win.left.currentWidget() is win.library_page
    assert_holds(measure(win), ["claims"])
    assert not win.actions_by_name["toggle_library"].isChecked()
