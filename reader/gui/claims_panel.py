"""The claims panel: one row per claim in reading order, filtered, painted by a delegate.

A list model holds the article's claims; a filter proxy applies status, outlet,
source-type and "hide unattributed"; a delegate paints each row (status badge with
its word, opening words, outlet, source and type, chain, the user's verdict) at a
fixed height so the view never measures rows one by one.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette, QPixmap, QPixmapCache
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from reader.gui.style import VERDICT_MARKS, paint_badge, status_color, verdict_color
from reader.model import SOURCE_TYPES, STATUSES

if TYPE_CHECKING:  # the store (sqlite-utils) loads after the window is shown
    from reader.store.library import StoredClaim

ClaimRole = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex
#: Words of the claim shown on the row's first line.
OPENING_WORDS = 12


def opening_words(text: str, n: int = OPENING_WORDS) -> str:
    words = text.split()
    return " ".join(words[:n]) + ("…" if len(words) > n else "")


def chain_text(claim: StoredClaim) -> str:
    """The provenance chain, nearest first: ``Insider ← The Wall Street Journal ← …``."""
    return " ← ".join(claim.claim.chain)


def source_text(claim: StoredClaim) -> str:
    c = claim.claim
    if not c.source:
        return "none given"
    return f"{c.source} ({c.source_type})" if c.source_type else c.source


def verdict_text(claim: StoredClaim) -> str:
    if not claim.verdict:
        return "no verdict"
    return f"{VERDICT_MARKS.get(claim.verdict, '')} {claim.verdict}".strip()


def describe(claim: StoredClaim) -> str:
    """The whole row as one sentence: what a screen reader says for it."""
    c = claim.claim
    parts = [
        f"{c.status}: {c.text}",
        f"outlet {c.outlet or 'none'}",
        f"source {source_text(claim)}",
    ]
    if c.chain:
        parts.append(f"chain {chain_text(claim)}")
    parts.append(f"your verdict: {claim.verdict or 'none'}")
    if claim.note:
        parts.append(f"note: {claim.note}")
    return "; ".join(parts)


class ClaimsModel(QAbstractListModel):
    """The current article's claims, in reading order."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._claims: list[StoredClaim] = []

    def set_claims(self, claims: list[StoredClaim]) -> None:
        self.beginResetModel()
        self._claims = list(claims)
        self.endResetModel()

    def claims(self) -> list[StoredClaim]:
        return self._claims

    def claim(self, row: int) -> StoredClaim | None:
        return self._claims[row] if 0 <= row < len(self._claims) else None

    def update_claim(self, row: int, verdict: str | None, note: str | None) -> None:
        c = self.claim(row)
        if c is None:
            return
        c.verdict, c.note = verdict, note
        idx = self.index(row, 0)
        self.dataChanged.emit(idx, idx)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default
        return 0 if parent.isValid() else len(self._claims)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        c = self.claim(index.row()) if index.isValid() else None
        if c is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return describe(c)
        if role == Qt.ItemDataRole.ToolTipRole:
            return c.claim.text + (f"\n\nNote: {c.note}" if c.note else "")
        if role == ClaimRole:
            return c
        return None


