"""The reader's marks in the window: highlight a selection by key, edit its note and
tags, step through marks, remove with undo, tag the article, and the Marks view with
its filters (real widgets, a real library file)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QMenu, QStyle, QToolTip
from pytestqt.qtbot import QtBot

from reader.gui.dialogs import HelpSheet
from reader.gui.mark_dialogs import TAG_MAX_CHARS, MarkDialog, TagsDialog, TagsEdit
from reader.gui.marks_view import MarksPanel
from reader.gui.window import MainWindow
from reader.marks import Colour, selector_for
from reader.store.library import Library
from tests.test_gui_support import add_article, open_window, variant

WORDS = ("water smelled of diesel", "two wells were shut", "a review was under way")


def _select(win: MainWindow, words: str) -> None:
    """Select ``words`` in the article as a reader would (the view's own cursor)."""
    cur = win.view.document().find(words)
    assert cur.hasSelection(), words
    win.view.setTextCursor(cur)


def _window(qtbot: QtBot, tmp_path: Path, n: int = 1) -> tuple[MainWindow, list[int]]:
    db = tmp_path / "lib.db"
    with Library(db) as lib:
        ids = [add_article(lib, variant(i, f"w{i}")) for i in range(n)]
    win = open_window(qtbot, db, tmp_path / "s.ini", size=(1200, 700))
    win.open_article(ids[0])
    return win, ids


def _key(qtbot: QtBot, win: MainWindow, key: str | Qt.Key, mod: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:  # fmt: skip
    qtbot.keyClick(win.view, key, mod)


def test_highlight_by_key_drawn_and_kept_across_windows(qtbot: QtBot, tmp_path: Path) -> None:
    win, [aid] = _window(qtbot, tmp_path)
    _select(win, WORDS[0])
    _key(qtbot, win, "a")
    [h] = win.library.highlights(article_id=aid)
    assert (h.exact, h.colour, h.orphaned) == (WORDS[0], Colour.YELLOW, False)
    assert "Highlighted in yellow" in win.statusBar().currentMessage()
    # drawn: an extra selection over exactly those words, in the mark's fill
    [placed] = win.view.mark_layer.placed
    cur = QTextCursor(win.view.document())
    cur.setPosition(placed[0])
    cur.setPosition(placed[1], QTextCursor.MoveMode.KeepAnchor)
    assert cur.selectedText() == WORDS[0]
    sels = win.view.extraSelections()
    assert any(s.cursor.selectedText() == WORDS[0] for s in sels)
    # the colour picked from the menu becomes the one A uses next
    _select(win, WORDS[1])
    menu = win.marks.pick_colour()
    pink = next(a for a in menu.actions() if a.data() == "pink")
    pink.trigger()
    menu.close()  # as a click on the entry does
    _select(win, WORDS[2])
    _key(qtbot, win, "a")
    colours = {h.exact: h.colour for h in win.library.highlights(article_id=aid)}
    assert colours == {WORDS[0]: "yellow", WORDS[1]: "pink", WORDS[2]: "pink"}
    # a claim selected over a mark: both drawn, the marks beneath
    win.select_claim(0)
    assert len(win.view.extraSelections()) >= 3 + 1
    win.close()
    again = open_window(qtbot, tmp_path / "lib.db", tmp_path / "s.ini", size=(1200, 700))
    assert again.stored is not None and again.stored.id == aid
    assert len(again.view.mark_layer.placed) == 3
    assert again.marks.last_colour() is Colour.PINK  # remembered in the settings


def test_edit_note_and_tags_with_completion(qtbot: QtBot, tmp_path: Path) -> None:
    win, [aid] = _window(qtbot, tmp_path)
    win.library.set_article_tags(aid, ["bridges"])  # a tag the library knows
    _select(win, WORDS[0])
    _key(qtbot, win, "a")
    _key(qtbot, win, "E", Qt.KeyboardModifier.ShiftModifier)  # the cursor is in the mark
    dlg = win.dialog
    assert isinstance(dlg, MarkDialog) and dlg.isVisible()
    dlg.note_edit.setPlainText("Ask the utility for the test log")
    tags = dlg.tags_edit
    tags.setFocus()
    qtbot.keyClicks(tags, "fuel, bri")
    assert tags.current_word() == "bri"
    completions = [
        tags.completions.completionModel().index(i, 0).data()
        for i in range(tags.completions.completionCount())
    ]
    assert completions == ["bridges"]
    tags.insert_tag("bridges")
    assert tags.tags() == ["fuel", "bridges"]
    dlg.colour_box.setCurrentIndex(dlg.colour_box.findData(Colour.GREEN))
    dlg.accept()
    [h] = win.library.highlights(article_id=aid)
    assert (h.note, h.tags, h.colour) == (
        "Ask the utility for the test log",
        ["bridges", "fuel"],
        "green",
    )
    # the note is the mark's tooltip; the search finds the article by it
    [shown] = win.view.mark_layer.marks
    assert shown.tip.startswith("Ask the utility") and "bridges, fuel" in shown.tip
    # hovering the mark shows it
    cur = QTextCursor(win.view.document())
    cur.setPosition(win.view.mark_layer.placed[0][0] + 2)
    at = win.view.cursorRect(cur).center()
    event = QHelpEvent(QEvent.Type.ToolTip, at, win.view.viewport().mapToGlobal(at))
    QApplication.sendEvent(win.view.viewport(), event)
    assert QToolTip.isVisible() and QToolTip.text() == shown.tip
    assert [x.id for x in win.library.search("utility log")][:1] == [aid]


def test_next_and_previous_mark_select_it(qtbot: QtBot, tmp_path: Path) -> None:
    win, [aid] = _window(qtbot, tmp_path)
    text = win.library.article_text(aid) or ""
    for w in WORDS:
        s = text.index(w)
        win.library.add_highlight(aid, selector_for(text, s, s + len(w)))
    win.open_article(aid)
    seen = []
    for _ in WORDS:
        _key(qtbot, win, ".")
        seen.append(win.view.textCursor().selectedText())
    assert seen == list(WORDS)
    assert win.view.is_placed_span_visible(win.view.mark_layer.placed[-1][:2])
    _key(qtbot, win, ".")
    assert win.statusBar().currentMessage() == "Last mark"
    _key(qtbot, win, ",")
    assert win.view.textCursor().selectedText() == WORDS[1]
    assert win.statusBar().currentMessage().startswith("Mark 2 of 3")


def test_remove_with_undo(qtbot: QtBot, tmp_path: Path) -> None:
    win, [aid] = _window(qtbot, tmp_path)
    _select(win, WORDS[1])
    _key(qtbot, win, "a")
    [h] = win.library.highlights(article_id=aid)
    win.library.update_highlight(h.id, note="keep me", tags=["wells"])
    _key(qtbot, win, Qt.Key.Key_Backspace)  # the cursor is still in the mark
    assert win.library.highlights(article_id=aid) == []
    assert not win.view.mark_layer.placed
    assert "Mark removed" in win.statusBar().currentMessage()
    _key(qtbot, win, "z")
    [back] = win.library.highlights(article_id=aid)
    assert (back.id, back.note, back.tags) == (h.id, "keep me", ["wells"])
    assert win.view.textCursor().selectedText() == WORDS[1]
    _key(qtbot, win, "z")
    assert "Nothing to put back" in win.statusBar().currentMessage()
    # a colour picked with the caret in a mark (nothing selected) recolours it
    cur = win.view.textCursor()
    cur.clearSelection()
    win.view.setTextCursor(cur)
    win.marks.highlight_in(Colour.PURPLE)
    [h2] = win.library.highlights(article_id=aid)
    assert (h2.id, h2.colour) == (h.id, Colour.PURPLE)


def test_bad_selections_are_answered_in_the_status_bar(qtbot: QtBot, tmp_path: Path) -> None:
    win, [aid] = _window(qtbot, tmp_path)
    _key(qtbot, win, "a")  # nothing selected
    assert "Select some words" in win.statusBar().currentMessage()
    _select(win, "Story 0: harbour authority denies")  # the title, not the text
    _key(qtbot, win, "a")
    assert "title or byline" in win.statusBar().currentMessage()
    assert win.library.highlights(article_id=aid) == []
    for key in ("E", Qt.Key.Key_Backspace):  # no mark at hand
        win.view.setTextCursor(QTextCursor(win.view.document()))
        _key(qtbot, win, key, Qt.KeyboardModifier.ShiftModifier if key == "E" else Qt.KeyboardModifier.NoModifier)  # fmt: skip
        assert "No mark here" in win.statusBar().currentMessage()
    _key(qtbot, win, ".")
    assert "No marks in this article" in win.statusBar().currentMessage()


def test_tag_article_shows_tags_and_the_context_menu_has_the_marks(
    qtbot: QtBot, tmp_path: Path
) -> None:
    win, [aid] = _window(qtbot, tmp_path)
    assert not win.view.banner.isVisible()
    _key(qtbot, win, "#")
    dlg = win.dialog
    assert isinstance(dlg, TagsDialog)
    dlg.tags_edit.setText("harbour,  water , harbour")
    dlg.accept()
    assert win.library.article_tags(aid) == ["harbour", "water"]
    assert win.view.banner.isVisible() and win.view.banner.text() == "Tags: harbour · water"
    assert win.view.viewportMargins().top() > 0
    assert [x.id for x in win.library.search("water")][:1] == [aid]
    menu = win.marks.context_menu(QPoint(10, 10))
    texts = [a.text().replace("&", "") for a in menu.actions()]
    assert "Highlight Selection" in texts and "Tag Article…" in texts
    assert any(isinstance(a.menu(), QMenu) and "Colour" in a.text() for a in menu.actions())
    menu.close()


def _marks_library(lib: Library, ids: list[int]) -> dict[str, int]:
    made = {}
    for n, aid in enumerate(ids):
        text = lib.article_text(aid) or ""
        for w, colour in zip(WORDS, (Colour.YELLOW, Colour.BLUE, Colour.PINK), strict=True):
            s = text.index(w)
            h = lib.add_highlight(aid, selector_for(text, s, s + len(w)), colour,
                                  note=f"note {n} {w}", tags=[f"a{n}"])  # fmt: skip
            made[f"{n}:{w}"] = h.id
    return made


def test_marks_view_filters_and_opens_at_the_mark(qtbot: QtBot, tmp_path: Path) -> None:
    win, ids = _window(qtbot, tmp_path, n=2)
    made = _marks_library(win.library, ids)
    text = win.library.article_text(ids[1]) or ""
    s = text.index("The report could not")
    lost = win.library.add_highlight(
        ids[1], selector_for(text, s, s + 30), Colour.PURPLE, note="gone", orphaned=True
    )
    claim = win.library.claims(article_id=ids[0])[0]
    win.library.set_note(ids[0], claim.claim_key, "a claim's note")
    win.library.set_article_tags(ids[1], ["tagged-article"])
    win.open_article(ids[0])
    _key(qtbot, win, "M", Qt.KeyboardModifier.ShiftModifier)
    panel = win.left.currentWidget()
    assert isinstance(panel, MarksPanel) and panel.isVisible()
    assert panel.list.hasFocus()
    rows = panel.model.rows
    assert len(rows) == 6 + 1 + 1
    # newest article first (variant 1 was added last, same date: the higher id)
    assert rows[0].article_id == ids[1]
    orphan = next(r for r in rows if r.mark_id == lost.id)
    assert orphan.lines().startswith("ORPHANED — ")
    assert "1 orphaned" in panel.status.text()
    # filters: colour, tag (own or the article's), title, orphaned, claim notes
    panel.colour_box.setCurrentIndex(panel.colour_box.findData("blue"))
    assert {r.mark_id for r in panel.model.rows} == {made[f"0:{WORDS[1]}"], made[f"1:{WORDS[1]}"]}
    panel.colour_box.setCurrentIndex(0)
    panel.tag_box.setCurrentIndex(panel.tag_box.findData("a0"))
    assert {r.article_id for r in panel.model.rows} == {ids[0]} and len(panel.model.rows) == 3
    panel.tag_box.setCurrentIndex(panel.tag_box.findData("tagged-article"))
    assert {r.article_id for r in panel.model.rows} == {ids[1]} and len(panel.model.rows) == 4
    panel.tag_box.setCurrentIndex(0)
    panel.orphan_box.setChecked(True)
    assert [r.mark_id for r in panel.model.rows] == [lost.id]
    panel.orphan_box.setChecked(False)
    panel.colour_box.setCurrentIndex(panel.colour_box.findData("claim notes"))
    assert [(r.claim_key, r.note) for r in panel.model.rows] == [
        (claim.claim_key, "a claim's note")
    ]
    panel.colour_box.setCurrentIndex(0)
    # typing in the title filter keeps its letters (no highlight, no mark removed)
    panel.title_box.setFocus()
    qtbot.keyClicks(panel.title_box, "story 1")
    qtbot.keyClick(panel.title_box, Qt.Key.Key_Backspace)
    qtbot.keyClick(panel.title_box, "1")
    assert panel.title_box.text() == "story 1"
    assert {r.article_id for r in panel.model.rows} == {ids[1]}
    assert len(win.library.highlights()) == 7
    # Enter on a mark of the other article opens it there, selected
    qtbot.keyClick(panel.title_box, Qt.Key.Key_Down)
    assert panel.select(made[f"1:{WORDS[2]}"])
    qtbot.keyClick(panel.list, Qt.Key.Key_Return)
    assert win.stored is not None and win.stored.id == ids[1]
    assert win.view.textCursor().selectedText() == WORDS[2]
    assert win.left.currentWidget() is panel  # the view stays for the next one
    # an orphaned mark opens its article and says the words were not found
    assert panel.select(lost.id)
    qtbot.keyClick(panel.list, Qt.Key.Key_Return)
    assert "was not found" in win.statusBar().currentMessage()
    # the claim note opens its claim
    panel.title_box.clear()
    panel.colour_box.setCurrentIndex(panel.colour_box.findData("claim notes"))
    qtbot.keyClick(panel.list, Qt.Key.Key_Return)
    assert win.stored.id == ids[0] and win.current_claim == 0
    # Esc gives the library back
    qtbot.keyClick(panel.list, Qt.Key.Key_Escape)
    assert win.left.currentWidget() is win.library_page


def test_marks_keys_are_in_the_help_sheet(qtbot: QtBot, tmp_path: Path) -> None:
    win, _ = _window(qtbot, tmp_path)
    qtbot.keyClick(win.view, "?")
    sheet = win.dialog
    assert isinstance(sheet, HelpSheet)
    rows = {
        sheet.table.item(r, 1).text(): sheet.table.item(r, 2).text()
        for r in range(sheet.table.rowCount())
    }
    assert rows["Highlight Selection"] == "A"
    assert rows["Next Mark"] == "." and rows["Previous Mark"] == ","
    assert rows["Tag Article…"] == "#" and rows["Marks View"] == "Shift+M"
    assert rows["Remove Mark"] == "Backspace" and rows["Put Back Mark"] == "Z"


def test_tags_edit_completes_the_word_being_typed(qtbot: QtBot) -> None:
    edit = TagsEdit(["Economy", "energy", "water"], ["water"])
    qtbot.addWidget(edit)
    assert edit.text() == "water"
    edit.setText("water, en")
    edit.setCursorPosition(len(edit.text()))
    edit.completions.setCompletionPrefix(edit.current_word())
    assert edit.completions.currentCompletion() == "energy"
    edit.insert_tag("energy")
    assert edit.text() == "water, energy, " and edit.tags() == ["water", "energy"]


@pytest.mark.parametrize("n", [5000])
def test_marks_view_with_many_marks_opens_quickly(qtbot: QtBot, tmp_path: Path, n: int) -> None:
    """5,000 highlights over 50 articles: the view opens (three queries, one model
    reset) well under a second here; the bound leaves room for a slow CI machine."""
    db = tmp_path / "lib.db"
    with Library(db) as lib:
        ids = [add_article(lib, variant(i, f"w{i}")) for i in range(50)]
        text = lib.article_text(ids[0]) or ""
        words = text.split()
        for k in range(n):
            aid = ids[k % 50]  # the articles differ after the quoted words
            s = text.index(words[k % len(words)])
            lib.add_highlight(aid, selector_for(text, s, s + len(words[k % len(words)])),
                              tags=[f"t{k % 7}"], note=f"n{k}")  # fmt: skip
    win = open_window(qtbot, db, tmp_path / "s.ini", size=(1200, 700))
    t0 = time.perf_counter()
    panel = win.marks.show_view()
    QApplication.processEvents()
    took = time.perf_counter() - t0
    assert len(panel.model.rows) == n
    t1 = time.perf_counter()
    panel.tag_box.setCurrentIndex(panel.tag_box.findData("t3"))
    filtered = time.perf_counter() - t1
    assert 0 < len(panel.model.rows) < n
    print(f"\nMarks view with {n} highlights: opened in {took * 1000:.0f} ms,"
          f" tag filter {filtered * 1000:.0f} ms")  # fmt: skip
    assert took < 3.0 and filtered < 1.0


def test_put_back_after_its_article_was_deleted_says_so(qtbot: QtBot, tmp_path: Path) -> None:
    win, ids = _window(qtbot, tmp_path, n=2)
    _select(win, WORDS[0])
    _key(qtbot, win, "a")
    _key(qtbot, win, Qt.Key.Key_Backspace)
    win.deletions.delete([ids[0]], "the article")
    _key(qtbot, win, "z")
    assert "no longer in the library" in win.statusBar().currentMessage()
    win.undo_delete()  # the article back, then the mark
    win.marks.undo_remove()
    assert [h.exact for h in win.library.highlights(article_id=ids[0])] == [WORDS[0]]


def test_del_in_the_marks_view_removes_the_mark_not_the_article(
    qtbot: QtBot, tmp_path: Path
) -> None:
    win, ids = _window(qtbot, tmp_path, n=2)
    made = _marks_library(win.library, ids)
    _key(qtbot, win, "M", Qt.KeyboardModifier.ShiftModifier)
    panel = win.marks.panel
    assert panel.list.hasFocus()
    target = made[f"1:{WORDS[1]}"]
    assert panel.select(target)
    row = panel.list.currentIndex().row()
    qtbot.keyClick(panel.list, Qt.Key.Key_Delete)
    assert win.library.count_articles() == 2 and win.dialog is None  # no "delete article?"
    assert win.library.highlight(target) is None
    assert "Mark removed" in win.statusBar().currentMessage()
    assert target not in {r.mark_id for r in panel.model.rows}
    assert panel.list.currentIndex().row() == row  # on the next mark, ready for another
    qtbot.keyClick(panel.list, "z")  # Put Back Mark
    assert win.library.highlight(target) is not None
    assert target in {r.mark_id for r in panel.model.rows}
    assert panel.select(target)
    qtbot.keyClick(panel.list, Qt.Key.Key_Backspace)
    assert win.library.highlight(target) is None and len(win.library.highlights()) == 5
    assert win.library.count_articles() == 2


def test_next_mark_steps_from_the_text_cursor(qtbot: QtBot, tmp_path: Path) -> None:
    """After stepping to the second mark, a click before the first one and "." goes
    to the first (from where the reader clicked), not to the third."""
    win, [aid] = _window(qtbot, tmp_path)
    text = win.library.article_text(aid) or ""
    for w in WORDS:
        s = text.index(w)
        win.library.add_highlight(aid, selector_for(text, s, s + len(w)))
    win.open_article(aid)
    _key(qtbot, win, ".")
    _key(qtbot, win, ".")
    assert win.view.textCursor().selectedText() == WORDS[1]
    before = win.view.document().find("Residents told")
    cur = QTextCursor(win.view.document())
    cur.setPosition(before.selectionStart() + 2)
    qtbot.mouseClick(win.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=win.view.cursorRect(cur).center())  # fmt: skip
    assert not win.view.textCursor().hasSelection()
    _key(qtbot, win, ".")
    assert win.view.textCursor().selectedText() == WORDS[0]
    # and back: "," from a click after the third mark gives the third
    after = win.view.document().find("Critics disputed")
    cur.setPosition(after.selectionStart() + 2)
    qtbot.mouseClick(win.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=win.view.cursorRect(cur).center())  # fmt: skip
    _key(qtbot, win, ",")
    assert win.view.textCursor().selectedText() == WORDS[2]


def test_enter_on_a_completion_saves_the_completion(qtbot: QtBot, tmp_path: Path) -> None:
    """One completion shown (highlighted), Down, Enter, Enter: the tag saved is the
    completion, never the typed fragment; with nothing highlighted, what was typed."""
    win, ids = _window(qtbot, tmp_path, n=2)
    win.library.set_article_tags(ids[1], ["to-verify"])  # a tag the library knows
    _key(qtbot, win, "#")
    dlg = win.dialog
    assert isinstance(dlg, TagsDialog)
    edit = dlg.tags_edit
    qtbot.keyClicks(edit, "to-")
    popup = edit.completions.popup()
    assert popup.isVisible() and popup.currentIndex().row() == 0
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    assert popup.currentIndex().row() == 0  # still what the reader sees highlighted
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert edit.tags() == ["to-verify"]
    if dlg.isVisible():  # the first Enter took the completion; the next one saves
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert not dlg.isVisible()
    assert win.library.article_tags(ids[0]) == ["to-verify"]


def test_a_tag_over_64_characters_is_refused_with_a_note(qtbot: QtBot, tmp_path: Path) -> None:
    win, [aid] = _window(qtbot, tmp_path)
    _key(qtbot, win, "#")
    dlg = win.dialog
    assert isinstance(dlg, TagsDialog)
    long_tag = "x" * (TAG_MAX_CHARS + 1)
    dlg.tags_edit.setText(f"harbour, {long_tag}")
    qtbot.keyClick(dlg.tags_edit, Qt.Key.Key_Return)
    assert dlg.isVisible() and dlg.tags_note.isVisible()
    assert dlg.tags_note.text() == (
        f"A tag can have at most {TAG_MAX_CHARS} characters; “{'x' * 23}…” has 65."
    )
    assert win.library.article_tags(aid) == []
    dlg.tags_edit.setText(f"harbour, {long_tag[:-1]}")
    qtbot.keyClick(dlg.tags_edit, Qt.Key.Key_Return)
    assert not dlg.isVisible()
    assert win.library.article_tags(aid) == ["harbour", long_tag[:-1]]
    # a mark's tags too
    _select(win, WORDS[0])
    _key(qtbot, win, "a")
    _key(qtbot, win, "E", Qt.KeyboardModifier.ShiftModifier)
    mark_dlg = win.dialog
    assert isinstance(mark_dlg, MarkDialog)
    mark_dlg.tags_edit.setText(long_tag)
    mark_dlg.accept()
    assert mark_dlg.isVisible() and mark_dlg.tags_note.isVisible()
    assert win.library.highlights(article_id=aid)[0].tags == []


def _select_between(win: MainWindow, first: str, last: str, skip: int = 0, cut: int = 0) -> None:
    """Select from ``skip`` characters into ``first`` to ``cut`` characters before the
    end of ``last``, as a mouse drag that starts and ends inside words does."""
    doc = win.view.document()
    a, b = doc.find(first), doc.find(last)
    assert a.hasSelection() and b.hasSelection(), (first, last)
    cur = QTextCursor(doc)
    cur.setPosition(a.selectionStart() + skip)
    cur.setPosition(b.selectionEnd() - cut, QTextCursor.MoveMode.KeepAnchor)
    win.view.setTextCursor(cur)


def test_highlight_takes_the_whole_words_a_selection_touches(qtbot: QtBot, tmp_path: Path) -> None:
    win, [aid] = _window(qtbot, tmp_path)
    _select_between(win, "water smelled", "of diesel", skip=2, cut=2)  # "ter smelled of dies"
    _key(qtbot, win, "a")
    _select_between(win, "mayor's office", "mayor's office", skip=2, cut=3)  # "yor's off"
    _key(qtbot, win, "a")
    _select_between(win, "Story 0: harbour", "The harbour authority said", skip=6, cut=0)
    _key(qtbot, win, "a")  # from the title into the text: the text's part
    assert sorted(h.exact for h in win.library.highlights(article_id=aid)) == [
        "The harbour authority said",
        "mayor's office",
        "water smelled of diesel",
    ]
    # a selection that starts and ends between words is kept as it is
    _select_between(win, " for a week", " for a week")
    _key(qtbot, win, "a")
    assert " for a week" not in [h.exact for h in win.library.highlights(article_id=aid)]
    assert "for a week" in [h.exact for h in win.library.highlights(article_id=aid)]


def test_mark_messages_fit_a_small_windows_status_bar(qtbot: QtBot, tmp_path: Path) -> None:
    """At 800x600 every message of the marks is read whole: the status bar cuts what
    does not fit (the why of an orphaned mark is in the Marks view and Edit Mark)."""
    db = tmp_path / "lib.db"
    with Library(db) as lib:
        aid = add_article(lib, variant(0, "w0"))
        text = lib.article_text(aid) or ""
        s = text.index("The report could not")
        lost = lib.add_highlight(aid, selector_for(text, s, s + 48), Colour.PURPLE,
                                 note="gone after the update", orphaned=True)  # fmt: skip
    win = open_window(qtbot, db, tmp_path / "s.ini", size=(800, 600))
    win.open_article(aid)
    bar = win.statusBar()
    said = []

    def look() -> None:
        said.append(bar.currentMessage())

    _key(qtbot, win, ".")  # only an orphaned mark: none to step to
    look()
    win.marks.show_mark(lost.id)  # as the Marks view or a search opens it
    look()
    _select_between(win, "Residents told", "two wells were shut")  # a long quote
    _key(qtbot, win, "a")
    look()
    _key(qtbot, win, "E", Qt.KeyboardModifier.ShiftModifier)
    dlg = win.dialog
    assert isinstance(dlg, MarkDialog)
    dlg.note_edit.setPlainText("A long note about the wells and who shut them, and when. " * 3)
    dlg.accept()
    _key(qtbot, win, ".")
    _key(qtbot, win, ",")
    look()
    _key(qtbot, win, Qt.Key.Key_Backspace)
    look()
    _key(qtbot, win, "z")
    look()
    heads = [m.split(":")[0] for m in said]  # each message was the one meant
    assert heads[0].startswith("No marks in this article (1 orphaned")
    assert heads[1:3] == ["Orphaned mark", "Highlighted in yellow"]
    assert said[3].startswith("Mark 1 of 2 · yellow · A long note")
    assert heads[4:] == ["Mark removed", "Mark put back"]
    grip = bar.style().pixelMetric(QStyle.PixelMetric.PM_SizeGripSize)
    room = bar.contentsRect().width() - 2 * grip  # the size grip, the margins
    fm = bar.fontMetrics()
    too_long = [m for m in said if fm.horizontalAdvance(m) > room]
    assert said and not too_long, (room, too_long)
