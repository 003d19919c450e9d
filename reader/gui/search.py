"""Full-text search of the library (FTS5 through ``Library.search``) with snippets.

Typing searches after a short pause; Down moves into the results; Enter opens the
selected (or first) result, and the window scrolls the article to the match and
highlights it; Esc closes the search and gives the library list back. In the results
the matched words are bold on a marker colour (rich text, the article's words escaped).
"""

from __future__ import annotations

import html
import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRunnable,
    QSize,
    Qt,
    QThreadPool,
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
from reader.store.library import NoteHit

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
    (as the snippet shows them, and as typed) and the passage the snippet quotes; or,
    for a match in the user's own words, the highlight or claim whose note (or
    tags) matched, where the article opens."""

    terms: tuple[str, ...]
    passage: str
    mark_id: int | None = None
    claim_key: str | None = None


def match_of(hit: SearchHit, query: str) -> Match:
    """The words to find in the article for ``hit``, and the passage to find them in."""
    words = [w for w in _MARKED.findall(hit.snippet) if w.strip()]
    words += re.findall(r"\w+", query)
    seen: dict[str, None] = {}
    for w in words:
        seen.setdefault(w.casefold(), None)
    passage = hit.snippet.replace(OPEN, "").replace(CLOSE, "").strip("…").strip()
    if isinstance(hit, NoteHit):
        return Match(tuple(seen), passage, hit.mark_id, hit.claim_key)
    return Match(tuple(seen), passage)


#: Between a highlight's note and its tags in a result.
TAGS_APART = " · "


def shown_snippet(hit: SearchHit) -> str:
    """The snippet as a result shows it: a match in a highlight's note and tags (the
    library indexes them as one text, the note then the tags) as the note's words,
    then the tags as ``#tag`` after :data:`TAGS_APART`; an article's tags as
    ``#tag``. A tag is marked when the search matched a word of it."""
    if not isinstance(hit, NoteHit) or not hit.tags or hit.kind not in ("highlight", "article"):
        return hit.snippet
    label, _, snippet = hit.snippet.partition(": ")
    matched = {w.casefold() for w in _MARKED.findall(snippet)}
    tags = " ".join(
        f"{OPEN}#{t}{CLOSE}"
        if any(w.casefold() in matched for w in re.findall(r"\w+", t))
        else f"#{t}"
        for t in hit.tags
    )
    if hit.kind == "article":
        return f"{label}: {tags}"
    note = _before_tags(snippet, hit.note or "", hit.tags)
    return f"{label}: {note}{TAGS_APART}{tags}" if note else f"{label}: {tags}"


def _before_tags(snippet: str, note: str, tags: tuple[str, ...]) -> str:
    """The part of ``snippet`` (FTS5's window of ``note`` and ``tags`` as indexed,
    with the match marks) that is the note's: cut where the tags start."""
    body = " ".join([note, *tags]).strip()
    tags_at = len(body) - len(" ".join(tags))
    plain = snippet.replace(OPEN, "").replace(CLOSE, "")
    core = plain.removeprefix("…").removesuffix("…")
    at = body.find(core)
    if at < 0:  # not the text indexed (changed since): show the note's own words
        return " ".join(note.split())
    keep = len(plain) - len(plain.removeprefix("…")) + max(0, tags_at - at)
    out: list[str] = []
    n = 0  # the snippet up to ``keep`` characters of plain text, marks kept
    for ch in snippet:
        if ch not in (OPEN, CLOSE):
            if n >= keep:
                break
            n += 1
        out.append(ch)
    cut = "".join(out).rstrip()
    if cut.endswith(OPEN):  # a mark opened on the first tag's word
        cut = cut[: -len(OPEN)].rstrip()
    if cut.count(OPEN) > cut.count(CLOSE):
        cut += CLOSE
    return cut if cut.replace(OPEN, "").replace(CLOSE, "").strip("… ") else ""


def hit_text(hit: SearchHit) -> str:
    """Two plain lines (what a screen reader says): title (and publisher), snippet."""
    snippet = " ".join(shown_snippet(hit).replace(OPEN, "").replace(CLOSE, "").split())
    return f"{_head(hit)}\n{snippet}"


