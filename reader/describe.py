"""Claims and articles in words: the publisher line, evidence excerpts, source mentions,
why a claim has its status, the chain's links by name, and what each status means.

Qt-free and shared by the CLI's text output and the window, so both say the same
thing: :func:`status_reasons` is the one place that says why a claim has its status
(the window's detail pane, its tooltips and spoken rows, and the CLI all call it), and
:data:`STATUS_MEANINGS` with :data:`CHAIN_HELP` and :data:`UNCERTAIN_HELP` is the one
text of Help → Statuses and Chains. Offsets come from the engine (or a library written
by an older one): a span that does not fit the text is skipped, never an error.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from reader.model import Article, Claim, Status

if TYPE_CHECKING:
    from datetime import date

#: Longest evidence excerpt, in characters, before it is cut at a word.
EXCERPT_CHARS = 80
#: What ends a sentence (before an optional closing quote).
_SENTENCE_END = ".!?"
_CLOSING_QUOTES = "\"”’')"


def publisher_line(article: Article) -> str:
    """The publisher and the wire it carries: "The Detroit News via Associated Press"."""
    publisher, wire = article.publisher or "", article.wire
    if not wire or wire == publisher:
        return publisher
    return f"{publisher} via {wire}".strip()


def span_bounds(text: str, span: Sequence[int] | None) -> tuple[int, int] | None:
    """``span`` clamped to ``text``; None when it is malformed or empty."""
    if span is None or len(span) != 2:
        return None
    try:
        a, b = max(0, int(span[0])), min(len(text), int(span[1]))
    except (TypeError, ValueError):
        return None
    return (a, b) if a < b else None


def _starts_sentence(text: str, pos: int) -> bool:
    """True when ``pos`` begins a sentence or paragraph (only spaces back to the end of
    the previous one)."""
    i = pos - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    if i < 0 or text[i] == "\n" or text[i] in _SENTENCE_END:
        return True
    return text[i] in _CLOSING_QUOTES and i > 0 and text[i - 1] in _SENTENCE_END


def _ends_sentence(words: str) -> bool:
    return words.rstrip(_CLOSING_QUOTES)[-1:] in tuple(_SENTENCE_END)


def excerpt(text: str, span: Sequence[int], limit: int = EXCERPT_CHARS) -> str | None:
    """The words of ``span`` as a short quotation: “… unable to independently verify …”.

    An ellipsis marks words cut off on either side (the span starts or ends inside a
    sentence, or is longer than ``limit``); whitespace is collapsed to single spaces.
    """
    bounds = span_bounds(text, span)
    if bounds is None:
        return None
    a, b = bounds
    words = " ".join(text[a:b].split())
    if not words:
        return None
    lead = not _starts_sentence(text, a)
    trail = not _ends_sentence(words)
    if len(words) > limit:
        cut = words.rfind(" ", 0, limit)
        words = words[: cut if cut > limit // 2 else limit].rstrip(" ,;:")
        trail = True
    return "“" + ("… " if lead else "") + words + (" …" if trail else "") + "”"


def evidence_excerpts(text: str, claim: Claim, limit: int = EXCERPT_CHARS) -> list[str]:
    """One excerpt per evidence span of ``claim`` that fits ``text``."""
    out = (excerpt(text, span, limit) for span in claim.evidence)
    return [e for e in out if e]


def source_mention(text: str, claim: Claim) -> str | None:
    """The words that name the source in the claim ("he") when they are not the
    resolved source itself ("John Smith"); None otherwise."""
    if not claim.source:
        return None
    bounds = span_bounds(text, claim.source_span)
    if bounds is None:
        return None
    words = " ".join(text[bounds[0] : bounds[1]].split())
    return words if words and words.casefold() != claim.source.casefold() else None


def claim_label(index: int) -> str:
    """A claim as the window numbers it, from 1 (as its status bar does): "claim 4"."""
    return f"claim {index + 1}"


def source_line(text: str, claim: Claim) -> str:
    """The source with its type; an uncertain one also shows the words it was resolved
    from in ``text`` (the article), so the reader can judge the guess: "She → Ann Keller
    (person)". "none given" for an unattributed claim."""
    if not claim.source:
        return "none given"
    name = f"{claim.source} ({claim.source_type})" if claim.source_type else claim.source
    mention = source_mention(text, claim) if claim.uncertain and text else None
    return f"{mention} → {name}" if mention else name


#: What "uncertain" beside a source means (the detail pane, tooltips, the legend).
UNCERTAIN_MEANING = "the engine found this source at a distance or is unsure of it"

#: What the status line says when a claim has no evidence words, by status.
NO_EVIDENCE: dict[str, str] = {
    Status.REPORTED: "Reported: the article neither confirms nor doubts it.",
    Status.UNATTRIBUTED: "Unattributed: the article gives no source for it.",
}


