"""The store keeps subscriptions and the entries they have shown: add, list, update,
remove (articles stay unless asked), seen keys that outlive a deleted article."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.store import Library
from tests.test_store import make_article


def test_add_list_update_feed(library: Library) -> None:
    row, created = library.add_feed("http://a.test/rss", "Gazette", "News")
    assert created and row.url == "http://a.test/rss" and row.folder == "News"
    again, created = library.add_feed("http://a.test/rss")
    assert not created and again.id == row.id
    library.update_feed(row.id, etag='"v1"', last_error="boom", gone=1)
    got = library.feed(row.id)
    assert got is not None and (got.etag, got.last_error, got.gone) == ('"v1"', "boom", 1)
    assert [f.id for f in library.feeds()] == [row.id]
    with pytest.raises(ValueError):
        library.update_feed(row.id, article_count=3)


def test_seen_entries_outlive_a_deleted_article(library: Library) -> None:
    feed, _ = library.add_feed("http://a.test/rss")
    result = library.add(*make_article())
    library.record_entry(feed.id, ["id:1", "link:http://a.test/1"], result.article_id)
    assert library.feed(feed.id).article_count == 1  # type: ignore[union-attr]
    library.delete([result.article_id])
    assert library.seen_entry_keys(feed.id, ["id:1", "id:2", "link:http://a.test/1"]) == {
        "id:1",
        "link:http://a.test/1",
    }
    assert library.feed(feed.id).article_count == 0  # type: ignore[union-attr]


def test_remove_feed_keeps_articles_unless_asked(library: Library) -> None:
    keep, _ = library.add_feed("http://a.test/rss")
    drop, _ = library.add_feed("http://b.test/rss")
    a = library.add(*make_article("The mayor said the bridge would reopen in May. One."))
    b = library.add(*make_article("The mayor said the bridge would reopen in May. Two."))
    library.record_entry(keep.id, ["id:a"], a.article_id)
    library.record_entry(drop.id, ["id:b"], b.article_id)
    deleted = library.remove_feed(keep.id)
    assert deleted is not None and len(deleted) == 0
    assert library.get(a.article_id) is not None
    deleted = library.remove_feed(drop.id, delete_articles=True)
    assert deleted is not None and deleted.ids == [b.article_id]
    assert library.get(b.article_id) is None and library.feeds() == []
    assert library.remove_feed(999) is None


def test_feeds_survive_reopening(db_path: Path) -> None:
    with Library(db_path) as lib:
        lib.add_feed("http://a.test/rss", "Gazette")
    with Library(db_path) as lib:
        assert [f.title for f in lib.feeds()] == ["Gazette"]
