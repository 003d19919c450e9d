"""Stance phrases: "critical of", "doubling down on", "a critic of"."""

from __future__ import annotations

from collections.abc import Sequence

from reader.attribution.lexicon import (
    DEGREE_WORDS,
    MADE_SPEECH,
    PHRASAL_FORMS,
    PHRASAL_STANCE,
    STANCE_ADJECTIVES,
    STANCE_NOUNS,
    STANCE_PREPS,
)
from reader.attribution.segment import Token

#: What may follow a phrasal stance verb ("doubled down on", "pushed back against").
PHRASAL_PREPS = STANCE_PREPS | {"for", "against", "at"}


def stance_phrase(toks: Sequence[Token], k: int, after_be: bool) -> int | None:
    """End index of a stance phrase at ``k``: "critical of", "doubling down on"."""
    n = len(toks)
    low = toks[k].low
    if after_be:
        j = k
        while j < n and toks[j].low in DEGREE_WORDS:
            j += 1
        if (
            j < n
            and toks[j].low in STANCE_ADJECTIVES
            and j + 1 < n
            and toks[j + 1].low in STANCE_PREPS
        ):
            return j + 2
        if j < n and toks[j].low in {"a", "an"}:
            # "a critic of", "a vocal critic of", "a consistent and outspoken supporter of"
            m = j + 1
            while m < n and m - j <= 4 and toks[m].is_word and toks[m].low not in STANCE_NOUNS:
                m += 1
            if m + 1 < n and toks[m].low in STANCE_NOUNS and toks[m + 1].low == "of":
                return m + 2
    base = PHRASAL_FORMS.get(low)
    if base is None:
        return None
    if (
        base in {"go", "make", "come", "open", "sign", "take", "speak"}
        and after_be
        and not low.endswith("ing")
    ):
        return None
    for part in PHRASAL_STANCE[base]:
        particles = part.split()
        if [t.low for t in toks[k + 1 : k + 1 + len(particles)]] == particles:
            end = k + 1 + len(particles)
            if end < n and toks[end].low in PHRASAL_PREPS:
                end += 1
            return end
    if base == "make":
        # "made a strong condemnation of", "made the following comment:"; not "made the
        # comments Friday", which points back to what was reported
        m = k + 1
        while m < n and m - k <= 4 and toks[m].is_word and toks[m].low not in MADE_SPEECH:
            m += 1
        fresh = k + 1 < n and (
            toks[k + 1].low in {"a", "an"}
            or (k + 2 < n and toks[k + 1].low == "the" and toks[k + 2].low == "following")
        )
        if m < n and m - k <= 4 and toks[m].low in MADE_SPEECH and fresh:
            end = m + 1
            if end < n and toks[end].low in STANCE_PREPS:
                end += 1
            return end
    return None
