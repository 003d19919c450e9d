"""Verification notes and contradictions: what sets a claim's status.

A *note* is the writer saying whether they checked the information:
"Insider was unable to independently verify the reports" (unconfirmed),
"The Post has independently confirmed the account" (confirmed).  A *rebuttal*
is a party rejecting earlier claims: "The ministry denied the report."  Both
are found per sentence on tokens with small, bounded patterns.

Coverage rule (documented in docs/claims.md): a note or rebuttal whose object
names an outlet covers every claim that reached the article through that
outlet.  A generic object ("the reports", "the claims", "it") covers the
claims of the outlet of the last attributed claim before the note, if that
claim came through an outlet other than the publisher; otherwise it covers
the preceding claims from the same source, back to the previous note.  Any other
object ("the number of containers waiting") covers the claims about what it names
(:func:`shares_subject`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from reader.attribution.lexicon import (
    BE_FORMS,
    CONTENT_STOPWORDS,
    CONTRA_OBJECTS,
    CONTRA_THAT_VERBS,
    CONTRA_VERBS,
    GENERIC_OBJECTS,
    MODALS,
    POINTED_OBJECTS,
    POINTING_WORDS,
    REBUT_VERBS,
    SELF_SUBJECTS,
    VERIFY_FILLERS,
    VERIFY_NEGATIONS,
    VERIFY_VERBS,
)
from reader.attribution.segment import Token
from reader.model import Status

#: Words after "it" that make it a clause's subject, not a pointer to earlier claims.
CLAUSE_VERBS = MODALS | BE_FORMS | frozenset(["has", "have", "had", "did", "does", "never"])

#: How much each status says beyond "someone said it".  A status found later in the
#: article replaces a claim's status only when it ranks at least as high: a party's
#: own denial stands; a conflict between accounts is not undone by a verification
#: note; verification notes (confirmed, unconfirmed) replace each other, the later
#: one winning; any of them replaces a plain report.
RANK: dict[Status, int] = {
    Status.UNATTRIBUTED: 0,
    Status.REPORTED: 1,
    Status.CONFIRMED: 2,
    Status.UNCONFIRMED: 2,
    Status.DISPUTED: 3,
    Status.DENIED: 4,
}


def prevails(new: Status | str, old: Status | str) -> bool:
    """Whether a status the text gives later (``new``) replaces the claim's (``old``)."""
    return RANK[Status(new)] >= RANK[Status(old)]


@dataclass(frozen=True, slots=True)
class Note:
    """A verification note or rebuttal found in a sentence."""

    kind: Status  # UNCONFIRMED | CONFIRMED
    verb_index: int  # token index of the verify/deny verb
    object_start: int  # token index where the object NP starts (may be len(toks))
    generic: bool  # the object is "the reports"/"the claims"/"it"


def find_note(toks: Sequence[Token], publisher_tokens: frozenset[str]) -> Note | None:
    """A verification note in a sentence: "X could not independently verify ..."."""
    n = len(toks)
    for i, t in enumerate(toks):
        low = t.low
        if low not in VERIFY_VERBS:
            continue
        k = i - 1
        negated = False
        passive = False
        while k >= 0 and i - k <= 6:
            lk = toks[k].low
            if lk in VERIFY_NEGATIONS or lk.endswith("n't"):
                negated = True
            elif lk in {"be", "been"}:
                passive = True
            elif lk not in VERIFY_FILLERS:
                break
            k -= 1
        if not negated:
            # Positive: only the writer's own confirmation counts ("we", the publisher).
            subj = toks[k] if k >= 0 else None
            if subj is None or not (subj.text in publisher_tokens or subj.low in SELF_SUBJECTS):
                continue
            kind = Status.CONFIRMED
        else:
            kind = Status.UNCONFIRMED
        if passive:
            generic = any(tk.low in GENERIC_OBJECTS for tk in toks[max(0, k - 4) : k + 1])
            return Note(kind, i, max(0, k - 4), generic)
        obj = i + 1
        generic = _generic_object(toks, obj)
        return Note(kind, i, obj if obj < n else n, generic)
    return None


def find_rebuttal(toks: Sequence[Token], cue_index: int) -> bool:
    """Whether the denial at ``cue_index`` targets earlier claims ("denied the report")."""
    if toks[cue_index].low not in REBUT_VERBS:
        return False
    return _generic_object(toks, cue_index + 1)


