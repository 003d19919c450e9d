"""The main window: library (left), article (centre), claims (right).

The window owns one :class:`Library` for the GUI thread (reads and single verdict
writes, which are quick); imports belong to :mod:`reader.gui.imports` (its
controller runs them in :mod:`reader.gui.workers` on their own connection, then
refreshes the list and opens or offers what landed). Every user action comes from the table in
:mod:`reader.gui.actions`; the methods it names are the public slots below.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QSettings, QSignalBlocker, Qt, QTimer, QUrl
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDesktopServices,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeySequence,
    QShowEvent,
)
from PySide6.QtWidgets import QMainWindow, QSplitter, QStackedWidget, QVBoxLayout, QWidget

from reader import APP_NAME
from reader.errors import busy_error, library_error, store_error, write_errors, write_reason
from reader.gui.actions import ControlsKeepTheirKeys, build_actions
from reader.gui.article_view import ArticleView
from reader.gui.claims_panel import ClaimsPanel
from reader.gui.deletions import Deletions
from reader.gui.feeds_panel import FeedsView
from reader.gui.imports import ImportController, Origin
from reader.gui.layout import Pane, PaneSplitter, fit_to_screen, panel_font, set_panel_font
from reader.gui.library_panel import LibraryModel, LibraryView
from reader.gui.marks_controller import MarksController
from reader.gui.reading import ReadingController
from reader.gui.settings import DEFAULT_POINT_SIZE, Settings, app_settings
from reader.gui.subscriptions import SubscriptionsController
from reader.gui.tracing import TraceController
from reader.gui.workers import ImportItem

if TYPE_CHECKING:  # the store (sqlite-utils) is imported by load(), after showing
    from reader.gui.search import Match, SearchPanel
    from reader.store.library import Library, StoredArticle, StoredClaim, VerdictEntry

FLASH_MS = 4000  # how long a status-bar message stays
#: When to fit the framed window to the screen after it is first shown: at once, and
#: again when a slow window manager has put its frame on.
FRAME_FIT_MS = (0, 300)
#: How long closing the window waits for a cancelled import to stop.
CLOSE_WAIT_MS = 3000
#: The side panes as messages name them, and the actions that show them.
PANE_NAMES = {Pane.LIBRARY: "library", Pane.CLAIMS: "claims pane"}
PANE_ACTIONS = {Pane.LIBRARY: "toggle_library", Pane.CLAIMS: "toggle_claims"}


class MainWindow(QMainWindow):
    """The reader window on the library at ``db_path``."""

    def __init__(
        self,
        db_path: Path,
        settings: QSettings | None = None,
        persist: bool = True,
        load: bool = True,
    ) -> None:
        """``load=False`` builds the window without opening the library: show it, then
        call :meth:`load` (what the app does, so the window appears at once)."""
        super().__init__()
        self.db_path = Path(db_path)
        self.settings = settings if settings is not None else app_settings()
        self.persist = persist  # screenshot mode leaves the user's settings alone
        #: The typed settings (reader.gui.settings); the raw store is ``self.settings``.
        self.prefs = Settings(self.settings, persist)
        self.library: Library
        self.stored: StoredArticle | None = None
        self.current_claim: int | None = None
        self.dialog: QWidget | None = None  # the open note/history/help/link dialog
        self._pane_request = False  # a pane toggle by the user is under way
        self._framed = False  # fitted to the screen with its frame (showEvent)
        #: Whether the library was wanted, and which panes were shown, before a search
        #: showed the library (None: no search under way).
        self._panes_before_search: tuple[bool, set[Pane]] | None = None

        self.setWindowTitle(APP_NAME)
        self.setAccessibleName(APP_NAME)
        self.setObjectName("mainWindow")
        self.setAcceptDrops(True)
        self._build()
        #: Imports: file dialog, drop, paste, progress and cancel (reader.gui.imports).
        self.imports = ImportController(self)
        #: The sources list, read and starred marks (reader.gui.reading).
        self.reading = ReadingController(self)
        #: Subscriptions: subscribe, refresh in the background, manage (reader.gui.subscriptions).
        self.subscriptions = SubscriptionsController(self)
        #: The trace: claims reported elsewhere, T and Shift+T, O (reader.gui.tracing).
        self.tracing = TraceController(self)
        #: Highlights, notes and tags, and the Marks view (reader.gui.marks_controller).
        self.marks = MarksController(self)
        self.actions_by_name: dict[str, QAction] = build_actions(
            self, self.menuBar(), self.settings
        )
        self.menuBar().setAccessibleName("Menu bar")
        #: Keeps Space and typed letters for the focused button or combo box.
        self.keys_guard = ControlsKeepTheirKeys.install(self)
        self._restore()
        if load:
            self.load()

    def load(self) -> None:
        """Open the library (raises InputError if the file is not a usable library)."""
        from reader.store.library import Library  # sqlite-utils: after the window shows

        self.library = Library(self.db_path)
        self.lib_model.library = self.library
        if "search_panel" in self.__dict__:  # built already (it is built on first use)
            self.search_panel.library = self.library
        try:
            self.lib_model.reload()
            self.reading.rebuild()
        except store_error() as exc:  # a damaged list of articles: one line, not a window
            self.library.close()
            raise library_error(self.db_path, exc) from None
        self.subscriptions.loaded()
        if self.persist and self.prefs.link_in_background:
            self.tracing.link_pending()

    # --- construction ---------------------------------------------------------------

    def _build(self) -> None:
        self.lib_model = LibraryModel(None, self)
        self.lib_view = LibraryView(self.lib_model)
        self.lib_view.articleActivated.connect(self.open_article)
        self.feeds_view = FeedsView()
        #: The library page: the sources (All, Unread, Starred, folders, feeds) above
        #: the articles of the one chosen.
        self.library_page = QSplitter(Qt.Orientation.Vertical)
        self.library_page.setObjectName("libraryPage")
        self.library_page.setChildrenCollapsible(False)
        self.library_page.addWidget(self.feeds_view)
        self.library_page.addWidget(self.lib_view)
        self.library_page.setStretchFactor(0, 1)
        self.library_page.setStretchFactor(1, 3)
        self.left = QStackedWidget()
        self.left.setObjectName("libraryPane")
        self.left.setAccessibleName("Library pane")
        self.left.addWidget(self.library_page)

        self.view = ArticleView()
        self.view.claimClicked.connect(self._claim_clicked)
        self.view.linkActivated.connect(self.confirm_link)
        self.view.highlighted.connect(self._link_hovered)

        self.claims_panel = ClaimsPanel()
        self.claims_panel.claimActivated.connect(self._claim_picked)
        self.claims_panel.hideUnattributedChanged.connect(self._hide_unattributed_changed)
        self.claims_panel.evidenceRequested.connect(self._evidence_link)

        # the article keeps a readable width: side panes shrink, then collapse
        self.splitter = PaneSplitter(self.left, self.view, self.claims_panel)
        self.splitter.paneToggled.connect(self._pane_toggled)
        central = QWidget()
        central.setAccessibleName("Reader")
        lay = QVBoxLayout(central)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.splitter)
        self.setCentralWidget(central)

        # Tab / Shift+Tab: library -> article -> claims pane (its filters, then the
        # list; see ClaimsPanel) -> library
        QWidget.setTabOrder(self.feeds_view, self.lib_view)
        QWidget.setTabOrder(self.lib_view, self.view)
        QWidget.setTabOrder(self.view, self.claims_panel.first_focus())

        self.statusBar().setAccessibleName("Status bar")

    def _restore(self) -> None:
        p = self.prefs
        geo = p.geometry
        if geo is None or not self.persist or not self.restoreGeometry(geo):
            self.resize(1280, 800)
        sizes = p.splitter
        if sizes is not None and self.persist:
            self.splitter.restoreState(sizes)
        self._set_text_size(p.font_size)
        fit_to_screen(self)  # a geometry saved on a bigger screen, or the default
        self.actions_by_name["toggle_unattributed"].setChecked(p.hide_unattributed)
        details = p.claim_details
        self.actions_by_name["toggle_details"].setChecked(details)
        self.claims_panel.set_details_visible(details)
        split = p.claims_split
        if split is not None and self.persist:
            self.claims_panel.split.restoreState(split)
        sources = p.library_split
        if sources is not None and self.persist:
            self.library_page.restoreState(sources)
        self.splitter.set_wanted(Pane.LIBRARY, p.library_visible)
        self.splitter.set_wanted(Pane.CLAIMS, p.claims_visible)
        self._sync_pane_actions()

    def start(self) -> None:
        """After showing: give a library that never had them the bundled samples
        (marked "Sample" in the list, removed in one step with File → Remove Samples),
        else open the last article, or the first."""
        if self.library.count_articles() == 0 and not self.library.samples_offered():
            from reader.paths import sample_paths

            samples = [ImportItem(str(p)) for p in sample_paths()]
            job = self.imports.start(samples, Origin.SAMPLES, "first") if samples else None
            if job is not None:  # after the controller's own message: say what they are
                job.signals.finished.connect(self.deletions.samples_arrived)
                return
        last = self.prefs.last_article(self.db_path)
        if last is not None and self.library.row(last) is not None:
            self.open_article(last)
        elif self.lib_model.ids():
            self.open_article(self.lib_model.ids()[0])
        else:
            self.deletions.show_nothing()
            return
        # the reader starts in the article: Page Down, Space and the arrows scroll it
        # (in the library list they would move the list's selection away from it)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        self._say_hidden_panes()

    def _say_hidden_panes(self) -> None:
        """At start, a side pane the user wants but the window is too narrow for is
        said to be hidden (else it is just missing)."""
        hidden = [
            p for p, w in self.splitter.wanted.items() if w and p not in self.splitter.shown()
        ]
        if hidden:
            notes = " · ".join(
                f"{PANE_NAMES[p].capitalize()} hidden to make room ({self._pane_key(p)} shows it)"
                for p in hidden
            )
            now = self.statusBar().currentMessage()
            self.flash(f"{now} · {notes}" if now else notes)

    # --- articles ---------------------------------------------------------------------

    def open_article(self, article_id: int) -> bool:
        """Show an article and its claims; False if it is not in the library (or the
        library cannot give it: damaged, unreadable; said in the status bar)."""
        try:
            stored = self.library.get(article_id)
        except store_error() as exc:
            self.statusBar().showMessage(
                f"Could not open article {article_id}: {write_reason(exc)}"
            )
            return False
        if stored is None:
            self.flash(f"Article {article_id} is not in the library")
            return False
        self.stored = stored
        self.current_claim = None
        self.view.show_article(stored.article, stored.id)  # a long one renders in a worker
        self.marks.article_opened(stored.id)
        self.claims_panel.set_claims(stored.claims, stored.article.text, stored.article)
        self.tracing.article_opened(stored)
        if self.lib_model.row_of(article_id) is None:  # not in the chosen feed: show all
            self.reading.show_all()
        self.lib_view.select_article(article_id)
        title = stored.article.title or "(untitled)"
        self.setWindowTitle(f"{title} — {APP_NAME}")
        was_unread: list[bool] = []
        marked = self._write(
            "the read mark", lambda: was_unread.append(self.library.mark_opened(article_id))
        )
        if was_unread and was_unread[0]:
            self.reading.opened(article_id)
        self.lib_model.refresh(article_id)  # no longer unread: its title loses the bold
        self.prefs.set_last_article(self.db_path, article_id)
        n = len(stored.claims)
        if marked:  # else the status bar keeps saying the read mark was not saved
            self.flash(f"{title}: {n} claim{'' if n == 1 else 's'} — press J for the first")
        return True

    def library_changed(self, feeds: bool = False) -> None:
        """Articles came or went (an import, a delete, an undo, a refresh): read the
        list and the unread counts again; ``feeds``: the subscriptions changed too."""
        top = self.lib_view.top_article()
        try:
            self.lib_model.reload()
        except store_error() as exc:
            self.statusBar().showMessage(f"Could not read the library: {write_reason(exc)}")
            return
        if self.stored is not None:
            self.lib_view.select_article(self.stored.id, scroll=top is None)
        if top is not None:  # the list keeps its place: new articles arrive above it
            self.lib_view.scroll_to_article(top)
        if feeds:
            self.reading.rebuild()
        else:
            self.reading.recount()
        self.marks.library_changed()

    def _write(self, what: str, write: Callable[..., object], *args: object) -> bool:
        """Run a library write on the GUI thread; if the library is busy (an import
        holds the write lock) or unusable, say so in the status bar, never lose it
        silently or print a traceback. True when it was saved."""
        try:
            write(*args)
        except write_errors() as exc:
            self.statusBar().showMessage(f"could not save {what}: {write_reason(exc)} — try again")
            return False
        return True

    def _step_article(self, delta: int) -> None:
        ids = self.lib_model.ids()
        if not ids:
            self.flash("The library is empty")
            return
        row = self.lib_model.row_of(self.stored.id) if self.stored else None
        target = 0 if row is None else row + delta
        if not 0 <= target < len(ids):
            self.flash("This is the last article" if delta > 0 else "This is the first article")
            return
        self.open_article(ids[target])

    def next_article(self) -> None:
        self._step_article(+1)

    def prev_article(self) -> None:
        self._step_article(-1)

    # --- claims -----------------------------------------------------------------------

    def select_claim(self, index: int | None) -> None:
        """Make claim ``index`` current: highlight and scroll in the article, select in
        the panel. Focus stays where it is."""
        n = len(self.stored.claims) if self.stored else 0
        if index is not None and not 0 <= index < n:
            return
        self.current_claim = index
        self.view.highlight_claim(index)
        self.claims_panel.set_current(index)
        self._show_details()
        if index is not None and self.stored is not None:
            c = self.stored.claims[index].claim
            source = (c.source or "no source") + (" (uncertain)" if c.uncertain else "")
            self.statusBar().showMessage(f"Claim {index + 1} of {n} · {c.status} · {source}")

    def _show_details(self) -> None:
        """Show the current claim in the detail pane, with its verdict history (read
        only while the pane is shown: stepping with it hidden costs no query)."""
        if not self.claims_panel.details_visible():
            return
        index, stored = self.current_claim, self.stored
        history: list[VerdictEntry] = []
        if index is not None and stored is not None:
            try:
                history = self.library.verdict_history(stored.id, stored.claims[index].claim_key)
            except busy_error():  # busy: the pane shows the rest
                history = []
        trace, note = self.tracing.group(index)
        self.claims_panel.show_details(index, history, trace, note)

    def go_to_evidence(self) -> None:
        """Scroll to the current claim's evidence; pressed again, to its next evidence
        span, then back to the claim."""
        sc = self._current()
        if sc is None:
            return
        if not self.view.evidence_count():
            self.flash(f"This claim has no evidence words: it is {sc.claim.status}")
            return
        self._said_evidence(self.view.jump_evidence())

    def _evidence_link(self) -> None:
        """The detail pane's "show the evidence" link: the first evidence span."""
        if self.current_claim is not None and self.view.evidence_count():
            self._said_evidence(self.view.show_evidence(0))

    def _said_evidence(self, shown: int | None) -> None:
        key = (
            self.actions_by_name["go_to_evidence"]
            .shortcut()
            .toString(QKeySequence.SequenceFormat.NativeText)
        )
        n = self.view.evidence_count()
        if shown is None:
            self.flash("Back at the claim")
        else:
            of = f" {shown + 1} of {n}" if n > 1 else ""
            again = f" — {key} again for the next" if shown + 1 < n else f" — {key} to go back"
            self.flash(f"Evidence{of}{again}" if key else f"Evidence{of}")

    def _step_claim(self, delta: int) -> None:
        if not self.stored:
            self.flash("No article open")
            return
        if not self.stored.claims:
            self.flash("This article has no claims")
            return
        if self.current_claim is None and self.view.verticalScrollBar().value() > 0:
            target = self._claim_from_view(delta)  # where the reader is (after a search)
        else:
            target = self.claims_panel.step(self.current_claim, delta)
        if target is None:
            self.flash("Last claim" if delta > 0 else "First claim")
            return
        self.select_claim(target)

    def _claim_from_view(self, delta: int) -> int | None:
        """With no claim chosen and the article scrolled (a search result, the reader's
        own scrolling): the first shown claim from the top of the view on (J), or the
        last one above its bottom (K)."""
        placed = [
            (r, span) for r in self.claims_panel.visible_rows() if (span := self.view.claim_span(r))
        ]
        if not placed:  # still rendering: from the start, as with nothing scrolled
            return self.claims_panel.step(None, delta)
        if delta > 0:
            top = self.view.cursorForPosition(QPoint(0, 0)).position()
            return next((r for r, span in placed if span[1] > top), placed[-1][0])
        height = self.view.viewport().height()
        bottom = self.view.cursorForPosition(QPoint(0, height - 1)).position()
        return next((r for r, span in reversed(placed) if span[0] < bottom), placed[0][0])

    def next_claim(self) -> None:
        self._step_claim(+1)

    def prev_claim(self) -> None:
        self._step_claim(-1)

    def _claim_clicked(self, index: int) -> None:
        self.select_claim(index)

    def _claim_picked(self, index: int) -> None:
        if index != self.current_claim:
            self.select_claim(index)

    def _current(self) -> StoredClaim | None:
        if self.stored is None or self.current_claim is None:
            self.flash("No claim selected — press J to pick one")
            return None
        return self.stored.claims[self.current_claim]

    # --- verdicts and notes ----------------------------------------------------------

    def set_verdict(self, verdict: str | None) -> None:
        """Save the current claim's verdict at once and show it in the panel (the four
        verdict actions and Clear call this with their verdict, or None)."""
        sc = self._current()
        if sc is None or self.stored is None:
            return
        if not self._write(
            "your verdict", self.library.set_verdict, self.stored.id, sc.claim_key, verdict
        ):
            return
        entry = self.library.verdict(self.stored.id, sc.claim_key)
        assert self.current_claim is not None
        self.claims_panel.model.update_claim(
            self.current_claim, entry.verdict if entry else None, entry.note if entry else None
        )
        self._show_details()
        self.flash(f"Verdict: {verdict}" if verdict else "Verdict cleared")

    def edit_note(self) -> None:
        """Open the note editor for the current claim. The target (article id, claim
        key) is fixed now: whatever the window shows when Save is pressed (an import
        may have finished meanwhile), the note goes to the claim it was written for."""
        sc = self._current()
        if sc is None or self.stored is None:
            return
        article_id, key = self.stored.id, sc.claim_key
        from reader.gui.dialogs import NoteDialog

        dlg = NoteDialog(sc.claim.text, sc.note or "", self)
        dlg.accepted.connect(lambda: self.save_note(dlg.note(), article_id, key))
        self._show_dialog(dlg, modal=True)

    def save_note(self, note: str, article_id: int | None = None, key: str | None = None) -> None:
        """Save ``note`` on claim ``key`` of article ``article_id`` (default: the
        current claim), and show it in the panel if that article is on screen."""
        if article_id is None or key is None:
            sc = self._current()
            if sc is None or self.stored is None:
                return
            article_id, key = self.stored.id, sc.claim_key
        if not self._write("your note", self.library.set_note, article_id, key, note):
            return
        self._show_saved(article_id, key)
        self.flash("Note saved")

    def _show_saved(self, article_id: int, key: str) -> None:
        """Refresh the panel row of claim ``key`` from the library, if it is shown."""
        if self.stored is None or self.stored.id != article_id:
            return
        for row, sc in enumerate(self.stored.claims):
            if sc.claim_key == key:
                entry = self.library.verdict(article_id, key)
                self.claims_panel.model.update_claim(
                    row, entry.verdict if entry else None, entry.note if entry else None
                )
                if row == self.current_claim:
                    self._show_details()
                return

    def show_history(self) -> None:
        sc = self._current()
        if sc is None or self.stored is None:
            return
        entries = self.library.verdict_history(self.stored.id, sc.claim_key)
        from reader.gui.dialogs import HistoryDialog

        self._show_dialog(HistoryDialog(sc.claim.text, entries, self))

    def show_help(self) -> None:
        from reader.gui.dialogs import HelpSheet

        self._show_dialog(HelpSheet(self.settings, self))

    def show_statuses(self) -> None:
        """Help → Statuses and Chains: what statuses, colours and chains mean."""
        from reader.gui.legend import StatusesDialog

        self._show_dialog(StatusesDialog(self.settings, self))

    def remap_keys(self) -> None:
        """The key remapping dialog: saves to the ``[keys]`` settings and sets this
        window's actions at once."""
        from reader.gui.keys_dialog import KeysDialog

        self._show_dialog(KeysDialog(self.actions_by_name, self.prefs, self))

    def _show_dialog(self, dlg: QWidget, modal: bool = False) -> None:
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.keys_guard.watch(dlg)  # its buttons keep Space
        self.dialog = dlg
        if modal and hasattr(dlg, "open"):
            dlg.open()
        else:
            dlg.show()

    def export(self) -> None:
        """File → Export: the open article, the selection, a tag or the library, in a
        format, to a file (reader.gui.export_dialog)."""
        from reader.gui.export_dialog import ExportDialog

        self._show_dialog(ExportDialog(self), modal=True)

    # --- deleting ---------------------------------------------------------------------

    @cached_property
    def deletions(self) -> Deletions:
        """Deleting articles and the samples, with undo until the window closes."""
        return Deletions(self)

    def delete_article(self) -> None:
        """Ask, then delete the article selected in the library list (else the open one)."""
        self.deletions.ask_delete()

    def undo_delete(self) -> None:
        """Bring back the articles deleted last, verdicts and history included."""
        self.deletions.undo()

    def remove_samples(self) -> None:
        """Delete the bundled sample articles in one step (undo brings them back)."""
        self.deletions.remove_samples()

    # --- search -----------------------------------------------------------------------

    @cached_property
    def search_panel(self) -> SearchPanel:
        """The search pane, in the library pane's stack: built the first time it is
        needed, so the window starts without it (a line edit and a list it may never
        use)."""
        from reader.gui.search import SearchPanel

        panel = SearchPanel(getattr(self, "library", None))
        panel.articleChosen.connect(self._search_chosen)
        panel.closed.connect(self.end_search)
        self.left.addWidget(panel)
        return panel

    def start_search(self) -> None:
        """Search in the library pane, shown for it if hidden; :meth:`end_search` puts
        the panes back as they were (a narrow window may have hidden the claims)."""
        self.show_page(self.search_panel)
        self.search_panel.start()

    def show_page(self, page: QWidget) -> None:
        """Show ``page`` (the search, the Marks view) in the library pane, shown for it
        if hidden; :meth:`end_search` gives the library list back."""
        library = self.actions_by_name["toggle_library"]
        if self._panes_before_search is None:
            self._panes_before_search = (library.isChecked(), self.splitter.shown())
        library.setChecked(True)
        self.left.setCurrentWidget(page)

    def end_search(self) -> None:
        self.left.setCurrentWidget(self.library_page)
        before, self._panes_before_search = self._panes_before_search, None
        if before is not None:
            library_wanted, shown = before
            if not library_wanted:
                self.actions_by_name["toggle_library"].setChecked(False)
            if Pane.CLAIMS in shown and Pane.CLAIMS not in self.splitter.shown():
                self.actions_by_name["toggle_claims"].setChecked(True)
        if self.left.isVisible():
            self.lib_view.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _search_chosen(self, article_id: int, match: Match | None = None) -> None:
        """Open a search result, scrolled to its match and with the match marked; a
        match in a highlight's note or tags opens at the highlight, one in a claim's
        note at the claim."""
        if self.open_article(article_id):
            self.end_search()
            if match is not None and (match.mark_id is not None or match.claim_key):
                self.marks.open_mark(article_id, match.mark_id, match.claim_key)
            elif match is not None:
                self.view.show_match(match.terms, match.passage)

    # --- view -------------------------------------------------------------------------

    def toggle_library(self, visible: bool) -> None:
        """Show or hide the library; the article keeps its minimum width (the claims
        pane gives way if both do not fit)."""
        self._toggle_pane(Pane.LIBRARY, visible)
        self.prefs.library_visible = visible

    def toggle_claim_details(self, visible: bool) -> None:
        """Show or hide the current claim's detail pane under the claims list."""
        self.claims_panel.set_details_visible(visible)
        self.prefs.claim_details = visible
        if visible:
            self._show_details()

    def toggle_claims(self, visible: bool) -> None:
        """Show or hide the claims pane; the article keeps its minimum width (the
        library gives way if both do not fit)."""
        self._toggle_pane(Pane.CLAIMS, visible)
        self.prefs.claims_visible = visible

    def _toggle_pane(self, pane: Pane, visible: bool) -> None:
        self._pane_request = True  # the user's own toggle: _pane_toggled says nothing
        try:
            hidden = self.splitter.set_wanted(pane, visible)
        finally:
            self._pane_request = False
        self._sync_pane_actions()
        if visible and pane not in self.splitter.shown():
            self.flash(
                f"The window is too narrow to show the {PANE_NAMES[pane]} beside the article"
            )
        elif hidden:
            other = hidden[0]
            self.flash(
                f"{PANE_NAMES[other].capitalize()} hidden to make room ({self._pane_key(other)}"
                " shows it)"
            )

    def _pane_toggled(self, name: str, shown: bool) -> None:
        """The layout showed or hid a side pane (a resize, a drag): the menu follows."""
        self._sync_pane_actions()
        pane = Pane(name)
        said = f"{PANE_NAMES[pane].capitalize()} hidden"
        if shown:  # back (the window grew): a note that it was hidden is now wrong
            if self.statusBar().currentMessage().startswith(said):
                self.statusBar().clearMessage()
            return
        if self._pane_request:
            return
        why = " to keep the article readable" if self.splitter.wanted[pane] else ""
        self.flash(f"{said}{why} ({self._pane_key(pane)} shows it)")

    def _sync_pane_actions(self) -> None:
        """Tick "Show Library" and "Show Claims" as the panes are, without acting."""
        if not hasattr(self, "actions_by_name"):  # the first fit, before the menus
            return
        shown = self.splitter.shown()
        for pane, name in PANE_ACTIONS.items():
            act = self.actions_by_name[name]
            blocker = QSignalBlocker(act)
            act.setChecked(pane in shown)
            blocker.unblock()

    def _pane_key(self, pane: Pane) -> str:
        key = self.actions_by_name[PANE_ACTIONS[pane]].shortcut()
        return key.toString(QKeySequence.SequenceFormat.NativeText) or "the View menu"

    def toggle_unattributed(self, hide: bool) -> None:
        self.claims_panel.set_hide_unattributed(hide)

    def _hide_unattributed_changed(self, hide: bool) -> None:
        self.actions_by_name["toggle_unattributed"].setChecked(hide)
        self.prefs.hide_unattributed = hide

    def focus_filters(self) -> None:
        self.claims_panel.focus_filters()

    def zoom_in(self) -> None:
        self._zoom(self.view.point_size + 1)

    def zoom_out(self) -> None:
        self._zoom(self.view.point_size - 1)

    def zoom_reset(self) -> None:
        self._zoom(DEFAULT_POINT_SIZE)

    def _zoom(self, size: int) -> None:
        before = self.splitter.shown()
        self._set_text_size(size)
        self.prefs.font_size = self.view.point_size
        msg = f"Text size {self.view.point_size} pt"
        for pane in sorted(before - self.splitter.shown()):
            msg += f"; {PANE_NAMES[pane]} hidden to keep the article readable"
            msg += f" ({self._pane_key(pane)} shows it)"
        self.flash(msg)

    def _set_text_size(self, size: int) -> None:
        """The article at ``size`` points, the panes' text scaled with it (one zoom
        for everything read in the window; menus and the status bar keep the
        desktop's size), and the pane minimums measured again."""
        self.view.set_point_size(size)
        font = panel_font(self.view.point_size)
        for pane in (self.left, self.claims_panel):
            if pane.font() != font:  # at start, at the default size: nothing to do
                set_panel_font(pane, font)
        self.splitter.update_limits()

    # --- links ------------------------------------------------------------------------

    def _link_hovered(self, url: QUrl) -> None:
        if url.isEmpty():
            self.statusBar().clearMessage()
        else:
            from reader.gui.dialogs import shown_address  # the look-alike host as punycode

            self.statusBar().showMessage(shown_address(url)[0])

    def confirm_link(self, url: QUrl) -> None:
        """Show the address, and open it in the browser only if the user says so.
        Only absolute http(s) and mailto addresses are offered: a relative, protocol-
        relative or file-like target would be resolved by the desktop to a local file."""
        from PySide6.QtWidgets import QMessageBox

        from reader.gui.dialogs import link_confirm, shown_address
        from reader.ingest.render import safe_href
        from reader.textsafe import address_safe

        if not url.isValid() or url.isRelative() or not safe_href(url.toString()):
            self.flash(
                "Not opened: only web and mail links can be opened"
                f" ({address_safe(url.toString())})"
            )
            return
        self.statusBar().showMessage(shown_address(url)[0])
        box = link_confirm(url, self)

        def done(result: int) -> None:
            if result == QMessageBox.StandardButton.Open:
                QDesktopServices.openUrl(url)

        box.finished.connect(done)
        self._show_dialog(box, modal=True)

    # --- import (the work is in reader.gui.imports) -------------------------------------

    def import_files_dialog(self) -> None:
        self.imports.choose_files()

    def import_clipboard(self) -> None:
        self.imports.import_clipboard()

    def open_last_import(self) -> None:
        self.imports.open_last()

    def open_paths_and_raise(self, paths: list[str]) -> None:
        """Import and show paths another launch handed over; bring the window forward."""
        if paths:
            self.imports.hand_over(paths)
        self.showNormal()
        self.raise_()
        self.activateWindow()

    def dialog_open(self) -> bool:
        """True while the note/history/help/link dialog is on screen."""
        dlg = self.dialog
        if dlg is None:
            return False
        try:
            return dlg.isVisible()
        except RuntimeError:  # closed and deleted (WA_DeleteOnClose)
            self.dialog = None
            return False

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self.imports.drag_enter(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        self.imports.drop(event)

    # --- status and shutdown ------------------------------------------------------------

    def flash(self, text: str) -> None:
        """A short status-bar message (ends of lists, saves, imports) that goes away."""
        self.statusBar().showMessage(text, FLASH_MS)

    def showEvent(self, event: QShowEvent) -> None:
        """On the first show, fit the window to the screen again once the window
        manager has framed it: before, the frame (title bar) is unknown, and a window
        the size of the screen would push its status bar below the bottom edge."""
        super().showEvent(event)
        if not self._framed and self.persist:  # screenshot mode keeps the size it asked for
            self._framed = True
            for ms in FRAME_FIT_MS:
                QTimer.singleShot(ms, self._fit_frame)

    def _fit_frame(self) -> None:
        fit_to_screen(self)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Cancel imports (a download in progress is interrupted), wait a bounded time
        for them to stop, save the layout and close: a stuck server never hangs it."""
        self.imports.shutdown(CLOSE_WAIT_MS)
        self.subscriptions.shutdown(CLOSE_WAIT_MS)
        self.tracing.shutdown(CLOSE_WAIT_MS)
        p = self.prefs
        p.library_split = self.library_page.saveState()
        p.geometry = self.saveGeometry()
        p.splitter = self.splitter.saveState()
        p.font_size = self.view.point_size
        p.library_visible = self.splitter.wanted[Pane.LIBRARY]
        p.claims_visible = self.splitter.wanted[Pane.CLAIMS]
        p.claims_split = self.claims_panel.split.saveState()
        if self.stored is not None:
            p.set_last_article(self.db_path, self.stored.id)
        p.sync()
        if "search_panel" in self.__dict__:
            self.search_panel.stop()
        super().closeEvent(event)
