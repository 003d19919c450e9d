"""Reading inputs: encodings, gzip, sniffing by content, and every refusal."""

from __future__ import annotations

import gzip
import importlib
import os
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path

import pytest

from reader.errors import InputError
from reader.ingest import load, load_file

TEXT = "Café owners said the new rules “came too fast,” the council’s minutes show.\n"
HTML = "<!DOCTYPE html><html><head><title>T</title></head><body><p>Hi</p></body></html>"


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (TEXT.encode("utf-8"), "utf8.txt"),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "bom.txt"),
        (TEXT.encode("utf-16"), "utf16-bom.txt"),
        (TEXT.encode("utf-16-le"), "utf16le-nobom.txt"),
        (TEXT.encode("cp1252"), "cp1252.txt"),
    ],
)
def test_encodings_decode_to_the_same_text(tmp_path: Path, data: bytes, name: str) -> None:
    p = tmp_path / name
    p.write_bytes(data)
    raw = load_file(p)
    assert raw.content.lstrip("\ufeff") == TEXT
    assert raw.kind == "text"


def test_latin1_bytes_undefined_in_cp1252_still_decode(tmp_path: Path) -> None:
    p = tmp_path / "latin1.txt"
    p.write_bytes("Ångström said the reading was \x81 odd.".encode("latin-1"))
    assert "Ångström" in load_file(p).content


def test_declared_html_charset_is_honoured(tmp_path: Path) -> None:
    p = tmp_path / "page.html"
    body = '<html><head><meta charset="koi8-r"></head><body><p>Привет, мир</p></body></html>'
    p.write_bytes(body.encode("koi8-r"))
    assert "Привет" in load_file(p).content


def test_html_is_sniffed_by_content_not_extension(tmp_path: Path) -> None:
    p = tmp_path / "saved.txt"
    p.write_text(HTML)
    assert load_file(p).kind == "html"
    q = tmp_path / "notes.html"
    q.write_text("Just words, no markup at all.\n")
    assert load_file(q).kind == "text"


def test_gzipped_html(tmp_path: Path) -> None:
    p = tmp_path / "page.html.gz"
    p.write_bytes(gzip.compress(HTML.encode()))
    raw = load_file(p)
    assert raw.kind == "html" and "<p>Hi</p>" in raw.content


def test_markdown_by_extension_and_by_content(tmp_path: Path) -> None:
    p = tmp_path / "a.md"
    p.write_text("Plain words.\n")
    assert load_file(p).kind == "markdown"
    q = tmp_path / "noext"
    q.write_text("# Heading\n\nSome text.\n")
    assert load_file(q).kind == "markdown"


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda p: p.write_bytes(b""), "is empty"),
        (lambda p: p.write_bytes(b"  \n\t\n"), "is empty"),
        (lambda p: p.write_bytes(bytes(range(256)) * 64), "is not a text file"),
        (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00\x01" * 500), r"picture \(PNG\)"),
        (lambda p: p.write_bytes(b"\x1f\x8b\x08\x00garbage"), "damaged"),
    ],
)
def test_refusals(tmp_path: Path, make, reason: str) -> None:  # type: ignore[no-untyped-def]
    p = tmp_path / "bad.txt"
    make(p)
    with pytest.raises(InputError, match=reason) as e:
        load_file(p)
    assert str(e.value).startswith(str(p))


def test_too_large_file_is_refused_before_reading(tmp_path: Path) -> None:
    p = tmp_path / "huge.txt"
    with p.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # 50 MB, sparse
    with pytest.raises(InputError, match="too large"):
        load_file(p)


