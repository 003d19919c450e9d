"""The reader's marks in the open article: highlight the selection (in the last colour
used, or one picked from a menu), edit a mark's colour, note and tags, remove it
with undo, step to the next or previous mark, tag the article; and the Marks view
(:mod:`reader.gui.marks_view`) in the library pane.

Marks are user state (:mod:`reader.store.marks`), written on the GUI thread as verdicts
are. They are anchored in the article's plain text, so the window maps the reader's
selection in the rendered document back to text offsets
(:meth:`~reader.gui.offsets.OffsetMap.text_span`); a selection with none of the
article's words in it (the title, the byline, only spaces) is answered in the status
bar. A re-extraction moves the marks in the store (:func:`reader.library_ops.reextract`);
:meth:`MarksController.refresh` draws them again.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtWidgets import QMenu

from reader.errors import InputError, store_error, write_errors, write_reason
from reader.gui.actions import key_text
from reader.gui.mark_layer import MarkSpan
from reader.marks import Colour, Highlight, selector_for

if TYPE_CHECKING:
    from reader.gui.mark_dialogs import MarkDialog, TagsDialog
    from reader.gui.marks_view import MarksPanel
    from reader.gui.window import MainWindow

T = TypeVar("T")

#: Characters of a quote a status message shows: a message must fit the status bar
#: of a small window (800 pixels wide) whole; the quote is the part that gives way.
SAID_CHARS = 28


def short(text: str, n: int = SAID_CHARS) -> str:
    """``text`` on one line, cut to ``n`` characters with "…"."""
    line = " ".join(text.split())
    return line if len(line) <= n else line[: n - 1].rstrip() + "…"


#: Characters that join two parts of one word: "late-stage", "Kestrel's".
JOINERS = "-'’‐"


def _in_word(text: str, i: int) -> bool:
    """Whether ``text[i]`` is part of a word (a letter or digit, or a joiner between two)."""
    ch = text[i]
    if ch.isalnum():
        return True
    return (
        ch in JOINERS and 0 < i < len(text) - 1 and text[i - 1].isalnum() and text[i + 1].isalnum()
    )


def whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """``text[start:end]`` grown to the whole words it cuts: a selection dragged from
    the middle of one word to the middle of another ("e) — Kestrel Therapeutics has
    paus") highlights the words it touches ("Wire) — Kestrel Therapeutics has
    paused"); one that starts or ends between words is kept as it is."""
    if start < len(text) and _in_word(text, start):
        while start > 0 and _in_word(text, start - 1):
            start -= 1
    if end > 0 and _in_word(text, end - 1):
        while end < len(text) and _in_word(text, end):
            end += 1
    return start, end


def tip_of(h: Highlight) -> str:
    """A highlight's tooltip: its note, then its tags."""
    parts = [h.note or ""]
    if h.tags:
        parts.append("Tags: " + ", ".join(h.tags))
    return "\n".join(p for p in parts if p)


