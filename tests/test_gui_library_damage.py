"""The window on a damaged library: an article whose claims sit on a damaged page does
not open, and the status bar says why in one line (no traceback on stderr)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.test_gui_support import open_window
from tests.test_library_safety import DAMAGED, damage_claims_page, make_library


def test_an_article_on_a_damaged_page_is_said_in_the_status_bar(
    qtbot: QtBot, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "lib.db"
    ids = make_library(db, 2)
    damage_claims_page(db)
    win = open_window(qtbot, db, tmp_path / "s.ini")
    assert win.stored is None
    assert not win.open_article(ids[0])
    assert win.statusBar().currentMessage() == (
        f"Could not open article {ids[0]}: the library {DAMAGED}"
    )
    assert "Traceback" not in capfd.readouterr().err


def test_a_damaged_list_of_articles_is_one_line_when_the_window_opens(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """The window's start-up path (reader.gui.app) prints an InputError in one line and
    exits 2; a damaged articles table must arrive as one, not as a sqlite3 error."""
    from PySide6.QtCore import QSettings

    from reader.errors import LibraryError
    from reader.gui.window import MainWindow
    from tests.test_library_safety import damage_page

    db = tmp_path / "lib.db"
    make_library(db, 3)
    damage_page(db, "articles_list_order")  # what the list reads
    with pytest.raises(LibraryError) as caught:
        MainWindow(db, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    assert str(caught.value) == f"{db}: {DAMAGED}"
