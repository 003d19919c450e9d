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
the preceding claims from the same source, back to the previous note.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reader.attribution.segment import Token

UNCONFIRMED = "unconfirmed"
CONFIRMED = "confirmed"
DISPUTED = "disputed"

_NEG = frozenset(
    {"unable", "not", "n't", "cannot", "couldn't", "can't", "hasn't", "haven't", "didn't",
     "wasn't", "weren't", "hadn't", "never", "no", "nor"}
)
_VERIFY = frozenset(
    {"verify", "verified", "confirm", "confirmed", "corroborate", "corroborated",
     "authenticate", "authenticated", "substantiate", "substantiated"}
)
_FILLER = frozenset(
    {"to", "be", "been", "independently", "immediately", "yet", "able", "was", "were",
     "is", "are", "has", "have", "had", "could", "can", "did", "does", "not", "n't",
     "separately", "itself", "fully"}
)
_POSITIVE_SUBJECTS = frozenset({"we", "this", "our"})
_REBUT = frozenset(
    {"denied", "denies", "deny", "rejected", "rejects", "dismissed", "dismisses", "refuted",
     "refutes", "disputed", "disputes", "contradicted", "contradicts", "contested"}
)
_GENERIC_OBJECTS = frozenset(
    {"report", "reports", "claim", "claims", "allegation", "allegations", "account",
     "accounts", "it", "this", "that", "them", "those", "these", "story", "stories",
     "information", "details", "figures", "assertion", "assertions", "reporting",
     "report's", "video", "footage", "claims.", "charge", "charges"}
)


@dataclass(frozen=True, slots=True)
class Note:
    """A verification note or rebuttal found in a sentence."""

    kind: str  # UNCONFIRMED | CONFIRMED | DISPUTED
    verb_index: int  # token index of the verify/deny verb
    object_start: int  # token index where the object NP starts (may be len(toks))
    generic: bool  # the object is "the reports"/"the claims"/"it"


def find_note(toks: Sequence[Token], publisher_tokens: frozenset[str]) -> Note | None:
    """A verification note in a sentence: "X could not independently verify ..."."""
    n = len(toks)
    for i, t in enumerate(toks):
        low = t.low
        if low not in _VERIFY:
            continue
        k = i - 1
        negated = False
        passive = False
        while k >= 0 and i - k <= 6:
            lk = toks[k].low
            if lk in _NEG or lk.endswith("n't"):
                negated = True
            elif lk in {"be", "been"}:
                passive = True
            elif lk not in _FILLER:
                break
            k -= 1
        if not negated:
            # Positive: only the writer's own confirmation counts ("we", the publisher).
            subj = toks[k] if k >= 0 else None
            if subj is None or not (subj.text in publisher_tokens
                                    or subj.low in _POSITIVE_SUBJECTS):
                continue
            kind = CONFIRMED
        else:
            kind = UNCONFIRMED
        if passive:
            generic = any(tk.low in _GENERIC_OBJECTS for tk in toks[max(0, k - 4) : k + 1])
            return Note(kind, i, max(0, k - 4), generic)
        obj = i + 1
        generic = _generic_object(toks, obj)
        return Note(kind, i, obj if obj < n else n, generic)
    return None


def find_rebuttal(toks: Sequence[Token], cue_index: int) -> bool:
    """Whether the denial at ``cue_index`` targets earlier claims ("denied the report")."""
    if toks[cue_index].low not in _REBUT:
        return False
    return _generic_object(toks, cue_index + 1)


def _generic_object(toks: Sequence[Token], i: int) -> bool:
    n = len(toks)
    for k in range(i, min(n, i + 4)):
        low = toks[k].low
        if low in _GENERIC_OBJECTS:
            return True
        if low not in {"the", "these", "those", "its", "their", "such", "any", "of", "all",
                       "earlier", "previous", "latest", "new", "media", "news", "initial"}:
            return False
    return False
