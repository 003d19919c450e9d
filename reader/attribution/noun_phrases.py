"""Noun phrases around a cue: walking to the source mention, its head, appositions.

Every walk is bounded (``MAX_NP`` tokens), so analysing a sentence stays linear.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.attribution.lexicon import (
    AGENT_SUFFIXES,
    ANONYMOUS_HEADS,
    APPOSITION_TITLES,
    ASIDES,
    BARE_QUANTIFIERS,
    DETERMINERS,
    DOCUMENT_HEADS,
    GOVERNMENT_HEADS,
    IRREGULAR_PAST,
    NOUN_VERBS,
    NP_KEPT_PARTICIPLES,
    NP_LINKS,
    NP_STOPS,
    NUMBER_WORDS,
    OFFICIAL_TITLES,
    OPEN_QUOTES,
    ORGANIZATION_HEADS,
    OUTLET_NOUNS,
    PARTICIPLE_OBJECTS,
    PERSONAL_PRONOUNS,
    RELATIVE_SUBJECTS,
    REPORTING_VERBS,
    SENTENCE_ADVERBS,
    SHARE_HEADS,
    STRONG_FORMS,
)
from reader.attribution.segment import Token, base_word

#: Longest source NP, in tokens, for the backward and forward walks.
MAX_NP = 12


def stops_np(t: Token, k: int) -> bool:
    """Whether a token ends an NP walk (capitalised "US" is a name, "us" is not)."""
    return t.low in NP_STOPS and not t.text.isupper()


def np_back(toks: Sequence[Token], j: int, stop_at: int = 0) -> tuple[int, int] | None:
    """Collect the NP ending at token ``j`` (inclusive) walking left; return [a, b)."""
    if j < stop_at or j < 0:
        return None
    t = toks[j]
    if t.text == ")":
        # "Rep. Jane Doe (D-Ohio) said": the bracket belongs to the name.
        k = j - 1
        while k > max(stop_at, j - 8) and toks[k].text != "(":
            k -= 1
        if toks[k].text != "(" or k - 1 < stop_at or toks[k - 1].text == ")":
            return None
        inner = np_back(toks, k - 1, stop_at)
        return (inner[0], j + 1) if inner is not None else None
    if not t.is_word or t.low in NP_LINKS:
        return None
    low = t.low
    if low in PERSONAL_PRONOUNS or low in RELATIVE_SUBJECTS:
        return (j, j + 1)
    # "a mother of three": a number after "of" ends the NP.
    counted = low in NUMBER_WORDS and j >= 2 and toks[j - 1].low == "of" and toks[j - 2].is_word
    # "Some believe ...", "..., many argue": a bare quantifier standing as the subject.
    if low in BARE_QUANTIFIERS and (
        j == stop_at or not toks[j - 1].is_word or toks[j - 1].low in {"and", "but", "while"}
    ):
        return (j, j + 1)
    if stops_np(t, j) or (
        low in DETERMINERS and low not in {"one", "all", "both", "others"} and not counted
    ):
        return None
    if low in REPORTING_VERBS and not t.is_cap and low not in NOUN_VERBS:
        return None
    a = j
    k = j - 1
    limit = max(stop_at, j - MAX_NP + 1)
    while k >= limit:
        tk = toks[k]
        lk = tk.low
        if not tk.is_word:
            if tk.text in {"&", "-", "'", "’", "."} and k > limit:
                k -= 1
                continue
            break
        if lk in NP_LINKS:
            # a link must have an NP on its left ("spokesman for X")
            if k - 1 < limit or not toks[k - 1].is_word or toks[k - 1].low in NP_STOPS:
                break
            k -= 1
            continue
        if (
            lk == "by"
            and k - 2 >= limit
            and (toks[k - 1].low.endswith("ed") or toks[k - 1].low in IRREGULAR_PAST)
            and not toks[k - 1].is_cap
            and toks[k - 2].is_word
            and toks[k - 2].low not in NP_STOPS
            and (not toks[k - 2].is_cap or k - 2 == 0)
            and toks[k - 2].low not in PERSONAL_PRONOUNS
        ):
            # "a consultant hired by the city": a participle modifier inside the NP
            a = k - 2
            k -= 3
            continue
        if stops_np(tk, k) or (lk in PERSONAL_PRONOUNS and lk != "i" and not tk.is_cap):
            break
        if lk in REPORTING_VERBS and not tk.is_cap and lk not in NOUN_VERBS:
            break
        if (
            lk.endswith("ed")
            and not tk.is_cap
            and k > limit
            and (toks[k - 1].is_cap or toks[k - 1].low in PERSONAL_PRONOUNS)
            and toks[k - 1].low not in DETERMINERS
        ):
            break  # "Clinton enjoyed tremendous support": a clause, not an NP
        if lk in SENTENCE_ADVERBS and (k == 0 or (k == 1 and toks[0].text in OPEN_QUOTES)):
            break
        a = k
        k -= 1
    # Trim links and sentence adverbs off the left edge.
    while a <= j and (toks[a].low in NP_LINKS or not toks[a].is_word):
        a += 1
    while a <= j and toks[a].low in SENTENCE_ADVERBS and toks[a].low not in DETERMINERS:
        a += 1
    if a > j:
        return None
    return (a, j + 1)


def np_forward(toks: Sequence[Token], i: int, limit: int = MAX_NP) -> tuple[int, int] | None:
    """Collect the NP starting at token ``i`` walking right; return [a, b)."""
    n = len(toks)
    if i >= n or not toks[i].is_word:
        return None
    low = toks[i].low
    if low in PERSONAL_PRONOUNS or low in {"him", "her", "them", "us", "me"}:
        return (i, i + 1)
    if low in NP_STOPS and low not in {"it"}:
        return None
    b = i
    k = i
    end = min(n, i + limit)
    while k < end:
        tk = toks[k]
        lk = tk.low
        if not tk.is_word:
            if tk.text in {"&", "-", "'", "’"} and k + 1 < end and toks[k + 1].is_word:
                k += 1
                continue
            break
        if lk in NP_LINKS:
            if k + 1 >= end or not toks[k + 1].is_word or toks[k + 1].low in NP_STOPS:
                break
            k += 1
            continue
        if k > i and (lk in NP_STOPS or (lk in STRONG_FORMS and not tk.is_cap)):
            break
        if (
            k > i + 1
            and not tk.is_cap
            and lk.endswith("ed")
            and lk not in NP_KEPT_PARTICIPLES
            and toks[k - 1].is_word
            and toks[k - 1].low not in DETERMINERS
            and k + 1 < end
            and toks[k + 1].low in PARTICIPLE_OBJECTS
        ):
            break  # "city records obtained by X": the participle clause is not the NP
        b = k + 1
        k += 1
    while b > i + 1 and toks[b - 1].low in NP_LINKS | DETERMINERS:
        b -= 1
    return (i, b) if b > i else None


def with_relative(toks: Sequence[Token], np: tuple[int, int]) -> tuple[int, int]:
    """Extend "two people" to "two people who attended the meeting" when a comma closes it."""
    a, b = np
    n = len(toks)
    if b >= n or toks[b].low != "who" or toks[b - 1].low not in ANONYMOUS_HEADS:
        return np
    for k in range(b + 1, min(n, b + MAX_NP)):
        tx = toks[k].text
        if tx in {",", ";", ")", "—", "–"}:
            return (a, k) if k > b + 1 else np
        if toks[k].low == "that" or tx in OPEN_QUOTES:
            return np
    return np


def with_antecedent(toks: Sequence[Token], np: tuple[int, int]) -> tuple[int, int]:
    """Widen a walk that stopped at a relative pronoun to the noun it describes: "A
    2014 study [that appeared in the journal] found ..." has "study" as its head."""
    a, b = np
    if a < 2 or toks[a - 1].low not in {"that", "which", "who"} or looks_like_source(toks, np):
        return np
    prior = np_back(toks, a - 2)
    if prior is None or not looks_like_source(toks, prior):
        return np
    return (prior[0], b)


