"""The window shows issue 8's keys: an uncertain source, the status evidence (in the
claim's detail pane and tinted in the article), conflicting claims one click away, and
the wire beside the publisher; readable on light and dark palettes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from pytestqt.qtbot import QtBot

from reader.gui.claims_panel import ClaimsPanel, SourceRole
from reader.gui.rendering import HtmlCache
from reader.gui.style import (
    UNCERTAIN_COLORS,
    contrast_ratio,
    dark_palette,
    evidence_fill,
    uncertain_color,
)
from reader.gui.window import MainWindow
from reader.model import Article
from reader.store import Library, StoredClaim
from tests.test_gui_support import open_window
from tests.test_store_evidence import hand_made


@pytest.fixture
def win(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    db = tmp_path / "lib.db"
    with Library(db) as lib:
        lib.add(*hand_made())
    yield open_window(qtbot, db, tmp_path / "s.ini", size=(1100, 700))


def _stored_claims(tmp_path: Path) -> tuple[list[StoredClaim], str]:
    with Library(tmp_path / "panel.db") as lib:
        stored = lib.get(lib.add(*hand_made()).article_id)
    assert stored is not None
    return stored.claims, stored.article.text


def test_rows_say_when_a_source_is_uncertain_and_why_a_status_holds(win: MainWindow) -> None:
    model = win.claims_panel.model
    assert model.index(1, 0).data(SourceRole) == "She → Ann Keller (person)"
    assert model.index(0, 0).data(SourceRole) == "Someone (person)"  # certain: no arrow
    spoken = model.index(1, 0).data()
    assert "source She → Ann Keller (person) (uncertain)" in spoken
    assert "Why unconfirmed: “… unable to independently verify …”" in model.index(0, 0).data()
    assert "Conflicts with claim 4" in model.index(2, 0).data()
    tip = model.index(3, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "Source uncertain:" in tip
    assert "Why disputed: “… denied that fees had risen before …”" in tip
    assert "Conflicts with claim 3" in tip


def test_the_current_claims_evidence_is_shown_and_tinted(qtbot: QtBot, win: MainWindow) -> None:
    detail = win.claims_panel.detail
    assert detail.isVisible()  # shown before any claim, so choosing one moves nothing
    assert "No claim chosen" in detail.plain_text()
    qtbot.keyClick(win.lib_view, "j")
    assert win.current_claim == 0
    assert "Why unconfirmed: “… unable to independently verify …”" in detail.plain_text()
    assert not [t for t in detail.link_targets() if t.startswith("claim:")]
    assert win.view.evidence_spans() == ["unable to independently verify"]
    sels = win.view.extraSelections()  # held: PySide frees a temporary's format
    tint = sels[-1].format.background().color()
    assert tint == evidence_fill(win.view.palette(), "unconfirmed")

    qtbot.keyClick(win.lib_view, "j")  # reported, uncertain source
    text = detail.plain_text()
    assert "Reported: the article neither confirms nor doubts it." in text
    assert "As written: “She”" in text
    assert "Resolved: Ann Keller ? uncertain" in text
    assert win.view.evidence_spans() == []
    assert "Ann Keller (uncertain)" in win.statusBar().currentMessage()


def test_a_conflicting_claim_is_one_click_away(qtbot: QtBot, win: MainWindow) -> None:
    win.select_claim(2)
    detail = win.claims_panel.detail
    assert [t for t in detail.link_targets() if t.startswith("claim:")] == ["claim:3"]
    assert "Conflicts with claim 4 disputed “A council member, however" in detail.plain_text()
    assert win.view.evidence_spans() == [
        "A council member, however, said they rose twice last year."
    ]
    point = detail.link_point("claim:3")
    assert point is not None
    qtbot.mouseClick(detail.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert win.current_claim == 3
    assert win.claims_panel.view.currentIndex().row() == 3
    assert " ".join(win.view.current_selection_text().split()) == (
        "A council member, however, said they rose twice last year."
    )
    assert [t for t in detail.link_targets() if t.startswith("claim:")] == ["claim:2"]
    # two spans; the second ([0, 3]) is the first word of the body
    assert win.view.evidence_spans() == ["denied that fees had risen before", "The"]
    assert (
        "Why disputed: “… denied that fees had risen before …”\nWhy disputed: “The …”"
        in detail.plain_text()
    )


def test_the_publisher_line_names_the_wire(win: MainWindow) -> None:
    doc = win.view.document().toPlainText()
    assert "The Courier via Associated Press" in doc.splitlines()[1]
    a, b = Article(text="x"), Article(text="x", wire="Reuters")
    assert HtmlCache.key(1, a) != HtmlCache.key(1, b)  # a new wire is a new rendering


@pytest.mark.parametrize("dark", [False, True])
def test_the_uncertain_tag_is_painted_in_the_palettes_colour(
    qtbot: QtBot, tmp_path: Path, dark: bool
) -> None:
    claims, text = _stored_claims(tmp_path)
    panel = ClaimsPanel()
    qtbot.addWidget(panel)
    if dark:
        panel.setPalette(dark_palette())
    panel.resize(420, 520)
    panel.set_claims(claims, text)
    panel.show()
    qtbot.waitExposed(panel)
    pal = panel.view.palette()
    want = uncertain_color(pal)
    assert want == QColor(UNCERTAIN_COLORS["dark" if dark else "light"])
    assert contrast_ratio(want, pal.color(QPalette.ColorRole.Base)) >= 4.5
    img = panel.view.viewport().grab().toImage()
    pixels = {img.pixelColor(x, y).rgb() for x in range(img.width()) for y in range(img.height())}
    assert want.rgb() in pixels  # rows 1 and 3 carry the tag
    other = QColor(UNCERTAIN_COLORS["light" if dark else "dark"])
    assert other.rgb() not in pixels
