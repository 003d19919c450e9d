"""Full-text search from the window: a body word finds its article; Enter opens; Esc back."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from reader.gui.search import HTML_ROLE, OPEN, SearchJob, hit_html
from reader.marks import selector_for
from reader.store.library import MAX_QUERY_TERMS, Library, SearchHit, _fts_query
from tests.test_gui_support import MARKDOWN, add_article, open_window, variant


def test_search_finds_by_body_word_and_opens(qtbot: QtBot, tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    with Library(db) as lib:
        add_article(lib, variant(1, "quokka"))
        wanted = add_article(lib, variant(2, "zeppelin"))
        add_article(lib, variant(3, "marmot"))
    win = open_window(qtbot, db, tmp_path / "s.ini")
    qtbot.keyClick(win.lib_view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    panel = win.search_panel
    assert win.left.currentWidget() is panel and panel.box.hasFocus()
    qtbot.keyClicks(panel.box, "zeppelin")
    qtbot.waitUntil(lambda: panel.results.count() == 1)
    item = panel.results.item(0)
    assert "zeppelin" in item.text() and "[" not in item.text()  # plain, for screen readers
    assert "<b style='background-color: #" in item.data(HTML_ROLE)
    assert "'>zeppelin</b>" in item.data(HTML_ROLE)  # the match, highlighted
    qtbot.keyClick(panel.box, Qt.Key.Key_Return)
    assert win.stored is not None and win.stored.id == wanted
    assert win.left.currentWidget() is win.library_page  # back to the list after opening

    qtbot.keyClick(win.lib_view, "/")
    panel.box.setText("nothingmatchesthis")
    panel.run_search()
    assert panel.results.count() == 0 and "No matches" in panel.status.text()
    qtbot.keyClick(panel.box, Qt.Key.Key_Escape)
    assert win.left.currentWidget() is win.library_page
    assert win.stored.id == wanted


def _long_article(word: str) -> str:
    """The test article, then 80 paragraphs, then ``word`` in the last one."""
    filler = "\n\n".join(
        f"Paragraph {i} says the harbour water was tested again on day {i}." for i in range(80)
    )
    return f"{MARKDOWN}\n\n{filler}\n\nAt the very end a {word} was seen over the harbour.\n"


def test_opening_a_result_scrolls_to_the_match_and_marks_it(qtbot: QtBot, tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    with Library(db) as lib:
        other = add_article(lib, variant(1, "quokka"))
        wanted = add_article(lib, _long_article("zeppelin"))
    win = open_window(qtbot, db, tmp_path / "s.ini")
    win.open_article(other)
    qtbot.keyClick(win.lib_view, "/")
    panel = win.search_panel
    qtbot.keyClicks(panel.box, "zeppelins")  # the library stems: the snippet has the word
    qtbot.waitUntil(lambda: panel.results.count() == 1)
    qtbot.keyClick(panel.box, Qt.Key.Key_Return)
    view = win.view
    assert win.stored is not None and win.stored.id == wanted
    view.wait_until_shown()
    assert view.match_text() == "zeppelin"
    span = view._match_span
    assert span is not None
    qtbot.waitUntil(lambda: view.is_placed_span_visible(span))
    assert view.verticalScrollBar().value() > 0  # it is far down: the view moved
    # pressing J goes on to the claims: the claim's highlight replaces the match marks
    top = view.cursorForPosition(QPoint(0, 0)).position()
    qtbot.keyClick(win.lib_view, "j")
    assert view.current_selection_text() and view.current_selection_text() != "zeppelin"
    # ... from where the reader is, not from the top of the article: the first claim
    # that reaches into the view, whose predecessor ended above it
    n = win.current_claim
    assert n is not None and n > 0
    assert view.claim_span(n)[1] > top >= view.claim_span(n - 1)[1]


def test_snippets_escape_the_article_text(qapp: object) -> None:
    hit = SearchHit(1, "A <b> title", None, f"if a < b & {OPEN}zeppelin\x03 [1] <i>x</i>")
    html = hit_html(hit, QColor("#ffe080"), QColor("#000000"))
    assert html.startswith("<b>A &lt;b&gt; title</b><br>")
    mark = "<b style='background-color: #ffe080; color: #000000'>zeppelin</b>"
    assert f"if a &lt; b &amp; {mark} [1]" in html
    assert "&lt;i&gt;x&lt;/i&gt;" in html


def test_the_result_list_paints_the_match_colour(qtbot: QtBot, tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    with Library(db) as lib:
        add_article(lib, variant(2, "zeppelin"))
    win = open_window(qtbot, db, tmp_path / "s.ini")
    win.start_search()
    panel = win.search_panel
    panel.box.setText("zeppelin")
    panel.run_search()
    panel.results.clearSelection()
    panel.results.setCurrentRow(-1)
    html = panel.results.item(0).data(HTML_ROLE)
    mark = QColor(html.split("background-color: ")[1][:7])
    image = panel.results.viewport().grab().toImage()
    colours = {
        image.pixelColor(x, y).name()
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
    }
    assert mark.name() in colours


def test_results_follow_a_delete_and_its_undo(qtbot: QtBot, tmp_path: Path) -> None:
    """A result never names an article that is gone: deleting one re-runs the search
    on screen, and undoing the delete brings its result back."""
    db = tmp_path / "lib.db"
    with Library(db) as lib:
        keep = add_article(lib, variant(1, "zeppelin"))
        gone = add_article(lib, variant(2, "zeppelin"))
    win = open_window(qtbot, db, tmp_path / "s.ini")
    panel = win.search_panel
    win.start_search()
    panel.box.setText("zeppelin")
    panel.run_search()
    ids = {panel.results.item(i).data(Qt.ItemDataRole.UserRole) for i in range(2)}
    assert ids == {keep, gone}
    win.deletions.delete([gone], "the article")
    assert panel.results.count() == 1
    assert panel.results.item(0).data(Qt.ItemDataRole.UserRole) == keep
    win.deletions.undo()
    assert panel.results.count() == 2


def test_a_repeated_word_is_searched_once(tmp_path: Path) -> None:
    """'the' typed 400 times took 32 s (each copy another pass of the index): the
    query keeps each word once, and at most MAX_QUERY_TERMS words."""
    with Library(tmp_path / "lib.db") as lib:
        for n in range(20):
            add_article(lib, variant(n, "the " * 50))
        t = time.perf_counter()
        hits = lib.search("the " * 400)
        assert time.perf_counter() - t < 5
        assert len(hits) == 20
        many = " ".join(f"w{i}" for i in range(100))
        assert _fts_query(many).count('"') == 2 * MAX_QUERY_TERMS
        assert _fts_query("The the THE harbour") == '"The" "harbour"'


def test_typing_searches_off_the_gui_thread(qtbot: QtBot, tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    with Library(db) as lib:
        add_article(lib, variant(1, "quokka"))
        wanted = add_article(lib, variant(2, "zeppelin"))
    win = open_window(qtbot, db, tmp_path / "s.ini")
    win.start_search()
    panel = win.search_panel
    threads: list[object] = []
    real = Library.search

    def spy(self: Library, *args: object, **kwargs: object) -> list[SearchHit]:
        threads.append(threading.current_thread())
        return real(self, *args, **kwargs)  # type: ignore[arg-type]

    Library.search = spy  # type: ignore[method-assign]
    try:
        qtbot.keyClicks(panel.box, "zeppelin")
        qtbot.waitUntil(lambda: panel.results.count() == 1)
    finally:
        Library.search = real  # type: ignore[method-assign]
    assert threads and all(t is not threading.main_thread() for t in threads)
    assert panel.results.item(0).data(Qt.ItemDataRole.UserRole) == wanted
    assert panel.status.text() == "1 result"


def test_typing_on_supersedes_the_running_search(qtbot: QtBot, tmp_path: Path) -> None:
    """Only the newest search's results are shown: an older one is cancelled, and if
    it ends anyway its results are dropped."""
    db = tmp_path / "lib.db"
    with Library(db) as lib:
        add_article(lib, variant(1, "quokka"))
        wanted = add_article(lib, variant(2, "zeppelin"))
    win = open_window(qtbot, db, tmp_path / "s.ini")
    win.start_search()
    panel = win.search_panel
    panel.box.setText("quokka")
    panel.search_in_background()
    old = next(iter(panel._jobs))
    panel.box.setText("zeppelin")
    panel.search_in_background()
    assert old.cancelled  # interrupted, or never started
    qtbot.waitUntil(lambda: not panel._jobs)
    assert panel.results.count() == 1
    assert panel.results.item(0).data(Qt.ItemDataRole.UserRole) == wanted
    # a late answer to an older search changes nothing
    stale = SearchJob(db, "quokka", generation=0)
    stale.run()
    panel._search_done(stale)
    assert panel.results.item(0).data(Qt.ItemDataRole.UserRole) == wanted


def test_a_cancelled_search_runs_no_query(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.db") as lib:
        add_article(lib, variant(1, "zeppelin"))
    job = SearchJob(tmp_path / "lib.db", "zeppelin", generation=1)
    job.cancel()
    job.run()
    assert job.hits is None


#: The words of the long article a note test highlights (far down: not on screen).
NOTED = "Paragraph 77 says the harbour water"


def _noted_library(db: Path) -> tuple[int, int, int, str]:
    """Two articles; the long one has a highlight with a note and a tag, and a claim
    with a note. Returns (other, wanted, highlight id, claim key)."""
    with Library(db) as lib:
        other = add_article(lib, variant(1, "quokka"))
        wanted = add_article(lib, _long_article("heron"))
        text = lib.article_text(wanted) or ""
        s = text.index(NOTED)
        mark = lib.add_highlight(wanted, selector_for(text, s, s + len(NOTED)),
                                 note="ask the zebrafish people", tags=["to-verify"])  # fmt: skip
        claim = lib.claims(article_id=wanted)[-3]
        lib.set_note(wanted, claim.claim_key, "the sturgeon count was lower")
    return other, wanted, mark.id, claim.claim_key


def test_a_note_result_shows_the_tags_as_tags(qtbot: QtBot, tmp_path: Path) -> None:
    """The result shows the note's words, then the tags as #tags (the library indexes
    them as one text); a tag's word found marks the tag."""
    _noted_library(tmp_path / "lib.db")
    win = open_window(qtbot, tmp_path / "lib.db", tmp_path / "s.ini")
    qtbot.keyClick(win.lib_view, "/")
    panel = win.search_panel
    qtbot.keyClicks(panel.box, "zebrafish")
    qtbot.waitUntil(lambda: panel.results.count() == 1)
    item = panel.results.item(0)
    assert item.text().splitlines()[1] == "highlight note: ask the zebrafish people · #to-verify"
    assert "'>zebrafish</b> people · #to-verify" in item.data(HTML_ROLE)
    panel.box.setText("verify")
    panel.run_search()
    assert panel.results.item(0).text().endswith("ask the zebrafish people · #to-verify")
    assert "#to-verify</b>" in panel.results.item(0).data(HTML_ROLE)


