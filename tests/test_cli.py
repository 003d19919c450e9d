"""The command line as users run it: exit codes, one-line errors, the JSON contract."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import ROOT, invoke, local_server, run_cli

SAMPLES = ROOT / "resources" / "samples"
CONTRACT = {
    "title",
    "byline",
    "publisher",
    "wire",
    "published",
    "url",
    "markdown",
    "text",
    "claims",
}
CLAIM_KEYS = {
    "text",
    "start",
    "end",
    "source",
    "source_span",
    "source_type",
    "outlet",
    "cue",
    "status",
    "chain",
    "evidence",
    "conflicts_with",
    "uncertain",
    "origin_url",
}


@pytest.mark.subprocess
def test_extract_one_input_prints_one_json_object() -> None:
    p = run_cli("extract", str(SAMPLES / "harbor-city-water.html"), "--format", "json")
    assert p.returncode == 0, p.stderr
    d = json.loads(p.stdout)
    assert CONTRACT <= set(d)
    assert d["title"].startswith("Harbor City water alert")
    assert d["published"] == "2025-04-17"
    for c in d["claims"]:
        assert set(c) == CLAIM_KEYS
        assert d["text"][c["start"] : c["end"]] == c["text"]


def test_extract_many_prints_json_lines_with_paths() -> None:
    paths = sorted(str(p) for p in SAMPLES.iterdir())
    p = invoke("extract", *paths, "--format", "json")
    assert p.returncode == 0, p.stderr
    rows = [json.loads(line) for line in p.stdout.splitlines()]
    assert [r["path"] for r in rows] == paths
    assert all(CONTRACT <= set(r) and r["text"] for r in rows)


def test_a_batch_goes_past_bad_inputs_and_reports_them(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    good = str(SAMPLES / "trial-halted.md")
    p = invoke("extract", str(empty), good, str(tmp_path / "missing.html"), "--format", "json")
    assert p.returncode == 2
    rows = [json.loads(line) for line in p.stdout.splitlines()]
    assert [r["path"] for r in rows] == [good]
    lines = p.stderr.strip().splitlines()
    assert lines == [
        f"error: {empty}: is empty",
        f"error: {tmp_path / 'missing.html'}: no such file",
    ]
    assert "Traceback" not in p.stderr


def test_extract_text_format() -> None:
    p = invoke("extract", str(SAMPLES / "trial-halted.md"))
    assert p.returncode == 0
    assert p.stdout.startswith("Drug maker pauses late-stage trial")


@pytest.mark.subprocess
def test_import_list_show_search_export(tmp_path: Path) -> None:
    db = str(tmp_path / "lib.db")
    paths = [str(p) for p in sorted(SAMPLES.iterdir())]
    p = run_cli("import", *paths, "--db", db)
    assert p.returncode == 0, p.stderr
    assert p.stdout.count("imported:") == len(paths)
    again = run_cli("import", paths[0], "--db", db)
    assert "already in library" in again.stdout

    listed = run_cli("list", "--db", db, "--format", "json")
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    assert len(rows) == len(paths)
    dated = [r["published"] for r in rows if r["published"]]
    assert dated == sorted(dated, reverse=True) and len(dated) == 3

    shown = run_cli("show", str(rows[0]["id"]), "--db", db, "--format", "json")
    assert json.loads(shown.stdout)["title"] == rows[0]["title"]

    found = run_cli("search", "free filters", "--db", db, "--format", "json")
    titles = [json.loads(line)["title"] for line in found.stdout.splitlines()]
    assert any("Harbor City" in t for t in titles)

    exported = run_cli("export", "--db", db, "--format", "json")
    docs = [json.loads(line) for line in exported.stdout.splitlines()]
    assert len(docs) == len(paths) and all("claims" in d for d in docs)


@pytest.mark.subprocess
def test_show_unknown_id_is_one_line_exit_2(tmp_path: Path) -> None:
    p = run_cli("show", "999", "--db", str(tmp_path / "lib.db"))
    assert p.returncode == 2
    assert p.stderr == "error: article 999: not in the library (see 'list')\n"


@pytest.mark.subprocess
def test_usage_errors_are_one_line_exit_2() -> None:
    p = run_cli("show", "not-a-number")
    assert p.returncode == 2
    assert len(p.stderr.strip().splitlines()) == 1


def test_db_that_is_not_a_library(tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_text("hello, I am a text file and not a database " * 50)
    p = invoke("list", "--db", str(bad))
    assert p.returncode == 2
    assert p.stderr.startswith(f"error: {bad}: is not a usable library")
    assert len(p.stderr.strip().splitlines()) == 1


def test_import_from_a_url(tmp_path: Path) -> None:
    page = (SAMPLES / "harbor-city-water.html").read_bytes()
    with local_server({"/story": (200, {"Content-Type": "text/html"}, page)}) as (base, _):
        p = invoke("import", base + "/story", "--db", str(tmp_path / "lib.db"), "--format", "json")
    assert p.returncode == 0, p.stderr
    assert json.loads(p.stdout)["created"] is True


def test_help_everywhere() -> None:
    for cmd in ("extract", "import", "list", "show", "search", "export", "claims", "reextract"):
        p = invoke(cmd, "--help")
        assert p.returncode == 0 and "--format" in p.stdout, cmd


@pytest.mark.subprocess
def test_extract_does_not_import_qt(tmp_path: Path) -> None:
    import subprocess
    import sys

    code = (
        "import sys; from reader.cli import main\n"
        f"main(['extract', {str(SAMPLES / 'trial-halted.md')!r}, '--format', 'json'])\n"
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt was imported'\n"
    )
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert p.returncode == 0, p.stderr


def test_claims_filters_verdicts_and_reextract_keep_user_work(tmp_path: Path) -> None:
    db = str(tmp_path / "lib.db")
    assert (
        invoke("import", *[str(p) for p in sorted(SAMPLES.iterdir())], "--db", db).returncode == 0
    )
    every = [
        json.loads(x) for x in invoke("claims", "--db", db, "--format", "json").stdout.splitlines()
    ]
    denied = [
        json.loads(x)
        for x in invoke(
            "claims", "--status", "denied", "--db", db, "--format", "json"
        ).stdout.splitlines()
    ]
    assert denied and all(c["status"] == "denied" for c in denied)
    assert len(denied) < len(every)
    outlet = next(c["outlet"] for c in every if c["outlet"])
    by_outlet = invoke(
        "claims", "--outlet", outlet, "--db", db, "--format", "json"
    ).stdout.splitlines()
    assert by_outlet and all(json.loads(x)["outlet"] == outlet for x in by_outlet)
    anon = invoke(
        "claims", "--source-type", "anonymous", "--db", db, "--format", "json"
    ).stdout.splitlines()
    assert all(json.loads(x)["source_type"] == "anonymous" for x in anon)

    target = denied[0]
    seq = next(
        i
        for i, c in enumerate(x for x in every if x["article_id"] == target["article_id"])
        if c["id"] == target["id"]
    )
    set_ = invoke(
        "verdict",
        str(target["article_id"]),
        str(seq),
        "false",
        "--note",
        "the minutes show a request",
        "--db",
        db,
    )
    assert set_.returncode == 0, set_.stderr
    assert invoke("reextract", "--db", db).returncode == 0
    after = [
        json.loads(x)
        for x in invoke(
            "claims", "--status", "denied", "--db", db, "--format", "json"
        ).stdout.splitlines()
    ]
    kept = [c for c in after if c["text"] == target["text"]]
    assert (
        kept and kept[0]["verdict"] == "false" and kept[0]["note"] == "the minutes show a request"
    )
    bad = invoke("verdict", str(target["article_id"]), str(seq), "perhaps", "--db", db)
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1


@pytest.mark.subprocess
def test_claims_verdict_and_reextract_in_a_process_of_their_own(tmp_path: Path) -> None:
    """The user-work commands end to end (the filters are tested in-process above)."""
    db = str(tmp_path / "lib.db")
    assert invoke("import", str(SAMPLES / "trial-halted.md"), "--db", db).returncode == 0
    claims = run_cli("claims", "--db", db, "--format", "json")
    assert claims.returncode == 0, claims.stderr
    first = json.loads(claims.stdout.splitlines()[0])
    set_ = run_cli("verdict", str(first["article_id"]), "0", "misleading", "--db", db)
    assert set_.returncode == 0 and "misleading" in set_.stdout, set_.stderr
    again = run_cli("reextract", "--db", db, "--format", "json")
    assert again.returncode == 0 and json.loads(again.stdout)["reextracted"] == 1, again.stderr


@pytest.mark.subprocess
def test_no_command_means_the_window_with_its_options(tmp_path: Path) -> None:
    p = run_cli("--version")
    assert p.returncode == 0 and p.stdout.startswith("provenance-reader ")
    # window options before the path reach the window (here: screenshot mode, whose bad
    # path is one line and exit 2), not "unrecognized arguments"
    shot, db = str(tmp_path / "x.png"), str(tmp_path / "lib.db")
    p = run_cli("--dark", "--screenshot", shot, "--db", db, str(tmp_path / "missing.html"))
    assert p.returncode == 2
    assert p.stderr == f"error: {tmp_path / 'missing.html'}: no such file\n"


@pytest.mark.subprocess
def test_a_parallel_batch_prints_what_a_sequential_one_does(tmp_path: Path) -> None:
    """Eight or more inputs are spread over worker processes; output and order and the
    bad-input report must not change."""
    paths = []
    for i in range(10):
        p = tmp_path / f"story{i:02d}.txt"
        p.write_text(
            f"Ferry strike enters day {i + 2}\n\nUnion leaders said on Monday that {i + 3} more "
            "crossings would be cancelled, the port authority reported.\n"
        )
        paths.append(str(p))
    (tmp_path / "empty.txt").write_bytes(b"")
    paths.insert(4, str(tmp_path / "empty.txt"))
    par = run_cli("extract", *paths, "--format", "json")
    seq = run_cli("extract", *paths, "--format", "json", "--jobs", "1")
    assert par.returncode == seq.returncode == 2
    assert par.stdout == seq.stdout and par.stderr == seq.stderr
    assert [json.loads(x)["path"] for x in par.stdout.splitlines()] == [
        p for p in paths if "empty" not in p
    ]


def test_extract_names_the_original_outlet_and_the_wire_of_a_syndicated_page() -> None:
    from reader.paths import user_outlets_path

    fixtures = Path(__file__).resolve().parent / "fixtures" / "identity"
    user = user_outlets_path()
    user.parent.mkdir(parents=True, exist_ok=True)
    user.write_text((fixtures / "outlets.json").read_text())
    try:
        p = invoke("extract", str(fixtures / "syndicated.html"), "--format", "json")
    finally:
        user.unlink()
    assert p.returncode == 0, p.stderr
    d = json.loads(p.stdout)
    assert (d["publisher"], d["wire"]) == ("The Harbour Herald", "Associated Press")
    assert "contributed to this report" not in d["text"]
    assert d["claims"] and all(
        c["chain"][:2] == ["The Harbour Herald", "Associated Press"] for c in d["claims"]
    )
