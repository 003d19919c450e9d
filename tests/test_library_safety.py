"""A busy, full, read-only, damaged, foreign or newer library is answered in one line.

Each case on a real SQLite file: the write lock is held by a real second process, the
disk fills through SQLite's own page limit, a read-only library is opened through a
read-only connection (and chmod, where it works: not as root), a stored input is
really damaged. The CLI is called in-process (``reader.cli.main``) so that the busy
time-out can be shortened; its stderr is what a user sees.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

import reader.store.library
from reader.cli import BUSY_LINE, main
from reader.errors import LibraryError
from reader.library_ops import import_source, reextract
from reader.store import Library

BODY = (
    "# {title}\n\nThe council said on Monday that the {thing} would reopen in May, "
    "according to the Riverside Post. Officials said repairs cost $2 million.\n"
)


def write_inputs(folder: Path, n: int, stem: str = "story") -> list[Path]:
    """``n`` small Markdown articles, each different."""
    paths = []
    for i in range(n):
        p = folder / f"{stem}{i}.md"
        p.write_text(BODY.format(title=f"{stem.title()} {i}", thing=f"{stem} bridge number {i}"))
        paths.append(p)
    return paths


def make_library(db: Path, n: int = 2) -> list[int]:
    folder = db.parent / "inputs"
    folder.mkdir(exist_ok=True)
    with Library(db) as lib:
        return [import_source(lib, str(p)).article_id for p in write_inputs(folder, n)]


@contextmanager
def lock_held(db: Path, seconds: float = 60) -> Iterator[subprocess.Popen[str]]:
    """Another process holding the library's write lock (BEGIN IMMEDIATE) until the
    block ends, or for ``seconds``."""
    code = (
        "import sqlite3, sys, time\n"
        f"c = sqlite3.connect({str(db)!r}, isolation_level=None)\n"
        "c.execute('BEGIN IMMEDIATE')\n"
        "print('locked', flush=True)\n"
        f"time.sleep({seconds})\n"
        "c.execute('ROLLBACK')\n"
    )
    p = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert p.stdout is not None and p.stdout.readline().strip() == "locked"
        yield p
    finally:
        p.kill()
        p.wait()


@pytest.fixture
def short_busy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Wait 0.2 s per try (not 5 s), twice more after the retry line."""
    monkeypatch.setattr(reader.store.library, "BUSY_TIMEOUT_MS", 200)
    monkeypatch.setattr(reader.store.library, "BUSY_RETRIES", 2)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- 1. busy: another process holds the write lock ------------------------------------


@pytest.mark.usefixtures("short_busy")
@pytest.mark.subprocess
def test_import_into_a_locked_library_retries_then_one_line_per_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "lib.db"
    make_library(db, 1)
    a, b = write_inputs(tmp_path, 2, "new")
    with lock_held(db):
        code, out, err = run(capsys, "import", str(a), str(b), "--db", str(db))
    assert code == 2
    assert out == ""
    assert err.splitlines() == [
        BUSY_LINE,
        BUSY_LINE,
        f"error: {a}: not imported: the library is busy: another program is writing to it",
        f"error: {b}: not imported: the library is busy: another program is writing to it",
    ]
    code, out, err = run(capsys, "import", str(a), str(b), "--db", str(db))  # lock gone
    assert code == 0 and err == "" and out.count("imported: [") == 2


