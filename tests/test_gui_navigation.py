"""Keyboard and mouse navigation through claims and articles in the real window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.gui.window import MainWindow
from tests.test_gui_support import make_db, open_window


def _norm(s: str) -> str:
    return " ".join(s.replace("\u2029", " ").split())


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def win(qtbot: QtBot, tmp_path: Path, settings: QSettings) -> Iterator[MainWindow]:
    db = tmp_path / "lib.db"
    make_db(db, 3)
    # short, so later claims start off screen; wide enough for all three panes
    yield open_window(qtbot, db, settings, size=(1000, 420))


def test_j_k_n_p_move_highlight_and_clamp(qtbot: QtBot, win: MainWindow) -> None:
    assert win.stored is not None
    claims = win.stored.claims
    assert len(claims) > 5
    win.lib_view.setFocus()
    focus = QApplication.focusWidget()
    qtbot.keyClick(focus, "j")
    assert win.current_claim == 0
    assert _norm(win.view.current_selection_text()) == _norm(claims[0].claim.text)
    qtbot.keyClick(focus, "n")
    assert win.current_claim == 1
    qtbot.keyClick(focus, "p")
    qtbot.keyClick(focus, "k")
    assert win.current_claim == 0
    qtbot.keyClick(focus, "k")  # already at the first: stays, with a note
    assert win.current_claim == 0
    assert "First claim" in win.statusBar().currentMessage()
    for i in range(1, len(claims)):
        qtbot.keyClick(focus, "j")
        assert win.current_claim == i
        # exactly the claim's text is highlighted, and it is on screen
        assert _norm(win.view.current_selection_text()) == _norm(claims[i].claim.text)
        assert win.view.is_span_visible(i), f"claim {i} not scrolled into view"
        # the panel follows
        assert win.claims_panel.view.currentIndex().row() == i
    qtbot.keyClick(focus, "j")
    assert win.current_claim == len(claims) - 1
    assert "Last claim" in win.statusBar().currentMessage()
    assert QApplication.focusWidget() is focus  # focus stayed where it was


def test_highlight_follows_scroll_on_long_view(qtbot: QtBot, win: MainWindow) -> None:
    assert win.stored is not None
    last = len(win.stored.claims) - 1
    win.select_claim(last)
    assert win.view.verticalScrollBar().value() > 0
    assert win.view.is_span_visible(last)
    win.select_claim(0)
    assert win.view.is_span_visible(0)


def test_click_claim_sentence_in_article_selects_it(qtbot: QtBot, win: MainWindow) -> None:
    assert win.stored is not None
    target = 2
    win.view.highlight_claim(target)  # scroll it into view first
    pt = win.view.point_of(target)
    assert pt is not None
    qtbot.mouseClick(win.view.viewport(), Qt.MouseButton.LeftButton, pos=pt)
    assert win.current_claim == target
    assert win.claims_panel.view.currentIndex().row() == target


def test_click_claim_in_panel_highlights_it(qtbot: QtBot, win: MainWindow) -> None:
    assert win.stored is not None
    view = win.claims_panel.view
    idx = view.model().index(3, 0)
    view.scrollTo(idx)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(idx).center())
    assert win.current_claim == 3
    assert _norm(win.view.current_selection_text()) == _norm(win.stored.claims[3].claim.text)
    # arrows work in the list
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert win.current_claim == 4


def test_filters_and_hide_unattributed(qtbot: QtBot, win: MainWindow) -> None:
    assert win.stored is not None
    total = len(win.stored.claims)
    qtbot.keyClick(win.lib_view, "u")
    assert win.actions_by_name["toggle_unattributed"].isChecked()
    shown = win.claims_panel.visible_rows()
    assert len(shown) < total
    assert all(win.stored.claims[r].claim.status != "unattributed" for r in shown)
    # j skips hidden claims
    win.lib_view.setFocus()
    for _ in shown:
        qtbot.keyClick(win.lib_view, "j")
        assert win.stored.claims[win.current_claim or 0].claim.status != "unattributed"
    box = win.claims_panel.status_box
    box.setCurrentIndex(box.findData("denied"))
    rows = win.claims_panel.visible_rows()
    assert rows and all(win.stored.claims[r].claim.status == "denied" for r in rows)
    assert f"{len(rows)} of {total}" in win.claims_panel.heading.text()


def test_single_letters_type_into_search_box(qtbot: QtBot, win: MainWindow) -> None:
    qtbot.keyClick(win.lib_view, "/")
    box = win.search_panel.box
    assert box.hasFocus()
    qtbot.keyClicks(box, "jk1")
    assert box.text() == "jk1"
    assert win.current_claim is None  # j/k/1 did not fire as shortcuts


def test_tab_moves_between_panes(qtbot: QtBot, win: MainWindow) -> None:
    win.lib_view.setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is win.view
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is win.claims_panel.status_box  # the claims pane's first
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is win.view
    win.claims_panel.view.setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # claims -> their details
    assert QApplication.focusWidget() is win.claims_panel.detail
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # no links in it -> sources
    assert QApplication.focusWidget() is win.feeds_view
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # sources -> their articles
    assert QApplication.focusWidget() is win.lib_view
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is win.claims_panel.detail


def test_keyboard_reaches_and_changes_every_filter(qtbot: QtBot, win: MainWindow) -> None:
    panel = win.claims_panel
    win.lib_view.setFocus()
    qtbot.keyClick(win.lib_view, "f")
    assert QApplication.focusWidget() is panel.status_box
    order = [panel.outlet_box, panel.type_box, panel.hide_box, panel.view]
    for widget in order:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is widget
    for widget in reversed([panel.status_box, *order[:-1]]):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab)
        assert QApplication.focusWidget() is widget
    # outlet: arrow keys on the closed combo pick an outlet, and the list follows
    qtbot.keyClick(win.lib_view, "f")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    total = panel.proxy.rowCount()
    qtbot.keyClick(panel.outlet_box, Qt.Key.Key_Down)
    outlet = panel.outlet_box.currentData()
    assert outlet is not None
    shown = [panel.model.claim(r) for r in panel.visible_rows()]
    assert 0 < len(shown) < total
    assert all(sc is not None and sc.claim.outlet == outlet for sc in shown)
    # source type, the same way
    qtbot.keyClick(panel.outlet_box, Qt.Key.Key_Tab)
    qtbot.keyClick(panel.type_box, Qt.Key.Key_Down)
    assert panel.type_box.currentData() is not None
    # the checkbox: Space toggles it
    qtbot.keyClick(panel.type_box, Qt.Key.Key_Tab)
    assert not panel.hide_box.isChecked()
    qtbot.keyClick(panel.hide_box, Qt.Key.Key_Space)
    assert panel.hide_box.isChecked()


def test_brackets_move_between_articles(qtbot: QtBot, win: MainWindow) -> None:
    ids = win.lib_model.ids()
    assert win.stored is not None and win.stored.id == ids[0]
    qtbot.keyClick(win.lib_view, "]")
    assert win.stored.id == ids[1]
    qtbot.keyClick(win.lib_view, "]")
    qtbot.keyClick(win.lib_view, "]")
    assert win.stored.id == ids[2]
    assert "last article" in win.statusBar().currentMessage()
    qtbot.keyClick(win.lib_view, "[")
    assert win.stored.id == ids[1]
    assert win.lib_view.currentIndex().row() == 1


def test_library_enter_opens_article(qtbot: QtBot, win: MainWindow) -> None:
    ids = win.lib_model.ids()
    win.lib_view.setFocus()
    win.lib_view.setCurrentIndex(win.lib_model.index(2, 0))
    qtbot.keyClick(win.lib_view, Qt.Key.Key_Return)
    assert win.stored is not None and win.stored.id == ids[2]


def test_layout_font_and_last_article_persist(
    qtbot: QtBot, tmp_path: Path, settings: QSettings, win: MainWindow
) -> None:
    ids = win.lib_model.ids()
    win.open_article(ids[1])
    qtbot.keyClick(win.lib_view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    size = win.view.point_size
    win.splitter.setSizes([150, 600, 350])
    sizes = win.splitter.sizes()
    win.close()
    again = MainWindow(win.db_path, settings)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    again.start()
    assert again.stored is not None and again.stored.id == ids[1]
    assert again.view.point_size == size
    assert again.size() == win.size()
    qtbot.waitUntil(lambda: again.splitter.sizes() == sizes)


def test_last_article_is_remembered_per_library(qtbot: QtBot, tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "shared.ini"), QSettings.Format.IniFormat)
    first, second = tmp_path / "a" / "lib.db", tmp_path / "b" / "lib.db"
    ids_a = make_db(first, 3)
    ids_b = make_db(second, 3)
    assert ids_a == ids_b  # the same ids: only the path tells them apart
    a = MainWindow(first, settings)
    qtbot.addWidget(a)
    a.show()
    a.start()
    chosen = a.lib_model.ids()[-1]  # not the one a fresh start shows
    assert chosen != a.lib_model.ids()[0]
    a.open_article(chosen)
    a.close()
    b = MainWindow(second, settings)
    qtbot.addWidget(b)
    b.show()
    b.start()
    assert b.stored is not None and b.stored.id == b.lib_model.ids()[0]  # not a's choice
    b.close()
    again = MainWindow(first, settings)
    qtbot.addWidget(again)
    again.show()
    again.start()
    assert again.stored is not None and again.stored.id == chosen


def test_the_window_starts_in_the_article_so_reading_keys_scroll_it(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """After start the keyboard is in the article: Page Down scrolls it and leaves the
    library's selection on the article that is open (Del then names that one)."""
    db = tmp_path / "lib.db"
    make_db(db, 3)
    win = open_window(qtbot, db, tmp_path / "s.ini", size=(1000, 300))
    assert win.stored is not None
    win.view.wait_until_shown()
    assert win.view.hasFocus()
    opened = win.stored.id
    bar = win.view.verticalScrollBar()
    assert bar.maximum() > 0
    qtbot.keyClick(win.view, Qt.Key.Key_PageDown)
    assert bar.value() > 0
    assert win.lib_model.id_at(win.lib_view.currentIndex().row()) == opened
