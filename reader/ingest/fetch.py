"""Download an article URL with httpx: redirects followed, one deadline, a size cap, Cancel.

A leaf of the ingest package: it imports nothing of :mod:`reader.ingest` and hands
back the bytes and what the server said about them (:class:`Download`);
:func:`reader.ingest.load.load` decodes them into an article's raw input.

Why a second thread: httpx's time-outs bound each network step (the connect, each
read), not their sum, so a server that sends one byte a second never trips them
and a download could last minutes. The request runs in a worker thread; the calling
thread watches one wall-clock deadline (connect, headers and body together) and the
cancel flag, and when either says stop it shuts the connection's socket down (which
wakes a read blocked in the worker) and returns at once.
"""

from __future__ import annotations

import contextlib
import socket
import ssl
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import httpx

from reader import __version__
from reader.errors import InputError

#: Longest a whole download may take (connect, headers and body together).
DEADLINE_S = 15.0
#: How often the watching thread looks at the clock and the cancel flag.
_TICK_S = 0.05
#: How long a stopped download is given to close its connection before we return.
_GRACE_S = 0.25
_ACCEPTED = (
    "text/html",
    "application/xhtml+xml",
    "text/plain",
    "text/markdown",
    "text/x-markdown",
)
_HEADERS = {
    "User-Agent": f"ProvenanceReader/{__version__} (+desktop news reader)",
    "Accept": "text/html,application/xhtml+xml,text/plain;q=0.8,*/*;q=0.1",
}
#: httpcore trace events whose return value is the connection's network stream.
_CONNECTED = ("connection.connect_tcp.complete", "connection.start_tls.complete")


@dataclass(frozen=True)
class Download:
    """What a server sent: the body, its declared type, and the address it came from
    after redirects."""

    body: bytes
    content_type: str
    url: str
    #: The answer's status: 2xx, or one of the ``statuses`` the caller asked to see.
    status: int = 200
    #: The answer's headers (lower-case names), e.g. ETag, Last-Modified, Retry-After.
    headers: Mapping[str, str] = field(default_factory=dict)
    #: The address after the permanent redirects (301, 308) at the start of the chain,
    #: or None: where a subscription should ask from now on.
    moved_to: str | None = None

    @property
    def name(self) -> str:
        """The last part of the final address's path (a file name, for the kind sniffing)."""
        return self.url.rsplit("/", 1)[-1].split("?")[0]


_tls_lock = threading.Lock()
_tls: ssl.SSLContext | None = None


def _tls_context() -> ssl.SSLContext:
    """One verifying TLS context (httpx's default: certifi's CAs, or SSL_CERT_FILE /
    SSL_CERT_DIR as set when first needed) shared by every download: building one
    reads the CA bundle, about 25 ms of CPU, which was most of the time of a refresh
    of 500 feeds that all answer 304. An SSLContext may serve many connections and
    threads at once."""
    global _tls
    with _tls_lock:
        if _tls is None:
            _tls = httpx.create_ssl_context()
        return _tls


class _Stopped(Exception):
    """The watching thread asked the worker to stop (deadline or Cancel)."""


