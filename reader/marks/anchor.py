"""Where a mark sits in an article's text, and finding it again after re-extraction.

A highlight is kept as a W3C Web Annotation keeps one: the quoted words with a little
text before and after (a ``TextQuoteSelector``) and their offsets as a hint (a
``TextPositionSelector``). Re-extraction may move or slightly change the text (a new
cleaner drops a caption, a fixed tokenizer changes a space), so the offsets alone
would point at the wrong words; the quote and its context find them again:

1. the words at the hinted offsets, if they are still the quote with its context;
2. else every place the quote occurs, the one whose surroundings best match the kept
   prefix and suffix (ties: nearest the hint);
3. else the quote with case and runs of whitespace ignored;
4. else a fuzzy match (rapidfuzz) of the quote near its old place, for words the
   cleaner changed a little;
5. else nothing: the mark is orphaned (kept, shown as such, never dropped).

Each step is linear in the text's length (occurrences are counted up to a cap; the
fuzzy step looks at a window around the hint), so a pathological text cannot stall a
re-extraction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Characters of context kept on each side of a quote.
CONTEXT = 32
#: At most this many occurrences of a quote are compared by their context.
MAX_OCCURRENCES = 2000
#: The least rapidfuzz score (0-100) that re-anchors a quote whose words changed.
FUZZY_CUTOFF = 88.0
#: The shortest quote matched fuzzily: a few changed letters in a short quote is
#: another quote.
FUZZY_MIN_LENGTH = 12
#: How far around the hinted place the fuzzy step looks (besides the quote's length).
FUZZY_WINDOW = 4000


@dataclass(frozen=True)
class Selector:
    """A quote in a text: its words, some text before and after, and its offsets."""

    exact: str
    prefix: str = ""
    suffix: str = ""
    start: int = 0
    end: int = 0


def selector_for(text: str, start: int, end: int, context: int = CONTEXT) -> Selector:
    """The selector of ``text[start:end]`` (offsets clipped to the text)."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    return Selector(
        text[start:end],
        text[max(0, start - context) : start],
        text[end : end + context],
        start,
        end,
    )


def locate(selector: Selector, text: str) -> tuple[int, int] | None:
    """Where the selector's quote is in ``text`` now, or None (orphaned)."""
    exact = selector.exact
    if not exact.strip():
        return None
    s = selector.start
    if text[s : s + len(exact)] == exact and _context_score(selector, text, s) == _full(selector):
        return s, s + len(exact)
    found = _by_context(selector, text)
    if found is not None:
        return found
    found = _loose(selector, text)
    if found is not None:
        return found
    return _fuzzy(selector, text)


def _full(selector: Selector) -> int:
    return len(selector.prefix) + len(selector.suffix)


def _context_score(selector: Selector, text: str, at: int) -> int:
    """How many characters of the kept prefix and suffix match around ``at``."""
    score = 0
    before = text[max(0, at - len(selector.prefix)) : at]
    for a, b in zip(reversed(before), reversed(selector.prefix), strict=False):
        if a != b:
            break
        score += 1
    after_at = at + len(selector.exact)
    after = text[after_at : after_at + len(selector.suffix)]
    for a, b in zip(after, selector.suffix, strict=False):
        if a != b:
            break
        score += 1
    return score


def _by_context(selector: Selector, text: str) -> tuple[int, int] | None:
    best: tuple[int, int] | None = None  # (-score, distance)
    where = -1
    at = text.find(selector.exact)
    seen = 0
    while at != -1 and seen < MAX_OCCURRENCES:
        key = (-_context_score(selector, text, at), abs(at - selector.start))
        if best is None or key < best:
            best, where = key, at
        seen += 1
        at = text.find(selector.exact, at + 1)
    if where < 0:
        return None
    return where, where + len(selector.exact)


_SPACE = re.compile(r"\s+")


def _folded(text: str) -> tuple[str, list[int]]:
    """``text`` lower-cased with each run of whitespace as one space, and for each
    character of the result the offset of the character it came from."""
    out: list[str] = []
    offsets: list[int] = []
    pos = 0
    for m in _SPACE.finditer(text):
        for i in range(pos, m.start()):
            out.append(text[i].lower() if len(text[i].lower()) == 1 else text[i])
            offsets.append(i)
        out.append(" ")
        offsets.append(m.start())
        pos = m.end()
    for i in range(pos, len(text)):
        out.append(text[i].lower() if len(text[i].lower()) == 1 else text[i])
        offsets.append(i)
    offsets.append(len(text))
    return "".join(out), offsets


def _loose(selector: Selector, text: str) -> tuple[int, int] | None:
    """The quote with case and whitespace runs ignored, nearest the hint."""
    quote, _ = _folded(selector.exact.strip())
    if not quote:
        return None
    folded, offsets = _folded(text)
    best, where = -1, -1
    at = folded.find(quote)
    seen = 0
    while at != -1 and seen < MAX_OCCURRENCES:
        d = abs(offsets[at] - selector.start)
        if best < 0 or d < best:
            best, where = d, at
        seen += 1
        at = folded.find(quote, at + 1)
    if where < 0:
        return None
    start = offsets[where]
    end = offsets[where + len(quote) - 1] + 1
    return start, end


def _fuzzy(selector: Selector, text: str) -> tuple[int, int] | None:
    """A quote whose words changed a little, near where it was."""
    from rapidfuzz import fuzz

    exact = selector.exact.strip()
    if len(exact) < FUZZY_MIN_LENGTH or not text:
        return None
    reach = FUZZY_WINDOW + 2 * len(exact)
    lo = max(0, min(selector.start, len(text)) - reach)
    hi = min(len(text), selector.start + len(exact) + reach)
    window = text[lo:hi]
    found = fuzz.partial_ratio_alignment(exact, window, score_cutoff=FUZZY_CUTOFF)
    if found is None:
        return None
    start, end = lo + found.dest_start, lo + found.dest_end
    # the aligned span can end mid-word: widen it to whole words; and it can take in
    # spaces or punctuation at its ends that the quote does not have
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    if exact[-1].isalnum():
        while end > start and not text[end - 1].isalnum():
            end -= 1
    if exact[0].isalnum():
        while start < end and not text[start].isalnum():
            start += 1
    return (start, end) if start < end else None
