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
from PySide6.QtWidgets import QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from reader.export import ExportFormat, Scope, export_file
from reader.gui.export_dialog import ExportDialog
from reader.gui.window import MainWindow
from reader.marks import Colour, selector_for
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


def test_import_marks_from_the_file_menu(qtbot: QtBot, tmp_path: Path) -> None:
    """File → Import Marks reads a Web Annotation export back (off the GUI thread),
    the status bar says what came; another export is a dialog with its one line, and
    nothing is written."""
    a, _b = _library(tmp_path / "one.db")
    with Library(tmp_path / "one.db") as lib:
        s = FERRY_TEXT.index("fuel costs had doubled")
        lib.add_highlight(a, selector_for(FERRY_TEXT, s, s + 22), Colour.PINK, note="check",
                          tags=["fuel"])  # fmt: skip
        marks, table = tmp_path / "marks.jsonld", tmp_path / "claims.csv"
        export_file(lib, ExportFormat.WEBANNOTATION, Scope(), marks)
        export_file(lib, ExportFormat.CSV, Scope(), table)
    with Library(tmp_path / "two.db") as lib:
        there = ferry(lib)  # the same article, no marks
    win = open_window(qtbot, tmp_path / "two.db", tmp_path / "s.ini")
    win.open_article(there)
    act = win.actions_by_name["import_marks"]
    file_menu = next(m for m in win.menuBar().findChildren(QMenu) if m.title() == "&File")
    assert act in file_menu.actions() and act.text() == "Import &Marks…"
    job = win.imports.import_marks(str(marks))
    qtbot.waitUntil(lambda: win.imports.last_marks is not None and not win.imports.marks_jobs)
    assert job.path == marks
    [h] = win.library.highlights(article_id=there)
    assert (h.exact, h.note, h.tags) == ("fuel costs had doubled", "check", ["fuel"])
    assert len(win.view.mark_layer.placed) == 1  # drawn in the open article at once
    key = win.library.claims(article_id=there)[0].claim_key
    entry = win.library.verdict(there, key)
    assert entry is not None and entry.verdict == "misleading"
    assert win.statusBar().currentMessage() == (  # the other article is not in this library
        "Marks imported: 1 highlight, 1 verdict or note; 2 left out (not in this library)"
    )
    # the CSV export is not one Import Marks reads: a dialog says so, nothing written
    win.imports.last_marks = None
    win.imports.import_marks(str(table))
    qtbot.waitUntil(lambda: win.imports.last_marks is not None)
    box = win.findChild(QMessageBox, "marksImportProblem")
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert box.text() == f"{table}: is not a Web Annotation export (the CSV export)"
    assert len(win.library.highlights()) == 1
    box.accept()


def test_importing_an_export_as_an_article_points_to_import_marks(
    qtbot: QtBot, tmp_path: Path
) -> None:
    _library(tmp_path / "lib.db")
    with Library(tmp_path / "lib.db") as lib:
        out = tmp_path / "marks.jsonld"
        export_file(lib, ExportFormat.WEBANNOTATION, Scope(), out)
    win = open_window(qtbot, tmp_path / "lib.db", tmp_path / "s.ini")
    win.imports.import_sources([str(out)])
    qtbot.waitUntil(lambda: not win.imports.jobs and win.imports.last_outcome is not None)
    assert win.library.count_articles() == 2
    problems = win.imports.problems
    assert problems is not None and problems.isVisible()
    [line] = problems.lines()
    assert line == (
        f"{out}: is a Provenance Reader export (Web Annotation), not an article:"
        " use Import Marks (import-marks) to bring its marks in"
    )


def test_export_asks_before_replacing_a_file(qtbot: QtBot, tmp_path: Path) -> None:
    _library(tmp_path / "lib.db")
    win = open_window(qtbot, tmp_path / "lib.db", tmp_path / "s.ini")
    dlg = _dialog(qtbot, win)
    # the two JSON-LD formats are offered files of their own
    _choose(dlg, ExportFormat.CLAIMREVIEW, tmp_path / "x.csv")
    dlg.path.setText("")
    dlg.format_box.setCurrentIndex(dlg.format_box.findData(ExportFormat.JSON.value))
    dlg.format_box.setCurrentIndex(dlg.format_box.findData(ExportFormat.CLAIMREVIEW.value))
    claimreview = Path(dlg.path.text())
    dlg.format_box.setCurrentIndex(dlg.format_box.findData(ExportFormat.WEBANNOTATION.value))
    annotations = Path(dlg.path.text())
    assert (claimreview.name, annotations.name) == (
        "provenance-claimreview.jsonld",
        "provenance-annotations.jsonld",
    )
    dlg.format_box.setCurrentIndex(dlg.format_box.findData(ExportFormat.CSV.value))
    assert Path(dlg.path.text()).name == "provenance-export.csv"
    # a file that is there: asked, and Cancel leaves it alone
    out = tmp_path / "memo.md"
    out.write_text("my own notes\n", encoding="utf-8")
    _choose(dlg, ExportFormat.MARKDOWN, out)
    qtbot.mouseClick(dlg.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.findChild(QMessageBox, "exportReplace") is not None)
    box = dlg.findChild(QMessageBox, "exportReplace")
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert box.text() == f"memo.md already exists in {tmp_path}. Replace it?"
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert out.read_text(encoding="utf-8") == "my own notes\n" and dlg.isVisible()
    # asked again, Replace writes it and the dialog closes
    assert not dlg.run()
    qtbot.waitUntil(lambda: dlg.findChild(QMessageBox, "exportReplace") is not None)
    box = dlg.findChild(QMessageBox, "exportReplace")
    assert isinstance(box, QMessageBox)
    next(b for b in box.buttons() if b.text() == "Replace").click()
    qtbot.waitUntil(lambda: not dlg.isVisible())
    assert out.read_text(encoding="utf-8").startswith("# ")
    assert win.statusBar().currentMessage().endswith(f" to {out}")
