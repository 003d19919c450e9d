"""Reading with the sources list: which articles the library list shows, read and
starred marks, unread counts, and Space that pages the article, then goes on to the
next unread one.

Marks are user state (``article_state``), written on the GUI thread as verdicts
are. Unread counts are read once (three grouped queries) and then kept by
arithmetic as articles are read or marked unread, so opening an article never
recounts a library of 100,000.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QAbstractSlider

from reader.errors import store_error, write_reason
from reader.gui.feeds_panel import ALL, UNREAD, Source, SourceKind, feed_status
from reader.gui.imports import plural

if TYPE_CHECKING:
    from reader.gui.window import MainWindow
    from reader.store import ArticleRow, Selection, UnreadCounts


class ReadingController(QObject):
    """The window's sources list and reading marks."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.view = window.feeds_view
        self.counts: UnreadCounts | None = None
        self.view.sourceChosen.connect(self.show_source)

    # --- the sources list ---------------------------------------------------------------

    @property
    def source(self) -> Source:
        return self.view.current_source()

    def rebuild(self) -> None:
        """Read the subscriptions and counts again (after a subscription changed, an
        import, a delete or a refresh): the tree keeps its open folders and row."""
        lib = self.window.library
        try:
            self.counts = lib.unread_counts()
            feeds = lib.feeds()
        except store_error() as exc:
            self.window.statusBar().showMessage(f"Could not read the feeds: {write_reason(exc)}")
            return
        self.view.rebuild(feeds, self.counts)

    def recount(self) -> None:
        """Read the unread counts again and show them (no rebuild of the tree)."""
        try:
            self.counts = self.window.library.unread_counts()
        except store_error():
            return  # a busy or damaged library keeps the counts shown
        self.view.feeds_model.set_counts(self.counts)

    def show_source(self, src: Source) -> None:
        """List the articles of ``src``; the open article stays open and selected if
        the list has it."""
        w = self.window
        try:
            w.lib_model.reload(src.selection())
        except store_error() as exc:
            w.statusBar().showMessage(f"Could not list {src.name}: {write_reason(exc)}")
            return
        if w.stored is not None:
            w.lib_view.select_article(w.stored.id)
        n = len(w.lib_model.ids())
        what = "unread article" if src.kind is SourceKind.UNREAD else "article"
        line = f"{src.name}: {plural(n, what)}"
        if src.is_feed:
            feed = self.view.feeds_model.feed_rows.get(src.feed_ids[0])
            if feed is not None:
                line += f" · {feed_status(feed)}"
        w.flash(line)

    def show_all(self) -> None:
        """Go back to All Articles (an article outside the chosen feed was opened)."""
        if self.view.current_key != ALL.key:
            self.view.choose(ALL.key)

    # --- marks ----------------------------------------------------------------------------

    def _adjust(self, article_ids: list[int], delta: int) -> None:
        """Change the shown unread counts by ``delta`` per article (±1), by the feeds
        each article came from: one indexed query, no recount."""
        if self.counts is None or not article_ids:
            return
        self.counts.unread += delta * len(article_ids)
        for fid in self.window.library.feeds_of(article_ids):
            self.counts.feeds[fid] = self.counts.feeds.get(fid, 0) + delta
        self.view.feeds_model.set_counts(self.counts)

    def opened(self, article_id: int) -> None:
        """An unread article was opened, and so marked read."""
        self._adjust([article_id], -1)

    def _open_row(self) -> ArticleRow | None:
        """The open article's list row (its marks), or None (said when none is open)."""
        w = self.window
        if w.stored is None:
            w.flash("No article is open")
            return None
        return w.library.row(w.stored.id)

    def toggle_read(self) -> None:
        """M: mark the open article unread, or read again."""
        w = self.window
        row = self._open_row()
        if row is None:
            return
        aid = row.id
        read = row.read_at is None
        if not w._write("the read mark", w.library.set_read, [aid], read):
            return
        self._adjust([aid], -1 if read else +1)
        w.lib_model.refresh(aid)
        title = row.title or "(untitled)"
        w.flash(f"Marked {'read' if read else 'unread'}: {title}")

    def toggle_star(self) -> None:
        """S: star the open article, or take its star away."""
        w = self.window
        row = self._open_row()
        if row is None:
            return
        aid = row.id
        star = row.starred_at is None
        if not w._write("the star", w.library.set_starred, aid, star):
            return
        if self.counts is not None:
            self.counts.starred += 1 if star else -1
            self.view.feeds_model.set_counts(self.counts)
        w.lib_model.refresh(aid)
        title = row.title or "(untitled)"
        w.flash(f"{'Starred' if star else 'Star taken away'}: {title}")

    def mark_source_read(self) -> None:
        """Shift+A: every unread article of the chosen feed, folder or list, read."""
        w = self.window
        src = self.source
        sel = src.selection()
        try:
            changed = w.library.mark_selection_read(sel)
        except store_error() as exc:
            w.statusBar().showMessage(f"could not mark {src.name} read: {write_reason(exc)}")
            return
        if not changed:
            w.flash(f"{src.name}: nothing unread")
            return
        self.recount()
        w.lib_model.refresh_all()
        w.flash(f"{src.name}: {plural(len(changed), 'article')} marked read")

    # --- Space ---------------------------------------------------------------------------

    def page_or_next_unread(self) -> None:
        """Space: a page further in the article; at its end, the next unread article of
        the list (after the open one, then from the top)."""
        bar = self.window.view.verticalScrollBar()
        if bar.value() < bar.maximum():
            bar.triggerAction(QAbstractSlider.SliderAction.SliderPageStepAdd)
            return
        self.next_unread()

    def next_unread(self) -> bool:
        """Open the next unread article of the list; say so when there is none."""
        w = self.window
        src = self.source
        sel = src.selection()
        try:
            unread = set(w.library.article_ids(_unread(sel)))
        except store_error() as exc:
            w.statusBar().showMessage(f"Could not look for unread articles: {write_reason(exc)}")
            return False
        ids = w.lib_model.ids()
        here = w.lib_model.row_of(w.stored.id) if w.stored is not None else None
        start = -1 if here is None else here
        order = ids[start + 1 :] + ids[: start + 1]
        target = next((i for i in order if i in unread), None)
        if target is None:
            where = "" if src.key in (ALL.key, UNREAD.key) else f" in {src.name}"
            rest = self.counts.unread if self.counts is not None else 0
            elsewhere = f"; {rest} elsewhere (choose Unread)" if rest and where else ""
            w.flash(f"No more unread articles{where}{elsewhere}")
            return False
        return w.open_article(target)


def _unread(sel: Selection) -> Selection:
    from reader.store import Selection

    return Selection(sel.feed_ids, unread=True, starred=sel.starred)
