"""The library pane's list of sources: All, Unread, Starred, then folders of feeds,
each with its unread count, as mail and feed readers show them.

Picking a row gives a :class:`~reader.store.Selection` the article list then shows.
The tree is rebuilt when subscriptions change (a few hundred rows) and only its
counts are rewritten when articles are read or arrive, so switching and counting
stay instant with 100,000 articles in 500 feeds (``benchmarks/bench_feeds_window.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QWidget

from reader.describe import local_time

if TYPE_CHECKING:
    from reader.store import FeedRow, Selection, UnreadCounts

KeyRole = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


class SourceKind(StrEnum):
    """What a row of the sources list stands for."""

    ALL = "all"
    UNREAD = "unread"
    STARRED = "starred"
    FOLDER = "folder"
    FEED = "feed"


@dataclass(frozen=True)
class Source:
    """A row of the sources list: its kind, the feeds it covers and its name."""

    kind: SourceKind
    name: str
    feed_ids: tuple[int, ...] = ()
    key: str = ""  # stable across rebuilds: kind, and the folder name or feed id

    def selection(self) -> Selection:
        """The articles this row shows."""
        from reader.store import Selection

        if self.kind is SourceKind.UNREAD:
            return Selection(unread=True)
        if self.kind is SourceKind.STARRED:
            return Selection(starred=True)
        if self.kind in (SourceKind.FOLDER, SourceKind.FEED):
            return Selection(self.feed_ids)
        return Selection()

    @property
    def is_feed(self) -> bool:
        return self.kind is SourceKind.FEED


ALL = Source(SourceKind.ALL, "All Articles", key="all")
UNREAD = Source(SourceKind.UNREAD, "Unread", key="unread")
STARRED = Source(SourceKind.STARRED, "Starred", key="starred")


def feed_status(feed: FeedRow) -> str:
    """One line on how the feed is doing, in the user's words (its tooltip, the status
    bar when it is picked)."""
    worked = f"last worked {local_time(feed.last_ok_at)}" if feed.last_ok_at else "never fetched"
    if feed.gone:
        return f"Not fetched any more: {feed.last_error or 'the site removed it'}"
    if feed.last_error:
        return f"Last refresh failed: {feed.last_error} ({worked})"
    return worked[0].upper() + worked[1:]


def count_text(n: int) -> str:
    return f"{n:,}" if n else ""


class FeedsModel(QStandardItemModel):
    """Two columns: the source's name and its unread count (empty when none)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 2, parent)
        self._sources: dict[str, Source] = {}
        self._counts: dict[str, QStandardItem] = {}
        self._names: dict[str, QStandardItem] = {}
        self.feed_rows: dict[int, FeedRow] = {}

    def rebuild(self, feeds: list[FeedRow], counts: UnreadCounts) -> None:
        """Build the tree: the three fixed rows, the folders (sorted) with their
        feeds, then the feeds in no folder."""
        self.clear()
        self.setColumnCount(2)
        self._sources.clear()
        self._counts.clear()
        self._names.clear()
        self.feed_rows = {f.id: f for f in feeds}
        root = self.invisibleRootItem()
        for src in (ALL, UNREAD, STARRED):
            root.appendRow(self._row(src))
        folders: dict[str, list[FeedRow]] = {}
        loose: list[FeedRow] = []
        for f in feeds:
            (folders.setdefault(f.folder, []) if f.folder else loose).append(f)
        for name in sorted(folders, key=str.casefold):
            members = folders[name]
            src = Source(SourceKind.FOLDER, name, tuple(f.id for f in members), f"folder:{name}")
            row = self._row(src)
            for f in members:
                row[0].appendRow(self._row(self._feed_source(f)))
            root.appendRow(row)
        for f in loose:
            root.appendRow(self._row(self._feed_source(f)))
        self.set_counts(counts)

    @staticmethod
    def _feed_source(f: FeedRow) -> Source:
        return Source(SourceKind.FEED, f.name, (f.id,), f"feed:{f.id}")

    def _row(self, src: Source) -> list[QStandardItem]:
        name = QStandardItem(src.name)
        count = QStandardItem("")
        for item in (name, count):
            item.setEditable(False)
            item.setData(src.key, KeyRole)
        count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if src.kind is SourceKind.FOLDER:
            font = QFont(name.font())
            font.setBold(True)
            name.setFont(font)
        if src.is_feed:
            feed = self.feed_rows[src.feed_ids[0]]
            status = feed_status(feed)
            name.setToolTip(f"{feed.name}\n{feed.url}\n{status}")
            if feed.last_error or feed.gone:
                name.setText(f"⚠ {src.name}")
                name.setData(f"{src.name}, {status}", Qt.ItemDataRole.AccessibleTextRole)
            if feed.gone:
                font = QFont(name.font())
                font.setItalic(True)
                name.setFont(font)
        self._sources[src.key] = src
        self._names[src.key] = name
        self._counts[src.key] = count
        return [name, count]

    def set_counts(self, counts: UnreadCounts) -> None:
        """Rewrite every count (a dict lookup per row: no query, no rebuild)."""
        for key, src in self._sources.items():
            if src.kind is SourceKind.ALL or src.kind is SourceKind.UNREAD:
                n = counts.unread
            elif src.kind is SourceKind.STARRED:
                n = counts.starred
            else:
                n = sum(counts.feeds.get(fid, 0) for fid in src.feed_ids)
            item = self._counts[key]
            text = count_text(n)
            if item.text() != text:
                item.setText(text)
                item.setData(
                    f"{n} unread" if src.kind is not SourceKind.STARRED else f"{n} starred",
                    Qt.ItemDataRole.AccessibleTextRole,
                )

    def source(self, index: Index) -> Source | None:
        key = index.data(KeyRole) if index.isValid() else None
        return self._sources.get(key) if isinstance(key, str) else None

    def index_of(self, key: str) -> QModelIndex:
        item = self._names.get(key)
        return item.index() if item is not None else QModelIndex()

    def sources(self) -> list[Source]:
        return list(self._sources.values())


