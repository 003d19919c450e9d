"""The cue rules: one table, each rule named, with an example it finds, switchable.

A sentence is analysed in phases (:class:`Phase`): the opening rules see the whole
sentence first; then each token outside quotation marks is offered to the token
rules in table order, and the first whose cheap test ``applies`` decides; then the
clause rules add or split clauses around what was found.  Turning a rule off
(``SentenceAnalyzer(registry, disabled={"per"})``, ``RuleFinder(disabled=...)``)
measures what it contributes on the scorers; the tests check that every rule's
example is found only with that rule on.

To add a cue shape: write its function in ``cue_rules`` (a token rule) or
``clause_rules`` (a clause rule), its words in ``lexicon``, and a row here.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from enum import StrEnum

from reader.attribution import clause_rules as cl
from reader.attribution import cue_rules as cr
from reader.attribution.cue import Attribution, SentenceView
from reader.attribution.lexicon import POSSESSIVE_PRONOUNS, REPORTING_VERBS, SUBJECT_VERBS


class Phase(StrEnum):
    """When a rule runs in the analysis of a sentence."""

    OPENING = "opening"  # once, before the token scan
    TOKEN = "token"  # at each token outside quotes; the first rule that applies decides
    BEFORE_PRUNE = "before-prune"  # on every cue found, nested ones included
    AFTER_PRUNE = "after-prune"  # on the cues kept: add or split clauses


@dataclass(frozen=True)
class TokenRule:
    """A cue shape tried at a token: ``applies`` is a cheap test, ``find`` builds it.

    ``words``, ``endings`` and ``marks`` say which tokens the rule can fire on at all
    (lower-case words, word endings, punctuation); a rule that names none of them is
    tried at every token.  The analyzer skips tokens no rule can fire on.
    """

    name: str
    example: str
    applies: Callable[[SentenceView, int], bool]
    find: Callable[[SentenceView, int], Attribution | None]
    phase: Phase = Phase.TOKEN
    words: frozenset[str] = frozenset()
    endings: tuple[str, ...] = ()
    marks: frozenset[str] = frozenset()


@dataclass(frozen=True)
class ClauseRule:
    """A rule on a sentence's attributions: returns them with clauses added or split."""

    name: str
    example: str
    phase: Phase
    apply: Callable[[SentenceView, list[Attribution]], list[Attribution]]


Rule = TokenRule | ClauseRule

#: Every cue rule, in the order it runs within its phase.
RULES: tuple[Rule, ...] = (
    ClauseRule(
        "speaker-label",
        "MAYOR LENA PARK: The bridge reopens on Monday.",
        Phase.OPENING,
        cl.speaker_label_first,
    ),
    TokenRule(
        "according-to",
        "The plant will close in March, according to two people briefed on the plan.",
        cr.is_according,
        cr.according_to,
        words=frozenset({"according"}),
    ),
    TokenRule(
        "speech-noun",
        "Park's admission that the bridge was unsafe stunned the council.",
        cr.is_speech_noun,
        cr.speech_noun,
        words=POSSESSIVE_PRONOUNS,
        endings=("'s", "’s"),
    ),
    TokenRule(
        "per",
        "Ticket sales doubled last year, per the Harbor League.",
        cr.is_per,
        cr.per,
        words=frozenset({"per"}),
    ),
    TokenRule(
        "citing",
        "Fares will rise in May, the Northgate Ledger reported, citing two transit officials.",
        cr.is_citing,
        cr.citing,
        words=frozenset({"citing"}),
    ),
    TokenRule(
        "quote-dash",
        "“We will rebuild every house on this street.” ― Lena Park",
        cr.is_quote_dash,
        cr.quote_dash,
        marks=frozenset({"―", "—"}),
    ),
    TokenRule(
        "passive-agent",
        "The fare rise was first reported by the Northgate Ledger.",
        cr.is_passive_agent,
        cr.passive_agent,
        words=frozenset(SUBJECT_VERBS),
    ),
    TokenRule(
        "reporting-verb",
        "The mayor said the bridge would reopen on Monday.",
        cr.is_reporting_verb,
        cr.reporting_verb,
        words=frozenset(REPORTING_VERBS),
    ),
    TokenRule(
        "speaker-participle",
        "“We are finished here,” Park said on Friday, summing up a week of failed talks.",
        cr.is_speaker_participle,
        cr.speaker_participle,
        endings=("ing",),
    ),
    ClauseRule(
        "subject-of-participle",
        "Park filed a motion on Friday, arguing that the vote was void.",
        Phase.BEFORE_PRUNE,
        cl.subject_of_participle,
    ),
    ClauseRule(
        "subject-verb",
        "Park championed the new budget for years.",
        Phase.AFTER_PRUNE,
        cl.subject_verb_fallback,
    ),
    ClauseRule(
        "subordinate-clause",
        "The council met on Monday as Park discussed the budget.",
        Phase.AFTER_PRUNE,
        cl.subordinate_clauses,
    ),
    ClauseRule(
        "coordinated-verb",
        "Park criticized the budget and called for a new vote.",
        Phase.AFTER_PRUNE,
        cl.coordinated_verbs,
    ),
    ClauseRule(
        "relative-clause",
        "Park, who has long championed the tax, said it would fail.",
        Phase.AFTER_PRUNE,
        cl.relative_clauses,
    ),
    ClauseRule(
        "opening-participle",
        "Lamenting the delay, Park said the city would sue the builder.",
        Phase.AFTER_PRUNE,
        cl.opening_participle,
    ),
)

RULE_NAMES: frozenset[str] = frozenset(r.name for r in RULES)


def check_names(names: Collection[str]) -> None:
    """Refuse an unknown rule name (a typo would silently measure nothing)."""
    unknown = sorted(set(names) - RULE_NAMES)
    if unknown:
        raise ValueError(f"unknown cue rule(s): {', '.join(unknown)}")
