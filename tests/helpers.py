"""Shared test helpers: running the CLI in a real subprocess, and local web servers
(a well-behaved one, and slow ones that drip bytes or stay silent)."""

from __future__ import annotations

import contextlib
import http.server
import os
import socket
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_cli(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """``python -m reader ARGS`` as a user runs it (a fresh process, no Qt)."""
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
def local_server(routes: dict[str, Route | Callable[[], Route]]) -> Iterator[tuple[str, list[str]]]:
    """Serve ``routes`` on 127.0.0.1 in a thread; yield (base URL, list of requested paths)."""
    requested: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            requested.append(self.path)
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
            conn.settimeout(5)
            request = b""
            while b"\r\n\r\n" not in request:
                got = conn.recv(4096)
                if not got:
                    return
                request += got
            asked.set()
            drip = {Slow.SILENT: b"", Slow.HEADERS: head + _SLOW_PAGE, Slow.BODY: _SLOW_PAGE}
            if shape is Slow.BODY:
                conn.sendall(head)
            for i in range(len(drip[shape])):
                if stop.wait(every):
                    return
                conn.sendall(drip[shape][i : i + 1])
            stop.wait()  # SILENT: hold the connection open, saying nothing

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
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/story", asked
    finally:
        stop.set()
        thread.join(2)
        listener.close()
