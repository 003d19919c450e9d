"""The Marks view: every highlight and claim note across the library, in the library
pane, newest article first, filtered by article title, tag, colour and "orphaned".

Each row is three lines (the quote, the note, then the article's title with the
colour, the tags and "ORPHANED" for a mark whose words re-extraction could not find)
at one fixed height, in a list model: the view never measures rows one by one and
never builds a widget per mark, so 5,000 marks open at once. Filtering runs over rows
read once (three queries); Enter or a double-click opens the article at the mark, Del
or Backspace removes the selected mark (Put Back Mark undoes it), Esc gives the
library list back.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetrics, QIcon, QKeyEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from reader.errors import store_error, write_reason
from reader.gui.mark_dialogs import swatch
from reader.gui.style import mark_line, paint_row_background, placeholder_palette, row_colors
from reader.marks import Colour

if TYPE_CHECKING:
    from reader.gui.window import MainWindow

Index = QModelIndex | QPersistentModelIndex
#: The colour filter's entry for claim notes (they have no colour).
CLAIM_NOTES = "claim notes"
#: Characters of a quote or note a row shows (the row elides what does not fit).
ROW_CHARS = 200
#: Keys that remove the selected mark in the list (in the window, Del deletes the
#: article and Backspace removes the mark at the text cursor).
REMOVE_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)


@dataclass(frozen=True)
class MarkRow:
    """One line of the Marks view: a highlight (``mark_id``) or a claim's note."""

    article_id: int
    title: str
    quote: str
    note: str
    tags: tuple[str, ...] = ()
    colour: str | None = None  # None: a claim's note
    mark_id: int | None = None
    claim_key: str | None = None
    orphaned: bool = False

    def lines(self) -> str:
        """The three lines the row shows (and a screen reader says)."""
        head = "ORPHANED — " if self.orphaned else ""
        quote = " ".join(self.quote.split())[:ROW_CHARS]
        note = " ".join(self.note.split())[:ROW_CHARS]
        meta = [self.colour if self.colour else "claim note"]  # never colour alone
        if self.tags:
            meta.append(" ".join(f"#{t}" for t in self.tags))
        meta.append(self.title)  # last: a narrow pane elides the title, not the rest
        return f"{head}“{quote}”\n{note or '(no note)'}\n{' · '.join(meta)}"


