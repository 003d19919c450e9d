"""Highlights and tags from the command line (in-process): add, list, filter, delete,
and the one-line answers to bad input."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers import invoke

STORY = (
    "# Ferry timetable\n\n"
    "The harbour master said the ferry would run hourly from June.\n\n"
    "Residents said the ferry would run hourly from June only if the pier is fixed.\n"
)


def _library(tmp_path: Path) -> tuple[str, int]:
    src = tmp_path / "ferry.md"
    src.write_text(STORY, encoding="utf-8")
    db = str(tmp_path / "lib.db")
    p = invoke("import", str(src), "--db", db, "--format", "json")
    assert p.returncode == 0, p.stderr
    return db, json.loads(p.stdout)["id"]


def test_highlight_list_filter_delete(tmp_path: Path) -> None:
    db, aid = _library(tmp_path)
    p = invoke("highlight", str(aid), "run hourly from June", "--nth", "2", "--colour", "pink",
               "--note", "only if fixed", "--tag", "ferry", "--tag", "pier", "--db", db,
               "--format", "json")  # fmt: skip
    assert p.returncode == 0, p.stderr
    h = json.loads(p.stdout)
    assert (h["exact"], h["colour"], h["tags"]) == (
        "run hourly from June",
        "pink",
        ["ferry", "pier"],
    )
    assert h["start"] > STORY.index("Residents") - len("# Ferry timetable\n\n")  # the 2nd one
    invoke("highlight", str(aid), "harbour master", "--db", db)
    p = invoke("marks", "--db", db)
    assert p.returncode == 0 and "only if fixed" in p.stdout and "#ferry #pier" in p.stdout
    p = invoke("marks", "--tag", "FERRY", "--db", db, "--format", "json")
    assert [json.loads(x)["id"] for x in p.stdout.splitlines()] == [h["id"]]
    p = invoke("marks", "--colour", "yellow", "--db", db, "--format", "json")
    assert [json.loads(x)["exact"] for x in p.stdout.splitlines()] == ["harbour master"]
    p = invoke("marks", "--delete", str(h["id"]), "--db", db)
    assert p.returncode == 0 and f"deleted highlight {h['id']}" in p.stdout
    p = invoke("marks", "--delete", str(h["id"]), "--db", db)
    assert p.returncode == 2 and p.stderr.count("\n") == 1 and "not in the library" in p.stderr


def test_tags_add_remove_set_and_list(tmp_path: Path) -> None:
    db, aid = _library(tmp_path)
    assert invoke("tag", str(aid), "--add", "Transport", "--add", "#local", "--db", db).stdout == (
        "local, Transport\n"
    )
    assert invoke("tag", str(aid), "--remove", "LOCAL", "--db", db).stdout == "Transport\n"
    assert "tags: " in invoke("search", "transport", "--db", db).stdout
    assert invoke("tag", str(aid), "--set", "a, b", "--db", db).stdout == "a, b\n"
    assert (
        invoke("tag", "--db", db).stdout
        == "a  (1 article, 0 highlights)\nb  (1 article, 0 highlights)\n"
    )
    assert invoke("tag", str(aid), "--set", "", "--db", db).stdout == "(no tags)\n"
    p = invoke("search", "Transport", "--db", db)
    assert p.stdout == "no matches\n"  # the tag is gone, and so is its search entry


def test_bad_input_is_one_line_and_changes_nothing(tmp_path: Path) -> None:
    db, aid = _library(tmp_path)
    for args in (
        ("highlight", str(aid), "not in the story"),
        ("highlight", "999", "ferry"),
        ("highlight", str(aid), "ferry", "--colour", "mauve"),
        ("highlight", str(aid), "   "),
        ("highlight", str(aid), "harbour master", "--nth", "2"),
        ("tag", "999", "--add", "x"),
    ):
        p = invoke(*args, "--db", db)
        assert p.returncode == 2, args
        assert p.stderr.count("\n") == 1 and "Traceback" not in p.stderr, (args, p.stderr)
    assert invoke("marks", "--db", db).stdout == ""
    assert invoke("tag", "--db", db).stdout == ""


def test_import_of_our_own_exports_is_refused_in_one_line(tmp_path: Path) -> None:
    """Each export imported as an article would be a page of junk claims: ``import``
    says which export it is and points to import-marks, writes nothing, exits 2."""
    db, aid = _library(tmp_path)
    invoke("highlight", str(aid), "harbour master", "--note", "ask", "--tag", "ferry", "--db", db)
    invoke("tag", str(aid), "--add", "local", "--db", db)
    made = {}
    for fmt, name in (("webannotation", "a.jsonld"), ("claimreview", "r.jsonld"),
                      ("json", "e.jsonl"), ("csv", "e.csv"), ("markdown", "memo.md")):  # fmt: skip
        out = tmp_path / name
        p = invoke("export", "--as", fmt, "--out", str(out), "--reviewer", "Ana", "--db", db)
        assert p.returncode == 0, p.stderr
        made[fmt] = out
    for fmt, out in made.items():
        p = invoke("import", str(out), "--db", db)
        assert p.returncode == 2, (fmt, p.stdout)
        assert p.stderr.count("\n") == 1 and "is a Provenance Reader export" in p.stderr, fmt
        assert "Import Marks" in p.stderr and p.stdout == ""
    p = invoke("import", str(made["webannotation"]), "--db", db)
    assert "use Import Marks (import-marks)" in p.stderr
    assert len(invoke("list", "--db", db).stdout.splitlines()) == 1  # only the story
    # and import-marks reads the Web Annotation one back (nothing new: all there already)
    p = invoke("import-marks", str(made["webannotation"]), "--db", db)
    assert p.returncode == 0 and "already in the library" in p.stdout


def test_search_output_of_a_note_match_is_as_before(tmp_path: Path) -> None:
    """The window's hits learnt where a note match is (NoteHit); ``search`` prints
    what it always printed: four keys in JSON, the label and snippet in text."""
    db, aid = _library(tmp_path)
    invoke("highlight", str(aid), "harbour master", "--note", "ask the zebrafish people",
           "--tag", "to-verify", "--db", db)  # fmt: skip
    p = invoke("search", "zebrafish", "--db", db, "--format", "json")
    assert p.returncode == 0, p.stderr
    hit = json.loads(p.stdout)
    assert hit == {
        "id": aid,
        "title": "Ferry timetable",
        "publisher": None,
        "snippet": "highlight note: ask the [zebrafish] people to-verify",
    }
    text = invoke("search", "zebrafish", "--db", db).stdout
    assert text == (
        f"[{aid}] Ferry timetable\n    highlight note: ask the [zebrafish] people to-verify\n"
    )


def test_tags_given_with_commas_are_several(tmp_path: Path) -> None:
    db, aid = _library(tmp_path)
    assert invoke("tag", str(aid), "--add", "a,b", "--add", "c", "--db", db).stdout == "a, b, c\n"
    assert invoke("tag", str(aid), "--remove", "a, #C", "--db", db).stdout == "b\n"


def test_marks_of_an_unknown_article_is_bad_input(tmp_path: Path) -> None:
    db, _aid = _library(tmp_path)
    p = invoke("marks", "--article", "99", "--db", db)
    assert p.returncode == 2 and "article 99: not in the library" in p.stderr


def test_reextract_says_what_no_longer_finds_its_words(tmp_path: Path) -> None:
    import sqlite3
    import zlib

    db, aid = _library(tmp_path)
    invoke("highlight", str(aid), "harbour master", "--db", db)
    invoke("highlight", str(aid), "only if the pier is fixed", "--note", "ask", "--db", db)
    p = invoke("claims", "--article", str(aid), "--db", db, "--format", "json")
    seq = next(i for i, line in enumerate(p.stdout.splitlines()) if "pier" in line)
    invoke("verdict", str(aid), str(seq), "unproven", "--note", "call the port", "--db", db)
    # the stored page changes as a new cleaner might read it: the pier sentence goes
    conn = sqlite3.connect(db)
    new = STORY.replace(" only if the pier is fixed", ", residents said")
    conn.execute("update articles set raw = ? where id = ?", (zlib.compress(new.encode()), aid))
    conn.commit()
    conn.close()
    p = invoke("reextract", str(aid), "--db", db)
    assert p.returncode == 0, p.stderr
    assert "1 highlight and 1 verdict or note no longer find their words" in p.stdout
    p = invoke("marks", "--orphaned", "--db", db, "--format", "json")
    [lost] = [json.loads(x) for x in p.stdout.splitlines()]
    assert lost["exact"] == "only if the pier is fixed" and lost["orphaned"]
    p = invoke("reextract", str(aid), "--db", db, "--format", "json")
    d = json.loads(p.stdout)
    assert (d["orphaned_highlights"], d["detached_verdicts"]) == (1, 1)


def test_a_tag_longer_than_a_label_is_refused(tmp_path: Path) -> None:
    db, aid = _library(tmp_path)
    p = invoke("tag", str(aid), "--add", "x" * 65, "--db", db)
    assert p.returncode == 2 and "longer than 64 characters" in p.stderr
    assert invoke("tag", str(aid), "--db", db).stdout == "(no tags)\n"
