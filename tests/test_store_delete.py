"""Deleting articles from a real library file: every row keyed by the article goes in
one transaction, a snapshot puts them back exactly (undo), ids are never reused, the
same text imported again is a new article, and the first-run samples are marked (by
how they came in, not by their bytes)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from reader.library_ops import import_source
from reader.paths import sample_paths
from reader.pipeline import extract
from reader.store import Library
from reader.store.library import ARTICLE_TABLES
from reader.store.schema import migrations
from tests.test_gui_support import add_article, variant
from tests.test_store import make_article

#: Tables that hold no article's rows: the migration log, the library's own facts, and
#: the subscriptions (feed_entries outlives a deleted article on purpose: an entry the
#: user deleted is not imported again), the tag names (shared by articles and marks).
NOT_ARTICLE_ROWS = {
    "_sqlite_migrations", "id_floors", "library_meta", "feeds", "feed_entries", "tags",
}  # fmt: skip


def _tables(lib: Library) -> list[str]:
    """Every table but FTS5 shadow tables and the articles' FTS table (its triggers
    keep it; the marks' FTS table is written by the store, so it is listed)."""
    names = [
        r[0]
        for r in lib.db.execute(
            "select name from sqlite_master where type = 'table'"
            " and name not like 'articles_fts%' and name not glob '*_fts_*' order by name"
        )
    ]
    return names


def _counts(lib: Library) -> dict[str, int]:
    return {t: lib.db.execute(f"select count(*) from [{t}]").fetchone()[0] for t in _tables(lib)}


def _dump(lib: Library, skip: set[str] = frozenset({"id_floors"})) -> dict[str, list[Any]]:  # type: ignore[assignment]
    """Every row of every table, in rowid/key order: what "byte for byte" compares."""
    out = {}
    for t in _tables(lib):
        if t in skip:
            continue
        out[t] = lib.db.execute(f"select * from [{t}] order by 1, 2").fetchall()
    return out


def _fill(lib: Library) -> tuple[int, int, int]:
    """Two articles sharing outlets, and a third with an outlet of its own, with
    verdicts (one claim with history), notes and read marks."""
    a = add_article(lib, variant(1), "one.md")
    b = add_article(lib, variant(2), "two.md")
    raw, art = make_article()  # "Bridge repairs", outlet Riverside Post only here
    c = lib.add(raw, art).article_id
    for aid in (a, c):
        keys = [sc.claim_key for sc in lib.claims(article_id=aid)]
        lib.set_verdict(aid, keys[0], "true", "first look")
        lib.set_verdict(aid, keys[0], "misleading")
        lib.mark_opened(aid)
    return a, b, c


def test_every_table_keyed_by_an_article_is_deleted_with_it(library: Library) -> None:
    tables = set(_tables(library))
    assert tables - NOT_ARTICLE_ROWS == set(ARTICLE_TABLES), (
        "a new table: say in ARTICLE_TABLES (and Library.delete) what deleting does to it"
    )
    # and every table with a foreign key to an article or a claim is among them
    for t in tables:
        for fk in library.db.execute(f"pragma foreign_key_list([{t}])"):
            if fk[2] in ("articles", "claims"):
                assert t in ARTICLE_TABLES


def test_delete_takes_every_row_of_the_article_and_nothing_else(library: Library) -> None:
    a, b, c = _fill(library)
    before = _counts(library)
    others = {aid: library.get(aid) for aid in (a, b)}
    n_claims = len(library.claims(article_id=c))
    n_links = library.db.execute(
        "select count(*) from chain_links where claim_id in"
        " (select id from claims where article_id = ?)",
        [c],
    ).fetchone()[0]
    assert library.search("cracked beams")

    gone = library.delete([c])

    assert gone.articles == [(c, "Bridge repairs")] and gone.missing == []
    after = _counts(library)
    assert before["articles"] - after["articles"] == 1
    assert before["claims"] - after["claims"] == n_claims
    assert before["chain_links"] - after["chain_links"] == n_links > 0
    assert before["verdicts"] - after["verdicts"] == 2  # the verdict and its history
    assert before["article_state"] - after["article_state"] == 1
    assert before["outlets"] - after["outlets"] == 1  # Riverside Post: only it named it
    assert (
        library.db.execute("select 1 from outlets where name = 'Riverside Post'").fetchone() is None
    )
    assert library.db.execute("select 1 from outlets where name = 'Reuters'").fetchone()  # shared
    assert library.search("cracked beams") == []
    assert library.get(c) is None and library.row(c) is None
    key = next(r["claim_key"] for r in gone.rows["claims"] if r["article_id"] == c)
    assert library.verdict_history(c, key) == []
    for aid, stored in others.items():  # the other articles are exactly as they were
        assert library.get(aid) == stored
    assert library.db.execute("pragma foreign_key_check").fetchall() == []
    library.db.execute("insert into articles_fts (articles_fts) values ('integrity-check')")