def test_directory_and_missing_path(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a folder, not a file"):
        load(str(tmp_path))
    with pytest.raises(InputError, match="no such file"):
        load(str(tmp_path / "nope.txt"))


def _load_within(path: Path, seconds: float = 5.0) -> BaseException | None:
    """load() in a thread, so a read that would wait forever fails the test, not hangs it."""
    caught: list[BaseException] = []

    def run() -> None:
        try:
            load(str(path))
        except BaseException as exc:
            caught.append(exc)

    t = threading.Thread(target=run, daemon=True)
    t.start()
    t.join(seconds)
    assert not t.is_alive(), f"reading {path} did not return within {seconds} s"
    return caught[0] if caught else None


def test_non_regular_files_are_refused_before_they_are_read(tmp_path: Path) -> None:
    fifo = tmp_path / "story.html"
    os.mkfifo(fifo)
    link = tmp_path / "link.html"
    link.symlink_to(fifo)
    for path, reason in (
        (fifo, "is not a regular file (a named pipe)"),
        (link, "is not a regular file (a named pipe)"),  # the link is followed
        (Path("/dev/zero"), "is not a regular file (a device)"),
        (Path("/dev/null"), "is not a regular file (a device)"),
    ):
        err = _load_within(path)
        assert isinstance(err, InputError) and str(err) == f"{path}: {reason}"


def test_a_file_swapped_for_a_pipe_after_the_check_does_not_hang(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The open itself cannot wait on a pipe (O_NONBLOCK), and the opened file is
    checked again: a path replaced between the check and the open is refused."""
    load_mod = importlib.import_module("reader.ingest.load")  # the name `load` is the function

    fifo = tmp_path / "swapped.txt"
    os.mkfifo(fifo)
    real_check = load_mod._check_regular
    calls: list[int] = []

    def first_check_passes(st: os.stat_result, label: str) -> int:
        calls.append(1)
        if len(calls) == 1:
            return 0
        return real_check(st, label)

    # the race, made certain: the check before the open is told "a regular file"
    monkeypatch.setattr(load_mod, "_check_regular", first_check_passes)
    err = _load_within(fifo)
    assert isinstance(err, InputError) and err.reason == "is not a regular file (a named pipe)"
    assert len(calls) == 2


@pytest.mark.subprocess
def test_unreadable_file(tmp_path: Path) -> None:
    if os.geteuid() != 0:
        p = tmp_path / "secret.txt"
        p.write_text(TEXT)
        p.chmod(0)
        with pytest.raises(InputError, match="permission denied"):
            load_file(p)
        return
    # root reads anything: have an unprivileged user (nobody) try instead, with the
    # system Python and a copy of the modules it needs (ingest needs the stdlib only)
    # in a folder that user can enter, wherever this checkout lives
    system_python = shutil.which("python3", path="/usr/bin:/usr/local/bin")
    assert system_python, "a system python3 is needed to test as an unprivileged user"
    folder = Path(tempfile.mkdtemp(prefix="pr-unreadable-"))
    try:
        folder.chmod(0o755)
        pkg = folder / "reader"
        (pkg / "ingest").mkdir(parents=True)
        src = Path(__file__).resolve().parents[1] / "reader"
        for name in (
            "__init__.py",
            "errors.py",
            "textsafe.py",
            "ingest/__init__.py",
            "ingest/load.py",
        ):
            shutil.copy(src / name, pkg / name)
        for f in (pkg, *pkg.rglob("*")):
            f.chmod(0o755)
        p = folder / "secret.txt"
        p.write_text(TEXT)
        p.chmod(0)
        code = (
            "import pathlib; from reader.ingest import load_file; from reader.errors import InputError\n"
            f"try:\n    load_file(pathlib.Path({str(p)!r}))\n"
            "except InputError as e:\n    print(e)\n"
        )
        out = subprocess.run(
            [system_python, "-c", code],
            capture_output=True,
            text=True,
            user=65534,
            cwd="/",
            env={"PYTHONPATH": str(folder), "PATH": "/usr/bin:/bin"},
        )
        assert out.stdout.strip() == f"{p}: permission denied: you may not read this file", (
            out.stderr[-500:]
        )
    finally:
        shutil.rmtree(folder)