def np_head(toks: Sequence[Token], np: tuple[int, int]) -> Token:
    """The head token of an NP: the last token before a link word."""
    a, b = np
    if toks[b - 1].text == ")":  # "Jane Doe (D-Ohio)"
        k = b - 1
        while k > a and toks[k].text != "(":
            k -= 1
        if k > a:
            b = k
    for k in range(a + 1, b):
        low = toks[k].low
        if low in {"of", "for", "at", "with", "from", "in", "on", "who", "that", "to", "by"} or (
            (low.endswith("ed") or low in IRREGULAR_PAST) and not toks[k].is_cap and k > a + 1
        ):
            if low == "by" and k - 2 >= a and toks[k - 1].low.endswith("ed"):
                return toks[k - 2]  # "research conducted by X": the head is "research"
            return toks[k - 1]
    return toks[b - 1]


def looks_like_source(toks: Sequence[Token], np: tuple[int, int]) -> bool:
    """Whether an NP can be a weak cue's source: pronoun, name or source noun."""
    head = np_head(toks, np)
    hl = base_word(head.low)
    if hl in PERSONAL_PRONOUNS or hl in RELATIVE_SUBJECTS:
        return True
    if head.is_cap:
        return True
    return (
        hl in ANONYMOUS_HEADS
        or hl in OFFICIAL_TITLES
        or hl in DOCUMENT_HEADS
        or hl in GOVERNMENT_HEADS
        or hl in ORGANIZATION_HEADS
        or hl in OUTLET_NOUNS
        or hl.endswith(AGENT_SUFFIXES)
        or hl in SHARE_HEADS
    )


