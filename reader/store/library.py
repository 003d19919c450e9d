"""The local library: one SQLite file (WAL, busy time-out, FTS5) behind a small API.

Every import is one transaction: a failed or interrupted import leaves the file as
it was. Open one :class:`Library` per thread; SQLite's WAL lets readers and one
writer share the file.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import unicodedata
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, suppress
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlite_utils import Database

from reader import __version__
from reader.errors import InputError, LibraryError, library_error
from reader.ingest import RawInput
from reader.marks.model import Relocated
from reader.model import Article, Claim, outlet_key
from reader.paths import sample_paths
from reader.store.marks import MarksMixin
from reader.store.reading import ORDER_SQL, ReadingMixin
from reader.store.schema import check_identity, migrations
from reader.store.subscriptions import SubscriptionsMixin
from reader.store.timestamps import now_iso as _now
from reader.store.trace import TraceMixin
from reader.textsafe import displayable

VERDICTS = ("true", "false", "misleading", "unproven")
BUSY_TIMEOUT_MS = 5000
#: How many more busy time-outs a write with ``on_busy`` waits before giving up.
BUSY_RETRIES = 2


@dataclass
class ArticleRow:
    """A line of the library list."""

    id: int
    title: str | None
    publisher: str | None
    published: str | None
    imported_at: str
    claim_count: int
    opened_at: str | None = None  # None: never opened
    sample: bool = False  # came in as a first-run sample (see Library.add)
    read_at: str | None = None  # None: unread (opening marks it read; M toggles)
    starred_at: str | None = None  # None: not starred


def _article_row(r: Sequence[Any]) -> ArticleRow:
    """An :class:`ArticleRow` from a row of :attr:`Library._ROW_SQL`."""
    aid, title, publisher, published, imported_at, claims, opened, sample, read, starred = r
    return ArticleRow(
        aid, title, publisher, published, imported_at, claims, opened, bool(sample), read, starred
    )


@dataclass
class StoredClaim:
    """A claim as stored, with its id and the user's current verdict."""

    id: int
    seq: int
    claim_key: str
    claim: Claim
    verdict: str | None = None
    note: str | None = None
    article_id: int = 0


@dataclass
class StoredArticle:
    id: int
    source: str
    kind: str
    imported_at: str
    article: Article
    claims: list[StoredClaim] = field(default_factory=list)


@dataclass
class ImportResult:
    article_id: int
    created: bool  # False when the same article was already in the library
    title: str | None


@dataclass
class SearchHit:
    id: int
    title: str | None
    publisher: str | None
    snippet: str


class NoteHit(SearchHit):
    """A hit in the user's own words (:meth:`Library.search` lists them first): what
    matched (``kind``: "highlight", "claim" or "article", its tags) and where (``ref``:
    the highlight's id, the claim's key), with the highlight's note and tags or the
    article's tags, so the window opens at the mark and shows tags as tags. These
    are slots, outside the hit's ``__dict__``: ``search --format json`` prints a hit's
    ``__dict__``, and prints what it always did."""

    __slots__ = ("kind", "note", "ref", "tags")

    def __init__(
        self,
        id: int,
        title: str | None,
        publisher: str | None,
        snippet: str,
        kind: str,
        ref: str,
        note: str | None = None,
        tags: tuple[str, ...] = (),
    ) -> None:
        super().__init__(id, title, publisher, snippet)
        self.kind = kind
        self.ref = ref
        self.note = note
        self.tags = tags

    @property
    def mark_id(self) -> int | None:
        """The highlight whose note or tags matched, if one did."""
        return int(self.ref) if self.kind == "highlight" and self.ref.isdigit() else None

    @property
    def claim_key(self) -> str | None:
        """The claim whose note matched, if one did."""
        return self.ref if self.kind == "claim" and self.ref else None


@dataclass
class VerdictEntry:
    verdict: str | None
    note: str | None
    created_at: str


#: The tables holding an article's rows, in the order they are put back (parents first).
#: Each is keyed by the article directly or through its claims; ``outlets`` holds
#: only the outlets no other article's claims name. tests/test_store_delete.py checks
#: that every table of the schema is here or deliberately left out.
ARTICLE_TABLES = (
    "outlets", "articles", "claims", "chain_links", "claim_keys", "claim_links", "verdicts",
    "article_state", "sample_articles", "feed_articles", "highlights", "article_tags",
    "highlight_tags", "marks_fts",
)  # fmt: skip
#: How many articles a claim's trace group spans: its own and those of the claims
#: linked to it (both directions, one step), by the claim_links indexes.
_APPEARANCES_SQL = (
    "select count(distinct x.article_id) from claims x where x.id = c.id or x.id in"
    " (select other_claim_id from claim_links where claim_id = c.id"
    "  union select claim_id from claim_links where other_claim_id = c.id)"
)
#: Tables whose rows get ids from :meth:`Library._next_id` (never reusing a deleted id).
_NUMBERED = ("articles", "claims", "verdicts", "outlets", "highlights")


