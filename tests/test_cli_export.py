"""``export --as FORMAT [--article ID]... [--out FILE] [--reviewer NAME]`` as users run
it (in-process, tests.helpers.invoke): every format to stdout or a file, today's
``export`` unchanged without ``--as``, and bad input as one line, exit 2, no file."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from reader import cli
from reader.export import SUFFIXES, ExportFormat
from reader.store import Library
from tests.export_helpers import FERRY, FERRY_TEXT, add_article, ferry, json_before_marks
from tests.helpers import invoke


@pytest.fixture
def db(tmp_path: Path) -> str:
    """A library of two articles (ids 1 and 2), a verdict on article 1's second claim."""
    path = tmp_path / "lib.db"
    with Library(path) as lib:
        a = ferry(lib)
        add_article(lib, FERRY_TEXT + "\n\nLate edition.", FERRY[:1], url=None, published=None)
        stored = lib.get(a)
        assert stored is not None
        lib.set_verdict(a, stored.claims[1].claim_key, "false", "fuel rose 40%")
    return str(path)


def test_the_formats_are_the_documented_ones() -> None:
    assert set(cli.EXPORT_FORMATS) == {f.value for f in ExportFormat} == set(SUFFIXES)


def test_export_without_as_is_unchanged(db: str) -> None:
    plain = invoke("export", "--db", db)
    assert plain.returncode == 0 and plain.stdout.startswith("# [2] Ferry service")
    as_json = invoke("export", "--db", db, "--format", "json")
    docs = [json.loads(line) for line in as_json.stdout.splitlines()]
    assert [d["id"] for d in docs] == [2, 1]
    with Library(db) as lib:  # what the library always exported, and the marks
        assert [
            {k: v for k, v in d.items() if k not in ("tags", "marks")} for d in docs
        ] == json_before_marks(lib)
    assert [(d["tags"], d["marks"]) for d in docs] == [([], []), ([], [])]
    assert invoke("export", "--db", db, "--as", "json").stdout == as_json.stdout


@pytest.mark.parametrize("fmt", ["markdown", "csv", "claimreview", "webannotation", "json"])
def test_every_text_format_to_stdout_and_to_a_file(db: str, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"export{SUFFIXES[ExportFormat(fmt)]}"
    shown = invoke("export", "--db", db, "--as", fmt, "--reviewer", "Ann Checker")
    assert shown.returncode == 0 and shown.stderr == "", shown.stderr
    written = invoke(
        "export", "--db", db, "--as", fmt, "--reviewer", "Ann Checker", "--out", str(out)
    )
    assert written.returncode == 0, written.stderr
    assert written.stdout.startswith("exported 2 articles (") and str(out) in written.stdout
    text = out.read_text(encoding="utf-8")
    if fmt in ("claimreview", "webannotation"):  # their collections' ids and times differ
        a, b = json.loads(text), json.loads(shown.stdout)
        for d in (a, b):
            d.pop("id", None), d.pop("generated", None)
        assert a == b
    else:
        assert text == shown.stdout


def test_one_article_in_json_and_the_summary_as_json(db: str, tmp_path: Path) -> None:
    out = tmp_path / "one.csv"
    p = invoke(
        "export", "--db", db, "--as", "csv", "--article", "1", "--out", str(out), "--format", "json"
    )
    assert p.returncode == 0, p.stderr
    assert json.loads(p.stdout) == {
        "file": str(out), "format": "csv", "articles": 1, "claims": 3, "items": 3,
    }  # fmt: skip
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert [r["article id"] for r in rows] == ["1", "1", "1"]
    assert [r["verdict"] for r in rows] == ["", "false", ""]


def test_articles_are_repeatable_and_keep_list_order(db: str) -> None:
    p = invoke("export", "--db", db, "--as", "json", "--article", "1", "--article", "2")
    assert [json.loads(x)["id"] for x in p.stdout.splitlines()] == [2, 1]


def test_the_claimreview_of_the_cli(db: str) -> None:
    p = invoke("export", "--db", db, "--as", "claimreview", "--reviewer", "Ann Checker")
    [review] = json.loads(p.stdout)["@graph"]
    assert review["reviewRating"]["alternateName"] == "False"
    assert review["author"] == {"@type": "Person", "name": "Ann Checker"}


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (["--as", "csv", "--article", "7"], "error: article 7: not in the library (see 'list')"),
        (
            ["--as", "json", "--article", "1", "--article", "8", "--article", "9"],
            "error: articles 8, 9: not in the library (see 'list')",
        ),
        (
            ["--as", "claimreview"],
            "error: claimreview: needs the reviewer's name (--reviewer NAME)",
        ),
        (["--as", "pdf"], "error: export --as pdf: give the file to write (--out FILE.pdf)"),
    ],
)
def test_bad_input_is_one_line_and_writes_nothing(
    db: str, tmp_path: Path, args: list[str], line: str
) -> None:
    out = tmp_path / "out.file"
    for extra in ([], ["--out", str(out)]):
        if "pdf" in args and extra:
            continue
        p = invoke("export", "--db", db, *args, *extra)
        assert (p.returncode, p.stdout, p.stderr) == (2, "", line + "\n"), extra
        assert not out.exists()
    assert not [x for x in tmp_path.iterdir() if x.name.startswith(".out.file")]  # no .part


def test_an_unwritable_target_is_one_line_and_the_old_file_stays(db: str, tmp_path: Path) -> None:
    folder = tmp_path / "no-such-folder" / "x.csv"
    p = invoke("export", "--db", db, "--as", "csv", "--out", str(folder))
    assert p.returncode == 2 and p.stderr.startswith(f"error: {folder}: cannot be written (")
    old = tmp_path / "old.md"
    old.write_text("kept", encoding="utf-8")
    p = invoke("export", "--db", db, "--as", "markdown", "--article", "99", "--out", str(old))
    assert p.returncode == 2 and old.read_text(encoding="utf-8") == "kept"
    assert [x.name for x in tmp_path.iterdir() if x.name.endswith(".part")] == []


def test_an_unknown_format_is_a_usage_line(db: str) -> None:
    p = invoke("export", "--db", db, "--as", "docx")
    assert p.returncode == 2 and len(p.stderr.strip().splitlines()) == 1
    assert "invalid choice: 'docx'" in p.stderr


def test_help_names_the_options() -> None:
    p = invoke("export", "--help")
    for option in ("--as", "--article", "--out", "--reviewer", "markdown", "webannotation"):
        assert option in p.stdout


def test_only_the_pdf_module_of_export_imports_qt() -> None:
    from tests.helpers import ROOT

    uses_qt = sorted(
        p.name for p in (ROOT / "reader" / "export").glob("*.py") if "PySide6" in p.read_text()
    )
    assert uses_qt == ["pdf.py"]
