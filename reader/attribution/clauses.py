"""Clause shape around a cue: tense, auxiliaries, parentheticals, where the content stands."""

from __future__ import annotations

from collections.abc import Sequence

from reader.attribution.lexicon import (
    ACT_LEMMAS,
    AUXILIARIES,
    BE_CONTRACTIONS,
    BE_FORMS,
    CLOSE_QUOTES,
    CONTENT_OPENERS,
    CUE_QUALIFIERS,
    DETERMINERS,
    EVENT_LEMMAS,
    INTRO_WORDS,
    LY_NOUNS,
    MONTHS,
    NEGATED_BE,
    OPEN_QUOTES,
    PARTICIPLES,
    REPORTING_VERBS,
    SENTENCE_ADVERBS,
    SUBJECT_VERBS,
    TIME_WORDS,
    WEEKDAYS,
)
from reader.attribution.segment import Token, join_tokens

#: Longest parenthetical (", who ..., said") skipped between a source and its cue.
MAX_PAREN = 40


def is_event(lemma: str) -> bool:
    """Whether a cue lemma names an act, a cue only with reported content after it."""
    return lemma in EVENT_LEMMAS or lemma in ACT_LEMMAS


def tense(form: str) -> str:
    """Rough tense class of a verb form: "ing", "s" (3rd singular), "past" or "base"."""
    lemma = SUBJECT_VERBS.get(form, form)
    if form.endswith("ing"):
        return "ing"
    if form == lemma:
        return "base"
    if form.endswith("s") and not form.endswith("ss"):
        return "s"
    return "past"


def self_text(toks: Sequence[Token], a: int, b: int) -> str:
    """The words toks[a:b] as written (a cue phrase)."""
    return join_tokens(toks[a:b])


#: Capitalised time words that may stand between a source and its cue ("said Friday").
DATE_NAMES = WEEKDAYS | MONTHS


def skip_back_aux(toks: Sequence[Token], j: int) -> tuple[int, bool]:
    """Skip auxiliaries, adverbs and time phrases left of a cue; report passive."""
    passive = False
    k = j
    steps = 0
    while k >= 0 and steps < 8:
        low = toks[k].low
        if low in BE_FORMS:
            passive = True
            k -= 1
            steps += 1
            continue
        if (
            low in AUXILIARIES
            or (low in TIME_WORDS and not toks[k].is_cap)
            or (toks[k].is_cap and low in DATE_NAMES)
            or (low.isdigit() and k > 0 and toks[k - 1].low in MONTHS)
        ):
            k -= 1
            steps += 1
            continue
        if low.isdigit() and k > 0 and toks[k - 1].low in {"in", "since", "by", "on"}:
            k -= 2
            steps += 2
            continue
        if (
            low.endswith("ly")
            and len(low) > 4
            and not toks[k].is_cap
            and steps < 3
            and low not in LY_NOUNS
            and not (
                k > 0 and (toks[k - 1].low in DETERMINERS or toks[k - 1].low.endswith(("'s", "’s")))
            )
        ):
            k -= 1
            steps += 1
            continue
        break
    return k, passive


def after_cue_ok(toks: Sequence[Token], i: int) -> bool:
    """Whether what follows a weak cue marks reported content."""
    n = len(toks)
    k = i
    while k < n and toks[k].low in {"in", "a", "an", "statement", "interview", "on", "that"}:
        if toks[k].low == "that":
            return True
        k += 1
    if k >= n:
        return True
    t = toks[k].text
    # An indirect question is reported content too ("questioned why ...").
    return t in OPEN_QUOTES or t in {":", ",", ".", ";"} or toks[k].low in CONTENT_OPENERS


def carries_content(toks: Sequence[Token], i: int) -> bool:
    """Whether an event verb ending before token ``i`` passes on reported content: a
    clause after it (``after_cue_ok``), or a speech participle within its object
    ("released a statement saying ...", "issued a warning, noting ...")."""
    if after_cue_ok(toks, i):
        return True
    for k in range(i, min(len(toks), i + 6)):
        low = toks[k].low
        if low in PARTICIPLES or low == "that":
            return True
        if toks[k].text in {";", ":"}:
            return False
    return False


def progressive(toks: Sequence[Token], i: int) -> bool:
    """Whether the -ing form at ``i`` follows a form of "be" ("is stressing")."""
    k = i - 1
    while k >= 0 and i - k <= 3:
        low = toks[k].low
        if low in BE_FORMS or low in BE_CONTRACTIONS or low in NEGATED_BE:
            return True
        if low not in AUXILIARIES:
            return False
        k -= 1
    return False


def content_before(toks: Sequence[Token], k: int) -> bool:
    """Whether the cue ending before token ``k`` closes its clause (", X said.")."""
    n = len(toks)
    end = min(n, k + 12)
    while k < end:
        t = toks[k]
        if not t.is_word:
            return t.text in {",", ".", ";", "!", "?", ")", "—", "–", "…"} or (
                t.text in CLOSE_QUOTES and k + 1 >= n
            )
        if t.low == "that" or (t.low in REPORTING_VERBS and t.low != "reporters"):
            return False
        if t.low not in CUE_QUALIFIERS and not t.is_cap and not t.low.isdigit():
            return False
        k += 1
    return k >= n


def parenthetical_start(toks: Sequence[Token], comma: int) -> int | None:
    """For a comma right before a cue, find the opening comma of ", who ...,"."""
    lo = max(0, comma - MAX_PAREN)
    k = comma - 1
    depth = 0
    while k > lo:
        tx = toks[k].text
        if tx in {")", "]"}:
            depth += 1
        elif tx in {"(", "["}:
            depth -= 1
        elif tx in {",", "—", "–"} and depth == 0:
            if toks[comma].text in {",", "—", "–"} and k + 1 < comma and tx == toks[comma].text:
                return k
            return None
        elif tx in {";", ":", "“", "”", '"'}:
            return None
        k -= 1
    return None


def double_hyphen_start(toks: Sequence[Token], j: int) -> int | None:
    """For "X -- the mayor's aide -- said": the first "-" of the opening "--".

    ``j`` is the second hyphen of the closing pair.  A hyphen pair set off by spaces
    is a dash typed as two hyphens; the aside between them is bounded like a
    parenthetical.
    """
    if j < 2 or toks[j - 1].text != "-" or toks[j - 1].end != toks[j].start:
        return None
    k = j - 3
    lo = max(0, j - MAX_PAREN)
    while k > lo:
        tx = toks[k].text
        if tx == "-" and toks[k + 1].text == "-" and toks[k].end == toks[k + 1].start:
            return k if k + 2 < j - 1 else None
        if tx in {";", ":", "“", "”", '"', "—", "–"}:
            return None
        k -= 1
    return None


def after_intro(toks: Sequence[Token], limit: int) -> int:
    """Where the subject starts, past an introductory phrase and a comma-set adverb.

    "In an August speech, ...", "On Thursday, however, ...": the phrase opens with
    a preposition or conjunction and ends at the first comma.
    """
    start = 0
    for k in range(min(limit, 14)):
        if toks[k].text == "," and k > 0:
            if toks[0].is_word and toks[0].low in INTRO_WORDS:
                start = k + 1
            break
    if (
        start
        and start + 1 < limit
        and toks[start].text.isdigit()
        and len(toks[start].text) == 4
        and toks[start + 1].text == ","
    ):
        start += 2  # "On July 6, 2015, ...": the year after the date's comma
    if (
        start
        and start + 1 < limit
        and toks[start].low in SENTENCE_ADVERBS | {"however"}
        and toks[start + 1].text == ","
    ):
        start += 2
    return start
