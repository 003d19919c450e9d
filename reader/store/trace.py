"""The trace's rows as stored: candidate keys and links per claim (migration m010).

The store writes and reads rows; what the keys are and which claims state the same
thing is decided in :mod:`reader.trace`. Every lookup here goes through an index
(``claim_keys`` by key, ``claim_links`` both ways, claims by id, articles by
``url_key``), so its cost does not grow with the library.
"""

from __future__ import annotations

import json
import struct
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass(frozen=True, slots=True)
class TraceClaim:
    """A claim as the trace needs it: its words, where it appeared, and when."""

    id: int
    article_id: int
    seq: int
    text: str
    source: str | None
    source_type: str | None
    outlet: str | None
    status: str
    chain: tuple[str, ...]
    origin_url: str | None
    evidence: tuple[tuple[int, int], ...]
    publisher: str | None
    published: str | None
    imported_at: str
    wire: str | None
    title: str | None
    url: str | None


_TRACE_CLAIM_SQL = (
    "select c.id, c.article_id, c.seq, c.text, c.source, c.source_type, o.name, c.status,"
    " (select group_concat(name, char(31)) from"
    "   (select name from chain_links l where l.claim_id = c.id order by position)),"
    " c.origin_url, c.evidence, a.publisher, a.published, a.imported_at, a.wire, a.title, a.url"
    " from claims c join articles a on a.id = c.article_id"
    " left join outlets o on o.id = c.outlet_id"
)


def _trace_claim(r: Sequence[Any]) -> TraceClaim:
    chain = tuple(r[8].split("\x1f")) if r[8] else ()
    evidence = tuple((int(e[0]), int(e[1])) for e in json.loads(r[10] or "[]"))
    return TraceClaim(
        r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], chain, r[9], evidence, *r[11:17]
    )


#: SQLite's variable limit, with room to spare.
_CHUNK = 500


def pack_keys(keys: Sequence[int]) -> bytes:
    """A claim's keys as ``claims.trace_keys`` holds them (4-byte little-endian each)."""
    return struct.pack(f"<{len(keys)}I", *keys)


