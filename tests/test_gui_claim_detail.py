"""A claim you can read and check: cards that wrap, the detail pane (D), the source and
evidence marked in the article, the jump to the evidence and back (V), and Help →
Statuses and Chains (Shift+S) with the same legend in the ? sheet."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPalette, QTextCharFormat
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from reader.describe import STATUS_MEANINGS
from reader.gui.claims_panel import TEXT_LINES, ClaimDelegate, ClaimsPanel, wrap_lines
from reader.gui.dialogs import HelpSheet
from reader.gui.legend import Legend, StatusesDialog, badge_pixmap
from reader.gui.style import (
    contrast_ratio,
    dark_palette,
    evidence_fill,
    evidence_mark,
    highlight_fill,
    source_mark,
    status_color,
)
from reader.gui.window import MainWindow
from reader.ingest import RawInput
from reader.model import Article, Claim, Status
from reader.store import Library, StoredClaim
from tests.test_gui_support import open_window
from tests.test_store_evidence import hand_made

LONG = (
    "The Harbor Ledger reported on Monday that mooring fees at the old northern quay would "
    "rise by twelve per cent in June, the third rise in as many years, and that fishermen "
    "who moor there all winter would pay the most of anyone in the harbour by far."
)


def _far_evidence() -> tuple[RawInput, Article]:
    """A claim at the top whose evidence is forty paragraphs below it, and one with
    none; the first claim's source is written "The Ledger" and resolves further."""
    filler = "\n\n".join(
        f"Paragraph {i} says nothing about fees, only about boats and weather and tides."
        for i in range(40)
    )
    note = "The Courier could not independently verify the report."
    text = f"{LONG}\n\n{filler}\n\nOfficials said so on Tuesday.\n\n{note}"
    ev = text.index("could not independently verify")
    src = text.index("The Harbor Ledger")
    plain = text.index("Officials said so on Tuesday.")
    claims = [
        Claim(
            LONG, 0, len(LONG), "The Harbor Ledger", [src, src + 17], "outlet",
            "The Harbor Ledger", "reported", "unconfirmed", ["The Courier", "The Harbor Ledger"],
            evidence=[[ev, ev + len("could not independently verify")]],
        ),
        Claim(
            "Officials said so on Tuesday.", plain, plain + 29, "officials", [plain, plain + 9],
            "official", "The Courier", "said", "reported", ["The Courier", "officials"],
        ),
    ]  # fmt: skip
    article = Article(
        title="Fees", publisher="The Courier", text=text, markdown=text, claims=claims
    )
    raw = RawInput("far.txt", "text", text, text.encode(), None)
    return raw, article


