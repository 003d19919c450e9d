"""Map plain-text claim offsets to positions in the rendered document, and back.

Claims point into ``article.text`` (paragraphs joined by a blank line), but the
view shows rendered Markdown whose plain text differs: one newline between
blocks, list bullets and table frames as extra characters, a title above the body,
sometimes a word more or less. :func:`align` walks both texts once, ignoring
whitespace, and re-synchronises on a short anchor after any mismatch, so the map
is built in O(n) for texts that agree and stays close where they do not.

Qt counts positions in UTF-16 code units; Python indexes code points. The map
returns Qt positions (astral characters such as emoji count twice). Qt-free, so it
is tested without a display.
"""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Sequence

#: Non-whitespace characters used to find our place again after a mismatch.
ANCHOR = 8
#: How far ahead (in non-whitespace document characters) a re-sync may look.
WINDOW = 4000


def _fold(c: str) -> str:
    """Characters that render differently but mean the same compare equal."""
    return _FOLD.get(c, c)


_FOLD = {
    "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " ",
    "\u2013": "-", "\u2014": "-",
}  # fmt: skip


def _compact(s: str) -> tuple[str, array[int]]:
    """``s`` without whitespace, and where each kept character was in ``s``."""
    chars: list[str] = []
    where = array("i")
    for i, c in enumerate(s):
        if not c.isspace():
            chars.append(_fold(c))
            where.append(i)
    return "".join(chars), where


def _utf16_positions(s: str) -> array[int] | None:
    """Qt position of each code point of ``s`` (None when they are all the same)."""
    if all(ord(c) <= 0xFFFF for c in s):
        return None
    out = array("i")
    pos = 0
    for c in s:
        out.append(pos)
        pos += 2 if ord(c) > 0xFFFF else 1
    out.append(pos)
    return out


class OffsetMap:
    """Text offset → document position, for one article and its rendered document."""

    def __init__(self, text: str, doc_text: str, doc_start: int = 0) -> None:
        """``doc_start``: the Qt position where the body begins (after the header)."""
        self.text_len = len(text)
        ct, t_where = _compact(text)
        # the header's plain text is skipped in code points; doc_start is in Qt units
        qt = _utf16_positions(doc_text)
        start_cp = doc_start
        if qt is not None:
            start_cp = bisect.bisect_left(qt, doc_start)
        cd, d_where = _compact(doc_text[start_cp:])
        pairs = _align(ct, cd)
        # text index -> doc code point index (of the matched non-space char), -1 unmatched
        self._doc_of = array("i", [-1]) * len(text)
        for ti, di in enumerate(pairs):
            if di >= 0:
                self._doc_of[t_where[ti]] = d_where[di] + start_cp
        self._qt = qt
        self._doc_len = len(doc_text)

    def _to_qt(self, cp: int) -> int:
        return cp if self._qt is None else self._qt[min(cp, len(self._qt) - 1)]

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        """Document positions ``[a, b)`` of text ``[start, end)``; None if nothing maps."""
        start, end = max(0, start), min(end, self.text_len)
        first = next((self._doc_of[i] for i in range(start, end) if self._doc_of[i] >= 0), -1)
        last = next(
            (self._doc_of[i] for i in range(end - 1, start - 1, -1) if self._doc_of[i] >= 0), -1
        )
        if first < 0 or last < first:
            return None
        return self._to_qt(first), self._to_qt(last + 1)


def _align(a: str, b: str) -> list[int]:
    """For each character of ``a``, its index in ``b`` or -1.

    Greedy: equal characters pair up; at a mismatch, whichever side's next ANCHOR
    characters reappear soonest on the other side tells which one has extra text
    (a bullet in the document, a word in the text), and that side skips ahead; if
    neither does, both skip one character (a substitution).
    """
    out = [-1] * len(a)
    i = j = 0
    na, nb = len(a), len(b)
    while i < na and j < nb:
        if a[i] == b[j]:
            out[i] = j
            i += 1
            j += 1
            continue
        k_doc = b.find(a[i : i + ANCHOR], j, j + WINDOW)  # the document has extra chars
        k_text = a.find(b[j : j + ANCHOR], i, i + WINDOW)  # the text has extra chars
        skip_doc = k_doc - j if k_doc >= 0 else None
        skip_text = k_text - i if k_text >= 0 else None
        if skip_doc is not None and (skip_text is None or skip_doc <= skip_text):
            j = k_doc
        elif skip_text is not None:
            i = k_text
        else:
            i += 1
            j += 1
    return out


class ClaimLocator:
    """Document spans of an article's claims, and which claim a position falls in."""

    def __init__(self, spans: Sequence[tuple[int, int] | None]) -> None:
        self.spans = list(spans)
        order = sorted((s[0], s[1], idx) for idx, s in enumerate(self.spans) if s is not None)
        self._starts = [s[0] for s in order]
        self._order = order

    def claim_at(self, pos: int) -> int | None:
        """Index of the claim whose span contains document position ``pos``."""
        k = bisect.bisect_right(self._starts, pos) - 1
        # spans may nest or overlap (a clause inside a sentence): prefer the innermost
        best: int | None = None
        best_len = 1 << 30
        while k >= 0 and k > bisect.bisect_right(self._starts, pos) - 64:
            a, b, idx = self._order[k]
            if a <= pos < b and b - a < best_len:
                best, best_len = idx, b - a
            k -= 1
        return best