class ClaimsFilter(QSortFilterProxyModel):
    """Status / outlet / source type filters and the "hide unattributed" toggle."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.status: str | None = None
        self.outlet: str | None = None
        self.source_type: str | None = None
        self.hide_unattributed = False

    def set_filters(
        self,
        status: str | None,
        outlet: str | None,
        source_type: str | None,
        hide_unattributed: bool,
    ) -> None:
        modern = hasattr(self, "beginFilterChange")  # Qt 6.10+; older: invalidate
        if modern:
            self.beginFilterChange()
        self.status, self.outlet = status, outlet
        self.source_type, self.hide_unattributed = source_type, hide_unattributed
        if modern:
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, row: int, parent: Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, ClaimsModel)
        sc = model.claim(row)
        if sc is None:
            return False
        c = sc.claim
        if self.hide_unattributed and c.status == "unattributed":
            return False
        if self.status is not None and c.status != self.status:
            return False
        if self.outlet is not None and c.outlet != self.outlet:
            return False
        return self.source_type is None or c.source_type == self.source_type


class ClaimDelegate(QStyledItemDelegate):
    """Paints a claim row: badge + opening words / outlet · source / chain / verdict."""

    LINES = 4
    PAD = 8

    def _line(self, option: QStyleOptionViewItem) -> int:
        return QFontMetrics(option.font).height() + 3

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return QSize(260, self.LINES * self._line(option) + 2 * self.PAD)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        """Background and focus by the style; the row's content from a pixmap cache, so
        moving through claims (which repaints the list as it scrolls) stays cheap."""
        sc = index.data(ClaimRole)
        if sc is None:
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is not None:  # background, selection and focus frame, per the style
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        size = opt.rect.size()
        dpr = widget.devicePixelRatioF() if widget is not None else 1.0
        pal: QPalette = opt.palette
        key = (
            f"claim:{sc.id}:{size.width()}x{size.height()}@{dpr}:{int(selected)}:"
            f"{sc.verdict}:{hash(sc.note)}:{pal.cacheKey()}:{opt.font.key()}"
        )
        pix = QPixmap()
        if not QPixmapCache.find(key, pix):
            pix = QPixmap(size * dpr)
            pix.setDevicePixelRatio(dpr)
            pix.fill(Qt.GlobalColor.transparent)
            p = QPainter(pix)
            self._paint_content(p, QRect(QPoint(0, 0), size), sc, selected, pal, opt.font)
            p.end()
            QPixmapCache.insert(key, pix)
        painter.drawPixmap(opt.rect.topLeft(), pix)

    def _paint_content(
        self,
        painter: QPainter,
        area: QRect,
        sc: StoredClaim,
        selected: bool,
        pal: QPalette,
        font: QFont,
    ) -> None:
        rect = area.adjusted(self.PAD, self.PAD, -self.PAD, -self.PAD)
        fg = pal.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        muted = fg if selected else pal.color(QPalette.ColorRole.PlaceholderText)
        small = QFont(font)
        small.setPointSizeF(max(7.0, font.pointSizeF() * 0.9))
        fm, sfm = QFontMetrics(font), QFontMetrics(small)
        lh = fm.height() + 3
        c = sc.claim
        # line 1: status badge, then the claim's opening words
        row = QRect(rect.left(), rect.top(), rect.width(), lh)
        painter.setFont(small)
        ring = fg if selected else None
        bw = paint_badge(painter, row, c.status, status_color(c.status), sfm, ring)
        painter.setFont(font)
        painter.setPen(fg)
        text_rect = row.adjusted(bw + 6, 0, 0, 0)
        painter.drawText(
            text_rect,
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            fm.elidedText(opening_words(c.text), Qt.TextElideMode.ElideRight, text_rect.width()),
        )
        # line 2: outlet and source with its type
        painter.setFont(small)
        painter.setPen(muted)
        who = f"Outlet: {c.outlet or 'none'} · Source: {source_text(sc)}"
        row.translate(0, lh)
        painter.drawText(
            row, Qt.AlignmentFlag.AlignVCenter,
            sfm.elidedText(who, Qt.TextElideMode.ElideRight, row.width()),
        )  # fmt: skip
        # line 3: the chain
        row.translate(0, lh)
        chain = chain_text(sc) or "no chain"
        painter.drawText(
            row, Qt.AlignmentFlag.AlignVCenter,
            sfm.elidedText("Chain: " + chain, Qt.TextElideMode.ElideRight, row.width()),
        )  # fmt: skip
        # line 4: the user's verdict (badge with word and mark) and note
        row.translate(0, lh)
        x = row.left()
        if sc.verdict:
            fill = verdict_color(sc.verdict)
            x += paint_badge(painter, row, verdict_text(sc), fill, sfm, ring) + 6
        else:
            painter.drawText(row, Qt.AlignmentFlag.AlignVCenter, "no verdict")
            x += sfm.horizontalAdvance("no verdict") + 6
        if sc.note:
            painter.setPen(muted)
            note_rect = QRect(x, row.top(), row.right() - x, row.height())
            painter.drawText(
                note_rect, Qt.AlignmentFlag.AlignVCenter,
                sfm.elidedText("✎ " + sc.note, Qt.TextElideMode.ElideRight, note_rect.width()),
            )  # fmt: skip


class ClaimsPanel(QWidget):
    """Filters above a list of claims; tells the window which claim the user picked."""

    #: The claim (index into the article's claims) the user picked in the list.
    claimActivated = Signal(int)
    #: The "hide unattributed" toggle changed from the panel's checkbox.
    hideUnattributedChanged = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("claimsPanel")
        self.setAccessibleName("Claims panel")
        self.model = ClaimsModel(self)
        self.proxy = ClaimsFilter(self)
        # rows are cached as pixmaps (~130 KB each): room for a few screens of them
        QPixmapCache.setCacheLimit(max(QPixmapCache.cacheLimit(), 32 * 1024))
        self.proxy.setSourceModel(self.model)

        self.heading = QLabel("Claims")
        self.heading.setAccessibleName("Claims count")
        hf = self.heading.font()
        hf.setBold(True)
        self.heading.setFont(hf)

        self.status_box = self._combo("Filter by status", "All statuses", STATUSES)
        self.outlet_box = self._combo("Filter by outlet", "All outlets", ())
        self.type_box = self._combo("Filter by source type", "All source types", SOURCE_TYPES)
        self.hide_box = QCheckBox("Hide unattributed")
        self.hide_box.setAccessibleName("Hide unattributed claims")
        self.hide_box.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # Tab reaches it
        self.hide_box.toggled.connect(self._filters_changed)
        self.hide_box.toggled.connect(self.hideUnattributedChanged)

        self.view = QListView()
        self.view.setObjectName("claimsList")
        self.view.setAccessibleName("Claims")
        self.view.setAccessibleDescription("Each claim with its outlet, source, chain and status")
        self.view.setModel(self.proxy)
        self.view.setItemDelegate(ClaimDelegate(self.view))
        self.view.setUniformItemSizes(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setMouseTracking(False)
        sel = self.view.selectionModel()
        sel.currentChanged.connect(self._current_changed)

        self.empty = QLabel("")
        self.empty.setWordWrap(True)
        self.empty.setAccessibleName("Claims panel message")
        self.empty.setVisible(False)

        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        for w in (self.status_box, self.outlet_box, self.type_box):
            filters.addWidget(w, 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.addWidget(self.heading)
        lay.addLayout(filters)
        lay.addWidget(self.hide_box)
        lay.addWidget(self.empty)
        lay.addWidget(self.view, 1)
        # Tab within the pane: status -> outlet -> source type -> hide unattributed -> list
        chain = (self.status_box, self.outlet_box, self.type_box, self.hide_box, self.view)
        for a, b in itertools.pairwise(chain):
            QWidget.setTabOrder(a, b)
        self._syncing = False

    def _combo(self, name: str, all_label: str, values: tuple[str, ...]) -> QComboBox:
        box = QComboBox()
        box.setAccessibleName(name)
        box.setToolTip(name)
        # Tab reaches every filter (keyboard-only users need them too); F jumps to the first
        box.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        box.setMinimumContentsLength(6)
        box.addItem(all_label, None)
        for v in values:
            box.addItem(v, v)
        box.currentIndexChanged.connect(self._filters_changed)
        return box

    # --- content ----------------------------------------------------------------

    def set_claims(self, claims: list[StoredClaim]) -> None:
        """Show an article's claims; filters stay, the outlet list follows the article."""
        self._syncing = True
        outlets = sorted({c.claim.outlet for c in claims if c.claim.outlet})
        keep = self.outlet_box.currentData()
        self.outlet_box.blockSignals(True)
        self.outlet_box.clear()
        self.outlet_box.addItem("All outlets", None)
        for o in outlets:
            self.outlet_box.addItem(o, o)
        self.outlet_box.setCurrentIndex(max(0, self.outlet_box.findData(keep)))
        self.outlet_box.blockSignals(False)
        self.model.set_claims(claims)
        self._syncing = False
        self._filters_changed()

    def _filters_changed(self, *_: object) -> None:
        self.proxy.set_filters(
            self.status_box.currentData(),
            self.outlet_box.currentData(),
            self.type_box.currentData(),
            self.hide_box.isChecked(),
        )
        total, shown = self.model.rowCount(), self.proxy.rowCount()
        self.heading.setText(
            f"Claims ({total})" if shown == total else f"Claims ({shown} of {total})"
        )
        if total == 0:
            self.empty.setText("No claims found in this article.")
        elif shown == 0:
            self.empty.setText("No claim matches the filters.")
        self.empty.setVisible(shown == 0)

    def set_hide_unattributed(self, hide: bool) -> None:
        if self.hide_box.isChecked() != hide:
            self.hide_box.setChecked(hide)

    # --- the current claim ----------------------------------------------------------

    def visible_rows(self) -> list[int]:
        """Source rows that pass the filters, in reading order."""
        return [
            self.proxy.mapToSource(self.proxy.index(r, 0)).row()
            for r in range(self.proxy.rowCount())
        ]

    def step(self, current: int | None, delta: int) -> int | None:
        """The visible claim ``delta`` (+1/-1) from ``current``; None at either end."""
        if current is not None:  # fast path: the current claim is shown
            pidx = self.proxy.mapFromSource(self.model.index(current, 0))
            if pidx.isValid():
                target = self.proxy.index(pidx.row() + delta, 0)
                return self.proxy.mapToSource(target).row() if target.isValid() else None
        rows = self.visible_rows()
        if not rows:
            return None
        if current is None:
            return rows[0] if delta > 0 else rows[-1]
        if delta > 0:
            nxt = [r for r in rows if r > current]
            return nxt[0] if nxt else None
        prev = [r for r in rows if r < current]
        return prev[-1] if prev else None

    def set_current(self, row: int | None) -> None:
        """Select source row ``row`` in the list without moving focus or re-emitting."""
        self._syncing = True
        try:
            if row is None:
                self.view.selectionModel().clearSelection()
                self.view.setCurrentIndex(QModelIndex())
                return
            pidx = self.proxy.mapFromSource(self.model.index(row, 0))
            if pidx.isValid():
                self.view.setCurrentIndex(pidx)
                self.view.scrollTo(pidx, QAbstractItemView.ScrollHint.EnsureVisible)
            else:
                self.view.selectionModel().clearSelection()
        finally:
            self._syncing = False

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._syncing or not current.isValid():
            return
        self.claimActivated.emit(self.proxy.mapToSource(current).row())

    def first_focus(self) -> QWidget:
        """The pane's first widget in Tab order (where Tab from the article lands)."""
        return self.status_box

    def focus_filters(self) -> None:
        self.status_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
