"""The window shows issue 8's keys: an uncertain source, the status evidence (in the
claims panel and tinted in the article), conflicting claims one click away, and the
wire beside the publisher; readable on light and dark palettes."""

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
    assert "evidence: “… unable to independently verify …”" in model.index(0, 0).data()
    assert "conflicts with claim 4" in model.index(2, 0).data()
    tip = model.index(3, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "Source uncertain:" in tip
    assert "Why disputed: “… denied that fees had risen before …”" in tip
    assert "Conflicts with claim 3" in tip


def test_the_current_claims_evidence_is_shown_and_tinted(qtbot: QtBot, win: MainWindow) -> None:
    box = win.claims_panel.evidence
    assert not box.isVisible()  # no claim yet
    qtbot.keyClick(win.lib_view, "j")
    assert win.current_claim == 0
    assert box.isVisible()
    assert box.label.text() == "Why unconfirmed: “… unable to independently verify …”"
    assert not box.conflicts.isVisible()
    assert win.view.evidence_spans() == ["unable to independently verify"]
    sels = win.view.extraSelections()  # held: PySide frees a temporary's format
    tint = sels[1].format.background().color()
    assert tint == evidence_fill(win.view.palette(), "unconfirmed")

    qtbot.keyClick(win.lib_view, "j")  # reported, uncertain source
    assert box.label.text().splitlines() == [
        "Reported: the article neither confirms nor doubts it.",
        "Source uncertain: She → Ann Keller (person); the engine found this source at a "
        "distance or is unsure of it.",
    ]
    assert win.view.evidence_spans() == []
    assert "Ann Keller (uncertain)" in win.statusBar().currentMessage()


def test_a_conflicting_claim_is_one_click_away(qtbot: QtBot, win: MainWindow) -> None:
    win.select_claim(2)
    box = win.claims_panel.evidence
    shown = [b for b in box.buttons if b.isVisible()]
    assert [b.text() for b in shown] == ["Claim 4"]
    assert "A council member, however" in shown[0].toolTip()
    assert win.view.evidence_spans() == [
        "A council member, however, said they rose twice last year."
    ]
    qtbot.mouseClick(shown[0], Qt.MouseButton.LeftButton)
    assert win.current_claim == 3
    assert win.claims_panel.view.currentIndex().row() == 3
    assert " ".join(win.view.current_selection_text().split()) == (
        "A council member, however, said they rose twice last year."
    )
    assert [b.text() for b in box.buttons if b.isVisible()] == ["Claim 3"]
    # two spans; the second ([0, 3]) is the first word of the body
    assert win.view.evidence_spans() == ["denied that fees had risen before", "The"]
    assert box.label.text().splitlines()[:2] == [
        "Why disputed: “… denied that fees had risen before …”",
        "Why disputed: “The …”",
    ]


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