class _Transfer:
    """One download run in a worker thread; :meth:`stop` ends it from another thread."""

    def __init__(
        self,
        url: str,
        deadline: float,
        max_bytes: int,
        headers: Mapping[str, str] | None = None,
        accept: tuple[str, ...] = _ACCEPTED,
        statuses: tuple[int, ...] = (),
    ) -> None:
        self.url = url
        self.headers = {**_HEADERS, **(headers or {})}
        self.accept = accept
        self.statuses = statuses
        self.deadline = deadline
        self.max_bytes = max_bytes
        self.connected = False
        self.result: Download | None = None
        self.error: BaseException | None = None
        self.done = threading.Event()
        self._stop = threading.Event()
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()

    def run(self) -> None:
        try:
            self.result = self._download()
        except BaseException as exc:  # handed to the calling thread, which maps it
            self.error = exc
        finally:
            self.done.set()

    def stop(self) -> None:
        """Interrupt the download wherever it is: a blocked read wakes with an error."""
        self._stop.set()
        with self._lock:
            for sock in self._sockets:
                _shut(sock)

    def _trace(self, event: str, info: dict[str, Any]) -> None:
        """httpcore's trace hook: keep each connection's socket, to shut it on stop."""
        if event not in _CONNECTED:
            return
        stream = info.get("return_value")
        sock = stream.get_extra_info("socket") if stream is not None else None
        if not isinstance(sock, socket.socket):
            return
        with self._lock:
            self._sockets.append(sock)
            self.connected = True
            if self._stop.is_set():  # stopped while this connection was being made
                _shut(sock)

    def _download(self) -> Download:
        # httpx's own time-outs only bound a worker left behind; the watcher cuts first
        timeout = httpx.Timeout(self.deadline)
        with (
            httpx.Client(
                follow_redirects=True,
                timeout=timeout,
                headers=self.headers,
                verify=_tls_context(),
            ) as client,
            client.stream("GET", self.url, extensions={"trace": self._trace}) as resp,
        ):
            headers = {k.lower(): v for k, v in resp.headers.items()}
            moved_to = None
            after = [*resp.history[1:], resp]  # where each redirect led
            for hop, landed in zip(resp.history, after, strict=False):
                if hop.status_code not in (301, 308):
                    break
                moved_to = str(landed.url)
            if resp.status_code in self.statuses:
                return Download(b"", "", str(resp.url), resp.status_code, headers, moved_to)
            if resp.status_code >= 400:
                raise InputError(self.url, status_reason(resp.status_code, resp.reason_phrase))
            ctype = resp.headers.get("content-type", "")
            base = ctype.split(";")[0].strip().lower()
            if base and base not in self.accept:
                raise InputError(self.url, content_type_reason(base))
            chunks: list[bytes] = []
            total = 0
            for chunk in resp.iter_bytes():
                if self._stop.is_set():
                    raise _Stopped
                total += len(chunk)
                if total > self.max_bytes:
                    raise InputError(
                        self.url,
                        f"is too large: over {self.max_bytes / (1024 * 1024):.1f} MB, "
                        "larger than any article",
                    )
                chunks.append(chunk)
            return Download(
                b"".join(chunks), ctype, str(resp.url), resp.status_code, headers, moved_to
            )


def _shut(sock: socket.socket) -> None:
    """Shut a socket down in both directions (the plain socket's call even for TLS,
    which leaves the SSL object to the reading thread); already closed is fine."""
    with contextlib.suppress(OSError):
        socket.socket.shutdown(sock, socket.SHUT_RDWR)


def fetch_url(
    url: str,
    *,
    max_bytes: int,
    deadline: float | None = None,
    should_cancel: Callable[[], bool] | None = None,
    headers: Mapping[str, str] | None = None,
    accept: tuple[str, ...] = _ACCEPTED,
    statuses: tuple[int, ...] = (),
) -> Download:
    """GET ``url``; refuse non-2xx answers, non-text types and bodies over ``max_bytes``.

    The whole download ends within ``deadline`` seconds (:data:`DEADLINE_S` unless
    given, read at each call), whatever the server does;
    ``should_cancel`` (the window's Cancel) is polled every few hundredths of a second
    and ends it at once. Either way the reason is one :class:`InputError` line.

    For feeds: ``headers`` are sent besides ours (If-None-Match, If-Modified-Since),
    ``accept`` lists the content types taken, and an answer whose status is in
    ``statuses`` (304, 410, 429, 503) is handed back, without its body, not refused.
    """
    deadline = DEADLINE_S if deadline is None else deadline
    transfer = _Transfer(url, deadline, max_bytes, headers, accept, statuses)
    worker = threading.Thread(target=transfer.run, name="fetch", daemon=True)
    ends = time.monotonic() + deadline
    worker.start()
    while not transfer.done.wait(max(0.0, min(_TICK_S, ends - time.monotonic()))):
        if should_cancel is not None and should_cancel():
            reason = "cancelled"
        elif time.monotonic() >= ends:
            reason = _deadline_reason(url, deadline, transfer.connected)
        else:
            continue
        transfer.stop()
        worker.join(_GRACE_S)  # a shut socket ends the worker in milliseconds
        raise InputError(url, reason)
    if transfer.error is not None:
        raise _reason_for(url, transfer.error, deadline) from None
    assert transfer.result is not None
    return transfer.result


