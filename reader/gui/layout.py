"""The pane layout: the article keeps a readable width whatever the window's size.

The window is three panes side by side: library, article, claims. Each has a
minimum measured in characters of its own font (so it follows zoom and the desktop's
font), and the article also has a comfortable width (its full reading measure).
When the window narrows, space is taken in this order:

1. from the article, down to its comfortable width (beyond that it is only margin);
2. from the side panes, down to their minimums (the least important first);
3. from the article, down to its minimum (about 38 characters: no word broken);
4. then a side pane collapses: the library first, then the claims pane.

Widening gives it back in reverse, so the layout at a given width does not depend on
the path that led there. A pane the user shows again (Ctrl+B, Ctrl+Shift+B) becomes
the last to collapse: in a narrow window showing it hides the other one.

:func:`plan_panes` is the rule as a pure function; :class:`PaneSplitter` applies it
whenever the window's width, the fonts or the wanted panes change. The user's own
widths (dragging a handle, or the saved state) are preferences the rule starts
from, never a layout that squeezes the article.
"""

from __future__ import annotations

import math
import struct
from enum import StrEnum
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QByteArray, QModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QGuiApplication, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QListView,
    QSplitter,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from reader.gui.rendering import DOCUMENT_MARGIN
from reader.gui.settings import DEFAULT_POINT_SIZE

if TYPE_CHECKING:
    from PySide6.QtWidgets import QAbstractScrollArea

#: The article's minimum: this many average characters per line (no word is broken).
ARTICLE_MIN_CHARS = 38
#: The article's comfortable width: side panes shrink before it goes below this.
ARTICLE_COMFORT_CHARS = 60
#: Side panes' minimum widths, in average characters of the pane's font.
LIBRARY_MIN_CHARS = 30
CLAIMS_MIN_CHARS = 44
#: Side panes' widths on a first start, in average characters of the pane's font.
LIBRARY_DEFAULT_CHARS = 42
CLAIMS_DEFAULT_CHARS = 64


class Pane(StrEnum):
    """The two side panes (the article never collapses)."""

    LIBRARY = "library"
    CLAIMS = "claims"


#: Splitter positions: library, article, claims.
ORDER = (Pane.LIBRARY, None, Pane.CLAIMS)
#: Which side pane collapses first when the window is too narrow (the last one first).
DEFAULT_PRIORITY = (Pane.CLAIMS, Pane.LIBRARY)


class Limits(NamedTuple):
    """Widths in device-independent pixels that the rule works with."""

    article_min: int
    article_comfort: int
    side_min: dict[Pane, int]


class Plan(NamedTuple):
    """Widths of the three panes (a hidden side pane: 0) and which side panes show."""

    library: int
    article: int
    claims: int

    @property
    def shown(self) -> set[Pane]:
        return {p for p in Pane if self.width(p) > 0}

    def width(self, pane: Pane) -> int:
        return self.library if pane is Pane.LIBRARY else self.claims

    def sizes(self) -> list[int]:
        return [self.library, self.article, self.claims]


def plan_panes(
    total: int,
    handle: int,
    limits: Limits,
    wanted: list[Pane],
    preferred: dict[Pane, int],
    article_preferred: int | None = None,
) -> Plan:
    """Widths for a splitter ``total`` pixels wide with ``handle``-pixel handles.

    ``wanted``: the side panes the user wants, most important first (the last one
    collapses first); ``preferred``: their widths as the user left them;
    ``article_preferred``: the article's width as the user left it (it then shrinks
    only down to that before the side panes give way, if that is below its
    comfortable width)."""
    chosen = list(wanted)

    def needed(panes: list[Pane]) -> int:
        return limits.article_min + sum(limits.side_min[p] for p in panes) + handle * len(panes)

    while chosen and needed(chosen) > total:
        chosen.pop()  # the least important goes first
    room = total - handle * len(chosen)
    widths = {p: max(limits.side_min[p], preferred.get(p, 0)) for p in chosen}
    target = limits.article_comfort
    if article_preferred is not None:
        target = min(target, article_preferred)
    target = max(target, limits.article_min)
    article = room - sum(widths.values())
    for p in reversed(chosen):  # the least important side pane gives way first
        if article >= target:
            break
        give = min(target - article, widths[p] - limits.side_min[p])
        widths[p] -= give
        article += give
    return Plan(widths.get(Pane.LIBRARY, 0), max(0, article), widths.get(Pane.CLAIMS, 0))


