"""Issue 8's keys in the library: wire, evidence, conflicts_with, uncertain.

Stored on import, read back by get/claims/export, refreshed by reextract (user
verdicts untouched), and migrated in place from a library written at m004.
"""

from __future__ import annotations

import hashlib
import io
import json
import zlib
from pathlib import Path

from sqlite_utils import Database

from reader.export import ExportFormat, Scope, export_text
from reader.ingest import RawInput, load
from reader.library_ops import import_source, reextract
from reader.model import Article, Claim
from reader.pipeline import extract_raw
from reader.store import Library, claim_key
from reader.store.schema import migrations

BODY = (
    "Harbour fees rise\n\n"
    "The Harbor Ledger reported on Monday that mooring fees would rise by 12% in June.\n\n"
    "The Courier was unable to independently verify the Ledger's report.\n\n"
    "Port director Ann Keller said the rise was needed. She added that it would be the last.\n\n"
    "The port authority denied that fees had risen before. A council member, however, said "
    "they rose twice last year.\n"
)


def _span(text: str, words: str) -> list[int]:
    i = text.index(words)
    return [i, i + len(words)]


def _claim(text: str, sentence: str, status: str = "reported", **kw: object) -> Claim:
    a, b = _span(text, sentence)
    source, span = kw.pop("source", "Someone"), kw.pop("source_span", None)
    return Claim(
        sentence, a, b, source, span, "person", "The Courier",  # type: ignore[arg-type]
        "said", status, ["The Courier", "Someone"], **kw,  # type: ignore[arg-type]
    )  # fmt: skip


def hand_made() -> tuple[RawInput, Article]:
    """An article whose new keys are all set (the engine leaves them empty for now)."""
    text = BODY.split("\n\n", 1)[1].strip()
    claims = [
        _claim(
            text,
            "The Harbor Ledger reported on Monday that mooring fees would rise by 12% in June.",
            "unconfirmed",
            evidence=[_span(text, "unable to independently verify")],
        ),
        _claim(
            text,
            "She added that it would be the last.",
            uncertain=True,
            source="Ann Keller",
            source_span=_span(text, "She"),
        ),
        _claim(
            text,
            "The port authority denied that fees had risen before.",
            "disputed",
            evidence=[_span(text, "A council member, however, said they rose twice last year.")],
            conflicts_with=[3],
        ),
        _claim(
            text,
            "A council member, however, said they rose twice last year.",
            "disputed",
            evidence=[_span(text, "denied that fees had risen before"), [0, 3]],
            conflicts_with=[2],
            uncertain=True,
        ),
    ]
    article = Article(
        title="Harbour fees rise", publisher="The Courier", wire="Associated Press",
        text=text, markdown=text, claims=claims,
    )  # fmt: skip
    raw = RawInput("fees.txt", "text", BODY, BODY.encode(), None)
    return raw, article


def test_every_new_key_round_trips(library: Library) -> None:
    raw, article = hand_made()
    aid = library.add(raw, article).article_id
    stored = library.get(aid)
    assert stored is not None
    assert stored.article.wire == "Associated Press"
    assert [c.to_dict() for c in stored.article.claims] == [c.to_dict() for c in article.claims]
    assert [sc.claim.to_dict() for sc in library.claims(status="disputed")] == [
        c.to_dict() for c in article.claims[2:]
    ]
    out = io.StringIO()
    export_text(library, ExportFormat.JSON, Scope(), out)
    [exported] = [json.loads(line) for line in out.getvalue().splitlines()]
    assert exported["wire"] == "Associated Press"
    assert [(c["evidence"], c["conflicts_with"], c["uncertain"]) for c in exported["claims"]] == [
        (c.evidence, c.conflicts_with, c.uncertain) for c in article.claims
    ]
    row = library.db.execute("select uncertain from claims order by seq").fetchall()
    assert row == [(0,), (1,), (0,), (1,)]  # stored as 0/1


def test_evidence_words_can_be_read_in_sql(library: Library) -> None:
    """The JSON columns stay queryable: the words of every evidence span, in SQL."""
    raw, article = hand_made()
    library.add(raw, article)
    words = library.db.execute(
        "select c.seq, substr(a.text, json_extract(e.value, '$[0]') + 1,"
        " json_extract(e.value, '$[1]') - json_extract(e.value, '$[0]'))"
        " from claims c join articles a on a.id = c.article_id, json_each(c.evidence) e"
        " order by c.seq, e.key"
    ).fetchall()
    assert words == [
        (0, "unable to independently verify"),
        (2, "A council member, however, said they rose twice last year."),
        (3, "denied that fees had risen before"),
        (3, "The"),
    ]


