"""Subscriptions as stored: feeds, the entries each has shown, and the articles each
brought. The store keeps what the refresher learnt; fetching and parsing live in
:mod:`reader.feeds`."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from reader.store.timestamps import now_iso

if TYPE_CHECKING:
    from sqlite_utils import Database

    from reader.store.library import Deleted


@dataclass
class FeedRow:
    """A subscription as stored, with how many of its articles are in the library."""

    COLUMNS: ClassVar[tuple[str, ...]] = (
        "id", "url", "title", "folder", "etag", "last_modified", "last_ok_at",
        "last_error", "next_fetch_after", "gone", "interval_min", "fresh_until",
        "body_hash", "last_tried_at",
    )  # fmt: skip

    id: int
    url: str
    title: str | None
    folder: str
    etag: str | None = None
    last_modified: str | None = None
    last_ok_at: str | None = None
    last_error: str | None = None
    next_fetch_after: str | None = None  # the server asked to wait (429/503 Retry-After)
    gone: int = 0  # 1 once the server answered 410
    interval_min: int | None = None  # None: the app's default interval
    fresh_until: str | None = None  # the server's Cache-Control max-age runs until then
    body_hash: str | None = None  # of the last body parsed
    last_tried_at: str | None = None
    article_count: int = 0

    @property
    def name(self) -> str:
        """What the user sees: the title, else the address."""
        return self.title or self.url


class SubscriptionsMixin:
    """The feed methods of :class:`reader.store.Library`."""

    if TYPE_CHECKING:
        db: Database

        def _write(self) -> AbstractContextManager[None]: ...
        def _delete_locked(self, article_ids: Iterable[int]) -> Deleted: ...

    def add_feed(self, url: str, title: str = "", folder: str = "") -> tuple[FeedRow, bool]:
        """Subscribe to ``url`` (already subscribed: that feed, and False)."""
        with self._write():
            row = self._feed_by_url(url)
            if row is not None:
                return row, False
            self.db.execute(
                "insert into feeds (url, title, folder, added_at) values (?,?,?,?)",
                [url, title, folder, now_iso()],
            )
            row = self._feed_by_url(url)
        assert row is not None
        return row, True

    def _feed_by_url(self, url: str) -> FeedRow | None:
        rows = self._select_feeds("where url = ?", [url])
        return rows[0] if rows else None

    def _select_feeds(self, where: str = "", params: Sequence[Any] = ()) -> list[FeedRow]:
        cols = ", ".join(FeedRow.COLUMNS)
        order = "order by folder, coalesce(nullif(title, ''), url), id"
        sql = f"select {cols} from feeds {where} {order}"
        rows = self.db.execute(sql, params).fetchall()
        ids = [r[0] for r in rows]
        counts: dict[int, int] = {}
        if len(ids) == 1:
            counts[ids[0]] = self.db.execute(
                "select count(*) from feed_articles where feed_id = ?", ids
            ).fetchone()[0]
        elif ids:  # one pass over the (feed_id, article_id) primary key
            counts = dict(
                self.db.execute(
                    "select feed_id, count(*) from feed_articles group by feed_id"
                ).fetchall()
            )
        return [
            FeedRow(
                **dict(zip(FeedRow.COLUMNS, r, strict=False)), article_count=counts.get(r[0], 0)
            )
            for r in rows
        ]

    def feeds(self) -> list[FeedRow]:
        """Every subscription, by folder and title."""
        return self._select_feeds()

    def feed(self, feed_id: int) -> FeedRow | None:
        rows = self._select_feeds("where id = ?", [feed_id])
        return rows[0] if rows else None

    def update_feed(self, feed_id: int, **values: Any) -> None:
        """Set some of a feed's columns (any of :attr:`FeedRow.COLUMNS` but the id) in
        one transaction."""
        unknown = set(values) - set(FeedRow.COLUMNS[1:])
        if unknown:
            raise ValueError(f"not a feed column: {sorted(unknown)}")
        if not values:
            return
        sets = ", ".join(f"{k} = ?" for k in values)
        with self._write():
            self.db.execute(f"update feeds set {sets} where id = ?", [*values.values(), feed_id])

    def remove_feed(self, feed_id: int, delete_articles: bool = False) -> Deleted | None:
        """Unsubscribe: the feed and its seen entries go; its articles stay unless
        ``delete_articles`` (then they are deleted as :meth:`delete` does, in the same
        transaction). None when there is no such feed."""
        from reader.store.library import Deleted

        with self._write():
            if self.db.execute("select 1 from feeds where id = ?", [feed_id]).fetchone() is None:
                return None
            deleted = Deleted()
            if delete_articles:
                deleted = self._delete_locked(self.feed_article_ids(feed_id))
            self.db.execute("delete from feed_entries where feed_id = ?", [feed_id])
            self.db.execute("delete from feed_articles where feed_id = ?", [feed_id])
            self.db.execute("delete from feeds where id = ?", [feed_id])
        return deleted

    def feed_article_ids(self, feed_id: int) -> list[int]:
        """The ids of the articles ``feed_id`` brought that are in the library."""
        return [
            r[0]
            for r in self.db.execute(
                "select article_id from feed_articles where feed_id = ? order by article_id",
                [feed_id],
            )
        ]

    def seen_entry_keys(self, feed_id: int, keys: Iterable[str]) -> set[str]:
        """Which of ``keys`` the feed has shown before."""
        wanted = list(keys)
        if not wanted:
            return set()
        q = ",".join("?" * len(wanted))
        return {
            r[0]
            for r in self.db.execute(
                f"select entry_key from feed_entries where feed_id = ? and entry_key in ({q})",
                [feed_id, *wanted],
            )
        }

    def record_entry(self, feed_id: int, keys: Iterable[str], article_id: int | None) -> None:
        """Remember an entry under each of its keys (and the article it became, if any),
        so that it is never imported twice, nor again after the user deletes it."""
        now = now_iso()
        with self._write():
            self.db.conn.executemany(
                "insert into feed_entries (feed_id, entry_key, article_id, seen_at)"
                " values (?,?,?,?) on conflict(feed_id, entry_key) do update set"
                " article_id = coalesce(feed_entries.article_id, excluded.article_id)",
                [(feed_id, k, article_id, now) for k in dict.fromkeys(keys)],
            )
            if article_id is not None:  # (an entry the user deleted is not listed again)
                self.db.execute(
                    "insert or ignore into feed_articles (feed_id, article_id)"
                    " select ?, id from articles where id = ?",
                    [feed_id, article_id],
                )

    def folders(self) -> list[str]:
        """Every folder name in use, sorted."""
        return [
            r[0]
            for r in self.db.execute(
                "select distinct folder from feeds where folder != '' order by folder"
            )
        ]


def iter_chunks(ids: Sequence[int], size: int = 500) -> Iterator[Sequence[int]]:
    """``ids`` in pieces under SQLite's variable limit."""
    for i in range(0, len(ids), size):
        yield ids[i : i + size]
