"""Reading state as stored: read and starred marks (user state, apart from extracted
facts), the library list's selections (all, unread, starred, a feed, a folder) and
the unread counts the library pane shows."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from reader.store.subscriptions import iter_chunks
from reader.store.timestamps import now_iso

if TYPE_CHECKING:
    from sqlite_utils import Database

#: The library list's order, newest first (by publication date, else import date);
#: migration m009 indexes exactly this expression.
ORDER_SQL = " order by coalesce(a.published, substr(a.imported_at, 1, 10)) desc, a.id desc"


@dataclass(frozen=True)
class Selection:
    """Which articles the library list shows: every one, or those of some feeds;
    narrowed to the unread or the starred ones."""

    feed_ids: tuple[int, ...] | None = None  # None: every article, from a feed or not
    unread: bool = False
    starred: bool = False

    def where(self) -> tuple[str, list[Any]]:
        """SQL conditions on ``articles a`` left-joined to ``article_state s``."""
        conds: list[str] = []
        args: list[Any] = []
        if self.feed_ids is not None:
            q = ",".join("?" * len(self.feed_ids)) or "null"
            conds.append(f"a.id in (select article_id from feed_articles where feed_id in ({q}))")
            args.extend(self.feed_ids)
        if self.unread:
            conds.append("s.read_at is null")
        if self.starred:
            conds.append("s.starred_at is not null")
        return (" where " + " and ".join(conds) if conds else ""), args


@dataclass
class UnreadCounts:
    """What the library pane's list of feeds shows beside each entry."""

    unread: int = 0  # every unread article
    starred: int = 0
    total: int = 0
    feeds: dict[int, int] = field(default_factory=dict)  # feed id → unread articles


class ReadingMixin:
    """The read/starred methods of :class:`reader.store.Library`."""

    if TYPE_CHECKING:
        db: Database

        def _write(self) -> AbstractContextManager[None]: ...

    def article_ids(self, selection: Selection | None = None) -> list[int]:
        """The ids of the selected articles in list order (cheap: for lazy list models)."""
        where, args = (selection or Selection()).where()
        sql = "select a.id from articles a"
        if "s." in where:
            sql += " left join article_state s on s.article_id = a.id"
        return [r[0] for r in self.db.execute(sql + where + ORDER_SQL, args)]

    def unread_counts(self) -> UnreadCounts:
        """Unread articles in all and per feed, starred and total: 4 ms and 27 ms on
        100,000 articles in 500 feeds (``benchmarks/bench_feeds_window.py``). Every
        article_state and feed_articles row belongs to an article in the library
        (they are deleted with it), so no join with articles is needed."""
        out = UnreadCounts()
        out.total, read, out.starred = self.db.execute(
            "select (select count(*) from articles),"
            " (select count(*) from article_state where read_at is not null),"
            " (select count(*) from article_state where starred_at is not null)"
        ).fetchone()
        out.unread = out.total - read
        out.feeds = dict(
            self.db.execute(
                "select fa.feed_id, count(*) from feed_articles fa"
                " left join article_state s on s.article_id = fa.article_id"
                " where s.read_at is null group by fa.feed_id"
            ).fetchall()
        )
        return out

    def feeds_of(self, article_ids: Iterable[int]) -> list[int]:
        """The feed of each (article, feed) pair among ``article_ids``: a feed appears
        once per article of it (what adjusting unread counts needs)."""
        out: list[int] = []
        for chunk in iter_chunks(list(article_ids)):
            q = ",".join("?" * len(chunk))
            out += [
                r[0]
                for r in self.db.execute(
                    f"select feed_id from feed_articles where article_id in ({q})", list(chunk)
                )
            ]
        return out

    def set_read(self, article_ids: Iterable[int], read: bool = True) -> list[int]:
        """Mark articles read or unread; the ids whose mark changed (for undo)."""
        ids = list(dict.fromkeys(article_ids))
        now = now_iso()
        changed: list[int] = []
        with self._write():
            for chunk in iter_chunks(ids):
                changed += self._changing(chunk, "read_at", want_set=read)
                if read:
                    self.db.conn.executemany(
                        "insert into article_state (article_id, read_at) select ?, ?"
                        " where exists(select 1 from articles where id = ?)"
                        " on conflict(article_id) do update set"
                        " read_at = coalesce(article_state.read_at, excluded.read_at)",
                        [(i, now, i) for i in chunk],
                    )
                else:
                    q = ",".join("?" * len(chunk))
                    self.db.execute(
                        f"update article_state set read_at = null where article_id in ({q})",
                        list(chunk),
                    )
        return changed

    def mark_selection_read(self, selection: Selection) -> list[int]:
        """Mark every unread article of ``selection`` read (a feed, a folder, all)."""
        unread = Selection(selection.feed_ids, unread=True, starred=selection.starred)
        return self.set_read(self.article_ids(unread), read=True)

    def set_starred(self, article_id: int, starred: bool) -> bool:
        """Star or unstar an article; whether its mark changed."""
        with self._write():
            changed = bool(self._changing([article_id], "starred_at", want_set=starred))
            if starred:
                self.db.execute(
                    "insert into article_state (article_id, starred_at) select ?, ?"
                    " where exists(select 1 from articles where id = ?)"
                    " on conflict(article_id) do update set"
                    " starred_at = coalesce(article_state.starred_at, excluded.starred_at)",
                    [article_id, now_iso(), article_id],
                )
            else:
                self.db.execute(
                    "update article_state set starred_at = null where article_id = ?",
                    [article_id],
                )
        return changed

    def _changing(self, ids: Sequence[int], column: str, want_set: bool) -> list[int]:
        """Which of ``ids`` (existing articles) do not yet have ``column`` as wanted."""
        q = ",".join("?" * len(ids))
        test = "is null" if want_set else "is not null"
        return [
            r[0]
            for r in self.db.execute(
                f"select a.id from articles a left join article_state s on s.article_id = a.id"
                f" where a.id in ({q}) and s.{column} {test}",
                list(ids),
            )
        ]
