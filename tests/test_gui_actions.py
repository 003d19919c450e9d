"""The action table: every action in the help sheet, keys unique, remaps honoured."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from reader.gui.actions import ACTIONS, default_sequences, sequences
from reader.gui.dialogs import HelpSheet
from reader.gui.window import MainWindow
from tests.test_gui_support import make_db


def test_every_action_has_a_unique_key(qapp: object) -> None:
    """(Standard keys need the application: the platform decides them.)"""
    seen: dict[str, str] = {}
    for spec in ACTIONS:
        seqs = default_sequences(spec)
        assert seqs, f"{spec.name} has no key"
        for s in seqs:
            key = s.toString(QKeySequence.SequenceFormat.PortableText)
            assert key not in seen, f"{key} is bound to both {seen[key]} and {spec.name}"
            seen[key] = spec.name
    assert len({a.name for a in ACTIONS}) == len(ACTIONS)


def test_help_sheet_lists_every_action_with_its_keys(qtbot: QtBot, tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    make_db(db, 1)
    win = MainWindow(db, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitActive(win):
        win.activateWindow()
    qtbot.keyClick(win.lib_view, "?")
    sheet = win.dialog
    assert isinstance(sheet, HelpSheet) and sheet.isVisible()
    t = sheet.table
    labels = [t.item(r, 1).text() for r in range(t.rowCount())]
    keys = [t.item(r, 2).text() for r in range(t.rowCount())]
    assert labels == [a.label.replace("&", "") for a in ACTIONS]
    for spec, shown in zip(ACTIONS, keys, strict=True):
        for s in default_sequences(spec):
            assert s.toString(QKeySequence.SequenceFormat.NativeText) in shown
    # and every action is in a menu, with its shortcuts set
    for spec in ACTIONS:
        act = win.actions_by_name[spec.name]
        assert act.shortcuts() == default_sequences(spec)
        assert any(act in m.actions() for m in win.menuBar().findChildren(QMenu))


def test_keys_remap_from_settings(qtbot: QtBot, tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    make_db(db, 1)
    s = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    s.setValue("keys/next_claim", "Down; X")
    s.setValue("keys/verdict_true", "")
    spec = next(a for a in ACTIONS if a.name == "next_claim")
    assert [q.toString() for q in sequences(spec, s)] == ["Down", "X"]
    win = MainWindow(db, s)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitActive(win):
        win.activateWindow()
    win.start()
    qtbot.keyClick(win.lib_view, "x")
    assert win.current_claim == 0
    qtbot.keyClick(win.lib_view, "j")  # no longer bound
    assert win.current_claim == 0
    qtbot.keyClick(win.lib_view, "1")  # unbound: no verdict
    sc = win.claims_panel.model.claim(0)
    assert sc is not None and sc.verdict is None
    assert win.actions_by_name["verdict_true"].shortcuts() == []
