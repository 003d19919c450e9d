"""Read what a user brings (a file or a URL) into decoded text of a known kind.

Nothing here cleans: it finds the bytes, decodes them, and says whether they are
HTML, Markdown or scraped plain text, by content first and extension second.
Every refusal is an :class:`~reader.errors.InputError` with a one-line reason.
"""

from __future__ import annotations

import codecs
import gzip
import os
import re
import stat
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reader.errors import InputError

#: Largest input we accept, raw or decompressed. News pages are well under this.
MAX_BYTES = 20 * 1024 * 1024

KINDS = ("html", "markdown", "text")
_MD_EXT = {".md", ".markdown", ".mdown", ".mkd"}
_HTML_EXT = {".html", ".htm", ".xhtml", ".shtml"}
_HTML_SNIFF = re.compile(
    rb"<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|meta\s|title>|article[\s>]|div[\s>]|p>)",
    re.IGNORECASE,
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]{2,40})""", re.I
)
_BINARY_CHARS = re.compile("[\x00-\x08\x0b\x0e-\x1f\ufffd]")
#: Files people try that are not text, by their first bytes, with what to do instead.
_NOT_TEXT = (
    (b"%PDF-", "is a PDF document, not text: copy its text and paste it (Ctrl+V) instead"),
    (b"\x89PNG", "is a picture (PNG), not text"),
    (b"\xff\xd8\xff", "is a picture (JPEG), not text"),
    (b"GIF8", "is a picture (GIF), not text"),
    (b"PK\x03\x04", "is a zip archive or office document, not text: save it as HTML or text first"),
    (b"\xd0\xcf\x11\xe0", "is an office document, not text: save it as HTML or text first"),
    (b"\x7fELF", "is a program, not text"),
)
NOT_TEXT = "is not a text file (a program, picture or other binary data?)"
_MD_SNIFF = re.compile(r"^(#{1,6} \S|---\s*$)", re.MULTILINE)


@dataclass
class RawInput:
    """An input as read: its origin, kind, decoded text and the raw bytes kept for re-extraction."""

    source: str
    kind: str
    content: str
    raw: bytes
    url: str | None = None


def is_url(source: str) -> bool:
    return bool(re.match(r"^https?://", source.strip(), re.IGNORECASE))


def load(source: str, should_cancel: Callable[[], bool] | None = None) -> RawInput:
    """Read a path or an http(s) URL; raise InputError for anything that is not an article.

    ``should_cancel`` is polled during a download, which it ends at once (files are
    read at once). The download itself is :mod:`reader.ingest.fetch`, a leaf that
    imports nothing of this package: the dependency runs one way, from here to there.
    """
    if is_url(source):
        from reader.ingest.fetch import fetch_url  # httpx only when a URL is asked for

        url = source.strip()
        got = fetch_url(url, max_bytes=MAX_BYTES, should_cancel=should_cancel)
        return from_bytes(got.body, url, name=got.name, content_type=got.content_type, url=got.url)
    scheme = _SCHEME.match(source.strip())
    if scheme:
        if scheme.group(1).lower() == "file":  # a file manager's address for a file
            from urllib.parse import urlsplit
            from urllib.request import url2pathname

            return load_file(Path(url2pathname(urlsplit(source.strip()).path)), source)
        raise InputError(
            source,
            f"is not a web page address ({scheme.group(1)}://): only http:// and https://"
            " addresses can be imported",
        )
    return load_file(Path(source), source)


#: ``name://`` at the start: an address of some kind, not a file name.
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")
#: ``example.org/story`` or ``www.example.org``: a web address without its http://.
_BARE_WEB_ADDRESS = re.compile(r"^(www\.)?[\w-]+(\.[\w-]+)*\.[A-Za-z]{2,}(/|$)")


#: Endings that make a dotted name a file name, not a host name.
_FILE_SUFFIXES = frozenset(
    {"html", "htm", "xhtml", "md", "markdown", "txt", "text", "gz", "json", "xml"}
    | {"pdf", "png", "jpg", "jpeg", "gif", "webp", "zip"}
)


def looks_like_bare_address(text: str) -> bool:
    """``example.org/news``: a web address typed without http:// or https:// (one
    word, a dotted host name), which the reader must be told to complete."""
    text = text.strip()
    host = text.split("/", 1)[0]
    if host.rsplit(".", 1)[-1].lower() in _FILE_SUFFIXES:  # "story.html" is a file name
        return False
    return " " not in text and bool(_BARE_WEB_ADDRESS.match(text))


def load_file(path: Path, label: str | None = None) -> RawInput:
    """Read a regular file; a folder, a named pipe or a device is refused before it is
    opened (reading a FIFO or /dev/zero would never end)."""
    label = label or str(path)
    try:
        size = _check_regular(os.stat(path), label)
        if size > MAX_BYTES:
            raise InputError(label, _too_large(size))
        # O_NONBLOCK: were the path swapped for a pipe after the check, opening it
        # still returns at once (and the second check refuses it)
        fd = os.open(path, os.O_RDONLY | _OPEN_FLAGS)
        with os.fdopen(fd, "rb") as fh:
            _check_regular(os.fstat(fh.fileno()), label)
            raw = fh.read(MAX_BYTES + 1)
    except FileNotFoundError:
        if looks_like_bare_address(label):
            raise InputError(
                label,
                f"is not a file here; for a web page, add https:// (https://{label.strip()})",
            ) from None
        raise InputError(label, "no such file") from None
    except PermissionError:
        raise InputError(label, "permission denied: you may not read this file") from None
    except IsADirectoryError:
        raise InputError(label, "is a folder, not a file") from None
    except OSError as exc:
        raise InputError(label, f"cannot be read ({exc.strerror or exc})") from None
    return from_bytes(raw, label, name=path.name)


#: Never wait on a pipe, never adopt a terminal; no newline translation on Windows.
_OPEN_FLAGS = sum(getattr(os, flag, 0) for flag in ("O_NONBLOCK", "O_NOCTTY", "O_BINARY"))
#: What a path that is not a regular file is, for the one-line refusal.
_SPECIAL_FILES = (
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a disk device"),
    (stat.S_ISSOCK, "a socket"),
)


def _check_regular(st: os.stat_result, label: str) -> int:
    """Refuse anything but a regular file (a folder, a pipe, a device, a socket);
    return its size."""
    if stat.S_ISDIR(st.st_mode):
        raise InputError(label, "is a folder, not a file")
    if stat.S_ISREG(st.st_mode):
        return st.st_size
    what = next((name for test, name in _SPECIAL_FILES if test(st.st_mode)), "")
    raise InputError(label, f"is not a regular file ({what})" if what else "is not a regular file")


def _too_large(size: int) -> str:
    return f"is too large ({_mb(size)}; an article is at most {_mb(MAX_BYTES)})"


def from_bytes(
    raw: bytes,
    label: str,
    name: str = "",
    content_type: str | None = None,
    url: str | None = None,
) -> RawInput:
    """Decode bytes from a file or a response and decide their kind."""
    if len(raw) > MAX_BYTES:
        raise InputError(label, f"is too large (over {_mb(MAX_BYTES)}, larger than any article)")
    if raw[:2] == b"\x1f\x8b":
        raw = _gunzip(raw, label)
        name = re.sub(r"\.gz$", "", name, flags=re.IGNORECASE)
    if not raw.strip():
        raise InputError(label, "is empty")
    for magic, what in _NOT_TEXT:
        if raw.startswith(magic):
            raise InputError(label, what)
    charset = re.search(r"charset=\s*[\"']?([\w.:-]+)", content_type or "", re.IGNORECASE)
    text = decode(raw, label, charset.group(1) if charset else None)
    kind = sniff_kind(text, raw, name, content_type)
    return RawInput(source=label, kind=kind, content=text, raw=raw, url=url)


def _gunzip(raw: bytes, label: str) -> bytes:
    try:
        d = zlib.decompressobj(wbits=31)
        out = d.decompress(raw, MAX_BYTES + 1)
    except (zlib.error, gzip.BadGzipFile, EOFError):
        raise InputError(label, "is a damaged gzip file") from None
    if not d.eof and len(out) <= MAX_BYTES:
        raise InputError(label, "is a damaged or truncated gzip file")
    if len(out) > MAX_BYTES:
        raise InputError(label, f"decompresses to more than {_mb(MAX_BYTES)}")
    return out


def decode(raw: bytes, label: str, declared: str | None = None) -> str:
    """Decode with a BOM, a declared charset, UTF-8, UTF-16 or cp1252/latin-1, in that order.

    Bytes that are not text in any of these (NUL-heavy or control-heavy) are refused.
    """
    for bom, enc in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if raw.startswith(bom):
            return _checked(raw.decode(enc, errors="replace"), label)
    utf16 = _utf16_without_bom(raw)
    if utf16:
        return _checked(raw.decode(utf16, errors="replace"), label)
    if b"\x00" in raw[:8192]:
        raise InputError(label, NOT_TEXT)
    m = _META_CHARSET.search(raw[:4096])
    declared = declared or (m.group(1).decode("ascii", "ignore") if m else None)
    try:
        return _checked(raw.decode("utf-8"), label)
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            if codecs.lookup(declared).name not in ("utf-8",):
                return _checked(raw.decode(declared), label)
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return _checked(raw.decode("cp1252"), label)
    except UnicodeDecodeError:
        return _checked(raw.decode("latin-1"), label)


def _utf16_without_bom(raw: bytes) -> str | None:
    """Guess UTF-16 from the NUL pattern of mostly-ASCII text."""
    head = raw[:4096]
    if len(head) < 4:
        return None
    even = head[0::2].count(0)
    odd = head[1::2].count(0)
    half = len(head) // 2
    if odd > 0.4 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.4 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def _checked(text: str, label: str) -> str:
    """Refuse decoded text that is mostly control characters (a binary file)."""
    sample = text[:8192]
    bad = len(_BINARY_CHARS.findall(sample))  # a regex: a per-character loop cost ~2 ms a page
    if sample and bad > 0.05 * len(sample):
        raise InputError(label, NOT_TEXT)
    return text


def sniff_kind(text: str, raw: bytes, name: str, content_type: str | None = None) -> str:
    """HTML if the content looks like markup; Markdown by extension or type; else text."""
    ctype = (content_type or "").split(";")[0].strip().lower()
    ext = Path(name).suffix.lower()
    head = text[:4096].lstrip().encode("utf-8", "ignore")
    if _HTML_SNIFF.search(head[:2048]) and (head.startswith(b"<") or ext in _HTML_EXT):
        return "html"
    if ctype in ("text/html", "application/xhtml+xml") and b"<" in head:
        return "html"
    if ext in _MD_EXT or ctype in ("text/markdown", "text/x-markdown"):
        return "markdown"
    if ext not in (".txt", ".text") and _MD_SNIFF.search(text[:2048]):
        return "markdown"
    return "text"


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB"
