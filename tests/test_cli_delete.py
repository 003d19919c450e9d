"""`delete ID...` as users run it: one line per deleted article, one line on stderr per
bad or unknown id (exit 2) while the others are still deleted, and the same text
imported again after a delete comes back as a new article (the user's, never tagged
as a sample even when the file is one of the bundled samples)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.pipeline import extract
from reader.store import Library
from tests.helpers import ROOT, invoke, run_cli

SAMPLES = sorted((ROOT / "resources" / "samples").iterdir())


def _import(db: Path, *paths: Path) -> list[int]:
    p = invoke("import", *map(str, paths), "--db", str(db), "--format", "json")
    assert p.returncode == 0, p.stderr
    return [json.loads(line)["id"] for line in p.stdout.splitlines()]


def test_delete_prints_each_article_and_reports_bad_ids(tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    ids = _import(db, *SAMPLES)
    assert invoke("verdict", str(ids[1]), "0", "false", "--db", str(db)).returncode == 0
    with Library(db) as lib:
        title = lib.row(ids[1]).title  # type: ignore[union-attr]
        verdicts_before = lib.db.execute("select count(*) from verdicts").fetchone()[0]
        assert lib.search("Veloria")  # the boats sample

    p = invoke("delete", str(ids[1]), "seven", "999", str(ids[2]), "--db", str(db))

    assert p.returncode == 2
    assert p.stdout.splitlines() == [
        f"deleted {ids[1]}: {title}",
        f"deleted {ids[2]}: " + _title(SAMPLES[2]),
    ]
    errors = p.stderr.strip().splitlines()
    assert len(errors) == 2 and "Traceback" not in p.stderr
    assert errors[0].startswith("error: seven: not an article id")
    assert errors[1] == "error: article 999: not in the library (see 'list')"
    with Library(db) as lib:
        assert lib.article_ids() == [ids[0]]
        assert lib.db.execute("select count(*) from verdicts").fetchone()[0] == verdicts_before - 1
        assert lib.db.execute(
            "select count(*) from claims where article_id != ?", [ids[0]]
        ).fetchone() == (0,)
        assert lib.search("Veloria") == []
    listed = invoke("list", "--db", str(db))
    assert listed.stdout.count("\n") == 1
    assert "[sample]" not in listed.stdout  # the user imported them: not samples

    # the same file again is a new article, under a new id
    again = invoke("import", str(SAMPLES[2]), "--db", str(db), "--format", "json")
    row = json.loads(again.stdout)
    assert row["created"] is True and row["id"] not in ids


def _title(path: Path) -> str:
    p = invoke("extract", str(path), "--format", "json")
    return str(json.loads(p.stdout)["title"])


@pytest.mark.subprocess
def test_delete_only_unknown_ids_deletes_nothing_and_exits_2(tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    ids = _import(db, SAMPLES[0])
    p = run_cli("delete", "41", "--db", str(db), "--format", "json")
    assert p.returncode == 2 and p.stdout == ""
    assert p.stderr == "error: article 41: not in the library (see 'list')\n"
    ok = run_cli("delete", str(ids[0]), "--db", str(db), "--format", "json")
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout) == {"id": ids[0], "title": _title(SAMPLES[0]), "deleted": True}


def test_delete_needs_an_id() -> None:
    p = invoke("delete")
    assert p.returncode == 2 and len(p.stderr.strip().splitlines()) == 1


def test_a_sample_deleted_then_imported_by_the_user_is_not_tagged(tmp_path: Path) -> None:
    """The review's case: in a library given the samples (as the window's first run
    stores them), `reader delete 1` then `reader import .../harbor-city-water.html`:
    the file comes back as the user's article, not tagged [sample]."""
    db = tmp_path / "lib.db"
    harbor = ROOT / "resources" / "samples" / "harbor-city-water.html"
    order = [harbor, *(p for p in SAMPLES if p != harbor)]
    with Library(db) as lib:  # what the first run stores
        ids = [lib.add(*extract(str(p)), sample=True).article_id for p in order]
    assert ids[0] == 1
    before = invoke("list", "--db", str(db))
    assert before.stdout.count("[sample]") == len(SAMPLES)

    assert invoke("delete", "1", "--db", str(db)).returncode == 0
    p = invoke("import", str(harbor.relative_to(ROOT)), "--db", str(db))
    assert p.returncode == 0, p.stderr
    assert p.stdout.startswith("imported: [")

    lines = invoke("list", "--db", str(db)).stdout.splitlines()
    harbor_line = [line for line in lines if "Harbor" in line]
    assert len(harbor_line) == 1 and "[sample]" not in harbor_line[0]
    assert sum("[sample]" in line for line in lines) == len(SAMPLES) - 1
    with Library(db) as lib:
        kept = lib.sample_ids()
        assert 1 not in kept and len(kept) == len(SAMPLES) - 1
