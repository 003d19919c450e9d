"""Fetch an article URL with httpx: redirects followed, a time-out and a size cap."""

from __future__ import annotations

import time
from collections.abc import Callable

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
                raise InputError(
                    url, f"the server answered {resp.status_code} {resp.reason_phrase}"
                )
            ctype = resp.headers.get("content-type", "")
            base = ctype.split(";")[0].strip().lower()
            if base and base not in _ACCEPTED:
                raise InputError(url, f"is not an article page (content type {base})")
            chunks: list[bytes] = []
            total = 0
            for chunk in resp.iter_bytes():
                if should_cancel is not None and should_cancel():
                    raise InputError(url, "cancelled")
                if time.monotonic() - started > deadline:
                    raise InputError(url, f"took longer than {deadline:.0f} s to download")
                total += len(chunk)
                if total > MAX_BYTES:
                    raise InputError(url, f"is larger than {MAX_BYTES / (1024 * 1024):.1f} MB")
                chunks.append(chunk)
            final_url = str(resp.url)
    except httpx.TimeoutException:
        raise InputError(url, f"timed out after {timeout:.0f} s") from None
    except httpx.TooManyRedirects:
        raise InputError(url, "redirects too many times") from None
    except httpx.HTTPError as exc:
        raise InputError(url, f"could not be fetched ({type(exc).__name__}: {exc})") from None
    except (httpx.InvalidURL, UnicodeError, ValueError) as exc:
        # malformed hosts and ports, names IDNA cannot encode
        raise InputError(url, f"is not a valid web address ({exc})") from None
    name = final_url.rsplit("/", 1)[-1].split("?")[0]
    raw = from_bytes(b"".join(chunks), url, name=name, content_type=ctype, url=final_url)
    return raw