def test_restore_puts_every_row_back_byte_for_byte(library: Library) -> None:
    a, _b, c = _fill(library)
    before = _dump(library)
    gone = library.delete([c, a])
    assert [aid for aid, _ in gone.articles] == [c, a]  # in the order asked
    assert _dump(library) != before
    back = library.restore(gone)
    assert sorted(back.ids) == sorted([a, c]) and back.replaced == {}
    assert _dump(library) == before
    key = next(r["claim_key"] for r in gone.rows["claims"] if r["article_id"] == c)
    assert [h.verdict for h in library.verdict_history(c, key)] == ["true", "misleading"]
    assert [h.id for h in library.search("cracked beams")] == [c]
    library.db.execute("insert into articles_fts (articles_fts) values ('integrity-check')")
    assert library.db.execute("pragma foreign_key_check").fetchall() == []


def test_unknown_ids_are_reported_and_the_rest_deleted(library: Library) -> None:
    _a, b, _c = _fill(library)
    gone = library.delete([999, b, 999, 0])
    assert gone.ids == [b]
    assert gone.missing == [999, 0]
    assert library.count_articles() == 2
    nothing = library.delete([12345])
    assert len(nothing) == 0 and nothing.missing == [12345]


def test_delete_is_one_transaction(library: Library) -> None:
    _a, _b, c = _fill(library)
    before = _dump(library)
    # a failure half-way (after claims, verdicts and read marks are deleted)
    library.db.execute(
        "create temp trigger stop before delete on articles begin"
        " select raise(abort, 'disk trouble'); end"
    )
    with pytest.raises(sqlite3.IntegrityError):
        library.delete([c])
    library.db.execute("drop trigger stop")
    assert _dump(library) == before
    assert library.search("cracked beams")


def test_ids_are_never_given_again(library: Library) -> None:
    _a, _b, c = _fill(library)
    gone = library.delete([c])  # the newest article, with the newest claims and verdicts
    raw, art = make_article(body="A different body.\n\nWith 3 new claims, a report said.")
    d = library.add(raw, art).article_id
    assert d > c
    new_claims = [sc.id for sc in library.claims(article_id=d)]
    assert min(new_claims) > max(r["id"] for r in gone.rows["claims"])
    library.set_verdict(d, library.claims(article_id=d)[0].claim_key, "true")
    top = library.db.execute("select max(id) from verdicts").fetchone()[0]
    assert top > max(r["id"] for r in gone.rows["verdicts"])
    # so the undo still puts everything back under its own ids
    assert library.restore(gone).ids == [c]
    assert library.get(c) is not None and library.get(d) is not None


def test_the_same_text_after_a_delete_is_a_new_article(library: Library) -> None:
    src = str(sample_paths()[0])
    first = import_source(library, src)
    assert first.created
    library.delete([first.article_id])
    again = import_source(library, src)
    assert again.created is True and again.article_id != first.article_id
    assert import_source(library, src).created is False  # dedup works as before


def test_restore_after_the_text_came_back_keeps_the_new_one(library: Library) -> None:
    _a, _b, c = _fill(library)
    gone = library.delete([c])
    raw, art = make_article()
    again = library.add(raw, art)
    assert again.created
    back = library.restore(gone)
    assert back.ids == [] and back.replaced == {c: again.article_id}
    assert library.count_articles() == 3
    assert library.db.execute("select 1 from outlets where name = 'Riverside Post'").fetchone()


