"""What the cue rules work on and what they find.

:class:`SentenceView` is one sentence as every rule sees it (tokens, quotation mask,
the registry); :class:`Attribution` is one attribution found in it: the cue, the
source mention and which side of the cue the reported content stands on.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from reader.attribution.outlets import OutletMention, OutletRegistry
from reader.attribution.segment import Token


class CueKind(StrEnum):
    """The grammatical shape of a cue."""

    VERB = "verb"  # "X said", "..., X said.", "said X"
    PREP = "prep"  # "according to X", "per X"
    CITING = "citing"  # "citing X": folds into the cue before it
    PARTICIPLE = "participle"  # ", adding that ...": shares the clause's source
    LABEL = "label"  # "PENCE: ..."
    DASH = "dash"  # "“...” ― Jane Doe"
    SUBJECT = "subject"  # a subject and its stance verb: "X championed ..."
    POSSESSIVE = "possessive"  # "X's claim that ..."


@dataclass
class SentenceView:
    """One sentence as the rules see it.

    ``quoted`` marks tokens inside quotation marks (cues there are someone's quoted
    words); ``title`` says the sentence is a headline in title case, where capitals
    are no sign of a name; ``found`` is what the token rules found so far.
    """

    toks: Sequence[Token]
    quoted: Sequence[bool]
    para_start: bool
    registry: OutletRegistry
    title: bool = False
    found: list[Attribution] = field(default_factory=list)

    @classmethod
    def of(
        cls,
        toks: Sequence[Token],
        para_start: bool,
        registry: OutletRegistry,
        quoted: Sequence[bool] = (),
    ) -> SentenceView:
        ws = [t for t in toks if t.is_word and len(t.text) > 3]
        title = len(ws) >= 3 and all(t.is_cap for t in ws)
        return cls(toks, list(quoted) or [False] * len(toks), para_start, registry, title)


@dataclass
class Attribution:
    """One attribution found in a sentence (offsets are absolute)."""

    cue: str
    cue_start: int
    cue_end: int
    cue_index: int  # token index of the (first) cue token
    lemma: str
    src: tuple[int, int] | None  # token index range [a, b) of the source mention
    trailing: bool  # content stands before the cue (", X said.")
    kind: CueKind = CueKind.VERB
    recipient: OutletMention | None = None  # outlet the source spoke to
    recipient_np: tuple[int, int] | None = None  # token range of a non-outlet recipient
    merged: list[Attribution] = field(default_factory=list)
    shared: bool = False  # the source mention belongs to the previous clause
    name: tuple[int, int] | None = None  # the name inside an appositive source span
    appos: tuple[int, int] | None = None  # the description beside the name ("the mayor")
    rule: str = ""  # the name of the cue rule that found it (reader.attribution.rules)
    #: A trailing tag on this attribution's content: whom the words came through
    #: ("X said A, according to Reuters": Reuters relays X).
    relay: Attribution | None = None

    @classmethod
    def at(
        cls,
        toks: Sequence[Token],
        i: int,
        *,
        lemma: str,
        src: tuple[int, int] | None,
        kind: CueKind,
        trailing: bool = False,
    ) -> Attribution:
        """An attribution whose cue is the single token ``toks[i]``."""
        t = toks[i]
        return cls(t.text, t.start, t.end, i, lemma, src, trailing, kind)

    @property
    def region(self) -> tuple[int, int]:
        """Token range covered by source and cue together."""
        lo, hi = self.cue_index, self.cue_index + 1
        if self.src is not None and not self.shared:
            lo, hi = min(lo, self.src[0]), max(hi, self.src[1])
        return lo, hi
