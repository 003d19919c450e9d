"""Text that reaches a terminal or a message: names and article text made safe to show.

Three hazards, one module (Qt-free, used by the CLI, the store and the window):

- A file name that is not valid UTF-8 (a Latin-1 ``café.md`` on a UTF-8 system) comes
  from the OS with surrogate escapes (PEP 383); such a string cannot be written to a
  UTF-8 stream or stored in SQLite. :func:`displayable` turns it into text that can,
  showing each undecodable byte as ``\\xNN``.
- A name with a newline or an escape sequence in it forges lines or commands a
  terminal obeys; :func:`quote_name` quotes such a name (repr-like) so a message
  naming it stays one line and shows what is really there.
- An article's text may carry ESC/OSC sequences, other C0 and C1 controls and bidi
  overrides (U+202E) that rewrite what a terminal shows; :func:`terminal_safe`
  escapes them in text output, keeping newlines and tabs.
"""

from __future__ import annotations

import re

#: Bidi controls that reorder what is shown (Trojan Source, CVE-2021-42574): the
#: embeddings and overrides, the isolates, and the implicit marks.
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
#: C0 (but newline and tab), DEL, C1, bidi controls, line/paragraph separators and
#: lone surrogates: what a terminal acts on or cannot show, in text output.
_UNSAFE_TEXT = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029{BIDI_CONTROLS}\ud800-\udfff]")
#: The same with newline and tab: what must not appear in a one-line field or message.
_UNSAFE_LINE = re.compile(f"[\x00-\x1f\x7f-\x9f\u2028\u2029{BIDI_CONTROLS}\ud800-\udfff]")
_SHORT = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def displayable(text: str) -> str:
    """``text`` without surrogates: each byte a file name could not decode (a
    surrogate escape, U+DC80-U+DCFF) becomes ``\\xNN``; another lone surrogate becomes
    ``\\udNNN``. Plain text comes back as it is (the same object)."""
    if not _has_surrogate(text):
        return text
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate that is not an escaped byte
        return text.encode("utf-8", "backslashreplace").decode("utf-8")
    return raw.decode("utf-8", "backslashreplace")


def _has_surrogate(text: str) -> bool:
    return not text.isascii() and any("\ud800" <= ch <= "\udfff" for ch in text)


def _escape(ch: str) -> str:
    if ch in _SHORT:
        return _SHORT[ch]
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:  # a byte the name could not decode
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def quote_name(name: str) -> str:
    """A file name or address as a message shows it: as it is when it is plain, else
    quoted with its undecodable bytes and control characters escaped
    (``'bad\\nname.md'``, ``'caf\\xe9.md'``), so the message stays one line and the
    reader sees the name's real characters."""
    if not _UNSAFE_LINE.search(name):
        return name
    body = name.replace("\\", "\\\\").replace("'", "\\'")
    return "'" + _UNSAFE_LINE.sub(lambda m: _escape(m.group()), body) + "'"


def terminal_safe(text: str) -> str:
    """``text`` for a terminal: control characters (C0 but newline and tab, DEL, C1),
    bidi controls and lone surrogates shown as ``\\xNN``/``\\uNNNN`` escapes instead
    of acted on; everything else as it is."""
    if text.isascii() and text.isprintable():
        return text
    return _UNSAFE_TEXT.sub(lambda m: _escape(m.group()), text)


def one_line(text: str) -> str:
    """Like :func:`terminal_safe`, and newlines and tabs escaped too: a field shown
    inside one line (a title in a list) cannot start another."""
    return _UNSAFE_LINE.sub(lambda m: _escape(m.group()), text)


#: Characters an address must not show as themselves: controls, bidi controls, line
#: separators and the invisible ones (zero-width space, joiners, word joiner, BOM,
#: soft hyphen) that make two addresses look alike.
_UNSAFE_ADDRESS = re.compile(
    f"[\x00-\x20\x7f-\xa0\xad\u200b-\u200f\u2028-\u202f\u2060-\u2064{BIDI_CONTROLS}"
    "\ufeff\ud800-\udfff]"
)


def address_safe(address: str) -> str:
    """A web address as a browser's address bar shows it: each control, bidi or
    invisible character (and space) percent-encoded (U+202E as ``%E2%80%AE``), so
    what is shown is the address's real order and characters."""
    return _UNSAFE_ADDRESS.sub(
        lambda m: "".join(f"%{b:02X}" for b in m.group().encode("utf-8", "surrogatepass")),
        address,
    )


def script_word(text: str) -> str:
    """How to name the non-ASCII letters of a host: "non-Latin" when any is not a
    Latin letter (the Cyrillic а of аpple.com), else "accented" (bücher.de)."""
    import unicodedata

    odd = [c for c in text if not c.isascii() and c.isalpha()]
    latin = all(unicodedata.name(c, "").startswith("LATIN ") for c in odd)
    return "accented" if odd and latin else "non-Latin"
