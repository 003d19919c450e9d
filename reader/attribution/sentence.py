"""The article as the engine walks it: sentences with their paragraph, quotation state
and the claims found in them."""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.attribution.lexicon import CURLY_CLOSERS, CURLY_OPENERS
from reader.attribution.segment import Token, paragraphs, quote_mask, sentences, tokens
from reader.attribution.status import Note
from reader.model import Claim

#: Sentences analysed per text: several times the longest news article.
#: Beyond it the text is not an article, and the engine stops to stay fast.
MAX_SENTENCES = 3000


@dataclass
class Sentence:
    """One sentence: offsets, tokens, paragraph, quotation state, and its claims."""

    start: int
    end: int
    toks: list[Token]
    para: int
    para_start: bool
    quote_open_before: bool = False
    mask: list[bool] = field(default_factory=list)  # token inside quotes
    quote_open_after: bool = False
    fully_quoted: bool = False
    claims: list[Claim] = field(default_factory=list)
    main: Claim | None = None  # the claim whose source continues into quotes
    note: Note | None = None
    tag_only: bool = False  # nothing but a speaker and a cue: "Holmes testified."


_OPENING = CURLY_OPENERS | {'"'}
_CLOSING = CURLY_CLOSERS | {'"'}


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of ``text`` (at most MAX_SENTENCES), quotation state carried
    within each paragraph."""
    out: list[Sentence] = []
    for p, (ps, pe) in enumerate(paragraphs(text)):
        if len(out) >= MAX_SENTENCES:
            break
        first = True
        depth = False
        for s, e in sentences(text, ps, pe, drop_runs=True, limit=MAX_SENTENCES - len(out)):
            toks = tokens(text, s, e)
            if not toks:
                continue
            sent = Sentence(s, e, toks, p, first, quote_open_before=depth)
            sent.mask, depth = quote_mask(toks, depth)
            sent.quote_open_after = depth
            sent.fully_quoted = bool(
                toks[0].text in _OPENING
                and (toks[-1].text in _CLOSING or (toks[-2:-1] and toks[-2].text in _CLOSING))
            )
            out.append(sent)
            first = False
    return out