def _deadline_reason(url: str, deadline: float, connected: bool) -> str:
    if not connected:
        return f"could not reach {_host(url)}: no answer within {deadline:g} s (no network?)"
    return f"took longer than {deadline:g} s: the server is too slow; try again later"


def _reason_for(url: str, exc: BaseException, deadline: float) -> BaseException:
    """The one-line InputError for what ended the worker (other errors pass: bugs)."""
    if isinstance(exc, InputError):
        return exc
    if isinstance(exc, httpx.ConnectTimeout):
        return InputError(url, _deadline_reason(url, deadline, connected=False))
    if isinstance(exc, (httpx.TimeoutException, _Stopped)):
        return InputError(url, _deadline_reason(url, deadline, connected=True))
    if isinstance(exc, httpx.TooManyRedirects):
        return InputError(url, "the page redirects in a loop (too many redirects)")
    if isinstance(exc, httpx.ConnectError):
        return InputError(url, connect_reason(_host(url), exc))
    if isinstance(exc, httpx.HTTPError):
        return InputError(url, f"the connection to {_host(url)} broke off: try again later")
    if isinstance(exc, (httpx.InvalidURL, UnicodeError, ValueError)):
        # malformed hosts and ports, names IDNA cannot encode
        return InputError(url, "is not a valid web address: check it for typos")
    return exc


#: What common answers mean, in the reader's words.
_STATUS_MEANING = {
    401: "a login is needed",
    402: "the page is behind a paywall",
    403: "access denied (a login or a paywall?)",
    404: "page not found",
    410: "the page was removed",
    429: "too many requests: try again later",
    451: "not available for legal reasons",
}

_KIND_OF_TYPE = (
    ("image/", "a picture"),
    ("video/", "a video"),
    ("audio/", "a sound file"),
    ("font/", "a font"),
)


def status_reason(code: int, phrase: str = "") -> str:
    """A refused request, e.g. "the server answered 404: page not found"."""
    meaning = _STATUS_MEANING.get(code)
    if meaning is None and code >= 500:
        meaning = "the site has a problem; try again later"
    if meaning is None:
        meaning = phrase.lower() if phrase else "the request was refused"
    return f"the server answered {code}: {meaning}"


def content_type_reason(base: str) -> str:
    """A response that is not a page or text, e.g. "is a picture (image/png), not an
    article"."""
    if base == "application/pdf":
        return "is a PDF document, not a web page: copy its text and paste it (Ctrl+V) instead"
    for prefix, kind in _KIND_OF_TYPE:
        if base.startswith(prefix):
            return f"is {kind} ({base}), not an article"
    return f"is not a web page or text (the server sent {base})"


def connect_reason(host: str, exc: BaseException) -> str:
    """Why ``host`` could not be reached, from the OS error under httpx's."""
    cause: BaseException | None = exc
    while cause is not None and not isinstance(cause, OSError):
        cause = cause.__cause__ or cause.__context__
    if isinstance(cause, socket.gaierror):
        return f"could not reach {host}: no network, or no such site?"
    if isinstance(cause, ConnectionRefusedError):
        return f"could not reach {host}: nothing answers there (the server is down?)"
    return f"could not reach {host}: no network?"


def _host(url: str) -> str:
    """The site part of ``url`` (host and port), as the reader typed it."""
    try:
        return urlsplit(url).netloc.rpartition("@")[2] or url
    except ValueError:
        return url
