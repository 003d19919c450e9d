"""Colours, palettes and the status badge: one place for the window's look.

Status is always shown as a word on a filled badge, never as colour alone; the
badge text colour is picked for contrast, so it reads on light and dark palettes.
The reader's own verdict is drawn differently, so it never passes for a status: an
outlined tag with a mark and the word (``✓ true``, ``✗ false``, ``≈ misleading``,
``? unproven``) in a hue family of its own (teal, magenta, olive, slate) next to the
statuses' filled green, blue, amber, purple, red and grey.

Every text colour the window paints comes from a function here that holds it to
at least :data:`MIN_CONTRAST` (WCAG AA, 4.5:1) against what it is drawn on, on
any palette: the system's light or dark one, or :func:`dark_palette`
(``tests/test_gui_contrast.py`` checks every pair).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QStyledItemDelegate, QStyleOptionViewItem

#: Badge fill per verification status (mid-tone, so they sit on light and dark bases).
STATUS_COLORS = {
    "confirmed": "#2e7d32",
    "reported": "#1f6fb2",
    "unconfirmed": "#b26a00",
    "disputed": "#7b3fa0",
    "denied": "#c62828",
    "unattributed": "#616161",
}
#: Outline and text of the user's verdict tag, for light and for dark bases: hues the
#: statuses do not use, so "false" is never read as "denied" nor "misleading" as
#: "unconfirmed" (and the tag is outlined, where status badges are filled).
VERDICT_COLORS = {
    "true": {"light": "#00695c", "dark": "#4db6ac"},  # teal
    "false": {"light": "#ad1457", "dark": "#f48fb1"},  # magenta
    "misleading": {"light": "#5f6600", "dark": "#cfd46a"},  # olive
    "unproven": {"light": "#4a5a66", "dark": "#b0bec5"},  # slate
}
#: A mark next to the word so verdicts differ in shape too (for colour-blind readers).
VERDICT_MARKS = {"true": "✓", "false": "✗", "misleading": "≈", "unproven": "?"}
#: How opaque the verdict tag's tint of its own hue is (0-255): a hint, not a fill.
VERDICT_TINT_ALPHA = 28
#: The least contrast any text is drawn with (WCAG 2 AA for normal text).
MIN_CONTRAST = 4.5
#: What colours are adjusted to: a little above the minimum, so rounding of the
#: 8-bit channels and antialiasing never take text below it.
_TARGET_CONTRAST = 4.7


def status_color(status: str | None) -> QColor:
    return QColor(STATUS_COLORS.get(status or "", "#616161"))


def verdict_color(verdict: str | None, palette: QPalette | None = None) -> QColor:
    """Outline and text of the verdict tag, readable on ``palette``'s base (the
    application palette when None)."""
    pal = palette if palette is not None else QApplication.palette()
    family = VERDICT_COLORS.get(verdict or "", {"light": "#4a5a66", "dark": "#b0bec5"})
    base = pal.color(QPalette.ColorRole.Base)
    return ensure_contrast(QColor(family["dark" if is_dark(pal) else "light"]), base)


def verdict_label(verdict: str) -> str:
    """The verdict as the tag shows it: its mark, then its word (``✗ false``)."""
    return f"{VERDICT_MARKS.get(verdict, '')} {verdict}".strip()


def luminance(c: QColor) -> float:
    """WCAG relative luminance of an opaque colour (0 black to 1 white)."""

    def lin(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * lin(c.redF()) + 0.7152 * lin(c.greenF()) + 0.0722 * lin(c.blueF())


def contrast_ratio(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two opaque colours (1 to 21)."""
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def blend(over: QColor, under: QColor) -> QColor:
    """``over`` (with its alpha) painted on opaque ``under``: the colour seen."""
    a = over.alphaF()
    return QColor(
        round(over.red() * a + under.red() * (1 - a)),
        round(over.green() * a + under.green() * (1 - a)),
        round(over.blue() * a + under.blue() * (1 - a)),
    )


def ensure_contrast(fg: QColor, bg: QColor, ratio: float = MIN_CONTRAST) -> QColor:
    """``fg``, or if it reads worse than ``ratio`` on ``bg``, the same hue moved step
    by step toward black (on a light ``bg``) or white (on a dark one) until it does:
    a system palette's colours are kept where they are good enough."""
    fg = QColor(fg.rgb())  # opaque: what is painted is what is measured
    if contrast_ratio(fg, bg) >= ratio:
        return fg
    goal = _TARGET_CONTRAST if ratio == MIN_CONTRAST else ratio
    end = QColor("#000000") if luminance(bg) > 0.18 else QColor("#ffffff")
    for step in range(1, 21):
        t = step / 20
        c = QColor(
            round(fg.red() + (end.red() - fg.red()) * t),
            round(fg.green() + (end.green() - fg.green()) * t),
            round(fg.blue() + (end.blue() - fg.blue()) * t),
        )
        if contrast_ratio(c, bg) >= goal:
            return c
    return end