@dataclass
class Deleted:
    """What :meth:`Library.delete` removed: every row of every table, as it was, so
    :meth:`Library.restore` can put it back (undo); and the ids that were not there."""

    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    missing: list[int] = field(default_factory=list)

    @property
    def articles(self) -> list[tuple[int, str | None]]:
        """(id, title) of each deleted article, in the order they were asked for."""
        return [(r["id"], r["title"]) for r in self.rows.get("articles", [])]

    @property
    def ids(self) -> list[int]:
        return [r["id"] for r in self.rows.get("articles", [])]

    def __len__(self) -> int:
        return len(self.rows.get("articles", []))


@dataclass
class Restored:
    """What :meth:`Library.restore` put back; ``replaced`` maps a deleted article that
    was imported again meanwhile (so not restored) to its new id."""

    ids: list[int] = field(default_factory=list)
    replaced: dict[int, int] = field(default_factory=dict)


@cache
def sample_hashes() -> frozenset[str]:
    """SHA-256 of each bundled sample's bytes. Only migration m006 uses them, to mark
    once the samples of libraries filled before samples were marked; since then an
    article is a sample because the first-run import said so (``add(sample=True)``),
    never because of its bytes: a user's own import of a sample file is theirs."""
    return frozenset(hashlib.sha256(p.read_bytes()).hexdigest() for p in sample_paths())


def claim_key(text: str) -> str:
    """Normalised claim text: what a verdict is matched by after re-extraction."""
    t = unicodedata.normalize("NFKC", text).casefold()
    t = re.sub(r"[\u2018\u2019\u201c\u201d\"'`]", "", t)
    return re.sub(r"\W+", " ", t).strip()


def content_hash(article: Article) -> str:
    """Hash of the normalised body: the same article imported twice is one article."""
    return hashlib.sha256(claim_key(article.text).encode("utf-8")).hexdigest()


#: Article columns that extraction fills, written by import and rewritten by reextract.
_EXTRACTED = (
    "url", "title", "byline", "publisher", "wire", "published", "markdown", "text",
    "extracted_at", "engine",
)  # fmt: skip


def _extracted_values(article: Article, when: str) -> list[Any]:
    """Values for :data:`_EXTRACTED`, in order."""
    a = article
    return [a.url, a.title, a.byline, a.publisher, a.wire, a.published, a.markdown, a.text,
            when, __version__]  # fmt: skip


def _writable(path: Path) -> bool:
    """Whether the library file and its folder (where WAL keeps its side files) can be
    written by us."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK | os.X_OK)


def _is_busy(exc: sqlite3.Error) -> bool:
    return (getattr(exc, "sqlite_errorcode", 0) & 0xFF) in (5, 6) or "locked" in str(exc)


def _is_library_problem(exc: sqlite3.Error) -> bool:
    """A failure of the library file (busy, read-only, full, damaged), not of our SQL:
    told in the reader's words; a bug of ours keeps its type."""
    code = getattr(exc, "sqlite_errorcode", None)
    return isinstance(exc, sqlite3.OperationalError) or (
        isinstance(code, int) and (code & 0xFF) in (5, 6, 8, 10, 11, 13, 14, 26)
    )