def test_samples_are_marked_and_go_with_one_delete(library: Library) -> None:
    paths = sample_paths()
    assert len(paths) >= 3
    assert not library.samples_offered()
    own = add_article(library, variant(1), "mine.md")
    assert not library.samples_offered()  # only the samples count
    ids = [library.add(*extract(str(p)), sample=True).article_id for p in paths]  # first run
    assert sorted(library.sample_ids()) == sorted(ids)
    assert library.samples_offered()
    rows = {r.id: r.sample for r in library.list_articles()}
    assert rows == {**{i: True for i in ids}, own: False}
    gone = library.delete(library.sample_ids())
    assert len(gone) == len(paths) and library.sample_ids() == []
    assert [r.id for r in library.list_articles()] == [own]
    assert library.samples_offered()  # an emptied library is not filled again
    library.restore(gone)
    assert sorted(library.sample_ids()) == sorted(ids)


def test_an_older_library_gets_its_samples_marked(db_path: Path) -> None:
    from sqlite_utils import Database

    with Library(db_path) as lib:
        sample = import_source(lib, str(sample_paths()[0])).article_id
        own = add_article(lib, variant(1), "mine.md")
    # back to how m005 left it: no sample marks, no library facts
    db = Database(db_path)
    for t in ("sample_articles", "id_floors", "library_meta"):
        db.execute(f"drop table {t}")
    db.execute("delete from _sqlite_migrations where name = 'm006_samples_and_deletion'")
    db.conn.commit()
    db.close()
    with Library(db_path) as lib:
        assert [m.name for m in migrations.applied(lib.db)][-1] == "m006_samples_and_deletion"
        assert lib.sample_ids() == [sample]
        assert lib.row(own) is not None and not lib.row(own).sample  # type: ignore[union-attr]
        assert lib.samples_offered()


def test_a_sample_file_the_user_imports_is_not_a_sample(library: Library) -> None:
    """The mark follows how an article came in: the user's own import of a file that
    is also a bundled sample is theirs, and Remove Samples must not take it."""
    paths = sample_paths()
    mine = import_source(library, str(paths[0]))
    assert mine.created and library.sample_ids() == []
    assert not library.row(mine.article_id).sample  # type: ignore[union-attr]
    assert not library.samples_offered()  # the samples were never given


def test_a_deleted_sample_imported_again_by_the_user_is_theirs(library: Library) -> None:
    """`reader delete 1` then `reader import resources/samples/harbor-city-water.html`:
    the article is back, new and untagged; the next Remove Samples leaves it."""
    paths = sample_paths()
    ids = [library.add(*extract(str(p)), sample=True).article_id for p in paths]
    harbor = next(i for i, p in zip(ids, paths, strict=True) if p.name == "harbor-city-water.html")
    library.delete([harbor])
    again = import_source(
        library, str(next(p for p in paths if p.name == "harbor-city-water.html"))
    )
    assert again.created and again.article_id != harbor
    assert not library.row(again.article_id).sample  # type: ignore[union-attr]
    assert sorted(library.sample_ids()) == sorted(i for i in ids if i != harbor)
    library.delete(library.sample_ids())  # what Remove Samples does
    assert library.article_ids() == [again.article_id]


def test_a_failed_sample_write_leaves_no_mark(library: Library) -> None:
    """The mark is written in the article's own transaction: both or neither."""
    raw, article = extract(str(sample_paths()[0]))
    library.db.execute("create trigger no_claims before insert on claims begin"
                       " select raise(abort, 'disk full'); end")  # fmt: skip
    with pytest.raises(sqlite3.DatabaseError):
        library.add(raw, article, sample=True)
    library.db.execute("drop trigger no_claims")
    assert library.count_articles() == 0 and library.sample_ids() == []
    assert not library.samples_offered()
    assert library.add(raw, article, sample=True).created
    assert len(library.sample_ids()) == 1
