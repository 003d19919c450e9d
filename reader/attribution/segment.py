"""Split cleaned article text into paragraphs, sentences and tokens, with offsets.

Sentence splitting is rule based: a run of terminal punctuation (optionally
followed by closing quotes or brackets) ends a sentence when whitespace and an
opening character follow, unless the word before the period is an
abbreviation, an initial or a title.  Splits never cross a paragraph (blank
line); a line break inside a paragraph also ends a sentence.  Over-long
sentences are cut into bounded chunks so that every later step works on short
strings and the whole pipeline stays linear.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from reader.attribution.lexicon import (
    CURLY_CLOSERS,
    CURLY_OPENERS,
    PERSONAL_TITLE_ABBREVIATIONS,
    SENTENCE_STARTERS,
    TERMINAL_ABBREVIATIONS,
    TITLE_ABBREVIATIONS,
)

#: Longest sentence handed to the rules; longer runs are cut at whitespace.
MAX_SENTENCE = 1200
#: A run without any sentence boundary longer than this is not prose.
MAX_RUN = 2 * MAX_SENTENCE

_PARA_RE = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_LINE_RE = re.compile(r"\n")
# Terminal punctuation, then closing quotes/brackets, then whitespace.  Every
# quantifier here is over a single character class, so matching is linear.
_END_RE = re.compile(r"(?:[.!?]+|…)[\"'”’»)\]]*(?=\s+[\"'“‘«(\[]?[A-Z0-9À-ÖØ-Þ\"'“‘«(\[])")
_NEXT_RE = re.compile(r"\s+([\"'“‘«(\[]*)(\S{0,20})")
_OPEN_CHAR_RE = re.compile(r"[A-Z0-9À-ÖØ-Þ\"'“‘«(\[]")

_TOKEN_RE = re.compile(
    r"(?:[A-Za-z]\.){2,}"  # U.S.  a.m.  D.C.
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])"  # 1,240  12,500.75: one number, not a comma
    r"|\w+(?:[’'\-.&/]\w+)*\.?"  # words, with inner apostrophes/hyphens; trailing dot kept
    r"|[^\w\s]"  # any other single non-space character
)


class Token(NamedTuple):
    """One token of a sentence: text, absolute offsets, and cached word features.

    A named tuple rather than a dataclass: tokens are the engine's most
    numerous objects and tuple construction is the cheapest.
    """

    text: str
    start: int
    end: int
    low: str
    is_cap: bool
    is_word: bool


def make_token(text: str, start: int, end: int) -> Token:
    """A token with its lower-case form and shape flags filled in."""
    first = text[:1]
    return Token(text, start, end, text.lower(), first.isupper(), first.isalnum())


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of each non-blank paragraph, whitespace trimmed."""
    pos = 0
    for m in _PARA_RE.finditer(text):
        yield from _trim(text, pos, m.start())
        pos = m.end()
    yield from _trim(text, pos, len(text))


