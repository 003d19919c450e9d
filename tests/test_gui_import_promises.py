"""What the window says after an import is what it does: the key it offers opens the
import, a hand-over is shown, a text already in the library is said to be and opened,
and Cancel stops before the next input and says what was kept."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import textwrap
import time
import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from reader.gui.single_instance import SingleInstance
from reader.gui.window import MainWindow
from reader.store.library import Library
from tests.helpers import ROOT, local_server
from tests.test_gui_support import make_db, open_window, variant


def _wait_import(qtbot: QtBot, win: MainWindow, before: object) -> None:
    qtbot.waitUntil(
        lambda: not win.imports.jobs and win.imports.last_outcome is not before, timeout=60000
    )


def _article_file(tmp_path: Path, n: int, word: str) -> Path:
    p = tmp_path / f"story{n}.md"
    p.write_text(variant(n, word), encoding="utf-8")
    return p


def test_an_import_opens_when_the_user_is_not_busy(qtbot: QtBot, tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    (aid,) = make_db(db, 1)
    win = open_window(qtbot, db, tmp_path / "s.ini")
    assert win.stored is not None and win.stored.id == aid
    new = _article_file(tmp_path, 5, "fresh")
    before = win.imports.last_outcome
    win.imports.import_sources([str(new)])
    _wait_import(qtbot, win, before)
    assert win.stored.source == str(new)
    assert win.statusBar().currentMessage() == (
        "Imported: Story 5: harbour authority denies contamination report"
    )


def test_the_offered_key_opens_the_import_not_the_next_article(
    qtbot: QtBot, tmp_path: Path
) -> None:
    db = tmp_path / "lib.db"
    a0, a1, a2 = make_db(db, 3)
    win = open_window(qtbot, db, tmp_path / "s.ini")
    win.open_article(a1)
    new = _article_file(tmp_path, 7, "offered")
    before = win.imports.last_outcome
    win.imports.import_sources([str(new)])
    qtbot.keyClick(win.lib_view, "j")  # busy: a claim is selected when it lands
    _wait_import(qtbot, win, before)
    assert win.stored.id == a1 and win.current_claim == 0
    msg = win.statusBar().currentMessage()
    assert msg.endswith("— press Ctrl+Shift+O to open it"), msg
    qtbot.keyClick(
        win.lib_view,
        Qt.Key.Key_O,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert win.stored is not None and win.stored.source == str(new)
    assert win.stored.id not in (a0, a1, a2)


def test_a_remapped_key_is_the_one_offered(qtbot: QtBot, tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    (aid,) = make_db(db, 1)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    settings.setValue("keys/open_import", "Alt+I")
    win = open_window(qtbot, db, settings)
    win.select_claim(0)
    before = win.imports.last_outcome
    win.imports.import_sources([str(_article_file(tmp_path, 8, "remapped"))])
    _wait_import(qtbot, win, before)
    assert win.stored is not None and win.stored.id == aid
    assert win.statusBar().currentMessage().endswith("— press Alt+I to open it")
    qtbot.keyClick(win.lib_view, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)
    assert win.stored.id != aid


def test_open_last_import_before_any_import_says_so(qtbot: QtBot, tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    (aid,) = make_db(db, 1)
    win = open_window(qtbot, db, tmp_path / "s.ini")
    win.open_last_import()
    assert win.stored is not None and win.stored.id == aid
    assert win.statusBar().currentMessage() == ("Nothing has been imported since the window opened")


def test_a_text_already_in_the_library_is_said_to_be_and_opened(
    qtbot: QtBot, tmp_path: Path
) -> None:
    db = tmp_path / "lib.db"
    a0, a1 = make_db(db, 2)  # variant(0) and variant(1), as markdown
    win = open_window(qtbot, db, tmp_path / "s.ini")
    win.open_article(a1)
    again = tmp_path / "again.md"
    again.write_text(variant(0), encoding="utf-8")
    before = win.imports.last_outcome
    win.imports.import_sources([str(again)])
    _wait_import(qtbot, win, before)
    out = win.imports.last_outcome
    assert out is not None and out.created == 0 and out.already == 1
    assert win.stored is not None and win.stored.id == a0
    assert win.statusBar().currentMessage() == (
        "Already in the library: Story 0: harbour authority denies contamination report"
    )
    assert win.lib_model.rowCount() == 2


def test_a_batch_says_how_many_were_new_and_already_there(qtbot: QtBot, tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    make_db(db, 1)
    win = open_window(qtbot, db, tmp_path / "s.ini")
    again = tmp_path / "again.md"
    again.write_text(variant(0), encoding="utf-8")
    new = _article_file(tmp_path, 3, "batch")
    before = win.imports.last_outcome
    win.imports.import_sources([str(again), str(new)])
    _wait_import(qtbot, win, before)
    assert win.statusBar().currentMessage() == "Imported 1 article; 1 already in the library"
    assert win.stored is not None and win.stored.source == str(new)  # the last one opens


def test_a_handed_over_file_is_shown(qtbot: QtBot, tmp_path: Path) -> None:
    """Through open_paths_and_raise, while the user has a claim selected."""
    db = tmp_path / "lib.db"
    (aid,) = make_db(db, 1)
    win = open_window(qtbot, db, tmp_path / "s.ini")
    win.select_claim(1)
    new = _article_file(tmp_path, 4, "handed")
    before = win.imports.last_outcome
    win.open_paths_and_raise([str(new)])
    _wait_import(qtbot, win, before)
    assert win.stored is not None and win.stored.id != aid and win.stored.source == str(new)
    assert win.statusBar().currentMessage().startswith("Imported: Story 4")


CLIENT = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QCoreApplication
    from reader.gui.single_instance import SingleInstance
    app = QCoreApplication(sys.argv[:1])
    sys.exit(0 if SingleInstance(sys.argv[1]).send_to_running(sys.argv[2:]) else 1)
    """
)