def contrast_text(fill: QColor) -> QColor:
    """Black or white, whichever reads better on ``fill`` (WCAG relative luminance)."""
    lum = luminance(fill)
    return QColor("#000000") if (lum + 0.05) / 0.05 > 1.05 / (lum + 0.05) else QColor("#ffffff")


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def highlight_fill(palette: QPalette) -> QColor:
    """Background of the current claim in the article: the selection colour, softened."""
    c = QColor(palette.color(QPalette.ColorRole.Highlight))
    c.setAlpha(110 if is_dark(palette) else 80)
    return c


def meta_text(palette: QPalette) -> QColor:
    """Secondary text (meta lines: outlet, source, chain, dates): the text colour 40%
    of the way to the base, opaque, and never below :data:`MIN_CONTRAST` on the base
    (Qt's PlaceholderText, half-transparent text, gives about 4:1 on white)."""
    t, b = palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base)
    mix = 0.4
    grey = QColor(
        round(t.red() + (b.red() - t.red()) * mix),
        round(t.green() + (b.green() - t.green()) * mix),
        round(t.blue() + (b.blue() - t.blue()) * mix),
    )
    return ensure_contrast(grey, b)


#: The article's meta line and the lists' second lines share one grey.
muted_text = meta_text


def selected_text(palette: QPalette) -> QColor:
    """Text on a selected row: the palette's HighlightedText if it reads on the
    Highlight (Fusion's light palette gives white on #308cc6, 3.7:1), else black or
    white, whichever reads better."""
    hl = palette.color(QPalette.ColorRole.Highlight)
    text = palette.color(QPalette.ColorRole.HighlightedText)
    if contrast_ratio(text, hl) >= MIN_CONTRAST:
        return QColor(text.rgb())
    return contrast_text(hl)


def readable_selection(palette: QPalette) -> QPalette:
    """``palette`` with a Highlight its HighlightedText reads on at 4.5:1, in every
    colour group: what Qt draws itself (selected table rows in dialogs, text selected
    in the article) then meets the same bar as our delegates (Fusion's light palette
    gives white on #308cc6, 3.7:1)."""
    out = QPalette(palette)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        text = out.color(group, QPalette.ColorRole.HighlightedText)
        fill = out.color(group, QPalette.ColorRole.Highlight)
        out.setColor(group, QPalette.ColorRole.Highlight, ensure_contrast(fill, text))
    return out


def row_colors(palette: QPalette, selected: bool) -> tuple[QColor, QColor]:
    """A list row's main and secondary text colours (the delegates' two pens)."""
    if selected:
        fg = selected_text(palette)
        return fg, fg
    return QColor(palette.color(QPalette.ColorRole.Text).rgb()), meta_text(palette)


def link_color(palette: QPalette) -> QColor:
    """Links in the article: the palette's link colour, held to the contrast minimum."""
    return ensure_contrast(
        palette.color(QPalette.ColorRole.Link), palette.color(QPalette.ColorRole.Base)
    )


def placeholder_palette(palette: QPalette) -> QPalette:
    """``palette`` with a readable PlaceholderText (the search box's hint)."""
    out = QPalette(palette)
    colour = meta_text(palette)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        out.setColor(group, QPalette.ColorRole.PlaceholderText, colour)
    return out


#: The "source uncertain" mark: amber, dark on light palettes and light on dark ones
#: (at least 4.5:1 against the list's base colour either way), drawn as an outline so
#: it does not read as the filled amber "unconfirmed" status badge.
UNCERTAIN_COLORS = {"light": "#8a4f00", "dark": "#f0b35e"}


def uncertain_color(palette: QPalette) -> QColor:
    """Text and outline of the "uncertain source" mark, readable on ``palette``'s base."""
    return ensure_contrast(
        QColor(UNCERTAIN_COLORS["dark" if is_dark(palette) else "light"]),
        palette.color(QPalette.ColorRole.Base),
    )


def evidence_fill(palette: QPalette, status: str | None) -> QColor:
    """Background of a claim's status evidence in the article: its status colour, faint
    enough that the text stays readable (a little stronger on a dark base)."""
    c = status_color(status)
    c.setAlpha(95 if is_dark(palette) else 70)
    return c