def _trim(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        yield start, end


def _is_boundary(text: str, dot_start: int, after: int, end: int) -> bool:
    """Decide whether the punctuation at text[dot_start:after] ends a sentence."""
    nxt = _NEXT_RE.match(text, after, min(end, after + 48))
    if nxt is None or (not nxt.group(2) and not nxt.group(1)):
        return nxt is not None
    first = nxt.group(1) + nxt.group(2)
    if not _OPEN_CHAR_RE.match(first):
        return False  # lower-case continuation: "a.m. on", "?” he asked"
    if text[dot_start] != ".":
        return True
    if text.startswith("...", dot_start) and after - dot_start >= 3:
        return True
    lo = max(0, dot_start - 20)
    ws = max(text.rfind(" ", lo, dot_start), text.rfind("\n", lo, dot_start))
    word = text[(ws + 1 if ws >= 0 else lo) : dot_start]
    if not word or not (word[-1].isalnum() or word[-1] == "."):
        return True
    word = word.lstrip("\"'“‘«([").lower().rstrip(".")
    if not word:
        return True
    next_word = nxt.group(2).lower().strip("\"'“‘«(.,")
    if word in TITLE_ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
        # "Sen. Smith", "J. Smith", "Jan. 5": never a boundary, unless the
        # next word is a clear sentence opener ("... in Washington, D.C. The").
        return (
            len(word) > 1
            and word not in PERSONAL_TITLE_ABBREVIATIONS
            and next_word in SENTENCE_STARTERS
        )
    if word in TERMINAL_ABBREVIATIONS or "." in word:
        return next_word in SENTENCE_STARTERS
    return True


def sentences(
    text: str, start: int, end: int, drop_runs: bool = False, limit: int | None = None
) -> list[tuple[int, int]]:
    """Split text[start:end] (one paragraph) into sentence spans.

    With ``drop_runs``, a line is cut off where it has gone ``MAX_RUN``
    characters without a sentence boundary, instead of being chunked: such a
    stretch is not prose (tables, code, junk), and skipping it keeps the
    engine fast.
    At most ``limit`` sentences are returned.
    """
    out: list[tuple[int, int]] = []
    for ls, le in _lines(text, start, end):
        if limit is not None and len(out) >= limit:
            break
        s = ls
        for m in _END_RE.finditer(text, ls, le):
            if limit is not None and len(out) >= limit:
                return out[:limit]
            if drop_runs and m.start() - s > MAX_RUN:
                s = le  # not prose: drop the rest of this line
                break
            if _is_boundary(text, m.start(), m.end(), le):
                out.extend(_chunks(text, s, m.end()))
                s = m.end()
        if not (drop_runs and le - s > MAX_RUN):
            out.extend(_chunks(text, s, le))
    return out


def _lines(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    pos = start
    for m in _LINE_RE.finditer(text, start, end):
        yield from _trim(text, pos, m.start())
        pos = m.end()
    yield from _trim(text, pos, end)


def _chunks(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Trim a span and cut it into pieces of at most MAX_SENTENCE characters."""
    for s, e in _trim(text, start, end):
        while e - s > MAX_SENTENCE:
            cut = text.rfind(" ", s + MAX_SENTENCE // 2, s + MAX_SENTENCE)
            if cut <= s:
                cut = s + MAX_SENTENCE
            yield from _trim(text, s, cut)
            s = cut
            while s < e and text[s].isspace():
                s += 1
        if s < e:
            yield s, e


_new_token = tuple.__new__
_ABBREVIATIONS = TITLE_ABBREVIATIONS | TERMINAL_ABBREVIATIONS


def tokens(text: str, start: int, end: int) -> list[Token]:
    """Tokenise text[start:end]; a trailing period stays only on abbreviations.

    The hot loop of the engine: tokens are built with ``tuple.__new__`` (no
    Python-level constructor call), and only words ending in a period take the
    slower abbreviation path.
    """
    out: list[Token] = []
    append = out.append
    for m in _TOKEN_RE.finditer(text, start, end):
        t = m.group()
        s, e = m.span()
        first = t[0]
        if t[-1] == "." and e - s > 1 and first.isalnum():
            core = t[:-1].lower()
            keep = core in _ABBREVIATIONS or "." in core or (len(core) == 1 and core.isalpha())
            # A kept dot at the very end of the sentence is still sentence punctuation.
            if keep and (
                ("." in core) or (e < end and not (core in TERMINAL_ABBREVIATIONS and e == end))
            ):
                append(_new_token(Token, (t, s, e, t.lower(), first.isupper(), True)))
                continue
            w = t[:-1]
            append(_new_token(Token, (w, s, e - 1, core, first.isupper(), True)))
            append(_new_token(Token, (".", e - 1, e, ".", False, False)))
            continue
        append(_new_token(Token, (t, s, e, t.lower(), first.isupper(), first.isalnum())))
    return out


def quote_mask(toks: list[Token], open_before: bool = False) -> tuple[list[bool], bool]:
    """Which tokens stand inside quotation marks, and whether a quote stays open.

    Curly quotes open and close; straight double quotes and the typewriter
    pair ``''`` toggle.  Quote marks themselves count as outside.
    """
    inside = open_before
    mask: list[bool] = []
    prev_apos = False
    for k, t in enumerate(toks):
        tx = t.text
        if tx in CURLY_OPENERS:
            inside = True
            mask.append(False)
        elif tx in CURLY_CLOSERS:
            inside = False
            mask.append(False)
        elif tx == '"':
            inside = not inside
            mask.append(False)
        elif (
            tx == "'"
            and k + 1 < len(toks)
            and toks[k + 1].text == "'"
            and toks[k + 1].start == t.end
        ):
            mask.append(False)
            prev_apos = True
        elif tx == "'" and prev_apos:
            inside = not inside
            mask.append(False)
            prev_apos = False
        else:
            mask.append(inside)
            prev_apos = False
    return mask, inside


def join_tokens(toks: Sequence[Token]) -> str:
    """The tokens as written: a space only where the text had white space between them
    ("Residents' groups", not "Residents ' groups")."""
    if not toks:
        return ""
    parts = [toks[0].text]
    for prev, tok in itertools.pairwise(toks):
        parts.append(tok.text if tok.start == prev.end else " " + tok.text)
    return "".join(parts)


def base_word(word: str) -> str:
    """A word without a possessive ending."""
    for suf in ("'s", "’s"):
        if word.endswith(suf):
            return word[: -len(suf)]
    return word