class MarksController(QObject):
    """Highlights and tags of the open article, and the Marks view."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.win = window
        self.view = window.view
        #: The open article's highlights, by id (text order).
        self.highlights: dict[int, Highlight] = {}
        #: The mark stepped to, edited or made last in the open article.
        self.current: int | None = None
        #: Marks removed this session, the last on top (Undo Remove Mark).
        self.removed: list[Highlight] = []
        #: A mark to select once the article on screen has finished rendering.
        self._pending: int | None = None
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self.context_menu)
        self.view.articleShown.connect(self._shown)

    # --- the open article ----------------------------------------------------------------

    def article_opened(self, article_id: int) -> None:
        """Draw the article's marks and show its tags (after the window opened it)."""
        self.current, self._pending = None, None
        self.refresh(article_id)

    def refresh(self, article_id: int | None = None) -> None:
        """Read the open article's marks and tags again and draw them (after an edit,
        an undo, a re-extraction); the Marks view too, if it is built."""
        w = self.win
        aid = article_id if article_id is not None else (w.stored.id if w.stored else None)
        if aid is None or w.stored is None or w.stored.id != aid:
            return
        try:
            found = w.library.highlights(article_id=aid)
            tags = w.library.article_tags(aid)
        except store_error() as exc:
            w.statusBar().showMessage(f"Could not read the marks: {write_reason(exc)}")
            return
        self.highlights = {h.id: h for h in found}
        self.view.set_highlights(
            [MarkSpan(h.id, h.start, h.end, h.colour, tip_of(h)) for h in found if not h.orphaned]
        )
        self.view.set_banner(("Tags: " + " · ".join(tags)) if tags else "")
        self.view.banner.setToolTip(f"Tag Article ({self._keys('tag_article')}) changes them")

    def _shown(self) -> None:
        """The article finished rendering: select the mark asked for meanwhile."""
        if self._pending is not None:
            mark, self._pending = self._pending, None
            self.show_mark(mark)

    def _keys(self, action: str) -> str:
        acts = self.win.actions_by_name
        return key_text(acts[action].shortcuts()[:1]) if action in acts else ""

    def _save(self, what: str, write: Callable[[], T]) -> T | None:
        """Run a write; say in the status bar why it failed (busy, gone), never raise."""
        try:
            return write()
        except InputError as exc:
            self.win.flash(f"Could not save {what}: {exc.reason}")
        except write_errors() as exc:
            self.win.statusBar().showMessage(
                f"Could not save {what}: {write_reason(exc)} — try again"
            )
        return None

    # --- highlighting ----------------------------------------------------------------------

    def _selection(self) -> tuple[int, int] | None:
        """The reader's selection as text offsets, or None after saying why not."""
        w = self.win
        if w.stored is None:
            w.flash("No article open")
            return None
        if self.view.loading:
            w.flash("The article is still being laid out: try again in a moment")
            return None
        if not self.view.textCursor().hasSelection():
            w.flash(
                "Select some words of the article first, then Highlight"
                f" ({self._keys('highlight')})"
            )
            return None
        span = self.view.text_selection()  # the title and byline left out
        if span is None:
            w.flash("Only the article's own words can be highlighted, not its title or byline")
            return None
        return whole_words(w.stored.article.text, *span)

    def highlight(self, colour: Colour | None = None) -> Highlight | None:
        """Highlight the selected words in ``colour`` (default: the last one used)."""
        w = self.win
        span = self._selection()
        if span is None or w.stored is None:
            return None
        text = w.stored.article.text
        same = next(
            (h for h in self.highlights.values() if (h.start, h.end) == span and not h.orphaned),
            None,
        )
        if same is not None:
            self.current = same.id
            if colour is not None and colour != same.colour:
                return self._recolour(same, colour)
            w.flash(f"Already highlighted — Edit Mark ({self._keys('edit_mark')}) changes it")
            return same
        chosen = Colour(colour) if colour is not None else self.last_colour()
        aid = w.stored.id
        made = self._save(
            "the highlight",
            lambda: w.library.add_highlight(aid, selector_for(text, *span), chosen),
        )
        if made is None:
            return None
        w.prefs.mark_colour = chosen.value
        self.current = made.id
        self._after_change()
        cur = self.view.textCursor()
        cur.clearSelection()
        self.view.setTextCursor(cur)
        w.flash(
            f"Highlighted in {chosen}: “{short(made.exact)}” —"
            f" {self._keys('edit_mark')} adds a note or tags"
        )
        return made

    def last_colour(self) -> Colour:
        value = self.win.prefs.mark_colour
        return Colour(value) if value in Colour._value2member_map_ else Colour.YELLOW

    def colour_menu(self, parent: QMenu | None = None) -> QMenu:
        """A menu of the colours: highlights the selection in the one chosen (or
        recolours the mark at the cursor when nothing is selected)."""
        from reader.gui.mark_dialogs import swatch  # dialogs load when first wanted

        menu = QMenu("Highlight in &Colour", parent or self.win)
        menu.setObjectName("markColourMenu")
        for i, c in enumerate(Colour):
            act = menu.addAction(swatch(c, self.view.palette()), f"&{i + 1} {c.value}")
            act.setData(c.value)
            act.triggered.connect(lambda _=False, c=c: self.highlight_in(c))
        return menu

    def pick_colour(self) -> QMenu:
        """Highlight in Colour: the colours as a menu at the selection (keys 1-5 pick)."""
        menu = self.colour_menu()
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        rect = self.view.cursorRect(self.view.textCursor())
        menu.popup(self.view.viewport().mapToGlobal(rect.bottomLeft()))
        return menu

    def highlight_in(self, colour: Colour) -> Highlight | None:
        """The selection in ``colour``; with nothing selected, the mark at the cursor
        takes that colour."""
        if not self.view.textCursor().hasSelection():
            mark = self._target(say=False)
            if mark is not None:
                return self._recolour(mark, colour)
        return self.highlight(colour)

    def _recolour(self, mark: Highlight, colour: Colour) -> Highlight | None:
        done = self._save(
            "the colour", lambda: self.win.library.update_highlight(mark.id, colour=colour)
        )
        if done is not None:
            self.win.prefs.mark_colour = Colour(colour).value
            self.current = done.id
            self._after_change()
            self.win.flash(f"Mark now {colour}")
        return done

    # --- the mark at hand ------------------------------------------------------------------

    def _target(self, say: bool = True) -> Highlight | None:
        """The mark the text cursor is in, else the one stepped to last."""
        at = self.view.mark_at_cursor()
        mid = at.id if at is not None else self.current
        mark = self.highlights.get(mid) if mid is not None else None
        if mark is None and say:
            self.win.flash(
                f"No mark here: click in a highlight, or step to one ({self._keys('next_mark')})"
            )
        return mark

    def edit_mark(self, mark_id: int | None = None) -> MarkDialog | None:
        """The dialog for the mark at hand: colour, note, tags; or Remove."""
        from reader.gui.mark_dialogs import MarkDialog

        w = self.win
        mark = self.highlights.get(mark_id) if mark_id is not None else self._target()
        if mark is None:
            return None
        try:
            known = [t.name for t in w.library.tags()]
        except store_error():
            known = []
        dlg = MarkDialog(mark, known, w)
        mid = mark.id
        dlg.accepted.connect(lambda: self.save_mark(mid, dlg.colour(), dlg.note(), dlg.tags()))
        dlg.removeRequested.connect(lambda: self.remove_mark(mid))
        w._show_dialog(dlg, modal=True)
        return dlg

    def save_mark(self, mark_id: int, colour: Colour, note: str, tags: list[str]) -> None:
        done = self._save(
            "the mark",
            lambda: self.win.library.update_highlight(mark_id, colour=colour, note=note, tags=tags),
        )
        if done is not None:
            self.win.prefs.mark_colour = done.colour.value
            self.current = done.id
            self._after_change()
            self.win.flash("Mark saved")

    def remove_mark(self, mark_id: int | None = None) -> Highlight | None:
        """Remove the mark at hand; Undo Remove Mark puts it back."""
        w = self.win
        if mark_id is None:
            target = self._target()
            if target is None:
                return None
            mark_id = target.id
        mid = mark_id
        gone = self._save("the removal", lambda: w.library.delete_highlight(mid))
        if gone is None:
            return None
        self.removed.append(gone)
        if self.current == gone.id:
            self.current = None
        self._after_change()
        w.flash(f"Mark removed: “{short(gone.exact)}” — {self._keys('undo_remove_mark')} to undo")
        return gone

    def undo_remove(self) -> Highlight | None:
        """Put back the mark removed last this session."""
        w = self.win
        if not self.removed:
            w.flash("Nothing to put back: no mark was removed since the window opened")
            return None
        gone = self.removed[-1]
        if w.library.row(gone.article_id) is None:
            w.flash(
                "Its article is no longer in the library: Undo Delete"
                f" ({self._keys('undo_delete')}) first"
            )
            return None
        back = self._save("the mark", lambda: w.library.restore_highlight(gone))
        if back is None:
            if w.library.highlight(gone.id) is not None:  # it came back another way
                self.removed.pop()
            return None
        self.removed.pop()
        self._after_change()
        if w.stored is not None and w.stored.id == back.article_id:
            self.show_mark(back.id, say=False)
        w.flash(f"Mark put back: “{short(back.exact)}”")
        return back

    def _after_change(self) -> None:
        self.refresh()
        self.library_changed()

    def library_changed(self) -> None:
        """Marks, tags or articles changed: the Marks view reads them again, if built."""
        if "panel" in self.__dict__:
            self.panel.refresh()

    # --- stepping --------------------------------------------------------------------------

    def step(self, delta: int) -> Highlight | None:
        """Select the next (``delta`` > 0) or previous mark in the article, from where
        the reader is: the text cursor (a click, the mark stepped to, which selects
        it), if it is on screen; else from what the view shows."""
        w = self.win
        if w.stored is None:
            w.flash("No article open")
            return None
        layer = self.view.mark_layer
        if not layer.placed:
            lost = sum(h.orphaned for h in self.highlights.values())
            more = f" ({lost} orphaned: Marks view)" if lost else ""
            w.flash(
                f"No marks in this article{more} — select words, press {self._keys('highlight')}"
            )
            return None
        at = self._cursor_place()
        if at is not None:
            nxt = layer.step(at, delta)
        elif delta > 0:
            top = self.view.cursorForPosition(QPoint(0, 0)).position()
            nxt = layer.step(top - 1, delta)
        else:
            bottom = self.view.cursorForPosition(QPoint(0, self.view.viewport().height() - 1))
            nxt = layer.step(bottom.position() + 1, delta)
        if nxt is None:
            w.flash("Last mark" if delta > 0 else "First mark")
            return None
        self.show_mark(nxt.id)
        return self.highlights.get(nxt.id)

    def _cursor_place(self) -> int | None:
        """Where stepping starts: the start of the mark the text cursor is in (or of
        the selection), else the cursor itself; None when the cursor is off screen
        (the reader scrolled away from it)."""
        view = self.view
        cur = view.textCursor()
        if not view.viewport().rect().intersects(view.cursorRect(cur)):
            return None
        pos = cur.selectionStart()
        mark = view.mark_layer.at(pos)
        span = view.mark_layer.span_of(mark.id) if mark is not None else None
        return span[0] if span is not None else pos

    def next_mark(self) -> None:
        self.step(+1)

    def prev_mark(self) -> None:
        self.step(-1)

    def show_mark(self, mark_id: int, say: bool = True) -> bool:
        """Scroll to mark ``mark_id`` in the open article and select its words (after
        the article has rendered); an orphaned one is said, not shown."""
        w = self.win
        mark = self.highlights.get(mark_id)
        if mark is None:
            return False
        self.current = mark_id
        if mark.orphaned:
            # short: why, and that it is kept, the Marks view (its row, its tooltip)
            # and Edit Mark say
            w.flash(f"Orphaned mark: “{short(mark.exact)}” was not found in the text")
            return False
        if self.view.loading:
            self._pending = mark_id
            return True
        span = self.view.mark_layer.span_of(mark_id)
        if span is None:
            return False
        self.view.select_span(span)
        if say:
            n = list(self.highlights).index(mark_id) + 1
            note = f" · {short(mark.note)}" if mark.note else ""
            w.statusBar().showMessage(f"Mark {n} of {len(self.highlights)} · {mark.colour}{note}")
        return True

    # --- tags -------------------------------------------------------------------------------

    def tag_article(self) -> TagsDialog | None:
        """The open article's tags, in a small dialog with completion."""
        from reader.gui.mark_dialogs import TagsDialog

        w = self.win
        if w.stored is None:
            w.flash("No article open")
            return None
        aid = w.stored.id
        try:
            tags = w.library.article_tags(aid)
            known = [t.name for t in w.library.tags()]
        except store_error() as exc:
            w.statusBar().showMessage(f"Could not read the tags: {write_reason(exc)}")
            return None
        dlg = TagsDialog(w.stored.article.title or "(untitled)", tags, known, w)
        dlg.accepted.connect(lambda: self.save_tags(aid, dlg.tags()))
        w._show_dialog(dlg, modal=True)
        return dlg

    def save_tags(self, article_id: int, tags: list[str]) -> None:
        done = self._save("the tags", lambda: self.win.library.set_article_tags(article_id, tags))
        if done is not None:
            self._after_change()
            self.win.flash(("Tags: " + ", ".join(done)) if done else "Tags removed")

    # --- the context menu -------------------------------------------------------------------

    def context_menu(self, pos: QPoint) -> QMenu:
        """The article's menu: Qt's own (Copy, Select All) and the marks' actions."""
        view = self.view
        menu = view.createStandardContextMenu(pos)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        acts = self.win.actions_by_name
        menu.addSeparator()
        has_selection = view.textCursor().hasSelection()
        if not has_selection:  # a right-click in a mark acts on it
            at = view.mark_layer.at(view.cursorForPosition(pos).position())
            if at is not None:
                cur = view.textCursor()
                cur.setPosition(view.cursorForPosition(pos).position())
                view.setTextCursor(cur)
        highlight = acts["highlight"]
        menu.addAction(highlight)
        colours = self.colour_menu(menu)
        menu.addMenu(colours)
        for name in ("edit_mark", "remove_mark", "tag_article"):
            menu.addAction(acts[name])
        menu.popup(view.viewport().mapToGlobal(pos))
        return menu

    # --- the Marks view ---------------------------------------------------------------------

    @cached_property
    def panel(self) -> MarksPanel:
        """The Marks view in the library pane's stack, built the first time it is shown."""
        from reader.gui.marks_view import MarksPanel

        panel = MarksPanel(self.win)
        panel.markChosen.connect(self.open_mark)
        panel.removeRequested.connect(self.remove_mark)
        panel.closed.connect(self.win.end_search)
        self.win.left.addWidget(panel)
        self.win.keys_guard.watch(panel)
        return panel

    def show_view(self) -> MarksPanel:
        """Show the Marks view in the library pane (Esc gives the library back)."""
        panel = self.panel
        self.win.show_page(panel)
        panel.refresh()
        panel.start()
        return panel

    def open_mark(self, article_id: int, mark_id: int | None, claim_key: str | None) -> None:
        """Open an article at a highlight (``mark_id``) or at a claim's note."""
        w = self.win
        opened = w.stored is not None and w.stored.id == article_id
        if not opened and not w.open_article(article_id):
            return
        if mark_id is not None:
            self.show_mark(mark_id)
        elif claim_key is not None and w.stored is not None:
            row = next((i for i, c in enumerate(w.stored.claims) if c.claim_key == claim_key), None)
            if row is None:
                w.flash("The claim of this note is no longer in the article")
            else:
                w.select_claim(row)
