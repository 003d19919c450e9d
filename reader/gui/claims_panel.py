"""The claims panel: one row per claim in reading order, filtered, painted by a delegate.

A list model holds the article's claims; a filter proxy applies status, outlet,
source-type and "hide unattributed"; a delegate paints each row as a card (status
badge with its word, the claim wrapped to three lines and then elided, outlet,
source and type with an "uncertain" tag when the engine is unsure of it, the user's
verdict and the chain) at a fixed height computed from the font, so the view never
measures rows one by one. Under the list, in a splitter, the
:class:`~reader.gui.claim_detail.ClaimDetail` pane shows the current claim in full.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
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
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from reader.describe import (
    chain_line,
    source_line,
    status_reasons,
)
from reader.gui.claim_detail import ClaimDetail, DetailContext
from reader.gui.style import (
    VERDICT_MARKS,
    paint_badge,
    paint_row_background,
    paint_tag,
    paint_verdict,
    row_colors,
    status_color,
    tag_width,
    uncertain_color,
)
from reader.model import SOURCE_TYPES, STATUSES, Article

if TYPE_CHECKING:  # the store (sqlite-utils) loads after the window is shown
    from reader.store.library import StoredClaim, VerdictEntry
    from reader.trace.group import Trace

ClaimRole = Qt.ItemDataRole.UserRole + 1
#: The source as the row shows it ("she → Ann Keller (official)" when uncertain).
SourceRole = Qt.ItemDataRole.UserRole + 2
#: How many claims of other articles state the row's claim (the trace).
ElsewhereRole = Qt.ItemDataRole.UserRole + 3
#: The card's mark for a claim reported elsewhere, before the count.
ELSEWHERE_MARK = "↔"
Index = QModelIndex | QPersistentModelIndex
#: Lines of claim text a card shows before it elides the rest ("…").
TEXT_LINES = 3


def wrap_lines(text: str, font: QFont, widths: list[int]) -> list[str]:
    """``text`` (whitespace collapsed) broken at words into at most ``len(widths)`` lines,
    line i at most ``widths[i]`` pixels wide in ``font``; the last line ends with "…"
    when text is left over. A word longer than a line is broken where it must be."""
    words = " ".join(text.split())
    if not words or not widths:
        return []
    layout = QTextLayout(words, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    metrics = QFontMetrics(font)
    out: list[str] = []
    layout.beginLayout()
    for i, width in enumerate(widths):
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(max(1, width))
        start, length = line.textStart(), line.textLength()
        if i == len(widths) - 1 and start + length < len(words):
            out.append(metrics.elidedText(words[start:], Qt.TextElideMode.ElideRight, width))
        else:
            out.append(words[start : start + length].rstrip())
    layout.endLayout()
    return out


def chain_text(claim: StoredClaim) -> str:
    """The provenance chain, nearest first: ``Insider ← The Wall Street Journal ← …``."""
    return chain_line(claim.claim)


#: The tag before an uncertain source.
UNCERTAIN_TAG = "? uncertain"


def source_text(claim: StoredClaim, text: str = "") -> str:
    """The source with its type; an uncertain one also shows the words it was resolved
    from in ``text`` (the article), so the reader can judge the guess: "she → Ann Keller"."""
    return source_line(text, claim.claim)


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
    parts += status_reasons(text, c, plain=False, uncertain=False)
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
        self._elsewhere: dict[int, int] = {}  # claim id -> linked claims in other articles

    def set_appearances(self, counts: dict[int, int]) -> None:
        self._elsewhere = dict(counts)
        if self._claims:
            self.dataChanged.emit(self.index(0), self.index(len(self._claims) - 1))

    def elsewhere(self, claim: StoredClaim) -> int:
        """How many claims of other articles state this one (0: none known)."""
        return self._elsewhere.get(claim.id, 0)

    def set_claims(self, claims: list[StoredClaim], text: str = "") -> None:
        """``text``: the article's plain text, which evidence and source spans point into."""
        self.beginResetModel()
        self._claims = list(claims)
        self._text = text
        self._elsewhere = {}
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
            n = self.elsewhere(c)
            also = f"; reported elsewhere: {n} other article{'s' if n != 1 else ''}" if n else ""
            return describe(c, self._text) + also
        if role == ElsewhereRole:
            return self.elsewhere(c)
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
        extra = status_reasons(self._text, c, plain=False)
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
    """Paints a claim card: the status badge and the claim wrapped to three lines (the
    rest elided), then outlet · source, then the verdict and the chain.

    Every card is as tall as the font makes three text lines and two meta lines, so the
    list keeps uniform item sizes; what a card shows is cached as a pixmap."""

    PAD = 8
    #: Lines in the smaller font under the claim: outlet · source; verdict and chain.
    META_LINES = 2

    @staticmethod
    def _small(font: QFont) -> QFont:
        small = QFont(font)
        small.setPointSizeF(max(7.0, font.pointSizeF() * 0.9))
        return small

    @staticmethod
    def _text_line(font: QFont) -> int:
        return QFontMetrics(font).height() + 2

    @classmethod
    def _meta_line(cls, font: QFont) -> int:
        return QFontMetrics(cls._small(font)).height() + 4

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        font = option.font
        height = TEXT_LINES * self._text_line(font) + self.META_LINES * self._meta_line(font)
        return QSize(260, height + 2 * self.PAD + 2)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        """Background and focus by the style; the row's content from a pixmap cache, so
        moving through claims (which repaints the list as it scrolls) stays cheap."""
        sc = index.data(ClaimRole)
        if sc is None:
            return
        opt, selected = paint_row_background(self, painter, option, index)
        widget = opt.widget
        size = opt.rect.size()
        dpr = widget.devicePixelRatioF() if widget is not None else 1.0
        pal: QPalette = opt.palette
        key = (
            f"claim:{sc.id}:{size.width()}x{size.height()}@{dpr}:{int(selected)}:"
            f"{sc.verdict}:{hash(sc.note)}:{pal.cacheKey()}:{opt.font.key()}:"
            f"{index.data(ElsewhereRole)}"
        )
        pix = QPixmap()
        if not QPixmapCache.find(key, pix):
            pix = QPixmap(size * dpr)
            pix.setDevicePixelRatio(dpr)
            pix.fill(Qt.GlobalColor.transparent)
            p = QPainter(pix)
            source = index.data(SourceRole) or ""
            elsewhere = index.data(ElsewhereRole) or 0
            self._paint_content(
                p, QRect(QPoint(0, 0), size), sc, source, selected, pal, opt.font, elsewhere
            )
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
        elsewhere: int = 0,
    ) -> None:
        rect = area.adjusted(self.PAD, self.PAD, -self.PAD, -self.PAD)
        fg, muted = row_colors(pal, selected)  # style.py holds both to 4.5:1 contrast
        small = self._small(font)
        sfm = QFontMetrics(small)
        lh, mh = self._text_line(font), self._meta_line(font)
        c = sc.claim
        ring = fg if selected else None
        left = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
        # lines 1-3: the status badge, then the claim wrapped after it, the rest elided
        row = QRect(rect.left(), rect.top(), rect.width(), lh)
        painter.setFont(small)
        bw = paint_badge(painter, row, c.status, status_color(c.status), sfm, ring) + 6
        painter.setFont(font)
        painter.setPen(fg)
        widths = [rect.width() - bw] + [rect.width()] * (TEXT_LINES - 1)
        for i, line in enumerate(wrap_lines(c.text, font, widths)):
            indent = bw if i == 0 else 0
            painter.drawText(row.adjusted(indent, 0, 0, 0), left, line)
            row.translate(0, lh)
        # line 4: outlet and source with its type; an uncertain source gets a tag before
        # it, and on that row the outlet name yields room first (down to a few letters)
        # so the tag and the resolved source stay readable
        row = QRect(rect.left(), rect.top() + TEXT_LINES * lh, rect.width(), mh)
        painter.setFont(small)
        painter.setPen(muted)
        outlet = c.outlet or "none"
        if not c.uncertain:
            who = f"Outlet: {outlet} · Source: {source}"
            painter.drawText(
                row, left, sfm.elidedText(who, Qt.TextElideMode.ElideRight, row.width())
            )
        else:
            fixed = sfm.horizontalAdvance("Outlet:  · Source: ") + tag_width(UNCERTAIN_TAG, sfm) + 4
            room = row.width() - fixed - sfm.horizontalAdvance(source)
            outlet = sfm.elidedText(
                outlet, Qt.TextElideMode.ElideRight, max(room, sfm.horizontalAdvance("The…"))
            )
            who = f"Outlet: {outlet} · Source: "
            painter.drawText(row, left, who)
            x = row.left() + sfm.horizontalAdvance(who)
            tag_colour = fg if selected else uncertain_color(pal)
            tag_rect = QRect(x, row.top(), max(0, row.right() - x), row.height())
            x += paint_tag(painter, tag_rect, UNCERTAIN_TAG, tag_colour, sfm) + 4
            rest = QRect(x, row.top(), max(0, row.right() - x), row.height())
            painter.setPen(muted)
            painter.drawText(
                rest, left, sfm.elidedText(source, Qt.TextElideMode.ElideRight, rest.width())
            )
        # line 5: the user's verdict (badge with mark and word; ✎ when there is a note),
        # then the chain in what room is left
        row.translate(0, mh)
        x = row.left()
        if sc.verdict:
            x += paint_verdict(painter, row, sc.verdict, pal, sfm, selected) + 6
        if sc.note:
            painter.setPen(muted)
            painter.drawText(QRect(x, row.top(), row.right() - x, row.height()), left, "✎")
            x += sfm.horizontalAdvance("✎") + 6
        if elsewhere:  # reported by other articles too (T goes to them)
            tag = f"{ELSEWHERE_MARK} {elsewhere}"
            tag_rect = QRect(x, row.top(), max(0, row.right() - x), row.height())
            x += paint_tag(painter, tag_rect, tag, fg if selected else muted, sfm) + 6
        painter.setPen(muted)
        chain_rect = QRect(x, row.top(), max(0, row.right() - x), row.height())
        chain = "Chain: " + (chain_text(sc) or "none")
        painter.drawText(
            chain_rect, left, sfm.elidedText(chain, Qt.TextElideMode.ElideRight, chain_rect.width())
        )


