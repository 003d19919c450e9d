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

:class:`OffsetMap` stores the alignment as runs (a stretch of the text equal to a
stretch of the document) and finds them by comparing whole slices, so the texts'
agreement costs C speed, not a Python step per character; only where they differ
does it fall back to the anchor search, on the few characters around the mismatch.
It gives the same answers as :class:`ReferenceOffsetMap`, the per-character
statement of the same algorithm (a property test holds them equal).
"""

from __future__ import annotations

import bisect
import re
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


_FOLD_TABLE = str.maketrans(_FOLD)
_NONSPACE = re.compile(r"\S")
_WORD = re.compile(r"\S+")


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


class ReferenceOffsetMap:
    """Text offset → document position, character by character: the specification
    :class:`OffsetMap` is tested against (same answers; simple, but seconds of pure
    Python for a 5 MB text)."""

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


#: Compared at once before the slices grow (then they double, up to the whole text).
_GALLOP = 64


def _common_prefix(a: str, i: int, b: str, j: int) -> int:
    """How many characters ``a[i:]`` and ``b[j:]`` share at their start, found by
    comparing slices (doubling, then halving): C speed for long equal stretches."""
    n = min(len(a) - i, len(b) - j)
    k, step = 0, _GALLOP
    while k < n:
        m = min(step, n - k)
        if a[i + k : i + k + m] == b[j + k : j + k + m]:
            k += m
            step *= 2
            continue
        lo, hi = k, k + m  # equal up to lo; a difference before hi
        while hi - lo > 1:
            mid = (lo + hi) // 2
            if a[i + lo : i + mid] == b[j + lo : j + mid]:
                lo = mid
            else:
                hi = mid
        return lo
    return k


def _skip_space(s: str, i: int) -> int:
    """The index of the first non-whitespace character at or after ``i`` (or len)."""
    m = _NONSPACE.search(s, i)
    return m.start() if m else len(s)


def _nth_nonspace(s: str, i: int, n: int) -> int:
    """The index of the ``n``-th (from 0) non-whitespace character at or after ``i``."""
    for m in _WORD.finditer(s, i):
        length = m.end() - m.start()
        if n < length:
            return m.start() + n
        n -= length
    return len(s)


def _compact_window(s: str, i: int, size: int) -> str:
    """At least ``size`` non-whitespace characters of ``s`` from ``i`` (all there are,
    if fewer), whitespace dropped and folded: the reference's view of that stretch."""
    width = 2 * size + 16
    while True:
        chunk = s[i : i + width]
        out = "".join(chunk.split()).translate(_FOLD_TABLE)
        if len(out) >= size or i + width >= len(s):
            return out
        width *= 4


def _resync(a: str, i: int, b: str, j: int) -> tuple[int, int]:
    """At a real difference (``a[i]`` and ``b[j]`` non-space and not alike): where
    to go on from, decided as :func:`_align` does (whichever side's next ANCHOR
    characters reappear soonest on the other side has extra text; if neither, both
    skip one character). Searches a small window first and widens it only when the
    answer could still change, up to WINDOW."""
    w = 64
    while True:
        size = min(w, WINDOW) + ANCHOR
        ca, cb = _compact_window(a, i, size), _compact_window(b, j, size)
        span = min(w, WINDOW)
        k_doc = cb.find(ca[:ANCHOR], 0, span)
        k_text = ca.find(cb[:ANCHOR], 0, span)
        found = [k for k in (k_doc, k_text) if k >= 0]
        # settled: the window was the whole WINDOW, or a find inside it cannot be beaten
        # by one that starts past it (a miss means none starts before span - ANCHOR)
        if w >= WINDOW or (found and min(found) <= span - ANCHOR):
            break
        w *= 8
    if k_doc >= 0 and (k_text < 0 or k_doc <= k_text):
        return i, _nth_nonspace(b, j, k_doc)
    if k_text >= 0:
        return _nth_nonspace(a, i, k_text), j
    return _nth_nonspace(a, i, 1), _nth_nonspace(b, j, 1)


