"""The library list: every article, newest first, as a lazy model.

The model holds only the ordered id list (one cheap query); rows are fetched a
page at a time, by id, when the view first paints them, and cached. A library of
100,000 articles is one list of ints and a few pages of rows, never 100,000
widgets. The view's rows have one fixed height, so it never measures every row.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from reader.gui.style import paint_row_background, row_colors

if TYPE_CHECKING:  # the store (sqlite-utils) loads after the window is shown
    from reader.store import Selection
    from reader.store.library import ArticleRow, Library

Index = QModelIndex | QPersistentModelIndex
RowRole = Qt.ItemDataRole.UserRole + 1
IdRole = Qt.ItemDataRole.UserRole + 2
#: Rows fetched per query.
PAGE = 100
#: Rows kept in memory before the cache is dropped and refilled from what is on screen.
CACHE_MAX = 5000
#: The tag on a bundled sample's row, and what it means.
SAMPLE_TAG = "Sample"
SAMPLE_TIP = "A fictional sample article: File → Remove Samples takes the samples out"


def row_meta(row: ArticleRow) -> str:
    date = row.published or f"imported {row.imported_at[:10]}"
    claims = f"{row.claim_count} claim" + ("" if row.claim_count == 1 else "s")
    return " · ".join(x for x in (row.publisher, date, claims) if x)


#: Before a starred article's title (the star is also said in the row's accessible text).
STAR = "★"


def row_title(row: ArticleRow) -> str:
    """The title as the list draws it: starred articles carry a star."""
    title = row.title or "(untitled)"
    return f"{STAR} {title}" if row.starred_at else title


class LibraryModel(QAbstractListModel):
    """Article ids in list order, with their rows fetched on demand a page at a time."""

    def __init__(self, library: Library | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self._ids: list[int] = []
        self._pos: dict[int, int] = {}
        self._cache: dict[int, ArticleRow] = {}
        self.fetches = 0  # page queries made (benchmarks and tests read it)
        #: Which articles are listed (None: all); set by the sources list.
        self.selection: Selection | None = None

    def reload(self, selection: Selection | None = None) -> None:
        """Re-read the id list (after an import, or for another ``selection``); rows
        are fetched again as needed."""
        if selection is not None:
            self.selection = selection
        self.beginResetModel()
        self._ids = self.library.article_ids(self.selection) if self.library is not None else []
        self._pos = {}
        self._cache.clear()
        self.endResetModel()

    def ids(self) -> list[int]:
        return self._ids

    def row_of(self, article_id: int) -> int | None:
        if not self._pos and self._ids:
            self._pos = {aid: i for i, aid in enumerate(self._ids)}
        return self._pos.get(article_id)

    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def cached_rows(self) -> int:
        return len(self._cache)

    def article_row(self, row: int) -> ArticleRow | None:
        aid = self.id_at(row)
        if aid is None:
            return None
        hit = self._cache.get(aid)
        if hit is None and self.library is not None:
            if len(self._cache) > CACHE_MAX:
                self._cache.clear()
            start = (row // PAGE) * PAGE
            for r in self.library.rows(self._ids[start : start + PAGE]):
                self._cache[r.id] = r
            self.fetches += 1
            hit = self._cache.get(aid)
        return hit

    def refresh(self, article_id: int) -> None:
        """Re-read one article's row (it was opened, or its claims changed)."""
        self._cache.pop(article_id, None)
        row = self.row_of(article_id)
        if row is not None:
            index = self.index(row)
            self.dataChanged.emit(index, index)

    def refresh_all(self) -> None:
        """Re-read every row shown (many marks changed at once)."""
        self._cache.clear()
        if self._ids:
            self.dataChanged.emit(self.index(0), self.index(len(self._ids) - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default
        return 0 if parent.isValid() else len(self._ids)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == IdRole:
            return self.id_at(index.row())
        r = self.article_row(index.row())
        if r is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            unread = "" if r.read_at else " (unread)"
            unread += " (starred)" if r.starred_at else ""
            sample = f" ({SAMPLE_TAG.lower()})" if r.sample else ""
            return f"{r.title or '(untitled)'}{unread}{sample} — {row_meta(r)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return (r.title or "(untitled)") + (f"\n{SAMPLE_TIP}" if r.sample else "")
        if role == RowRole:
            return r
        return None


class LibraryDelegate(QStyledItemDelegate):
    """Two lines per article: the title (bold while unread, as mail readers do), with a
    "Sample" tag on the bundled samples, then publisher · date · claim count."""

    PAD = 6

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        fm = QFontMetrics(option.font)
        return QSize(200, 2 * fm.height() + 2 * self.PAD + 4)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        row = index.data(RowRole)
        opt, selected = paint_row_background(self, painter, option, index)
        if row is None:
            return
        rect: QRect = opt.rect.adjusted(self.PAD + 2, self.PAD, -self.PAD, -self.PAD)
        pal: QPalette = opt.palette
        fg, muted = row_colors(pal, selected)  # style.py holds both to 4.5:1 contrast
        font: QFont = QFont(opt.font)
        bold = QFont(font)
        bold.setBold(True)
        fm, bfm = QFontMetrics(font), QFontMetrics(bold)
        title_font, tfm = (font, fm) if row.read_at else (bold, bfm)
        painter.save()
        painter.setFont(title_font)
        painter.setPen(fg)
        top = QRect(rect.left(), rect.top(), rect.width(), bfm.height())
        if row.sample:
            top.setRight(top.right() - self._paint_tag(painter, top, font, fg) - self.PAD)
            painter.setFont(title_font)
            painter.setPen(fg)
        painter.drawText(
            top, Qt.AlignmentFlag.AlignVCenter,
            tfm.elidedText(row_title(row), Qt.TextElideMode.ElideRight, top.width()),
        )  # fmt: skip
        painter.setFont(font)
        painter.setPen(muted)
        bottom = QRect(rect.left(), top.bottom() + 3, rect.width(), fm.height())
        painter.drawText(
            bottom, Qt.AlignmentFlag.AlignVCenter,
            fm.elidedText(row_meta(row), Qt.TextElideMode.ElideRight, bottom.width()),
        )  # fmt: skip
        painter.restore()

    def _paint_tag(self, painter: QPainter, line: QRect, font: QFont, colour: QColor) -> int:
        """Draw the "Sample" tag, outlined, at the right end of ``line``; its width."""
        small = QFont(font)
        small.setPointSizeF(max(6.0, font.pointSizeF() * 0.85))
        sfm = QFontMetrics(small)
        width = sfm.horizontalAdvance(SAMPLE_TAG) + 2 * self.PAD
        height = min(line.height(), sfm.height() + 2)
        tag = QRect(line.right() - width, line.top() + (line.height() - height) // 2, width, height)
        painter.setFont(small)
        painter.setPen(colour)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(tag.adjusted(0, 0, -1, -1), 4, 4)
        painter.drawText(tag, Qt.AlignmentFlag.AlignCenter, SAMPLE_TAG)
        return width


class LibraryView(QTableView):
    """The list widget for :class:`LibraryModel`; Enter or a click opens an article.

    A one-column table, not a QListView: a list view lays out every row on each reset
    (a call into the Python model per row: a fifth of a second at 100,000 articles),
    where a table's fixed-height rows are arithmetic. It looks and behaves as a list:
    no headers, no grid, whole rows selected, Tab leaves it."""

    articleActivated = Signal(int)

    def __init__(self, model: LibraryModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryList")
        self.setAccessibleName("Library")
        self.setAccessibleDescription("Articles, newest first: title, publisher, date, claims")
        self.setModel(model)
        self.setItemDelegate(LibraryDelegate(self))
        self.horizontalHeader().setVisible(False)
        self.horizontalHeader().setStretchLastSection(True)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)  # Tab goes on to the article, as from a list
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._fit_rows()
        self.activated.connect(self._activated)  # Enter, or a click/double-click per style
        self.clicked.connect(self._activated)

    def _fit_rows(self) -> None:
        """Every row the height the delegate asks for at the view's font."""
        option = QStyleOptionViewItem()
        option.font = self.font()
        height = self.itemDelegate().sizeHint(option, QModelIndex()).height()
        self.verticalHeader().setMinimumSectionSize(1)
        self.verticalHeader().setDefaultSectionSize(height)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # zoom: rows follow the text size
            self._fit_rows()

    def _activated(self, index: QModelIndex) -> None:
        aid = index.data(IdRole)
        if isinstance(aid, int):
            self.articleActivated.emit(aid)

    def select_article(self, article_id: int, scroll: bool = True) -> None:
        """Make ``article_id`` the current row (no signal), scrolled into view unless
        ``scroll`` is False."""
        m = self.model()
        assert isinstance(m, LibraryModel)
        row = m.row_of(article_id)
        if row is None:
            return
        idx = m.index(row, 0)
        self.blockSignals(True)
        self.setCurrentIndex(idx)
        self.blockSignals(False)
        if scroll:
            self.scrollTo(idx)

    def top_article(self) -> int | None:
        """The article in the first row on screen (to keep the place over a reload)."""
        aid = self.indexAt(QPoint(4, 4)).data(IdRole)
        return aid if isinstance(aid, int) else None

    def scroll_to_article(self, article_id: int) -> None:
        """Put ``article_id``'s row at the top of the view, if the list has it."""
        m = self.model()
        assert isinstance(m, LibraryModel)
        row = m.row_of(article_id)
        if row is not None:
            self.scrollTo(m.index(row, 0), QAbstractItemView.ScrollHint.PositionAtTop)