class Library(SubscriptionsMixin, ReadingMixin, TraceMixin, MarksMixin):
    """A library file, migrated to the current schema on open.

    Refused without being written to (:class:`~reader.errors.LibraryError`): a SQLite
    file of another program, and a library a newer version has migrated. A file that
    cannot be written is opened read-only: reading works, a write says so in one line.
    ``on_busy`` is called when a write finds another program writing for longer than
    the busy time-out; the write then waits :data:`BUSY_RETRIES` times more (the CLI
    says it is retrying); without it a busy write fails at once after the time-out
    (the window's GUI thread must not hang).
    """

    def __init__(
        self,
        path: str | Path,
        on_busy: Callable[[], None] | None = None,
        read_only: bool = False,
    ) -> None:
        self.path = Path(path)
        self.on_busy = on_busy
        self._depth = 0  # how deep in _write blocks: nested ones join the outermost
        conn: sqlite3.Connection | None = None
        try:
            exists = self.path.is_file() and self.path.stat().st_size > 0
            if not exists:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            self.read_only = read_only or (exists and not _writable(self.path))
            if self.read_only:
                uri = f"file:{quote(str(self.path.resolve()))}?mode=ro"
                conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
            else:
                conn = sqlite3.connect(str(self.path), timeout=BUSY_TIMEOUT_MS / 1000)
            self.db = Database(conn)
            self.db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self.db.execute("PRAGMA foreign_keys = ON")
            check_identity(self.db, self.path)  # before anything is written
            if self.read_only:
                if migrations.pending(self.db):
                    raise LibraryError(
                        str(path),
                        "is read-only and was made by an older version: it must be"
                        " upgraded, which writes to it; make it writable and try again",
                    )
            else:
                self.db.enable_wal()
                self._migrate()
        except BaseException as exc:
            if conn is not None:
                conn.close()
            if isinstance(exc, sqlite3.Error):
                raise library_error(path, exc) from None
            if isinstance(exc, OSError):
                raise LibraryError(str(path), f"cannot be opened ({exc.strerror or exc})") from None
            raise

    def _begin(self) -> None:
        """BEGIN IMMEDIATE, waiting for a busy library: the busy time-out, then (with
        ``on_busy``) :data:`BUSY_RETRIES` more, announced once."""
        retries = BUSY_RETRIES if self.on_busy is not None else 0
        for attempt in range(retries + 1):
            try:
                self.db.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                if not _is_busy(exc) or attempt == retries:
                    raise library_error(self.path, exc) from exc
                if attempt == 0 and self.on_busy is not None:
                    self.on_busy()

    @contextmanager
    def _write(self) -> Iterator[None]:
        """One write transaction that takes the write lock up front (BEGIN IMMEDIATE).

        A deferred BEGIN that reads first and writes later cannot wait for a busy
        writer (SQLite fails it at once with "database is locked"); taking the lock at
        the start makes the busy time-out apply, so the window, its import worker and a
        CLI import can all write to one library. What SQLite refuses (busy, read-only,
        full, damaged) leaves as a one-line :class:`~reader.errors.LibraryError`.
        """
        if self._depth:  # inside transaction(): this write joins it
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self._begin()
        self._depth = 1
        try:
            yield
            self.db.conn.commit()
        except sqlite3.Error as exc:
            self._rollback()
            if _is_library_problem(exc):
                raise library_error(self.path, exc) from exc
            raise
        except BaseException:
            self._rollback()
            raise
        finally:
            self._depth = 0

    def transaction(self) -> AbstractContextManager[None]:
        """One write transaction that every store write inside it joins: a batch of
        the store's methods (an import of marks) is kept whole or not at all."""
        return self._write()

    def _rollback(self) -> None:
        with suppress(sqlite3.Error):  # a failed rollback (disk gone) must not hide why
            self.db.conn.rollback()

    def _migrate(self) -> None:
        """Apply pending migrations under one write lock, so that two processes or
        threads opening a new library at once do not race (the loser waits, then finds
        nothing pending)."""
        if not migrations.pending(self.db):
            return
        with self._write():
            check_identity(self.db, self.path)  # another process may have got here first
            migrations.apply(self.db)  # each migration nests as a savepoint

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- writing extracted facts -------------------------------------------------

    def add(self, raw: RawInput, article: Article, sample: bool = False) -> ImportResult:
        """Store an extracted article and its claims in one transaction. ``sample``:
        it is one of the bundled samples a new library is given (the window's first
        run), marked as such in the same transaction; whatever the user imports is
        not, even the same file."""
        h = content_hash(article)
        raw_h = hashlib.sha256(raw.raw).hexdigest()
        now = _now()
        with self._write():  # the duplicate check and the insert under one lock
            existing = self.db.execute(
                "select id, title from articles where content_hash = ? or raw_hash = ?",
                [h, raw_h],
            ).fetchone()
            if existing:
                return ImportResult(existing[0], False, existing[1])
            article_id = self._next_id("articles")
            self.db.execute(
                "insert into articles (id, content_hash, raw_hash, source, kind, raw,"
                f" imported_at, {', '.join(_EXTRACTED)})"
                f" values (?,?,?,?,?,?,?,{','.join('?' * len(_EXTRACTED))})",
                [
                    *(article_id, h, raw_h, displayable(raw.source), raw.kind),
                    zlib.compress(raw.raw, 6),
                    now,
                    *_extracted_values(article, now),
                ],
            )
            self._insert_claims(article_id, article.claims)
            if sample:
                self.db.execute(
                    "insert into sample_articles (article_id, marked_at) values (?,?)",
                    [article_id, now],
                )
                self.db.execute(
                    "insert or replace into library_meta (key, value)"
                    " values ('samples_offered', '1')"
                )
        return ImportResult(article_id, True, article.title)

    def _next_id(self, table: str) -> int:
        """The id for a new row of ``table``: above every id in it and every id ever
        deleted from it (see :meth:`delete`), as AUTOINCREMENT would number it."""
        row = self.db.execute(
            f"select max(coalesce((select max(id) from {table}), 0),"
            " coalesce((select floor from id_floors where name = ?), 0))",
            [table],
        ).fetchone()
        return int(row[0]) + 1

    def _outlet_id(self, name: str | None) -> int | None:
        if not name:
            return None
        # one outlet whatever the spelling of its "The": first the spellings as given,
        # through the name index (every claim of an article comes here), then, for an
        # outlet not seen so far, any case of them
        bare = name[4:] if name[:4].lower() == "the " else name
        row = self.db.execute(
            "select id from outlets where name in (?, ?, ?) order by id limit 1",
            [name, bare, f"The {bare}"],
        ).fetchone()
        if row is None:
            key = outlet_key(name)
            row = self.db.execute(
                "select id from outlets where lower(name) in (?, ?) order by id limit 1",
                [key, f"the {key}"],
            ).fetchone()
        if row is not None:
            return int(row[0])
        new = self._next_id("outlets")
        self.db.execute("insert into outlets (id, name) values (?,?)", [new, name])
        return new

    def _insert_claims(self, article_id: int, claims: Iterable[Claim]) -> None:
        """Insert an article's claims (import and re-extraction both come here)."""
        claim_id = self._next_id("claims") - 1
        for seq, c in enumerate(claims):
            span: list[int | None] = list(c.source_span) if c.source_span else [None, None]
            claim_id += 1
            self.db.execute(
                "insert into claims (id, article_id, seq, claim_key, text, start, end, source,"
                " source_start, source_end, source_type, outlet_id, cue, status, evidence,"
                " conflicts_with, uncertain, origin_url)"
                " values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                [
                    claim_id,
                    article_id,
                    seq,
                    claim_key(c.text),
                    c.text,
                    c.start,
                    c.end,
                    c.source,
                    span[0],
                    span[1],
                    c.source_type,
                    self._outlet_id(c.outlet),
                    c.cue,
                    c.status,
                    json.dumps([list(e) for e in c.evidence]),
                    json.dumps(list(c.conflicts_with)),
                    int(bool(c.uncertain)),
                    c.origin_url,
                ],
            )
            self.db.conn.executemany(
                "insert into chain_links (claim_id, position, name) values (?,?,?)",
                [(claim_id, i, name) for i, name in enumerate(c.chain)],
            )

    def reextract_ids(self) -> list[int]:
        """Every article id, oldest first: the order re-extraction goes through them."""
        return [r[0] for r in self.db.execute("select id from articles order by id")]

    def stored_input(self, article_id: int) -> tuple[str, str, bytes, str | None] | None:
        """The raw input an article was imported from, as stored: (source, kind, bytes,
        url), or None when the article is not in the library. A stored input that no
        longer decompresses is an InputError naming the article (one article's damage
        must not stop a re-extraction of the whole library)."""
        row = self.db.execute(
            "select source, kind, raw, url from articles where id = ?", [article_id]
        ).fetchone()
        if row is None:
            return None
        source, kind, blob, url = row
        try:
            data = zlib.decompress(blob)
        except (zlib.error, TypeError) as exc:
            raise InputError(
                f"article {article_id} ({source})",
                f"its stored input is damaged ({exc}); skipped, its claims left as they were",
            ) from None
        return source, kind, data, url

    def replace_extraction(
        self, article_id: int, article: Article, highlights: Iterable[Relocated] = ()
    ) -> None:
        """Replace an article's extracted facts (columns, claims, chain links) with a
        new extraction of its stored input, in one transaction. User verdicts stay:
        they are keyed by normalised claim text, not by claim row; highlights stay,
        at the places found for them in the new text (``highlights``, from
        :func:`reader.marks.relocate`; orphaned where none was found)."""
        new_hash = content_hash(article)
        with self._write():
            if (
                self.db.execute("select 1 from articles where id = ?", [article_id]).fetchone()
                is None
            ):
                raise InputError(f"article {article_id}", "is no longer in the library")
            taken = self.db.execute(
                "select 1 from articles where content_hash = ? and id != ?", [new_hash, article_id]
            ).fetchone()
            if not taken:
                self.db.execute(
                    "update articles set content_hash = ? where id = ?", [new_hash, article_id]
                )
            self.db.execute(
                "delete from chain_links where claim_id in"
                " (select id from claims where article_id = ?)",
                [article_id],
            )
            mine = "select id from claims where article_id = ?"
            self.forget_claim_keys("article_id = ?", [article_id])
            self.db.execute(
                f"delete from claim_links where claim_id in ({mine}) or other_claim_id in ({mine})",
                [article_id, article_id],
            )
            self.db.execute(
                "update articles set trace_version = null where id = ?", [article_id]
            )  # its claims are new: the next linking pass links them
            self.db.execute("delete from claims where article_id = ?", [article_id])
            sets = ", ".join(  # keep a URL the new pass does not find
                "url = coalesce(?, url)" if c == "url" else f"{c} = ?" for c in _EXTRACTED
            )
            self.db.execute(
                f"update articles set {sets} where id = ?",
                [*_extracted_values(article, _now()), article_id],
            )
            self._insert_claims(article_id, article.claims)
            self.relocate_highlights(highlights)

    # --- reading ----------------------------------------------------------------

    def count_articles(self) -> int:
        return int(self.db.execute("select count(*) from articles").fetchone()[0])

    #: The columns of an :class:`ArticleRow`, with the article's read state.
    _ROW_SQL = (
        "select a.id, a.title, a.publisher, a.published, a.imported_at,"
        " (select count(*) from claims c where c.article_id = a.id), s.opened_at,"
        " exists(select 1 from sample_articles x where x.article_id = a.id),"
        " s.read_at, s.starred_at"
        " from articles a left join article_state s on s.article_id = a.id"
    )
    #: Newest first: by publication date, else import date.
    _LIST_SQL = _ROW_SQL + ORDER_SQL

    def list_articles(self, limit: int = -1, offset: int = 0) -> list[ArticleRow]:
        """Articles newest first (by publication date, else import date)."""
        rows = self.db.execute(self._LIST_SQL + " limit ? offset ?", [limit, offset])
        return [_article_row(r) for r in rows]

    def row(self, article_id: int) -> ArticleRow | None:
        r = self.db.execute(self._ROW_SQL + " where a.id = ?", [article_id]).fetchone()
        return _article_row(r) if r else None

    def rows(self, article_ids: Iterable[int]) -> list[ArticleRow]:
        """List rows for the given ids, in the given order (missing ids skipped).

        One query per page: what the window's lazy library list fetches as it scrolls.
        """
        ids = list(article_ids)
        found: dict[int, ArticleRow] = {}
        for i in range(0, len(ids), 500):  # stay under SQLite's variable limit
            chunk = ids[i : i + 500]
            q = ",".join("?" * len(chunk))
            for r in self.db.execute(self._ROW_SQL + f" where a.id in ({q})", chunk):
                found[r[0]] = _article_row(r)
        return [found[i] for i in ids if i in found]

    def get(self, article_id: int) -> StoredArticle | None:
        r = self.db.execute(
            "select id, source, kind, imported_at, title, byline, publisher, published, url,"
            " markdown, text, wire from articles where id = ?",
            [article_id],
        ).fetchone()
        if r is None:
            return None
        article = Article(
            title=r[4],
            byline=r[5],
            publisher=r[6],
            published=r[7],
            url=r[8],
            markdown=r[9] or "",
            text=r[10] or "",
            wire=r[11],
        )
        stored = self.claims(article_id=article_id)
        article.claims = [s.claim for s in stored]
        return StoredArticle(r[0], r[1], r[2], r[3], article, stored)

    def claims(
        self,
        article_id: int | None = None,
        outlet: str | None = None,
        status: str | None = None,
        source_type: str | None = None,
        appears_in_at_least: int | None = None,
    ) -> list[StoredClaim]:
        """Claims in reading order, filtered; each with the user's current verdict.
        ``appears_in_at_least``: only claims whose trace group (the claim and the claims
        linked to it) spans that many articles."""
        where, args = [], []
        for col, val in (
            ("c.article_id", article_id),
            ("c.status", status),
            ("c.source_type", source_type),
        ):
            if val is not None:
                where.append(f"{col} = ?")
                args.append(val)
        if outlet is not None:  # "The Harbor Gazette" finds "Harbor Gazette" too
            key = outlet_key(outlet)
            where.append("lower(o.name) in (?, ?)")
            args += [key, f"the {key}"]
        sql = (
            "select c.id, c.seq, c.claim_key, c.text, c.start, c.end, c.source, c.source_start,"
            " c.source_end, c.source_type, o.name, c.cue, c.status, c.article_id,"
            " (select group_concat(name, char(31)) from"
            "   (select name from chain_links l where l.claim_id = c.id order by position)),"
            " v.verdict, v.note, c.evidence, c.conflicts_with, c.uncertain, c.origin_url"
            " from claims c left join outlets o on o.id = c.outlet_id"
            " left join verdicts v on v.id = (select max(id) from verdicts w"
            "   where w.article_id = c.article_id and w.claim_key = c.claim_key)"
        )
        if appears_in_at_least is not None and appears_in_at_least > 1:
            where.append(f"({_APPEARANCES_SQL}) >= ?")
            args.append(appears_in_at_least)
        if where:
            sql += " where " + " and ".join(where)
        sql += " order by c.article_id, c.seq"
        out = []
        for r in self.db.execute(sql, args):
            span = [r[7], r[8]] if r[7] is not None else None
            chain = r[14].split("\x1f") if r[14] else []
            claim = Claim(
                r[3], r[4], r[5], r[6], span, r[9], r[10], r[11], r[12], chain,
                evidence=json.loads(r[17]), conflicts_with=json.loads(r[18]),
                uncertain=bool(r[19]), origin_url=r[20],
            )  # fmt: skip
            out.append(StoredClaim(r[0], r[1], r[2], claim, r[15], r[16], r[13]))
        return out

    def article_text(self, article_id: int) -> str | None:
        """The article's plain text (what claim and evidence offsets point into)."""
        r = self.db.execute("select text from articles where id = ?", [article_id]).fetchone()
        return None if r is None else str(r[0] or "")

    def search(
        self, query: str, limit: int = 50, marks: tuple[str, str] = ("[", "]")
    ) -> list[SearchHit]:
        """Full-text search over titles and bodies, and over the user's own notes and
        tags, best first, with a snippet whose matched words are between ``marks``
        (the window asks for marks no article contains, to highlight them). Articles
        the user's words match come first (the user wrote them to find them again),
        each once."""
        q = _fts_query(query)
        if not q:
            return []
        mine = self._note_hits(q, limit, marks)
        sql = (
            "select a.id, a.title, a.publisher,"
            " snippet(articles_fts, 1, ?, ?, '…', 12)"
            " from articles_fts join articles a on a.rowid = articles_fts.rowid"
            " where articles_fts match ? order by rank limit ?"
        )
        try:
            rows = self.db.execute(sql, [marks[0], marks[1], q, limit]).fetchall()
        except sqlite3.OperationalError as exc:
            if "fts5" not in str(exc).lower():
                raise  # a locked or damaged library is not "no matches"
            return []
        hits = mine + [SearchHit(*r) for r in rows if r[0] not in {h.id for h in mine}]
        return hits[:limit]

    def _note_hits(self, q: str, limit: int, marks: tuple[str, str]) -> list[SearchHit]:
        """Articles whose notes or tags match, each once, with what matched
        (:class:`NoteHit`)."""
        label = {"highlight": "highlight note", "article": "tags", "claim": "claim note"}
        out: dict[int, SearchHit] = {}
        for m in self.search_marks(q, limit, marks):
            if m.article_id in out:
                continue
            row = self.db.execute(
                "select title, publisher from articles where id = ?", [m.article_id]
            ).fetchone()
            if row is None:
                continue
            note: str | None = None
            tags: tuple[str, ...] = ()
            if m.kind == "highlight" and m.ref.isdigit():
                h = self.highlight(int(m.ref))
                note, tags = (h.note, tuple(h.tags)) if h is not None else (None, ())
            elif m.kind == "article":
                tags = tuple(self.article_tags(m.article_id))
            what = label.get(m.kind, m.kind)
            if m.kind == "highlight" and not note:
                what = "highlight tags"  # a highlight with tags and no note
            out[m.article_id] = NoteHit(
                m.article_id, row[0], row[1], f"{what}: {m.snippet}",
                m.kind, m.ref, note, tags,
            )  # fmt: skip
        return list(out.values())

    # --- user state ------------------------------------------------------------------

    def set_verdict(
        self, article_id: int, key: str, verdict: str | None, note: str | None = None
    ) -> None:
        """Record a verdict (None clears it); the note carries over unless given."""
        if verdict is not None and verdict not in VERDICTS:
            raise ValueError(f"unknown verdict {verdict!r}; use one of {', '.join(VERDICTS)}")
        if note is not None:  # a note from argv may hold undecodable bytes: SQLite refuses them
            note = displayable(note)
        current = self.verdict(article_id, key)
        if note is None and current is not None:
            note = current.note
        with self._write():
            if (
                self.db.execute("select 1 from articles where id = ?", [article_id]).fetchone()
                is None
            ):
                # deleted meanwhile (another window, the CLI): say so, not a constraint error
                raise InputError(f"article {article_id}", "is no longer in the library")
            self.db.execute(
                "insert into verdicts (id, article_id, claim_key, verdict, note, created_at)"
                " values (?,?,?,?,?,?)",
                [self._next_id("verdicts"), article_id, key, verdict, note, _now()],
            )
            self.index_claim_note(article_id, key, note)

    def set_note(self, article_id: int, key: str, note: str) -> None:
        current = self.verdict(article_id, key)
        self.set_verdict(article_id, key, current.verdict if current else None, note)

    def verdict(self, article_id: int, key: str) -> VerdictEntry | None:
        r = self.db.execute(
            "select verdict, note, created_at from verdicts where article_id = ? and"
            " claim_key = ? order by id desc limit 1",
            [article_id, key],
        ).fetchone()
        return VerdictEntry(*r) if r else None

    def detached_verdicts(self, article_ids: Iterable[int] | None = None) -> int:
        """How many claims the user gave a verdict or note that their article no
        longer has (re-extraction changed the claim's words): kept, shown nowhere
        but the Marks view, until the words come back."""
        where = ""
        if article_ids is not None:
            ids = ",".join(str(int(i)) for i in article_ids) or "null"
            where = f" and v.article_id in ({ids})"
        row = self.db.execute(
            "select count(*) from (select distinct v.article_id, v.claim_key from verdicts v"
            " where v.id = (select max(id) from verdicts w where w.article_id = v.article_id"
            " and w.claim_key = v.claim_key) and (v.verdict is not null or"
            " coalesce(v.note, '') != '')" + where + " and not exists (select 1 from claims c"
            " where c.article_id = v.article_id and c.claim_key = v.claim_key))"
        ).fetchone()
        return int(row[0])

    def verdict_history(self, article_id: int, key: str) -> list[VerdictEntry]:
        rows = self.db.execute(
            "select verdict, note, created_at from verdicts where article_id = ? and"
            " claim_key = ? order by id",
            [article_id, key],
        )
        return [VerdictEntry(*r) for r in rows]

    def mark_opened(self, article_id: int) -> bool:
        """Note that the article was opened, which marks it read; whether it was
        unread before."""
        now = _now()
        with self._write():
            before = self.db.execute(
                "select read_at from article_state where article_id = ?", [article_id]
            ).fetchone()
            self.db.execute(
                "insert into article_state (article_id, read_at, opened_at) values (?,?,?)"
                " on conflict(article_id) do update set opened_at = excluded.opened_at,"
                " read_at = coalesce(article_state.read_at, excluded.read_at)",
                [article_id, now, now],
            )
        return before is None or before[0] is None

    # --- deleting and samples -------------------------------------------------------

    def delete(self, article_ids: Iterable[int]) -> Deleted:
        """Delete articles with everything keyed by them (claims, chain links, verdicts
        and their history, read marks, the sample mark, search entries, outlets no
        other article names) in one transaction. Ids not in the library are listed in
        ``missing``; the rest are deleted all the same. The result holds every row
        removed, for :meth:`restore`."""
        with self._write():
            return self._delete_locked(article_ids)

    def _delete_locked(self, article_ids: Iterable[int]) -> Deleted:
        """:meth:`delete` inside a write transaction already begun."""
        wanted = list(dict.fromkeys(int(i) for i in article_ids))
        out = Deleted()
        found = self._existing(wanted)
        out.missing = [aid for aid in wanted if aid not in found]
        ids = [aid for aid in wanted if aid in found]
        if not ids:
            return out
        self.db.execute("create temp table if not exists _gone (id integer primary key)")
        self.db.execute("delete from _gone")
        self.db.conn.executemany("insert into _gone (id) values (?)", [(i,) for i in ids])
        claims = "select id from claims where article_id in (select id from _gone)"
        # a claim's key rows by the primary key, from the claim's own list (m011)
        self.db.execute(
            "create temp table if not exists _gone_keys (key integer, claim_id integer,"
            " primary key (key, claim_id)) without rowid"
        )
        self.db.execute("delete from _gone_keys")
        self.db.conn.executemany(
            "insert or ignore into _gone_keys (key, claim_id) values (?,?)",
            self.claim_key_rows("article_id in (select id from _gone)", []),
        )
        only_here = (  # outlets that only the deleted articles' claims name (by index)
            "id in (select outlet_id from claims where article_id in (select id from _gone))"
            " and not exists (select 1 from claims c where c.outlet_id = outlets.id"
            " and c.article_id not in (select id from _gone))"
        )
        where = {
            "outlets": only_here,
            "articles": "id in (select id from _gone)",
            "claims": "article_id in (select id from _gone)",
            "chain_links": f"claim_id in ({claims})",
            "claim_keys": "(key, claim_id) in (select key, claim_id from _gone_keys)",
            "claim_links": f"claim_id in ({claims}) or other_claim_id in ({claims})",
            "verdicts": "article_id in (select id from _gone)",
            "article_state": "article_id in (select id from _gone)",
            "sample_articles": "article_id in (select id from _gone)",
            "feed_articles": "article_id in (select id from _gone)",
            "highlights": "article_id in (select id from _gone)",
            "article_tags": "article_id in (select id from _gone)",
            "highlight_tags": "article_id in (select id from _gone)",
            "marks_fts": "article_id in (select id from _gone)",
        }
        order = {aid: n for n, aid in enumerate(ids)}
        for table in ARTICLE_TABLES:
            rows = self._select_rows(f"select * from {table} where {where[table]}")
            if table == "articles":
                rows.sort(key=lambda r: order[r["id"]])
            out.rows[table] = rows
        # outlets by the ids just read: once the claims are gone nothing names them
        where["outlets"] = "id in ({})".format(
            ",".join(str(int(r["id"])) for r in out.rows["outlets"])
        )
        for table in reversed(ARTICLE_TABLES):  # children first: foreign keys hold
            self.db.execute(f"delete from {table} where {where[table]}")
        for table in _NUMBERED:
            top = max((r["id"] for r in out.rows[table]), default=0)
            self.db.execute(
                "insert into id_floors (name, floor) values (?, ?) on conflict(name)"
                " do update set floor = max(floor, excluded.floor)",
                [table, top],
            )
        self.db.execute("delete from _gone")
        self.db.execute("delete from _gone_keys")
        return out

    def restore(self, deleted: Deleted) -> Restored:
        """Put back what :meth:`delete` removed, under the same ids (undo), in one
        transaction. An article imported again since (same text or raw input) stays
        as it is now and is reported in ``replaced``; an outlet created again since
        is shared."""
        out = Restored()
        rows = deleted.rows
        with self._write():
            outlet_ids: dict[int, int] = {}
            for o in rows.get("outlets", []):
                same = self.db.execute(
                    "select id from outlets where name = ?", [o["name"]]
                ).fetchone()
                if same is not None:
                    outlet_ids[o["id"]] = int(same[0])
                else:
                    self._insert_row("outlets", o)
                    outlet_ids[o["id"]] = o["id"]
            for a in rows.get("articles", []):
                again = self.db.execute(
                    "select id from articles where id = ? or content_hash = ? or raw_hash = ?",
                    [a["id"], a["content_hash"], a["raw_hash"]],
                ).fetchone()
                if again is not None:
                    out.replaced[a["id"]] = int(again[0])
                    continue
                self._insert_row("articles", a)  # the FTS trigger indexes it again
                out.ids.append(a["id"])
            back = set(out.ids)
            claim_ids = {c["id"] for c in rows.get("claims", []) if c["article_id"] in back}
            claim_article = {
                c["id"]: c["article_id"] for c in rows.get("claims", []) if c["id"] in claim_ids
            }
            # an article that lost a link whose other end is not back is linked again
            # by the next pass (reader.trace.link.link_pending)
            relink: set[int] = set()
            for table in ARTICLE_TABLES[2:]:  # the restored articles' own rows
                for r in rows.get(table, []):
                    mine = (
                        r["claim_id"] in claim_ids if "claim_id" in r else r["article_id"] in back
                    )
                    if table == "claim_links":  # a link is both ends' fact: back with
                        mine = self._link_restorable(r, claim_ids)  # either, if both are
                        if not mine:
                            relink.update(
                                aid
                                for cid, aid in claim_article.items()
                                if cid in (r["claim_id"], r["other_claim_id"])
                            )
                    if not mine:
                        continue
                    if (
                        table == "feed_articles"
                        and not self.db.execute(
                            "select 1 from feeds where id = ?", [r["feed_id"]]
                        ).fetchone()
                    ):
                        continue  # unsubscribed since: the article is back, in no feed
                    if table == "claims" and r["outlet_id"] is not None:
                        r = {**r, "outlet_id": outlet_ids.get(r["outlet_id"], r["outlet_id"])}
                    self._insert_row(table, r)
            for aid in relink:
                self.db.execute("update articles set trace_version = null where id = ?", [aid])
        return out

    def _link_restorable(self, row: dict[str, Any], claim_ids: set[int]) -> bool:
        """Whether a deleted claim link goes back: one end is being restored and the
        other is back too or still in the library."""
        ends = (row["claim_id"], row["other_claim_id"])
        if not any(e in claim_ids for e in ends):
            return False
        return all(
            e in claim_ids
            or self.db.execute("select 1 from claims where id = ?", [e]).fetchone() is not None
            for e in ends
        )

    def _existing(self, ids: Sequence[int]) -> set[int]:
        found: set[int] = set()
        for i in range(0, len(ids), 500):  # stay under SQLite's variable limit
            chunk = ids[i : i + 500]
            q = ",".join("?" * len(chunk))
            found.update(
                r[0] for r in self.db.execute(f"select id from articles where id in ({q})", chunk)
            )
        return found

    def _select_rows(self, sql: str) -> list[dict[str, Any]]:
        cur = self.db.execute(sql)
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]

    def _insert_row(self, table: str, row: dict[str, Any]) -> None:
        cols = list(row)
        self.db.execute(
            f"insert into {table} ({', '.join(f'[{c}]' for c in cols)})"
            f" values ({','.join('?' * len(cols))})",
            [row[c] for c in cols],
        )

    def sample_ids(self) -> list[int]:
        """The bundled sample articles in this library, in list order."""
        return [
            r[0]
            for r in self.db.execute(
                "select a.id from articles a join sample_articles x on x.article_id = a.id"
                + ORDER_SQL
            )
        ]

    def samples_offered(self) -> bool:
        """Whether this library has been given the samples once (or had articles before
        samples were marked): a library emptied since does not get them again."""
        row = self.db.execute(
            "select value from library_meta where key = 'samples_offered'"
        ).fetchone()
        return row is not None


#: The most words of a query searched for: each more is another full pass of the
#: index ("the" 400 times took 32 s); a repeated word is searched once.
MAX_QUERY_TERMS = 16


def _fts_query(query: str) -> str:
    """User words to an FTS5 query: each word quoted, so punctuation cannot break it;
    each word once (FTS5 folds case), and at most MAX_QUERY_TERMS of them."""
    words: dict[str, str] = {}
    for w in re.findall(r"\w+", query):
        words.setdefault(w.lower(), w)
        if len(words) == MAX_QUERY_TERMS:
            break
    return " ".join(f'"{w}"' for w in words.values())