@pytest.mark.usefixtures("short_busy")
@pytest.mark.subprocess
def test_a_lock_released_while_retrying_lets_the_write_through(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "lib.db"
    make_library(db, 1)
    monkeypatch.setattr(reader.store.library, "BUSY_RETRIES", 20)  # up to 4 s
    [a] = write_inputs(tmp_path, 1, "new")
    with lock_held(db, seconds=0.6):
        code, out, err = run(capsys, "import", str(a), "--db", str(db))
    assert (code, err) == (0, BUSY_LINE + "\n")
    assert out.startswith("imported: [")


@pytest.mark.usefixtures("short_busy")
@pytest.mark.subprocess
def test_verdict_reextract_delete_on_a_locked_library_are_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "lib.db"
    ids = make_library(db, 2)
    busy = "the library is busy: another program is writing to it"
    with lock_held(db):
        code, out, err = run(capsys, "verdict", str(ids[0]), "0", "true", "--db", str(db))
        assert code == 2 and out == ""
        assert err.splitlines() == [
            BUSY_LINE,
            f"error: {db}: is busy: another program is writing to it",
        ]
        code, out, err = run(capsys, "reextract", "--db", str(db))
        assert code == 2
        assert err.splitlines() == [
            BUSY_LINE,
            f"error: {db}: is busy: another program is writing to it (re-extraction stopped"
            f" at article {ids[0]}; 2 articles not re-extracted)",
        ]
        code, out, err = run(capsys, "delete", str(ids[1]), "--db", str(db))
        assert code == 2 and len(err.splitlines()) == 2 and "Traceback" not in err
        assert busy.split(": ", 1)[1] in err
        # reading needs no lock (WAL): list and show still work
        code, out, err = run(capsys, "list", "--db", str(db))
        assert code == 0 and err == "" and len(out.splitlines()) == 2
    with Library(db) as lib:
        assert lib.count_articles() == 2
        assert lib.verdict_history(ids[0], lib.claims(ids[0])[0].claim_key) == []


@pytest.mark.subprocess
def test_the_window_import_worker_reports_a_locked_library_in_one_line(
    tmp_path: Path, qapp: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.gui.workers import ImportItem, ImportJob, ImportOutcome

    monkeypatch.setattr(reader.store.library, "BUSY_TIMEOUT_MS", 200)
    db = tmp_path / "lib.db"
    make_library(db, 1)
    a, b = write_inputs(tmp_path, 2, "new")
    got: list[ImportOutcome] = []
    job = ImportJob(db, [ImportItem(str(a)), ImportItem(str(b))], success=got.append)
    waits: list[int] = []
    job.signals.busy.connect(lambda: waits.append(1))  # the controller shows BUSY_NOTE
    with lock_held(db):
        job.run()  # in this thread: the outcome is what the window would be handed
    assert waits  # it waited, as the CLI does, before giving up
    [outcome] = got
    assert outcome.imported == []
    assert [str(f) for f in outcome.failures] == [
        f"{p}: could not be saved: the library is busy: another program is writing to it"
        for p in (a, b)
    ]


# --- 2. full and read-only -----------------------------------------------------------


def test_a_full_disk_is_one_line_and_leaves_the_library_as_it_was(tmp_path: Path) -> None:
    """SQLITE_FULL from SQLite's page limit on a real file (what a full disk gives)."""
    db = tmp_path / "lib.db"
    make_library(db, 1)
    big = tmp_path / "big.md"
    words = " ".join(f"word{i}" for i in range(60_000))
    big.write_text(f"# Big\n\nThe council said {words}, officials said.\n")
    with Library(db) as lib:
        pages = lib.db.execute("pragma page_count").fetchone()[0]
        lib.db.execute(f"pragma max_page_count = {pages + 2}")
        with pytest.raises(LibraryError) as caught:
            import_source(lib, str(big))
        assert caught.value.reason.startswith("is full (no space left on the disk)")
        assert "\n" not in str(caught.value)
        assert lib.count_articles() == 1
        lib.db.execute("pragma max_page_count = 1073741823")
        assert import_source(lib, str(big)).created  # space again: it works


def test_a_read_only_library_reads_and_refuses_writes_in_one_line(tmp_path: Path) -> None:
    """A read-only connection (file:...?mode=ro), as a library that cannot be written
    is opened: listing works, each write is one line, the file is not changed."""
    db = tmp_path / "lib.db"
    ids = make_library(db, 2)
    before = digest(db)
    [a] = write_inputs(tmp_path, 1, "new")
    with Library(db, read_only=True) as lib:
        assert len(lib.list_articles()) == 2
        key = lib.claims(ids[0])[0].claim_key
        for write in (
            lambda: import_source(lib, str(a)),
            lambda: lib.set_verdict(ids[0], key, "true"),
            lambda: lib.delete([ids[1]]),
            lambda: lib.mark_opened(ids[0]),
        ):
            with pytest.raises(LibraryError) as caught:
                write()
            assert caught.value.reason == (
                "is read-only (the file or its folder cannot be written): nothing was saved"
            )
        assert reextract(lib)[1] == [
            f"{db}: is read-only (the file or its folder cannot be written): nothing was"
            f" saved (re-extraction stopped at article {ids[0]}; 2 articles not re-extracted)"
        ]
    assert digest(db) == before


@pytest.mark.skipif(
    hasattr(os, "geteuid") and os.geteuid() == 0,
    reason="root writes through chmod; the read-only connection test above covers it",
)
def test_a_read_only_file_and_folder_through_the_cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "lib" / "lib.db"
    ids = make_library(db, 1)
    [a] = write_inputs(tmp_path, 1, "new")
    for target, mode in ((db, 0o444), (db.parent, 0o555)):
        target.chmod(mode)
        try:
            code, out, err = run(capsys, "list", "--db", str(db))
            assert code == 0 and len(out.splitlines()) == 1
            code, out, err = run(capsys, "import", str(a), "--db", str(db))
            assert code == 2
            assert err == (
                f"error: {a}: not imported: the library is read-only (the file or its folder"
                " cannot be written): nothing was saved\n"
            )
            code, out, err = run(capsys, "verdict", str(ids[0]), "0", "true", "--db", str(db))
            assert code == 2 and len(err.splitlines()) == 1 and "read-only" in err
        finally:
            target.chmod(0o755 if target.is_dir() else 0o644)


# --- 3. ids too large for SQLite -------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["show", "99999999999999999999"],
        ["list", "--limit", "99999999999999999999"],
        ["search", "bridge", "--limit", "99999999999999999999"],
        ["claims", "--article", "99999999999999999999"],
        ["verdict", "99999999999999999999", "0", "true"],
        ["verdict", "1", "99999999999999999999", "true"],
        ["reextract", "-99999999999999999999"],
    ],
)
def test_ids_too_large_for_sqlite_are_one_usage_line(
    argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "lib.db"
    make_library(db, 1)
    with pytest.raises(SystemExit) as caught:
        main([*argv, "--db", str(db)])
    err = capsys.readouterr().err
    assert caught.value.code == 2
    assert len(err.splitlines()) == 1 and "is too large" in err, err


def test_delete_of_an_id_too_large_is_reported_and_the_rest_deleted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "lib.db"
    ids = make_library(db, 2)
    code, out, err = run(capsys, "delete", "99999999999999999999", str(ids[0]), "--db", str(db))
    assert code == 2
    assert out.startswith(f"deleted {ids[0]}: ")
    assert err == ("error: 99999999999999999999: not an article id; ids are numbers (see 'list')\n")


# --- 4. a damaged stored input ---------------------------------------------------------


def test_reextract_skips_a_damaged_stored_input_and_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "lib.db"
    ids = make_library(db, 3)
    with Library(db) as lib:
        source = lib.stored_input(ids[1])[0]  # type: ignore[index]
        claims_before = lib.claims(ids[1])
        blob = zlib.compress(b"whatever")[:-5] + b"\x00\x01\x02"  # truncated zlib stream
        lib.db.execute("update articles set raw = ? where id = ?", [blob, ids[1]])
        lib.db.conn.commit()
    code, out, err = run(capsys, "reextract", "--db", str(db))
    assert code == 2
    assert out == "re-extracted 2 articles; your verdicts, notes and marks kept\n"
    [line] = err.splitlines()
    assert line.startswith(f"error: article {ids[1]} ({source}): its stored input is damaged (")
    assert line.endswith("); skipped, its claims left as they were")
    with Library(db) as lib:
        assert lib.claims(ids[1]) == claims_before  # left as it was


# --- 6. another program's file, a newer library ----------------------------------------


def test_another_programs_database_is_refused_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import sqlite3

    other = tmp_path / "places.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("create table moz_places (id integer primary key, url text)")
    conn.execute("insert into moz_places (url) values ('https://example.org/')")
    conn.commit()
    conn.close()
    before = digest(other)
    for argv in (["list"], ["import", str(write_inputs(tmp_path, 1)[0])], ["check"]):
        code, out, err = run(capsys, *argv, "--db", str(other))
        assert code == 2 and out == ""
        assert err.endswith(
            f"{other}: is not a usable library: it is another program's database (left untouched)\n"
        ), err
        assert len(err.splitlines()) == 1
    assert digest(other) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("places")) == [
        "places.sqlite"  # no -wal, no -shm: not switched to WAL
    ]


