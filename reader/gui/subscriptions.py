"""Subscriptions in the window: subscribe, refresh (on demand and on a schedule) in
the background with a count and a Cancel, rename, move to a folder, set how often a
feed is fetched, unsubscribe, and OPML in and out.

Network work runs in :mod:`reader.gui.feed_jobs`; the window only starts jobs and
shows what they did. New articles arrive unread: the list and the unread counts
follow as each batch of feeds finishes, and the list keeps its place.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThreadPool, QTimer
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton

from reader.errors import InputError, write_errors, write_reason
from reader.gui.feeds_panel import SourceKind
from reader.gui.imports import plural

if TYPE_CHECKING:  # the jobs and dialogs load on first use: not needed to show the window
    from PySide6.QtWidgets import QInputDialog, QMessageBox

    from reader.gui.feed_jobs import RefreshJob, RefreshOutcome, Subscribed, SubscribeJob
    from reader.gui.window import MainWindow
    from reader.store import FeedRow

#: How often the scheduler looks for feeds that are due (each has its own interval).
SCHEDULE_TICK_MS = 60_000
#: After the library opens, how long before the first scheduled refresh (the window
#: is shown and the last article open first).
FIRST_TICK_MS = 5_000
#: While a refresh brings articles, the list is read again at most this often.
LIST_FOLLOW_MS = 1_500
#: The intervals the Refresh Interval question offers, in minutes (0: only on demand).
INTERVAL_CHOICES = (15, 30, 60, 180, 720, 1440, 0)
NO_FOLDER = "(no folder)"


def interval_text(minutes: int | None, default: int) -> str:
    """``every 30 minutes``, ``every 3 hours``, ``only when you refresh``."""
    if minutes is None:
        return f"default ({interval_text(default, default)})"
    if minutes == 0:
        return "only when you refresh"
    if minutes % 1440 == 0:
        return "every day" if minutes == 1440 else f"every {minutes // 1440} days"
    if minutes % 60 == 0:
        return "every hour" if minutes == 60 else f"every {minutes // 60} hours"
    return f"every {minutes} minutes"


def _input_dialog(parent: MainWindow, title: str, name: str, label: str) -> QInputDialog:
    """A question with one answer (text or a choice), not yet shown."""
    from PySide6.QtWidgets import QInputDialog

    dlg = QInputDialog(parent)
    dlg.setWindowTitle(title)
    dlg.setObjectName(name)
    dlg.setLabelText(label)
    return dlg


class SubscriptionsController(QObject):
    """The window's subscriptions: jobs, their progress and what they change."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)  # one refresh at a time; a subscribe queues
        self.refresh_job: RefreshJob | None = None
        #: Searches for a feed, kept alive until their success callback ran.
        self.jobs: list[SubscribeJob] = []
        self.last_outcome: RefreshOutcome | None = None
        self.closing = False

        self.follow = QTimer(self)  # reads the list again while articles arrive
        self.follow.setSingleShot(True)
        self.follow.timeout.connect(lambda: self.window.library_changed())
        self.schedule = QTimer(self)
        self.schedule.timeout.connect(self.refresh_due)

    @cached_property
    def status_widgets(self) -> tuple[QLabel, QProgressBar, QPushButton]:
        """The status bar's count, bar and Stop button, made on the first refresh (not
        at start-up)."""
        label = QLabel("")
        label.setAccessibleName("Refreshing feeds")
        bar = QProgressBar()
        bar.setAccessibleName("Refresh progress")
        bar.setMaximumWidth(140)
        stop = QPushButton("Stop")
        stop.setObjectName("stopRefreshButton")
        stop.setAccessibleName("Stop refreshing")
        stop.clicked.connect(self.cancel)
        for w in (label, bar, stop):
            w.setVisible(False)
            self.window.statusBar().addPermanentWidget(w)
        self.window.keys_guard.watch(stop)
        return label, bar, stop

    @property
    def progress_label(self) -> QLabel:
        return self.status_widgets[0]

    @property
    def progress(self) -> QProgressBar:
        return self.status_widgets[1]

    @property
    def cancel_button(self) -> QPushButton:
        return self.status_widgets[2]

    def loaded(self) -> None:
        """The library is open: start the schedule (if the user has it on)."""
        if self.window.persist and self.window.prefs.auto_refresh:
            self.schedule.start(SCHEDULE_TICK_MS)
            QTimer.singleShot(FIRST_TICK_MS, self.refresh_due)

    # --- the chosen feed ------------------------------------------------------------------

    def _chosen_feed(self) -> FeedRow | None:
        """The feed chosen in the sources list, or None (said in the status bar)."""
        w = self.window
        src = w.reading.source
        if not src.is_feed:
            w.flash("Choose a feed in the sources list first")
            return None
        feed = w.library.feed(src.feed_ids[0])
        if feed is None:
            w.flash(f"{src.name} is no longer subscribed")
            w.reading.rebuild()
        return feed

    def _update(self, feed: FeedRow, what: str, **values: object) -> bool:
        w = self.window
        try:
            w.library.update_feed(feed.id, **values)
        except write_errors() as exc:
            w.statusBar().showMessage(f"could not save {what}: {write_reason(exc)} — try again")
            return False
        w.reading.rebuild()
        return True

    # --- subscribe ------------------------------------------------------------------------

    def subscribe(self, url: str | None = None, folder: str | None = None) -> SubscribeJob | None:
        """Ask for an address (a feed, or any page of a site) and follow it; its
        articles are fetched at once. With ``url``, no question."""
        if url is None:
            dlg = _input_dialog(
                self.window,
                "Subscribe",
                "subscribeDialog",
                "Address of a feed, or of any page of the site (its feed is found):",
            )
            dlg.textValueSelected.connect(lambda text: self.subscribe(text.strip(), folder))
            self.window._show_dialog(dlg, modal=True)
            return None
        if not url:
            self.window.flash("Nothing to subscribe to: the address is empty")
            return None
        if "://" not in url:
            url = "https://" + url
        if folder is None:
            src = self.window.reading.source
            folder = src.name if src.kind is SourceKind.FOLDER else ""
        from reader.gui.feed_jobs import SubscribeJob

        job = SubscribeJob(self.window.db_path, url, folder, success=self._subscribed)
        self.jobs.append(job)
        label, bar, _stop = self.status_widgets
        label.setText(f"Looking for the feed of {url}…")
        bar.setRange(0, 0)  # busy: no count to give
        for widget in self.status_widgets:
            widget.setVisible(True)
        self.pool.start(job)
        return job

    def _subscribed(self, out: Subscribed) -> None:
        self.jobs = [j for j in self.jobs if j.signals is not self.sender()]
        if self.closing:
            return
        w = self.window
        if self.refresh_job is None:
            for widget in self.status_widgets:
                widget.setVisible(False)
        if out.feed is None and out.reason == "cancelled":
            w.flash(f"Stopped looking for the feed of {out.source}")
            return
        if out.feed is None:  # stays until the next message: the user must read it
            w.statusBar().showMessage(f"Could not subscribe to {out.source}: {out.reason}")
            return
        w.reading.rebuild()
        w.feeds_view.choose(f"feed:{out.feed.id}")
        if not out.created:
            w.flash(f"Already subscribed: {out.feed.name}")
            return
        w.flash(f"Subscribed: {out.feed.name} — fetching its articles…")
        self.refresh([out.feed.id])

    # --- refresh ---------------------------------------------------------------------------

    def refresh_all(self) -> RefreshJob | None:
        """R: every feed now (those the server asked to wait are skipped, and said)."""
        try:
            ids = [f.id for f in self.window.library.feeds() if not f.gone]
        except write_errors() as exc:
            self.window.statusBar().showMessage(f"Could not read the feeds: {write_reason(exc)}")
            return None
        if not ids:
            self.window.flash("No feeds to refresh: Feeds → Subscribe follows a site")
            return None
        return self.refresh(ids)

    def refresh_chosen(self) -> RefreshJob | None:
        """Shift+R: the chosen feed, or every feed of the chosen folder."""
        src = self.window.reading.source
        if src.kind not in (SourceKind.FEED, SourceKind.FOLDER):
            return self.refresh_all()
        return self.refresh(list(src.feed_ids))

    def refresh_due(self) -> RefreshJob | None:
        """The schedule: the feeds whose interval has run out (and that the server
        lets us ask), in the background, quietly."""
        from datetime import UTC, datetime

        from reader.feeds.schedule import due_feeds

        if self.refresh_job is not None or self.closing:
            return None
        try:
            due = due_feeds(
                self.window.library.feeds(),
                datetime.now(UTC),
                self.window.prefs.refresh_minutes,
            )
        except write_errors():
            return None  # busy or damaged: the next tick tries again
        return self.refresh([f.id for f in due], scheduled=True) if due else None

    def refresh(self, feed_ids: list[int], scheduled: bool = False) -> RefreshJob | None:
        """Refresh ``feed_ids`` in the background; one refresh at a time."""
        if self.refresh_job is not None:
            if not scheduled:
                self.window.flash("A refresh is under way: Stop ends it")
            return None
        from reader.gui.feed_jobs import RefreshJob

        job = RefreshJob(self.window.db_path, feed_ids, success=self._refreshed)
        job.signals.progress.connect(self._progress)
        self.refresh_job = job
        self.progress.setRange(0, len(feed_ids))
        self.progress.setValue(0)
        self.progress_label.setText(f"Refreshing {plural(len(feed_ids), 'feed')}…")
        for w in (self.progress_label, self.progress, self.cancel_button):
            w.setVisible(True)
        self.pool.start(job)
        return job

    def _progress(self, done: int, total: int, new: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.progress_label.setText(
            f"Refreshing feeds {done}/{total}" + (f" · {plural(new, 'new article')}" if new else "")
        )
        if new and not self.follow.isActive():
            self.follow.start(LIST_FOLLOW_MS)

    def cancel(self) -> None:
        """Stop the refresh (or the search for a feed) under way; what it stored stays."""
        looking = list(self.jobs)
        for job in looking:
            job.cancel()
        if self.refresh_job is None:
            if not looking:
                self.window.flash("No refresh under way")
            return
        self.refresh_job.cancel()
        self.progress_label.setText("Stopping the refresh…")

    def _refreshed(self, out: RefreshOutcome) -> None:
        self.refresh_job = None
        self.last_outcome = out
        if self.closing:
            return
        for w in self.status_widgets:
            w.setVisible(False)
        self.follow.stop()
        self.window.library_changed(feeds=True)
        subscribed = set(self.window.feeds_view.feeds_model.feed_rows)
        self.window.flash(refresh_summary(out, subscribed))

    def wait(self, timeout_ms: int = 60_000) -> bool:
        return self.pool.waitForDone(timeout_ms)

    def shutdown(self, timeout_ms: int) -> bool:
        """The window closes: stop the schedule, cancel what runs (a download is cut at
        once), wait at most ``timeout_ms``; what was stored stays."""
        self.closing = True
        self.schedule.stop()
        self.follow.stop()
        if self.refresh_job is not None:
            self.refresh_job.cancel()
        for job in self.jobs:
            job.cancel()
        return self.pool.waitForDone(timeout_ms)

    # --- managing ----------------------------------------------------------------------------

    def rename(self) -> None:
        """F2: give the chosen feed another name (empty: the feed's own title again)."""
        feed = self._chosen_feed()
        if feed is None:
            return
        dlg = _input_dialog(
            self.window, "Rename Feed", "renameFeedDialog", f"New name for {feed.name}:"
        )
        dlg.setTextValue(feed.title or "")
        dlg.textValueSelected.connect(lambda text: self.apply_rename(feed, text))
        self.window._show_dialog(dlg, modal=True)

    def apply_rename(self, feed: FeedRow, name: str) -> None:
        name = " ".join(name.split())
        if self._update(feed, "the name", title=name):
            self.window.flash(f"Renamed: {name or feed.url}")

    def move(self) -> None:
        """Put the chosen feed in a folder: one in use, a new one, or none."""
        feed = self._chosen_feed()
        if feed is None:
            return
        folders = [NO_FOLDER, *self.window.library.folders()]
        dlg = _input_dialog(
            self.window,
            "Move to Folder",
            "moveFeedDialog",
            f"Folder for {feed.name} (type a new name to make one):",
        )
        dlg.setComboBoxItems(folders)
        dlg.setComboBoxEditable(True)
        dlg.setTextValue(feed.folder or NO_FOLDER)
        dlg.textValueSelected.connect(lambda text: self.apply_move(feed, text))
        self.window._show_dialog(dlg, modal=True)

    def apply_move(self, feed: FeedRow, folder: str) -> None:
        folder = " ".join(folder.split())
        folder = "" if folder == NO_FOLDER else folder
        if self._update(feed, "the folder", folder=folder):
            self.window.feeds_view.choose(f"feed:{feed.id}")
            self.window.flash(f"Moved {feed.name} to {folder or 'no folder'}")

    def set_interval(self) -> None:
        """How often the chosen feed is fetched; with no feed chosen, the default."""
        w = self.window
        src = w.reading.source
        default = w.prefs.refresh_minutes
        feed = w.library.feed(src.feed_ids[0]) if src.is_feed else None
        choices = [interval_text(m, default) for m in INTERVAL_CHOICES]
        dlg = _input_dialog(w, "Refresh Interval", "intervalDialog", "")
        dlg.setComboBoxEditable(False)
        if feed is not None:
            choices = [interval_text(None, default), *choices]
            dlg.setLabelText(f"Fetch {feed.name}:")
            current = interval_text(feed.interval_min, default)
        else:
            dlg.setLabelText("Fetch every feed that has no interval of its own:")
            current = interval_text(default, default)
        dlg.setComboBoxItems(choices)
        dlg.setTextValue(current)
        dlg.textValueSelected.connect(lambda text: self.apply_interval(feed, text))
        w._show_dialog(dlg, modal=True)

    def apply_interval(self, feed: FeedRow | None, text: str) -> None:
        w = self.window
        default = w.prefs.refresh_minutes
        by_text = {interval_text(m, default): m for m in INTERVAL_CHOICES}
        if feed is None:
            minutes = by_text.get(text)
            if minutes is None:
                return
            w.prefs.refresh_minutes = minutes
            w.flash(f"Feeds are fetched {interval_text(minutes, minutes)} unless set otherwise")
            return
        chosen = None if text == interval_text(None, default) else by_text.get(text)
        if text != interval_text(None, default) and chosen is None:
            return
        if self._update(feed, "the interval", interval_min=chosen):
            w.flash(f"{feed.name} is fetched {interval_text(chosen, default)}")

    def unsubscribe(self) -> QMessageBox | None:
        """Ask, then stop following the chosen feed; its articles stay unless the user
        picks "Unsubscribe and Delete Articles" (which Undo Delete brings back)."""
        feed = self._chosen_feed()
        if feed is None:
            return None
        from PySide6.QtWidgets import QAbstractButton, QMessageBox

        w = self.window
        box = QMessageBox(w)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("Unsubscribe")
        box.setText(f"Stop following {feed.name}?")
        box.setInformativeText(
            (
                "Its article stays in the library unless you delete it too"
                if feed.article_count == 1
                else f"Its {plural(feed.article_count, 'article')} stay in the library unless"
                " you delete them too"
            )
            + " (Undo Delete brings deleted articles back until you close the window)."
        )
        keep = box.addButton("Unsubscribe", QMessageBox.ButtonRole.AcceptRole)
        keep.setObjectName("unsubscribeButton")
        drop = box.addButton(
            "Unsubscribe and Delete Articles", QMessageBox.ButtonRole.DestructiveRole
        )
        drop.setObjectName("unsubscribeDeleteButton")
        for b in (keep, drop):
            b.setAutoDefault(False)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)

        def answered(button: QAbstractButton) -> None:
            if button is keep or button is drop:
                self.apply_unsubscribe(feed, delete_articles=button is drop)

        box.buttonClicked.connect(answered)
        w._show_dialog(box, modal=True)
        return box

    def apply_unsubscribe(self, feed: FeedRow, delete_articles: bool) -> None:
        w = self.window
        open_id = w.stored.id if w.stored is not None else None
        try:
            deleted = w.library.remove_feed(feed.id, delete_articles=delete_articles)
        except write_errors() as exc:
            w.statusBar().showMessage(f"could not unsubscribe: {write_reason(exc)} — try again")
            return
        if deleted is not None and deleted.ids:
            w.deletions.undo_stack.append(deleted)
            w.deletions.deleted_any = True
        w.library_changed(feeds=True)
        if deleted is not None and open_id in deleted.ids:
            w.deletions.show_nothing(say=False)
        gone = f"; {plural(len(deleted.ids), 'article')} deleted" if deleted and deleted.ids else ""
        w.flash(f"Unsubscribed from {feed.name}{gone}")

    # --- OPML ------------------------------------------------------------------------------------

    def import_opml(self, path: str | None = None) -> int:
        """Follow every feed of an OPML file, with its folders; then fetch the new ones.
        The number of new subscriptions."""
        from reader.feeds.opml import read_opml

        w = self.window
        if path is None:
            from PySide6.QtWidgets import QFileDialog

            path, _ = QFileDialog.getOpenFileName(
                w, "Import OPML", "", "OPML (*.opml *.xml);;All files (*)"
            )
            if not path:
                return 0
        try:
            with open(path, "rb") as f:
                data = f.read()
            subs = read_opml(data, path)
        except OSError as exc:
            w.flash(f"Could not read {path}: {exc.strerror or exc}")
            return 0
        except InputError as exc:
            w.flash(f"Could not import {path}: {exc.reason}")
            return 0
        new: list[int] = []
        try:
            for sub in subs:
                row, created = w.library.add_feed(sub.url, sub.title, sub.folder)
                if created:
                    new.append(row.id)
        except write_errors() as exc:
            w.statusBar().showMessage(f"could not save the subscriptions: {write_reason(exc)}")
        w.reading.rebuild()
        w.flash(f"{plural(len(new), 'new subscription')} of {len(subs)} in the file")
        if new:
            self.refresh(new)
        return len(new)

    def export_opml(self, path: str | None = None) -> bool:
        """Save every subscription, with its folder, as OPML 2.0."""
        from reader.feeds.opml import Subscription, write_opml

        w = self.window
        if path is None:
            from pathlib import Path

            from PySide6.QtCore import QStandardPaths
            from PySide6.QtWidgets import QFileDialog

            docs = QStandardPaths.writableLocation(
                QStandardPaths.StandardLocation.DocumentsLocation
            ) or str(Path.home())
            path, _ = QFileDialog.getSaveFileName(
                w, "Export OPML", str(Path(docs) / "subscriptions.opml"), "OPML (*.opml)"
            )
            if not path:
                return False
        subs = [Subscription(r.url, r.title or "", r.folder) for r in w.library.feeds()]
        try:
            with open(path, "wb") as f:
                f.write(write_opml(subs))
        except OSError as exc:
            w.flash(f"Could not write {path}: {exc.strerror or exc}")
            return False
        w.flash(f"Exported {plural(len(subs), 'subscription')} to {path}")
        return True


def refresh_summary(out: RefreshOutcome, subscribed: set[int]) -> str:
    """The status-bar line for a finished refresh (``subscribed``: the feed ids
    subscribed now)."""
    from reader.feeds.refresh import Outcome

    if out.failure:
        return f"Could not refresh: {out.failure}"
    head = (
        f"Refresh stopped after {out.done} of {plural(out.total, 'feed')}"
        if out.cancelled
        else f"Refreshed {plural(out.total, 'feed')}"
    )
    parts = [head, plural(out.new, "new article")]
    failed = out.failed(subscribed)
    if failed:
        parts.append(f"{plural(len(failed), 'feed')} failed (⚠ in the list says why)")
    later = [r for r in out.results if r.outcome is Outcome.LATER]
    if later:
        parts.append(f"{len(later)} asked us to wait")
    return " · ".join(parts)
