"""The claims panel: one row per claim in reading order, filtered, painted by a delegate.

A list model holds the article's claims; a filter proxy applies status, outlet,
source-type and "hide unattributed"; a delegate paints each row (status badge with
its word, opening words, outlet, source and type with an "uncertain" tag when the
engine is unsure of it, chain, the user's verdict) at a fixed height so the view
never measures rows one by one. Under the list, :class:`StatusEvidence` tells why
the current claim has its status: the evidence words, an uncertain source, and the
claims it conflicts with.
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
from PySide6.QtGui import (
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QPixmap,
    QPixmapCache,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from reader.describe import evidence_excerpts, source_mention
from reader.gui.style import (
    VERDICT_MARKS,
    paint_badge,
    paint_tag,
    paint_verdict,
    row_colors,
    status_color,
    tag_width,
    uncertain_color,
)
from reader.model import SOURCE_TYPES, STATUSES, Status

if TYPE_CHECKING:  # the store (sqlite-utils) loads after the window is shown
    from reader.store.library import StoredClaim

ClaimRole = Qt.ItemDataRole.UserRole + 1
#: The source as the row shows it ("she → Ann Keller (official)" when uncertain).
SourceRole = Qt.ItemDataRole.UserRole + 2
Index = QModelIndex | QPersistentModelIndex
#: Words of the claim shown on the row's first line.
OPENING_WORDS = 12


def opening_words(text: str, n: int = OPENING_WORDS) -> str:
    words = text.split()
    return " ".join(words[:n]) + ("…" if len(words) > n else "")


def chain_text(claim: StoredClaim) -> str:
    """The provenance chain, nearest first: ``Insider ← The Wall Street Journal ← …``."""
    return " ← ".join(claim.claim.chain)


#: The tag before an uncertain source, and what it means (tooltip, evidence box).
UNCERTAIN_TAG = "? uncertain"
UNCERTAIN_MEANING = "the engine found this source at a distance or is unsure of it"


def source_text(claim: StoredClaim, text: str = "") -> str:
    """The source with its type; an uncertain one also shows the words it was resolved
    from in ``text`` (the article), so the reader can judge the guess: "she → Ann Keller"."""
    c = claim.claim
    if not c.source:
        return "none given"
    name = f"{c.source} ({c.source_type})" if c.source_type else c.source
    mention = source_mention(text, c) if c.uncertain and text else None
    return f"{mention} → {name}" if mention else name


def conflict_label(index: int) -> str:
    """A claim as the window numbers it (from 1, as the status bar does)."""
    return f"claim {index + 1}"


def verdict_text(claim: StoredClaim) -> str:
    if not claim.verdict:
        return "no verdict"
    return f"{VERDICT_MARKS.get(claim.verdict, '')} {claim.verdict}".strip()


def describe(claim: StoredClaim, text: str = "") -> str:
    """The whole row as one sentence: what a screen reader says for it (``text``: the
    article, for the evidence words)."""
    c = claim.claim
    parts = [
        f"{c.status}: {c.text}",
        f"outlet {c.outlet or 'none'}",
        f"source {source_text(claim, text)}" + (" (uncertain)" if c.uncertain else ""),
    ]
    if c.chain:
        parts.append(f"chain {chain_text(claim)}")
    parts += [f"evidence: {q}" for q in evidence_excerpts(text, c)]
    parts += [f"conflicts with {conflict_label(i)}" for i in c.conflicts_with]
    parts.append(f"your verdict: {claim.verdict or 'none'}")
    if claim.note:
        parts.append(f"note: {claim.note}")
    return "; ".join(parts)


class ClaimsModel(QAbstractListModel):
    """The current article's claims, in reading order."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._claims: list[StoredClaim] = []
        self._text = ""

    def set_claims(self, claims: list[StoredClaim], text: str = "") -> None:
        """``text``: the article's plain text, which evidence and source spans point into."""
        self.beginResetModel()
        self._claims = list(claims)
        self._text = text
        self.endResetModel()

    def claims(self) -> list[StoredClaim]:
        return self._claims

    def text(self) -> str:
        return self._text

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
            return describe(c, self._text)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(c)
        if role == ClaimRole:
            return c
        if role == SourceRole:
            return source_text(c, self._text)
        return None

    def _tooltip(self, sc: StoredClaim) -> str:
        """The claim in full, then why it has its status, then the user's note."""
        c = sc.claim
        extra = []
        if c.uncertain:
            extra.append(f"Source uncertain: {source_text(sc, self._text)}; {UNCERTAIN_MEANING}.")
        extra += [f"Why {c.status}: {q}" for q in evidence_excerpts(self._text, c)]
        extra += [f"Conflicts with {conflict_label(i)}" for i in c.conflicts_with]
        if sc.note:
            extra.append(f"Note: {sc.note}")
        return "\n\n".join([c.text, "\n".join(extra)]) if extra else c.text


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
            source = index.data(SourceRole) or ""
            self._paint_content(p, QRect(QPoint(0, 0), size), sc, source, selected, pal, opt.font)
            p.end()
            QPixmapCache.insert(key, pix)
        painter.drawPixmap(opt.rect.topLeft(), pix)

    def _paint_content(
        self,
        painter: QPainter,
        area: QRect,
        sc: StoredClaim,
        source: str,
        selected: bool,
        pal: QPalette,
        font: QFont,
    ) -> None:
        rect = area.adjusted(self.PAD, self.PAD, -self.PAD, -self.PAD)
        fg, muted = row_colors(pal, selected)  # style.py holds both to 4.5:1 contrast
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
        # line 2: outlet and source with its type; an uncertain source gets a tag before
        # it, and on that row the outlet name yields room first (down to a few letters)
        # so the tag and the resolved source stay readable
        painter.setFont(small)
        painter.setPen(muted)
        row.translate(0, lh)
        outlet = c.outlet or "none"
        if not c.uncertain:
            who = f"Outlet: {outlet} · Source: {source}"
            painter.drawText(
                row, Qt.AlignmentFlag.AlignVCenter,
                sfm.elidedText(who, Qt.TextElideMode.ElideRight, row.width()),
            )  # fmt: skip
        else:
            fixed = sfm.horizontalAdvance("Outlet:  · Source: ") + tag_width(UNCERTAIN_TAG, sfm) + 4
            room = row.width() - fixed - sfm.horizontalAdvance(source)
            outlet = sfm.elidedText(
                outlet, Qt.TextElideMode.ElideRight, max(room, sfm.horizontalAdvance("The…"))
            )
            who = f"Outlet: {outlet} · Source: "
            painter.drawText(row, Qt.AlignmentFlag.AlignVCenter, who)
            x = row.left() + sfm.horizontalAdvance(who)
            tag_colour = fg if selected else uncertain_color(pal)
            tag_rect = QRect(x, row.top(), max(0, row.right() - x), row.height())
            x += paint_tag(painter, tag_rect, UNCERTAIN_TAG, tag_colour, sfm) + 4
            rest = QRect(x, row.top(), max(0, row.right() - x), row.height())
            painter.setPen(muted)
            painter.drawText(
                rest, Qt.AlignmentFlag.AlignVCenter,
                sfm.elidedText(source, Qt.TextElideMode.ElideRight, rest.width()),
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
            x += paint_verdict(painter, row, sc.verdict, pal, sfm, selected) + 6
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


#: What the evidence box says when a claim has no evidence words, by status.
NO_EVIDENCE: dict[str, str] = {
    Status.REPORTED: "Reported: the article neither confirms nor doubts it.",
    Status.UNATTRIBUTED: "Unattributed: the article gives no source for it.",
}


class StatusEvidence(QFrame):
    """Why the current claim has its status, under the list: the evidence words, an
    uncertain source, and a button per claim it conflicts with (which selects it).
    Deliberately small: a fuller claim-detail pane can grow from here."""

    #: The claim (index into the article's claims) a "conflicts with" button names.
    claimChosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusEvidence")
        self.setAccessibleName("Status evidence")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.label = QLabel("")
        self.label.setObjectName("statusEvidenceText")
        self.label.setAccessibleName("Why the claim has its status")
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # article words, never markup
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.conflicts = QWidget()
        self.conflicts_row = QHBoxLayout(self.conflicts)
        self.conflicts_row.setContentsMargins(0, 0, 0, 0)
        self.conflicts_row.addWidget(QLabel("Conflicts with:"))
        self.conflicts_row.addStretch(1)
        #: Buttons made so far, reused from claim to claim (most claims need none).
        self.buttons: list[QPushButton] = []
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 4, 6, 4)
        lay.setSpacing(4)
        lay.addWidget(self.label)
        lay.addWidget(self.conflicts)
        self.setVisible(False)

    def show_claim(self, row: int | None, claims: list[StoredClaim], text: str) -> None:
        """Explain claim ``row`` of ``claims`` (``text``: the article); None hides the box."""
        sc = claims[row] if row is not None and 0 <= row < len(claims) else None
        if sc is None:
            self.setVisible(False)
            self.setMinimumHeight(0)  # a new article starts small again
            return
        c = sc.claim
        lines = [f"Why {c.status}: {q}" for q in evidence_excerpts(text, c)]
        if not lines:
            lines.append(
                NO_EVIDENCE.get(c.status, f"{c.status.capitalize()}: no evidence words recorded.")
            )
        if c.uncertain:
            lines.append(f"Source uncertain: {source_text(sc, text)}; {UNCERTAIN_MEANING}.")
        self.label.setText("\n".join(lines))
        others = [i for i in dict.fromkeys(c.conflicts_with) if 0 <= i < len(claims) and i != row]
        while len(self.buttons) < len(others):
            button = QPushButton()
            button.clicked.connect(
                lambda _=False, b=button: self.claimChosen.emit(b.property("row"))
            )
            self.conflicts_row.insertWidget(len(self.buttons) + 1, button)
            self.buttons.append(button)
        for button, i in zip(self.buttons, others, strict=False):
            label = conflict_label(i).capitalize()
            button.setText(label)
            button.setProperty("row", i)
            button.setToolTip(f"Select {conflict_label(i)}: {opening_words(claims[i].claim.text)}")
            button.setAccessibleName(f"Select conflicting {conflict_label(i)}")
        for k, button in enumerate(self.buttons):
            button.setVisible(k < len(others))
        self.conflicts.setVisible(bool(others))
        self.setVisible(True)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Grow, never shrink, while one article is shown: stepping through its claims
        then does not make the list above jump (and re-lay out) at every key."""
        super().resizeEvent(event)
        if self.isVisible() and event.size().height() > self.minimumHeight():
            self.setMinimumHeight(event.size().height())


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

        self.evidence = StatusEvidence()
        self.evidence.claimChosen.connect(self.claimActivated)

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
        lay.addWidget(self.evidence)
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

    def set_claims(self, claims: list[StoredClaim], text: str = "") -> None:
        """Show an article's claims (``text``: its plain text, for evidence words);
        filters stay, the outlet list follows the article; no claim is current."""
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
        self.model.set_claims(claims, text)
        self.evidence.show_claim(None, [], "")
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
        """Select source row ``row`` in the list without moving focus or re-emitting;
        the evidence box explains it."""
        self.evidence.show_claim(row, self.model.claims(), self.model.text())
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
