"""Subscriptions in the window, as a user meets them: the sources list with unread
counts, M, S, Shift+A and Space, subscribing and refreshing against a real HTTP server
on 127.0.0.1 without the window ever waiting, Stop, and managing feeds through the
same questions a user answers."""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from reader.gui.feeds_panel import SourceKind
from reader.gui.window import MainWindow
from reader.store import Library, Selection
from tests.helpers import local_server
from tests.test_gui_support import add_article, open_window, variant

SHIFT = Qt.KeyboardModifier.ShiftModifier
XML = {"Content-Type": "application/rss+xml"}


def story(n: int) -> str:
    """A full-text entry body (long enough that no page is fetched), distinct per n."""
    return " ".join(
        f"<p>The harbour authority said on day {n} that berth {k} would reopen after"
        f" repairs, according to a statement from the port of Calderon.</p>"
        for k in range(14)
    )


def rss(title: str, entries: range) -> bytes:
    items = "".join(
        f"<item><guid>{title}-{n}</guid><title>{title} story {n}</title>"
        f"<link>http://127.0.0.1:9/{title}/{n}</link>"
        f"<description><![CDATA[{story(n)}]]></description></item>"
        for n in entries
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>'
        f"{items}</channel></rss>"
    ).encode()


def library_with_feeds(db: Path) -> dict[str, int]:
    """Two feeds in a folder and one loose, with two articles each, and one article
    from no feed: ids by name."""
    out: dict[str, int] = {}
    with Library(db) as lib:
        for i, (name, folder) in enumerate((("Ledger", "News"), ("Gazette", "News"), ("Wire", ""))):
            feed, _ = lib.add_feed(f"http://127.0.0.1:9/{name}", name, folder)
            out[name] = feed.id
            for k in range(2):
                aid = add_article(lib, variant(10 * i + k, name))
                lib.record_entry(feed.id, [f"id:{name}{k}"], aid)
        out["loose"] = add_article(lib, variant(99, "loose"))
    return out


def count(win: MainWindow, key: str) -> str:
    model = win.feeds_view.feeds_model
    idx = model.index_of(key)
    return str(model.index(idx.row(), 1, idx.parent()).data() or "")


def test_sources_list_counts_and_choosing_a_feed(qtbot: QtBot, tmp_path: Path) -> None:
    ids = library_with_feeds(tmp_path / "lib.db")
    win = open_window(qtbot, tmp_path / "lib.db", tmp_path / "s.ini", start=False)
    model = win.feeds_view.feeds_model
    names = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert names == ["All Articles", "Unread", "Starred", "News", "Wire"]
    assert (count(win, "all"), count(win, "folder:News"), count(win, f"feed:{ids['Wire']}")) == (
        "7", "4", "2",
    )  # fmt: skip
    assert win.feeds_view.choose(f"feed:{ids['Gazette']}")
    assert len(win.lib_model.ids()) == 2
    win.open_article(win.lib_model.ids()[0])  # opening marks it read: counts follow
    assert (count(win, f"feed:{ids['Gazette']}"), count(win, "folder:News")) == ("1", "3")
    assert count(win, "unread") == "6"
    # the arrow keys in the sources list switch, as a click does
    win.feeds_view.setFocus()
    qtbot.keyClick(win.feeds_view, Qt.Key.Key_Down)
    assert win.reading.source.key == f"feed:{ids['Ledger']}"
    qtbot.keyClick(win.feeds_view, Qt.Key.Key_Home)
    assert win.reading.source.kind is SourceKind.ALL and len(win.lib_model.ids()) == 7


