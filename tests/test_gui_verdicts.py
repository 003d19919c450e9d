"""Verdicts and notes: set by key, saved at once, shown, kept across a restart."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.describe import local_time
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
    assert col == ["✓ true", "✗ false", "≈ misleading", "(cleared)"]
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


def _note_dialog(qtbot: QtBot, tmp_path: Path) -> tuple[object, NoteDialog, int]:
    db = tmp_path / "lib.db"
    (aid,) = make_db(db, 1)
    win = open_window(qtbot, db, tmp_path / "s.ini")
    qtbot.keyClick(win.lib_view, "j")
    qtbot.keyClick(win.lib_view, "e")
    dlg = win.dialog
    assert isinstance(dlg, NoteDialog) and dlg.isVisible()
    return win, dlg, aid


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter])
def test_ctrl_enter_saves_the_note(qtbot: QtBot, tmp_path: Path, key: Qt.Key) -> None:
    win, dlg, aid = _note_dialog(qtbot, tmp_path)
    dlg.editor.setFocus()
    qtbot.keyClicks(dlg.editor, "Seen the filing")
    qtbot.keyClick(dlg.editor, Qt.Key.Key_Return)  # Enter alone: a new line, not a save
    assert dlg.isVisible()
    qtbot.keyClicks(dlg.editor, "page 4")
    qtbot.keyClick(dlg.editor, key, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not dlg.isVisible())
    sc = win.claims_panel.model.claim(0)  # type: ignore[attr-defined]
    assert sc is not None and sc.note == "Seen the filing\npage 4"
    with Library(db_of(win)) as lib:
        got = lib.verdict(aid, sc.claim_key)
        assert got is not None and got.note == "Seen the filing\npage 4"


def db_of(win: object) -> Path:
    return win.db_path  # type: ignore[attr-defined,no-any-return]


@pytest.fixture
def paris_tz() -> Iterator[None]:
    """The process's local zone is Europe/Paris (CET in December) for one test."""
    old = os.environ.get("TZ")
    os.environ["TZ"] = "Europe/Paris"
    time.tzset()
    yield
    if old is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = old
    time.tzset()


def test_local_time_is_human_and_local(paris_tz: None) -> None:
    stamp = "2026-12-02T05:54:07+00:00"  # as the store writes it (UTC)
    assert local_time(stamp, today=date(2026, 12, 20)) == "2 Dec 2026, 06:54 CET"
    assert local_time(stamp, today=date(2026, 12, 2)) == "today, 06:54 CET"
    assert local_time(stamp, today=date(2026, 12, 3)) == "yesterday, 06:54 CET"
    # late UTC evening is the next local day
    assert local_time("2026-12-02T23:30:00+00:00", today=date(2027, 1, 9)) == (
        "3 Dec 2026, 00:30 CET"
    )
    assert local_time("2026-07-01T10:00:00+00:00", today=date(2027, 1, 9)) == (
        "1 Jul 2026, 12:00 CEST"
    )
    assert local_time("not a time") == "not a time"


def test_history_shows_local_times(qtbot: QtBot, tmp_path: Path, paris_tz: None) -> None:
    db = tmp_path / "lib.db"
    make_db(db, 1)
    win = open_window(qtbot, db, tmp_path / "s.ini")
    qtbot.keyClick(win.lib_view, "j")
    qtbot.keyClick(win.lib_view, "1")
    assert win.stored is not None
    key = win.stored.claims[0].claim_key
    with Library(db) as lib:  # an older entry, at a known instant
        lib.db.conn.execute(
            "update verdicts set created_at = ? where claim_key = ?",
            ["2025-11-14T05:54:07+00:00", key],
        )
        lib.db.conn.commit()
    qtbot.keyClick(win.lib_view, "3")  # and one now
    qtbot.keyClick(win.lib_view, "h")
    dlg = win.dialog
    assert isinstance(dlg, HistoryDialog)
    when = [dlg.table.item(r, 0).text() for r in range(dlg.table.rowCount())]
    assert when[0] == "14 Nov 2025, 06:54 CET"
    assert when[1].startswith("today, ") and when[1].endswith(" CET")
    assert dlg.table.horizontalHeaderItem(0).text() == "When"
    assert "2025-11-14T05:54:07+00:00" in dlg.table.item(0, 0).toolTip()
    dlg.close()
