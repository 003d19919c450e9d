"""The library's schema, changed only through sqlite-utils ``Migrations``.

Extracted facts (articles, claims, outlets, chain links) are rebuilt whenever the
engine re-runs; user state (verdicts with their history, read marks) lives in its
own tables keyed so that re-extraction never touches it, as NetNewsWire keeps
statuses apart from articles.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

#: The name of our migration set in sqlite-utils' ``_sqlite_migrations`` table.
MIGRATION_SET = "provenance-reader"
migrations = Migrations(MIGRATION_SET)

#: ``PRAGMA application_id`` of a Provenance Reader library ("PRdr"): what tells our
#: files from other programs' SQLite files (``file`` names it too). Set by m007.
APPLICATION_ID = 0x50526472


def check_identity(db: Database, path: object) -> None:
    """Refuse, before anything is written, a file that is not ours to change.

    - another program's SQLite file (another application id; or no id, some tables,
      and none of our migrations): not a library, left untouched;
    - a library a newer version migrated (migrations applied that this version does
      not know): its schema may mean things we would get wrong.

    An empty file, or one with no tables, is ours to initialise.
    """
    from reader import __version__
    from reader.errors import LibraryError

    app_id = int(db.execute("PRAGMA application_id").fetchone()[0])
    tables = {r[0] for r in db.execute("select name from sqlite_master where type = 'table'")}
    applied: list[str] = []
    if Migrations.migrations_table in tables:
        applied = [
            r[0]
            for r in db.execute(
                f"select name from {Migrations.migrations_table} where migration_set = ?",
                [MIGRATION_SET],
            )
        ]
    ours = app_id == APPLICATION_ID or (app_id == 0 and (not tables or bool(applied)))
    if not ours:
        raise LibraryError(
            str(path),
            "is not a usable library: it is another program's database (left untouched)",
        )
    known = {m.name for m in migrations._migrations}
    newer = [name for name in applied if name not in known]
    if newer:
        raise LibraryError(
            str(path),
            f"was written by a newer version of Provenance Reader than this one"
            f" ({__version__}; it has {len(newer)} change{'s' if len(newer) > 1 else ''}"
            " this version does not know): open it with the newer version (left untouched)",
        )


@migrations()
def m001_articles(db: Database) -> None:
    db["articles"].create(  # type: ignore[union-attr]
        {
            "id": int,
            "content_hash": str,
            "source": str,
            "kind": str,
            "raw": bytes,  # zlib-compressed input bytes, kept for re-extraction
            "url": str,
            "title": str,
            "byline": str,
            "publisher": str,
            "published": str,
            "markdown": str,
            "text": str,
            "imported_at": str,
            "extracted_at": str,
            "engine": str,
        },
        pk="id",
        not_null={"content_hash", "source", "kind", "raw", "text", "imported_at"},
    )
    db["articles"].create_index(["content_hash"], unique=True)  # type: ignore[union-attr]
    db["articles"].create_index(["published", "imported_at"])  # type: ignore[union-attr]
    db["articles"].enable_fts(  # type: ignore[union-attr]
        ["title", "text"], fts_version="FTS5", create_triggers=True, tokenize="porter"
    )


@migrations()
def m002_claims(db: Database) -> None:
    db["outlets"].create({"id": int, "name": str}, pk="id", not_null={"name"})  # type: ignore[union-attr]
    db["outlets"].create_index(["name"], unique=True)  # type: ignore[union-attr]
    db["claims"].create(  # type: ignore[union-attr]
        {
            "id": int,
            "article_id": int,
            "seq": int,
            "claim_key": str,  # normalised text: how user verdicts find their claim again
            "text": str,
            "start": int,
            "end": int,
            "source": str,
            "source_start": int,
            "source_end": int,
            "source_type": str,
            "outlet_id": int,
            "cue": str,
            "status": str,
        },
        pk="id",
        foreign_keys=[("article_id", "articles", "id"), ("outlet_id", "outlets", "id")],
        not_null={"article_id", "seq", "claim_key", "text", "start", "end", "status"},
    )
    db["claims"].create_index(["article_id", "seq"], unique=True)  # type: ignore[union-attr]
    db["claims"].create_index(["status"])  # type: ignore[union-attr]
    db["claims"].create_index(["outlet_id"])  # type: ignore[union-attr]
    db["chain_links"].create(  # type: ignore[union-attr]
        {"claim_id": int, "position": int, "name": str},
        pk=("claim_id", "position"),
        foreign_keys=[("claim_id", "claims", "id")],
    )


@migrations()
def m003_user_state(db: Database) -> None:
    # Every verdict change is a row: the latest per (article, claim_key) is current,
    # the rest is its history. A NULL verdict records a cleared verdict.
    db["verdicts"].create(  # type: ignore[union-attr]
        {
            "id": int,
            "article_id": int,
            "claim_key": str,
            "verdict": str,
            "note": str,
            "created_at": str,
        },
        pk="id",
        foreign_keys=[("article_id", "articles", "id")],
        not_null={"article_id", "claim_key", "created_at"},
    )
    db["verdicts"].create_index(["article_id", "claim_key", "id"])  # type: ignore[union-attr]
    db["article_state"].create(  # type: ignore[union-attr]
        {"article_id": int, "read_at": str, "opened_at": str},
        pk="article_id",
        foreign_keys=[("article_id", "articles", "id")],
    )


@migrations()
def m004_raw_hash(db: Database) -> None:
    # The text hash alone made a re-import of the same file a new article whenever the
    # cleaner changed; the raw bytes' hash recognises the same input across versions.
    import hashlib
    import zlib

    db["articles"].add_column("raw_hash", str)  # type: ignore[union-attr]
    for aid, blob in db.execute("select id, raw from articles").fetchall():
        digest = hashlib.sha256(zlib.decompress(blob)).hexdigest()
        db.execute("update articles set raw_hash = ? where id = ?", [digest, aid])
    db["articles"].create_index(["raw_hash"])  # type: ignore[union-attr]


@migrations()
def m005_status_evidence(db: Database) -> None:
    # Issue 8's new extracted facts: the article's wire service, and per claim the
    # evidence for its status, the claims it conflicts with, and whether its source is
    # uncertain. All are rewritten with their claim by every (re-)extraction.
    #
    # evidence and conflicts_with are JSON arrays in the claim row, not child tables:
    # - they are always read and written whole, together with their claim, and mean
    #   nothing apart from it (offsets into articles.text; indices into the same
    #   article's claim list, i.e. claims.seq);
    # - re-extraction deletes and re-inserts claims: values in the row go with it, while
    #   a child table would need its own delete (as chain_links does) or leave orphans;
    # - reading a claim stays one row, with no second aggregate per claim;
    # - they stay queryable for showing: the words of every evidence span are
    #     select c.id, substr(a.text, json_extract(e.value, '$[0]') + 1,
    #            json_extract(e.value, '$[1]') - json_extract(e.value, '$[0]'))
    #     from claims c join articles a on a.id = c.article_id, json_each(c.evidence) e
    #   (the reader itself cuts excerpts in Python, from the text it already has).
    # NOT NULL with defaults: claims of older libraries read back as "no evidence, no
    # conflicts, source certain" without a backfill; `reextract` then fills them.
    db["articles"].add_column("wire", str)  # type: ignore[union-attr]
    claims = db.table("claims")
    claims.add_column("evidence", str, not_null_default="[]")  # [[start, end], ...]
    claims.add_column("conflicts_with", str, not_null_default="[]")  # [seq, ...]
    claims.add_column("uncertain", int, not_null_default=0)  # 0 or 1


@migrations()
def m006_samples_and_deletion(db: Database) -> None:
    # Issue 9: articles can be deleted (with undo) and the bundled samples are marked.
    #
    # sample_articles: which articles are the bundled fictional samples. A fact about
    # where an article came from, not extracted from it, so it lives apart from the
    # extracted facts (re-extraction never touches it) and goes with its article.
    db["sample_articles"].create(  # type: ignore[union-attr]
        {"article_id": int, "marked_at": str},
        pk="article_id",
        foreign_keys=[("article_id", "articles", "id")],
    )
    # id_floors: the highest id ever deleted per table. New rows are numbered above it,
    # so a deleted article's id (or its claims', verdicts', outlets') is never given to
    # another row: an undo puts the rows back under their own ids, and an id the user
    # saw ("delete 3", the last article shown) never comes to mean a different article.
    db["id_floors"].create({"name": str, "floor": int}, pk="name")  # type: ignore[union-attr]
    # library_meta: facts about the library file itself (samples_offered: the samples
    # were given once, so an emptied library does not fill up with them again).
    db["library_meta"].create({"key": str, "value": str}, pk="key")  # type: ignore[union-attr]

    from reader.store.library import sample_hashes

    hashes = sorted(sample_hashes())
    if hashes:  # samples imported before they were marked
        q = ",".join("?" * len(hashes))
        db.execute(
            "insert into sample_articles (article_id, marked_at) select id, imported_at"
            f" from articles where raw_hash in ({q})",
            hashes,
        )
    if db.execute("select count(*) from articles").fetchone()[0]:
        db.execute("insert into library_meta (key, value) values ('samples_offered', '1')")


@migrations()
def m007_application_id(db: Database) -> None:
    # Issue 10: mark the file as ours, so that a library is told from another program's
    # SQLite file before anything is written (see check_identity).
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")


@migrations()
def m008_feeds(db: Database) -> None:
    # Issue 11: subscriptions. The store keeps what the refresher learnt (validators for
    # conditional GET, the last error, when to ask again, whether the feed is gone); it
    # neither fetches nor parses.
    db["feeds"].create(  # type: ignore[union-attr]
        {
            "id": int,
            "url": str,
            "title": str,
            "folder": str,  # "" for none; nested folders joined with " / "
            "etag": str,
            "last_modified": str,
            "last_ok_at": str,
            "last_error": str,
            "next_fetch_after": str,  # ISO time before which the feed is not asked (429/503)
            "gone": int,  # 1 once the server answered 410: not fetched again
            "added_at": str,
        },
        pk="id",
        not_null={"url", "folder", "gone", "added_at"},
        defaults={"folder": "", "gone": 0},
    )
    db["feeds"].create_index(["url"], unique=True)  # type: ignore[union-attr]
    # Every entry a feed has shown, under each of its keys ("id:", "link:", "hash:"), so
    # an entry that changes its id or is re-published is known. article_id has no
    # foreign key on purpose: the row outlives the article's deletion, so an entry the
    # user deleted is not imported again (article ids are never reused: id_floors).
    db["feed_entries"].create(  # type: ignore[union-attr]
        {"feed_id": int, "entry_key": str, "article_id": int, "seen_at": str},
        pk=("feed_id", "entry_key"),
        foreign_keys=[("feed_id", "feeds", "id")],
        not_null={"feed_id", "entry_key", "seen_at"},
    )
    db["feed_entries"].create_index(["article_id"])  # type: ignore[union-attr]


@migrations()
def m009_reading_and_refresh(db: Database) -> None:
    # Issue 11, part 2. User state: an article is unread while read_at is NULL (opening
    # it sets read_at; the user can clear it again), starred while starred_at is set.
    db["article_state"].add_column("starred_at", str)  # type: ignore[union-attr]
    db["article_state"].create_index(["starred_at"])  # type: ignore[union-attr]
    # What the scheduler needs: a per-feed interval (NULL: the app's default), the
    # time before which the server's Cache-Control max-age says the copy is fresh, a
    # hash of the last body (a server without validators that sends the same feed is
    # not parsed again), and when the feed was last tried.
    for col, kind in (
        ("interval_min", int),
        ("fresh_until", str),
        ("body_hash", str),
        ("last_tried_at", str),
    ):
        db["feeds"].add_column(col, kind)  # type: ignore[union-attr]
    # Which feed brought which article, one row per pair (feed_entries has a row per
    # key): what the library pane's per-feed lists and unread counts read. Deleted with
    # the article and put back by an undo (Library.delete keeps its rows).
    db["feed_articles"].create(  # type: ignore[union-attr]
        {"feed_id": int, "article_id": int},
        pk=("feed_id", "article_id"),
        foreign_keys=[("feed_id", "feeds", "id")],
    )
    db["feed_articles"].create_index(["article_id"])  # type: ignore[union-attr]
    db.execute(
        "insert or ignore into feed_articles (feed_id, article_id)"
        " select feed_id, article_id from feed_entries"
        " where article_id in (select id from articles)"
    )
    # The library list's order (newest first), as an index, so a list of 100,000
    # articles is read in order rather than sorted on every switch.
    db.execute(
        "create index if not exists articles_list_order on articles"
        " (coalesce(published, substr(imported_at, 1, 10)) desc, id desc)"
    )


@migrations()
def m010_trace(db: Database) -> None:
    # Issue 12: trace a claim across the library. All of it is extracted facts, keyed
    # by claim (reader.trace computes them; the store only writes and reads rows), so
    # it goes with its article on delete and comes back on undo (ARTICLE_TABLES).
    #
    # claims.origin_url: where the claim's attribution links to (Claim.origin_url).
    db["claims"].add_column("origin_url", str)  # type: ignore[union-attr]
    # claim_keys: the candidate index. A claim is filed under a few integer keys (LSH
    # bands of its words, pairs of its names and numbers, its normalised text); the
    # claims sharing a key with a new one are its candidates, found by the primary
    # key (an index seek per key, never a scan of every claim). WITHOUT ROWID: the
    # rows are the index. The writer keeps at most a cap of claims per key (the
    # newest), so a lookup reads a bounded number of rows whatever the library's size.
    db.execute(
        "create table claim_keys (key integer not null, claim_id integer not null"
        " references claims(id), primary key (key, claim_id)) without rowid"
    )
    db.execute("create index claim_keys_claim on claim_keys (claim_id)")
    # claim_links: claim_id states what other_claim_id (another article's) states; one
    # row per pair, stored once (either direction), read both ways.
    db.execute(
        "create table claim_links (claim_id integer not null references claims(id),"
        " other_claim_id integer not null references claims(id), kind text not null,"
        " similarity real not null, primary key (claim_id, other_claim_id)) without rowid"
    )
    db.execute("create index claim_links_other on claim_links (other_claim_id)")
    # articles.trace_version: the linker's version that linked the article (NULL: not
    # linked yet, or re-extracted since: the next linking pass takes it);
    # articles.url_key: its address as compared with claims' origin_url.
    db["articles"].add_column("trace_version", str)  # type: ignore[union-attr]
    db["articles"].add_column("url_key", str)  # type: ignore[union-attr]
    db.execute("create index articles_untraced on articles (id) where trace_version is null")
    db.execute("create index articles_url_key on articles (url_key)")


@migrations()
def m011_claim_keys_by_claim(db: Database) -> None:
    # The claim_id index of claim_keys (m010) was the largest part of the trace on
    # disk (209 of 395 MB for 100,000 articles): it only served to find a claim's key
    # rows when its article is deleted, re-extracted or relinked. Each claim now
    # keeps the list of its keys (claims.trace_keys: 4-byte little-endian integers,
    # written by the linker with the rows), and those rows are found by the primary
    # key, (key, claim_id), one seek each.
    db.execute("drop index if exists claim_keys_claim")
    db["claims"].add_column("trace_keys", bytes)  # type: ignore[union-attr]
    # The keys written so far have no list to find them by, and the linker's stems
    # changed with it (trace-2): they go, and every article is linked again by the
    # next passes (``trace --link-all`` at once). Links stay until then.
    db.execute("delete from claim_keys")
    db.execute("update articles set trace_version = null")


@migrations()
def m012_marks(db: Database) -> None:
    # Issue 13: the user's own marks. All user state: keyed by article (never by a
    # claim or text row), so re-extraction leaves them; deleted with their article and
    # put back by an undo (ARTICLE_TABLES).
    #
    # highlights: a quote of the article's plain text, kept as a Web Annotation keeps
    # one (reader.marks.anchor): the words, some text before and after, and the
    # offsets as a hint. Re-extraction finds the words again and rewrites start/end;
    # one it cannot find is kept with orphaned = 1 (and its last offsets). uid: the
    # mark's identity outside this file (the Web Annotation export's id), by which an
    # import recognises a mark it already has.
    db.execute(
        "create table highlights (id integer primary key,"
        " uid text not null unique,"
        " article_id integer not null references articles(id),"
        " exact text not null, prefix text not null default '',"
        " suffix text not null default '', start integer not null, [end] integer not null,"
        " orphaned integer not null default 0, colour text not null, note text,"
        " created_at text not null, updated_at text not null)"
    )
    db.execute("create index highlights_article on highlights (article_id, start)")
    # tags: one row per name (case kept as first typed, compared without case).
    db.execute(
        "create table tags (id integer primary key, name text not null unique collate nocase)"
    )
    db.execute(
        "create table article_tags (article_id integer not null references articles(id),"
        " tag_id integer not null references tags(id), primary key (article_id, tag_id))"
        " without rowid"
    )
    db.execute("create index article_tags_tag on article_tags (tag_id)")
    # highlight_tags keeps the article too, so a delete and an undo find the rows by
    # article as every other table of an article's does.
    db.execute(
        "create table highlight_tags (highlight_id integer not null references highlights(id),"
        " tag_id integer not null references tags(id), article_id integer not null,"
        " primary key (highlight_id, tag_id)) without rowid"
    )
    db.execute("create index highlight_tags_tag on highlight_tags (tag_id)")
    db.execute("create index highlight_tags_article on highlight_tags (article_id)")
    # marks_fts: the user's own words, searched with the articles' text: a highlight's
    # note and tags (kind 'highlight', ref its id), an article's tags (kind 'article'),
    # a claim's note (kind 'claim', ref its claim_key). Written by the store's methods
    # that change them, in the same transaction.
    db.execute(
        "create virtual table marks_fts using fts5(body, article_id unindexed,"
        " kind unindexed, ref unindexed, tokenize = 'porter')"
    )
    db.execute(
        "insert into marks_fts (body, article_id, kind, ref)"
        " select v.note, v.article_id, 'claim', v.claim_key from verdicts v"
        " where v.id = (select max(id) from verdicts w where w.article_id = v.article_id"
        " and w.claim_key = v.claim_key) and coalesce(v.note, '') != ''"
    )
