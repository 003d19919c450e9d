"""Every kind of bad input the issue names, through the same path users take
(`extract` and `import`): a clear one-line error, exit 2, no traceback, nothing lost."""

from __future__ import annotations

import gzip
import json
import os
import socket
from pathlib import Path

import pytest

from tests.helpers import ROOT, invoke, local_server, run_cli

GOOD = ROOT / "resources" / "samples" / "trial-halted.md"
ARTICLE_P = (
    "<p>The port authority said on Monday that the new container terminal would open in "
    "September, two months later than planned, because of delays in crane deliveries.</p>"
)


def _write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    p = tmp_path / name
    if isinstance(data, str):
        data = data.encode("utf-8")
    p.write_bytes(data)
    return p


def _sparse(tmp_path: Path) -> Path:
    p = tmp_path / "huge.txt"
    with p.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    return p


def _fifo(path: Path) -> Path:
    """A named pipe nobody writes to: reading it would wait forever."""
    os.mkfifo(path)
    return path


BAD_FILES = {
    "empty": (lambda t: _write(t, "empty.txt", b""), "is empty"),
    "photo": (
        lambda t: _write(t, "photo.jpg", b"\xff\xd8\xff\xe0" + bytes(range(256)) * 40),
        "is a picture (JPEG), not text",
    ),
    "pdf": (
        lambda t: _write(t, "report.pdf", b"%PDF-1.7\n" + bytes(range(256)) * 40),
        "is a PDF document, not text: copy its text and paste it (Ctrl+V) instead",
    ),
    "binary": (
        lambda t: _write(t, "data.bin", bytes(range(256)) * 40),
        "is not a text file (a program, picture or other binary data?)",
    ),
    "50 MB": (_sparse, "is too large (50.0 MB; an article is at most 20.0 MB)"),
    "no article": (
        lambda t: _write(
            t, "login.html", "<html><body><nav><a href='/'>Home</a></nav></body></html>"
        ),
        "no article text found",
    ),
    "directory": (lambda t: t, "is a folder, not a file"),
    "missing": (lambda t: t / "gone.html", "no such file"),
    "named pipe": (lambda t: _fifo(t / "pipe.html"), "is not a regular file (a named pipe)"),
    "device": (lambda t: Path("/dev/zero"), "is not a regular file (a device)"),
    "damaged gzip": (
        lambda t: _write(t, "page.html.gz", gzip.compress(b"<p>x</p>" * 50)[:30]),
        "damaged",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_bad_file_is_one_line_exit_2_and_the_batch_goes_on(tmp_path: Path, case: str) -> None:
    make, reason = BAD_FILES[case]
    bad = make(tmp_path)
    p = invoke("extract", str(bad), str(GOOD), "--format", "json")
    assert p.returncode == 2
    assert [json.loads(line)["path"] for line in p.stdout.splitlines()] == [str(GOOD)]
    [line] = p.stderr.strip().splitlines()
    assert line.startswith(f"error: {bad}: ") and reason in line, line
    assert "Error" not in line and "(" not in line.split(reason)[0], line  # no internals


@pytest.mark.parametrize(
    ("name", "html"),
    [
        (
            "truncated.html",
            "<html><head><title>Cut</title></head><body><article>"
            + ARTICLE_P
            + "<p>Officials said the pl",
        ),
        (
            "nested.html",
            "<html><body>" + "<div>" * 100_000 + ARTICLE_P + "</div>" * 100_000 + "</body></html>",
        ),
        ("unclosed.html", "<html><body>" + "<div><span><b>" * 5_000 + ARTICLE_P),
    ],
)
def test_malformed_html_never_crashes(tmp_path: Path, name: str, html: str) -> None:
    """Broken markup gives either the article or the one-line 'no article' error."""
    p = invoke("extract", str(_write(tmp_path, name, html)), "--format", "json")
    assert "Traceback" not in p.stderr
    if p.returncode == 0:
        assert "container terminal" in json.loads(p.stdout)["text"]
    else:
        assert p.returncode == 2 and p.stderr.strip().count("\n") == 0


def test_truncated_html_keeps_what_arrived(tmp_path: Path) -> None:
    html = (
        "<html><head><title>Cut</title></head><body><article>"
        + ARTICLE_P
        + "<p>Officials said the pl"
    )
    p = invoke("extract", str(_write(tmp_path, "cut.html", html)), "--format", "json")
    assert p.returncode == 0, p.stderr
    assert "crane deliveries" in json.loads(p.stdout)["text"]


def test_unreachable_and_non_html_urls(tmp_path: Path) -> None:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    dead = f"http://127.0.0.1:{s.getsockname()[1]}/story"
    s.close()
    with local_server({"/logo.png": (200, {"Content-Type": "image/png"}, b"\x89PNG\r\n")}) as (
        base,
        _,
    ):
        p = invoke("extract", dead, base + "/logo.png", str(GOOD), "--format", "json")
    assert p.returncode == 2
    assert len(p.stdout.splitlines()) == 1
    lines = p.stderr.strip().splitlines()
    host = dead.split("/")[2]
    assert lines == [
        f"error: {dead}: could not reach {host}: nothing answers there (the server is down?)",
        f"error: {base}/logo.png: is a picture (image/png), not an article",
    ]


def test_addresses_in_the_readers_words(tmp_path: Path) -> None:
    """A page that is gone, an FTP address, a web address without http://: each one
    line saying what to do, exit 2, the good input still extracted."""
    with local_server({}) as (base, _):
        p = invoke(
            "extract", base + "/gone", "ftp://example.org/story.html", "example.org/news/story",
            str(GOOD), "--format", "json",
        )  # fmt: skip
    assert p.returncode == 2
    assert [json.loads(line)["path"] for line in p.stdout.splitlines()] == [str(GOOD)]
    assert p.stderr.splitlines() == [
        f"error: {base}/gone: the server answered 404: page not found",
        "error: ftp://example.org/story.html: is not a web page address (ftp://): only"
        " http:// and https:// addresses can be imported",
        "error: example.org/news/story: is not a file here; for a web page, add https://"
        " (https://example.org/news/story)",
    ]


def test_a_file_address_is_read_as_the_file(tmp_path: Path) -> None:
    p = invoke("extract", GOOD.as_uri(), "--format", "json")
    assert p.returncode == 0, p.stderr
    assert json.loads(p.stdout)["title"]


def test_a_failed_import_leaves_the_library_as_it_was(tmp_path: Path) -> None:
    db = str(tmp_path / "lib.db")
    assert invoke("import", str(GOOD), "--db", db).returncode == 0
    before = invoke("export", "--db", db, "--format", "json").stdout
    bad = _write(tmp_path, "bad.bin", bytes(range(256)) * 40)
    p = invoke("import", str(bad), "--db", db)
    assert p.returncode == 2
    assert invoke("export", "--db", db, "--format", "json").stdout == before


SHARED_PAGES = ROOT.parent / "shared" / "corpus" / "mozilla-readability" / "test-pages"


@pytest.mark.corpus
@pytest.mark.subprocess  # a batch this long runs in worker processes
@pytest.mark.skipif(
    not SHARED_PAGES.is_dir(), reason="../shared corpus not present (benchmark data)"
)
def test_all_readability_pages_in_one_batch_without_a_crash() -> None:
    pages = sorted(str(p) for p in SHARED_PAGES.glob("*/source.html"))
    assert len(pages) >= 100
    p = run_cli("extract", *pages, "--format", "json", timeout=600)
    assert p.returncode in (0, 2)
    assert "Traceback" not in p.stderr
    rows = [json.loads(line) for line in p.stdout.splitlines()]
    failures = p.stderr.strip().splitlines() if p.stderr.strip() else []
    assert len(rows) + len(failures) == len(pages)
    assert len(rows) >= 0.9 * len(pages)


def test_malformed_urls_are_one_line_each_and_the_batch_goes_on() -> None:
    bad = ["http://[::1", "http://a..b/", "http://xn--a.com/"]
    p = invoke("extract", *bad, str(GOOD), "--format", "json")
    assert p.returncode == 2
    assert [json.loads(line)["path"] for line in p.stdout.splitlines()] == [str(GOOD)]
    lines = p.stderr.strip().splitlines()
    assert len(lines) == 3 and "Traceback" not in p.stderr
    for url, line in zip(bad, lines, strict=True):
        assert line == f"error: {url}: is not a valid web address: check it for typos", line
