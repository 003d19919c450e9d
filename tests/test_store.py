"""The library: migrations from empty, dedupe, FTS, transactions, user state apart."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reader.errors import InputError
from reader.ingest import RawInput
from reader.library_ops import import_source, reextract
from reader.model import Article, Claim
from reader.store import Library, claim_key
from reader.store.schema import migrations

BODY = (
    "The mayor said the bridge would reopen in May.\n\n"
    "Engineers found 14 cracked beams, the city's report said."
)


def make_article(body: str = BODY, title: str = "Bridge repairs") -> tuple[RawInput, Article]:
    claims = [
        Claim(
            text="The mayor said the bridge would reopen in May.",
            start=0,
            end=46,
            source="The mayor",
            source_span=[0, 9],
            source_type="official",
            outlet="Riverside Post",
            cue="said",
            status="reported",
            chain=["Riverside Post", "The mayor"],
        )
    ]
    article = Article(
        title=title, publisher="Riverside Post", text=body, markdown=body, claims=claims
    )
    raw = RawInput(source="bridge.txt", kind="text", content=body, raw=body.encode())
    return raw, article


def test_migrates_from_empty(db_path: Path) -> None:
    lib = Library(db_path)
    names = set(lib.db.table_names())
    assert {"articles", "claims", "outlets", "chain_links", "verdicts", "article_state"} <= names
    assert "articles_fts" in names
    assert [m.name for m in migrations.applied(lib.db)] == [
        "m001_articles",
        "m002_claims",
        "m003_user_state",
        "m004_raw_hash",
        "m005_status_evidence",
        "m006_samples_and_deletion",
        "m007_application_id",
        "m008_feeds",
        "m009_reading_and_refresh",
        "m010_trace",
        "m011_claim_keys_by_claim",
        "m012_marks",
    ]
    assert lib.db.execute("pragma journal_mode").fetchone()[0] == "wal"
    lib.close()
    Library(db_path).close()  # re-opening applies nothing twice


def test_add_stores_claims_outlets_and_chain(library: Library) -> None:
    r = library.add(*make_article())
    assert r.created
    stored = library.get(r.article_id)
    assert stored is not None
    assert stored.article.title == "Bridge repairs"
    [c] = stored.claims
    assert c.claim.outlet == "Riverside Post"
    assert c.claim.chain == ["Riverside Post", "The mayor"]
    assert c.claim.source_span == [0, 9]
    assert library.db.execute("select name from outlets").fetchall() == [("Riverside Post",)]


def test_same_article_twice_is_one_article(library: Library) -> None:
    a = library.add(*make_article())
    raw, art = make_article(body=BODY.replace(" said", "  said"))  # whitespace differs only
    b = library.add(raw, art)
    assert a.article_id == b.article_id and not b.created
    assert library.count_articles() == 1


def test_full_text_search_finds_body_words(library: Library) -> None:
    library.add(*make_article())
    library.add(*make_article(body="Tram drivers voted to strike on Friday.", title="Tram strike"))
    hits = library.search("cracked beams")
    assert [h.title for h in hits] == ["Bridge repairs"]
    assert "[cracked]" in hits[0].snippet
    assert library.search('"unbalanced (quotes') == []


def test_failed_import_leaves_library_as_it_was(library: Library) -> None:
    raw, art = make_article()
    art.claims.append(art.claims[0])
    art.claims[1] = Claim(**{**art.claims[0].__dict__, "status": None})  # type: ignore[arg-type]
    with pytest.raises(sqlite3.IntegrityError):
        library.add(raw, art)  # the second claim violates NOT NULL after the article row
    assert library.count_articles() == 0
    assert library.db.execute("select count(*) from claims").fetchone()[0] == 0


def test_verdicts_keep_history_and_survive_reextraction(library: Library, tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text("Bridge repairs\n\n" + BODY + "\n")
    r = import_source(library, str(p))
    stored = library.get(r.article_id)
    assert stored is not None and stored.claims, "the engine should find a claim here"
    key = stored.claims[0].claim_key
    library.set_verdict(r.article_id, key, "true", "checked the report")
    library.set_verdict(r.article_id, key, "misleading")
    library.set_verdict(r.article_id, key, None)
    library.set_verdict(r.article_id, key, "false")
    history = library.verdict_history(r.article_id, key)
    assert [h.verdict for h in history] == ["true", "misleading", None, "false"]
    assert all(h.note == "checked the report" for h in history)
    done, failures = reextract(library)
    assert (done, failures) == (1, [])
    again = library.get(r.article_id)
    assert again is not None
    match = [c for c in again.claims if c.claim_key == key]
    assert match and match[0].verdict == "false" and match[0].note == "checked the report"


def test_unknown_verdict_is_refused(library: Library) -> None:
    r = library.add(*make_article())
    with pytest.raises(ValueError, match="unknown verdict"):
        library.set_verdict(r.article_id, "k", "maybe")


def test_claim_key_normalises_quotes_case_and_spacing() -> None:
    assert claim_key("He said “no.”") == claim_key('he  said "No"')


def test_list_is_newest_first(library: Library) -> None:
    for title, date in (("Old", "2020-01-01"), ("New", "2025-05-05"), ("Mid", "2023-03-03")):
        raw, art = make_article(body=f"{title} story body with enough words.", title=title)
        art.published = date
        library.add(raw, art)
    assert [r.title for r in library.list_articles()] == ["New", "Mid", "Old"]


def test_a_file_that_is_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    p = tmp_path / "not.db"
    p.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(InputError, match="not a usable library"):
        Library(p)


def test_same_raw_input_is_one_article_even_if_cleaning_changed(library: Library) -> None:
    raw, art = make_article()
    a = library.add(raw, art)
    _, changed = make_article(body=BODY + "\n\nA paragraph a newer cleaner keeps.")
    b = library.add(raw, changed)
    assert a.article_id == b.article_id and not b.created


def test_raw_hash_migration_backfills_existing_rows(db_path: Path) -> None:
    from sqlite_utils import Database

    db = Database(db_path)
    migrations.apply(db, stop_before="m004_raw_hash")
    raw, art = make_article()
    db["articles"].insert(  # type: ignore[union-attr]
        {
            "content_hash": "x",
            "source": "s",
            "kind": "text",
            "raw": __import__("zlib").compress(raw.raw),
            "text": art.text,
            "imported_at": "2025-01-01T00:00:00+00:00",
        }
    )
    db.close()
    lib = Library(db_path)
    assert lib.add(raw, art).created is False  # found by the backfilled raw hash
    lib.close()


@pytest.mark.subprocess
def test_concurrent_opens_of_a_new_library_do_not_race(tmp_path: Path) -> None:
    """Several processes opening (and so migrating) one new file at once all succeed."""
    import subprocess
    import sys

    db = tmp_path / "shared.db"
    code = "import sys; from reader.store import Library; Library(sys.argv[1]).close(); print('ok')"
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", code, str(db)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(6)
    ]
    results = [p.communicate(timeout=60) for p in procs]
    assert all(out.strip() == "ok" for out, _ in results), [err[-300:] for _, err in results]
    lib = Library(db)
    assert not migrations.pending(lib.db)
    lib.close()


def test_concurrent_writers_wait_instead_of_failing(db_path: Path) -> None:
    """An import worker and the window write at once: the busy time-out applies."""
    import threading

    Library(db_path).close()
    errors: list[BaseException] = []

    def importer() -> None:
        lib = Library(db_path)
        try:
            for i in range(40):
                raw, art = make_article(
                    body=f"Story {i}: the council said the pier reopens.", title=f"T{i}"
                )
                lib.add(raw, art)
        except BaseException as exc:
            errors.append(exc)
        finally:
            lib.close()

    t = threading.Thread(target=importer)
    t.start()
    lib = Library(db_path)
    try:
        r = lib.add(*make_article(title="Mine"))
        for i in range(40):
            lib.set_verdict(r.article_id, "k", "true", f"note {i}")
            lib.mark_opened(r.article_id)
    finally:
        t.join()
        lib.close()
    assert errors == []


def test_reextract_keeps_the_stored_kind_and_the_verdicts(tmp_path: Path) -> None:
    """A Markdown page fetched by URL has no extension to sniff by: re-extraction must
    not turn it into text (that changed every claim and detached the verdicts)."""
    from tests.helpers import local_server

    page = (
        b"# Fees rise\n\nThe harbour authority *quietly* raised mooring fees by 12%, "
        b"[the Harbor Ledger](https://example.org/x) reported on Tuesday.\n"
    )
    with local_server({"/story": (200, {"Content-Type": "text/markdown"}, page)}) as (base, _):
        lib = Library(tmp_path / "lib.db")
        r = import_source(lib, base + "/story")
    stored = lib.get(r.article_id)
    assert stored is not None and stored.kind == "markdown" and stored.claims
    key = stored.claims[0].claim_key
    lib.set_verdict(r.article_id, key, "false", "checked the ledger")
    assert reextract(lib) == (1, [])
    again = lib.get(r.article_id)
    assert again is not None and again.article.text == stored.article.text
    assert [(c.verdict, c.note) for c in again.claims if c.claim_key == key] == [
        ("false", "checked the ledger")
    ]
    lib.close()


def test_stored_claims_know_their_article(library: Library) -> None:
    r = library.add(*make_article())
    assert {c.article_id for c in library.claims()} == {r.article_id}


def test_one_outlet_whatever_the_spelling_of_its_the(library: Library) -> None:
    """ "The Harbor Gazette" (a publisher) and "Harbor Gazette" (as another paper cites
    it) are one outlet: one row, and either spelling finds its claims."""
    from reader.model import outlet_key

    assert outlet_key("The  Harbor Gazette") == outlet_key("harbor gazette")
    assert outlet_key("Theatre Weekly") == "theatre weekly"
    with library._write():
        first = library._outlet_id("The Harbor Gazette")
        assert library._outlet_id("Harbor Gazette") == first
        assert library._outlet_id("HARBOR GAZETTE") == first
        assert library._outlet_id("Harbor Times") != first
    raw, art = make_article()
    art.claims[0].outlet = "Harbor Gazette"
    library.add(raw, art)
    assert library.claims(outlet="The Harbor Gazette")
    assert library.claims(outlet="harbor gazette")