@pytest.mark.subprocess
def test_a_file_from_a_second_launch_is_shown(qtbot: QtBot, tmp_path: Path) -> None:
    """A real second process hands a path over the real local socket, as the app wires it."""
    db = tmp_path / "lib.db"
    make_db(db, 1)
    win = open_window(qtbot, db, tmp_path / "s.ini")
    key = f"/tmp/test-library-{uuid.uuid4().hex}.db"
    inst = SingleInstance(key)
    try:
        assert inst.listen()
        inst.paths_received.connect(win.open_paths_and_raise)
        new = _article_file(tmp_path, 6, "second-launch")
        before = win.imports.last_outcome
        client = subprocess.Popen(
            [sys.executable, "-c", CLIENT, key, new.name],
            cwd=tmp_path,  # a relative path, resolved by the second process
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        qtbot.waitUntil(lambda: win.imports.last_outcome is not before, timeout=30000)
        assert client.wait(15) == 0
    finally:
        inst.close()
    assert win.stored is not None and win.stored.source == str(new)


def test_cancel_mid_batch_stops_before_the_next_input_and_says_what_was_kept(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """Three pages from a slow local server; Cancel while the second downloads."""
    page = variant(1, "first").encode("utf-8")

    def slow(body: bytes) -> tuple[int, dict[str, str], bytes]:
        time.sleep(0.8)
        return 200, {"Content-Type": "text/markdown; charset=utf-8"}, body

    routes = {
        "/a": lambda: slow(page),
        "/b": lambda: slow(variant(2, "second").encode()),
        "/c": lambda: slow(variant(3, "third").encode()),
    }
    db = tmp_path / "lib.db"
    make_db(db, 1)
    win = open_window(qtbot, db, tmp_path / "s.ini")
    started: list[int] = []
    with local_server(routes) as (base, requested):  # type: ignore[arg-type]
        urls = [base + p for p in ("/a", "/b", "/c")]
        job = win.imports.import_sources(urls)
        assert job is not None
        job.signals.progress.connect(lambda done, _t, _l: started.append(done))
        qtbot.waitUntil(lambda: 1 in started, timeout=30000)  # the second one is under way
        qtbot.mouseClick(win.imports.cancel_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not win.imports.jobs, timeout=30000)
    out = win.imports.last_outcome
    assert out is not None and out.cancelled
    assert [i.source for i in out.imported] == [urls[0]]
    assert out.not_imported == urls[1:]
    assert "/c" not in requested
    assert win.statusBar().currentMessage().startswith("Cancelled: 1 of 3 imported; 2 not imported")
    with Library(db) as lib:
        assert lib.count_articles() == 2


def test_failures_are_told_in_the_readers_words(qtbot: QtBot, tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    make_db(db, 1)
    win = open_window(qtbot, db, tmp_path / "s.ini")
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)) * 40)
    before = win.imports.last_outcome
    win.imports.import_sources([str(photo)])
    _wait_import(qtbot, win, before)
    assert win.statusBar().currentMessage() == (
        "Could not import photo.jpg: is a picture (JPEG), not text"
    )
    problems = win.imports.problems
    assert problems is not None and problems.isVisible()
    assert problems.summary.text() == "1 file could not be imported; none was imported."

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    dead = f"http://127.0.0.1:{sock.getsockname()[1]}/story"
    sock.close()
    good = _article_file(tmp_path, 2, "kept")
    before = win.imports.last_outcome
    win.imports.import_sources([dead, str(photo), "ftp://example.org/a.html", str(good)])
    _wait_import(qtbot, win, before)
    assert problems.summary.text() == "3 items could not be imported; 1 was imported."
    host = dead.split("/")[2]
    assert problems.lines() == [
        f"{dead}: could not reach {host}: nothing answers there (the server is down?)",
        f"{photo}: is a picture (JPEG), not text",
        "ftp://example.org/a.html: is not a web page address (ftp://): only http:// and"
        " https:// addresses can be imported",
    ]
    assert win.statusBar().currentMessage() == "Imported 1 article; 3 items could not be imported"


def test_a_pasted_bare_address_is_told_to_add_https(qtbot: QtBot, tmp_path: Path) -> None:
    """A web address pasted without http:// is an address, not an article text: the
    problems dialog says what to add, and counts it as pasted, not as a file."""
    from PySide6.QtGui import QGuiApplication

    db = tmp_path / "lib.db"
    make_db(db, 1)
    win = open_window(qtbot, db, tmp_path / "s.ini")
    QGuiApplication.clipboard().setText("example.org/news")
    before = win.imports.last_outcome
    win.import_clipboard()
    _wait_import(qtbot, win, before)
    problems = win.imports.problems
    assert problems is not None
    assert problems.lines() == [
        "example.org/news: is not a file here; for a web page, add https://"
        " (https://example.org/news)"
    ]
    QGuiApplication.clipboard().setText("   ")
    assert win.import_clipboard() is None