class ReasonKind(StrEnum):
    """What a line of :func:`reasons` says."""

    EVIDENCE = "evidence"  # the words that set the status
    PLAIN = "plain"  # why there are none (reported, unattributed)
    CONFLICT = "conflict"  # a claim this one conflicts with
    UNCERTAIN = "uncertain"  # the source is a guess


@dataclass(frozen=True)
class Reason:
    """One line of why a claim has its status; ``claim``: the claim a conflict names."""

    kind: ReasonKind
    text: str
    claim: int | None = None


def reasons(
    text: str,
    claim: Claim,
    name: Callable[[int], str] = claim_label,
    plain: bool = True,
    uncertain: bool = True,
) -> list[Reason]:
    """Why ``claim`` has its status, one line per reason, said the same way everywhere:
    "Why unconfirmed: “… unable to independently verify …”" per evidence span that fits
    ``text``, "Conflicts with claim 4" per conflicting claim (``name`` numbers it: the
    CLI says "#3"), and "Source uncertain: She → Ann Keller (person); …".

    ``plain``: a claim without evidence gets a line that says why there is none
    ("Reported: the article neither confirms nor doubts it."); the CLI, which lists many
    claims, leaves it out. ``uncertain``: include the uncertain-source line."""
    out = [
        Reason(ReasonKind.EVIDENCE, f"Why {claim.status}: {q}")
        for q in evidence_excerpts(text, claim)
    ]
    if not out and plain:
        status = claim.status
        why = NO_EVIDENCE.get(status, f"{status.capitalize()}: no evidence words recorded.")
        out.append(Reason(ReasonKind.PLAIN, why))
    out += [
        Reason(ReasonKind.CONFLICT, f"Conflicts with {name(i)}", i)
        for i in dict.fromkeys(claim.conflicts_with)
    ]
    if uncertain and claim.uncertain:
        line = f"Source uncertain: {source_line(text, claim)}; {UNCERTAIN_MEANING}."
        out.append(Reason(ReasonKind.UNCERTAIN, line))
    return out


def status_reasons(
    text: str,
    claim: Claim,
    name: Callable[[int], str] = claim_label,
    plain: bool = True,
    uncertain: bool = True,
) -> list[str]:
    """:func:`reasons` as lines of text (the CLI, tooltips, what a screen reader says)."""
    return [r.text for r in reasons(text, claim, name, plain, uncertain)]


def source_as_written(text: str, claim: Claim) -> str | None:
    """The words that name the source in the claim's sentence, as written ("She", "the
    paper"); None when the source is not named there (a quotation's speaker named in
    the sentence before) or the span does not fit ``text``."""
    bounds = span_bounds(text, claim.source_span)
    if bounds is None:
        return None
    return " ".join(text[bounds[0] : bounds[1]].split()) or None


def local_time(stamp: str, today: date | None = None) -> str:
    """A stored UTC ISO time as the reader's local clock shows it: "2 Dec 2026, 06:54"
    (with the zone's abbreviation), or "today, 06:54" / "yesterday, 06:54". The store
    keeps UTC; only the display is local. An unreadable stamp is shown as stored."""
    from datetime import UTC, datetime  # loaded when a time is shown, not at start

    try:
        when = datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    if when.tzinfo is None:  # the store writes UTC; a naive stamp is UTC too
        when = when.replace(tzinfo=UTC)
    local = when.astimezone()  # the system's zone (TZ), not Qt's
    today = today or datetime.now().astimezone().date()
    clock = local.strftime("%H:%M")
    zone = local.strftime("%Z")
    days = (today - local.date()).days
    if days == 0:
        day = "today"
    elif days == 1:
        day = "yesterday"
    else:
        day = f"{local.day} {local.strftime('%b %Y')}"
    return f"{day}, {clock} {zone}".rstrip()


class LinkRole(StrEnum):
    """What a link of the provenance chain is."""

    PUBLISHER = "publisher"
    WIRE = "wire service"
    OUTLET = "outlet"
    RELAY = "relayed by"
    SOURCE = "source"
    OUTLET_SOURCE = "outlet and source"
    PUBLISHER_SOURCE = "publisher and source"


#: What each role in the chain did, in a few words (the detail pane and the legend).
LINK_MEANINGS: dict[LinkRole, str] = {
    LinkRole.PUBLISHER: "ran the article",
    LinkRole.WIRE: "the wire service whose copy the publisher ran",
    LinkRole.OUTLET: "the news organisation the information came through",
    LinkRole.RELAY: "passed the information on",
    LinkRole.SOURCE: "where the information comes from",
    LinkRole.OUTLET_SOURCE: "the outlet reported it as its own",
    LinkRole.PUBLISHER_SOURCE: "the publisher's own reporting",
}