def char_width(font: QFont, chars: int) -> int:
    """``chars`` average characters of ``font``, in pixels."""
    return math.ceil(QFontMetrics(font).averageCharWidth() * chars)


def scroll_bar_width(view: QAbstractScrollArea) -> int:
    """The width of ``view``'s vertical scroll bar (the style's scroll bar extent),
    asked of the bar itself: reading ``QStyle.PixelMetric`` from Python builds every
    QStyle enum, 14 ms of start-up."""
    return int(view.verticalScrollBar().sizeHint().width())


def article_width(view: QAbstractScrollArea, chars: int) -> int:
    """Width of the article view whose text column holds ``chars`` average characters:
    the column, the document's margins, a vertical scroll bar and the frame."""
    bar = scroll_bar_width(view)
    return char_width(view.font(), chars) + 2 * DOCUMENT_MARGIN + bar + 2 * view.frameWidth()


def list_min_width(view: QAbstractItemView) -> int:
    """The narrowest ``view`` can be without its rows scrolling sideways (their right
    end cut off): the width its delegate asks for, a vertical scroll bar and the
    frame."""
    model = view.model()
    index = model.index(0, 0) if model is not None and model.rowCount() else QModelIndex()
    option = QStyleOptionViewItem()
    option.font = view.font()
    row = view.itemDelegate().sizeHint(option, index).width()
    bar = scroll_bar_width(view)
    return row + bar + 2 * view.frameWidth()


def fit_lists(pane: QWidget) -> None:
    """Give each list in ``pane`` whose rows do not wrap (they are painted at the width
    their delegate asks for) that width as its minimum, so that the pane's minimum
    includes it. Combo boxes' pop-up lists (other windows) are left alone."""
    views: list[QListView | QTableView] = [
        *pane.findChildren(QListView),
        *pane.findChildren(QTableView),
    ]
    for view in views:
        if view.window() is not pane.window() or view.wordWrap():
            continue
        view.setMinimumWidth(list_min_width(view))
        # layouts cache their items' sizes: drop them from the list up to the pane
        widget: QWidget | None = view
        while widget is not None and widget is not pane.parentWidget():
            widget.updateGeometry()
            widget = widget.parentWidget()


def panel_font(point_size: int) -> QFont:
    """The side panes' font at article size ``point_size``: the application's font
    scaled by the same factor as the article's, so one zoom scales all the text."""
    font = QFont(QApplication.font())
    base = font.pointSizeF()
    if base > 0:
        scaled = base * point_size / DEFAULT_POINT_SIZE
        font.setPointSizeF(max(7.0, round(scaled * 2) / 2))  # half points: crisp steps
    return font


def set_panel_font(pane: QWidget, font: QFont) -> None:
    """Give ``pane`` (and everything in it) ``font``; item views lay out their rows
    again, since their delegates size rows from the font and uniform-size lists cache
    the first row's height."""
    pane.setFont(font)
    for view in pane.findChildren(QAbstractItemView):
        view.doItemsLayout()
        view.viewport().update()


def fit_to_screen(window: QWidget) -> None:
    """Shrink and move ``window`` (a restored or default geometry) so it fits the
    available area of its screen; maximised and full-screen windows are left alone."""
    if window.isMaximized() or window.isFullScreen():
        return
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return
    area: QRect = screen.availableGeometry()
    frame = window.frameGeometry()
    extra_w = max(0, frame.width() - window.width())
    extra_h = max(0, frame.height() - window.height())
    w = max(window.minimumWidth(), min(window.width(), area.width() - extra_w))
    h = max(window.minimumHeight(), min(window.height(), area.height() - extra_h))
    if (w, h) != (window.width(), window.height()):
        window.resize(w, h)
    frame = window.frameGeometry()
    x = max(area.left(), min(frame.left(), area.right() + 1 - frame.width()))
    y = max(area.top(), min(frame.top(), area.bottom() + 1 - frame.height()))
    if (x, y) != (frame.left(), frame.top()):
        window.move(x, y)


