"""The user's marks as stored: highlights (with colour, note and tags), article tags,
and the search index of the user's own words (notes and tags).

All of it is user state (schema m012): keyed by article, never by an extracted row,
so re-extraction keeps it; :meth:`MarksMixin.relocate_highlights` writes where the
marks were found again in the new text (found by :mod:`reader.marks.anchor`, outside
the store).
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from reader.errors import InputError
from reader.marks.anchor import Selector
from reader.marks.model import (
    MAX_TAG_CHARS,
    Colour,
    Highlight,
    MarkHit,
    Relocated,
    TagCount,
    normal_tag,
)
from reader.store.timestamps import now_iso
from reader.textsafe import displayable

if TYPE_CHECKING:
    from sqlite_utils import Database

_HIGHLIGHT_COLS = (
    "h.id, h.uid, h.article_id, h.exact, h.prefix, h.suffix, h.start, h.[end], h.colour,"
    " h.note, h.created_at, h.updated_at, h.orphaned,"
    " (select group_concat(name, char(31)) from (select t.name from highlight_tags ht"
    "   join tags t on t.id = ht.tag_id where ht.highlight_id = h.id order by t.name"
    "   collate nocase))"
)


def _highlight(r: Sequence[Any]) -> Highlight:
    return Highlight(
        r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], Colour(r[8]), r[9],
        r[13].split("\x1f") if r[13] else [], r[10], r[11], bool(r[12]),
    )  # fmt: skip


@dataclass(frozen=True)
class ClaimNote:
    """A claim's current note, for the window's list of marks."""

    article_id: int
    claim_key: str
    note: str
    created_at: str
    #: The claim's words; None when the article's extraction no longer has the claim.
    claim_text: str | None


def clean_tags(tags: Iterable[str]) -> list[str]:
    """Tags as stored: normalised, empty ones dropped, each once (without case)."""
    out: dict[str, str] = {}
    for t in tags:
        name = normal_tag(displayable(t))
        if len(name) > MAX_TAG_CHARS:
            raise InputError(
                f"tag {name[:24]!r}…",
                f"is longer than {MAX_TAG_CHARS} characters: a tag is a label",
            )
        if name:
            out.setdefault(name.casefold(), name)
    return list(out.values())


class MarksMixin:
    """The marks methods of :class:`reader.store.Library`."""

    if TYPE_CHECKING:
        db: Database

        def _write(self) -> AbstractContextManager[None]: ...
        def _next_id(self, table: str) -> int: ...

    # --- highlights -----------------------------------------------------------------

    def add_highlight(
        self,
        article_id: int,
        selector: Selector,
        colour: Colour = Colour.YELLOW,
        note: str | None = None,
        tags: Iterable[str] = (),
        uid: str | None = None,
        created_at: str | None = None,
        orphaned: bool = False,
    ) -> Highlight:
        """Keep a highlight of an article's text, in one transaction. ``uid``: its
        identity from an import (a new one otherwise); a uid the library has already
        is an :class:`InputError` (an import checks :meth:`highlight_by_uid` first)."""
        if not selector.exact.strip():
            raise InputError(f"article {article_id}", "a highlight needs some words")
        colour = Colour(colour)
        now = now_iso()
        with self._write():
            self._require_article(article_id)
            hid = self._next_id("highlights")
            try:
                self.db.execute(
                    "insert into highlights (id, uid, article_id, exact, prefix, suffix,"
                    " start, [end], orphaned, colour, note, created_at, updated_at)"
                    " values (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    [
                        hid,
                        uid or f"urn:uuid:{uuid.uuid4()}",
                        article_id,
                        displayable(selector.exact),
                        displayable(selector.prefix),
                        displayable(selector.suffix),
                        selector.start,
                        selector.end,
                        int(orphaned),
                        colour.value,
                        displayable(note) if note else None,
                        created_at or now,
                        now,
                    ],
                )
            except sqlite3.IntegrityError:
                raise InputError(f"highlight {uid}", "is in the library already") from None
            self._set_highlight_tags(hid, article_id, clean_tags(tags))
            self._index_highlight(hid)
        found = self.highlight(hid)
        assert found is not None
        return found

    def update_highlight(
        self,
        highlight_id: int,
        colour: Colour | None = None,
        note: str | None = None,
        tags: Iterable[str] | None = None,
    ) -> Highlight:
        """Change a highlight's colour, note ("" clears it) or tags (replaced whole)."""
        with self._write():
            row = self.db.execute(
                "select article_id from highlights where id = ?", [highlight_id]
            ).fetchone()
            if row is None:
                raise InputError(f"highlight {highlight_id}", "is no longer in the library")
            sets, args = ["updated_at = ?"], [now_iso()]
            if colour is not None:
                sets.append("colour = ?")
                args.append(Colour(colour).value)
            if note is not None:
                sets.append("note = ?")
                args.append(displayable(note) or None)  # type: ignore[arg-type]
            self.db.execute(
                f"update highlights set {', '.join(sets)} where id = ?", [*args, highlight_id]
            )
            if tags is not None:
                self._set_highlight_tags(highlight_id, int(row[0]), clean_tags(tags))
            self._index_highlight(highlight_id)
        found = self.highlight(highlight_id)
        assert found is not None
        return found

    def delete_highlight(self, highlight_id: int) -> Highlight | None:
        """Remove a highlight; what it was (for undo through :meth:`restore_highlight`),
        or None if it was not there."""
        gone = self.highlight(highlight_id)
        if gone is None:
            return None
        with self._write():
            self._unindex("highlight", str(highlight_id))
            self.db.execute("delete from highlight_tags where highlight_id = ?", [highlight_id])
            self.db.execute("delete from highlights where id = ?", [highlight_id])
            self.db.execute(
                "insert into id_floors (name, floor) values ('highlights', ?) on conflict(name)"
                " do update set floor = max(floor, excluded.floor)",
                [highlight_id],
            )
        return gone

    def restore_highlight(self, h: Highlight) -> Highlight:
        """Put back a highlight :meth:`delete_highlight` removed, under its own id."""
        now = now_iso()
        with self._write():
            self._require_article(h.article_id)
            self.db.execute(
                "insert into highlights (id, uid, article_id, exact, prefix, suffix, start,"
                " [end], orphaned, colour, note, created_at, updated_at)"
                " values (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                [
                    h.id, h.uid, h.article_id, h.exact, h.prefix, h.suffix, h.start, h.end,
                    int(h.orphaned), h.colour.value, h.note, h.created_at or now, now,
                ],
            )  # fmt: skip
            self._set_highlight_tags(h.id, h.article_id, h.tags)
            self._index_highlight(h.id)
        found = self.highlight(h.id)
        assert found is not None
        return found

    def highlight(self, highlight_id: int) -> Highlight | None:
        r = self.db.execute(
            f"select {_HIGHLIGHT_COLS} from highlights h where h.id = ?", [highlight_id]
        ).fetchone()
        return _highlight(r) if r else None

    def highlight_by_uid(self, uid: str) -> Highlight | None:
        r = self.db.execute(
            f"select {_HIGHLIGHT_COLS} from highlights h where h.uid = ?", [uid]
        ).fetchone()
        return _highlight(r) if r else None

    def highlights(
        self,
        article_id: int | None = None,
        tag: str | None = None,
        colour: Colour | None = None,
        orphaned: bool | None = None,
        article_ids: Iterable[int] | None = None,
    ) -> list[Highlight]:
        """Highlights, filtered: by article in text order, across the library newest
        article first (the library list's order). ``tag``: the highlight's own tags
        or its article's."""
        where: list[str] = []
        args: list[Any] = []
        if article_id is not None:
            where.append("h.article_id = ?")
            args.append(article_id)
        if article_ids is not None:
            ids = [int(i) for i in article_ids]
            where.append(f"h.article_id in ({','.join(map(str, ids)) or 'null'})")
        if tag is not None:
            where.append(
                "(h.id in (select ht.highlight_id from highlight_tags ht join tags t"
                " on t.id = ht.tag_id where t.name = ?) or h.article_id in"
                " (select at.article_id from article_tags at join tags t on t.id = at.tag_id"
                " where t.name = ?))"
            )
            args += [normal_tag(tag), normal_tag(tag)]
        if colour is not None:
            where.append("h.colour = ?")
            args.append(Colour(colour).value)
        if orphaned is not None:
            where.append("h.orphaned = ?")
            args.append(int(orphaned))
        sql = f"select {_HIGHLIGHT_COLS} from highlights h join articles a on a.id = h.article_id"
        if where:
            sql += " where " + " and ".join(where)
        sql += (
            " order by coalesce(a.published, substr(a.imported_at, 1, 10)) desc, a.id desc,"
            " h.start, h.id"
        )
        return [_highlight(r) for r in self.db.execute(sql, args)]

    def relocate_highlights(self, places: Iterable[Relocated]) -> None:
        """Write where highlights were found in their article's new text: the words
        there (a fuzzy match may differ a little from the old quote), their context
        and offsets; or orphaned (the old quote and offsets kept as the last known
        place). Called inside the re-extraction's transaction
        (:meth:`Library.replace_extraction`)."""
        for p in places:
            sel = p.selector
            if sel is None:
                self.db.execute("update highlights set orphaned = 1 where id = ?", [p.id])
            else:
                self.db.execute(
                    "update highlights set exact = ?, prefix = ?, suffix = ?, start = ?,"
                    " [end] = ?, orphaned = 0 where id = ?",
                    [sel.exact, sel.prefix, sel.suffix, sel.start, sel.end, p.id],
                )

    def claim_notes(self) -> list[ClaimNote]:
        """Every claim's current note across the library, newest article first (the
        library list's order), in reading order within an article; a note whose claim
        the article's present extraction no longer has comes with ``claim_text`` None."""
        rows = self.db.execute(
            "select v.article_id, v.claim_key, v.note, v.created_at, c.text from verdicts v"
            " join articles a on a.id = v.article_id"
            " left join claims c on c.article_id = v.article_id and c.claim_key = v.claim_key"
            " where v.id = (select max(id) from verdicts w where w.article_id = v.article_id"
            " and w.claim_key = v.claim_key) and coalesce(v.note, '') != ''"
            " group by v.id"
            " order by coalesce(a.published, substr(a.imported_at, 1, 10)) desc, a.id desc,"
            " min(coalesce(c.seq, 1 << 30)), v.id"
        )
        return [ClaimNote(int(r[0]), r[1], r[2], r[3], r[4]) for r in rows]

    # --- tags -----------------------------------------------------------------------

    def set_article_tags(self, article_id: int, tags: Iterable[str]) -> list[str]:
        """Replace an article's tags; the tags as stored."""
        names = clean_tags(tags)
        with self._write():
            self._require_article(article_id)
            self.db.execute("delete from article_tags where article_id = ?", [article_id])
            for tid in self._tag_ids(names):
                self.db.execute(
                    "insert or ignore into article_tags (article_id, tag_id) values (?,?)",
                    [article_id, tid],
                )
            self._unindex("article", "", article_id)
            if names:
                self.db.execute(
                    "insert into marks_fts (body, article_id, kind, ref) values (?,?,'article','')",
                    [" ".join(names), article_id],
                )
        return self.article_tags(article_id)

    def article_tags(self, article_id: int) -> list[str]:
        return [
            r[0]
            for r in self.db.execute(
                "select t.name from article_tags at join tags t on t.id = at.tag_id"
                " where at.article_id = ? order by t.name collate nocase",
                [article_id],
            )
        ]

    def article_tag_map(self) -> dict[int, list[str]]:
        """Every tagged article's tags (one query: the Marks view's tag filter)."""
        out: dict[int, list[str]] = {}
        for aid, name in self.db.execute(
            "select at.article_id, t.name from article_tags at join tags t on t.id = at.tag_id"
            " order by at.article_id, t.name collate nocase"
        ):
            out.setdefault(int(aid), []).append(name)
        return out

    def tags(self) -> list[TagCount]:
        """Every tag in use, by name, with how many articles and highlights carry it."""
        rows = self.db.execute(
            "select t.name, (select count(*) from article_tags at where at.tag_id = t.id),"
            " (select count(*) from highlight_tags ht where ht.tag_id = t.id)"
            " from tags t order by t.name collate nocase"
        )
        return [TagCount(*r) for r in rows if r[1] or r[2]]

    def articles_tagged(self, tag: str) -> list[int]:
        """Articles carrying ``tag`` themselves or on one of their highlights."""
        name = normal_tag(tag)
        return [
            r[0]
            for r in self.db.execute(
                "select a.id from articles a where a.id in (select at.article_id from"
                " article_tags at join tags t on t.id = at.tag_id where t.name = ?) or a.id in"
                " (select ht.article_id from highlight_tags ht join tags t on t.id = ht.tag_id"
                " where t.name = ?) order by coalesce(a.published, substr(a.imported_at, 1, 10))"
                " desc, a.id desc",
                [name, name],
            )
        ]

    # --- the search index of the user's words ---------------------------------------

    def index_claim_note(self, article_id: int, key: str, note: str | None) -> None:
        """Keep a claim's current note searchable (inside the verdict's transaction)."""
        self._unindex("claim", key, article_id)
        if note:
            self.db.execute(
                "insert into marks_fts (body, article_id, kind, ref) values (?,?,'claim',?)",
                [note, article_id, key],
            )

    def search_marks(
        self, fts_query: str, limit: int = 50, marks: tuple[str, str] = ("[", "]")
    ) -> list[MarkHit]:
        """Notes and tags matching an FTS5 query, best first."""
        if not fts_query:
            return []
        try:
            rows = self.db.execute(
                "select article_id, kind, ref, snippet(marks_fts, 0, ?, ?, '…', 12)"
                " from marks_fts where marks_fts match ? order by rank limit ?",
                [marks[0], marks[1], fts_query, limit],
            ).fetchall()
        except sqlite3.OperationalError as exc:
            if "fts5" not in str(exc).lower():
                raise
            return []
        return [MarkHit(int(r[0]), r[1], r[2], r[3]) for r in rows]

    # --- inside transactions ----------------------------------------------------------

    def _require_article(self, article_id: int) -> None:
        if self.db.execute("select 1 from articles where id = ?", [article_id]).fetchone() is None:
            raise InputError(f"article {article_id}", "is no longer in the library")

    def _tag_ids(self, names: Sequence[str]) -> list[int]:
        out = []
        for name in names:
            row = self.db.execute("select id from tags where name = ?", [name]).fetchone()
            if row is None:
                tid = int(
                    self.db.execute("select coalesce(max(id), 0) + 1 from tags").fetchone()[0]
                )
                self.db.execute("insert into tags (id, name) values (?,?)", [tid, name])
                out.append(tid)
            else:
                out.append(int(row[0]))
        return out

    def _set_highlight_tags(self, highlight_id: int, article_id: int, names: Sequence[str]) -> None:
        self.db.execute("delete from highlight_tags where highlight_id = ?", [highlight_id])
        self.db.conn.executemany(
            "insert or ignore into highlight_tags (highlight_id, tag_id, article_id)"
            " values (?,?,?)",
            [(highlight_id, tid, article_id) for tid in self._tag_ids(names)],
        )

    def _index_highlight(self, highlight_id: int) -> None:
        h = self.highlight(highlight_id)
        self._unindex("highlight", str(highlight_id))
        if h is not None and (h.note or h.tags):
            self.db.execute(
                "insert into marks_fts (body, article_id, kind, ref) values (?,?,'highlight',?)",
                [" ".join([h.note or "", *h.tags]).strip(), h.article_id, str(highlight_id)],
            )

    def _unindex(self, kind: str, ref: str, article_id: int | None = None) -> None:
        sql = "delete from marks_fts where kind = ? and ref = ?"
        args: list[Any] = [kind, ref]
        if article_id is not None:
            sql += " and article_id = ?"
            args.append(article_id)
        self.db.execute(sql, args)
