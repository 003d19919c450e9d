"""Claims and articles in words: the publisher line, evidence excerpts, source mentions.

Qt-free and shared by the CLI's text output and the window, so both say the same
thing. Offsets come from the engine (or a library written by an older one): a span
that does not fit the text is skipped, never an error.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.model import Article, Claim

#: Longest evidence excerpt, in characters, before it is cut at a word.
EXCERPT_CHARS = 80
#: What ends a sentence (before an optional closing quote).
_SENTENCE_END = ".!?"
_CLOSING_QUOTES = "\"”’')"


def publisher_line(article: Article) -> str:
    """The publisher and the wire it carries: "The Detroit News via Associated Press"."""
    publisher, wire = article.publisher or "", article.wire
    if not wire or wire == publisher:
        return publisher
    return f"{publisher} via {wire}".strip()


def span_bounds(text: str, span: Sequence[int] | None) -> tuple[int, int] | None:
    """``span`` clamped to ``text``; None when it is malformed or empty."""
    if span is None or len(span) != 2:
        return None
    try:
        a, b = max(0, int(span[0])), min(len(text), int(span[1]))
    except (TypeError, ValueError):
        return None
    return (a, b) if a < b else None


def _starts_sentence(text: str, pos: int) -> bool:
    """True when ``pos`` begins a sentence or paragraph (only spaces back to the end of
    the previous one)."""
    i = pos - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    if i < 0 or text[i] == "\n" or text[i] in _SENTENCE_END:
        return True
    return text[i] in _CLOSING_QUOTES and i > 0 and text[i - 1] in _SENTENCE_END


def _ends_sentence(words: str) -> bool:
    return words.rstrip(_CLOSING_QUOTES)[-1:] in tuple(_SENTENCE_END)


def excerpt(text: str, span: Sequence[int], limit: int = EXCERPT_CHARS) -> str | None:
    """The words of ``span`` as a short quotation: “… unable to independently verify …”.

    An ellipsis marks words cut off on either side (the span starts or ends inside a
    sentence, or is longer than ``limit``); whitespace is collapsed to single spaces.
    """
    bounds = span_bounds(text, span)
    if bounds is None:
        return None
    a, b = bounds
    words = " ".join(text[a:b].split())
    if not words:
        return None
    lead = not _starts_sentence(text, a)
    trail = not _ends_sentence(words)
    if len(words) > limit:
        cut = words.rfind(" ", 0, limit)
        words = words[: cut if cut > limit // 2 else limit].rstrip(" ,;:")
        trail = True
    return "“" + ("… " if lead else "") + words + (" …" if trail else "") + "”"


def evidence_excerpts(text: str, claim: Claim, limit: int = EXCERPT_CHARS) -> list[str]:
    """One excerpt per evidence span of ``claim`` that fits ``text``."""
    out = (excerpt(text, span, limit) for span in claim.evidence)
    return [e for e in out if e]


def source_mention(text: str, claim: Claim) -> str | None:
    """The words that name the source in the claim ("he") when they are not the
    resolved source itself ("John Smith"); None otherwise."""
    if not claim.source:
        return None
    bounds = span_bounds(text, claim.source_span)
    if bounds is None:
        return None
    words = " ".join(text[bounds[0] : bounds[1]].split())
    return words if words and words.casefold() != claim.source.casefold() else None