#: A QSplitter state: big-endian int32 magic and version, then the pane widths as a
#: QList<int> (uint32 count, int32 each), then the rest (handle width, orientation…).
SPLITTER_MAGIC = 0xFF
_HEAD = struct.Struct(">iiI")


def state_sizes(state: QByteArray | bytes) -> list[int] | None:
    """The pane widths in a QSplitter state (None if it is not one). Read with
    :mod:`struct`: QDataStream's classes cost start-up time for four integers."""
    data = bytes(state.data()) if isinstance(state, QByteArray) else bytes(state)
    if len(data) < _HEAD.size:
        return None
    magic, _version, n = _HEAD.unpack_from(data)
    if magic != SPLITTER_MAGIC or n > 64 or len(data) < _HEAD.size + 4 * n:
        return None
    return list(struct.unpack_from(f">{n}i", data, _HEAD.size))


def with_sizes(state: QByteArray, sizes: list[int]) -> QByteArray:
    """``state`` with its pane widths replaced by ``sizes`` (same number of panes)."""
    data = bytearray(state.data())
    if state_sizes(state) is None or _HEAD.unpack_from(data)[2] != len(sizes):
        return state
    struct.pack_into(f">{len(sizes)}i", data, _HEAD.size, *sizes)
    return QByteArray(bytes(data))


