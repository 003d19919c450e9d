"""Read marks: an article is unread (bold, "unread" for screen readers) until opened."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from reader.gui.library_panel import RowRole
from reader.gui.window import MainWindow
from reader.store.library import Library
from tests.test_gui_support import add_article, variant


def test_opening_an_article_marks_it_read(qtbot: QtBot, tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    with Library(db) as lib:
        first = add_article(lib, variant(1, "quokka"))
        second = add_article(lib, variant(2, "zeppelin"))
        assert all(r.opened_at is None for r in lib.list_articles())
    win = MainWindow(db, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.show()
    win.open_article(first)
    model = win.lib_model
    states = {}
    for row in range(model.rowCount()):
        index = model.index(row)
        states[index.data(RowRole).id] = index.data(Qt.ItemDataRole.AccessibleTextRole)
    assert "(unread)" not in states[first]
    assert "(unread)" in states[second]
    win.close()
    with Library(db) as lib:
        rows = {r.id: r for r in lib.list_articles()}
    assert rows[first].opened_at and rows[second].opened_at is None