def test_another_application_id_is_refused(tmp_path: Path) -> None:
    import sqlite3

    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("pragma application_id = 1234")
    conn.commit()
    conn.close()
    with pytest.raises(LibraryError, match="another program's database"):
        Library(other)


def test_a_library_a_newer_version_migrated_is_refused_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "lib.db"
    make_library(db, 1)
    with Library(db) as lib:
        lib.db.execute(
            "insert into _sqlite_migrations (migration_set, name, applied_at)"
            " values ('provenance-reader', 'm099_from_the_future', '2030-01-01')"
        )
        lib.db.conn.commit()
        lib.db.execute("pragma wal_checkpoint(truncate)")
    before = digest(db)
    code, out, err = run(capsys, "import", str(write_inputs(tmp_path, 1, "x")[0]), "--db", str(db))
    assert code == 2 and out == ""
    assert err.startswith(f"error: {db}: was written by a newer version of Provenance Reader")
    assert err.endswith("open it with the newer version (left untouched)\n")
    assert len(err.splitlines()) == 1
    assert digest(db) == before


def test_new_libraries_carry_our_application_id_and_old_ones_get_it(tmp_path: Path) -> None:
    from reader.store.schema import APPLICATION_ID

    empty = tmp_path / "empty.db"
    empty.touch()  # an empty file is ours to initialise
    for db in (tmp_path / "new.db", empty):
        with Library(db) as lib:
            assert lib.db.execute("pragma application_id").fetchone()[0] == APPLICATION_ID
    old = tmp_path / "old.db"
    make_library(old, 1)
    with Library(old) as lib:  # back to a library from before m007
        lib.db.execute("pragma application_id = 0")
        lib.db.execute("delete from _sqlite_migrations where name = 'm007_application_id'")
        lib.db.conn.commit()
    with Library(old) as lib:
        assert lib.db.execute("pragma application_id").fetchone()[0] == APPLICATION_ID
        assert lib.count_articles() == 1