class PaneSplitter(QSplitter):
    """The window's three panes, laid out by :func:`plan_panes` at every resize."""

    #: A side pane was shown or hidden (by the rule or by the user): its name, shown.
    paneToggled = Signal(str, bool)

    def __init__(self, library: QWidget, article: QAbstractScrollArea, claims: QWidget) -> None:
        super().__init__(Qt.Orientation.Horizontal)
        self.setObjectName("mainSplitter")
        self.setAccessibleName("Panes")
        self.article = article
        self.panes = {Pane.LIBRARY: library, Pane.CLAIMS: claims}
        for w in (library, article, claims):
            self.addWidget(w)
        self.setCollapsible(0, True)  # dragging a side pane shut hides it
        self.setCollapsible(1, False)
        self.setCollapsible(2, True)
        self.setStretchFactor(1, 1)
        #: The side panes the user wants shown (one may be collapsed for room).
        self.wanted = {Pane.LIBRARY: True, Pane.CLAIMS: True}
        #: Most important first: the last collapses first.
        self.priority: list[Pane] = list(DEFAULT_PRIORITY)
        #: Side-pane widths as the user left them (a drag, the saved state).
        self.preferred: dict[Pane, int] = {}
        #: The article's width as the user left it (None: its comfortable width).
        self.article_preferred: int | None = None
        self._fitting = False
        #: Measured by update_limits() once the panes have their fonts (the window
        #: does it before it shows).
        self.limits = Limits(0, 0, {p: 0 for p in Pane})
        self.splitterMoved.connect(self._moved)

    # --- the limits -----------------------------------------------------------------

    def measure(self) -> Limits:
        """Minimums from the panes' fonts now (call again after a zoom)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        room = screen.availableGeometry().width() if screen is not None else 1 << 16
        for pane in self.panes.values():  # lists first: the panes' hints include them
            fit_lists(pane)
        side_min = {
            pane: max(char_width(widget.font(), chars), widget.minimumSizeHint().width())
            for (pane, widget), chars in zip(
                self.panes.items(), (LIBRARY_MIN_CHARS, CLAIMS_MIN_CHARS), strict=True
            )
        }
        # a huge zoom on a small screen: the article may have the whole screen, no more
        article_min = min(article_width(self.article, ARTICLE_MIN_CHARS), room)
        comfort = max(article_min, article_width(self.article, ARTICLE_COMFORT_CHARS))
        return Limits(article_min, comfort, side_min)

    def default_width(self, pane: Pane) -> int:
        chars = LIBRARY_DEFAULT_CHARS if pane is Pane.LIBRARY else CLAIMS_DEFAULT_CHARS
        return char_width(self.panes[pane].font(), chars)

    def update_limits(self) -> None:
        """Measure again (fonts changed), tell the window's layout, and lay out."""
        self.limits = self.measure()
        self.article.setMinimumWidth(self.limits.article_min)
        for pane, widget in self.panes.items():
            widget.setMinimumWidth(self.limits.side_min[pane])
        self.updateGeometry()
        self.refit()

    def minimumSizeHint(self) -> QSize:
        """Only the article's minimum: the window may be narrower than all three panes'
        minimums (side panes then collapse), never narrower than the article's."""
        return QSize(self.limits.article_min, super().minimumSizeHint().height())

    # --- the wanted panes -------------------------------------------------------------

    def set_wanted(self, pane: Pane, wanted: bool) -> list[Pane]:
        """Show (it becomes the last to collapse) or hide ``pane``; returns the side
        panes hidden to make room for it."""
        before = self.shown()
        self.wanted[pane] = wanted
        if wanted:
            self.priority.remove(pane)
            self.priority.insert(0, pane)
        if not self.window().isVisible():  # not laid out yet: the first resize fits
            self.panes[pane].setVisible(wanted)
            return []
        self.refit()
        return [p for p in before - self.shown() if p is not pane]

    def shown(self) -> set[Pane]:
        return {p for p, w in self.panes.items() if not w.isHidden()}

    # --- sizes ------------------------------------------------------------------------

    def setSizes(self, sizes: list[int]) -> None:  # type: ignore[override]
        """Take ``sizes`` (library, article, claims) as the user's wish, then lay out
        by the rule: the article never ends narrower than its minimum."""
        self._prefer(sizes)
        if self.window().isVisible():
            self.refit()
        else:
            super().setSizes(sizes)

    def restoreState(self, state: QByteArray | bytes) -> bool:
        """A saved state's widths become preferences (a state saved squeezed, or on a
        bigger screen, is laid out by the rule, never restored as it was)."""
        state = QByteArray(state)
        sizes = state_sizes(state)
        if sizes is None or len(sizes) != 3 or not super().restoreState(state):
            return False
        self._prefer(sizes)
        self.refit()
        return True

    def saveState(self) -> QByteArray:
        """The state with the user's widths (not a layout squeezed by a small window),
        none below its minimum."""
        plan, mins = self.plan(), self.limits.side_min
        sizes = [
            max(mins[Pane.LIBRARY], self.preferred.get(Pane.LIBRARY, plan.library)),
            max(self.limits.article_min, self.article_preferred or plan.article),
            max(mins[Pane.CLAIMS], self.preferred.get(Pane.CLAIMS, plan.claims)),
        ]
        return with_sizes(super().saveState(), sizes)

    def _prefer(self, sizes: list[int]) -> None:
        for pane, size in zip(ORDER, sizes, strict=False):
            if size <= 0:
                continue
            if pane is None:
                self.article_preferred = size
            else:
                self.preferred[pane] = size

    def _moved(self, _pos: int, _index: int) -> None:
        """The user dragged a handle: the widths are their new preferences; a side
        pane dragged shut is hidden (the key shows it again)."""
        if self._fitting:
            return
        sizes = super().sizes()
        for pane, size in zip(ORDER, sizes, strict=False):
            if pane is not None and size == 0 and not self.panes[pane].isHidden():
                self.wanted[pane] = False
                self.panes[pane].setVisible(False)
                self.paneToggled.emit(str(pane), False)
        self._prefer(sizes)

    def plan(self, total: int | None = None) -> Plan:
        """The layout the rule gives at ``total`` pixels (default: the width now)."""
        wanted = [p for p in self.priority if self.wanted[p]]
        preferred = {p: self.preferred.get(p) or self.default_width(p) for p in Pane}
        return plan_panes(
            self.width() if total is None else total,
            self.handleWidth(),
            self.limits,
            wanted,
            preferred,
            self.article_preferred,
        )

    def refit(self) -> None:
        """Show, hide and size the panes by the rule at the width now (once the window
        is on screen: before that the splitter's width means nothing)."""
        if self._fitting or not self.window().isVisible():
            return
        self._fitting = True
        toggled: list[Pane] = []
        try:
            plan = self.plan()
            toggled = [p for p, w in self.panes.items() if w.isHidden() == (p in plan.shown)]
            for pane in toggled:
                self.panes[pane].setVisible(pane in plan.shown)
            if toggled:
                self.refresh()  # handles follow the panes now, not at the next event
            if super().sizes() != plan.sizes():
                super().setSizes(plan.sizes())
        finally:
            self._fitting = False
        for pane in toggled:  # once laid out: the window may flash a message
            self.paneToggled.emit(str(pane), pane in plan.shown)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.refit()