def test_a_match_in_a_note_opens_at_its_mark_or_claim(qtbot: QtBot, tmp_path: Path) -> None:
    """A search found in a highlight's note (or a claim's) opens the article at that
    highlight, selected and in view (or at that claim), not at the top."""
    other, wanted, mark_id, claim_key = _noted_library(tmp_path / "lib.db")
    win = open_window(qtbot, tmp_path / "lib.db", tmp_path / "s.ini")
    win.open_article(other)
    qtbot.keyClick(win.lib_view, "/")
    panel = win.search_panel
    qtbot.keyClicks(panel.box, "zebrafish")
    qtbot.waitUntil(lambda: panel.results.count() == 1)
    qtbot.keyClick(panel.box, Qt.Key.Key_Return)
    view = win.view
    assert win.stored is not None and win.stored.id == wanted
    view.wait_until_shown()
    assert view.textCursor().selectedText() == NOTED
    span = view.mark_layer.span_of(mark_id)
    assert span is not None
    qtbot.waitUntil(lambda: view.is_placed_span_visible(span))
    assert view.verticalScrollBar().value() > 0
    # a claim's note: its claim is selected
    win.open_article(other)
    qtbot.keyClick(win.lib_view, "/")
    panel.box.setText("sturgeon")
    panel.run_search()
    assert panel.results.item(0).text().splitlines()[1].startswith("claim note: the sturgeon")
    qtbot.keyClick(panel.box, Qt.Key.Key_Return)
    assert win.stored.id == wanted
    assert win.current_claim is not None
    assert win.stored.claims[win.current_claim].claim_key == claim_key


