"""Fetch an article URL with httpx: redirects followed, a time-out and a size cap."""

from __future__ import annotations

import socket
import time
from collections.abc import Callable
from urllib.parse import urlsplit

import httpx

from reader import __version__
from reader.errors import InputError
from reader.ingest.load import MAX_BYTES, RawInput, from_bytes

#: Longest wait for any one network step (connect, each read).
TIMEOUT_S = 15.0
#: Longest a whole download may take: a server that drips bytes forever is cut off.
DEADLINE_S = 60.0
_ACCEPTED = (
    "text/html",
    "application/xhtml+xml",
    "text/plain",
    "text/markdown",
    "text/x-markdown",
)


def fetch_url(
    url: str,
    timeout: float = TIMEOUT_S,
    deadline: float = DEADLINE_S,
    should_cancel: Callable[[], bool] | None = None,
) -> RawInput:
    """GET ``url``; refuse non-2xx answers, non-text types and bodies over the cap.

    ``timeout`` bounds each network step, ``deadline`` the whole download;
    ``should_cancel`` is polled between chunks (the window's Cancel button).
    """
    started = time.monotonic()
    headers = {
        "User-Agent": f"ProvenanceReader/{__version__} (+desktop news reader)",
        "Accept": "text/html,application/xhtml+xml,text/plain;q=0.8,*/*;q=0.1",
    }
    try:
        with (
            httpx.Client(follow_redirects=True, timeout=timeout, headers=headers) as client,
            client.stream("GET", url) as resp,
        ):
            if resp.status_code >= 400:
                raise InputError(url, status_reason(resp.status_code, resp.reason_phrase))
            ctype = resp.headers.get("content-type", "")
            base = ctype.split(";")[0].strip().lower()
            if base and base not in _ACCEPTED:
                raise InputError(url, content_type_reason(base))
            chunks: list[bytes] = []
            total = 0
            for chunk in resp.iter_bytes():
                if should_cancel is not None and should_cancel():
                    raise InputError(url, "cancelled")
                if time.monotonic() - started > deadline:
                    raise InputError(url, f"took longer than {deadline:.0f} s to download")
                total += len(chunk)
                if total > MAX_BYTES:
                    raise InputError(
                        url,
                        f"is too large: over {MAX_BYTES / (1024 * 1024):.1f} MB, "
                        "larger than any article",
                    )
                chunks.append(chunk)
            final_url = str(resp.url)
    except httpx.ConnectTimeout:
        raise InputError(
            url, f"could not reach {_host(url)}: no answer within {timeout:.0f} s (no network?)"
        ) from None
    except httpx.TimeoutException:
        raise InputError(
            url, f"timed out: the server stopped answering for {timeout:.0f} s"
        ) from None
    except httpx.TooManyRedirects:
        raise InputError(url, "the page redirects in a loop (too many redirects)") from None
    except httpx.ConnectError as exc:
        raise InputError(url, connect_reason(_host(url), exc)) from None
    except httpx.HTTPError:
        raise InputError(
            url, f"the connection to {_host(url)} broke off: try again later"
        ) from None
    except (httpx.InvalidURL, UnicodeError, ValueError):
        # malformed hosts and ports, names IDNA cannot encode
        raise InputError(url, "is not a valid web address: check it for typos") from None
    name = final_url.rsplit("/", 1)[-1].split("?")[0]
    raw = from_bytes(b"".join(chunks), url, name=name, content_type=ctype, url=final_url)
    return raw


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