def apposition(
    toks: Sequence[Token], desc: tuple[int, int], a: int, b: int
) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """For "DESC, INNER, said": (name range, description range) of the apposition.

    "Kestrel's chief medical officer, Dr. Amara Liu," gives the name (Amara Liu
    is the source) and the description (it types her); "Owen Brask, the city's
    utilities director," gives only the description.
    """
    if a >= b or b - a > 8 or toks[a].low in ASIDES:
        return None, None
    inner = toks[a:b]
    words = [t for t in inner if t.is_word]
    named = (
        bool(words)
        and len(words) <= 5
        and all(
            t.is_cap or t.low in {"de", "van", "von", "al", "bin", "la", "le", "del", "da"}
            for t in words
        )
        and sum(1 for t in words if t.low not in APPOSITION_TITLES) >= 1
        and all(t.is_word or t.text in {".", "-", "'", "’"} for t in inner)
    )
    head = np_head(toks, desc)
    if (
        named
        and not head.is_cap
        and len(words) - sum(1 for t in words if t.low in APPOSITION_TITLES) >= 2
    ):
        return (a, b), desc
    if toks[a].low in {"the", "a", "an", "its", "his", "her", "their"} or (
        toks[a].is_cap and toks[a].low.endswith(("'s", "’s"))
    ):
        return None, (a, b)
    return None, None


def with_author(toks: Sequence[Token], np: tuple[int, int]) -> tuple[int, int]:
    """Extend "a new report" to "a new report by CNN" when a document's author follows."""
    a, b = np
    if (
        b + 1 < len(toks)
        and toks[b].low in {"by", "from"}
        and np_head(toks, np).low in DOCUMENT_HEADS
        and toks[b + 1].is_cap
    ):
        author = np_forward(toks, b + 1)
        if author is not None:
            return (a, author[1])
    return np


def by_author(toks: Sequence[Token], src: tuple[int, int]) -> tuple[int, int]:
    """Widen "researchers at X" to "a study by researchers at X" when a document heads it."""
    a = src[0]
    if a < 2 or toks[a - 1].low != "by":
        return src
    prior = np_back(toks, a - 2)
    if prior is None or np_head(toks, prior).low not in DOCUMENT_HEADS:
        return src
    return (prior[0], src[1])