@pytest.fixture
def win(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    db = tmp_path / "lib.db"
    with Library(db) as lib:
        lib.add(*hand_made())
    yield open_window(qtbot, db, tmp_path / "s.ini", size=(1180, 760))


@pytest.fixture
def far(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    db = tmp_path / "far.db"
    with Library(db) as lib:
        lib.add(*_far_evidence())
    yield open_window(qtbot, db, tmp_path / "f.ini", size=(1000, 520))


# --- cards --------------------------------------------------------------------------


def test_a_long_claim_wraps_to_three_lines_then_elides(qapp: object) -> None:
    font = QFont()
    fm = QFontMetrics(font)
    widths = [200, 300, 300]
    lines = wrap_lines(LONG, font, widths)
    assert len(lines) == 3
    assert lines[-1].endswith("…")
    for line, width in zip(lines, widths, strict=True):
        assert fm.horizontalAdvance(line) <= width
    shown = " ".join(lines)[:-1].rstrip()
    assert LONG.startswith(shown)  # nothing skipped, words in order
    assert len(shown.split()) > 20  # far more than the old one line of opening words
    assert wrap_lines("Fees rose.", font, widths) == ["Fees rose."]  # short: one line, no …


def _stored(tmp_path: Path, article: tuple[RawInput, Article]) -> tuple[list[StoredClaim], str]:
    with Library(tmp_path / "panel.db") as lib:
        stored = lib.get(lib.add(*article).article_id)
    assert stored is not None
    return stored.claims, stored.article.text


@pytest.mark.parametrize("width", [390, 680])
def test_cards_are_one_height_from_the_font_and_read_without_hovering(
    qtbot: QtBot, tmp_path: Path, width: int
) -> None:
    claims, text = _stored(tmp_path, _far_evidence())
    panel = ClaimsPanel()
    qtbot.addWidget(panel)
    panel.resize(width, 700)
    panel.set_claims(claims, text)
    panel.show()
    qtbot.waitExposed(panel)
    view = panel.view
    assert view.uniformItemSizes()
    heights = {view.visualRect(panel.proxy.index(r, 0)).height() for r in range(2)}
    font = view.font()
    line = QFontMetrics(font).height()
    assert len(heights) == 1
    assert heights.pop() >= TEXT_LINES * line + 2 * line  # three text lines and two meta
    # what the first card draws: its claim over three lines at this width
    inner = view.viewport().width() - 2 * ClaimDelegate.PAD
    lines = wrap_lines(LONG, font, [inner - 90, inner, inner])
    assert len(lines) == TEXT_LINES
    words = len(" ".join(lines).split())
    assert words >= (14 if width == 390 else 30)


# --- the detail pane ----------------------------------------------------------------


def test_the_detail_pane_shows_the_claim_in_full(qtbot: QtBot, win: MainWindow) -> None:
    detail = win.claims_panel.detail
    win.select_claim(1)  # reported, source "She" resolved to Ann Keller, uncertain
    text = detail.plain_text()
    assert "She added that it would be the last." in text
    assert "Claim 2 of 4" in text
    assert "As written: “She”" in text
    assert "Resolved: Ann Keller ? uncertain" in text
    assert "Type: person" in text
    assert "Outlet: The Courier" in text
    assert "The Courier ← Someone" in text
    assert "publisher: The Courier — ran the article" in text
    assert "source: Someone — where the information comes from" in text
    assert "Reported: the article neither confirms nor doubts it." in text
    assert "Your verdict\nNone yet." in text

    qtbot.keyClick(win.lib_view, "2")  # false
    win.save_note("Keller said the opposite in March.")
    qtbot.keyClick(win.lib_view, "3")  # misleading
    text = detail.plain_text()
    assert "≈ misleading\nNote: Keller said the opposite in March." in text
    history = text.split("History, oldest first:")[1].splitlines()
    # each line: when (local, human: "today, 06:54 UTC"), then what was given
    assert all(re.match(r"(today|yesterday), \d\d:\d\d", h) for h in history[1:4]), history
    assert [re.sub(r"^(today|yesterday), \d\d:\d\d( \S+)? ", "", h) for h in history[1:4]] == [
        "✗ false",
        "✗ false Keller said the opposite in March.",
        "≈ misleading Keller said the opposite in March.",
    ]


def test_article_words_are_never_markup(qtbot: QtBot, tmp_path: Path) -> None:
    raw, article = _far_evidence()
    c = article.claims[1]
    c.source = '<a href="claim:0">Mallory</a> & <b>co</b>'
    db = tmp_path / "m.db"
    with Library(db) as lib:
        lib.add(raw, article)
    w = open_window(qtbot, db, tmp_path / "m.ini", size=(1000, 600))
    w.select_claim(1)
    detail = w.claims_panel.detail
    assert 'Resolved: <a href="claim:0">Mallory</a> & <b>co</b>' in detail.plain_text()
    assert "claim:0" not in detail.link_targets()


def test_stepping_through_claims_does_not_move_the_list(qtbot: QtBot, win: MainWindow) -> None:
    panel = win.claims_panel
    win.save_note("x " * 400)  # no claim: nothing saved
    win.select_claim(0)
    win.save_note("A very long note. " * 60)  # the pane must scroll for this one
    list_geometry = panel.view.geometry()
    detail_geometry = panel.detail.geometry()
    for _ in range(3):
        qtbot.keyClick(win.lib_view, "j")
        assert panel.view.geometry() == list_geometry
        assert panel.detail.geometry() == detail_geometry
    win.select_claim(0)
    assert panel.detail.verticalScrollBar().maximum() > 0  # long: it scrolls
    assert panel.detail.verticalScrollBar().value() == 0  # from its top


def test_d_hides_and_shows_the_pane_and_is_remembered(
    qtbot: QtBot, tmp_path: Path, win: MainWindow
) -> None:
    panel = win.claims_panel
    win.select_claim(0)
    list_height = panel.view.height()
    qtbot.keyClick(win.lib_view, "d")
    assert not panel.detail.isVisible()
    qtbot.waitUntil(lambda: panel.view.height() > list_height)  # the list takes the room
    assert not win.actions_by_name["toggle_details"].isChecked()
    assert win.prefs.claim_details is False
    qtbot.keyClick(win.lib_view, "j")  # stepping while hidden
    win.close()
    again = open_window(qtbot, win.db_path, tmp_path / "s.ini", size=(1180, 760))
    assert not again.claims_panel.detail.isVisible()
    qtbot.keyClick(again.lib_view, "j")
    qtbot.keyClick(again.lib_view, "d")
    assert again.claims_panel.detail.isVisible()
    assert "Claim 1 of 4" in again.claims_panel.detail.plain_text()  # filled when shown
    stored = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    assert stored.value("claims/details_visible") in (True, "true")
    assert stored.contains("claims/split")  # the list/detail heights, saved on close


def test_the_split_between_list_and_details_is_restored(
    qtbot: QtBot, tmp_path: Path, win: MainWindow
) -> None:
    split = win.claims_panel.split
    total = sum(split.sizes())
    split.setSizes([total - 150, 150])
    win.close()
    again = open_window(qtbot, win.db_path, tmp_path / "s.ini", size=(1180, 760))
    qtbot.waitUntil(lambda: again.claims_panel.detail.height() > 0)
    assert abs(again.claims_panel.split.sizes()[1] - 150) <= 2


# --- the article's marks and the jump -------------------------------------------------


def _formats(w: MainWindow) -> list[QTextCharFormat]:
    return [QTextCharFormat(s.format) for s in w.view.extraSelections()]


def test_source_and_evidence_have_their_own_marks(far: MainWindow) -> None:
    far.select_claim(0)
    view = far.view
    assert view.mark_texts("source") == ["The Harbor Ledger"]
    assert view.evidence_spans() == ["could not independently verify"]
    claim_fmt, source_fmt, evidence_fmt = _formats(far)
    pal = view.palette()
    assert claim_fmt.background().color() == highlight_fill(pal)
    assert source_fmt.foreground().color() == source_mark(pal)
    assert source_fmt.underlineStyle() == QTextCharFormat.UnderlineStyle.SingleUnderline
    assert source_fmt.underlineColor() == source_mark(pal)
    assert evidence_fmt.background().color() == evidence_fill(pal, "unconfirmed")
    assert evidence_fmt.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
    assert evidence_fmt.underlineColor() == evidence_mark(pal)
    colours = {
        highlight_fill(pal).rgb(), source_mark(pal).rgb(), evidence_mark(pal).rgb(),
        evidence_fill(pal, "unconfirmed").rgb(),
    }  # fmt: skip
    assert len(colours) == 4


@pytest.mark.parametrize("palette", ["light", "dark"])
def test_the_marks_read_on_light_and_dark(qapp: object, palette: str) -> None:
    pal = dark_palette() if palette == "dark" else QPalette(QColor("#ffffff"))
    if palette == "light":
        pal.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
        pal.setColor(QPalette.ColorRole.Highlight, QColor("#308cc6"))
    base = pal.color(QPalette.ColorRole.Base)
    tint = highlight_fill(pal)
    a = tint.alphaF()
    under_claim = QColor.fromRgbF(
        base.redF() * (1 - a) + tint.redF() * a,
        base.greenF() * (1 - a) + tint.greenF() * a,
        base.blueF() * (1 - a) + tint.blueF() * a,
    )
    # the source's words are coloured: readable on the page and inside the claim highlight
    assert contrast_ratio(source_mark(pal), base) >= 4.5
    assert contrast_ratio(source_mark(pal), under_claim) >= 4.5
    assert contrast_ratio(evidence_mark(pal), base) >= 3  # a line, not text
    assert source_mark(pal) != evidence_mark(pal)
    other = dark_palette() if palette == "light" else QPalette(QColor("#ffffff"))
    assert source_mark(other) != source_mark(pal)  # each palette has its own


def test_v_jumps_to_evidence_off_screen_and_back(qtbot: QtBot, far: MainWindow) -> None:
    view = far.view
    qtbot.keyClick(far.lib_view, "j")
    [evidence] = view.marks("evidence")
    [claim] = view.marks("claim")
    assert view.is_placed_span_visible(claim)
    assert not view.is_placed_span_visible(evidence)  # forty paragraphs below
    qtbot.keyClick(far.lib_view, "v")
    assert view.jumped == 0
    assert view.is_placed_span_visible(evidence)
    assert not view.is_placed_span_visible(claim)
    assert "Evidence" in far.statusBar().currentMessage()
    qtbot.keyClick(far.lib_view, "v")  # again: back to the claim
    assert view.jumped is None
    assert view.is_placed_span_visible(claim)
    assert far.statusBar().currentMessage() == "Back at the claim"
    qtbot.keyClick(far.lib_view, "j")  # a claim without evidence says so
    qtbot.keyClick(far.lib_view, "v")
    assert far.statusBar().currentMessage() == "This claim has no evidence words: it is reported"


def test_the_detail_panes_evidence_link_shows_it(qtbot: QtBot, far: MainWindow) -> None:
    far.select_claim(0)
    detail = far.claims_panel.detail
    point = detail.link_point("evidence:")
    assert point is not None
    qtbot.mouseClick(detail.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert far.view.is_placed_span_visible(far.view.marks("evidence")[0])


def test_v_walks_every_evidence_span_then_returns(qtbot: QtBot, win: MainWindow) -> None:
    win.select_claim(3)  # two evidence spans
    assert win.view.evidence_count() == 2
    seen = []
    for _ in range(3):
        qtbot.keyClick(win.lib_view, "v")
        seen.append(win.view.jumped)
    assert seen == [0, 1, None]


# --- Help → Statuses and Chains -------------------------------------------------------


def test_the_legend_explains_every_status(qapp: object) -> None:
    assert set(STATUS_MEANINGS) == set(Status)
    legend = Legend()
    text = legend.text()
    assert legend.statuses == list(Status)
    for status in Status:
        assert STATUS_MEANINGS[status] in text
    for words in ("The chain", "Uncertain", "publisher: ran the article", "In the article"):
        assert words in text


def test_legend_badges_are_drawn_as_the_panel_draws_them(qapp: object) -> None:
    font = QFont()
    for status in Status:
        img = badge_pixmap(status.value, status_color(status), font).toImage()
        middle = img.pixelColor(3, img.height() // 2)
        assert middle.rgb() == status_color(status).rgb()


def test_shift_s_and_the_help_menu_open_the_legend_and_the_sheet_has_it(
    qtbot: QtBot, win: MainWindow
) -> None:
    qtbot.keyClick(win.lib_view, "S", Qt.KeyboardModifier.ShiftModifier)
    assert isinstance(win.dialog, StatusesDialog) and win.dialog.isVisible()
    win.dialog.close()
    help_menu = next(m for m in win.menuBar().findChildren(QMenu) if m.title() == "&Help")
    assert win.actions_by_name["help_statuses"] in help_menu.actions()
    qtbot.keyClick(win.lib_view, "?")
    sheet = win.dialog
    assert isinstance(sheet, HelpSheet)
    assert sheet.tabs.count() == 2
    assert sheet.tabs.widget(1) is sheet.legend
    assert sheet.legend.text() == Legend().text()  # the same words in both places


def test_the_legend_names_the_keys_in_force(qapp: object, tmp_path: Path) -> None:
    """The legend tells which keys do what: after a remap, the remapped ones."""
    assert "Press V to jump to the evidence" in Legend().text()
    assert "1 (true)" in Legend().text()
    settings = QSettings(str(tmp_path / "k.ini"), QSettings.Format.IniFormat)
    settings.setValue("keys/go_to_evidence", "G")
    settings.setValue("keys/verdict_true", "")
    text = Legend(settings).text()
    assert "Press G to jump to the evidence" in text
    assert "Verdict: True (menu) (true)" in text
    assert "Press V" not in text
