"""The trace in the window: which claims other articles also report, the current
claim's group in the detail pane, T and Shift+T to go to the next appearance and
back, and O to open (or import) the page a claim's attribution links to.

Reading a trace is a few indexed queries on the GUI thread (well under a
millisecond). Linking an article the library has not linked yet writes, so it runs
in a :class:`LinkJob` on its own connection; the pane says "being linked" meanwhile
and fills in when the job is done.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QLabel

from reader.errors import InputError, store_error, write_errors

if TYPE_CHECKING:
    from reader.gui.window import MainWindow
    from reader.store.library import StoredArticle
    from reader.trace.group import Trace

#: What the detail pane says while the open article is being linked.
LINKING_NOTE = "This article is being linked to the rest of the library…"


class LinkSignals(QObject):
    finished = Signal(int, bool)  # article id, linked


class LinkJob(QRunnable):
    """Link article ``article_id`` of the library at ``db_path`` to the others (the
    trace's keys and links), then ``finished(article_id, linked)`` on the GUI thread."""

    def __init__(
        self, db_path: Path, article_id: int, done: Callable[[int, bool], None] | None = None
    ) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.db_path = db_path
        self.article_id = article_id
        self.signals = LinkSignals()
        if done is not None:
            self.signals.finished.connect(done)
        self.cancelled = threading.Event()

    def run(self) -> None:
        from reader.store import Library
        from reader.trace.link import link_article

        linked = False
        try:
            with Library(self.db_path) as lib:
                if not self.cancelled.is_set():
                    if not lib.is_traced(self.article_id):
                        link_article(lib, self.article_id)
                    linked = lib.is_traced(self.article_id)
        except write_errors():  # busy, damaged: an import's next linking pass takes it
            linked = False
        except Exception:  # a bug of ours: the pane says "not linked", nothing is lost
            linked = False
        self.signals.finished.emit(self.article_id, linked)


class PendingSignals(QObject):
    progress = Signal(int, int)  # linked so far, to link in all
    finished = Signal(int)  # how many were linked


class LinkPendingJob(QRunnable):
    """Link every article the library has not linked yet (a library from before the
    trace, or after the linker changed), oldest first, one transaction each, so the
    window's own writes and imports get their turn between them. Stops at once when
    cancelled; what was linked stays."""

    def __init__(self, db_path: Path) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.db_path = db_path
        self.signals = PendingSignals()
        self.cancelled = threading.Event()

    def run(self) -> None:
        from reader.store import Library
        from reader.trace.link import link_article

        done = 0
        try:
            with Library(self.db_path) as lib:
                pending = lib.untraced_ids()
                for n, aid in enumerate(pending):
                    if self.cancelled.is_set():
                        break
                    if not lib.is_traced(aid):  # an import may have linked it meanwhile
                        link_article(lib, aid)
                    done += 1
                    if n % 10 == 0 or n == len(pending) - 1:
                        self.signals.progress.emit(n + 1, len(pending))
        except write_errors():
            pass  # busy or damaged: the next start (or import) goes on from here
        except Exception:  # a bug of ours must not end the window; nothing is lost
            pass
        self.signals.finished.emit(done)


class TraceController(QObject):
    """The window's trace: appearance marks, the group of the current claim, and the
    keys that move between appearances."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.jobs: list[LinkJob] = []
        self._groups: dict[tuple[int, int], Trace | None] = {}
        #: Where T came from, to go back with Shift+T: (article id, claim index, the
        #: sources list's row then).
        self.back: list[tuple[int, int | None, str]] = []
        self.pending_job: LinkPendingJob | None = None
        #: Its own thread: the open article's link job never waits behind the backlog.
        self.pending_pool = QThreadPool(self)
        self.pending_pool.setMaxThreadCount(1)

        window.claims_panel.appearanceRequested.connect(self.open_appearance)
        window.claims_panel.originRequested.connect(self.open_origin)

    # --- the open article --------------------------------------------------------------

    def article_opened(self, stored: StoredArticle) -> None:
        """Mark the claims other articles report too; link the article first (in the
        background) if the library has not yet."""
        self._groups.clear()
        lib = self.window.library
        try:
            traced = lib.is_traced(stored.id)
        except store_error():
            return
        if not traced:
            self._link(stored.id)
            return
        self._mark(stored)

    def _mark(self, stored: StoredArticle) -> None:
        counts: dict[int, int] = {}
        try:
            for claim_id, _other, _kind, _sim in self.window.library.claim_links(
                [sc.id for sc in stored.claims]
            ):
                counts[claim_id] = counts.get(claim_id, 0) + 1
        except store_error():
            return
        self.window.claims_panel.set_appearances(counts)

    def _link(self, article_id: int) -> None:
        if any(j.article_id == article_id for j in self.jobs):
            return
        job = LinkJob(self.window.db_path, article_id, self._linked)
        self.jobs.append(job)
        self.pool.start(job)

    def _linked(self, article_id: int, linked: bool) -> None:
        self.jobs = [j for j in self.jobs if j.article_id != article_id]
        w = self.window
        if not linked or w.stored is None or w.stored.id != article_id:
            return
        self._groups.clear()
        self._mark(w.stored)
        w._show_details()

    @cached_property
    def pending_label(self) -> QLabel:
        """The status bar's count of articles being linked (made when first needed)."""
        label = QLabel("")
        label.setAccessibleName("Linking articles")
        label.setVisible(False)
        self.window.statusBar().addPermanentWidget(label)
        return label

    def link_pending(self) -> LinkPendingJob | None:
        """Link, in the background, the articles the library has not linked yet (all
        of them in a library made before the trace); the status bar counts them."""
        if self.pending_job is not None:
            return None
        try:
            waiting = self.window.library.untraced_count()
        except store_error():
            return None
        if not waiting:
            return None
        job = LinkPendingJob(self.window.db_path)
        job.signals.progress.connect(self._pending_progress)
        job.signals.finished.connect(self._pending_done)
        self.pending_job = job
        self.pending_label.setText(f"Linking {waiting:,} articles across the library…")
        self.pending_label.setVisible(True)
        self.pending_pool.start(job)
        return job

    def _pending_progress(self, done: int, total: int) -> None:
        self.pending_label.setText(f"Linking articles across the library: {done:,} of {total:,}")

    def _pending_done(self, _linked: int) -> None:
        self.pending_job = None
        if "pending_label" in self.__dict__:
            self.pending_label.setVisible(False)
        w = self.window
        if w.stored is not None:  # its marks and group may be known now
            self._groups.clear()
            self._mark(w.stored)
            w._show_details()

    def shutdown(self, timeout_ms: int) -> bool:
        for job in self.jobs:
            job.cancelled.set()
        if self.pending_job is not None:
            self.pending_job.cancelled.set()
        return self.pool.waitForDone(timeout_ms) and self.pending_pool.waitForDone(timeout_ms)

    # --- the current claim's group -------------------------------------------------------

    def group(self, index: int | None) -> tuple[Trace | None, str]:
        """The group of claim ``index`` of the open article, or None and why not."""
        w = self.window
        if w.stored is None or index is None or not 0 <= index < len(w.stored.claims):
            return None, ""
        from reader.trace.group import trace  # the engine loads after the window shows

        aid, seq = w.stored.id, w.stored.claims[index].seq
        if (aid, seq) in self._groups:
            return self._groups[(aid, seq)], ""
        try:
            if not w.library.is_traced(aid):
                self._link(aid)
                return None, LINKING_NOTE
            group = trace(w.library, aid, seq)  # reads only: the article is linked
        except InputError as exc:
            return None, f"Not known: {exc.reason}"
        except store_error():
            return None, "Not known: the library could not be read just now"
        self._groups[(aid, seq)] = group
        return group, ""

    # --- moving between appearances --------------------------------------------------------

    def _current(self) -> tuple[Trace, int] | None:
        """The current claim's group and the position of this appearance in it."""
        w = self.window
        if w.stored is None or w.current_claim is None:
            w.flash("Choose a claim first (J for the next one)")
            return None
        group, note = self.group(w.current_claim)
        if group is None:
            w.flash(note or "Not known yet which articles report this claim")
            return None
        here = next((i for i, m in enumerate(group.members) if m.relation == "this"), 0)
        return group, here

    def next_appearance(self) -> bool:
        """T: open the next article (by date) that reports the current claim, at it."""
        found = self._current()
        if found is None:
            return False
        group, here = found
        if len(group.members) < 2:
            self.window.flash("No other article in the library reports this claim")
            return False
        after = here + 1
        target = group.members[after % len(group.members)]
        if not self.open_appearance(target.article_id, target.seq):
            return False
        n = len(group.members)
        where = "back to the first" if after >= n else f"{after % n + 1} of {n}"
        self.window.flash(f"Appearance {where}, by date: {target.outlet}, {target.date}")
        return True

    def back_appearance(self) -> bool:
        """Shift+T: back to where T (or a link in the pane) came from."""
        w = self.window
        while self.back:
            aid, index, source = self.back.pop()
            if source != w.feeds_view.current_key:
                w.feeds_view.choose(source)  # the list the reader was in, if it still is
            if w.open_article(aid):
                if index is not None:
                    w.select_claim(index)
                return True
        w.flash("Nothing to go back to: T goes to the next appearance of a claim")
        return False

    def open_appearance(self, article_id: int, seq: int) -> bool:
        """Open ``article_id`` at its claim ``seq`` (-1: at the top), remembering where
        we were so Shift+T comes back."""
        w = self.window
        if w.stored is not None:
            self.back.append((w.stored.id, w.current_claim, w.feeds_view.current_key))
        if not w.open_article(article_id):
            self.back.pop() if self.back else None
            return False
        assert w.stored is not None
        index = next((i for i, sc in enumerate(w.stored.claims) if sc.seq == seq), None)
        if index is not None:
            w.select_claim(index)
        return True

    def open_origin(self) -> None:
        """O: the page the current claim's attribution links to: opened at the
        matching claim when the library has it, else imported (and linked) as any
        address is."""
        w = self.window
        if w.stored is None or w.current_claim is None:
            w.flash("Choose a claim first (J for the next one)")
            return
        claim = w.stored.claims[w.current_claim].claim
        if not claim.origin_url:
            w.flash("This claim's attribution links to no page")
            return
        group, _ = self.group(w.current_claim)
        me = next((m for m in group.members if m.relation == "this"), None) if group else None
        where = me.origin_url if me is not None else None
        if where is not None and where.article_id is not None:
            self.open_appearance(where.article_id, where.seq if where.seq is not None else -1)
            return
        w.imports.import_sources([claim.origin_url])
