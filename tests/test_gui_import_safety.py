"""A background import never costs the user what they are doing: notes written while
it runs land on their claim, the article being read stays on screen, and a slow
download can be cancelled (and never holds the window open)."""

from __future__ import annotations

import contextlib
import http.server
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reader.gui.dialogs import NoteDialog
from reader.gui.window import MainWindow
from reader.store.library import Library
from tests.helpers import Slow, slow_server
from tests.test_gui_support import make_db, open_window, variant


def _import_and_wait(qtbot: QtBot, win: MainWindow, path: Path) -> None:
    before = win.imports.last_outcome
    assert win.imports.import_sources([str(path)]) is not None
    qtbot.waitUntil(
        lambda: not win.imports.jobs and win.imports.last_outcome is not before, timeout=60000
    )


def test_note_survives_an_import_finishing_while_the_dialog_is_open(
    qtbot: QtBot, tmp_path: Path
) -> None:
    db = tmp_path / "lib.db"
    (aid,) = make_db(db, 1)
    win = open_window(qtbot, db, tmp_path / "s.ini")
    qtbot.keyClick(win.lib_view, "j")
    qtbot.keyClick(win.lib_view, "j")  # claim 1
    assert win.stored is not None and win.current_claim == 1
    key = win.stored.claims[1].claim_key
    qtbot.keyClick(win.lib_view, "e")
    dlg = win.dialog
    assert isinstance(dlg, NoteDialog) and dlg.isVisible()
    new = tmp_path / "new.md"
    new.write_text(variant(9, "imported"), encoding="utf-8")
    _import_and_wait(qtbot, win, new)
    # the user is not moved away while writing
    assert win.stored is not None and win.stored.id == aid and win.current_claim == 1
    assert win.statusBar().currentMessage() == (
        "Imported: Story 9: harbour authority denies contamination report"
        " — press Ctrl+Shift+O to open it"
    )
    dlg.editor.setPlainText("Written while an import ran.")
    dlg.accept()
    with Library(db) as lib:
        got = lib.verdict(aid, key)
        assert got is not None and got.note == "Written while an import ran."
        assert lib.count_articles() == 2
    assert win.claims_panel.model.claim(1).note == "Written while an import ran."  # type: ignore[union-attr]


def test_note_goes_to_its_claim_even_if_the_view_moved(qtbot: QtBot, tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    a0, a1 = make_db(db, 2)
    win = open_window(qtbot, db, tmp_path / "s.ini")
    win.open_article(a0)
    win.select_claim(0)
    assert win.stored is not None
    key = win.stored.claims[0].claim_key
    win.edit_note()
    dlg = win.dialog
    assert isinstance(dlg, NoteDialog)
    win.open_article(a1)  # whatever moved the view meanwhile
    dlg.editor.setPlainText("For the first article.")
    dlg.accept()
    with Library(db) as lib:
        got = lib.verdict(a0, key)
        assert got is not None and got.note == "For the first article."
        assert lib.verdict(a1, key) is None


def test_import_does_not_replace_the_article_being_read(qtbot: QtBot, tmp_path: Path) -> None:
    """The user moved on while the import ran (scrolled, opened another article): it
    is offered, not opened; the key offered opens it."""
    db = tmp_path / "lib.db"
    a0, a1 = make_db(db, 2)
    win = open_window(qtbot, db, tmp_path / "s.ini")
    win.open_article(a0)
    assert win.stored is not None and win.stored.id == a0 and win.current_claim is None
    new = tmp_path / "new.md"
    new.write_text(variant(5, "second"), encoding="utf-8")
    before = win.imports.last_outcome
    assert win.imports.import_sources([str(new)]) is not None
    win.open_article(a1)  # before the job reports back (that needs the event loop)
    qtbot.waitUntil(lambda: win.imports.last_outcome is not before, timeout=60000)
    assert win.stored.id == a1
    assert win.lib_model.rowCount() == 3
    assert win.statusBar().currentMessage().endswith(" — press Ctrl+Shift+O to open it")


def test_first_import_into_an_empty_library_opens_it(qtbot: QtBot, tmp_path: Path) -> None:
    win = open_window(qtbot, tmp_path / "empty.db", tmp_path / "s.ini")
    win.imports.wait()  # the first-run sample fill
    qtbot.waitUntil(lambda: not win.imports.jobs, timeout=60000)
    assert win.stored is not None  # nothing was open: the samples' first article shows


@contextmanager
def dripping_server(seconds: float = 20.0) -> Iterator[tuple[str, threading.Event]]:
    """A local server whose one page arrives a byte a second (for at most ``seconds``,
    or until the test ends); yields its URL and an event set once a request arrived."""
    stop = threading.Event()
    asked = threading.Event()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            asked.set()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", "1000")
            self.end_headers()
            end = time.monotonic() + seconds
            with contextlib.suppress(OSError):
                while not stop.is_set() and time.monotonic() < end:
                    self.wfile.write(b" ")
                    self.wfile.flush()
                    stop.wait(1.0)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/slow", asked
    finally:
        stop.set()
        server.shutdown()
        server.server_close()


def test_closing_during_a_slow_download_returns_promptly(qtbot: QtBot, tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    make_db(db, 1)
    win = open_window(qtbot, db, tmp_path / "s.ini")
    with dripping_server() as (url, asked):
        job = win.imports.import_sources([url])
        assert job is not None
        assert asked.wait(10), "the download never started"
        started = time.monotonic()
        win.close()
        took = time.monotonic() - started
        assert took < 5, f"closing took {took:.1f} s"
        assert job.cancelled
        assert win.imports.pool.waitForDone(5000), "the cancelled download did not stop"


def test_cancel_ends_a_single_item_import(qtbot: QtBot, tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    (aid,) = make_db(db, 1)
    win = open_window(qtbot, db, tmp_path / "s.ini")
    with dripping_server() as (url, asked):
        assert win.imports.import_sources([url]) is not None
        assert win.imports.cancel_button.isVisible()  # one item: still cancellable
        assert asked.wait(10), "the download never started"
        started = time.monotonic()
        qtbot.mouseClick(win.imports.cancel_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not win.imports.jobs, timeout=8000)
        assert time.monotonic() - started < 6
    out = win.imports.last_outcome
    assert out is not None and out.cancelled and not out.article_ids
    assert out.not_imported == [url] and not out.failures
    assert win.statusBar().currentMessage() == "Cancelled: 0 of 1 imported; 1 not imported"
    assert not win.imports.cancel_button.isVisible()
    assert win.stored is not None and win.stored.id == aid
    with Library(db) as lib:
        assert lib.count_articles() == 1


def test_cancel_interrupts_a_silent_server_at_once(qtbot: QtBot, tmp_path: Path) -> None:
    """The server took the request and says nothing: Cancel does not wait for it (nor
    for the 15 s deadline); the import ends within a second and keeps nothing."""
    db = tmp_path / "lib.db"
    make_db(db, 1)
    win = open_window(qtbot, db, tmp_path / "s.ini")
    with slow_server(Slow.SILENT) as (url, asked):
        assert win.imports.import_sources([url]) is not None
        assert asked.wait(10), "the download never started"
        time.sleep(0.3)  # into the silence
        started = time.monotonic()
        qtbot.mouseClick(win.imports.cancel_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not win.imports.jobs, timeout=5000)
        took = time.monotonic() - started
    assert took < 1.0, f"Cancel took {took:.2f} s"
    out = win.imports.last_outcome
    assert out is not None and out.cancelled and out.not_imported == [url]
    assert not out.failures
    with Library(db) as lib:
        assert lib.count_articles() == 1