def unpack_keys(blob: bytes | None) -> tuple[int, ...]:
    """The keys :func:`pack_keys` packed (none for a claim never linked)."""
    if not blob:
        return ()
    return struct.unpack(f"<{len(blob) // 4}I", blob[: len(blob) // 4 * 4])


class TraceMixin:
    """The trace methods of :class:`reader.store.Library`."""

    if TYPE_CHECKING:
        db: Database

        def _write(self) -> AbstractContextManager[None]: ...

    def claim_key_rows(self, claims_where: str, params: Sequence[Any]) -> list[tuple[int, int]]:
        """The (key, claim id) rows filed for the claims ``select id from claims where
        {claims_where}`` names, from each claim's own list (m011): found by the
        primary key, whatever the table's size. Rows the cap dropped are listed too
        (deleting them is a no-op)."""
        return [
            (k, cid)
            for cid, blob in self.db.execute(
                f"select id, trace_keys from claims where {claims_where}", list(params)
            )
            for k in unpack_keys(blob)
        ]

    def forget_claim_keys(self, claims_where: str, params: Sequence[Any]) -> None:
        """Delete the key rows of the claims ``claims_where`` names (see
        :meth:`claim_key_rows`); inside the caller's write transaction."""
        self.db.conn.executemany(
            "delete from claim_keys where key = ? and claim_id = ?",
            self.claim_key_rows(claims_where, params),
        )

    def untraced_ids(self, limit: int = -1) -> list[int]:
        """Articles not linked yet (new, re-extracted, or from before m010), oldest
        first, by the partial index ``articles_untraced``."""
        return [
            r[0]
            for r in self.db.execute(
                "select id from articles where trace_version is null order by id limit ?",
                [limit],
            )
        ]

    def trace_claims(self, ids: Iterable[int]) -> dict[int, TraceClaim]:
        """The claims with these ids (missing ones left out)."""
        out: dict[int, TraceClaim] = {}
        wanted = list(dict.fromkeys(ids))
        for i in range(0, len(wanted), _CHUNK):
            chunk = wanted[i : i + _CHUNK]
            q = ",".join("?" * len(chunk))
            for r in self.db.execute(_TRACE_CLAIM_SQL + f" where c.id in ({q})", chunk):
                out[r[0]] = _trace_claim(r)
        return out

    def article_trace_claims(self, article_id: int) -> list[TraceClaim]:
        """An article's claims in reading order."""
        rows = self.db.execute(
            _TRACE_CLAIM_SQL + " where c.article_id = ? order by c.seq", [article_id]
        )
        return [_trace_claim(r) for r in rows]

    def claim_at(self, article_id: int, seq: int) -> TraceClaim | None:
        """The claim at ``seq`` of an article (as ``claims`` and ``verdict`` number them)."""
        r = self.db.execute(
            _TRACE_CLAIM_SQL + " where c.article_id = ? and c.seq = ?", [article_id, seq]
        ).fetchone()
        return _trace_claim(r) if r else None

    def claims_under_keys(self, keys: Iterable[int], per_key: int) -> list[tuple[int, int]]:
        """(claim id, article id) filed under each key, the newest ``per_key`` of each
        (one index seek per key; a key repeated is read once)."""
        out: list[tuple[int, int]] = []
        sql = (
            "select k.claim_id, c.article_id from claim_keys k join claims c on c.id = k.claim_id"
            " where k.key = ? order by k.claim_id desc limit ?"
        )
        for key in dict.fromkeys(keys):
            out.extend(self.db.execute(sql, [key, per_key]).fetchall())
        return out

    def claim_links(self, claim_ids: Iterable[int]) -> list[tuple[int, int, str, float]]:
        """Every link touching these claims, as (claim, other, kind, similarity) with
        ``claim`` the one asked for."""
        out: list[tuple[int, int, str, float]] = []
        for cid in dict.fromkeys(claim_ids):
            out.extend(
                (cid, r[0], r[1], r[2])
                for r in self.db.execute(
                    "select other_claim_id, kind, similarity from claim_links where claim_id = ?"
                    " union all select claim_id, kind, similarity from claim_links"
                    " where other_claim_id = ?",
                    [cid, cid],
                )
            )
        return out

    def article_url(self, article_id: int) -> str | None:
        """The address an article came from (or its page named), or None."""
        r = self.db.execute("select url from articles where id = ?", [article_id]).fetchone()
        return r[0] if r else None

    def is_traced(self, article_id: int) -> bool:
        """Whether the article has been linked since its last extraction."""
        r = self.db.execute("select trace_version from articles where id = ?", [article_id])
        row = r.fetchone()
        return row is not None and row[0] is not None

    def untraced_count(self) -> int:
        """How many articles are not linked yet."""
        r = self.db.execute("select count(*) from articles where trace_version is null")
        return int(r.fetchone()[0])

    def articles_at_url(self, url_key: str) -> list[int]:
        """Articles whose address (normalised as the trace normalises it) is ``url_key``."""
        return [
            r[0] for r in self.db.execute("select id from articles where url_key = ?", [url_key])
        ]

    def save_trace(
        self,
        article_id: int,
        version: str,
        url_key: str | None,
        keys: Sequence[tuple[int, int]],
        links: Sequence[tuple[int, int, str, float]],
        cap: int,
    ) -> bool:
        """Store an article's linking in one transaction: its claims' keys (replacing
        any), their links (claim, other, kind, similarity; replacing any that touch its
        claims), its ``url_key`` and the linker ``version``. Keeps at most ``cap``
        claims per key, dropping the oldest. False when the article is gone (deleted
        meanwhile), nothing written."""
        with self._write():
            if not self.db.execute("select 1 from articles where id = ?", [article_id]).fetchone():
                return False
            mine = "select id from claims where article_id = ?"
            current = {r[0] for r in self.db.execute(mine, [article_id])}
            self.forget_claim_keys("article_id = ?", [article_id])
            self.db.execute(
                f"delete from claim_links where claim_id in ({mine}) or other_claim_id in ({mine})",
                [article_id, article_id],
            )
            rows = [(k, c) for k, c in keys if c in current]
            self.db.conn.executemany(
                "insert or ignore into claim_keys (key, claim_id) values (?,?)", rows
            )
            by_claim: dict[int, list[int]] = {c: [] for c in current}
            for k, c in rows:
                by_claim[c].append(k)
            self.db.conn.executemany(
                "update claims set trace_keys = ? where id = ?",
                [(pack_keys(ks) if ks else None, c) for c, ks in by_claim.items()],
            )
            for key in {k for k, _c in rows}:
                self.db.execute(
                    "delete from claim_keys where key = ? and claim_id in (select claim_id from"
                    " claim_keys where key = ? order by claim_id desc limit -1 offset ?)",
                    [key, key, cap],
                )
            self.db.conn.executemany(
                "insert or ignore into claim_links (claim_id, other_claim_id, kind, similarity)"
                " select ?, ?, ?, ? where exists (select 1 from claims where id = ?)",
                [(a, b, k, s, b) for a, b, k, s in links if a in current and b not in current],
            )
            self.db.execute(
                "update articles set trace_version = ?, url_key = ? where id = ?",
                [version, url_key, article_id],
            )
        return True
