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

from reader.attribution.lexicon import words
from reader.attribution.segment import Token

UNCONFIRMED = "unconfirmed"
CONFIRMED = "confirmed"
DISPUTED = "disputed"

_NEG = words(
    """
    unable not n't cannot couldn't can't hasn't haven't didn't wasn't weren't hadn't never
    no nor
    """
)
_VERIFY = words(
    """
    verify verified confirm confirmed corroborate corroborated authenticate authenticated
    substantiate substantiated
    """
)
_FILLER = words(
    """
    to be been independently immediately yet able was were is are has have had could can did
    does not n't separately itself fully
    """
)
_POSITIVE_SUBJECTS = frozenset({"we", "this", "our"})
_REBUT = words(
    """
    denied denies deny rejected rejects dismissed dismisses refuted refutes disputed
    disputes contradicted contradicts contested
    """
)
#: Words between a rebuttal verb and its object that keep it pointing back.
_POINTING_WORDS = words(
    "the these those its their such any of all earlier previous latest new media news initial"
)
_GENERIC_OBJECTS = words(
    """
    report reports claim claims allegation allegations account accounts it this that them
    those these story stories information details figures assertion assertions reporting
    report's video footage claims. charge charges
    """
)


#: Objects that point back only with a determiner ("the memo", "its contents").
_POINTED_OBJECTS = words(
    """
    contents content memo memos document documents letter letters email emails records
    recording recordings authenticity findings figure numbers data version accounts
    statements statement description descriptions quote quotes remarks comments memo's
    document's letter's
    """
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
            if subj is None or not (
                subj.text in publisher_tokens or subj.low in _POSITIVE_SUBJECTS
            ):
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


_CONTRA_VERBS = words(
    """
    contradicted contradicts contradict contradicting disagreed disagrees countered counters
    rebutted rebuts refuted refutes
    """
)
_CONTRA_THAT = words(
    """
    disputed disputes dispute denied denies deny rejected rejects contested contests
    """
)


def find_conflict(
    toks: Sequence[Token], a: int, b: int, cue_index: int, quoted: Sequence[bool]
) -> bool:
    """Whether the clause toks[a:b] gives an account conflicting with the one before.

    Cues: "however" beside the attribution, "said the opposite", "contradicted",
    "disagreed", "countered", "disputed that ...", "rejected the idea ...".
    Words inside quotation marks do not count.
    """
    cue = toks[cue_index].low if cue_index < len(toks) else ""
    nxt = toks[cue_index + 1].low if cue_index + 1 < len(toks) else ""
    if cue in _CONTRA_VERBS:
        return True
    if cue in _CONTRA_THAT and nxt in {"that", "the", "claims", "suggestions", "any"}:
        return True
    for k in range(a, min(b, len(toks))):
        if quoted and k < len(quoted) and quoted[k]:
            continue
        low = toks[k].low
        if low == "however" and abs(k - cue_index) <= 6:
            return True
        if low == "opposite" and k > 0 and toks[k - 1].low == "the" and 0 < k - cue_index <= 3:
            return True
        if low in _CONTRA_VERBS and k > cue_index and k - cue_index <= 3:
            return True
    return False


def _generic_object(toks: Sequence[Token], i: int) -> bool:
    """Whether the object at ``i`` points back ("the reports", "that account", "its contents").

    "that" or "this" followed by a clause is a complementiser ("confirmed that the
    yard ..."), not a pointer to earlier claims.
    """
    n = len(toks)
    for k in range(i, min(n, i + 4)):
        low = toks[k].low
        if low in {"that", "this"}:
            nxt = toks[k + 1] if k + 1 < n else None
            if nxt is None or not nxt.is_word:
                return True
            return bool(nxt.low in _GENERIC_OBJECTS or nxt.low in _POINTED_OBJECTS)
        if low in _GENERIC_OBJECTS:
            return True
        if low in _POINTED_OBJECTS and k > i:
            return True  # "the memo", "its contents": a determiner points back
        if low not in _POINTING_WORDS:
            return False
    return False
