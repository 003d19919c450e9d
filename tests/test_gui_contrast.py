"""Text contrast: every text colour the window paints reads at 4.5:1 or better (WCAG AA)
on what it is painted on, under the default light palette and under ``--dark``; and
verdicts never look like statuses (a hue of their own, outlined, with a mark).

Pairs come from the same style functions the painters call, and, where the colour
lives in a widget (the article's meta line and links, the search box's hint), from
the widget itself.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFontMetrics, QImage, QPainter, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.gui import style
from reader.gui.article_view import ArticleView
from reader.gui.search import SearchPanel
from reader.marks import Colour
from reader.model import STATUSES, Article
from tests.test_gui_support import make_db, open_window

R = QPalette.ColorRole
VERDICTS = ("true", "false", "misleading", "unproven")


@pytest.fixture(autouse=True)
def _app(qapp: QApplication) -> None:
    """Palettes and fonts need the application (pytest-qt's)."""


def _light() -> QPalette:
    """The default light palette (the style's own; ``--dark`` tests may have changed
    the application's)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app.style().standardPalette()


PALETTES = {"light": _light, "dark": style.dark_palette}


def pairs(pal: QPalette) -> list[tuple[str, QColor, QColor]]:
    """(what, text colour, background) for everything the window paints as text."""
    base, text = pal.color(R.Base), pal.color(R.Text)
    hl = pal.color(R.Highlight)
    fg, meta = style.row_colors(pal, False)
    sel_fg, sel_meta = style.row_colors(pal, True)
    out = [
        ("article text", text, base),
        ("list row text", fg, base),
        ("list meta line (outlet, source, chain, date)", meta, base),
        ("article meta line", style.meta_text(pal), base),
        ("article link", style.link_color(pal), base),
        ("selected row text", sel_fg, hl),
        ("selected row meta", sel_meta, hl),
        ("uncertain tag", style.uncertain_color(pal), base),
        ("uncertain tag, selected row", sel_fg, hl),
        ("status bar", pal.color(R.WindowText), pal.color(R.Window)),
        ("current claim", text, style.blend(style.highlight_fill(pal), base)),
    ]
    for s in STATUSES:
        fill = style.status_color(s)
        out.append((f"status badge {s}", style.contrast_text(fill), fill))
        out.append((f"evidence tint {s}", text, style.blend(style.evidence_fill(pal, s), base)))
    for v in VERDICTS:
        colour = style.verdict_color(v, pal)
        tinted = style.blend(style.verdict_tint(colour), base)
        out.append((f"verdict tag {v}", colour, tinted))
    for c in Colour:
        fill = style.mark_fill(pal, c)
        out.append((f"highlight {c}", text, fill))
        out.append((f"current claim over highlight {c}", text,
                    style.blend(style.highlight_fill(pal), fill)))  # fmt: skip
    return out


@pytest.mark.parametrize("theme", PALETTES)
def test_every_text_pair_reads_at_4_5_to_1(theme: str) -> None:
    pal = PALETTES[theme]()
    low = [
        f"{what}: {fg.name()} on {bg.name()} = {style.contrast_ratio(fg, bg):.2f}"
        for what, fg, bg in pairs(pal)
        if style.contrast_ratio(fg, bg) < style.MIN_CONTRAST
    ]
    assert not low, f"{theme}: below 4.5:1:\n" + "\n".join(low)


def test_the_checks_catch_what_qt_gives_by_default() -> None:
    """Qt's own PlaceholderText (half-transparent text, what the lists used) and
    Fusion's white on #308cc6 selection are below 4.5:1; the helpers fix both."""
    pal = _light()
    base = pal.color(R.Base)
    placeholder = style.blend(pal.color(R.PlaceholderText), base)
    hl, hl_text = pal.color(R.Highlight), pal.color(R.HighlightedText)
    if style.contrast_ratio(placeholder, base) < style.MIN_CONTRAST:
        assert style.contrast_ratio(style.meta_text(pal), base) >= style.MIN_CONTRAST
    if style.contrast_ratio(hl_text, hl) < style.MIN_CONTRAST:
        assert style.selected_text(pal).rgb() != hl_text.rgb()
    # and ensure_contrast moves a poor colour, keeps a good one
    grey = QColor("#9e9e9e")
    assert style.contrast_ratio(grey, QColor("#ffffff")) < 4.5
    fixed = style.ensure_contrast(grey, QColor("#ffffff"))
    assert style.contrast_ratio(fixed, QColor("#ffffff")) >= 4.5
    assert style.ensure_contrast(QColor("#000000"), QColor("#ffffff")).name() == "#000000"
    on_dark = style.ensure_contrast(QColor("#303030"), QColor("#1e1f22"))
    assert style.contrast_ratio(on_dark, QColor("#1e1f22")) >= 4.5


def _hue_family(c: QColor) -> float:
    return c.hslHueF() * 360


@pytest.mark.parametrize("theme", PALETTES)
def test_verdicts_do_not_borrow_status_colours(theme: str) -> None:
    pal = PALETTES[theme]()
    status_hues = {s: _hue_family(style.status_color(s)) for s in STATUSES if s != "unattributed"}
    for v in VERDICTS:
        colour = style.verdict_color(v, pal)
        assert colour.name() not in {c.lower() for c in style.STATUS_COLORS.values()}
        if v == "unproven":  # slate: a blue-grey, told apart from grey by its hue
            assert colour.hslSaturationF() > 0.1
            continue
        nearest = min(
            abs((_hue_family(colour) - h + 180) % 360 - 180) for h in status_hues.values()
        )
        assert nearest >= 20, f"{v} is within {nearest:.0f} degrees of a status hue"
    # the two pairs the issue names, and every verdict has its mark and word
    assert style.verdict_label("false") == "✗ false"
    assert style.verdict_label("misleading") == "≈ misleading"
    assert {style.verdict_label(v)[0] for v in VERDICTS} == {"✓", "✗", "≈", "?"}


def _paint(fn: object, pal: QPalette, width: int = 200) -> QImage:
    img = QImage(width, 30, QImage.Format.Format_ARGB32)
    img.fill(pal.color(R.Base))
    p = QPainter(img)
    fn(p)  # type: ignore[operator]
    p.end()
    return img


def _pixel(img: QImage, x: int, y: int) -> QColor:
    return QColor(img.pixel(x, y))


def test_verdict_tag_is_outlined_and_status_badge_filled(qtbot: QtBot) -> None:
    """Painted, not just declared: the status badge is filled in its colour, the
    verdict tag is mostly the base with an outline of its own colour."""
    pal = _light()
    fm = QFontMetrics(QApplication.font())
    rect = QRect(0, 0, 200, 30)
    badge = _paint(
        lambda p: style.paint_badge(p, rect, "denied", style.status_color("denied"), fm), pal
    )
    w = style.tag_width(style.verdict_label("false"), fm)
    tag = _paint(lambda p: style.paint_verdict(p, rect, "false", pal, fm), pal)
    # inside the badge's left padding (no glyphs): the status fill
    assert _pixel(badge, 3, 15).name() == style.status_color("denied").name()
    # inside the tag's left padding: the base with a faint tint, far from a fill
    inside = _pixel(tag, 3, 15)
    assert style.contrast_ratio(inside, pal.color(R.Base)) < 1.3
    # its left edge: the verdict colour (the outline)
    edge = [_pixel(tag, x, 15) for x in range(0, 3)]
    want = style.verdict_color("false", pal)
    assert any(
        abs(c.red() - want.red()) + abs(c.green() - want.green()) + abs(c.blue() - want.blue()) < 90
        for c in edge
    ), [c.name() for c in edge]
    assert w > fm.horizontalAdvance("false")


@pytest.mark.parametrize("theme", PALETTES)
def test_article_meta_and_links_use_readable_colours(qtbot: QtBot, theme: str) -> None:
    pal = PALETTES[theme]()
    view = ArticleView()
    qtbot.addWidget(view)
    view.setPalette(pal)
    view.resize(700, 400)
    article = Article(
        title="Title",
        byline="A Writer",
        publisher="Daily",
        text="Body with a link.",
        markdown="Body with [a link](https://example.org/x).",
    )
    view.show_article(article, None)
    base = pal.color(R.Base)
    sheet = view._doc_style().stylesheet
    meta = re.search(r"p\.meta \{ color: (#[0-9a-f]{6}); \}", sheet)
    link = re.search(r"(?:^|\s)a \{ color: (#[0-9a-f]{6}); \}", sheet)
    assert meta and link
    for found in (meta, link):
        assert style.contrast_ratio(QColor(found.group(1)), base) >= style.MIN_CONTRAST
    # the anchor in the document really has that colour
    doc = view.document()
    block = doc.begin()
    colours = set()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            frag = it.fragment()
            if frag.charFormat().isAnchor():
                colours.add(frag.charFormat().foreground().color().name())
            it += 1
        block = block.next()
    assert colours == {link.group(1)}


@pytest.mark.parametrize("theme", PALETTES)
def test_search_hint_is_readable(qtbot: QtBot, theme: str) -> None:
    pal = PALETTES[theme]()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    old = app.palette()
    app.setPalette(pal)
    try:
        panel = SearchPanel()
        qtbot.addWidget(panel)
        box = panel.box.palette()
        hint = style.blend(box.color(R.PlaceholderText), box.color(R.Base))
        assert style.contrast_ratio(hint, box.color(R.Base)) >= style.MIN_CONTRAST
    finally:
        app.setPalette(old)


def test_claims_rows_paint_verdicts_as_tags_with_marks(qtbot: QtBot, tmp_path: Path) -> None:
    """In the window: a claim given a verdict shows its mark and word in the row."""
    db = tmp_path / "lib.db"
    make_db(db, 1)
    win = open_window(qtbot, db, tmp_path / "s.ini")
    qtbot.keyClick(win.lib_view, "j")
    qtbot.keyClick(win.lib_view, "2")
    row = win.claims_panel.model.index(0, 0).data(Qt.ItemDataRole.DisplayRole) or ""
    assert "false" in row
    sc = win.claims_panel.model.claim(0)
    assert sc is not None and sc.verdict == "false"


def test_the_app_palette_makes_qt_selections_readable(qapp: object) -> None:
    """Selections Qt paints itself (dialog tables, selected article text) use the
    application palette: make_app holds its Highlight to 4.5:1 under its text."""
    from PySide6.QtGui import QColor, QPalette

    from reader.gui.style import contrast_ratio, readable_selection

    weak = QPalette()
    weak.setColor(QPalette.ColorRole.Highlight, QColor("#308cc6"))  # Fusion, light
    weak.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    assert contrast_ratio(QColor("#ffffff"), QColor("#308cc6")) < 4.5
    fixed = readable_selection(weak)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        fill = fixed.color(group, QPalette.ColorRole.Highlight)
        text = fixed.color(group, QPalette.ColorRole.HighlightedText)
        assert contrast_ratio(text, fill) >= 4.5
    from PySide6.QtWidgets import QApplication

    from reader.gui.app import make_app

    app = make_app()
    assert isinstance(app, QApplication)
    pal = app.palette()
    assert (
        contrast_ratio(
            pal.color(QPalette.ColorRole.HighlightedText), pal.color(QPalette.ColorRole.Highlight)
        )
        >= 4.5
    )


def _delta_e(a: QColor, b: QColor) -> float:
    """CIE76 colour difference (about 2.3 is just noticeable; 20 is another colour)."""

    def lab(c: QColor) -> tuple[float, float, float]:
        def lin(v: float) -> float:
            return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

        r, g, b_ = lin(c.redF()), lin(c.greenF()), lin(c.blueF())
        x = (0.4124 * r + 0.3576 * g + 0.1805 * b_) / 0.95047
        y = 0.2126 * r + 0.7152 * g + 0.0722 * b_
        z = (0.0193 * r + 0.1192 * g + 0.9505 * b_) / 1.08883

        def f(t: float) -> float:
            return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

        return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))

    return float(sum((p - q) ** 2 for p, q in zip(lab(a), lab(b), strict=True)) ** 0.5)


@pytest.mark.parametrize("theme", PALETTES)
def test_highlight_colours_stay_apart_from_the_claim_and_each_other(theme: str) -> None:
    """Each highlight colour is another colour than the current claim's highlight and
    than every other highlight colour (CIE76 distance 20 or more), and its underline
    reads at 3:1 on the base (a mark, not text: WCAG 1.4.11)."""
    pal = PALETTES[theme]()
    base = pal.color(R.Base)
    claim = style.blend(style.highlight_fill(pal), base)
    fills = {c: style.mark_fill(pal, c) for c in Colour}
    for c, fill in fills.items():
        assert _delta_e(fill, claim) >= 20, f"{theme}: {c} looks like the current claim"
        assert style.contrast_ratio(style.mark_line(pal, c), base) >= 3.0, c
    names = list(fills)
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            assert _delta_e(fills[a], fills[b]) >= 15, f"{theme}: {a} and {b} look alike"
    assert _delta_e(QColor("#ffffff"), QColor("#fefefe")) < 1  # the measure itself
