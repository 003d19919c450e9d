"""Full-text search of the library (FTS5 through ``Library.search``) with snippets.

Typing searches after a short pause; Down moves into the results; Enter opens the
selected (or first) result, and the window scrolls the article to the match and
highlights it; Esc closes the search and gives the library list back. In the results
the matched words are bold on a marker colour (rich text, the article's words escaped).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QKeyEvent,
    QPainter,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from reader.gui.style import match_fill, placeholder_palette

if TYPE_CHECKING:
    from reader.store.library import Library, SearchHit

#: Pause after the last key before searching (ms).
DEBOUNCE_MS = 150
#: Marks the window asks the library to put around matched words in a snippet:
#: control characters, which no article text contains (unlike the CLI's [brackets]).
OPEN, CLOSE = "\x02", "\x03"
_MARKED = re.compile(f"{OPEN}(.*?){CLOSE}", re.DOTALL)
#: The item data role holding a result's rich text.
HTML_ROLE = Qt.ItemDataRole.UserRole + 1
#: The item data role holding a result's :class:`Match`.
MATCH_ROLE = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True)
class Match:
    """What a chosen result points at in its article: the words the search matched
    (as the snippet shows them, and as typed) and the passage the snippet quotes."""

    terms: tuple[str, ...]
    passage: str


def match_of(hit: SearchHit, query: str) -> Match:
    """The words to find in the article for ``hit``, and the passage to find them in."""
    words = [w for w in _MARKED.findall(hit.snippet) if w.strip()]
    words += re.findall(r"\w+", query)
    seen: dict[str, None] = {}
    for w in words:
        seen.setdefault(w.casefold(), None)
    passage = hit.snippet.replace(OPEN, "").replace(CLOSE, "").strip("…").strip()
    return Match(tuple(seen), passage)


def hit_text(hit: SearchHit) -> str:
    """Two plain lines (what a screen reader says): title (and publisher), snippet."""
    snippet = " ".join(hit.snippet.replace(OPEN, "").replace(CLOSE, "").split())
    return f"{_head(hit)}\n{snippet}"


def hit_html(hit: SearchHit, mark: QColor, ink: QColor | None = None) -> str:
    """The same two lines as rich text: the article's words escaped, the matched words
    bold on a ``mark`` background, in ``ink`` (the text colour the mark was chosen
    for: a selected row's light text would be unreadable on it)."""
    snippet = html.escape(" ".join(hit.snippet.split()))
    colour = f"; color: {ink.name()}" if ink is not None else ""
    snippet = snippet.replace(OPEN, f"<b style='background-color: {mark.name()}{colour}'>")
    snippet = snippet.replace(CLOSE, "</b>")
    return f"<b>{html.escape(_head(hit))}</b><br>{snippet}"


def _head(hit: SearchHit) -> str:
    head = hit.title or "(untitled)"
    return f"{head} — {hit.publisher}" if hit.publisher else head


def solid(fill: QColor, base: QColor) -> QColor:
    """``fill`` (translucent) laid over ``base``, as one opaque colour (rich text
    backgrounds have no alpha)."""
    a = fill.alphaF()
    return QColor.fromRgbF(
        fill.redF() * a + base.redF() * (1 - a),
        fill.greenF() * a + base.greenF() * (1 - a),
        fill.blueF() * a + base.blueF() * (1 - a),
    )


class HitDelegate(QStyledItemDelegate):
    """Paints a result's rich text (HTML_ROLE), wrapped to the list's width."""

    def _document(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex, width: int
    ) -> QTextDocument:
        doc = QTextDocument()
        doc.setDocumentMargin(2)
        doc.setDefaultFont(option.font)
        doc.setHtml(str(index.data(HTML_ROLE) or ""))
        doc.setTextWidth(max(40, width))
        return doc

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        opt.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        doc = self._document(opt, index, rect.width())
        ctx = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        ctx.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))
        painter.save()
        painter.translate(rect.topLeft())
        painter.setClipRect(rect.translated(-rect.topLeft()))
        doc.documentLayout().draw(painter, ctx)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        view = self.parent()
        width = view.viewport().width() - 8 if isinstance(view, QListView) else 300
        doc = self._document(option, index, width)
        return QSize(width, int(doc.size().height()) + 4)