class OffsetMap:
    """Text offset → document position, for one article and its rendered document.

    The alignment is kept as runs ``(text start, document start, length)`` over the
    original strings: within a run the two are character for character equal (or
    alike: curly and straight quotes, dashes)."""

    def __init__(self, text: str, doc_text: str, doc_start: int = 0) -> None:
        """``doc_start``: the Qt position where the body begins (after the header)."""
        self.text = text
        self.text_len = len(text)
        qt = _utf16_positions(doc_text)
        start_cp = doc_start
        if qt is not None:
            start_cp = bisect.bisect_left(qt, doc_start)
        self._qt = qt
        t_starts, d_starts, lengths = array("i"), array("i"), array("i")
        a, b = text, doc_text
        i, j = 0, start_cp
        na, nb = len(a), len(b)
        while i < na and j < nb:
            k = _common_prefix(a, i, b, j)
            if k:
                t_starts.append(i)
                d_starts.append(j)
                lengths.append(k)
                i, j = i + k, j + k
                continue
            if a[i].isspace() or b[j].isspace():  # whitespace never counts
                i, j = _skip_space(a, i), _skip_space(b, j)
                continue
            if _fold(a[i]) == _fold(b[j]):  # alike: a run of one
                t_starts.append(i)
                d_starts.append(j)
                lengths.append(1)
                i, j = i + 1, j + 1
                continue
            i, j = _resync(a, i, b, j)
        self._t, self._d, self._n = t_starts, d_starts, lengths

    def _to_qt(self, cp: int) -> int:
        return cp if self._qt is None else self._qt[min(cp, len(self._qt) - 1)]

    def _run_at(self, t: int) -> int:
        """Index of the run that contains text index ``t``, or -1."""
        r = bisect.bisect_right(self._t, t) - 1
        return r if r >= 0 and t < self._t[r] + self._n[r] else -1

    def _first(self, start: int, end: int) -> int:
        """Document index of the first mapped non-space text character in [start, end)."""
        t = start
        while t < end:
            m = _NONSPACE.search(self.text, t, end)
            if m is None:
                return -1
            t = m.start()
            r = self._run_at(t)
            if r >= 0:
                return self._d[r] + t - self._t[r]
            nxt = bisect.bisect_right(self._t, t)  # not in a run: on to the next run
            if nxt >= len(self._t):
                return -1
            t = self._t[nxt]
        return -1

    def _last(self, start: int, end: int) -> int:
        """Document index of the last mapped non-space text character in [start, end)."""
        t = end - 1
        while t >= start:
            if self.text[t].isspace():
                t -= 1
                continue
            r = self._run_at(t)
            if r >= 0:
                return self._d[r] + t - self._t[r]
            prev = bisect.bisect_right(self._t, t) - 1  # back to the previous run's end
            if prev < 0:
                return -1
            t = min(t - 1, self._t[prev] + self._n[prev] - 1)
        return -1

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        """Document positions ``[a, b)`` of text ``[start, end)``; None if nothing maps."""
        start, end = max(0, start), min(end, self.text_len)
        first = self._first(start, end)
        last = self._last(start, end) if first >= 0 else -1
        if first < 0 or last < first:
            return None
        return self._to_qt(first), self._to_qt(last + 1)

    def text_span(self, a: int, b: int) -> tuple[int, int] | None:
        """Text offsets ``[start, end)`` of document positions ``[a, b)`` (Qt units):
        the reverse of :meth:`span`, for a selection the reader made in the view. Only
        document characters that came from the text count (not the title, a bullet or
        a table frame); the result is trimmed of whitespace. None if nothing maps."""
        if self._qt is not None:  # Qt positions to code points
            a, b = bisect.bisect_left(self._qt, a), bisect.bisect_left(self._qt, b)
        if b <= a or not self._d:
            return None
        # runs are in order in both texts: the first run ending after a, the last
        # starting before b
        r = bisect.bisect_right(self._d, a) - 1
        if r < 0 or a >= self._d[r] + self._n[r]:
            r += 1
        last = bisect.bisect_left(self._d, b) - 1
        if r >= len(self._d) or last < r:
            return None
        start = self._t[r] + max(0, a - self._d[r])
        end = self._t[last] + min(self._n[last], b - self._d[last])
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return (start, end) if end > start else None