def test_m_s_and_shift_a(qtbot: QtBot, tmp_path: Path) -> None:
    ids = library_with_feeds(tmp_path / "lib.db")
    win = open_window(qtbot, tmp_path / "lib.db", tmp_path / "s.ini")
    aid = win.stored.id  # type: ignore[union-attr]
    assert count(win, "unread") == "6"
    qtbot.keyClick(win.view, "m")
    assert count(win, "unread") == "7" and win.library.row(aid).read_at is None  # type: ignore[union-attr]
    qtbot.keyClick(win.view, "m")
    assert count(win, "unread") == "6"
    qtbot.keyClick(win.view, "s")
    assert count(win, "starred") == "1" and win.library.row(aid).starred_at  # type: ignore[union-attr]
    win.feeds_view.choose("starred")
    assert win.lib_model.ids() == [aid]
    assert "(starred)" in win.lib_model.index(0).data(Qt.ItemDataRole.DisplayRole)
    win.feeds_view.choose("folder:News")
    qtbot.keyClick(win.view, "A", SHIFT)
    assert count(win, "folder:News") == "" and count(win, f"feed:{ids['Wire']}") == "2"
    with Library(tmp_path / "lib.db") as lib:  # written to the file, as user state
        unread = set(lib.article_ids(Selection(unread=True)))
        news = lib.feed_article_ids(ids["Ledger"]) + lib.feed_article_ids(ids["Gazette"])
        assert not unread & set(news)
        assert set(lib.feed_article_ids(ids["Wire"])) <= unread