def chain_links(
    claim: Claim, publisher: str | None, wire: str | None
) -> list[tuple[LinkRole, str]]:
    """Each link of ``claim``'s chain (publisher first, origin last) with its role: the
    article's ``publisher`` and ``wire``, the claim's outlet and its source; anything
    else between them relayed it. The last link after the publisher is where the
    information comes from (the engine puts the source there), named or not."""
    out: list[tuple[LinkRole, str]] = []
    last = len(claim.chain) - 1
    for i, link in enumerate(claim.chain):
        is_source = link == claim.source or (i == last and i > 0)
        if publisher and link == publisher:
            role = LinkRole.PUBLISHER_SOURCE if is_source and i == last else LinkRole.PUBLISHER
        elif wire and link == wire:
            role = LinkRole.WIRE
        elif is_source:
            role = LinkRole.OUTLET_SOURCE if link == claim.outlet else LinkRole.SOURCE
        elif link == claim.outlet:
            role = LinkRole.OUTLET
        elif i == 0:
            role = LinkRole.PUBLISHER  # a library from before publishers were stored
        else:
            role = LinkRole.RELAY
        out.append((role, link))
    return out


def chain_line(claim: Claim) -> str:
    """The chain as one line, nearest first: "Insider ← The Wall Street Journal ← …"."""
    return " ← ".join(claim.chain)


# --- Help → Statuses and Chains ---------------------------------------------------------

#: What each status means, as the engine decides it (reader.attribution.status and the
#: engine); the legend, the help sheet and docs say it in these words.
STATUS_MEANINGS: dict[Status, str] = {
    Status.REPORTED: (
        "Someone is named as the source (a person, an official, an outlet, a document) and "
        "the article neither confirms nor doubts what they said. No evidence words: the "
        "attribution itself is all there is."
    ),
    Status.UNCONFIRMED: (
        'The writer says the information could not be verified or confirmed ("was unable '
        'to independently verify the reports"). A note that names an outlet covers every '
        'claim that came through that outlet, before or after it; a note about "the '
        'reports" covers the claims of the outlet cited last (or, if that is the '
        "publisher, the claims just before it from the same source). Evidence: the note."
    ),
    Status.CONFIRMED: (
        'The writer or the publisher says it confirmed the information itself ("The '
        'Courier has independently confirmed …"): that sentence, and the claims its object '
        'points back to ("confirmed their account"). A source confirming something is '
        "only reported. Evidence: the confirmation."
    ),
    Status.DISPUTED: (
        "The article gives a conflicting account: a party rejects the report the claim "
        'comes from ("the company denied the report"), or two parties contradict each '
        'other (", however, said", "disputed that", "said the opposite", "no '
        'evidence"). Both sides are disputed and each names the other under "conflicts '
        'with". Evidence: the rebuttal or the other account.'
    ),
    Status.DENIED: (
        'The claim is itself a party\'s denial ("Lindmark denied receiving any request"). '
        "A denial stands: no later note or conflict changes it. Evidence: the denial word."
    ),
    Status.UNATTRIBUTED: (
        "A checkable statement (numbers, dates, named events) with no source given: the "
        "article asserts it on its own authority. No evidence words."
    ),
}

#: How statuses found later in the article replace earlier ones (status.prevails).
PRECEDENCE_HELP = (
    "When the text says more about a claim later on, the new status replaces the old one "
    "only if it says at least as much: denied, then disputed, then confirmed or "
    "unconfirmed (the later note wins), then reported, then unattributed. The status "
    "comes from the text alone: it is not a judgement of truth. That is your verdict."
)

#: What the chain is and how to read it.
CHAIN_HELP = (
    'The chain is how the information reached you, read from left to right as "got it '
    'from": Northgate Daily ← The Meridian Journal ← unnamed officials means Northgate '
    "Daily (the publisher, which ran the article) got it from The Meridian Journal (the "
    "outlet it cites), which got it from unnamed officials (the source). A wire service "
    "appears after the publisher that ran its copy; other links in between relayed it. "
    "The further the source is from the publisher, the more hands the claim passed through."
)

#: What "uncertain" beside a source means.
UNCERTAIN_HELP = (
    f'"Uncertain" beside a source means {UNCERTAIN_MEANING}: it resolved a word such as '
    '"she" or "the official" to a name found sentences away, or made a weak guess. '
    "The detail pane shows the words as written and the source they were resolved to "
    '("She → Ann Keller"), so you can judge the guess against the article.'
)

#: What the article's marks for the current claim mean; ``{go_to_evidence}``: the keys
#: of that action as the user has them (the window fills it in).
MARKS_HELP = (
    "In the article the current claim is highlighted; its source as written is underlined "
    "in its own colour, and its evidence (the words that set its status) is tinted in the "
    "status colour with a wavy underline. Press {go_to_evidence} to jump to the evidence "
    "and again to "
    "come back."
)