class ClaimsPanel(QWidget):
    """Filters above a list of claims, and the current claim's details under it (in a
    splitter); tells the window which claim the user picked."""

    #: The claim (index into the article's claims) the user picked in the list or in the
    #: detail pane's "conflicts with" links.
    claimActivated = Signal(int)
    #: The detail pane's "show the evidence" link.
    evidenceRequested = Signal()
    #: Another article's claim, from the detail pane: its article id and claim seq.
    appearanceRequested = Signal(int, int)
    #: "Import the cited page", from the detail pane.
    originRequested = Signal()
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

        self.status_box = self._combo("Filter by status", "Any status", STATUSES)
        self.outlet_box = self._combo("Filter by outlet", "Any outlet", ())
        self.type_box = self._combo("Filter by source type", "Any type", SOURCE_TYPES)
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

        self.detail = ClaimDetail()
        self.detail.claimChosen.connect(self.claimActivated)
        self.detail.evidenceChosen.connect(self.evidenceRequested)
        self.detail.appearanceChosen.connect(self.appearanceRequested)
        self.detail.originChosen.connect(self.originRequested)
        self._publisher: str | None = None
        self._wire: str | None = None
        #: List above, details below: the split is the user's, never the text's, so
        #: stepping through claims does not make the list jump.
        self.split = QSplitter(Qt.Orientation.Vertical)
        self.split.setObjectName("claimsSplit")
        self.split.setAccessibleName("Claims and details")
        self.split.setChildrenCollapsible(False)
        self.split.addWidget(self.view)
        self.split.addWidget(self.detail)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 2)

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
        lay.addWidget(self.split, 1)
        # Tab within the pane: status -> outlet -> source type -> hide unattributed -> list
        # -> details (whose links Tab walks)
        chain = (
            self.status_box, self.outlet_box, self.type_box, self.hide_box, self.view,
            self.detail,
        )  # fmt: skip
        for a, b in itertools.pairwise(chain):
            QWidget.setTabOrder(a, b)
        self._syncing = False
        self._no_article = True  # until an article is shown: "No article open."

    def _combo(self, name: str, all_label: str, values: tuple[str, ...]) -> QComboBox:
        box = QComboBox()
        box.setAccessibleName(name)
        box.setToolTip(name)
        # Tab reaches every filter (keyboard-only users need them too); F jumps to the first
        box.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        box.setMinimumContentsLength(4)  # three fit beside each other in a narrow pane
        box.addItem(all_label, None)
        for v in values:
            box.addItem(v, v)
        box.currentIndexChanged.connect(self._filters_changed)
        return box

    # --- content ----------------------------------------------------------------

    def set_claims(
        self, claims: list[StoredClaim], text: str = "", article: Article | None = None
    ) -> None:
        """Show an article's claims (``text``: its plain text, for evidence words;
        ``article``: its publisher and wire name the chain's links); filters stay, the
        outlet list follows the article; no claim is current."""
        self._syncing = True
        outlets = sorted({c.claim.outlet for c in claims if c.claim.outlet})
        keep = self.outlet_box.currentData()
        self.outlet_box.blockSignals(True)
        self.outlet_box.clear()
        self.outlet_box.addItem("Any outlet", None)
        for o in outlets:
            self.outlet_box.addItem(o, o)
        self.outlet_box.setCurrentIndex(max(0, self.outlet_box.findData(keep)))
        self.outlet_box.blockSignals(False)
        self.model.set_claims(claims, text)
        self._no_article = article is None and not claims and not text
        self._publisher = article.publisher if article is not None else None
        self._wire = article.wire if article is not None else None
        self.show_details(None)
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
        if total == 0 and self._no_article:
            self.empty.setText("No article open.")
        elif total == 0:
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

    def show_details(
        self,
        row: int | None,
        history: Sequence[VerdictEntry] = (),
        trace: Trace | None = None,
        trace_note: str = "",
    ) -> None:
        """Show claim ``row`` (None: none) in the detail pane, with its verdict
        ``history`` and its ``trace`` across the library (the window reads both from
        the library; ``trace_note`` says why there is no trace)."""
        ctx = DetailContext(
            self.model.claims(), self.model.text(), self._publisher, self._wire, history,
            trace, trace_note,
        )  # fmt: skip
        self.detail.show_claim(row, ctx)

    def set_appearances(self, counts: dict[int, int]) -> None:
        """How many other articles' claims each claim (by id) is linked to: the cards
        mark the claims reported elsewhere."""
        self.model.set_appearances(counts)

    def details_visible(self) -> bool:
        return not self.detail.isHidden()

    def set_details_visible(self, visible: bool) -> None:
        self.detail.setVisible(visible)

    def set_current(self, row: int | None) -> None:
        """Select source row ``row`` in the list without moving focus or re-emitting
        (the window shows its details: :meth:`show_details`)."""
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
