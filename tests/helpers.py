"""Shared test helpers: running the CLI in this process (:func:`invoke`) or in a real
subprocess (:func:`run_cli`), and local web servers (a well-behaved one, and slow ones
that drip bytes or stay silent)."""

from __future__ import annotations

import contextlib
import http.server
import io
import logging
import os
import signal
import socket
import subprocess
import sys
import threading
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class CliResult:
    """What :func:`invoke` saw: the attributes tests read from a CompletedProcess
    (``returncode``, ``stdout``, ``stderr``), and the exception a crash raised."""

    args: list[str]
    returncode: int
    stdout: str
    stderr: str
    exception: BaseException | None = None


def _text(buffer: io.BytesIO) -> str:
    """The bytes a stream received, read back as ``subprocess.run(text=True)`` does
    (UTF-8, universal newlines)."""
    return io.TextIOWrapper(io.BytesIO(buffer.getvalue()), encoding="utf-8").read()


def _stream(buffer: io.BytesIO, errors: str) -> io.TextIOWrapper:
    # a byte stream, as a pipe is: text that cannot be encoded fails here as it
    # would on a real stdout (a StringIO would take lone surrogates silently)
    return io.TextIOWrapper(buffer, encoding="utf-8", errors=errors, write_through=True)


def invoke(*args: str, stdin: str = "", env: dict[str, str] | None = None) -> CliResult:
    """``python -m reader ARGS`` run in this process: ``reader.cli.main(ARGS)`` with
    stdin, stdout and stderr captured, as sqlite-utils' tests run its CLI.

    It sees what a subprocess would: its own stdin (``stdin``, empty by default), this
    process's environment with ``env`` added, the checkout as the working folder, a pipe's encodings (stdout strict UTF-8, stderr
    backslash-escaped); ``SystemExit`` becomes the exit code, and an uncaught
    exception exit code 1 with its traceback on stderr (kept in ``exception``). The
    environment, working folder, standard streams, ``sys.argv``, signal handlers and
    logging set-up are put back afterwards, so one run cannot leak into the next test.

    Commands that start a window, or fork worker processes (``extract`` of
    ``PARALLEL_MIN_INPUTS`` or more inputs), need a process of their own: :func:`run_cli`.
    """
    from reader import cli

    argv = list(args)
    if argv[:1] == ["open"] or "--screenshot" in argv:
        raise ValueError("the window needs a process of its own: use run_cli")
    if argv[:1] == ["extract"] and "--jobs" not in argv:
        inputs = [a for a in argv[1:] if not a.startswith("-") and a not in ("json", "text")]
        if len(inputs) >= cli.PARALLEL_MIN_INPUTS:
            raise ValueError("a batch this long forks workers: use run_cli or --jobs 1")

    out, err = io.BytesIO(), io.BytesIO()
    streams = (
        io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8")), encoding="utf-8"),
        _stream(out, "strict"),
        _stream(err, "backslashreplace"),
    )
    saved_streams = sys.stdin, sys.stdout, sys.stderr
    saved_argv, saved_cwd, saved_env = sys.argv, os.getcwd(), dict(os.environ)
    saved_signals = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}
    root = logging.getLogger()
    saved_logging = root.level, list(root.handlers), logging.root.manager.disable
    code, exception = 0, None
    try:
        sys.stdin, sys.stdout, sys.stderr = streams
        sys.argv = [str(ROOT / "reader" / "__main__.py"), *argv]
        os.chdir(ROOT)
        # a pipe has no width: help text wraps at shutil's fallback, not the terminal's
        os.environ.setdefault("COLUMNS", "80")
        os.environ.update(env or {})
        try:
            code = cli.main(argv)
        except SystemExit as exc:  # argparse's usage errors, --help, --version
            if exc.code is None or isinstance(exc.code, int):
                code = exc.code or 0
            else:
                sys.stderr.write(f"{exc.code}\n")
                code = 1
        except Exception as exc:  # as the interpreter would: a traceback, exit 1
            exception = exc
            traceback.print_exc(file=sys.stderr)
            code = 1
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved_streams
        for stream in streams:  # flushed, and the buffers left open to be read
            with contextlib.suppress(ValueError):
                stream.detach()
        sys.argv = saved_argv
        os.chdir(saved_cwd)
        os.environ.clear()
        os.environ.update(saved_env)
        for s, handler in saved_signals.items():
            signal.signal(s, handler)
        root.setLevel(saved_logging[0])
        root.handlers[:] = saved_logging[1]
        logging.disable(saved_logging[2])
    return CliResult(argv, int(code), _text(out), _text(err), exception)


