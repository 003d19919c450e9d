"""File → Export in the window, as a user meets it: Ctrl+E opens the dialog on the
open article; the scope, format and file chosen are what is written; the status bar
says so; a missing reviewer name or a folder that cannot be written is a message box,
and the dialog stays open with nothing written."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from reader.export import ExportFormat
from reader.gui.export_dialog import ExportDialog
from reader.gui.window import MainWindow
from reader.store import Library
from tests.export_helpers import FERRY, FERRY_TEXT, add_article, ferry
from tests.test_gui_support import open_window

CTRL = Qt.KeyboardModifier.ControlModifier


def _library(db: Path) -> tuple[int, int]:
    with Library(db) as lib:
        a = ferry(lib)
        b = add_article(lib, FERRY_TEXT + "\n\nSecond edition.", FERRY[:1], url=None,
                        title="Ferry cuts: second edition", published="2025-03-15")  # fmt: skip
        lib.set_article_tags(b, ["islands"])
        stored = lib.get(a)
        assert stored is not None
        lib.set_verdict(a, stored.claims[0].claim_key, "misleading", "three crossings, not two")
    return a, b


def _dialog(qtbot: QtBot, win: MainWindow) -> ExportDialog:
    qtbot.keyClick(win, Qt.Key.Key_E, CTRL)
    qtbot.waitUntil(lambda: isinstance(win.dialog, ExportDialog) and win.dialog.isVisible())
    assert isinstance(win.dialog, ExportDialog)
    return win.dialog


def _choose(dlg: ExportDialog, fmt: ExportFormat, path: Path) -> None:
    dlg.format_box.setCurrentIndex(dlg.format_box.findData(fmt.value))
    dlg.path.setText(str(path))


def _problem(qtbot: QtBot, dlg: ExportDialog) -> QMessageBox:
    qtbot.waitUntil(lambda: dlg.findChild(QMessageBox, "exportProblem") is not None)
    box = dlg.findChild(QMessageBox, "exportProblem")
    assert isinstance(box, QMessageBox)
    return box


def test_ctrl_e_exports_the_open_article_as_csv(qtbot: QtBot, tmp_path: Path) -> None:
    a, _b = _library(tmp_path / "lib.db")
    win = open_window(qtbot, tmp_path / "lib.db", tmp_path / "s.ini")
    win.open_article(a)
    dlg = _dialog(qtbot, win)
    assert dlg.current.isChecked() and "Ferry service cut" in dlg.current.text()
    assert dlg.everything.text() == "The whole library (2 articles)"
    out = tmp_path / "claims.csv"
    _choose(dlg, ExportFormat.CSV, out)
    qtbot.mouseClick(dlg.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dlg.isVisible())
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert [r["claim"] for r in rows] == [s.sentence for s in FERRY]
    assert rows[0]["verdict"] == "misleading"
    assert win.statusBar().currentMessage() == f"Exported 1 article (3 claims) to {out}"
    assert win.prefs.export_format == "csv" and win.prefs.export_folder == str(tmp_path)


def test_a_tag_as_a_markdown_memo(qtbot: QtBot, tmp_path: Path) -> None:
    _library(tmp_path / "lib.db")
    win = open_window(qtbot, tmp_path / "lib.db", tmp_path / "s.ini")
    dlg = _dialog(qtbot, win)
    assert dlg.tag_box.count() == 1 and dlg.tag_box.currentData() == "islands"
    dlg.tagged.setChecked(True)
    out = tmp_path / "memo.md"
    _choose(dlg, ExportFormat.MARKDOWN, out)
    assert dlg.run()
    memo = out.read_text(encoding="utf-8")
    assert memo.startswith("# Ferry cuts: second edition\n") and "Second edition." not in memo
    assert "- **Tags:** islands" in memo and memo.count("\n# ") == 0


def test_claimreview_asks_for_the_reviewer_once(qtbot: QtBot, tmp_path: Path) -> None:
    _library(tmp_path / "lib.db")
    win = open_window(qtbot, tmp_path / "lib.db", tmp_path / "s.ini")
    dlg = _dialog(qtbot, win)
    out = tmp_path / "reviews.jsonld"
    dlg.everything.setChecked(True)
    _choose(dlg, ExportFormat.CLAIMREVIEW, out)
    assert dlg.reviewer.isEnabled()
    assert not dlg.run()
    box = _problem(qtbot, dlg)
    assert box.windowTitle() == "Reviewer needed" and dlg.isVisible() and not out.exists()
    box.accept()
    dlg.reviewer.setText("Ann Checker")
    assert dlg.run()
    [review] = json.loads(out.read_text(encoding="utf-8"))["@graph"]
    assert review["author"]["name"] == "Ann Checker"
    assert win.prefs.reviewer_name == "Ann Checker"
    assert "(1 claim review)" in win.statusBar().currentMessage()
    again = _dialog(qtbot, win)  # the name and the format are remembered
    assert again.reviewer.text() == "Ann Checker" and again.fmt() is ExportFormat.CLAIMREVIEW
    assert again.path.text().endswith(".jsonld")


def test_a_folder_that_cannot_be_written_is_a_message(qtbot: QtBot, tmp_path: Path) -> None:
    _library(tmp_path / "lib.db")
    win = open_window(qtbot, tmp_path / "lib.db", tmp_path / "s.ini")
    dlg = _dialog(qtbot, win)
    out = tmp_path / "no-such-folder" / "memo.md"
    _choose(dlg, ExportFormat.MARKDOWN, out)
    assert not dlg.run()
    box = _problem(qtbot, dlg)
    assert box.windowTitle() == "Export failed"
    assert box.text().startswith(f"{out}: cannot be written (")
    assert dlg.isVisible() and not out.parent.exists()


def test_the_pdf_from_the_window(qtbot: QtBot, tmp_path: Path) -> None:
    a, _b = _library(tmp_path / "lib.db")
    win = open_window(qtbot, tmp_path / "lib.db", tmp_path / "s.ini")
    win.open_article(a)
    dlg = _dialog(qtbot, win)
    out = tmp_path / "memo.pdf"
    _choose(dlg, ExportFormat.PDF, out)
    assert dlg.run()
    pdf = pdfium.PdfDocument(str(out))
    try:
        text = " ".join(pdf[0].get_textpage().get_text_range().split())
    finally:
        pdf.close()
    assert "Ferry service cut to two crossings a day" in text
    assert "Your verdict: misleading" in text and "Second edition" not in text
    assert win.statusBar().currentMessage() == f"Exported 1 article (1 page) to {out}"