def claim_underline(palette: QPalette) -> QColor:
    """The dotted underline that marks every claim sentence (clickable)."""
    c = QColor(palette.color(QPalette.ColorRole.Text))
    c.setAlpha(100)
    return c


def paint_badge(
    painter: QPainter,
    rect: QRect,
    text: str,
    fill: QColor,
    metrics: QFontMetrics,
    outline: QColor | None = None,
) -> int:
    """Draw a rounded badge with ``text`` at ``rect``'s left; return its width.

    ``outline`` rings the badge (on a selected row, whose highlight may match the fill).
    """
    pad = max(4, metrics.height() // 4)
    w = metrics.horizontalAdvance(text) + 2 * pad
    h = metrics.height() + 2
    box = QRectF(rect.left(), rect.top() + (rect.height() - h) / 2, w, h)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(outline if outline is not None else Qt.PenStyle.NoPen)
    painter.setBrush(fill)
    painter.drawRoundedRect(box, h / 3, h / 3)
    painter.setPen(contrast_text(fill))
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
    painter.restore()
    return w


def tag_width(text: str, metrics: QFontMetrics) -> int:
    """How wide :func:`paint_tag` draws ``text``."""
    return metrics.horizontalAdvance(text) + 2 * max(3, metrics.height() // 5)


def paint_tag(
    painter: QPainter, rect: QRect, text: str, colour: QColor, metrics: QFontMetrics
) -> int:
    """Draw ``text`` in an outlined (unfilled) rounded box at ``rect``'s left, both in
    ``colour``; return its width. A tag qualifies what follows it; badges are states."""
    w = tag_width(text, metrics)
    h = metrics.height()
    box = QRectF(rect.left() + 0.5, rect.top() + (rect.height() - h) / 2 + 0.5, w - 1, h - 1)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(colour)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRoundedRect(box, h / 3, h / 3)
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
    painter.restore()
    return w


def verdict_tint(colour: QColor) -> QColor:
    """The faint fill inside a verdict tag (its own hue, mostly transparent)."""
    tint = QColor(colour)
    tint.setAlpha(VERDICT_TINT_ALPHA)
    return tint


def paint_verdict(
    painter: QPainter,
    rect: QRect,
    verdict: str,
    palette: QPalette,
    metrics: QFontMetrics,
    selected: bool = False,
) -> int:
    """Draw the user's verdict at ``rect``'s left as an outlined tag (mark and word,
    a faint tint of its hue inside); return its width. On a selected row it is
    drawn in the selected text colour, which reads on the highlight."""
    colour = selected_text(palette) if selected else verdict_color(verdict, palette)
    text = verdict_label(verdict)
    w = tag_width(text, metrics)
    h = metrics.height() + 2
    box = QRectF(rect.left() + 0.75, rect.top() + (rect.height() - h) / 2 + 0.75, w - 1.5, h - 1.5)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(colour)
    pen.setWidthF(1.5)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush if selected else verdict_tint(colour))
    painter.drawRoundedRect(box, 2, 2)  # squarer than the round status badges
    painter.setPen(colour)
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
    painter.restore()
    return w


def dark_palette() -> QPalette:
    """A dark palette for ``--dark`` (used with the Fusion style, which honours it)."""
    p = QPalette()
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    base, window, text = QColor("#1e1f22"), QColor("#2b2d30"), QColor("#dfe1e5")
    p.setColor(role.Window, window)
    p.setColor(role.WindowText, text)
    p.setColor(role.Base, base)
    p.setColor(role.AlternateBase, QColor("#26282b"))
    p.setColor(role.ToolTipBase, window)
    p.setColor(role.ToolTipText, text)
    p.setColor(role.PlaceholderText, QColor("#8c8f94"))
    p.setColor(role.Text, text)
    p.setColor(role.Button, window)
    p.setColor(role.ButtonText, text)
    p.setColor(role.BrightText, QColor("#ff6b68"))
    p.setColor(role.Link, QColor("#6cb6ff"))
    p.setColor(role.LinkVisited, QColor("#b39ddb"))
    p.setColor(role.Highlight, QColor("#2f65ca"))
    p.setColor(role.HighlightedText, QColor("#ffffff"))
    p.setColor(role.Mid, QColor("#3c3f41"))
    p.setColor(role.Dark, QColor("#151618"))
    p.setColor(role.Light, QColor("#3c3f41"))
    p.setColor(role.Shadow, QColor("#000000"))
    disabled = QColor("#7a7e85")
    for r in (role.Text, role.WindowText, role.ButtonText):
        p.setColor(group.Disabled, r, disabled)
    return p


def apply_dark(app: QApplication) -> None:
    """Fusion with the dark palette: every widget, including the text view, follows it."""
    app.setStyle("Fusion")
    app.setPalette(dark_palette())


def match_fill(palette: QPalette, current: bool = False) -> QColor:
    """Background of a search match in the article (a marker yellow, as a browser's
    find bar uses); ``current``: the match the search result pointed to, stronger."""
    if is_dark(palette):
        return QColor(214, 170, 0, 150 if current else 80)
    return QColor(255, 200, 0, 200 if current else 90)


# --- the current claim's marks in the article: its source as written, its evidence ------

#: The source as written ("she", "the paper"): text and underline in teal, dark on
#: light palettes and light on dark ones (at least 4.5:1 on the base and on the claim
#: highlight), a hue no status badge and neither highlight uses.
SOURCE_MARK_COLORS = {"light": "#00695c", "dark": "#5fd4c4"}
#: The evidence's wavy underline: magenta, so it reads apart from the status-coloured
#: tint under it, from the source's teal and from the claim highlight.
EVIDENCE_MARK_COLORS = {"light": "#ad1457", "dark": "#ff80c0"}


def source_mark(palette: QPalette) -> QColor:
    """Text and underline colour of the current claim's source as written."""
    return QColor(SOURCE_MARK_COLORS["dark" if is_dark(palette) else "light"])


def evidence_mark(palette: QPalette) -> QColor:
    """The wavy underline under the current claim's evidence."""
    return QColor(EVIDENCE_MARK_COLORS["dark" if is_dark(palette) else "light"])


# --- the reader's highlights (reader.marks) ------------------------------------------

#: A highlight's fill per colour, for light and dark bases: pastel on light, deep on
#: dark, so the article's text reads on it (and on the current claim's highlight drawn
#: over it), each apart from the others and from the current claim's selection blue
#: (tests/test_gui_contrast.py measures both).
MARK_FILLS = {
    "yellow": {"light": "#fff0a0", "dark": "#5c4e10"},
    "green": {"light": "#c9efc0", "dark": "#25502a"},
    "blue": {"light": "#8fb8ff", "dark": "#0f5560"},
    "pink": {"light": "#ffd1e3", "dark": "#6a2848"},
    "purple": {"light": "#e3d0ff", "dark": "#552f7a"},
}
#: The solid underline of a highlight, a strong shade of its colour (at least 3:1 on
#: the base, WCAG's bar for marks that are not text): a highlight is told from the
#: current claim's highlight (a fill only) by its shape, not by colour alone.
MARK_LINES = {
    "yellow": {"light": "#9c7500", "dark": "#f2c94c"},
    "green": {"light": "#2e8b3a", "dark": "#6fcf7c"},
    "blue": {"light": "#1e5fd0", "dark": "#4fd2e8"},
    "pink": {"light": "#d6336c", "dark": "#ff7aa8"},
    "purple": {"light": "#7e3fd1", "dark": "#b58cff"},
}


def mark_fill(palette: QPalette, colour: str) -> QColor:
    """Background of a highlight of ``colour`` in the article (opaque)."""
    family = MARK_FILLS.get(colour, MARK_FILLS["yellow"])
    return QColor(family["dark" if is_dark(palette) else "light"])


def mark_line(palette: QPalette, colour: str) -> QColor:
    """The underline of a highlight of ``colour``, and its swatch in lists."""
    family = MARK_LINES.get(colour, MARK_LINES["yellow"])
    return QColor(family["dark" if is_dark(palette) else "light"])


def paint_row_background(
    delegate: QStyledItemDelegate,
    painter: QPainter,
    option: QStyleOptionViewItem,
    index: QModelIndex | QPersistentModelIndex,
) -> tuple[QStyleOptionViewItem, bool]:
    """Draw a custom-painted row's background, selection and focus frame as the
    style draws them (its text and icon are the caller's), and return the row's
    option with whether it is selected. Every list delegate starts here. QStyle is
    imported at the first paint: its enums cost 14 ms of start-up."""
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QStyle

    opt = QStyleOptionViewItem(option)
    delegate.initStyleOption(opt, index)
    opt.text, opt.icon = "", QIcon()
    widget = opt.widget
    style = widget.style() if widget is not None else None
    if style is not None:
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
    return opt, bool(opt.state & QStyle.StateFlag.State_Selected)
