"""Imports off the GUI thread: a QRunnable that opens its own Library and reports back.

The window stays responsive while files are read, cleaned and searched for claims;
the job reports progress per item, goes on past a bad input (kept with its one-line
reason), stops when cancelled (between items, and inside a download: the cancel
flag is polled by the fetcher), and finishes with what landed.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Signal

from reader.errors import InputError


@dataclass(frozen=True)
class ImportItem:
    """One thing to import: a path or URL (``source``), or pasted ``text``."""

    source: str
    text: str | None = None

    @property
    def label(self) -> str:
        return self.source if self.text is None else "clipboard text"


@dataclass
class ImportOutcome:
    """What a batch did: ids of the articles that landed, failures as one-line reasons."""

    article_ids: list[int] = field(default_factory=list)
    created: int = 0
    failures: list[str] = field(default_factory=list)
    cancelled: bool = False


class ImportSignals(QObject):
    """Signals of an :class:`ImportJob` (a QRunnable cannot have its own)."""

    progress = Signal(int, int, str)  # done, total, the item being imported
    finished = Signal(object)  # ImportOutcome


class ImportJob(QRunnable):
    """Import ``items`` into the library at ``db_path`` (its own connection)."""

    def __init__(self, db_path: Path, items: list[ImportItem]) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the window keeps it until finished is handled
        self.db_path = db_path
        self.items = items
        self.signals = ImportSignals()
        self._cancel = threading.Event()
        # how the window treats the result (see MainWindow._may_open_import)
        self.user = True
        self.opens = "last"
        self.library_was_empty = False

    def cancel(self) -> None:
        """Stop before the next item, and interrupt a download in progress."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        from reader.store.library import Library

        out = ImportOutcome()
        total = len(self.items)
        try:
            lib = Library(self.db_path)
        except InputError as exc:
            out.failures.append(str(exc))
            self.signals.finished.emit(out)
            return
        try:
            for n, item in enumerate(self.items):
                if self._cancel.is_set():
                    out.cancelled = True
                    break
                self.signals.progress.emit(n, total, item.label)
                try:
                    if item.text is not None:
                        r = lib.import_text(item.text, item.source)
                    else:
                        r = lib.import_source(item.source, should_cancel=self._cancel.is_set)
                except InputError as exc:
                    out.failures.append(str(exc))
                    if self._cancel.is_set():  # the download was interrupted: stop here
                        out.cancelled = True
                        break
                    continue
                except Exception as exc:  # a bug in one input must not end the batch
                    out.failures.append(f"{item.label}: could not be imported ({exc})")
                    continue
                out.article_ids.append(r.article_id)
                out.created += int(r.created)
            else:
                self.signals.progress.emit(total, total, "")
        finally:
            lib.close()
        self.signals.finished.emit(out)
