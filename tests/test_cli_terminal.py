"""What reaches a terminal: file names that are not UTF-8 or hold a newline, escape
sequences and bidi overrides in articles, raw HTML in the text export, and a typo
taken for a file (issue 10, "Names and text that reach a terminal", "A typo opens a
window"). The CLI runs in this process (pytest's capture is a strict UTF-8 stream,
as a terminal's is) except for one end-to-end run with a time-out."""

from __future__ import annotations

import json
import os
from pathlib import Path

import markdown
import pytest

from reader import cli
from reader.textsafe import displayable, one_line, quote_name, terminal_safe
from tests.helpers import ROOT, run_cli

SAMPLE = ROOT / "resources" / "samples" / "trial-halted.md"
#: What a terminal must never receive from an article: ESC (CSI, OSC), BEL, C1 CSI,
#: a bidi override.
HOSTILE = ("\x1b", "\x07", "\x9b", "\u202e")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """``python -m reader ARGS`` in this process: (exit status, stdout, stderr)."""
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def latin1_copy(folder: Path) -> str:
    """The sample saved under a Latin-1 name (``café.md``, bytes not valid UTF-8),
    as the OS hands such a name to Python: with a surrogate escape."""
    name = os.path.join(os.fsencode(folder), b"caf\xe9.md")
    with open(name, "wb") as fh:
        fh.write(SAMPLE.read_bytes())
    return os.fsdecode(name)


def hostile_article(folder: Path) -> Path:
    """A Markdown article whose title and body carry terminal escapes, a C1 CSI, a
    bidi override and raw HTML (script, iframe, img) and a Markdown image."""
    src = SAMPLE.read_text(encoding="utf-8")
    title = "regulator says \x1b]0;owned\x07 \u202eevil\u202c <script>alert(1)</script>"
    src = src.replace("regulator says\n", f"{title}\n", 1)  # the front matter's title
    head, sep, rest = src.partition("LONDRAVEN")
    evil = (
        "The agency said \x1b[2J\x1b]0;pwned\x07 and \x9b31m and \u202eReversed\u202c text,"
        " officials said.\n\n<script>alert('x')</script>\n\n"
        '<iframe src="https://evil.example/"></iframe>\n\n'
        "Inline <img src=x onerror=alert(1)> and &lt;b&gt;, officials said.\n\n"
        "![tracker](https://evil.example/t.png)\n\n"
    )
    path = folder / "hostile.md"
    path.write_text(f"{head}{evil}{sep}{rest}", encoding="utf-8")
    return path


# --- the helpers ----------------------------------------------------------------------


def test_names_and_text_are_made_showable() -> None:
    name = os.fsdecode(b"caf\xe9.md")
    assert displayable(name) == "caf\\xe9.md"
    assert displayable("plain é") == "plain é"
    assert quote_name(name) == "'caf\\xe9.md'"
    assert quote_name("bad\nerror: x.md") == "'bad\\nerror: x.md'"
    assert quote_name("it's\x1b[2J") == "'it\\'s\\x1b[2J'"
    assert quote_name("/tmp/a story.html") == "/tmp/a story.html"  # plain: as it is
    assert terminal_safe("a\n\tb\x1b]0;x\x07\x9b\u202ec") == "a\n\tb\\x1b]0;x\\x07\\x9b\\u202ec"
    assert one_line("a\nb\tc") == "a\\nb\\tc"


# --- names --------------------------------------------------------------------------------