def test_note_snippets_keep_the_note_apart_from_the_tags(qapp: object) -> None:
    """FTS5's window over a note and its tags (one indexed text), cut where the tags
    begin: from the start, from the middle, ending in the note, only tags."""
    from reader.gui.search import CLOSE, shown_snippet
    from reader.store.library import NoteHit

    def shown(snippet: str, note: str | None, tags: tuple[str, ...]) -> str:
        hit = NoteHit(1, "T", None, "highlight note: " + snippet, "highlight", "7", note, tags)
        return shown_snippet(hit).replace(OPEN, "[").replace(CLOSE, "]")

    tags = ("to-verify", "fish")
    assert shown(f"ask {OPEN}the{CLOSE} people to-verify fish", "ask the people", tags) == (
        "highlight note: ask [the] people · #to-verify #fish"
    )
    assert shown(f"…four five {OPEN}six{CLOSE} to-verify fish", "one two three four five six",
                 tags) == "highlight note: …four five [six] · #to-verify #fish"  # fmt: skip
    assert shown(f"one {OPEN}two{CLOSE} three…", "one two three four five six", tags) == (
        "highlight note: one [two] three… · #to-verify #fish"
    )
    assert shown(f"people to-{OPEN}verify{CLOSE} fish", "ask the people", tags) == (
        "highlight note: people · [#to-verify] #fish"
    )
    assert shown(f"{OPEN}fish{CLOSE}", None, ("fish",)) == "highlight note: [#fish]"
