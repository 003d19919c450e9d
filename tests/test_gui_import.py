"""Importing in the window: file paths, drag and drop, paste, first run, failures."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.gui.window import MainWindow
from reader.gui.workers import ImportItem, ImportJob, ImportOutcome
from reader.paths import samples_dir
from reader.store.library import Library
from tests.helpers import local_server
from tests.test_gui_support import add_article, open_window, variant


def _files(tmp_path: Path) -> tuple[Path, Path, Path]:
    good1 = tmp_path / "one.md"
    good1.write_text(variant(1, "alpha"), encoding="utf-8")
    good2 = tmp_path / "two.md"
    good2.write_text(variant(2, "beta"), encoding="utf-8")
    bad = tmp_path / "broken.bin"
    bad.write_bytes(b"\x00\x01\x02" * 500)
    return good1, bad, good2


def _wait_done(qtbot: QtBot, win: MainWindow) -> None:
    qtbot.waitUntil(
        lambda: not win.imports.jobs and win.imports.last_outcome is not None, timeout=60000
    )


def test_import_paths_lists_failures_and_keeps_the_rest(qtbot: QtBot, tmp_path: Path) -> None:
    win = open_window(qtbot, tmp_path / "lib.db", tmp_path / "s.ini", start=False)
    good1, bad, good2 = _files(tmp_path)
    job = win.imports.import_sources([str(good1), str(bad), str(good2)])
    assert job is not None
    assert (
        win.imports.cancel_button.isVisible() and win.imports.progress.isVisible()
    )  # a batch: cancellable
    _wait_done(qtbot, win)
    assert win.lib_model.rowCount() == 2
    assert win.imports.problems is not None and win.imports.problems.isVisible()
    lines = win.imports.problems.lines()
    assert len(lines) == 1 and lines[0].startswith(f"{bad}: ")
    assert win.statusBar().currentMessage() == "Imported 2 articles; 1 file could not be imported"
    assert win.imports.problems.summary.text() == "1 file could not be imported; 2 were imported."
    # the last imported article is open
    assert win.stored is not None and win.stored.source == str(good2)
    assert not win.imports.progress.isVisible()
    # linked across the library on the way in (the trace), in the worker
    assert all(win.library.is_traced(aid) for aid in win.lib_model.ids())


def test_drop_files_and_a_bad_one(qtbot: QtBot, tmp_path: Path) -> None:
    win = open_window(qtbot, tmp_path / "lib.db", tmp_path / "s.ini", start=False)
    good1, bad, _ = _files(tmp_path)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(good1)), QUrl.fromLocalFile(str(bad))])
    ev = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    win.dropEvent(ev)
    assert ev.isAccepted()
    _wait_done(qtbot, win)
    assert win.lib_model.rowCount() == 1
    assert win.imports.problems is not None and win.imports.problems.isVisible()
    assert win.imports.problems.lines()[0].startswith(str(bad))


def test_paste_text_imports_it(qtbot: QtBot, tmp_path: Path) -> None:
    win = open_window(qtbot, tmp_path / "lib.db", tmp_path / "s.ini", start=False)
    QGuiApplication.clipboard().setText(variant(7, "pasted"))
    qtbot.keyClick(win.lib_view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    _wait_done(qtbot, win)
    assert win.lib_model.rowCount() == 1
    assert win.stored is not None
    assert win.stored.article.title is not None and win.stored.article.title.startswith("Story 7")
    assert "In part 7 pasted" in win.stored.article.text


def test_paste_url_imports_the_page(qtbot: QtBot, tmp_path: Path) -> None:
    page = (samples_dir() / "harbor-city-water.html").read_bytes()
    routes = {"/story": (200, {"Content-Type": "text/html; charset=utf-8"}, page)}
    win = open_window(qtbot, tmp_path / "lib.db", tmp_path / "s.ini", start=False)
    with local_server(routes) as (base, requested):
        QGuiApplication.clipboard().setText(base + "/story")
        win.imports.import_clipboard()
        _wait_done(qtbot, win)
    assert requested == ["/story"]
    assert win.lib_model.rowCount() == 1
    assert win.imports.last_outcome is not None and not win.imports.last_outcome.failures


def test_first_run_fills_from_samples(qtbot: QtBot, tmp_path: Path) -> None:
    samples = [p for p in samples_dir().iterdir() if p.suffix in (".txt", ".md", ".html")]
    assert samples, "the bundled samples are missing"
    win = open_window(qtbot, tmp_path / "lib.db", tmp_path / "s.ini", start=False)
    win.start()
    _wait_done(qtbot, win)
    assert win.lib_model.rowCount() == len(samples)
    assert win.stored is not None  # the first thing a new user sees is an article


def test_cancel_stops_between_items(tmp_path: Path) -> None:
    good1, _bad, good2 = _files(tmp_path)
    job = ImportJob(tmp_path / "lib.db", [ImportItem(str(good1)), ImportItem(str(good2))])
    seen: list[object] = []
    job.signals.finished.connect(seen.append)
    job.cancel()
    job.run()  # in this thread: the same code the pool runs
    [out] = seen
    assert isinstance(out, ImportOutcome) and out.cancelled and not out.article_ids
    assert out.not_imported == [str(good1), str(good2)] and not out.failures
    with Library(tmp_path / "lib.db") as lib:
        assert lib.count_articles() == 0


def test_cancel_after_cleaning_keeps_nothing_of_that_input(tmp_path: Path) -> None:
    """Cancel pressed while an input is being cleaned: it is not stored either."""
    items = [ImportItem("clipboard", text=variant(1, "one")), ImportItem("x", text=variant(2))]
    job = ImportJob(tmp_path / "lib.db", items)
    seen: list[ImportOutcome] = []
    job.signals.finished.connect(seen.append)
    # progress is reported just before the first input is read and cleaned
    job.signals.progress.connect(lambda done, _total, _label: job.cancel())
    job.run()
    [out] = seen
    assert out.cancelled and not out.imported
    assert out.not_imported == ["clipboard text", "clipboard text"]
    with Library(tmp_path / "lib.db") as lib:
        assert lib.count_articles() == 0


def _drop(win: MainWindow, mime: QMimeData) -> tuple[bool, bool]:
    """Drag ``mime`` over the window and drop it, as Qt delivers a drag: whether the
    window accepted the drag entering, and the drop."""
    enter = QDragEnterEvent(
        QPoint(50, 50), Qt.DropAction.CopyAction | Qt.DropAction.MoveAction, mime,
        Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    QApplication.sendEvent(win, enter)
    drop = QDropEvent(
        QPointF(50, 50), Qt.DropAction.MoveAction, mime, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    QApplication.sendEvent(win, drop)
    return enter.isAccepted(), drop.isAccepted()


def test_dragging_the_articles_own_words_never_imports(qtbot: QtBot, tmp_path: Path) -> None:
    """Pressing in a selection and dragging: Qt's text control makes the drag's data
    with the view's createMimeDataFromSelection; dropped on the window (or its
    article) it is the reader's hand slipping, not a fragment to import."""
    db = tmp_path / "lib.db"
    with Library(db) as lib:
        aid = add_article(lib, variant(0))
    win = open_window(qtbot, db, tmp_path / "s.ini")
    win.open_article(aid)
    cur = win.view.document().find("two wells were shut")
    win.view.setTextCursor(cur)
    own = win.view.createMimeDataFromSelection()
    assert own.text() == "two wells were shut"
    assert _drop(win, own) == (False, False)
    assert not win.imports.jobs
    win.imports.wait()
    QApplication.processEvents()
    assert win.library.count_articles() == 1
    # the same words dragged in from another program still import
    other = QMimeData()
    other.setText(variant(5, "dragged in"))
    assert _drop(win, other) == (True, True)
    _wait_done(qtbot, win)
    assert win.library.count_articles() == 2
