"""Deleting articles in the window, with undo until the window closes.

Delete Article asks first (a question shown with ``open()``, Cancel by default), then
deletes the article with everything keyed by it in one transaction
(:meth:`reader.store.library.Library.delete`) and keeps what was removed on a stack:
Undo Delete puts the last batch back under the same ids, verdict history and all.
Remove Samples takes the bundled fictional samples out in one step, after the same
kind of question, with the same undo.

In these questions Enter means Cancel: it is the default, and the destructive button
is never an auto-default one (a focused auto-default button would take Enter).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QPushButton, QWidget

from reader import APP_NAME
from reader.errors import write_errors, write_reason
from reader.gui.actions import key_text
from reader.gui.library_panel import IdRole

if TYPE_CHECKING:
    from reader.gui.window import MainWindow
    from reader.gui.workers import ImportOutcome
    from reader.store.library import Deleted

#: How long the status bar's Undo button stays after a delete (the key works all session).
UNDO_OFFER_MS = 15000
#: What the window says when the library has nothing in it.
EMPTY_HINT = (
    "The library is empty: import an article with Ctrl+O, by dropping a file, or by pasting"
)


def _question(
    parent: QWidget, title: str, text: str, info: str, verb: str, name: str
) -> tuple[QMessageBox, QPushButton]:
    """A warning (not yet shown) with a destructive button ``verb`` (object name
    ``name``) and Cancel, the default: Enter or Esc keeps everything."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setAccessibleName(f"{title}?")
    box.setText(text)
    box.setInformativeText(info)
    button = box.addButton(verb, QMessageBox.ButtonRole.DestructiveRole)
    button.setObjectName(name)
    button.setAutoDefault(False)  # even with the focus on it, Enter is Cancel
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    return box, button


def delete_confirm(
    title: str, parent: QWidget, undo: str = "Undo Delete (Ctrl+Z)"
) -> tuple[QMessageBox, QPushButton]:
    """The question before deleting ``title`` (not yet shown), and its Delete button.
    Cancel is the default: Enter or Esc keeps the article."""
    return _question(
        parent,
        "Delete Article",
        f"Delete “{title}”?",
        "Its claims go with it, and so do your verdicts, notes and verdict history on "
        f"them. Until you close the window, {undo} brings it all back.",
        "Delete",
        "deleteButton",
    )


def samples_confirm(
    n: int, parent: QWidget, undo: str = "Undo Delete (Ctrl+Z)"
) -> tuple[QMessageBox, QPushButton]:
    """The question before removing the ``n`` sample articles (not yet shown), and its
    Remove button. Cancel is the default: Enter or Esc keeps them."""
    what = "the sample article" if n == 1 else f"the {n} sample articles"
    return _question(
        parent,
        "Remove Samples",
        f"Remove {what}?",
        f"{'It is' if n == 1 else 'They are'} the fictional articles the reader came with."
        f" {'Its' if n == 1 else 'Their'} claims go too, and so do your verdicts, notes "
        f"and verdict history on {'it' if n == 1 else 'them'}. Until you close the window,"
        f" {undo} brings {'it' if n == 1 else 'them'} back.",
        "Remove Samples",
        "removeSamplesButton",
    )


