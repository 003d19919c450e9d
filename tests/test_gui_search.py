"""Full-text search from the window: a body word finds its article; Enter opens; Esc back."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reader.store.library import Library
from tests.test_gui_support import add_article, open_window, variant


def test_search_finds_by_body_word_and_opens(qtbot: QtBot, tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    with Library(db) as lib:
        add_article(lib, variant(1, "quokka"))
        wanted = add_article(lib, variant(2, "zeppelin"))
        add_article(lib, variant(3, "marmot"))
    win = open_window(qtbot, db, tmp_path / "s.ini")
    qtbot.keyClick(win.lib_view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    panel = win.search_panel
    assert win.left.currentWidget() is panel and panel.box.hasFocus()
    qtbot.keyClicks(panel.box, "zeppelin")
    qtbot.waitUntil(lambda: panel.results.count() == 1)
    item = panel.results.item(0)
    assert "[zeppelin]" in item.text()  # the snippet marks the match
    qtbot.keyClick(panel.box, Qt.Key.Key_Return)
    assert win.stored is not None and win.stored.id == wanted
    assert win.left.currentWidget() is win.lib_view  # back to the list after opening

    qtbot.keyClick(win.lib_view, "/")
    panel.box.setText("nothingmatchesthis")
    panel.run_search()
    assert panel.results.count() == 0 and "No matches" in panel.status.text()
    qtbot.keyClick(panel.box, Qt.Key.Key_Escape)
    assert win.left.currentWidget() is win.lib_view
    assert win.stored.id == wanted
