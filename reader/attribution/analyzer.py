"""Find the attributions in one sentence by running the cue rules of
:mod:`reader.attribution.rules` in their phases, then pruning nested cues."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from reader.attribution.clauses import after_intro
from reader.attribution.cue import Attribution, CueKind, SentenceView
from reader.attribution.lexicon import (
    CLOSE_QUOTES,
    CONJ_SKIP,
    DETERMINERS,
    PERSONAL_PRONOUNS,
    SENTENCE_ADVERBS,
)
from reader.attribution.outlets import OutletRegistry
from reader.attribution.rules import RULES, ClauseRule, Phase, TokenRule, check_names
from reader.attribution.segment import Token


class SentenceAnalyzer:
    """Finds attributions in the tokens of one sentence.

    ``disabled`` names rules to leave out (see :data:`reader.attribution.rules.RULES`),
    so each rule's contribution can be measured on the same scorers.
    """

    def __init__(self, registry: OutletRegistry, disabled: Collection[str] = ()) -> None:
        self.registry = registry
        check_names(disabled)
        on = [r for r in RULES if r.name not in disabled]
        self.token_rules = [r for r in on if isinstance(r, TokenRule)]
        # which tokens any token rule can fire on: others are skipped without a call
        self.open = any(not (r.words or r.endings or r.marks) for r in self.token_rules)
        self.gate_words = frozenset().union(*(r.words for r in self.token_rules))
        self.gate_endings = tuple(e for r in self.token_rules for e in r.endings)
        self.gate_marks = frozenset().union(*(r.marks for r in self.token_rules))
        self.phases = {
            phase: [r for r in on if isinstance(r, ClauseRule) and r.phase == phase]
            for phase in (Phase.OPENING, Phase.BEFORE_PRUNE, Phase.AFTER_PRUNE)
        }

    def find(
        self, toks: Sequence[Token], para_start: bool, quoted: Sequence[bool] = ()
    ) -> list[Attribution]:
        """All attributions in a sentence, in cue order, nested ones removed.

        ``quoted`` marks tokens inside quotation marks: cues there are part of
        someone's quoted words, not attributions of this sentence.
        """
        s = SentenceView.of(toks, para_start, self.registry, quoted)
        found: list[Attribution] = []
        for rule in self.phases[Phase.OPENING]:
            found = rule.apply(s, found)
        s.found = found
        n = len(toks)
        i = 0
        while i < n:
            t = toks[i]
            if s.quoted[i] or not (
                self.open
                or t.low in self.gate_words
                or t.text in self.gate_marks
                or t.low.endswith(self.gate_endings)
            ):
                i += 1
                continue
            token_rule = next((r for r in self.token_rules if r.applies(s, i)), None)
            att = token_rule.find(s, i) if token_rule is not None else None
            if att is None or token_rule is None:
                i += 1
                continue
            att.rule = att.rule or token_rule.name
            found.append(att)
            i = max(i + 1, att.region[1] if att.kind != CueKind.VERB else i + 1)
        for rule in self.phases[Phase.BEFORE_PRUNE]:
            found = rule.apply(s, found)
        kept = prune(toks, found)
        for rule in self.phases[Phase.AFTER_PRUNE]:
            kept = rule.apply(s, kept)
        return kept


def prune(toks: Sequence[Token], found: list[Attribution]) -> list[Attribution]:
    """Drop nested cues, fold participles and "citing" into their main cue."""
    found.sort(key=lambda a: a.cue_index)
    kept: list[Attribution] = []
    for a in found:
        if kept and a.src is not None and kept[-1].src is not None:
            p = kept[-1]
            if a.src[0] < p.region[1] and a.src[1] > p.region[0]:
                continue  # overlapping mentions: keep the first
        if a.kind == CueKind.PARTICIPLE:
            if kept:
                # ", adding that ..." is a clause of its own with the same source.
                a.src = kept[-1].src
                a.shared = True
                kept.append(a)
                continue
            if any(b.cue_index > a.cue_index and b.trailing for b in found):
                continue  # "X did A, hoping B, the paper reported": inside the content
            subj = _subject(toks, a.cue_index)
            if subj is None:
                continue
            a.src = subj
            kept.append(a)
            continue
        if a.kind == CueKind.CITING:
            if kept and a.cue_index - kept[-1].region[1] <= 3:
                kept[-1].merged.append(a)
                continue
            if any(b.cue_index > a.cue_index and b.kind != CueKind.CITING for b in found):
                continue  # "Citing X, Y said ...": Y is the source
            kept.append(a)
            continue
        if kept and not _separate(toks, kept[-1], a):
            p = kept[-1]
            if not (
                a.src is not None
                and p.src is not None
                and p.src[1] - p.src[0] == 1
                and toks[p.src[0]].low == "who"
                and a.src[1] == p.src[0] - 1
                and a.cue_index > p.cue_index
            ):
                continue
            # "X, who has long opposed it, blasted ...": the main clause after
            # the relative one; the name's mention is in the clause before.
            a.shared = True
        kept.append(a)
    return kept


def _subject(toks: Sequence[Token], limit: int) -> tuple[int, int] | None:
    """The sentence subject (first NP), for ", saying ..." participles."""
    k = after_intro(toks, limit)
    while k < limit and (not toks[k].is_word or toks[k].low in SENTENCE_ADVERBS):
        k += 1
    if k >= limit:
        return None
    if toks[k].low in PERSONAL_PRONOUNS:
        return (k, k + 1)
    b = k
    while (
        b < limit
        and b < k + 6
        and toks[b].is_word
        and (toks[b].is_cap or toks[b].low in {"the", "of"})
    ):
        b += 1
    if b == k or not toks[b - 1].is_cap or toks[b - 1].low in DETERMINERS:
        return None  # "The crash comes ..., raising ...": "The" is no subject
    return (k, b)


def _separate(toks: Sequence[Token], p: Attribution, a: Attribution) -> bool:
    """Whether ``a`` is a clause of its own, not nested in ``p``'s content."""
    if p.trailing or p.kind == CueKind.LABEL:
        return p.kind != CueKind.LABEL
    start = a.region[0]
    # Leading p: a is nested in p's content unless a clause boundary precedes it.
    k = start - 1
    while k > p.region[1] and toks[k].low in CONJ_SKIP:
        k -= 1
    # A comma set inside the closing quote ('..., “it is late,” but he said ...').
    if k > p.region[1] + 1 and toks[k].text in CLOSE_QUOTES and toks[k - 1].text == ",":
        k -= 1
    if k > p.region[1] and toks[k].text in {",", ";", "—", "–", "―"}:
        return True
    return a.kind == CueKind.PREP and a.trailing
