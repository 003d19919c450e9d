"""Writes on the GUI thread when another connection holds the library's write lock:
the user is told in the status bar; nothing is lost silently, nothing on stderr."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

import reader.store.library
from reader.gui.dialogs import NoteDialog
from reader.gui.window import MainWindow
from reader.store.library import Library
from tests.test_gui_support import make_db


@contextmanager
def write_locked(db: Path) -> Iterator[None]:
    """Hold the library's write lock from a second connection (as an import does)."""
    conn = sqlite3.connect(str(db), timeout=0.1, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        conn.execute("ROLLBACK")
        conn.close()


@pytest.fixture
def win(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    db = tmp_path / "lib.db"
    make_db(db, 2)
    monkeypatch.setattr(reader.store.library, "BUSY_TIMEOUT_MS", 200)
    w = MainWindow(db, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    w.resize(780, 560)
    w.show()
    w.start()
    return w


def test_verdict_on_a_locked_library_is_reported_then_saved(
    qtbot: QtBot, win: MainWindow, capfd: pytest.CaptureFixture[str]
) -> None:
    assert win.stored is not None
    aid, key = win.stored.id, win.stored.claims[0].claim_key
    qtbot.keyClick(win.lib_view, "j")
    with write_locked(win.db_path):
        qtbot.keyClick(win.lib_view, "1")
    msg = win.statusBar().currentMessage()
    assert msg.startswith("could not save your verdict:") and "the library is busy" in msg, msg
    assert "try again" in msg
    assert win.claims_panel.model.claim(0).verdict is None  # type: ignore[union-attr]
    assert capfd.readouterr().err == ""
    qtbot.keyClick(win.lib_view, "1")  # the lock is gone: trying again works
    assert win.claims_panel.model.claim(0).verdict == "true"  # type: ignore[union-attr]
    with Library(win.db_path) as lib:
        got = lib.verdict(aid, key)
        assert got is not None and got.verdict == "true"


def test_note_and_read_mark_on_a_locked_library_are_reported(
    qtbot: QtBot, win: MainWindow, capfd: pytest.CaptureFixture[str]
) -> None:
    qtbot.keyClick(win.lib_view, "j")
    qtbot.keyClick(win.lib_view, "e")
    dlg = win.dialog
    assert isinstance(dlg, NoteDialog)
    dlg.editor.setPlainText("kept?")
    with write_locked(win.db_path):
        dlg.accept()
        assert win.statusBar().currentMessage().startswith("could not save your note:")
        ids = win.lib_model.ids()
        assert win.open_article(ids[1])  # the article opens; its read mark is not saved
        assert win.statusBar().currentMessage().startswith("could not save the read mark:")
    assert capfd.readouterr().err == ""


def test_an_import_into_a_locked_library_says_it_waits_then_lands(
    qtbot: QtBot, win: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The import worker waits on a busy library as the CLI does, and the progress
    label says so; when the other program lets go, the import lands."""
    from reader.gui.imports import BUSY_NOTE

    monkeypatch.setattr(reader.store.library, "BUSY_RETRIES", 20)  # up to 4 s
    story = tmp_path / "story.md"
    story.write_text("# Ferry fares\n\nThe ferry board said on Monday that fares will rise.\n")
    with write_locked(win.db_path):
        job = win.imports.import_sources([str(story)])
        assert job is not None
        qtbot.waitUntil(lambda: win.imports.progress_label.text() == BUSY_NOTE, timeout=5000)
    qtbot.waitUntil(lambda: not win.imports.jobs, timeout=10000)
    outcome = win.imports.last_outcome
    assert outcome is not None and len(outcome.imported) == 1 and not outcome.failures
