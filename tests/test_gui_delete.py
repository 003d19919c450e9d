"""Deleting in the window, as a user does it: Del in the active window, the question
answered like a user answers it, the list and the library file after, Ctrl+Z to bring
it back (verdicts and history too); and the bundled samples, tagged and removed in one
step."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from reader import APP_NAME
from reader.gui.deletions import EMPTY_HINT
from reader.gui.dialogs import NoteDialog
from reader.gui.library_panel import SAMPLE_TAG
from reader.gui.window import MainWindow
from reader.paths import sample_paths
from reader.store.library import Library
from tests.test_gui_support import make_db, open_window, variant

DEL = Qt.Key.Key_Delete
CTRL = Qt.KeyboardModifier.ControlModifier


def _question(win: MainWindow) -> QMessageBox:
    box = win.dialog
    assert isinstance(box, QMessageBox) and box.isVisible()
    return box


def _say_delete(box: QMessageBox) -> None:
    button = box.findChild(QPushButton, "deleteButton")
    assert button is not None
    button.click()


def _say_remove(box: QMessageBox) -> None:
    button = box.findChild(QPushButton, "removeSamplesButton")
    assert button is not None
    button.click()


def _counts(db: Path) -> dict[str, int]:
    with Library(db) as lib:
        return {
            t: lib.db.execute(f"select count(*) from {t}").fetchone()[0]
            for t in ("articles", "claims", "chain_links", "verdicts")
        }


def test_del_asks_deletes_opens_the_next_and_ctrl_z_brings_it_back(
    qtbot: QtBot, tmp_path: Path
) -> None:
    db = tmp_path / "lib.db"
    make_db(db, 3)
    win = open_window(qtbot, db, tmp_path / "s.ini")
    order = win.lib_model.ids()
    win.open_article(order[1])
    doomed = win.stored
    assert doomed is not None
    for key in "j13":  # claim 0: true, then misleading (history)
        qtbot.keyClick(win.lib_view, key)
    before = _counts(db)

    # Cancel keeps it; Cancel is the default, so Enter keeps it too
    qtbot.keyClick(win.lib_view, DEL)
    box = _question(win)
    assert doomed.article.title is not None and doomed.article.title in box.text()
    assert "verdicts" in box.informativeText() and "notes" in box.informativeText()
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert not box.isVisible()
    assert _counts(db) == before and win.lib_model.rowCount() == 3

    # from the article itself, answered Delete
    win.view.setFocus()
    qtbot.keyClick(win.view, DEL)
    _say_delete(_question(win))
    after = _counts(db)
    assert after["articles"] == before["articles"] - 1
    assert after["claims"] == before["claims"] - len(doomed.claims)
    assert after["verdicts"] == before["verdicts"] - 2
    with Library(db) as lib:  # its read mark went; the next article's is new
        marked = [r[0] for r in lib.db.execute("select article_id from article_state")]
        assert doomed.id not in marked and order[2] in marked
    assert win.lib_model.ids() == [order[0], order[2]]
    assert win.stored is not None and win.stored.id == order[2]  # the one below it
    assert "Ctrl+Z to undo" in win.statusBar().currentMessage()
    undo = win.findChild(QPushButton, "undoDeleteButton")
    assert undo is not None and undo.isVisible()

    qtbot.keyClick(win.lib_view, Qt.Key.Key_Z, CTRL)
    assert _counts(db) == before
    assert win.lib_model.ids() == order
    assert win.stored is not None and win.stored.id == doomed.id
    assert win.claims_panel.model.claim(0).verdict == "misleading"  # type: ignore[union-attr]
    with Library(db) as lib:
        history = lib.verdict_history(doomed.id, doomed.claims[0].claim_key)
        assert [h.verdict for h in history] == ["true", "misleading"]
    assert "Restored" in win.statusBar().currentMessage()
    assert not undo.isVisible()


def test_del_deletes_the_row_selected_in_the_list_not_the_open_one(
    qtbot: QtBot, tmp_path: Path
) -> None:
    db = tmp_path / "lib.db"
    make_db(db, 3)
    win = open_window(qtbot, db, tmp_path / "s.ini")
    order = win.lib_model.ids()
    assert win.stored is not None and win.stored.id == order[0]
    win.lib_view.setFocus()
    qtbot.keyClick(win.lib_view, Qt.Key.Key_Down)  # moves the selection, opens nothing
    qtbot.keyClick(win.lib_view, DEL)
    box = _question(win)
    with Library(db) as lib:
        assert lib.row(order[1]).title in box.text()  # type: ignore[union-attr]
    _say_delete(box)
    assert win.lib_model.ids() == [order[0], order[2]]
    assert win.stored is not None and win.stored.id == order[0]  # still open


def test_deleting_the_only_article_leaves_an_empty_window(qtbot: QtBot, tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    make_db(db, 1)
    win = open_window(qtbot, db, tmp_path / "s.ini")
    qtbot.keyClick(win.lib_view, DEL)
    _say_delete(_question(win))
    assert win.stored is None and win.lib_model.rowCount() == 0
    assert win.view.toPlainText().startswith("The library is empty")
    assert "Ctrl+O" in win.view.toPlainText()
    assert win.claims_panel.model.rowCount() == 0
    assert win.claims_panel.empty.text() == "No article open."
    assert win.windowTitle() == APP_NAME
    assert EMPTY_HINT in win.statusBar().currentMessage()
    qtbot.keyClick(win.lib_view, DEL)  # nothing left to delete: said, not asked
    assert "No article to delete" in win.statusBar().currentMessage()
    qtbot.keyClick(win.lib_view, Qt.Key.Key_Z, CTRL)
    assert win.stored is not None and win.lib_model.rowCount() == 1
    empty = win.claims_panel.empty
    assert empty.isHidden() or empty.text() != "No article open."


def test_undo_goes_back_one_delete_at_a_time(qtbot: QtBot, tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    make_db(db, 3)
    win = open_window(qtbot, db, tmp_path / "s.ini")
    order = win.lib_model.ids()
    for _ in range(2):
        qtbot.keyClick(win.lib_view, DEL)
        _say_delete(_question(win))
    assert win.lib_model.ids() == [order[2]]
    qtbot.keyClick(win.lib_view, Qt.Key.Key_Z, CTRL)
    assert win.lib_model.ids() == [order[1], order[2]] and win.stored.id == order[1]  # type: ignore[union-attr]
    qtbot.keyClick(win.lib_view, Qt.Key.Key_Z, CTRL)
    assert win.lib_model.ids() == order and win.stored.id == order[0]  # type: ignore[union-attr]
    qtbot.keyClick(win.lib_view, Qt.Key.Key_Z, CTRL)  # the stack is used up: not "no delete"
    assert win.statusBar().currentMessage().startswith("Nothing left to undo")


def test_undo_with_nothing_ever_deleted_says_so(qtbot: QtBot, tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    make_db(db, 2)
    win = open_window(qtbot, db, tmp_path / "s.ini")
    qtbot.keyClick(win.lib_view, Qt.Key.Key_Z, CTRL)
    msg = win.statusBar().currentMessage()
    assert msg == "Nothing to undo: no article was deleted since the window opened"
    assert win.lib_model.rowCount() == 2


def test_the_actions_are_in_the_file_menu(qtbot: QtBot, tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    make_db(db, 1)
    win = open_window(qtbot, db, tmp_path / "s.ini")
    file_menu = win.menuBar().actions()[0].menu()
    labels = [a.text() for a in file_menu.actions()]  # type: ignore[union-attr]
    assert {"&Delete Article…", "&Undo Delete", "Remove &Samples…"} <= set(labels)
    assert labels[-1] == "&Quit"


def _first_run(qtbot: QtBot, win: MainWindow) -> None:
    win.start()
    qtbot.waitUntil(lambda: not win.imports.jobs and win.stored is not None, timeout=60000)


def test_first_run_samples_are_tagged_and_removed_in_one_step(qtbot: QtBot, tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    win = open_window(qtbot, db, tmp_path / "s.ini", start=False)
    _first_run(qtbot, win)
    n = len(sample_paths())
    assert win.lib_model.rowCount() == n
    rows = [win.lib_model.article_row(i) for i in range(n)]
    assert all(r is not None and r.sample for r in rows)
    text = win.lib_model.index(0).data()
    assert f"({SAMPLE_TAG.lower()})" in text  # what a screen reader says, too
    assert "Remove Samples" in win.statusBar().currentMessage()

    # the user's own first import is not a sample, and is told apart in the list
    own = tmp_path / "mine.md"
    own.write_text(variant(9, "own"), encoding="utf-8")
    win.imports.import_sources([str(own)])
    qtbot.waitUntil(
        lambda: not win.imports.jobs and win.lib_model.rowCount() == n + 1, timeout=60000
    )
    mine = [r for r in map(win.lib_model.article_row, range(n + 1)) if r and not r.sample]
    assert len(mine) == 1 and mine[0].title is not None and "Story 9" in mine[0].title
    win.open_article(win.lib_model.ids()[0])

    win.actions_by_name["remove_samples"].trigger()
    _say_remove(_question(win))
    assert win.lib_model.ids() == [mine[0].id]
    assert win.stored is not None and win.stored.id == mine[0].id
    assert f"Deleted the {n} sample articles" in win.statusBar().currentMessage()
    win.actions_by_name["undo_delete"].trigger()
    assert win.lib_model.rowCount() == n + 1
    win.actions_by_name["remove_samples"].trigger()
    _say_remove(_question(win))
    win.actions_by_name["remove_samples"].trigger()  # none left: said, not asked
    assert "no sample articles" in win.statusBar().currentMessage()
    assert not win.dialog_open()
    win.close()
    with Library(db) as lib:
        assert lib.sample_ids() == [] and lib.count_articles() == 1


def test_removed_samples_do_not_come_back_on_the_next_start(qtbot: QtBot, tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    win = open_window(qtbot, db, tmp_path / "s.ini", start=False)
    _first_run(qtbot, win)
    win.remove_samples()
    _say_remove(_question(win))
    assert win.stored is None and win.lib_model.rowCount() == 0
    win.close()
    again = open_window(qtbot, db, tmp_path / "s.ini")  # starts
    assert not again.imports.jobs and again.lib_model.rowCount() == 0
    assert EMPTY_HINT in again.statusBar().currentMessage()
    assert again.view.toPlainText().startswith("The library is empty")


def test_a_note_for_an_article_deleted_meanwhile_is_reported(qtbot: QtBot, tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    (aid,) = make_db(db, 1)
    win = open_window(qtbot, db, tmp_path / "s.ini")
    qtbot.keyClick(win.lib_view, "j")
    qtbot.keyClick(win.lib_view, "e")
    dlg = win.dialog
    assert isinstance(dlg, NoteDialog)
    with Library(db) as other:  # the CLI, say, while the note is being written
        other.delete([aid])
    dlg.editor.setPlainText("Too late.")
    dlg.accept()  # no traceback: the status bar says why it was not saved
    msg = win.statusBar().currentMessage()
    assert "could not save your note" in msg and "no longer in the library" in msg


def test_remove_samples_asks_first_and_undo_brings_verdicts_back(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """Ctrl+Shift+Del used to delete at once, the user's verdicts and notes on the
    samples with them; now it asks like Delete does, Cancel the default."""
    db = tmp_path / "lib.db"
    win = open_window(qtbot, db, tmp_path / "s.ini", start=False)
    _first_run(qtbot, win)
    n = len(sample_paths())
    for key in "j2e":  # claim 0 of the open sample: false, with a note
        qtbot.keyClick(win.lib_view, key)
    note = win.dialog
    assert isinstance(note, NoteDialog)
    note.editor.setPlainText("Checked: invented.")
    note.accept()
    with qtbot.waitActive(win):
        win.activateWindow()
    before = _counts(db)
    assert before["articles"] == n and before["verdicts"] >= 2

    shift_del = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(win.lib_view, DEL, shift_del)
    box = _question(win)
    assert f"{n} sample articles" in box.text()
    info = box.informativeText()
    assert "verdicts" in info and "notes" in info and "Ctrl+Z" in info
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    remove = box.findChild(QPushButton, "removeSamplesButton")
    assert remove is not None and not remove.autoDefault() and not remove.isDefault()
    qtbot.keyClick(box, Qt.Key.Key_Return)  # Enter: Cancel
    assert not box.isVisible() and _counts(db) == before

    qtbot.keyClick(win.lib_view, DEL, shift_del)
    box = _question(win)
    remove = box.findChild(QPushButton, "removeSamplesButton")
    assert remove is not None
    remove.setFocus()  # even with the focus on Remove, Enter is Cancel
    qtbot.keyClick(remove, Qt.Key.Key_Return)
    assert not box.isVisible() and _counts(db) == before

    qtbot.keyClick(win.lib_view, DEL, shift_del)
    _say_remove(_question(win))
    assert _counts(db) == {"articles": 0, "claims": 0, "chain_links": 0, "verdicts": 0}
    assert f"Deleted the {n} sample articles" in win.statusBar().currentMessage()

    qtbot.keyClick(win.lib_view, Qt.Key.Key_Z, CTRL)
    assert _counts(db) == before
    assert win.lib_model.rowCount() == n
    with Library(db) as lib:
        assert sorted(lib.sample_ids()) == sorted(win.lib_model.ids())
    qtbot.keyClick(win.lib_view, Qt.Key.Key_Z, CTRL)  # the review's second Ctrl+Z
    msg = win.statusBar().currentMessage()
    assert msg.startswith("Nothing left to undo") and "no article was deleted" not in msg


def test_enter_on_a_focused_delete_button_cancels(qtbot: QtBot, tmp_path: Path) -> None:
    """Delete is never the target of Enter: only Cancel, the question's default, is."""
    db = tmp_path / "lib.db"
    make_db(db, 2)
    win = open_window(qtbot, db, tmp_path / "s.ini")
    qtbot.keyClick(win.lib_view, DEL)
    box = _question(win)
    delete = box.findChild(QPushButton, "deleteButton")
    assert delete is not None and not delete.autoDefault()
    delete.setFocus()
    qtbot.keyClick(delete, Qt.Key.Key_Return)
    assert not box.isVisible() and win.lib_model.rowCount() == 2