def run_cli(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """``python -m reader ARGS`` as a user runs it (a fresh process, no Qt): for what
    depends on the process itself (its exit, signals, imports, workers, the window)."""
    env = dict(os.environ)
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=timeout,
    )


Route = tuple[int, dict[str, str], bytes]


@contextmanager
def local_server(
    routes: dict[str, Route | Callable[[], Route]],
    headers_seen: list[dict[str, str]] | None = None,
) -> Iterator[tuple[str, list[str]]]:
    """Serve ``routes`` on 127.0.0.1 in a thread; yield (base URL, list of requested paths).
    ``headers_seen``, when given, receives each request's headers (lower-case names)."""
    requested: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            requested.append(self.path)
            if headers_seen is not None:
                headers_seen.append({k.lower(): v for k, v in self.headers.items()})
            route = routes.get(self.path.split("?")[0])
            if route is None:
                self.send_error(404)
                return
            status, headers, body = route() if callable(route) else route
            self.send_response(status)
            for k, v in headers.items():
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            # the client may give up (size cap, time-out): that is what the test wants
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    # a short poll: shutdown() waits for one, 0.5 s by default, at the end of every test
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", requested
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def _raw_server(
    answer: Callable[[socket.socket], None], stop: threading.Event, path: str
) -> Iterator[str]:
    """Accept connections on 127.0.0.1 and hand each to ``answer`` in a thread until
    ``stop`` is set (at the end of the block); yields the URL of ``path``."""
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.1)

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=answer, args=(conn,), daemon=True).start()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}{path}"
    finally:
        stop.set()
        thread.join(2)
        listener.close()


def _read_request(conn: socket.socket) -> bool:
    """Read a request's head; False if the client hung up first."""
    conn.settimeout(5)
    request = b""
    while b"\r\n\r\n" not in request:
        got = conn.recv(4096)
        if not got:
            return False
        request += got
    return True


class Slow(StrEnum):
    """How a :func:`slow_server` misbehaves."""

    SILENT = "silent"  # accepts, reads the request, never answers
    HEADERS = "headers"  # the status line and headers, one byte at a time
    BODY = "body"  # the headers at once, then the body one byte at a time


_SLOW_PAGE = b"<html><body><p>" + b"x" * 4000 + b"</p></body></html>"


@contextmanager
def slow_server(shape: Slow, every: float = 0.1) -> Iterator[tuple[str, threading.Event]]:
    """A raw socket server on 127.0.0.1 that answers as ``shape`` says, one byte each
    ``every`` seconds (never a gap long enough for a per-read time-out); yields its URL
    and an event set once a request arrived. Everything stops when the block ends."""
    stop = threading.Event()
    asked = threading.Event()
    head = (
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
        b"Content-Length: %d\r\nX-Padding: " % len(_SLOW_PAGE) + b"p" * 2000 + b"\r\n\r\n"
    )

    def answer(conn: socket.socket) -> None:
        with conn, contextlib.suppress(OSError):
            if not _read_request(conn):
                return
            asked.set()
            drip = {Slow.SILENT: b"", Slow.HEADERS: head + _SLOW_PAGE, Slow.BODY: _SLOW_PAGE}
            if shape is Slow.BODY:
                conn.sendall(head)
            for i in range(len(drip[shape])):
                if stop.wait(every):
                    return
                conn.sendall(drip[shape][i : i + 1])
            stop.wait()  # SILENT: hold the connection open, saying nothing

    with _raw_server(answer, stop, "/story") as url:
        yield url, asked


@dataclass
class Endless:
    """What an :func:`endless_server` saw: whether it was asked, and how many bytes
    it sent before the client hung up."""

    asked: threading.Event
    sent: int = 0


@contextmanager
def endless_server(
    every: float = 0.0, chunk: bytes = b"<item><title>again</title></item>" * 64
) -> Iterator[tuple[str, Endless]]:
    """A raw socket server on 127.0.0.1 whose answer never ends: an RSS 200 with no
    Content-Length, then ``chunk`` after ``chunk`` (one each ``every`` seconds; 0: as
    fast as the client reads) until the client closes the connection."""
    stop = threading.Event()
    seen = Endless(threading.Event())
    head = b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nConnection: close\r\n\r\n"

    def answer(conn: socket.socket) -> None:
        with conn, contextlib.suppress(OSError):
            if not _read_request(conn):
                return
            seen.asked.set()
            conn.sendall(head + b'<?xml version="1.0"?><rss version="2.0"><channel>')
            while not stop.is_set():
                conn.sendall(chunk)
                seen.sent += len(chunk)
                if every and stop.wait(every):
                    return

    with _raw_server(answer, stop, "/endless") as url:
        yield url, seen