# --- 5. a damaged search index or page: said in one line, `check` finds it -------------


def damage_search_index(db: Path) -> None:
    """Drop the FTS5 index's segments (its structure record still names them)."""
    import sqlite3

    conn = sqlite3.connect(db)
    conn.execute("delete from articles_fts_data where id > 10")
    conn.commit()
    conn.close()


def damage_page(db: Path, table: str) -> None:
    """Overwrite the cell pointers of ``table``'s root page."""
    import sqlite3

    conn = sqlite3.connect(db)
    conn.execute("pragma wal_checkpoint(truncate)")
    root = conn.execute("select rootpage from sqlite_master where name = ?", [table]).fetchone()[0]
    size = conn.execute("pragma page_size").fetchone()[0]
    conn.close()
    with db.open("r+b") as f:
        f.seek((root - 1) * size + 8)
        f.write(b"\xff" * 200)


def damage_claims_page(db: Path) -> None:
    damage_page(db, "claims")


DAMAGED = (
    "is damaged: run the 'check' command to see what (python -m reader check;"
    " 'check --repair' rebuilds the search index)"
)


def test_a_damaged_search_index_is_one_line_and_check_repair_rebuilds_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "lib.db"
    make_library(db, 3)
    code, out, err = run(capsys, "check", "--db", str(db))
    assert (code, out, err) == (0, "pages: ok\nsearch index: ok\n", "")
    damage_search_index(db)
    code, out, err = run(capsys, "search", "bridge", "--db", str(db))
    assert (code, out, err) == (2, "", f"error: {db}: {DAMAGED}\n")
    code, out, err = run(capsys, "check", "--db", str(db))
    assert (code, out) == (2, "pages: ok\nsearch index: damaged\n")
    assert err == (
        f"error: {db}: its search index is damaged: run 'check --repair' to rebuild it from"
        " the articles\n"
    )
    code, out, err = run(capsys, "check", "--repair", "--db", str(db), "--format", "json")
    assert code == 0 and err == ""
    assert json.loads(out) == {"path": str(db), "pages": "ok", "search_index": "rebuilt"}
    code, out, err = run(capsys, "search", "bridge", "--db", str(db))
    assert code == 0 and out.count("[bridge]") == 3


def test_a_damaged_page_is_one_line_and_check_lists_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "lib.db"
    make_library(db, 3)
    damage_claims_page(db)
    code, out, err = run(capsys, "claims", "--db", str(db))
    assert (code, err) == (2, f"error: {db}: {DAMAGED}\n")
    code, out, err = run(capsys, "check", "--repair", "--db", str(db))
    assert code == 2, err
    lines = out.splitlines()
    assert lines, err
    assert lines[0] == "pages: damaged" and lines[-1] == "search index: ok"
    assert all(line.startswith("    ") for line in lines[1:-1]) and len(lines) > 2
    [line] = err.splitlines()
    # how many depends on where the cells land; the check may stop part-way
    assert re.match(
        rf"error: {re.escape(str(db))}: is damaged \(\d+ problems? in its pages\)", line
    )
    assert line.endswith(
        "restore it from a backup, or save what can be read with sqlite3's .recover"
    )


def test_a_library_too_damaged_to_read_is_one_line_even_for_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "lib.db"
    make_library(db, 1)
    with Library(db) as lib:
        lib.db.execute("pragma wal_checkpoint(truncate)")
    with db.open("r+b") as f:  # page 1 after the header: the schema's own table
        f.seek(100)
        f.write(b"\xff" * 300)
    code, out, err = run(capsys, "list", "--db", str(db))
    assert (code, out, err) == (2, "", f"error: {db}: {DAMAGED}\n")
    code, out, err = run(capsys, "check", "--db", str(db))
    assert (code, out) == (2, "")
    assert err == (
        f"error: {db}: is damaged beyond what check can read: restore it from a backup,"
        " or save what can be read with sqlite3's .recover\n"
    )