class Deletions(QObject):
    """The window's delete, undo and sample removal; ``undo_stack`` holds each batch
    deleted this session, the last on top."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.win = window
        self.undo_stack: list[Deleted] = []
        #: Whether anything was deleted this session (an empty stack may be used up).
        self.deleted_any = False
        self.undo_button: QPushButton | None = None
        self._offer_timer = QTimer(self)
        self._offer_timer.setSingleShot(True)
        self._offer_timer.timeout.connect(self._withdraw_offer)

    # --- what to delete ----------------------------------------------------------------

    def target(self) -> int | None:
        """The article selected in the library list, else the one open."""
        w = self.win
        if w.left.isVisible() and w.left.currentWidget() is w.library_page:
            aid = w.lib_view.currentIndex().data(IdRole)
            if isinstance(aid, int):
                return aid
        return w.stored.id if w.stored is not None else None

    def ask_delete(self) -> QMessageBox | None:
        """Ask whether to delete :meth:`target`; delete it if the user says so."""
        w = self.win
        aid = self.target()
        row = w.library.row(aid) if aid is not None else None
        if aid is None or row is None:
            w.flash("No article to delete: pick one in the library list")
            return None
        box, delete = delete_confirm(row.title or "(untitled)", w, self._undo_named())

        def answered(button: QAbstractButton) -> None:
            if button is delete:
                self.delete([aid], f"“{row.title or '(untitled)'}”")

        box.buttonClicked.connect(answered)
        w._show_dialog(box, modal=True)
        return box

    # --- deleting and undoing ------------------------------------------------------------

    def delete(self, ids: list[int], what: str) -> Deleted | None:
        """Delete ``ids`` (``what`` names them in the status bar), keep them for undo,
        and open the next article if the open one went."""
        w = self.win
        open_id = w.stored.id if w.stored is not None else None
        order = w.lib_model.ids()
        try:
            gone = w.library.delete(ids)
        except write_errors() as exc:
            w.statusBar().showMessage(f"Could not delete {what}: {write_reason(exc)} — try again")
            return None
        w.library_changed()
        if "search_panel" in w.__dict__:  # a search may be on screen
            w.search_panel.refresh()
        if not gone:
            w.flash(f"{what} is no longer in the library")
            return None
        self.undo_stack.append(gone)
        self.deleted_any = True
        if open_id is not None and open_id in gone.ids:
            self._open_next(order, open_id, set(gone.ids))
        elif open_id is not None:
            w.lib_view.select_article(open_id)
        self._offer_undo(f"Deleted {what}", "" if w.lib_model.rowCount() else f". {EMPTY_HINT}")
        return gone

    def _open_next(self, order: list[int], was: int, gone: set[int]) -> None:
        """Open the article below the deleted one in the list, else the one above, else
        show the empty window."""
        at = order.index(was) if was in order else 0
        after = [i for i in order[at + 1 :] if i not in gone]
        before = [i for i in reversed(order[:at]) if i not in gone]
        for aid in after[:1] + before[:1]:
            if self.win.open_article(aid):
                return
        self.show_nothing(say=False)  # the delete's message says it

    def show_nothing(self, say: bool = True) -> None:
        """The window with no article open (the library is empty): the article pane
        says how to import one; ``say``: the status bar too."""
        w = self.win
        w.stored = None
        w.current_claim = None
        w.view.show_article(None)

        def keys(action: str) -> str:
            text = key_text(w.actions_by_name[action].shortcuts()[:1])
            return f" ({text})" if text else ""

        w.view.setHtml(
            "<h2>The library is empty</h2><p>Import an article: File → Import Files"
            f"{keys('import_files')}, drop a file or a link on the window, or paste a text"
            f" or an address{keys('paste')}.</p>"
        )
        w.claims_panel.set_claims([], "")
        w.setWindowTitle(APP_NAME)
        if say:
            w.flash(EMPTY_HINT)

    def undo(self) -> None:
        """Put back the last batch deleted this session and open it."""
        w = self.win
        if not self.undo_stack:
            if self.deleted_any:
                w.flash("Nothing left to undo: every delete since the window opened is undone")
            else:
                w.flash("Nothing to undo: no article was deleted since the window opened")
            return
        gone = self.undo_stack[-1]
        try:
            back = w.library.restore(gone)
        except write_errors() as exc:
            w.statusBar().showMessage(f"Could not undo the delete: {write_reason(exc)} — try again")
            return
        self.undo_stack.pop()
        w.library_changed()
        if "search_panel" in w.__dict__:  # a search may be on screen
            w.search_panel.refresh()
        if back.ids:
            w.open_article(back.ids[0])
        elif w.stored is not None:
            w.lib_view.select_article(w.stored.id)
        titles = dict(gone.articles)
        if len(back.ids) == 1:
            msg = f"Restored “{titles[back.ids[0]] or '(untitled)'}”"
        else:
            msg = f"Restored {len(back.ids)} articles"
        if back.replaced:
            n = len(back.replaced)
            msg += (
                f"; {n} {'was' if n == 1 else 'were'} imported again meanwhile and kept as imported"
            )
        w.flash(msg)
        if not self.undo_stack:
            self._withdraw_offer()

    def remove_samples(self) -> QMessageBox | None:
        """Ask, then delete every sample article with the user's verdicts and notes on
        them (undo brings them back)."""
        w = self.win
        ids = w.library.sample_ids()
        if not ids:
            w.flash("This library has no sample articles")
            return None
        n = len(ids)
        box, remove = samples_confirm(n, w, self._undo_named())

        def answered(button: QAbstractButton) -> None:
            if button is remove:  # the samples as they are now, not when it asked
                now = w.library.sample_ids()
                if now:
                    k = len(now)
                    self.delete(now, f"the {k} sample article{'' if k == 1 else 's'}")
                else:
                    w.flash("This library has no sample articles")

        box.buttonClicked.connect(answered)
        w._show_dialog(box, modal=True)
        return box

    def samples_arrived(self, outcome: ImportOutcome) -> None:
        """After the first-run import: say what these articles are."""
        n = len(outcome.article_ids)
        if n:
            self.win.flash(
                f"{n} fictional sample article{'' if n == 1 else 's'}, marked “Sample” in the"
                " list: File → Remove Samples takes them out"
            )

    # --- the status bar's offer ---------------------------------------------------------

    def _undo_named(self) -> str:
        """Undo Delete as a question names it: with its keys in force, if any."""
        keys = key_text(self.win.actions_by_name["undo_delete"].shortcuts())
        return f"Undo Delete ({keys})" if keys else "File → Undo Delete"

    def _undo_keys(self) -> str:
        keys = key_text(self.win.actions_by_name["undo_delete"].shortcuts())
        return keys or "File → Undo Delete"

    def _offer_undo(self, msg: str, then: str = "") -> None:
        w = self.win
        if self.undo_button is None:
            self.undo_button = QPushButton("Undo")
            self.undo_button.setObjectName("undoDeleteButton")
            self.undo_button.setAccessibleName("Undo delete")
            self.undo_button.setFlat(True)
            self.undo_button.clicked.connect(w.undo_delete)
            w.statusBar().addPermanentWidget(self.undo_button)
            w.keys_guard.watch(self.undo_button)
        self.undo_button.setToolTip(f"Bring back what was deleted ({self._undo_keys()})")
        self.undo_button.setVisible(True)
        self._offer_timer.start(UNDO_OFFER_MS)
        w.flash(f"{msg} — {self._undo_keys()} to undo{then}")

    def _withdraw_offer(self) -> None:
        if self.undo_button is not None:
            self.undo_button.setVisible(False)
