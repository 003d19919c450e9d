"""The trace in the window, as a reader uses it: claims reported elsewhere are marked,
the detail pane says who else reports a claim and who had it first, T goes to the next
appearance and Shift+T comes back, O opens the page an attribution links to (or
imports it). Articles are fictional, written for this test."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reader.gui.claims_panel import ElsewhereRole
from reader.gui.window import MainWindow
from reader.library_ops import import_source
from reader.store import Library
from tests.helpers import local_server
from tests.test_gui_support import open_window

SHIFT = Qt.KeyboardModifier.ShiftModifier

WIRE = """---
title: Veloria to return helicopter engines
publisher: Northgate Daily
date: 2025-03-02
url: https://northgate.example/world/engines-1
---

Veloria will return 150 helicopter engines to Kordavia, the Velorian defence ministry said on Sunday.

The engines were sent to Veloria for repair in 2021 and were never shipped back.

The harbour authority said the new ferry terminal would open in June.
"""

REWRITE = """---
title: Engines go back to Kordavia
publisher: Harbor Post
date: 2025-03-03
url: https://harborpost.example/engines
---

Veloria will return 150 helicopter engines to Kordavia, [Northgate Daily reported](https://northgate.example/world/engines-1) on Sunday.

Local officials said the airfield would stay closed until April.
"""

OTHER = """---
title: Flood wall finished
publisher: Valley Times
date: 2025-03-04
url: https://valleytimes.example/floodwall
---

The river authority said the flood wall was finished two weeks early, [the council reported]({base}/council).

Residents said they were relieved.
"""

COUNCIL = b"""<html><head><title>Council report</title></head><body><article>
<h1>Council report on the flood wall</h1>
<p>The council said the flood wall was finished two weeks early, according to the river authority.</p>
<p>The council said the work cost less than planned.</p>
</article></body></html>"""


def _library(tmp_path: Path, base: str = "http://127.0.0.1:9") -> dict[str, int]:
    ids: dict[str, int] = {}
    with Library(tmp_path / "lib.db") as lib:
        for name, text in (("wire", WIRE), ("rewrite", REWRITE), ("other", OTHER)):
            path = tmp_path / f"{name}.md"
            path.write_text(text.replace("{base}", base), encoding="utf-8")
            ids[name] = import_source(lib, str(path)).article_id
    return ids


def _claim_index(win: MainWindow, words: str) -> int:
    assert win.stored is not None
    return next(i for i, sc in enumerate(win.stored.claims) if words in sc.claim.text)


def test_claims_reported_elsewhere_are_marked_and_explained(qtbot: QtBot, tmp_path: Path) -> None:
    ids = _library(tmp_path)
    win = open_window(qtbot, tmp_path / "lib.db", tmp_path / "s.ini", start=False)
    win.open_article(ids["wire"])
    engines = _claim_index(win, "150 helicopter engines")
    ferry = _claim_index(win, "ferry terminal")
    model = win.claims_panel.model
    assert model.index(engines).data(ElsewhereRole) >= 1
    assert not model.index(ferry).data(ElsewhereRole)
    assert "reported elsewhere" in model.index(engines).data(Qt.ItemDataRole.AccessibleTextRole)
    win.select_claim(engines)
    pane = win.claims_panel.detail.plain_text()
    assert "Also reported by" in pane
    assert "Harbor Post" in pane and "First: Northgate Daily, 2025-03-02, this article" in pane
    assert f"appearance:{ids['rewrite']}:" in " ".join(win.claims_panel.detail.link_targets())
    win.select_claim(ferry)
    assert "No other article in the library reports it" in win.claims_panel.detail.plain_text()


def test_t_goes_to_the_next_appearance_and_shift_t_comes_back(qtbot: QtBot, tmp_path: Path) -> None:
    ids = _library(tmp_path)
    win = open_window(qtbot, tmp_path / "lib.db", tmp_path / "s.ini", start=False)
    with Library(tmp_path / "lib.db") as lib:  # the wire story came from a feed
        feed, _ = lib.add_feed("http://127.0.0.1:9/wire", "Wire")
        lib.record_entry(feed.id, ["id:1"], ids["wire"])
    win.reading.rebuild()
    win.feeds_view.choose(f"feed:{feed.id}")
    win.open_article(ids["wire"])
    engines = _claim_index(win, "150 helicopter engines")
    win.select_claim(engines)
    qtbot.keyClick(win.view, "t")
    assert win.stored is not None and win.stored.id == ids["rewrite"]
    assert win.reading.source.key == "all"  # the other article is not in that feed
    assert win.current_claim is not None
    assert "150 helicopter engines" in win.stored.claims[win.current_claim].claim.text
    qtbot.keyClick(win.view, "T", SHIFT)
    assert win.stored.id == ids["wire"] and win.current_claim == engines
    assert win.reading.source.key == f"feed:{feed.id}"  # back in the list it was in
    # a claim nobody else reports: said, and nothing moves
    win.select_claim(_claim_index(win, "ferry terminal"))
    qtbot.keyClick(win.view, "t")
    assert win.stored.id == ids["wire"]
    assert "No other article" in win.statusBar().currentMessage()


def test_o_opens_the_cited_article_at_the_claim(qtbot: QtBot, tmp_path: Path) -> None:
    ids = _library(tmp_path)
    win = open_window(qtbot, tmp_path / "lib.db", tmp_path / "s.ini", start=False)
    win.open_article(ids["rewrite"])
    engines = _claim_index(win, "150 helicopter engines")
    win.select_claim(engines)
    assert "Open the cited article" in win.claims_panel.detail.plain_text()
    qtbot.keyClick(win.view, "o")
    assert win.stored is not None and win.stored.id == ids["wire"]
    assert win.current_claim == _claim_index(win, "150 helicopter engines")
    # a claim whose attribution links nowhere
    win.select_claim(_claim_index(win, "ferry terminal"))
    qtbot.keyClick(win.view, "o")
    assert win.statusBar().currentMessage() == "This claim's attribution links to no page"


def test_o_imports_a_cited_page_the_library_lacks(qtbot: QtBot, tmp_path: Path) -> None:
    routes = {"/council": (200, {"Content-Type": "text/html"}, COUNCIL)}
    with local_server(routes) as (base, requested):
        ids = _library(tmp_path, base)
        win = open_window(qtbot, tmp_path / "lib.db", tmp_path / "s.ini", start=False)
        win.open_article(ids["other"])
        win.select_claim(_claim_index(win, "flood wall"))
        assert "Import the cited page" in win.claims_panel.detail.plain_text()
        qtbot.keyClick(win.view, "o")
        qtbot.waitUntil(lambda: win.imports.last_outcome is not None, timeout=20000)
    assert requested == ["/council"]
    with Library(tmp_path / "lib.db") as lib:
        assert lib.count_articles() == 4
        new = max(lib.article_ids())
        assert lib.is_traced(new)  # linked on the way in


def test_a_library_from_before_the_trace_is_linked_in_the_background(
    qtbot: QtBot, tmp_path: Path
) -> None:
    ids = _library(tmp_path)
    with Library(tmp_path / "lib.db") as lib:  # as m011 leaves an upgraded library
        lib.db.execute("update articles set trace_version = null")
        lib.db.conn.commit()
    win = open_window(
        qtbot, tmp_path / "lib.db", tmp_path / "s.ini", start=False, link_pending=True
    )
    job = win.tracing.pending_job
    assert job is not None and win.tracing.pending_label.isVisible()
    qtbot.waitUntil(lambda: win.tracing.pending_job is None, timeout=20000)
    assert not win.tracing.pending_label.isVisible()
    assert win.library.untraced_count() == 0
    win.open_article(ids["wire"])
    win.select_claim(_claim_index(win, "150 helicopter engines"))
    assert "Harbor Post" in win.claims_panel.detail.plain_text()
