"""Remapping keys in the window: the dialog lists every action, records a new key,
names a conflict before saving, resets to defaults, writes the ``[keys]`` settings
and the window obeys the new key at once."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from reader.gui.actions import ACTIONS, default_sequences
from reader.gui.keys_dialog import KeysDialog
from reader.gui.window import MainWindow
from tests.test_gui_support import make_db, open_window


def _ini(path: Path) -> str:
    return path.read_text(encoding="utf-8") if path.exists() else ""


def _open_dialog(qtbot: QtBot, win: MainWindow) -> KeysDialog:
    """Open the dialog the way a user does: its key in the active window."""
    qtbot.keyClick(win.lib_view, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)  # fmt: skip
    dlg = win.dialog
    assert isinstance(dlg, KeysDialog) and dlg.isVisible()
    return dlg


def _press_in_recorder(qtbot: QtBot, dlg: KeysDialog, key: Qt.Key) -> None:
    dlg.recorder.setFocus()
    qtbot.keyClick(dlg.recorder, key)
    assert not dlg.recorder.keySequence().isEmpty()


def _back_to(qtbot: QtBot, win: MainWindow, dlg: KeysDialog) -> None:
    dlg.close()
    with qtbot.waitActive(win):
        win.activateWindow()
    win.lib_view.setFocus()


def test_dialog_lists_every_action_with_its_keys(qtbot: QtBot, tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    make_db(db, 1)
    win = open_window(qtbot, db, tmp_path / "s.ini")
    dlg = _open_dialog(qtbot, win)
    t = dlg.table
    assert t.rowCount() == len(ACTIONS)
    for row, spec in enumerate(ACTIONS):
        assert t.item(row, 1).text() == spec.label.replace("&", "").rstrip("…")
        for s in default_sequences(spec):
            assert s.toString(QKeySequence.SequenceFormat.NativeText) in t.item(row, 2).text()
    assert "remap_keys" in win.actions_by_name


def test_remap_next_claim_to_x_works_at_once_and_is_saved(qtbot: QtBot, tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    make_db(db, 1)
    ini = tmp_path / "s.ini"
    win = open_window(qtbot, db, ini)
    dlg = _open_dialog(qtbot, win)
    dlg.select("next_claim")
    _press_in_recorder(qtbot, dlg, Qt.Key.Key_X)
    assert "X is free" in dlg.conflict.text()
    qtbot.mouseClick(dlg.set_button, Qt.MouseButton.LeftButton)
    assert "X" in dlg.keys_shown("next_claim") and "changed" in dlg.keys_shown("next_claim")
    _back_to(qtbot, win, dlg)
    assert win.current_claim is None
    qtbot.keyClick(win.lib_view, "x")
    assert win.current_claim == 0
    qtbot.keyClick(win.lib_view, "x")
    assert win.current_claim == 1
    qtbot.keyClick(win.lib_view, "j")  # Set replaced J and N
    assert win.current_claim == 1
    # the INI file holds it, in the [keys] group, and a new window reads it
    text = _ini(ini)
    assert "[keys]" in text and "next_claim=X" in text
    win.close()
    again = open_window(qtbot, db, QSettings(str(ini), QSettings.Format.IniFormat))
    assert again.actions_by_name["next_claim"].shortcuts() == [QKeySequence("X")]


def test_a_taken_key_is_named_before_saving(qtbot: QtBot, tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    make_db(db, 1)
    ini = tmp_path / "s.ini"
    win = open_window(qtbot, db, ini)
    dlg = _open_dialog(qtbot, win)
    dlg.select("next_claim")
    _press_in_recorder(qtbot, dlg, Qt.Key.Key_K)  # Previous Claim's key
    assert "Previous Claim" in dlg.conflict.text()
    assert dlg.set_button.text().replace("&", "") == "Take It"
    assert not dlg.add_button.isEnabled()
    # nothing saved yet: both actions keep their keys, the file has no [keys]
    assert QKeySequence("K") in win.actions_by_name["prev_claim"].shortcuts()
    assert QKeySequence("K") not in win.actions_by_name["next_claim"].shortcuts()
    assert "next_claim" not in _ini(ini)
    # Take It moves the key: next_claim has K; prev_claim keeps only P
    qtbot.mouseClick(dlg.set_button, Qt.MouseButton.LeftButton)
    assert win.actions_by_name["next_claim"].shortcuts() == [QKeySequence("K")]
    assert win.actions_by_name["prev_claim"].shortcuts() == [QKeySequence("P")]
    text = _ini(ini)
    assert "next_claim=K" in text and "prev_claim=P" in text
    # Esc (like Tab) is never given away
    dlg.select("verdict_true")
    dlg.recorder.setKeySequence(QKeySequence("Esc"))
    assert not dlg.set_button.isEnabled() and "pick another" in dlg.conflict.text()


def test_reset_restores_the_defaults(qtbot: QtBot, tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    make_db(db, 1)
    ini = tmp_path / "s.ini"
    win = open_window(qtbot, db, ini)
    dlg = _open_dialog(qtbot, win)
    dlg.select("next_claim")
    _press_in_recorder(qtbot, dlg, Qt.Key.Key_X)
    qtbot.mouseClick(dlg.add_button, Qt.MouseButton.LeftButton)  # Add keeps J and N
    assert win.actions_by_name["next_claim"].shortcuts() == [
        QKeySequence("J"), QKeySequence("N"), QKeySequence("X"),
    ]  # fmt: skip
    assert "next_claim=" in _ini(ini)
    qtbot.mouseClick(dlg.clear_button, Qt.MouseButton.LeftButton)
    assert win.actions_by_name["next_claim"].shortcuts() == []
    assert dlg.keys_shown("next_claim").startswith("—")
    qtbot.mouseClick(dlg.reset_button, Qt.MouseButton.LeftButton)
    assert win.actions_by_name["next_claim"].shortcuts() == [QKeySequence("J"), QKeySequence("N")]
    assert "changed" not in dlg.keys_shown("next_claim")
    assert "next_claim" not in _ini(ini)  # the defaults need no entry
    _back_to(qtbot, win, dlg)
    qtbot.keyClick(win.lib_view, "j")
    assert win.current_claim == 0
    assert QApplication.activeWindow() is win


def _enter_where_the_focus_is(qtbot: QtBot, dlg: KeysDialog) -> None:
    """Press Enter as a user does after a click: on whatever widget has the focus."""
    target = dlg.focusWidget()
    assert target is not None
    qtbot.keyClick(target, Qt.Key.Key_Return)


def test_enter_after_take_it_removes_nothing(qtbot: QtBot, tmp_path: Path) -> None:
    """The review's trap: after Take It the focus fell to Remove Keys (the next button
    still enabled) and Enter removed every key of the action just given J."""
    db = tmp_path / "lib.db"
    make_db(db, 1)
    ini = tmp_path / "s.ini"
    win = open_window(qtbot, db, ini)
    dlg = _open_dialog(qtbot, win)
    dlg.select("prev_claim")
    _press_in_recorder(qtbot, dlg, Qt.Key.Key_J)  # Next Claim's key
    assert dlg.set_button.text().replace("&", "") == "Take It"
    qtbot.mouseClick(dlg.set_button, Qt.MouseButton.LeftButton)
    assert win.actions_by_name["prev_claim"].shortcuts() == [QKeySequence("J")]
    assert dlg.focusWidget() in (dlg.table, dlg.recorder)  # back on the list, not a button
    _enter_where_the_focus_is(qtbot, dlg)
    assert win.actions_by_name["prev_claim"].shortcuts() == [QKeySequence("J")]
    assert "prev_claim=J" in _ini(ini)


def _still_open(qtbot: QtBot, win: MainWindow, dlg: KeysDialog) -> KeysDialog:
    """The dialog again if Enter closed it (Close is its one default button)."""
    return dlg if win.dialog is dlg and dlg.isVisible() else _open_dialog(qtbot, win)


def test_enter_after_add_and_reset_is_never_destructive(qtbot: QtBot, tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    make_db(db, 1)
    win = open_window(qtbot, db, tmp_path / "s.ini")
    dlg = _open_dialog(qtbot, win)
    # only Close may be an Enter target
    for b in (dlg.set_button, dlg.add_button, dlg.clear_button, dlg.reset_button):
        assert not b.autoDefault() and not b.isDefault(), b.text()
    default = [b for b in dlg.findChildren(QPushButton) if b.isDefault()]
    assert [b.text().replace("&", "") for b in default] == ["Close"]
    jn = [QKeySequence("J"), QKeySequence("N")]

    dlg.select("next_claim")
    _press_in_recorder(qtbot, dlg, Qt.Key.Key_X)
    qtbot.mouseClick(dlg.add_button, Qt.MouseButton.LeftButton)
    assert dlg.focusWidget() in (dlg.table, dlg.recorder)
    _enter_where_the_focus_is(qtbot, dlg)
    assert win.actions_by_name["next_claim"].shortcuts() == [*jn, QKeySequence("X")]

    dlg = _still_open(qtbot, win, dlg)
    dlg.select("next_claim")
    qtbot.mouseClick(dlg.reset_button, Qt.MouseButton.LeftButton)
    assert dlg.focusWidget() in (dlg.table, dlg.recorder)
    _enter_where_the_focus_is(qtbot, dlg)
    assert win.actions_by_name["next_claim"].shortcuts() == jn

    # even on Remove Keys itself (Tab to it), Enter does not press it; Space does
    dlg = _still_open(qtbot, win, dlg)
    dlg.select("next_claim")
    dlg.clear_button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(dlg.clear_button, Qt.Key.Key_Return)
    assert win.actions_by_name["next_claim"].shortcuts() == jn
    dlg = _still_open(qtbot, win, dlg)
    dlg.select("next_claim")
    dlg.clear_button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(dlg.clear_button, Qt.Key.Key_Space)
    assert win.actions_by_name["next_claim"].shortcuts() == []