def test_a_latin1_file_name_imports_and_is_shown(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    src = latin1_copy(tmp_path)
    db = str(tmp_path / "lib.db")
    code, out, err = run(capsys, "import", "--db", db, src)
    assert (code, err) == (0, "")
    assert out.endswith(f"<- '{displayable(src)}'\n")
    code, out, _ = run(capsys, "show", "--db", db, "1", "--format", "json")
    assert json.loads(out)["source"] == displayable(src)  # stored as it is shown
    code, out, err = run(capsys, "extract", src, str(SAMPLE), "--format", "json")
    assert code == 0
    assert [json.loads(line)["path"] for line in out.splitlines()] == [
        displayable(src),
        str(SAMPLE),
    ]
    code, out, err = run(capsys, "extract", src, str(SAMPLE))
    assert f"== '{displayable(src)}'\n" in out


def test_a_missing_latin1_file_is_one_quoted_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    missing = os.fsdecode(os.path.join(os.fsencode(tmp_path), b"nothere\xff.md"))
    code, out, err = run(capsys, "import", "--db", str(tmp_path / "lib.db"), missing)
    assert (code, out) == (2, "")
    assert err == f"error: '{displayable(missing)}': no such file\n"


def test_a_note_with_undecodable_bytes_is_kept(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = str(tmp_path / "lib.db")
    assert run(capsys, "import", "--db", db, str(SAMPLE))[0] == 0
    note = os.fsdecode(b"checked \xff")  # argv bytes that are not UTF-8
    code, out, err = run(capsys, "verdict", "--db", db, "1", "0", "true", "--note", note)
    assert (code, err) == (0, "")
    assert out.rstrip().endswith("true  checked \\xff")
    code, out, _ = run(capsys, "show", "--db", db, "1", "--format", "json")
    assert json.loads(out)["claims"][0]["note"] == "checked \\xff"


def test_a_newline_in_a_file_name_cannot_forge_an_error_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    forged = tmp_path / "bad\nerror: everything is fine.md"
    forged.write_bytes(b"")
    code, out, err = run(capsys, "extract", str(forged), str(SAMPLE))
    assert code == 2 and out.startswith("== ")  # the good input is still extracted
    assert err.splitlines() == [f"error: {quote_name(str(forged))}: is empty"]
    assert err.startswith("error: '") and "/bad\\nerror: everything is fine.md': is" in err


# --- article text ---------------------------------------------------------------------


def test_text_output_escapes_control_sequences_and_json_keeps_them(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    src = hostile_article(tmp_path)
    db = str(tmp_path / "lib.db")
    code, out, _ = run(capsys, "extract", str(src), "--format", "json")
    d = json.loads(out)
    assert all(c in d["title"] + d["text"] for c in HOSTILE)  # JSON: as written, escaped
    assert "\x1b" not in out  # json.dumps escapes it
    assert run(capsys, "import", "--db", db, str(src))[0] == 0
    outputs = {
        "extract": run(capsys, "extract", str(src)),
        "show": run(capsys, "show", "--db", db, "1"),
        "list": run(capsys, "list", "--db", db),
        "search": run(capsys, "search", "--db", db, "agency"),
        "export": run(capsys, "export", "--db", db),
        "claims": run(capsys, "claims", "--db", db),
    }
    for command, (code, out, err) in outputs.items():
        assert (code, err) == (0, ""), command
        assert not [c for c in HOSTILE if c in out], command
    for command in ("extract", "show", "list", "search", "export"):
        assert "\\x1b]0;owned\\x07" in outputs[command][1] or "\\x1b[2J" in outputs[command][1]
    assert "\\u202eReversed\\u202c" in outputs["show"][1]
    # a title is one line in the list, whatever it holds
    assert len(outputs["list"][1].splitlines()) == 1


def test_the_text_export_has_no_raw_html(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = str(tmp_path / "lib.db")
    assert run(capsys, "import", "--db", db, str(hostile_article(tmp_path)))[0] == 0
    code, out, _ = run(capsys, "export", "--db", db)
    assert code == 0
    for tag in ("<script", "<iframe", "<img", "</script"):
        assert tag not in out
    assert "&lt;script>alert('x')&lt;/script>" in out
    assert "# [1] " in out and "&lt;script>alert(1)&lt;/script>" in out.splitlines()[0]
    html = markdown.markdown(out)  # what a Markdown viewer makes of the export
    for tag in ("<script", "<iframe", "<img"):
        assert tag not in html
    assert "&lt;script&gt;alert('x')&lt;/script&gt;" in html  # shown as text
    assert 'href="https://evil.example/t.png"' in html  # the picture: a link, not loaded
    assert "&lt;b&gt;" in html  # the article's own entities render as before
    # JSON export: unchanged, the stored Markdown as it is
    code, out, _ = run(capsys, "export", "--db", db, "--format", "json")
    assert "<script>alert('x')</script>" in json.loads(out)["markdown"]


# --- a typo opens a window ----------------------------------------------------------------


@pytest.fixture
def windows(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """The inputs of each window the command line asks for (none opens here)."""
    opened: list[list[str]] = []

    def record(args: object) -> int:
        opened.append(list(getattr(args, "inputs", [])))
        return 0

    monkeypatch.setattr(cli, "cmd_open", record)
    return opened


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["delte", "3"], "unknown command 'delte' — did you mean 'delete'? (see --help)"),
        (["lst"], "unknown command 'lst' — did you mean 'list'? (see --help)"),
        (["Import", "x.md"], "unknown command 'Import' — did you mean 'import'? (see --help)"),
        (
            ["frobnicate"],
            "unknown command 'frobnicate', and no such file (see --help for the commands)",
        ),
        (["--dark", "shwo", "1"], "unknown command 'shwo' — did you mean 'show'? (see --help)"),
        (["story.html"], "story.html: no such file"),
        (
            ["example.org/news"],
            "example.org/news: is not a file here; for a web page, add https:// (https://example.org/news)",
        ),
    ],
)
def test_a_word_that_is_no_command_and_no_file_is_one_line_exit_2(
    capsys: pytest.CaptureFixture[str],
    windows: list[list[str]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    argv: list[str],
    message: str,
) -> None:
    monkeypatch.chdir(tmp_path)  # no file of these names here
    code, out, err = run(capsys, *argv)
    assert (code, out, err) == (2, "", f"error: {message}\n")
    assert windows == []


def test_real_files_and_addresses_still_open_the_window(
    capsys: pytest.CaptureFixture[str], windows: list[list[str]], tmp_path: Path
) -> None:
    missing = str(tmp_path / "gone.md")
    assert run(capsys, str(SAMPLE))[0] == 0
    assert run(capsys, "--dark", str(SAMPLE), "https://example.org/story")[0] == 0
    assert run(capsys)[0] == 0  # no arguments: the window on the library
    assert run(capsys, "open", missing)[0] == 0  # asked for by name: the window says why
    code, _, err = run(capsys, str(SAMPLE), missing)  # one of two is not there
    assert (code, err) == (2, f"error: {missing}: no such file\n")
    assert windows == [[str(SAMPLE)], [str(SAMPLE), "https://example.org/story"], [], [missing]]


@pytest.mark.subprocess
def test_a_typo_ends_at_once_with_one_line_and_no_window(tmp_path: Path) -> None:
    """End to end, offscreen: before, the window opened and never returned."""
    p = run_cli("delte", "3", "--db", str(tmp_path / "lib.db"), timeout=30)
    assert p.returncode == 2
    assert p.stderr == "error: unknown command 'delte' — did you mean 'delete'? (see --help)\n"
    assert not (tmp_path / "lib.db").exists()
