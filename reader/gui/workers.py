"""Imports off the GUI thread: a QRunnable that opens its own Library and reports back.

The window stays responsive while files are read, cleaned and searched for claims;
the job reports progress per item, goes on past a bad input (kept with its one-line
reason), and finishes with what landed, new or already there. Cancel stops before
the next input, between cleaning an input and storing it, and inside a download at
once (the fetcher watches the cancel flag and shuts the connection, even while the
server is silent); the outcome lists what was not imported.

In the style of Anki's ``aqt.operations``: the job is an operation object handed a
``success`` callback, which runs on the GUI thread with the :class:`ImportOutcome`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, Signal

from reader.errors import BUG_REASON, InputError, write_errors, write_reason

if TYPE_CHECKING:
    from reader.export.marks_import import Imported as MarksImported

#: How an import names text that came from the clipboard (or a drop), not a file.
CLIPBOARD_LABEL = "clipboard text"


@dataclass(frozen=True)
class ImportItem:
    """One thing to import: a path or URL (``source``), or pasted ``text``."""

    source: str
    text: str | None = None

    @property
    def label(self) -> str:
        return self.source if self.text is None else CLIPBOARD_LABEL


@dataclass(frozen=True)
class Imported:
    """An article an import landed on: new (``created``) or already in the library."""

    article_id: int
    created: bool
    title: str | None
    source: str

    @property
    def name(self) -> str:
        return self.title or "(untitled)"


@dataclass(frozen=True)
class Failure:
    """An input that could not be imported, and why (one line, the user's words)."""

    source: str
    reason: str

    @property
    def is_url(self) -> bool:
        from reader.ingest import is_url  # after the window shows: not needed to start

        return is_url(self.source)

    @property
    def noun(self) -> tuple[str, str]:
        """What the input was, singular and plural, as the problems dialog counts it."""
        if self.source.startswith(CLIPBOARD_LABEL):
            return "pasted text", "pasted texts"
        if self.is_url:
            return "web address", "web addresses"
        return "file", "files"

    def __str__(self) -> str:
        from reader.textsafe import quote_name  # a name with a newline stays one line

        return f"{quote_name(self.source)}: {self.reason}"


@dataclass
class ImportOutcome:
    """What a batch of ``total`` inputs did: the articles it landed on (in input
    order), the inputs that failed, and, if cancelled, the ones not imported."""

    total: int = 0
    imported: list[Imported] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    cancelled: bool = False
    #: Inputs left out because of Cancel (the one interrupted, and those after it).
    not_imported: list[str] = field(default_factory=list)

    @property
    def article_ids(self) -> list[int]:
        return [i.article_id for i in self.imported]

    @property
    def created(self) -> int:
        """How many were new to the library."""
        return sum(1 for i in self.imported if i.created)

    @property
    def already(self) -> int:
        """How many were in the library already (the same text imported before)."""
        return sum(1 for i in self.imported if not i.created)


class ImportSignals(QObject):
    """Signals of an :class:`ImportJob` (a QRunnable cannot have its own)."""

    progress = Signal(int, int, str)  # done, total, the item being imported
    busy = Signal()  # another program holds the library's write lock: waiting on it
    finished = Signal(object)  # ImportOutcome


class ImportJob(QRunnable):
    """Import ``items`` into the library at ``db_path`` (its own connection); then
    ``success(outcome)`` runs on the thread that created the job (the GUI thread).
    ``samples``: these are the first-run samples, stored marked as samples."""

    def __init__(
        self,
        db_path: Path,
        items: list[ImportItem],
        success: Callable[[ImportOutcome], None] | None = None,
        samples: bool = False,
    ) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the controller keeps it until success has run
        self.db_path = db_path
        self.items = items
        self.samples = samples
        self.signals = ImportSignals()
        if success is not None:
            self.signals.finished.connect(success)
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Stop before the next item (or before storing this one), and interrupt a
        download in progress at once (reader.ingest.fetch polls this flag every few
        hundredths of a second and shuts the connection)."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        from reader.library_ops import add_and_link, refuse_export
        from reader.pipeline import extract, extract_text
        from reader.store.library import Library

        out = ImportOutcome(total=len(self.items))
        try:
            # a busy library is waited for as the CLI waits (retries), and said
            lib = Library(self.db_path, on_busy=self.signals.busy.emit)
        except InputError as exc:
            out.failures.append(Failure(exc.source, exc.reason))
            self.signals.finished.emit(out)
            return

        def stop_at(n: int) -> None:
            out.cancelled = True
            out.not_imported = [i.label for i in self.items[n:]]

        try:
            for n, item in enumerate(self.items):
                if self.cancelled:
                    stop_at(n)
                    break
                self.signals.progress.emit(n, out.total, item.label)
                try:
                    if item.text is not None:
                        raw, article = extract_text(item.text, item.source, refuse_export)
                    else:
                        raw, article = extract(
                            item.source, should_cancel=self._cancel.is_set, check=refuse_export
                        )
                except InputError as exc:
                    if self.cancelled:  # the download was interrupted: stop here
                        stop_at(n)
                        break
                    out.failures.append(Failure(item.label, exc.reason))
                    continue
                except Exception:  # a bug of ours on one input must not end the batch
                    out.failures.append(Failure(item.label, BUG_REASON))
                    continue
                if self.cancelled:  # cleaned, not yet stored: nothing of it is kept
                    stop_at(n)
                    break
                try:
                    r = add_and_link(lib, raw, article, sample=self.samples)
                except write_errors() as exc:  # busy, read-only, full, damaged: one line
                    out.failures.append(
                        Failure(item.label, f"could not be saved: {write_reason(exc)}")
                    )
                    continue
                out.imported.append(Imported(r.article_id, r.created, r.title, item.label))
            else:
                self.signals.progress.emit(out.total, out.total, "")
        finally:
            lib.close()
        self.signals.finished.emit(out)


@dataclass
class MarksOutcome:
    """What Import Marks did with one file: what it added (``done``), or why nothing
    (``reason``, one line: a file of another format, a library busy)."""

    path: Path
    done: MarksImported | None = None
    reason: str = ""


class MarksImportJob(QRunnable):
    """Import Marks (:func:`reader.export.marks_import.import_marks`) of the file at
    ``path`` into the library at ``db_path``, on its own connection: a large export
    is read and checked whole before its one transaction. ``success(outcome)`` runs on
    the GUI thread. Queued on the imports' pool, so one writer writes at a time."""

    def __init__(self, db_path: Path, path: Path, success: Callable[[MarksOutcome], None]) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the controller keeps it until success has run
        self.db_path = db_path
        self.path = path
        self.signals = ImportSignals()
        self.signals.finished.connect(success)

    def run(self) -> None:
        from reader.export.marks_import import import_marks
        from reader.store.library import Library

        out = MarksOutcome(self.path)
        try:
            lib = Library(self.db_path, on_busy=self.signals.busy.emit)
        except InputError as exc:
            out.reason = str(exc)
            self.signals.finished.emit(out)
            return
        try:
            out.done = import_marks(lib, self.path)
        except InputError as exc:  # not an export this version reads: nothing written
            out.reason = str(exc)
        except write_errors() as exc:  # busy, read-only, full: the transaction undone
            out.reason = f"{self.path.name}: nothing imported: {write_reason(exc)}"
        except Exception:  # a bug of ours must not take the window down
            out.reason = f"{self.path.name}: {BUG_REASON}"
        finally:
            lib.close()
        self.signals.finished.emit(out)
