"""Verdicts and notes: set by key, saved at once, shown, kept across a restart."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.gui.dialogs import HistoryDialog, NoteDialog
from reader.store.library import Library
from tests.test_gui_support import make_db, open_window


def test_verdicts_persist_across_restart(qtbot: QtBot, tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    (aid,) = make_db(db, 1)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    win = open_window(qtbot, db, settings)
    focus = win.lib_view
    qtbot.keyClick(focus, "j")  # claim 0
    qtbot.keyClick(focus, "1")
    qtbot.keyClick(focus, "j")  # claim 1
    qtbot.keyClick(focus, "3")
    qtbot.keyClick(focus, "2")  # changed mind: false
    qtbot.keyClick(focus, "j")  # claim 2
    qtbot.keyClick(focus, "4")
    qtbot.keyClick(focus, "0")  # cleared
    model = win.claims_panel.model
    assert [model.claim(i).verdict for i in range(3)] == ["true", "false", None]  # type: ignore[union-attr]
    assert "false" in (model.index(1, 0).data() or "")  # shown in the panel's row text
    win.close()

    # the library file has them, without the window
    with Library(db) as lib:
        stored = lib.get(aid)
        assert stored is not None
        assert [c.verdict for c in stored.claims[:3]] == ["true", "false", None]
        hist = lib.verdict_history(aid, stored.claims[1].claim_key)
        assert [h.verdict for h in hist] == ["misleading", "false"]

    again = open_window(qtbot, db, settings)
    assert again.stored is not None and again.stored.id == aid
    m2 = again.claims_panel.model
    assert [m2.claim(i).verdict for i in range(3)] == ["true", "false", None]  # type: ignore[union-attr]


def test_history_dialog_lists_every_entry(qtbot: QtBot, tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    make_db(db, 1)
    win = open_window(qtbot, db, tmp_path / "s.ini")
    qtbot.keyClick(win.lib_view, "j")
    for key in "1230":
        qtbot.keyClick(win.lib_view, key)
    qtbot.keyClick(win.lib_view, "h")
    dlg = win.dialog
    assert isinstance(dlg, HistoryDialog) and dlg.isVisible()
    col = [dlg.table.item(r, 1).text() for r in range(dlg.table.rowCount())]
    assert col == ["true", "false", "misleading", "(cleared)"]
    dlg.close()


def test_note_is_saved_and_shown(qtbot: QtBot, tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    (aid,) = make_db(db, 1)
    win = open_window(qtbot, db, tmp_path / "s.ini")
    qtbot.keyClick(win.lib_view, "j")
    qtbot.keyClick(win.lib_view, "4")
    qtbot.keyClick(win.lib_view, "e")
    dlg = win.dialog
    assert isinstance(dlg, NoteDialog) and dlg.isVisible()
    assert QApplication.activeModalWidget() is dlg
    dlg.editor.setPlainText("Checked the port's own release.")
    dlg.accept()
    sc = win.claims_panel.model.claim(0)
    assert (
        sc is not None and sc.note == "Checked the port's own release." and sc.verdict == "unproven"
    )
    with Library(db) as lib:
        got = lib.verdict(aid, sc.claim_key)
        assert got is not None and got.note == "Checked the port's own release."
        assert got.verdict == "unproven"


def test_verdict_keys_without_a_claim_say_so(qtbot: QtBot, tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    make_db(db, 1)
    win = open_window(qtbot, db, tmp_path / "s.ini")
    qtbot.keyClick(win.lib_view, "1")
    assert "No claim selected" in win.statusBar().currentMessage()
