"""Read and starred marks are user state: toggled, counted per feed, kept through a
delete and its undo, and never touched by re-extraction; the library list's
selections (all, unread, starred, a feed, a folder) are queries, not scans."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from reader.store import Library, Selection
from tests.test_gui_support import add_article, variant


def _feed_with(lib: Library, url: str, ids: list[int]) -> int:
    feed, _ = lib.add_feed(url)
    for aid in ids:
        lib.record_entry(feed.id, [f"id:{aid}"], aid)
    return feed.id


def test_read_unread_and_starred_marks(library: Library) -> None:
    a, b = add_article(library, variant(1)), add_article(library, variant(2))
    assert library.unread_counts().unread == 2
    assert library.set_read([a]) == [a]
    assert library.set_read([a]) == []  # already read: nothing changed
    assert library.unread_counts().unread == 1
    assert library.set_read([a], read=False) == [a]
    library.mark_opened(b)
    assert library.row(b).read_at is not None  # type: ignore[union-attr]
    assert library.set_read([b], read=False) == [b]
    library.mark_opened(b)  # opening again marks it read again, as mail readers do
    assert library.row(b).read_at is not None  # type: ignore[union-attr]
    assert library.set_starred(a, True) and not library.set_starred(a, True)
    row = library.row(a)
    assert row is not None and row.starred_at is not None and row.read_at is None
    assert library.article_ids(Selection(starred=True)) == [a]
    assert library.set_starred(a, False)
    assert library.article_ids(Selection(starred=True)) == []
    assert library.set_read([999]) == [] and not library.set_starred(999, True)


def test_selections_and_counts_per_feed(library: Library) -> None:
    ids = [add_article(library, variant(i)) for i in range(5)]
    one = _feed_with(library, "http://one.test/rss", ids[:2])
    two = _feed_with(library, "http://two.test/rss", ids[2:4])
    library.set_read([ids[0], ids[2]])
    counts = library.unread_counts()
    assert (counts.unread, counts.total, counts.feeds) == (3, 5, {one: 1, two: 1})
    assert set(library.article_ids(Selection((one,)))) == set(ids[:2])
    assert library.article_ids(Selection((one, two), unread=True)) == sorted(
        [ids[1], ids[3]], key=library.article_ids().index
    )
    assert library.article_ids(Selection(())) == []  # an empty folder shows nothing
    assert sorted(library.mark_selection_read(Selection((two,)))) == [ids[3]]
    assert library.unread_counts().feeds == {one: 1}
    assert sorted(library.mark_selection_read(Selection())) == [ids[1], ids[4]]
    assert library.unread_counts().unread == 0


def test_marks_survive_reextraction_and_delete_with_undo(library: Library) -> None:
    aid = add_article(library, variant(1))
    feed = _feed_with(library, "http://one.test/rss", [aid])
    library.set_starred(aid, True)
    library.set_read([aid])
    stored = library.get(aid)
    assert stored is not None
    library.replace_extraction(aid, stored.article)
    row = library.row(aid)
    assert row is not None and row.starred_at and row.read_at
    deleted = library.delete([aid])
    assert library.unread_counts().feeds == {} and library.feed_article_ids(feed) == []
    library.restore(deleted)
    row = library.row(aid)
    assert row is not None and row.starred_at and row.read_at
    assert library.feed_article_ids(feed) == [aid]


def test_m009_fills_feed_articles_from_seen_entries(db_path: Path) -> None:
    """A library subscribed before m009 has its feeds' articles listed per feed."""
    from reader.store.schema import migrations

    with Library(db_path) as lib:
        aid = add_article(lib, variant(1))
        feed = _feed_with(lib, "http://one.test/rss", [aid])
    conn = sqlite3.connect(db_path)
    conn.execute("delete from feed_articles")
    conn.execute("delete from _sqlite_migrations where name = 'm009_reading_and_refresh'")
    conn.execute("drop table feed_articles")
    conn.execute("drop index articles_list_order")
    conn.execute("drop index idx_article_state_starred_at")
    conn.execute("alter table article_state drop column starred_at")
    for col in ("interval_min", "fresh_until", "body_hash", "last_tried_at"):
        conn.execute(f"alter table feeds drop column {col}")
    conn.commit()
    conn.close()
    with Library(db_path) as lib:
        assert not migrations.pending(lib.db)
        assert lib.feed_article_ids(feed) == [aid]
        assert lib.unread_counts().feeds == {feed: 1}


def test_list_order_uses_its_index(library: Library) -> None:
    plan = " ".join(
        str(r)
        for r in library.db.execute(
            "explain query plan select a.id from articles a"
            " order by coalesce(a.published, substr(a.imported_at, 1, 10)) desc, a.id desc"
        )
    )
    assert "articles_list_order" in plan and "TEMP B-TREE" not in plan
