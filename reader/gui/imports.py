"""Imports for one window: the file dialog, drop, paste, progress, cancel, and what
the window shows when a batch is done.

Each batch is an :class:`~reader.gui.workers.ImportJob` (an operation object run on
the controller's one-thread pool, so batches queue and one writer writes at a time)
whose success callback, :meth:`ImportController._finished`, runs on the GUI thread.

What a finished import opens, and what the status bar promises, must agree:

- an import the user started opens its article if the user is not busy: no dialog
  open, no claim selected, and still on the article (and scroll position) they were on
  when it started; otherwise the status bar names the key of "Open Last Import";
- paths handed over by a launch (a second instance, the command line, the file
  manager) are opened unless a dialog is open: the user asked to see them;
- the first-run samples open the first one if nothing is shown;
- an input already in the library is said to be ("Already in the library: …") and is
  opened like a new one.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, QObject, QThreadPool, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QWidget

from reader.gui.actions import BY_NAME, key_text, sequences
from reader.gui.workers import (
    Imported,
    ImportItem,
    ImportJob,
    ImportOutcome,
    MarksImportJob,
    MarksOutcome,
)
from reader.textsafe import quote_name

if TYPE_CHECKING:
    from reader.export.marks_import import Imported as MarksImported
    from reader.gui.dialogs import ImportProblems
    from reader.gui.window import MainWindow

#: Files the import dialog offers.
ARTICLE_PATTERNS = ("*.html", "*.htm", "*.md", "*.markdown", "*.txt", "*.gz")
#: Files Import Marks offers (File → Export as Web Annotation writes .jsonld).
MARKS_PATTERNS = ("*.jsonld", "*.json")


class Origin(StrEnum):
    """Who asked for an import: decides whether its article opens when it lands."""

    USER = "user"  # file dialog, drop, paste in this window
    LAUNCH = "launch"  # handed over: a second instance, the command line
    SAMPLES = "samples"  # first run fills an empty library


class Request:
    """A queued batch: where it came from, which article to open, and what the window
    showed when it started (to tell whether the user has moved on since)."""

    def __init__(self, origin: Origin, opens: str, shown: tuple[object, ...]) -> None:
        self.origin = origin
        self.opens = opens  # "first" or "last"
        self.shown = shown


#: What the progress label says while another program holds the library's write lock.
BUSY_NOTE = "Library busy (another program is writing), retrying…"


def plural(n: int, word: str, many: str | None = None) -> str:
    """``1 file``, ``2 files``."""
    return f"{n} {word if n == 1 else (many or word + 's')}"


def failed_noun(outcome: ImportOutcome) -> tuple[str, str]:
    """What the failures were, singular and plural: files, web addresses, pasted
    texts, or items when they were of several kinds."""
    kinds = {f.noun for f in outcome.failures}
    return kinds.pop() if len(kinds) == 1 else ("item", "items")


def problems_summary(outcome: ImportOutcome) -> str:
    """The import problems dialog's first line: ``1 file could not be imported; 2
    were imported.``"""
    one, many = failed_noun(outcome)
    nf, ok = len(outcome.failures), len(outcome.imported)
    head = f"{plural(nf, one, many)} could not be imported"
    tail = {0: "none was imported", 1: "1 was imported"}.get(ok, f"{ok} were imported")
    return f"{head}; {tail}."


def summary(outcome: ImportOutcome, opened: bool, open_key: str) -> str:
    """The status-bar line for a finished batch. ``opened``: its article is now on
    screen; else ``open_key`` (the keys of Open Last Import) is offered."""
    one, many = failed_noun(outcome)
    nf = len(outcome.failures)
    landed = outcome.imported
    if outcome.cancelled:
        parts = [f"Cancelled: {len(landed)} of {outcome.total} imported"]
        if nf:
            parts.append(f"{plural(nf, one, many)} could not be imported")
        if outcome.not_imported:
            parts.append(f"{len(outcome.not_imported)} not imported")
        msg = "; ".join(parts)
    elif len(landed) == 1 and outcome.total == 1:
        i = landed[0]
        msg = f"{'Imported' if i.created else 'Already in the library'}: {i.name}"
    elif not landed:
        if nf == 1:
            f = outcome.failures[0]
            return f"Could not import {quote_name(Path(f.source).name or f.source)}: {f.reason}"
        return f"Nothing imported: {plural(nf, one, many)} could not be imported"
    else:
        parts = []
        if outcome.created:
            parts.append(f"Imported {plural(outcome.created, 'article')}")
        if outcome.already:
            parts.append(f"{outcome.already} already in the library")
        if nf:
            parts.append(f"{plural(nf, one, many)} could not be imported")
        msg = "; ".join(parts)
    if landed and not opened:
        if open_key:
            target = "it" if len(landed) == 1 else "the last"
            msg += f" — press {open_key} to open {target}"
        else:
            msg += " — Go ▸ Open Last Import opens it"
    return msg


def marks_said(done: MarksImported) -> str:
    """The status-bar line for a finished Import Marks: what it added, in few words
    (a small window's status bar shows it whole; ``import-marks`` prints more)."""
    parts = []
    if done.highlights:
        lost = f" ({done.orphaned} orphaned)" if done.orphaned else ""
        parts.append(plural(done.highlights, "highlight") + lost)
    if done.verdicts:
        parts.append(plural(done.verdicts, "verdict or note", "verdicts or notes"))
    if done.tagged:
        parts.append(f"tags on {plural(done.tagged, 'article')}")
    line = "Marks imported: " + (", ".join(parts) or "nothing new")
    if done.highlights_known + done.verdicts_same:
        line += f"; {done.highlights_known + done.verdicts_same} already here"
    if done.claims_missing + done.unmatched:
        line += f"; {done.claims_missing + done.unmatched} left out (not in this library)"
    return line


class ImportController(QObject):
    """The window's imports: starts jobs, shows progress, lets the user cancel, and
    when a job is done updates the list, opens or offers its article and lists what
    failed. ``finished`` is emitted after all that, with the outcome."""

    finished = Signal(object)  # ImportOutcome

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)  # one writer at a time; batches queue up
        self.jobs: list[ImportJob] = []
        self.last_outcome: ImportOutcome | None = None
        #: The article Open Last Import opens: the last one an import landed on.
        self.last_import: Imported | None = None
        self.problems: ImportProblems | None = None
        self.closing = False
        #: Import Marks jobs queued or running, and what the last one did.
        self.marks_jobs: list[MarksImportJob] = []
        self.last_marks: MarksOutcome | None = None

        bar = window.statusBar()
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Import progress")
        self.progress.setMaximumWidth(180)
        self.progress_label = QLabel("")
        self.progress_label.setAccessibleName("Importing")
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setAccessibleName("Cancel import")
        self.cancel_button.clicked.connect(self.cancel)
        for w in (self.progress_label, self.progress, self.cancel_button):
            w.setVisible(False)
            bar.addPermanentWidget(w)

    # --- starting -------------------------------------------------------------------

    def choose_files(self) -> ImportJob | None:
        """Ask for files with the file dialog and import them."""
        from PySide6.QtWidgets import QFileDialog

        paths, _ = QFileDialog.getOpenFileNames(
            self.window,
            "Import Articles",
            "",
            f"Articles ({' '.join(ARTICLE_PATTERNS)});;All files (*)",
        )
        return self.import_sources(paths) if paths else None

    def import_sources(self, sources: list[str], origin: Origin = Origin.USER) -> ImportJob | None:
        """Import paths or URLs in the background; None if there is nothing to import."""
        return self.start([ImportItem(s) for s in sources if s.strip()], origin)

    def import_clipboard(self) -> ImportJob | None:
        """Import what is on the clipboard: file URLs, a web address, or plain text."""
        mime = QGuiApplication.clipboard().mimeData()
        items = items_from_mime(mime) if mime is not None else []
        if not items:
            self.window.flash("The clipboard has no text, address or file to import")
            return None
        return self.start(items)

    def hand_over(self, paths: list[str]) -> ImportJob | None:
        """Paths another launch handed over: import them, and open the result."""
        return self.import_sources(paths, Origin.LAUNCH)

    def start(
        self, items: list[ImportItem], origin: Origin = Origin.USER, opens: str = "last"
    ) -> ImportJob | None:
        """Queue ``items``; when done, open the ``opens`` ("first" or "last") article
        they landed on if :meth:`_may_open` allows. Only :attr:`Origin.SAMPLES` stores
        its articles marked as samples (Remove Samples deletes those)."""
        if not items:
            return None
        request = Request(origin, opens, self._shown())
        job = ImportJob(
            self.window.db_path,
            items,
            success=lambda out: self._finished(job, request, out),
            samples=origin is Origin.SAMPLES,
        )
        job.signals.progress.connect(self._progress)
        job.signals.busy.connect(self._busy)
        self.jobs.append(job)
        self.progress.setRange(0, len(items))
        self.progress.setValue(0)
        self.progress_label.setText(f"Importing {len(items)}…")
        for w in (self.progress_label, self.progress, self.cancel_button):
            w.setVisible(True)  # one slow download needs Cancel as much as a batch
        self.pool.start(job)
        return job

    # --- Import Marks -------------------------------------------------------------------

    def choose_marks_file(self) -> MarksImportJob | None:
        """File → Import Marks: ask for a Web Annotation export and read it back."""
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(
            self.window,
            "Import Marks",
            self.window.prefs.export_folder,
            f"Web Annotation export ({' '.join(MARKS_PATTERNS)});;All files (*)",
        )
        return self.import_marks(path) if path else None

    def import_marks(self, path: str) -> MarksImportJob:
        """Read the highlights, verdicts, notes and tags of the export at ``path`` back
        onto this library, off the GUI thread (after the imports queued before it);
        the status bar says what was added, a dialog why nothing was."""
        job = MarksImportJob(
            self.window.db_path, Path(path), success=lambda out: self._marks_done(job, out)
        )
        job.signals.busy.connect(lambda: self.window.flash(BUSY_NOTE))
        self.marks_jobs.append(job)
        self.window.flash(f"Importing marks from {quote_name(Path(path).name)}…")
        self.pool.start(job)
        return job

    def _marks_done(self, job: MarksImportJob, out: MarksOutcome) -> None:
        if job in self.marks_jobs:
            self.marks_jobs.remove(job)
        self.last_marks = out
        if self.closing:
            return
        w = self.window
        if out.done is None:
            from PySide6.QtWidgets import QMessageBox

            box = QMessageBox(
                QMessageBox.Icon.Warning,
                "Import Marks",
                out.reason,
                QMessageBox.StandardButton.Ok,
                w,
            )
            box.setObjectName("marksImportProblem")
            w._show_dialog(box, modal=True)
            w.flash("No marks imported")
            return
        w.library_changed()
        if w.stored is not None and w.stored.id in out.done.articles:
            w.marks.refresh()
            for sc in w.stored.claims:  # verdicts and notes the file brought
                w._show_saved(w.stored.id, sc.claim_key)
        w.flash(marks_said(out.done))

    # --- drag and drop ----------------------------------------------------------------

    def drag_enter(self, event: QDragEnterEvent) -> None:
        mime = event.mimeData()
        if mime is not None and (mime.hasUrls() or mime.hasText()) and not self._own(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def drop(self, event: QDropEvent) -> None:
        mime = event.mimeData()
        items = items_from_mime(mime) if mime is not None and not self._own(event) else []
        if items:
            event.acceptProposedAction()
            self.start(items)
        else:
            event.ignore()

    def _own(self, event: QDropEvent) -> bool:
        """Whether a drag began in this window (words dragged inside the article, a
        row of a list): never an import. Qt names the source of a drag started in
        this application; the article's words also say so in their MIME data."""
        from reader.gui.article_view import SELECTION_MIME

        source = event.source()
        if isinstance(source, QWidget) and (
            source is self.window or self.window.isAncestorOf(source)
        ):
            return True
        mime = event.mimeData()
        return mime is not None and mime.data(SELECTION_MIME) == self.window.view.drag_token

    # --- while running ------------------------------------------------------------------

    def _progress(self, done: int, total: int, label: str) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        if label:
            self.progress_label.setText(f"Importing {done + 1}/{total}: {Path(label).name}")

    def _busy(self) -> None:
        self.progress_label.setText(BUSY_NOTE)

    def cancel(self) -> None:
        """Cancel every queued and running import (the Cancel button)."""
        for job in self.jobs:
            job.cancel()
        if self.jobs:
            self.window.flash("Cancelling the import…")

    def wait(self, timeout_ms: int = 60000) -> bool:
        """Block until queued imports are done (screenshot mode, tests)."""
        return self.pool.waitForDone(timeout_ms)

    def shutdown(self, timeout_ms: int) -> bool:
        """The window is closing: cancel everything, wait at most ``timeout_ms``, and
        leave the window alone when the jobs report back."""
        self.closing = True
        for job in self.jobs:
            job.cancel()
        return self.pool.waitForDone(timeout_ms)

    # --- done ---------------------------------------------------------------------------

    def _shown(self) -> tuple[object, ...]:
        """What the window shows now: article, claim and scroll position."""
        w = self.window
        return (
            w.stored.id if w.stored is not None else None,
            w.current_claim,
            w.view.verticalScrollBar().value(),
        )

    def _may_open(self, request: Request) -> bool:
        """Whether the finished import may replace what is on screen (see the module
        docstring): never while a dialog is open."""
        w = self.window
        if w.dialog_open():
            return False
        if w.stored is None:
            return True
        if request.origin is Origin.LAUNCH:
            return True
        if request.origin is Origin.SAMPLES:
            return False
        # the user's own import: open it unless they moved on while it ran
        return w.current_claim is None and self._shown() == request.shown

    def _finished(self, job: ImportJob, request: Request, outcome: ImportOutcome) -> None:
        if job in self.jobs:
            self.jobs.remove(job)
        self.last_outcome = outcome
        if self.closing:
            self.finished.emit(outcome)
            return
        w = self.window
        if not self.jobs:
            for widget in (self.progress_label, self.progress, self.cancel_button):
                widget.setVisible(False)
        w.library_changed()
        landed = outcome.imported
        target = (landed[0] if request.opens == "first" else landed[-1]) if landed else None
        opened = False
        if target is not None:
            self.last_import = target
            if self._may_open(request):
                opened = w.open_article(target.article_id)
        if not opened and w.stored is not None:
            w.lib_view.select_article(w.stored.id)  # the reload lost the selection
        if outcome.failures:
            self._show_problems(outcome)
        w.flash(summary(outcome, opened, self.open_key()))
        self.finished.emit(outcome)

    def open_key(self) -> str:
        """The keys of Open Last Import now in force (remapped ones too), or ''."""
        return key_text(sequences(BY_NAME["open_import"], self.window.settings))

    def open_last(self) -> bool:
        """Open the article the last import landed on (Open Last Import)."""
        last = self.last_import
        if last is None:
            self.window.flash("Nothing has been imported since the window opened")
            return False
        if not self.window.open_article(last.article_id):
            return False
        self.window.flash(f"Opened the last import: {last.name}")
        return True

    def _show_problems(self, outcome: ImportOutcome) -> None:
        if self.problems is None:
            from reader.gui.dialogs import ImportProblems

            self.problems = ImportProblems(self.window)
        self.problems.set_failures([str(f) for f in outcome.failures], problems_summary(outcome))
        self.problems.show()
        self.problems.raise_()


def items_from_mime(mime: QMimeData) -> list[ImportItem]:
    """What a drop or the clipboard holds, as import items: local files and web
    addresses, else one web address typed as text, else the text itself."""
    if mime.hasUrls():
        out = []
        for u in mime.urls():
            if u.isLocalFile():
                out.append(ImportItem(u.toLocalFile()))
            elif u.scheme() in ("http", "https"):
                out.append(ImportItem(u.toString()))
        if out:
            return out
    if mime.hasText():
        text = mime.text().strip()
        if not text:
            return []
        from reader.ingest import is_url
        from reader.ingest.load import looks_like_bare_address

        if len(text.split()) == 1 and (is_url(text) or looks_like_bare_address(text)):
            return [ImportItem(text)]  # an address: fetched, or told to add https://
        return [ImportItem("clipboard", text=text)]
    return []