class SearchPanel(QWidget):
    """A search box over a result list; emits the chosen article's id."""

    #: The chosen article's id and the :class:`Match` to show in it.
    articleChosen = Signal(int, object)
    closed = Signal()

    def __init__(self, library: Library | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.setObjectName("searchPanel")
        self.setAccessibleName("Search")
        self.box = QLineEdit()
        self.box.setObjectName("searchBox")
        self.box.setAccessibleName("Search the library")
        self.box.setPlaceholderText("Search titles and text…")
        self.box.setPalette(placeholder_palette(self.box.palette()))  # a readable hint
        self.box.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setObjectName("searchResults")
        self.results.setAccessibleName("Search results")
        self.results.setWordWrap(True)
        self.results.setUniformItemSizes(False)
        self.results.setResizeMode(QListView.ResizeMode.Adjust)  # re-wrap on resize
        self.results.setItemDelegate(HitDelegate(self.results))
        self.results.setAlternatingRowColors(True)
        self.status = QLabel("")
        self.status.setAccessibleName("Search status")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.box)
        lay.addWidget(self.status)
        lay.addWidget(self.results, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_search)
        self.box.textChanged.connect(lambda _t: self._timer.start())
        self.box.returnPressed.connect(self.open_current)
        self.results.itemActivated.connect(lambda _i: self.open_current())
        self.box.installEventFilter(self)
        self.results.installEventFilter(self)

    def start(self) -> None:
        """Focus the box with its text selected, ready to type over."""
        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.box.selectAll()

    def stop(self) -> None:
        """Drop a pending search (the window is closing)."""
        self._timer.stop()

    def refresh(self) -> None:
        """Run the shown search again (articles were deleted or came back), keeping the
        current row where it can: a result never names an article that is gone."""
        if not self.box.text().strip() or self.library is None:
            return
        row = self.results.currentRow()
        self.run_search()
        if self.results.count():
            self.results.setCurrentRow(min(max(row, 0), self.results.count() - 1))

    def run_search(self) -> None:
        self._timer.stop()
        q = self.box.text().strip()
        self.results.clear()
        if not q or self.library is None:
            self.status.setText("")
            return
        hits = self.library.search(q, marks=(OPEN, CLOSE))
        pal = self.results.palette()
        mark = solid(match_fill(pal), pal.color(QPalette.ColorRole.Base))
        ink = pal.color(QPalette.ColorRole.Text)
        for h in hits:
            item = QListWidgetItem(hit_text(h))
            item.setData(Qt.ItemDataRole.UserRole, h.id)
            item.setData(HTML_ROLE, hit_html(h, mark, ink))
            item.setData(MATCH_ROLE, match_of(h, q))
            item.setToolTip(h.title or "")
            self.results.addItem(item)
        self.status.setText(
            f"{len(hits)} result" + ("" if len(hits) == 1 else "s") if hits else "No matches"
        )
        if hits:
            self.results.setCurrentRow(0)

    def open_current(self) -> None:
        if self._timer.isActive():  # Enter before the pause ended: search now
            self.run_search()
        item = self.results.currentItem() or self.results.item(0)
        if item is not None:
            self.articleChosen.emit(int(item.data(Qt.ItemDataRole.UserRole)), item.data(MATCH_ROLE))

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key == Qt.Key.Key_Escape:
                self.closed.emit()
                return True
            if obj is self.box and key == Qt.Key.Key_Down and self.results.count():
                self.results.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
            if obj is self.results and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.open_current()
                return True
        return super().eventFilter(obj, event)
