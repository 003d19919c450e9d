"""Full-text search of the library (FTS5 through ``Library.search``) with snippets.

Typing searches after a short pause; Down moves into the results; Enter opens the
selected (or first) result; Esc closes the search and gives the library list back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.gui.style import placeholder_palette

if TYPE_CHECKING:
    from reader.store.library import Library, SearchHit

#: Pause after the last key before searching (ms).
DEBOUNCE_MS = 150


def hit_text(hit: SearchHit) -> str:
    """Two lines: title (and publisher), then the snippet with its [match] marks."""
    head = hit.title or "(untitled)"
    if hit.publisher:
        head += f" — {hit.publisher}"
    snippet = " ".join(hit.snippet.split())
    return f"{head}\n{snippet}"


class SearchPanel(QWidget):
    """A search box over a result list; emits the chosen article's id."""

    articleChosen = Signal(int)
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

    def run_search(self) -> None:
        self._timer.stop()
        q = self.box.text().strip()
        self.results.clear()
        if not q or self.library is None:
            self.status.setText("")
            return
        hits = self.library.search(q)
        for h in hits:
            item = QListWidgetItem(hit_text(h))
            item.setData(Qt.ItemDataRole.UserRole, h.id)
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
            self.articleChosen.emit(int(item.data(Qt.ItemDataRole.UserRole)))

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