def hit_html(hit: SearchHit, mark: QColor, ink: QColor | None = None) -> str:
    """The same two lines as rich text: the article's words escaped, the matched words
    bold on a ``mark`` background, in ``ink`` (the text colour the mark was chosen
    for: a selected row's light text would be unreadable on it)."""
    snippet = html.escape(" ".join(shown_snippet(hit).split()))
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


class SearchSignals(QObject):
    """Signals of a :class:`SearchJob` (a QRunnable cannot have its own)."""

    finished = Signal(object)  # the SearchJob, with its hits or error


class SearchJob(QRunnable):
    """One search on a pool thread, on its own connection to the library at
    ``db_path``, so a slow search never freezes the window. :meth:`cancel` (the user
    typed on) interrupts the query; the panel applies a job's ``hits`` only if it is
    still the newest one (``generation``)."""

    def __init__(self, db_path: Path, query: str, generation: int) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the panel keeps it until its result is handled
        self.db_path = db_path
        self.query = query
        self.generation = generation
        self.hits: list[SearchHit] | None = None
        self.error = ""
        self.signals = SearchSignals()
        self._lock = threading.Lock()
        self._cancelled = False
        self._library: Library | None = None

    def cancel(self) -> None:
        """Stop the search: before it starts, or interrupt its query."""
        with self._lock:
            self._cancelled = True
            if self._library is not None:
                self._library.db.conn.interrupt()  # sqlite3 allows it from any thread

    @property
    def cancelled(self) -> bool:
        return self._cancelled

    def run(self) -> None:
        from reader.errors import InputError
        from reader.store.library import Library

        lib: Library | None = None
        try:
            if self._cancelled:
                return
            lib = Library(self.db_path)
            with self._lock:
                if self._cancelled:
                    return
                self._library = lib
            self.hits = lib.search(self.query, marks=(OPEN, CLOSE))
        except InputError as exc:
            self.error = exc.reason
        except Exception:  # interrupted (cancelled), or a busy or damaged library
            self.error = "the library is busy or damaged"
        finally:
            with self._lock:
                self._library = None
            if lib is not None:
                lib.close()
            self.signals.finished.emit(self)


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
        self._timer.timeout.connect(self.search_in_background)
        #: Searches run here, one at a time; a newer one cancels the one before.
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._generation = 0  # the newest search; older results are dropped
        self._jobs: set[SearchJob] = set()  # started, their result not yet handled
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
        self._supersede()

    def _supersede(self) -> int:
        """A new search begins: the older ones are cancelled and their results will
        be dropped. Returns the new search's generation."""
        self._generation += 1
        for job in self._jobs:
            job.cancel()
        return self._generation

    @property
    def searching(self) -> bool:
        """Whether a search for the box's text is still running in the background."""
        return any(j.generation == self._generation for j in self._jobs)

    def search_in_background(self) -> None:
        """Search for the box's text on a pool thread (after typing pauses); the
        results replace the list when they come, unless the user typed on."""
        self._timer.stop()
        generation = self._supersede()
        q = self.box.text().strip()
        if not q or self.library is None:
            self.results.clear()
            self.status.setText("")
            return
        self.status.setText("Searching…")
        job = SearchJob(self.library.path, q, generation)
        job.signals.finished.connect(self._search_done)
        self._jobs.add(job)
        self._pool.start(job)

    def _search_done(self, job: SearchJob) -> None:
        """A background search ended (on the GUI thread): show it if still current."""
        self._jobs.discard(job)
        if job.generation != self._generation or job.cancelled:
            return  # the user typed on: a newer search is under way or done
        if job.hits is None:
            self.results.clear()
            self.status.setText(f"Search failed: {job.error}")
            return
        self._show(job.query, job.hits)

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
        """Search now, on this thread (Enter before the pause ended, a refresh after a
        delete): the answer is needed at once. Typing searches in the background."""
        self._timer.stop()
        self._supersede()
        q = self.box.text().strip()
        if not q or self.library is None:
            self.results.clear()
            self.status.setText("")
            return
        self._show(q, self.library.search(q, marks=(OPEN, CLOSE)))

    def _show(self, q: str, hits: list[SearchHit]) -> None:
        """Fill the list with ``hits`` for the query ``q``."""
        self.results.clear()
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
        if self._timer.isActive() or self.searching:  # Enter before the answer: search now
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
