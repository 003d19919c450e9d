"""Help → Statuses and Chains: what each status means, the colour legend, the chain and
"uncertain", shown in its own dialog and as a tab of the ``?`` sheet.

The words are :mod:`reader.describe`'s (one text, Qt-free, tested to mention every
status); the badges and the tag are drawn by :mod:`reader.gui.style`'s painters, as the
claims panel draws them, so the legend looks like what it explains.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRect, QSettings, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from reader.describe import (
    CHAIN_HELP,
    LINK_MEANINGS,
    MARKS_HELP,
    PRECEDENCE_HELP,
    STATUS_MEANINGS,
    UNCERTAIN_HELP,
)
from reader.gui.actions import BY_NAME, key_text, sequences
from reader.gui.style import (
    VERDICT_MARKS,
    paint_badge,
    paint_tag,
    paint_verdict,
    status_color,
    tag_width,
    uncertain_color,
    verdict_label,
)
from reader.model import Status


def _small(font: QFont) -> QFont:
    """The badges' font, as the claims panel's cards use it."""
    small = QFont(font)
    small.setPointSizeF(max(7.0, font.pointSizeF() * 0.9))
    return small


def _drawn(w: int, h: int, font: QFont, dpr: float, draw: Callable[[QPainter], object]) -> QPixmap:
    """A transparent ``w`` × ``h`` pixmap at ``dpr`` with ``draw`` painted on it in
    ``font``: the legend's badges and tags, drawn by the panel's own painters."""
    pix = QPixmap(round(w * dpr), round(h * dpr))
    pix.setDevicePixelRatio(dpr)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setFont(font)
    draw(p)
    p.end()
    return pix


def badge_pixmap(word: str, fill: QColor, font: QFont, dpr: float = 1.0) -> QPixmap:
    """A badge with ``word`` on ``fill`` drawn by :func:`paint_badge`, as the panel does."""
    metrics = QFontMetrics(font)
    w = metrics.horizontalAdvance(word) + 2 * max(4, metrics.height() // 4) + 2
    h = metrics.height() + 4
    return _drawn(w, h, font, dpr, lambda p: paint_badge(p, QRect(0, 0, w, h), word, fill, metrics))


def tag_pixmap(word: str, colour: QColor, font: QFont, dpr: float = 1.0) -> QPixmap:
    """An outlined tag (the "uncertain" mark) drawn by :func:`paint_tag`."""
    metrics = QFontMetrics(font)
    w, h = tag_width(word, metrics) + 2, metrics.height() + 4
    return _drawn(w, h, font, dpr, lambda p: paint_tag(p, QRect(0, 0, w, h), word, colour, metrics))


def verdict_pixmap(verdict: str, palette: QPalette, font: QFont, dpr: float = 1.0) -> QPixmap:
    """The verdict tag drawn by :func:`paint_verdict`, as the claims panel draws it."""
    metrics = QFontMetrics(font)
    w, h = tag_width(verdict_label(verdict), metrics) + 2, metrics.height() + 4
    return _drawn(
        w, h, font, dpr,
        lambda p: paint_verdict(p, QRect(0, 0, w, h), verdict, palette, metrics),
    )  # fmt: skip


class Legend(QScrollArea):
    """The legend, scrollable: a badge and its meaning per status, the verdicts, the
    chain, "uncertain" and the article's marks."""

    def __init__(self, settings: QSettings | None = None, parent: QWidget | None = None) -> None:
        """``settings``: where remapped keys are, so the text names the keys in force."""
        super().__init__(parent)
        self.settings = settings
        self.setObjectName("legend")
        self.setAccessibleName("Statuses and chains")
        self.setWidgetResizable(True)
        body = QWidget()
        lay = QVBoxLayout(body)
        lay.setContentsMargins(12, 12, 12, 12)
        font = _small(self.font())
        dpr = self.devicePixelRatioF()
        #: The status each badge row explains, in order (tests).
        self.statuses: list[Status] = []

        lay.addWidget(self._heading("Statuses: what the article says about a claim"))
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(10)
        for row, status in enumerate(Status):
            badge = QLabel()
            badge.setPixmap(badge_pixmap(status.value, status_color(status), font, dpr))
            badge.setAccessibleName(f"{status.value} badge")
            badge.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            grid.addWidget(badge, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(self._text(STATUS_MEANINGS[status]), row, 1)
            self.statuses.append(status)
        grid.setColumnStretch(1, 1)
        lay.addLayout(grid)
        lay.addWidget(self._text(PRECEDENCE_HELP))

        lay.addSpacing(10)
        lay.addWidget(self._heading("Your verdicts"))
        verdicts = QGridLayout()
        verdicts.setHorizontalSpacing(8)
        for col, verdict in enumerate(VERDICT_MARKS):
            badge = QLabel()
            badge.setPixmap(verdict_pixmap(verdict, self.palette(), font, dpr))
            badge.setAccessibleName(f"{verdict} verdict badge")
            verdicts.addWidget(badge, 0, col)
        verdicts.setColumnStretch(len(VERDICT_MARKS), 1)
        lay.addLayout(verdicts)
        lay.addWidget(
            self._text(
                "Your verdict is yours: the engine never sets or changes it. "
                f"{self._keys('verdict_true')} (true), {self._keys('verdict_false')} (false), "
                f"{self._keys('verdict_misleading')} (misleading) and "
                f"{self._keys('verdict_unproven')} (unproven) give one, "
                f"{self._keys('verdict_clear')} clears it, {self._keys('edit_note')} adds a "
                "note; every change is kept in the history."
            )
        )

        lay.addSpacing(10)
        lay.addWidget(self._heading("The chain"))
        lay.addWidget(self._text(CHAIN_HELP))
        roles = "\n".join(f"{role.value}: {meaning}" for role, meaning in LINK_MEANINGS.items())
        lay.addWidget(self._text(roles))

        lay.addSpacing(10)
        lay.addWidget(self._heading("Uncertain"))
        tag = QLabel()
        tag.setPixmap(tag_pixmap("? uncertain", uncertain_color(self.palette()), font, dpr))
        tag.setAccessibleName("uncertain tag")
        lay.addWidget(tag)
        lay.addWidget(self._text(UNCERTAIN_HELP))

        lay.addSpacing(10)
        lay.addWidget(self._heading("In the article"))
        lay.addWidget(self._text(MARKS_HELP.format(go_to_evidence=self._keys("go_to_evidence"))))
        lay.addStretch(1)
        self.setWidget(body)

    def _keys(self, action: str) -> str:
        """The keys of ``action`` in force (remaps included), as the user reads them."""
        keys = key_text(sequences(BY_NAME[action], self.settings))
        return keys or f"{BY_NAME[action].label.replace('&', '').rstrip('…')} (menu)"

    @staticmethod
    def _heading(words: str) -> QLabel:
        label = QLabel(words)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        label.setTextFormat(Qt.TextFormat.PlainText)
        return label

    @staticmethod
    def _text(words: str) -> QLabel:
        label = QLabel(words)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def text(self) -> str:
        """Every word of the legend, in order (tests, screen readers)."""
        widget = self.widget()
        labels = widget.findChildren(QLabel) if widget is not None else []
        return "\n".join(label.text() for label in labels if label.text())


class StatusesDialog(QDialog):
    """Help → Statuses and Chains: the legend in a window of its own."""

    def __init__(self, settings: QSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Statuses and Chains")
        self.setAccessibleName("Statuses and chains")
        self.legend = Legend(settings)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.setAccessibleName("Close")
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.legend)
        lay.addWidget(buttons)
        self.resize(640, 620)
