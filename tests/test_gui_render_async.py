"""Long articles render off the GUI thread: placeholder first, the article when it lands,
stale renders dropped, claims selected meanwhile highlighted on arrival, screenshots wait."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.gui.app import _screenshot
from reader.gui.rendering import ASYNC_MIN_CHARS, build_document
from reader.gui.window import MainWindow
from reader.store.library import Library
from tests.test_gui_support import MARKDOWN, add_article, make_article, variant

_HEAD, _BODY = MARKDOWN.split("---\n", 2)[1:]
FRONT = "---\n" + _HEAD.replace("Harbour authority denies", "{title}") + "---\n\n"


def long_markdown(title: str, target_bytes: int) -> str:
    """``target_bytes`` of Markdown: the test story repeated in numbered parts."""
    parts = [FRONT.format(title=title)]
    n, size = 0, 0
    while size < target_bytes:
        part = f"## Part {n}\n\n" + _BODY.replace("two wells", f"{n} wells") + "\n"
        parts.append(part)
        size += len(part.encode())
        n += 1
    parts.append("The closing line of the last part was written here.\n")
    return "".join(parts)


def _add_sparse(lib: Library, md: str, name: str) -> int:
    """Store ``md`` keeping one claim in 40 (a few hundred: the panel stays quick)."""
    from reader.ingest import RawInput

    article = make_article(md)
    article.claims = article.claims[::40]
    return lib.add(RawInput(name, "markdown", md, md.encode(), None), article).article_id


@pytest.fixture(scope="module")
def big_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    """One library: a ~1 MB article, a ~120 KB one and a short one (built once)."""
    db = tmp_path_factory.mktemp("big") / "lib.db"
    with Library(db) as lib:
        ids = {
            "big": _add_sparse(lib, long_markdown("Megabyte report", 1_000_000), "big.md"),
            "medium": _add_sparse(lib, long_markdown("Medium report", 120_000), "medium.md"),
            "small": add_article(lib, variant(7), "small.md"),
        }
    return db, ids


@pytest.fixture
def win(qtbot: QtBot, tmp_path: Path, big_db: tuple[Path, dict[str, int]]) -> Iterator[MainWindow]:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    w = MainWindow(big_db[0], settings, persist=False)
    qtbot.addWidget(w)
    w.resize(1000, 600)
    w.show()
    yield w
    w.view.wait_until_shown()  # no render left running into the next test


class StallMeter:
    """Longest gap between the ticks of a 5 ms timer on the GUI thread."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)
        self.last = time.perf_counter()
        self.worst = 0.0
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, now - self.last)
        self.last = now

    def stop(self) -> float:
        self._tick()
        self.timer.stop()
        return self.worst


def test_big_article_shows_placeholder_then_renders_off_the_gui_thread(
    qtbot: QtBot, win: MainWindow, big_db: tuple[Path, dict[str, int]]
) -> None:
    aid = big_db[1]["big"]
    meter = StallMeter()
    qtbot.wait(30)
    assert win.open_article(aid)
    assert win.stored is not None and len(win.stored.article.markdown) > ASYNC_MIN_CHARS
    view = win.view
    assert view.loading
    assert "Loading" in view.toPlainText() and "Megabyte report" in view.toPlainText()
    with qtbot.waitSignal(view.articleShown, timeout=60_000):
        pass
    qtbot.wait(100)  # the first paint and lazy layout after the swap count too
    worst = meter.stop()
    assert not view.loading
    text = view.toPlainText()
    assert "Loading" not in text and "closing line of the last part" in text
    # structurally: the document was built on a pool thread, not this one
    assert view.render_thread is not None and view.render_thread != threading.get_ident()
    assert view.document().thread() is QApplication.instance().thread()
    assert view.document().parent() is view
    # and the window kept ticking: far below what the same work costs on this thread
    s = time.perf_counter()
    sync = build_document(win.stored.article, view._doc_style())
    sync_time = time.perf_counter() - s
    sync.doc.deleteLater()
    assert worst < sync_time / 2, f"stall {worst:.3f} s vs synchronous {sync_time:.3f} s"
    # claims were placed in the rendered document
    first = win.stored.claims[0].claim.text
    assert view.claim_span(0) is not None
    win.select_claim(0)
    assert " ".join(view.current_selection_text().replace("\u2029", " ").split()) == " ".join(
        first.split()
    )


def test_short_article_stays_synchronous(
    win: MainWindow, big_db: tuple[Path, dict[str, int]]
) -> None:
    win.open_article(big_db[1]["small"])
    assert not win.view.loading
    assert win.view.render_thread == threading.get_ident()
    assert "Story 7" in win.view.toPlainText()


def test_moving_on_while_rendering_drops_the_stale_result(
    qtbot: QtBot, win: MainWindow, big_db: tuple[Path, dict[str, int]]
) -> None:
    ids = big_db[1]
    view = win.view
    win.open_article(ids["big"])
    qtbot.waitUntil(lambda: view._pool.activeThreadCount() == 1)  # it is rendering
    win.open_article(ids["medium"])  # a newer long article, queued behind it
    assert view.loading
    qtbot.waitUntil(lambda: not view._jobs, timeout=60_000)
    qtbot.wait(50)
    assert view.article is not None and (view.article.title or "").startswith("Medium report")
    text = view.toPlainText()
    assert "Medium report" in text and "Megabyte report" not in text
    assert "Loading" not in text
    # moving to a short article while a long one renders: the short one stays
    win.open_article(ids["big"])
    win.open_article(ids["small"])
    qtbot.waitUntil(lambda: not view._jobs, timeout=60_000)
    qtbot.wait(50)
    assert "Story 7" in view.toPlainText() and "Megabyte report" not in view.toPlainText()


