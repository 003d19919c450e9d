"""``check``: is the library file sound? SQLite's page check and FTS5's own index check,
and (``repair``) a rebuild of the search index from the articles it indexes.

What it can repair is what can be rebuilt from the rest: the search index. Damaged
pages hold the articles themselves; they are reported, with what to do.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from urllib.parse import quote

from sqlite_utils import Database

from reader.errors import LibraryError, library_error
from reader.store.schema import check_identity

#: How many of SQLite's page problems are listed (integrity_check stops there too).
MAX_PAGE_PROBLEMS = 20


class IndexState(StrEnum):
    """The search index after a check."""

    OK = "ok"
    DAMAGED = "damaged"
    REBUILT = "rebuilt"
    UNCHECKED = "unchecked"  # a read-only file: FTS5's check is a (rolled back) write


@dataclass
class CheckReport:
    """What :func:`check_library` found: SQLite's page problems (empty: none) and the
    search index's state."""

    page_problems: list[str] = field(default_factory=list)
    search_index: IndexState = IndexState.OK
    index_error: str | None = None

    @property
    def ok(self) -> bool:
        return not self.page_problems and self.search_index != IndexState.DAMAGED


def _fts_check(conn: sqlite3.Connection) -> str | None:
    """FTS5's 'integrity-check' of the articles index: None, or why it failed."""
    try:
        conn.execute("insert into articles_fts(articles_fts) values('integrity-check')")
    except sqlite3.DatabaseError as exc:
        if (getattr(exc, "sqlite_errorcode", 0) & 0xFF) in (5, 6, 8):  # busy, read-only
            raise
        return str(exc)
    finally:
        conn.rollback()
    return None


def _page_check(conn: sqlite3.Connection) -> list[tuple[str]]:
    """SQLite's integrity_check rows; a check that itself meets a damaged page (it can
    fail part-way, after some rows) adds that failure as one more problem."""
    rows: list[tuple[str]] = []
    cur = conn.execute(f"PRAGMA integrity_check({MAX_PAGE_PROBLEMS})")
    try:
        for row in cur:
            rows.append((str(row[0]),))
    except sqlite3.DatabaseError as exc:
        if (getattr(exc, "sqlite_errorcode", 0) & 0xFF) not in (11, 26):
            raise
        rows.append((f"the check itself stopped: {exc}",))
    return rows


def check_library(path: str | Path, repair: bool = False) -> CheckReport:
    """Check the library at ``path`` (never created, never migrated: a check must not
    change what it looks at); with ``repair``, rebuild a damaged search index."""
    from reader.store.library import BUSY_TIMEOUT_MS

    path = Path(path)
    if not path.is_file():
        raise LibraryError(str(path), "no such library file")
    from reader.store.library import _writable

    read_only = not _writable(path)
    uri = f"file:{quote(str(path.resolve()))}?mode={'ro' if read_only else 'rw'}"
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as exc:
        raise library_error(path, exc) from None
    try:
        check_identity(Database(conn), path)
        report = CheckReport()
        rows = _page_check(conn)
        report.page_problems = [  # one problem a line, without SQLite's header lines
            line.strip()
            for r in rows
            if r[0] != "ok"
            for line in str(r[0]).splitlines()
            if line.strip() and not line.startswith("*** in database")
        ][:MAX_PAGE_PROBLEMS]
        if read_only:
            report.search_index = IndexState.UNCHECKED
            return report
        report.index_error = _fts_check(conn)
        if report.index_error is not None:
            report.search_index = IndexState.DAMAGED
            if repair:
                conn.execute("insert into articles_fts(articles_fts) values('rebuild')")
                conn.commit()
                if _fts_check(conn) is None:
                    report.search_index = IndexState.REBUILT
        return report
    except sqlite3.Error as exc:
        problem = library_error(path, exc)
        if (getattr(exc, "sqlite_errorcode", 0) & 0xFF) in (11, 26):  # corrupt, not a db
            problem = LibraryError(
                str(path),
                "is damaged beyond what check can read: restore it from a backup, or save"
                " what can be read with sqlite3's .recover",
            )
        raise problem from None
    finally:
        conn.close()