def _add_at_m004(db: Database, raw: RawInput, article: Article) -> int:
    """What Library.add wrote before m005: no wire, no evidence columns."""
    cur = db.execute(
        "insert into articles (content_hash, raw_hash, source, kind, raw, imported_at, url,"
        " title, byline, publisher, published, markdown, text) values (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [
            hashlib.sha256(claim_key(article.text).encode()).hexdigest(),
            hashlib.sha256(raw.raw).hexdigest(),
            raw.source, raw.kind, zlib.compress(raw.raw), "2025-01-01T00:00:00+00:00",
            article.url, article.title, article.byline, article.publisher, article.published,
            article.markdown, article.text,
        ],
    )  # fmt: skip
    aid = int(cur.lastrowid or 0)
    for seq, c in enumerate(article.claims):
        cid = db.execute(
            "insert into claims (article_id, seq, claim_key, text, start, end, source,"
            " source_type, cue, status) values (?,?,?,?,?,?,?,?,?,?)",
            [aid, seq, claim_key(c.text), c.text, c.start, c.end, c.source, c.source_type,
             c.cue, c.status],
        ).lastrowid  # fmt: skip
        for pos, name in enumerate(c.chain):
            db.execute("insert into chain_links values (?,?,?)", [cid, pos, name])
    return aid


def test_an_m004_library_migrates_in_place_and_reextract_fills_the_keys(
    db_path: Path, tmp_path: Path
) -> None:
    src = tmp_path / "fees.txt"
    src.write_text(BODY, encoding="utf-8")
    raw = load(str(src))
    fresh = extract_raw(raw)  # what the engine says today
    assert fresh.claims, "the engine should find claims here"

    db = Database(db_path)
    migrations.apply(db, stop_before="m005_status_evidence")
    aid = _add_at_m004(db, raw, fresh)
    key = claim_key(fresh.claims[0].text)
    db.execute(
        "insert into verdicts (article_id, claim_key, verdict, note, created_at)"
        " values (?,?,?,?,?)",
        [aid, key, "false", "checked the minutes", "2025-01-02T00:00:00+00:00"],
    )
    db.conn.commit()
    db.close()

    lib = Library(db_path)  # opens, migrates
    assert "m005_status_evidence" in [m.name for m in migrations.applied(lib.db)]
    stored = lib.get(aid)
    assert stored is not None and stored.article.wire is None
    assert [c.text for c in stored.article.claims] == [c.text for c in fresh.claims]
    assert all(
        c.evidence == [] and c.conflicts_with == [] and c.uncertain is False
        for c in stored.article.claims
    )
    assert (stored.claims[0].verdict, stored.claims[0].note) == ("false", "checked the minutes")

    assert reextract(lib, aid) == (1, [])
    again = lib.get(aid)
    assert again is not None
    # exactly what extraction gives now, the new keys included (filled once the engine does)
    assert again.article.wire == fresh.wire
    assert [c.to_dict() for c in again.article.claims] == [c.to_dict() for c in fresh.claims]
    assert (again.claims[0].verdict, again.claims[0].note) == ("false", "checked the minutes")
    lib.close()


def test_reextract_refreshes_the_new_keys_and_leaves_verdicts_alone(
    library: Library, tmp_path: Path
) -> None:
    src = tmp_path / "fees.txt"
    src.write_text(BODY, encoding="utf-8")
    aid = import_source(library, str(src)).article_id
    stored = library.get(aid)
    assert stored is not None and stored.claims
    key = stored.claims[0].claim_key
    library.set_verdict(aid, key, "true", "seen the notice")
    library.set_verdict(aid, key, "misleading")
    verdicts_before = library.db.execute("select * from verdicts order by id").fetchall()
    # stale facts, as an older engine (or a bug since fixed) left them
    library.db.execute(
        "update claims set evidence = '[[0, 5]]', conflicts_with = '[9]', uncertain = 1"
        " where article_id = ?",
        [aid],
    )
    library.db.execute("update articles set wire = 'Stale Wire' where id = ?", [aid])
    library.db.conn.commit()

    assert reextract(library) == (1, [])
    fresh = extract_raw(load(str(src)))
    again = library.get(aid)
    assert again is not None
    assert again.article.wire == fresh.wire
    assert [c.to_dict() for c in again.article.claims] == [c.to_dict() for c in fresh.claims]
    assert library.db.execute("select * from verdicts order by id").fetchall() == verdicts_before
    assert [(c.verdict, c.note) for c in again.claims if c.claim_key == key] == [
        ("misleading", "seen the notice")
    ]