class Signal(StrEnum):
    """How a clause sets itself against another account."""

    CONTRAST = "contrast"  # "Y, however, said": against the account just before
    CONTRADICTION = "contradiction"  # "disputed that ...": against a related one nearby


def shares_subject(a: str, b: str) -> bool:
    """Whether two texts are about the same thing: they share two content words (one,
    when either has only one), compared by their first five letters ("attacked" meets
    "attacks"; words of fewer than four letters are ignored).

    One shared word is often only the party both speak of: "the employers had offered
    4 percent" and a denial "that the employers had refused to negotiate" are about
    different points.
    """
    sa, sb = _content_stems(a), _content_stems(b)
    return len(sa & sb) >= min(2, len(sa), len(sb)) > 0


def _content_stems(text: str) -> set[str]:
    out = set()
    for w in text.lower().split():
        w = w.strip(".,;:!?\"'“”‘’()[]—–-")
        if len(w) >= 4 and w not in CONTENT_STOPWORDS:
            out.add(w[:5])
    return out


def find_conflict(
    toks: Sequence[Token],
    a: int,
    b: int,
    cue_index: int,
    quoted: Sequence[bool],
    src: tuple[int, int] | None = None,
) -> Signal | None:
    """Whether the clause toks[a:b] gives an account conflicting with another, and how.

    Signals: a contradiction verb as the cue or just after it ("contradicted",
    "disputed that ...", "rejected the claims"), "however" set off right after the
    source ("Y, however, said"), "said the opposite", "no evidence" in what the
    source said.  A sentence-opening "However," contrasts with whatever came before,
    often the writer's own words, so it is not a signal.  Words inside quotation
    marks do not count.  ``Signal.CONTRAST`` ("however", "the opposite", "no evidence")
    sets the clause against the account just before it; ``Signal.CONTRADICTION`` (a
    contradiction verb: "disputed that ...", "denied the claims") against an account
    nearby that shares its subject matter.
    """
    cue = toks[cue_index].low if cue_index < len(toks) else ""
    nxt = toks[cue_index + 1].low if cue_index + 1 < len(toks) else ""
    if cue in CONTRA_VERBS:
        return Signal.CONTRADICTION
    if cue in CONTRA_THAT_VERBS and nxt in CONTRA_OBJECTS:
        return Signal.CONTRADICTION
    for k in range(a, min(b, len(toks))):
        if quoted and k < len(quoted) and quoted[k]:
            continue
        low = toks[k].low
        if (
            low == "however"
            and src is not None
            and src[1] <= k < cue_index
            and toks[k - 1].text == ","
        ):
            return Signal.CONTRAST
        if low == "opposite" and k > 0 and toks[k - 1].low == "the" and 0 < k - cue_index <= 3:
            return Signal.CONTRAST
        if low in CONTRA_VERBS and k > cue_index and k - cue_index <= 3:
            return Signal.CONTRADICTION
        if low == "evidence" and toks[k - 1].low == "no" and 0 < k - cue_index <= 8:
            return Signal.CONTRAST
    return None


def _generic_object(toks: Sequence[Token], i: int) -> bool:
    """Whether the object at ``i`` points back ("the reports", "that account", "its contents").

    "that" or "this" followed by a clause is a complementiser ("confirmed that the
    yard ..."), not a pointer to earlier claims; nor is "it" as the subject of a
    clause ("denied it had refused to negotiate").
    """
    n = len(toks)
    for k in range(i, min(n, i + 4)):
        low = toks[k].low
        if low in {"that", "this"}:
            nxt = toks[k + 1] if k + 1 < n else None
            if nxt is None or not nxt.is_word:
                return True
            return bool(nxt.low in GENERIC_OBJECTS or nxt.low in POINTED_OBJECTS)
        if low == "it" and k + 1 < n and toks[k + 1].low in CLAUSE_VERBS:
            return False  # "denied it had refused to negotiate": "it" opens a clause
        if low in GENERIC_OBJECTS:
            return True
        if low in POINTED_OBJECTS and k > i:
            return True  # "the memo", "its contents": a determiner points back
        if low.endswith(("'s", "’s")) and k + 1 < n and toks[k + 1].low in GENERIC_OBJECTS:
            return True  # "the group's claim": a claim someone made before
        if low not in POINTING_WORDS:
            return False
    return False