class FeedsView(QTreeView):
    """The sources list; ``sourceChosen`` when the user picks a row."""

    sourceChosen = Signal(object)  # Source

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("feedsList")
        self.setAccessibleName("Sources")
        self.setAccessibleDescription("All articles, unread, starred, folders and feeds")
        self.feeds_model = FeedsModel(self)
        self.setModel(self.feeds_model)
        self.setHeaderHidden(True)
        self.setRootIsDecorated(True)
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.current_key = ALL.key
        # a new row is chosen as it becomes current (click or arrow keys); Enter on
        # the current row chooses it again (the list is read afresh)
        self.activated.connect(self._chosen)

    def _stretch(self) -> None:
        """The name takes the width; the count column fits "99,999" at the font (not
        ResizeToContents, which measures every row at each change of a count)."""
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(1, self.fontMetrics().horizontalAdvance("99,999") + 12)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # zoom: the counts still fit
            self._stretch()

    def rebuild(self, feeds: list[FeedRow], counts: UnreadCounts) -> None:
        """Rebuild, keeping the folders open and the current row (All if it went)."""
        open_folders = {
            src.key
            for src in self.feeds_model.sources()
            if src.kind is SourceKind.FOLDER and self.isExpanded(self.feeds_model.index_of(src.key))
        }
        first = not self.feeds_model.sources()
        self.feeds_model.rebuild(feeds, counts)
        self._stretch()
        for src in self.feeds_model.sources():
            if src.kind is SourceKind.FOLDER and (first or src.key in open_folders):
                self.expand(self.feeds_model.index_of(src.key))
        if self.feeds_model.index_of(self.current_key).isValid():
            self._select(self.current_key)
        else:
            self.current_key = ALL.key
            self._select(ALL.key)
            self.sourceChosen.emit(ALL)

    def _select(self, key: str) -> None:
        idx = self.feeds_model.index_of(key)
        self.blockSignals(True)
        self.setCurrentIndex(idx)
        self.blockSignals(False)

    def current_source(self) -> Source:
        src = self.feeds_model.source(self.feeds_model.index_of(self.current_key))
        return src or ALL

    def choose(self, key: str) -> bool:
        """Pick the row ``key`` as the user would; False if there is none."""
        idx = self.feeds_model.index_of(key)
        if not idx.isValid():
            return False
        if key == self.current_key:
            self._chosen(idx)  # the same row again: its list is read afresh
        else:
            self.setCurrentIndex(idx)  # currentChanged chooses it
        return True

    def _chosen(self, index: Index) -> None:
        src = self.feeds_model.source(index)
        if src is not None:
            self.current_key = src.key
            self.sourceChosen.emit(src)

    def currentChanged(
        self,
        current: QModelIndex | QPersistentModelIndex,
        previous: QModelIndex | QPersistentModelIndex,
    ) -> None:
        """Arrow keys in the list switch the source, as a click does."""
        super().currentChanged(current, previous)
        src = self.feeds_model.source(current)
        if src is not None and src.key != self.current_key and not self.signalsBlocked():
            self._chosen(current)