def test_a_sample_file_imported_by_the_user_is_not_tagged_or_removed(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """Delete a first-run sample, then import its file on purpose: it is the user's
    article now, untagged, and Remove Samples leaves it."""
    db = tmp_path / "lib.db"
    win = open_window(qtbot, db, tmp_path / "s.ini", start=False)
    _first_run(qtbot, win)
    n = len(sample_paths())
    harbor = next(p for p in sample_paths() if p.name == "harbor-city-water.html")
    with Library(db) as lib:
        by_title = {lib.row(i).title: i for i in lib.sample_ids()}  # type: ignore[union-attr]
    old = next(i for t, i in by_title.items() if t and "Harbor" in t)
    win.lib_view.select_article(old)
    win.lib_view.setFocus()
    qtbot.keyClick(win.lib_view, DEL)
    _say_delete(_question(win))
    assert old not in win.lib_model.ids()

    win.imports.import_sources([str(harbor)])
    qtbot.waitUntil(lambda: not win.imports.jobs and win.lib_model.rowCount() == n, timeout=60000)
    rows = [win.lib_model.article_row(i) for i in range(n)]
    mine = [r for r in rows if r is not None and not r.sample]
    assert len(mine) == 1 and mine[0].id != old and "Harbor" in (mine[0].title or "")
    assert f"({SAMPLE_TAG.lower()})" not in win.lib_model.index(rows.index(mine[0])).data()

    win.remove_samples()
    box = _question(win)
    assert f"{n - 1} sample articles" in box.text()
    _say_remove(box)
    assert win.lib_model.ids() == [mine[0].id]
    with Library(db) as lib:
        assert lib.sample_ids() == [] and lib.article_ids() == [mine[0].id]
