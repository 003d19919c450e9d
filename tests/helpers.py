"""Shared test helpers: running the CLI in a real subprocess, and a local web server."""

from __future__ import annotations

import contextlib
import http.server
import os
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
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
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", requested
    finally:
        server.shutdown()
        server.server_close()