def test_claims_chosen_during_the_load_are_highlighted_when_it_lands(
    qtbot: QtBot, win: MainWindow, big_db: tuple[Path, dict[str, int]]
) -> None:
    win.open_article(big_db[1]["big"])
    assert win.stored is not None and win.view.loading
    win.lib_view.setFocus()
    focus = QApplication.focusWidget()
    for _ in range(3):
        qtbot.keyClick(focus, "j")
    qtbot.keyClick(focus, "k")
    assert win.current_claim == 1
    assert win.view.loading and win.view.current_selection_text() == ""
    assert win.view.wait_until_shown(60_000)
    want = win.stored.claims[1].claim.text
    got = win.view.current_selection_text().replace("\u2029", " ")
    assert " ".join(got.split()) == " ".join(want.split())
    assert win.view.is_span_visible(1)


def _blend(over: QColor, base: QColor) -> tuple[int, int, int]:
    a = over.alphaF()
    return tuple(  # type: ignore[return-value]
        round(o * a + b * (1 - a))
        for o, b in zip(
            (over.red(), over.green(), over.blue()),
            (base.red(), base.green(), base.blue()),
            strict=True,
        )
    )


def test_screenshot_of_a_big_article_has_the_highlighted_claim(
    qtbot: QtBot, tmp_path: Path, big_db: tuple[Path, dict[str, int]]
) -> None:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    win = MainWindow(big_db[0], settings, persist=False)
    qtbot.addWidget(win)
    out = tmp_path / "big.png"
    app = QApplication.instance()
    assert _screenshot(app, win, big_db[1]["big"], 3, out) == 0
    assert not win.view.loading
    assert win.stored is not None
    want = " ".join(win.stored.claims[3].claim.text.split())
    assert " ".join(win.view.current_selection_text().replace("\u2029", " ").split()) == want
    img = QImage(str(out))
    assert not img.isNull()
    # the highlight's colour is on the picture, inside the article pane
    pal = win.view.palette()
    from reader.gui.style import highlight_fill

    r, g, b = _blend(highlight_fill(pal), pal.color(QPalette.ColorRole.Base))
    pane = win.view.mapTo(win, win.view.rect().topLeft())
    hits = 0
    for y in range(pane.y(), pane.y() + win.view.height(), 2):
        for x in range(pane.x(), pane.x() + win.view.width(), 4):
            c = img.pixelColor(x, y)
            if abs(c.red() - r) <= 3 and abs(c.green() - g) <= 3 and abs(c.blue() - b) <= 3:
                hits += 1
    assert hits > 50, f"no highlight in the article pane ({hits} pixels)"


def test_reopening_a_long_article_swaps_its_kept_document_in(
    qtbot: QtBot, win: MainWindow, big_db: tuple[Path, dict[str, int]]
) -> None:
    ids = big_db[1]
    view = win.view
    win.open_article(ids["big"])
    assert view.wait_until_shown(60_000)
    first_doc = view.document()
    win.open_article(ids["small"])
    assert view.document() is not first_doc
    # back to the long one: no "Loading…", no render job; the same document, claims placed
    win.open_article(ids["big"])
    assert not view.loading and not view._jobs
    assert view.document() is first_doc
    assert "Loading" not in view.toPlainText()
    assert "closing line of the last part" in view.toPlainText()
    win.select_claim(2)
    assert win.stored is not None
    want = win.stored.claims[2].claim.text
    got = view.current_selection_text().replace("\u2029", " ")
    assert " ".join(got.split()) == " ".join(want.split())
    # a different look (a zoom) is a different document: rendered again
    win.zoom_in()
    win.open_article(ids["small"])
    win.open_article(ids["big"])
    assert view.loading
    assert view.wait_until_shown(60_000)
    assert view.document() is not first_doc
    assert len(view.docs) == 2


def test_document_cache_is_bounded_and_deletes_what_it_drops(
    qtbot: QtBot, win: MainWindow, big_db: tuple[Path, dict[str, int]]
) -> None:
    ids = big_db[1]
    view = win.view
    view.docs.count = 1  # room for one document
    win.open_article(ids["big"])
    assert view.wait_until_shown(60_000)
    big_doc = view.document()
    gone: list[bool] = []
    big_doc.destroyed.connect(lambda: gone.append(True))
    win.open_article(ids["medium"])
    assert view.wait_until_shown(60_000)
    assert len(view.docs) == 1 and view.docs.holds(view.document())
    qtbot.waitUntil(lambda: bool(gone))  # the big one was pushed out and deleted
    # by size too: a budget below one document keeps none, and deletes none on screen
    view.docs.chars = 10
    win.open_article(ids["big"])
    assert view.wait_until_shown(60_000)
    assert len(view.docs) == 0
    assert "closing line of the last part" in view.toPlainText()