class MarksModel(QAbstractListModel):
    """The rows that pass the filters, over all rows read from the library."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.all: list[MarkRow] = []
        self.rows: list[MarkRow] = []
        self._icons: dict[str, QIcon] = {}

    def set_rows(self, rows: list[MarkRow], icons: dict[str, QIcon]) -> None:
        self.all, self._icons = rows, icons

    def filter(
        self,
        title: str = "",
        tag: str | None = None,
        colour: str | None = None,
        orphaned: bool = False,
        article_tags: dict[int, list[str]] | None = None,
    ) -> None:
        """Show the rows whose article title contains ``title`` (any case), that carry
        ``tag`` (themselves, or their article), of ``colour`` (or claim notes), and
        (``orphaned``) only orphaned ones."""
        want = title.casefold().strip()
        key = tag.casefold() if tag else None
        tagged = article_tags or {}

        def keep(r: MarkRow) -> bool:
            if want and want not in r.title.casefold():
                return False
            if key is not None and key not in {t.casefold() for t in r.tags} | {
                t.casefold() for t in tagged.get(r.article_id, ())
            }:
                return False
            if colour == CLAIM_NOTES and r.colour is not None:
                return False
            if colour not in (None, CLAIM_NOTES) and r.colour != colour:
                return False
            return not (orphaned and not r.orphaned)

        self.beginResetModel()
        self.rows = [r for r in self.all if keep(r)]
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        r = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return r.lines()
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icons.get(r.colour or "")
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = f"“{r.quote}”"
            if r.note:
                tip += f"\n\n{r.note}"
            if r.orphaned:
                tip += (
                    "\n\nOrphaned: these words were not found in the article's text after it"
                    " was extracted again; the mark is kept."
                )
            return tip
        if role == Qt.ItemDataRole.UserRole:
            return r
        return None


class MarkDelegate(QStyledItemDelegate):
    """A row as three elided lines beside a bar of the mark's colour: the quote, the
    note (or "(no note)"), and the article's title with colour, tags and ORPHANED in
    the secondary text colour. Fixed height, so the list never measures rows."""

    PAD, BAR = 4, 5

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        line = QFontMetrics(option.font).height()
        return QSize(200, 3 * line + 2 * self.PAD + 2)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        r = index.data(Qt.ItemDataRole.UserRole)
        if not isinstance(r, MarkRow):
            return
        opt, selected = paint_row_background(self, painter, option, index)
        pal: QPalette = opt.palette
        main, meta = row_colors(pal, selected)
        rect = opt.rect.adjusted(self.PAD, self.PAD, -self.PAD, -self.PAD)
        painter.save()
        if r.colour is not None:
            bar = QRect(rect.left(), rect.top(), self.BAR, rect.height())
            painter.fillRect(bar, mark_line(pal, r.colour))
        left = rect.left() + self.BAR + 2 * self.PAD
        width = rect.right() - left
        fm = QFontMetrics(opt.font)
        line = fm.height()
        quote, note, info = r.lines().split("\n")
        bold = QFont(opt.font)
        bold.setBold(r.orphaned)
        for n, (text, pen, font) in enumerate(
            (
                (quote, main, bold),
                (note, main if r.note else meta, opt.font),
                (info, meta, opt.font),
            )
        ):
            painter.setFont(font)
            painter.setPen(pen)
            shown = QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideRight, width)
            painter.drawText(
                QRect(left, rect.top() + n * line, width, line),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                shown,
            )
        painter.restore()


class MarksPanel(QWidget):
    """Filters over the list of marks; emits the chosen one."""

    #: (article id, highlight id or None, claim key or None)
    markChosen = Signal(int, object, object)
    #: The highlight to remove (Del or Backspace in the list; the window can undo it).
    removeRequested = Signal(int)
    closed = Signal()

    def __init__(self, window: MainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.win = window
        self.setObjectName("marksPanel")
        self.setAccessibleName("Marks")
        self.title_box = QLineEdit()
        self.title_box.setObjectName("marksTitleFilter")
        self.title_box.setAccessibleName("Filter marks by article title")
        self.title_box.setPlaceholderText("Filter by article title…")
        self.title_box.setPalette(placeholder_palette(self.title_box.palette()))
        self.title_box.setClearButtonEnabled(True)
        self.tag_box = QComboBox()
        self.tag_box.setAccessibleName("Filter marks by tag")
        self.tag_box.setToolTip("Filter by tag (a mark's own, or its article's)")
        self.colour_box = QComboBox()
        self.colour_box.setAccessibleName("Filter marks by colour")
        self.colour_box.setToolTip("Filter by colour, or show only claim notes")
        self.colour_box.addItem("Any colour", None)
        for c in Colour:
            self.colour_box.addItem(swatch(c, self.palette()), c.value, c.value)
        self.colour_box.addItem(CLAIM_NOTES, CLAIM_NOTES)
        for box in (self.tag_box, self.colour_box):
            box.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            box.setMinimumContentsLength(6)
            box.currentIndexChanged.connect(self.apply_filters)
        self.orphan_box = QCheckBox("Orphaned only")
        self.orphan_box.setAccessibleName("Show only orphaned marks")
        self.orphan_box.toggled.connect(self.apply_filters)
        self.title_box.textChanged.connect(self.apply_filters)
        self.status = QLabel("")
        self.status.setAccessibleName("Marks count")
        self.model = MarksModel(self)
        self.list = QListView()
        self.list.setObjectName("marksList")
        self.list.setAccessibleName("Marks")
        self.list.setModel(self.model)
        self.list.setItemDelegate(MarkDelegate(self.list))
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setUniformItemSizes(True)
        self.list.setAlternatingRowColors(True)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.doubleClicked.connect(lambda _i: self.open_current())
        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        filters.addWidget(self.tag_box, 1)
        filters.addWidget(self.colour_box, 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.title_box)
        lay.addLayout(filters)
        lay.addWidget(self.orphan_box)
        lay.addWidget(self.status)
        lay.addWidget(self.list, 1)
        self._article_tags: dict[int, list[str]] = {}
        self.title_box.installEventFilter(self)
        self.list.installEventFilter(self)

    # --- content --------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read every mark again (a mark or tag changed, articles came or went); the
        filters and the current row stay where they can."""
        lib = self.win.library
        try:
            highlights = lib.highlights()
            notes = lib.claim_notes()
            self._article_tags = lib.article_tag_map()
            tags = [t.name for t in lib.tags()]
            ids = list(
                dict.fromkeys([h.article_id for h in highlights] + [n.article_id for n in notes])
            )
            articles = {r.id: r for r in lib.rows(ids)}
        except store_error() as exc:
            self.status.setText(f"Could not read the marks: {write_reason(exc)}")
            return
        rows = [
            MarkRow(h.article_id, _title(articles, h.article_id), h.exact, h.note or "",
                    tuple(h.tags), h.colour.value, mark_id=h.id, orphaned=h.orphaned)
            for h in highlights
        ] + [
            MarkRow(n.article_id, _title(articles, n.article_id), n.claim_text or n.claim_key,
                    n.note, claim_key=n.claim_key, orphaned=n.claim_text is None)
            for n in notes
        ]  # fmt: skip

        def newest_first(r: MarkRow) -> tuple[str, int]:
            a = articles.get(r.article_id)
            return ((a.published or a.imported_at[:10]) if a else "", r.article_id)

        rows.sort(key=newest_first, reverse=True)  # stable: text order within an article
        icons = {c.value: swatch(c, self.palette()) for c in Colour}
        keep = self.current()
        self.model.set_rows(rows, icons)
        self._set_tags(tags)
        self.apply_filters()
        if keep is not None:
            self.select(keep.mark_id, keep.claim_key)

    def _set_tags(self, tags: list[str]) -> None:
        was = self.tag_box.currentData()
        self.tag_box.blockSignals(True)
        self.tag_box.clear()
        self.tag_box.addItem("Any tag", None)
        for t in tags:
            self.tag_box.addItem(f"#{t}", t)
        self.tag_box.setCurrentIndex(max(0, self.tag_box.findData(was)))
        self.tag_box.blockSignals(False)

    def apply_filters(self, *_: object) -> None:
        self.model.filter(
            self.title_box.text(),
            self.tag_box.currentData(),
            self.colour_box.currentData(),
            self.orphan_box.isChecked(),
            self._article_tags,
        )
        n, total = len(self.model.rows), len(self.model.all)
        lost = sum(r.orphaned for r in self.model.rows)
        line = f"{n} of {total} marks" if n != total else f"{n} mark{'' if n == 1 else 's'}"
        if lost:
            line += f" · {lost} orphaned"
        if not total:
            line = "No marks yet: select words in an article and press A to highlight them"
        elif not n:
            line = f"No marks match (of {total})"
        self.status.setText(line)
        if n and not self.list.currentIndex().isValid():
            self.list.setCurrentIndex(self.model.index(0))

    def current(self) -> MarkRow | None:
        row = self.list.currentIndex().data(Qt.ItemDataRole.UserRole)
        return row if isinstance(row, MarkRow) else None

    def select(self, mark_id: int | None, claim_key: str | None = None) -> bool:
        for i, r in enumerate(self.model.rows):
            if (mark_id is not None and r.mark_id == mark_id) or (
                mark_id is None and claim_key is not None and r.claim_key == claim_key
            ):
                self.list.setCurrentIndex(self.model.index(i))
                return True
        return False

    # --- keys -----------------------------------------------------------------------------

    def start(self) -> None:
        """The focus in the list, on its current row: Enter opens it."""
        self.list.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def open_current(self) -> None:
        r = self.current()
        if r is None and self.model.rows:
            r = self.model.rows[0]
        if r is not None:
            self.markChosen.emit(r.article_id, r.mark_id, r.claim_key)

    def remove_current(self) -> None:
        """Remove the selected highlight (Del, Backspace); the list keeps its place.
        A claim's note is not removed here: it belongs to the claim's verdict."""
        r = self.current()
        if r is None:
            return
        if r.mark_id is None:
            self.win.flash("A claim's note: open its claim (Enter) and edit the note there")
            return
        row = self.list.currentIndex().row()
        self.removeRequested.emit(r.mark_id)  # removed, and this view read again
        if self.model.rows:
            self.list.setCurrentIndex(self.model.index(min(row, len(self.model.rows) - 1)))

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if (
            obj is self.list
            and event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() in REMOVE_KEYS
            and not event.modifiers()
        ):
            event.accept()  # the list's: not Delete Article, not Remove Mark in the text
            return False
        if event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if obj is self.list and key in REMOVE_KEYS and not event.modifiers():
                self.remove_current()
                return True
            if key == Qt.Key.Key_Escape:
                self.closed.emit()
                return True
            if obj is self.title_box and key == Qt.Key.Key_Down and self.model.rows:
                self.list.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.open_current()
                return True
        return super().eventFilter(obj, event)

    def sizeHint(self) -> QSize:
        return QSize(280, 400)


def _title(articles: dict[int, Any], article_id: int) -> str:
    a = articles.get(article_id)
    return (a.title if a is not None and a.title else "") or "(untitled)"