def test_space_pages_then_opens_the_next_unread(qtbot: QtBot, tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    long = variant(1) + "\n\n" + "\n\n".join(f"Paragraph {n} of a long story." for n in range(200))
    with Library(db) as lib:
        first = add_article(lib, long)
        second = add_article(lib, variant(2))
        third = add_article(lib, variant(3))
        lib.set_read([second])
    win = open_window(qtbot, db, tmp_path / "s.ini", start=False)
    assert win.lib_model.ids() == [third, second, first]  # newest first
    win.open_article(first)
    bar = win.view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    win.view.setFocus()
    qtbot.keyClick(win.view, Qt.Key.Key_Space)
    assert bar.value() > 0 and win.stored.id == first  # type: ignore[union-attr]
    for _ in range(200):
        if bar.value() >= bar.maximum():
            break
        qtbot.keyClick(win.view, Qt.Key.Key_Space)
    qtbot.keyClick(win.view, Qt.Key.Key_Space)  # at the end: the next unread, from the top
    assert win.stored.id == third  # type: ignore[union-attr]  (second is read: skipped)
    for _ in range(100):  # page through it; at its end nothing unread is left: said
        qtbot.keyClick(win.view, Qt.Key.Key_Space)
        if win.statusBar().currentMessage() == "No more unread articles":
            break
    assert win.stored.id == third  # type: ignore[union-attr]
    assert win.statusBar().currentMessage() == "No more unread articles"


def test_space_on_a_focused_control_works_it(qtbot: QtBot, tmp_path: Path) -> None:
    """Space is a window shortcut (page, then next unread), but a focused check box or
    button still gets it, as everywhere else on the desktop."""
    db = tmp_path / "lib.db"
    with Library(db) as lib:
        add_article(lib, variant(1))
    win = open_window(qtbot, db, tmp_path / "s.ini")
    box = win.claims_panel.hide_box
    before = box.isChecked()
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert box.isChecked() is not before
    win.subscriptions.cancel_button.setVisible(True)  # the status bar's Stop button
    win.subscriptions.cancel_button.setFocus()
    qtbot.keyClick(win.subscriptions.cancel_button, Qt.Key.Key_Space)
    assert win.statusBar().currentMessage() == "No refresh under way"


def test_subscribe_and_refresh_in_the_background(qtbot: QtBot, tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    with Library(db) as lib:
        add_article(lib, variant(1))
    routes = {"/rss": (200, XML, rss("Calderon Port News", range(3)))}
    with local_server(routes) as (base, requested):
        win = open_window(qtbot, db, tmp_path / "s.ini")
        win.subscriptions.subscribe()  # the question a user answers
        dlg = win.dialog
        assert isinstance(dlg, QInputDialog) and dlg.isVisible()
        dlg.setTextValue(base + "/rss")
        dlg.accept()
        # the window does not wait: the job runs, then the refresh, in the background
        qtbot.waitUntil(lambda: win.subscriptions.last_outcome is not None, timeout=20000)
        assert win.subscriptions.last_outcome.new == 3  # type: ignore[union-attr]
        src = win.reading.source
        assert src.is_feed and src.name == "Calderon Port News"
        assert len(win.lib_model.ids()) == 3 and count(win, src.key) == "3"
        assert "3 new articles" in win.statusBar().currentMessage()
        assert all(win.library.is_traced(aid) for aid in win.lib_model.ids())  # linked
        # R again: nothing new, nothing lost
        win.subscriptions.last_outcome = None
        with qtbot.waitActive(win):  # the question closed: the window is active again
            win.activateWindow()
        qtbot.keyClick(win.view, "r")
        qtbot.waitUntil(lambda: win.subscriptions.last_outcome is not None, timeout=20000)
        assert win.subscriptions.last_outcome.new == 0  # type: ignore[union-attr]
        assert win.library.count_articles() == 4 and requested.count("/rss") == 3


def test_a_failing_feed_shows_why_and_keeps_its_articles(qtbot: QtBot, tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    ids = library_with_feeds(db)
    with local_server({}) as (base, _):  # every path is a 404
        with Library(db) as lib:
            lib.update_feed(ids["Wire"], url=base + "/gone.xml")
        win = open_window(qtbot, db, tmp_path / "s.ini")
        win.feeds_view.choose(f"feed:{ids['Wire']}")
        qtbot.keyClick(win.view, "R", SHIFT)
        qtbot.waitUntil(lambda: win.subscriptions.last_outcome is not None, timeout=20000)
    assert "1 feed failed" in win.statusBar().currentMessage()
    model = win.feeds_view.feeds_model
    item = model.index_of(f"feed:{ids['Wire']}")
    assert str(item.data()).startswith("⚠")
    assert "404" in str(item.data(Qt.ItemDataRole.ToolTipRole))
    assert len(win.lib_model.ids()) == 2  # its articles stay


def test_stop_ends_a_refresh_against_a_silent_server(qtbot: QtBot, tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    release = threading.Event()

    def silent() -> tuple[int, dict[str, str], bytes]:
        release.wait(20)
        return 200, XML, rss("Slow", range(1))

    with local_server({"/slow": silent}) as (base, _):
        with Library(db) as lib:
            add_article(lib, variant(1))
            lib.add_feed(base + "/slow", "Slow")
        win = open_window(qtbot, db, tmp_path / "s.ini")
        job = win.subscriptions.refresh_all()
        assert job is not None and win.subscriptions.cancel_button.isVisible()
        qtbot.wait(200)
        win.subscriptions.cancel_button.click()
        qtbot.waitUntil(lambda: win.subscriptions.last_outcome is not None, timeout=5000)
        release.set()
    assert win.subscriptions.last_outcome.cancelled  # type: ignore[union-attr]
    assert not win.subscriptions.cancel_button.isVisible()
    assert win.statusBar().currentMessage().startswith("Refresh stopped after 0 of 1 feed")
    assert win.library.count_articles() == 1


def test_rename_move_interval_and_unsubscribe(qtbot: QtBot, tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    ids = library_with_feeds(db)
    win = open_window(qtbot, db, tmp_path / "s.ini")
    win.feeds_view.choose(f"feed:{ids['Wire']}")
    qtbot.keyClick(win.view, Qt.Key.Key_F2)
    dlg = win.dialog
    assert isinstance(dlg, QInputDialog)
    dlg.setTextValue("  Calderon   Wire ")
    dlg.accept()
    with qtbot.waitActive(win):
        win.activateWindow()
    assert win.library.feed(ids["Wire"]).title == "Calderon Wire"  # type: ignore[union-attr]
    assert win.reading.source.name == "Calderon Wire"
    win.actions_by_name["move_feed"].trigger()
    dlg = win.dialog
    assert isinstance(dlg, QInputDialog)
    dlg.setTextValue("Regional")
    dlg.accept()
    assert win.library.feed(ids["Wire"]).folder == "Regional"  # type: ignore[union-attr]
    assert win.feeds_view.feeds_model.index_of("folder:Regional").isValid()
    assert win.reading.source.key == f"feed:{ids['Wire']}"
    win.actions_by_name["feed_interval"].trigger()
    dlg = win.dialog
    assert isinstance(dlg, QInputDialog)
    dlg.setTextValue("every 3 hours")
    dlg.accept()
    assert win.library.feed(ids["Wire"]).interval_min == 180  # type: ignore[union-attr]
    win.actions_by_name["unsubscribe"].trigger()
    box = win.dialog
    assert isinstance(box, QMessageBox)
    box.findChild(QPushButton, "unsubscribeButton").click()  # type: ignore[union-attr]
    assert win.library.feed(ids["Wire"]) is None
    assert win.library.count_articles() == 7  # its articles stay
    assert win.reading.source.kind is SourceKind.ALL
    # unsubscribe and delete: Undo Delete brings the articles back
    win.feeds_view.choose(f"feed:{ids['Ledger']}")
    win.actions_by_name["unsubscribe"].trigger()
    box = win.dialog
    assert isinstance(box, QMessageBox)
    box.findChild(QPushButton, "unsubscribeDeleteButton").click()  # type: ignore[union-attr]
    assert win.library.count_articles() == 5
    win.undo_delete()
    assert win.library.count_articles() == 7


def test_opml_round_trip_from_the_window(qtbot: QtBot, tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    library_with_feeds(db)
    win = open_window(qtbot, db, tmp_path / "s.ini")
    out = tmp_path / "subs.opml"
    assert win.subscriptions.export_opml(str(out))
    other = open_window(qtbot, tmp_path / "other.db", tmp_path / "s2.ini")
    other.subscriptions.pool.setMaxThreadCount(1)
    assert other.subscriptions.import_opml(str(out)) == 3
    qtbot.waitUntil(lambda: other.subscriptions.last_outcome is not None, timeout=20000)
    feeds = {(f.title, f.folder) for f in other.library.feeds()}
    assert feeds == {("Ledger", "News"), ("Gazette", "News"), ("Wire", "")}
    bad = tmp_path / "bad.opml"
    bad.write_text("not xml at all", encoding="utf-8")
    assert other.subscriptions.import_opml(str(bad)) == 0
    assert "Could not import" in other.statusBar().currentMessage()


def test_the_schedule_fetches_only_due_feeds(qtbot: QtBot, tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    routes = {
        "/due": (200, XML, rss("Due", range(2))),
        "/fresh": (200, XML, rss("Fresh", range(2))),
    }
    with local_server(routes) as (base, requested):
        with Library(db) as lib:
            add_article(lib, variant(1))
            lib.add_feed(base + "/due", "Due")  # never fetched: due
            fresh, _ = lib.add_feed(base + "/fresh", "Fresh")
            lib.update_feed(fresh.id, last_tried_at=datetime.now(UTC).isoformat(), interval_min=60)
        win = open_window(qtbot, db, tmp_path / "s.ini", auto_refresh=True)
        assert win.subscriptions.schedule.isActive()
        job = win.subscriptions.refresh_due()
        assert job is not None and job.feed_ids == [win.library.feeds()[0].id]
        qtbot.waitUntil(lambda: win.subscriptions.last_outcome is not None, timeout=20000)
        assert requested.count("/due") == 1 and "/fresh" not in requested
        assert win.library.count_articles() == 3
    off = open_window(qtbot, tmp_path / "other.db", tmp_path / "s2.ini")
    assert not off.subscriptions.schedule.isActive()  # the user turned it off (here: the test)


def test_the_list_keeps_its_place_when_articles_arrive(qtbot: QtBot, tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    with Library(db) as lib:
        for n in range(60):
            add_article(lib, variant(n))
    win = open_window(qtbot, db, tmp_path / "s.ini")
    ids = win.lib_model.ids()
    win.lib_view.scroll_to_article(ids[30])
    top = win.lib_view.top_article()
    assert top is not None and top != ids[0]
    with Library(db) as lib:  # a refresh brings two new articles, newest first
        add_article(lib, variant(100))
        add_article(lib, variant(101))
    win.library_changed()
    assert len(win.lib_model.ids()) == 62
    assert win.lib_view.top_article() == top


def test_a_rebuild_keeps_the_chosen_source_and_its_list(qtbot: QtBot, tmp_path: Path) -> None:
    """A refresh ends with a rebuild of the sources list: the reader stays where they
    were (clearing the tree must not choose whichever row Qt makes current)."""
    ids = library_with_feeds(tmp_path / "lib.db")
    win = open_window(qtbot, tmp_path / "lib.db", tmp_path / "s.ini")
    for key in ("all", f"feed:{ids['Ledger']}", "folder:News"):
        win.feeds_view.choose(key)
        listed = win.lib_model.ids()
        win.reading.rebuild()
        assert win.reading.source.key == key
        assert win.feeds_view.currentIndex() == win.feeds_view.feeds_model.index_of(key)
        assert win.lib_model.ids() == listed


def test_gone_and_wait_answers_are_shown_in_the_users_words(qtbot: QtBot, tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    routes = {
        "/gone": (410, {}, b""),
        "/busy": (429, {"Retry-After": "3600"}, b""),
    }
    with local_server(routes) as (base, requested):
        with Library(db) as lib:
            add_article(lib, variant(1))
            gone, _ = lib.add_feed(base + "/gone", "Closed Paper")
            busy, _ = lib.add_feed(base + "/busy", "Busy Paper")
        win = open_window(qtbot, db, tmp_path / "s.ini")
        win.subscriptions.refresh_all()
        qtbot.waitUntil(lambda: win.subscriptions.last_outcome is not None, timeout=20000)
        line = win.statusBar().currentMessage()
        assert "1 asked us to wait" in line
        model = win.feeds_view.feeds_model
        tip = str(model.index_of(f"feed:{gone.id}").data(Qt.ItemDataRole.ToolTipRole))
        assert "Not fetched any more" in tip and "410" in tip
        tip = str(model.index_of(f"feed:{busy.id}").data(Qt.ItemDataRole.ToolTipRole))
        assert "asked us to wait" in tip and "429" in tip
        # R again: the gone feed is not asked, the busy one is not asked before its time
        win.subscriptions.last_outcome = None
        win.subscriptions.refresh_all()
        qtbot.waitUntil(lambda: win.subscriptions.last_outcome is not None, timeout=20000)
        assert requested.count("/gone") == 1 and requested.count("/busy") == 1


def test_subscribing_to_a_silent_server_can_be_stopped_and_says_why(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from tests.helpers import Slow, slow_server

    db = tmp_path / "lib.db"
    with Library(db) as lib:
        add_article(lib, variant(1))
    with slow_server(Slow.SILENT) as (url, asked):
        win = open_window(qtbot, db, tmp_path / "s.ini")
        job = win.subscriptions.subscribe(url)
        assert job is not None
        label, _bar, stop = win.subscriptions.status_widgets
        assert stop.isVisible() and "Looking for the feed" in label.text()
        assert asked.wait(5)
        stop.click()
        qtbot.waitUntil(lambda: not win.subscriptions.jobs, timeout=5000)
    assert not stop.isVisible()
    assert win.statusBar().currentMessage() == f"Stopped looking for the feed of {url}"
    assert win.library.feeds() == []
    # a failure (here: not a feed) stays until the next message: it must be read
    with local_server({"/page": (200, {"Content-Type": "text/html"}, b"<p>hello</p>")}) as (
        base,
        _,
    ):
        win.subscriptions.subscribe(base + "/page")
        qtbot.waitUntil(lambda: not win.subscriptions.jobs, timeout=20000)
    message = win.statusBar().currentMessage()
    assert message.startswith(f"Could not subscribe to {base}/page: ")
    qtbot.wait(4500)  # longer than a passing note
    assert win.statusBar().currentMessage() == message
