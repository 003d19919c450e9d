"""Per-article names the registry cannot know: unknown outlets, companies, states.

One linear pre-pass over the article's tokens finds

- **outlets** the registry lacks: a proper-noun phrase whose head is a news
  word ("The Meridian Journal", "Northgate Daily", "the Coastal Trade
  Monitor"), and the publisher itself; each gets its short form as an alias
  ("the Journal", "the Ledger") so later references resolve to it before the
  registry's namesake;
- **companies**: a proper-noun phrase ending in a corporate word ("Kestrel
  Therapeutics", "Acme Corp."), so that the bare first word ("Kestrel") is
  an organisation, not a person;
- **governments**: capitalised words used as states ("X's cabinet", "the
  Republic of X", "X's defence ministry"), spread to the other members of a
  list they appear in ("A, B and the Republic of C").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from reader.attribution.lexicon import (
    COMPANY_HEADS,
    COUNTRIES,
    JOURNALIST_ROLES,
    MONTHS,
    NAME_LINKS,
    NEWS_PAIR_HEADS,
    ORGANIZATION_HEADS,
    OUTLET_POSSESSED,
    OUTLET_PREVIOUS,
    OUTLET_REPORT_VERBS,
    OUTLET_SUBJECT_VERBS,
    SENTENCE_ADVERBS,
    STATE_NOUNS,
    STATE_PREFIXES,
    STRONG_NEWS_HEADS,
    WEAK_NEWS_HEADS,
    WEEKDAYS,
)
from reader.attribution.outlets import OutletRegistry
from reader.attribution.segment import Token, base_word
from reader.model import SourceType

#: Longest proper-noun phrase looked at.
_MAX_RUN = 7


@dataclass
class ArticleNames:
    """What the pre-pass found: outlet entries and word -> type for names."""

    outlets: list[dict[str, Any]] = field(default_factory=list)
    types: dict[str, SourceType] = field(default_factory=dict)  # "Kestrel" -> organization


def _runs(toks: Sequence[Token]) -> list[tuple[int, int]]:
    """Maximal capitalised word runs [a, b), allowing inner "of"/"&"."""
    out: list[tuple[int, int]] = []
    n = len(toks)
    i = 0
    while i < n:
        t = toks[i]
        if not (t.is_cap and t.is_word):
            i += 1
            continue
        b = i + 1
        while b < n and b - i < _MAX_RUN and not toks[b - 1].low.endswith(("'s", "’s")):
            tb = toks[b]
            if tb.is_cap and tb.is_word:
                b += 1
            elif (
                tb.low in NAME_LINKS
                and b + 1 < n
                and toks[b + 1].is_cap
                and toks[b + 1].is_word
                and tb.low != "of"
            ):
                b += 2
            else:
                break
        out.append((i, b))
        i = b
    return out


def _outlet_context(toks: Sequence[Token], a: int, b: int) -> bool:
    """Whether the phrase toks[a:b] stands where outlets stand."""
    last = toks[b - 1]
    if last.low.endswith(("'s", "’s")):
        return b < len(toks) and toks[b].low in OUTLET_POSSESSED
    k = a - 1
    if k >= 0 and toks[k].low == "the":
        k -= 1
    if k >= 0 and toks[k].low in OUTLET_PREVIOUS:
        return True
    k = b
    steps = 0
    while k < len(toks) and steps < 3:
        low = toks[k].low
        if low in OUTLET_REPORT_VERBS:
            return True
        if low not in OUTLET_SUBJECT_VERBS and low not in {"has", "had", "have", "not"}:
            return False
        k += 1
        steps += 1
    return False


def _head_words(name: str) -> list[str]:
    return [w for w in name.split() if w.lower() != "the"]


def outlet_entry(name: str) -> dict[str, Any]:
    """A registry entry for an outlet found in the text, with its short forms."""
    words = _head_words(name)
    aliases = [" ".join(words)]
    head = words[-1] if words else name
    if len(words) > 1:
        low = head.lower()
        if low in STRONG_NEWS_HEADS or low in WEAK_NEWS_HEADS:
            aliases.append(f"the {head}")
        if len(words) > 2 and (words[-2].lower(), low) in NEWS_PAIR_HEADS:
            aliases.append(f"the {words[-2]} {head}")
    return {"name": name, "aliases": aliases, "kind": "discovered"}


def discover(
    sentences: Sequence[Sequence[Token]], registry: OutletRegistry, publisher: str | None
) -> ArticleNames:
    """Scan the article once for outlets, companies and states the registry lacks."""
    found = ArticleNames()
    seen: set[str] = set()
    lists: list[list[str]] = []
    states: set[str] = set()
    if publisher and registry.canonical(publisher) is None:
        found.outlets.append(outlet_entry(publisher))
        seen.add(" ".join(_head_words(publisher)).lower())
    for toks in sentences:
        for a, b in _runs(toks):
            _phrase(toks, a, b, registry, found, seen, states)
        _collect_lists(toks, lists, states)
    # Spread "state" to list partners: "held with A, B and the Republic of C".
    for items in lists:
        if any(x in states or x.lower() in COUNTRIES for x in items):
            for x in items:
                if x not in found.types:
                    states.add(x)
    for s in states:
        found.types.setdefault(s, SourceType.GOVERNMENT)
    return found


def _phrase(
    toks: Sequence[Token],
    a: int,
    b: int,
    registry: OutletRegistry,
    found: ArticleNames,
    seen: set[str],
    states: set[str],
) -> None:
    """Classify one capitalised run."""
    while (
        a < b
        and (toks[a].low in SENTENCE_ADVERBS or toks[a].low in MONTHS or toks[a].low in WEEKDAYS)
        and toks[a].low != "the"
    ):
        a += 1
    if a >= b:
        return
    the = toks[a].low == "the"
    core = a + 1 if the else a
    if core >= b:
        return
    words = [base_word(t.text) if k == b - 1 else t.text for k, t in enumerate(toks[core:b], core)]
    lows = [w.lower() for w in words]
    head = lows[-1]
    # Companies: "Kestrel Therapeutics" makes "Kestrel" an organisation; so does a
    # company noun before the name ("financial firm JP Morgan", "the label Big Machine").
    if (len(words) >= 2 and head in COMPANY_HEADS) or (
        a > 0 and toks[a - 1].low in ORGANIZATION_HEADS and not toks[a - 1].is_cap
    ):
        found.types.setdefault(words[0], SourceType.ORGANIZATION)
        found.types.setdefault(" ".join(words), SourceType.ORGANIZATION)
    # States: "X's cabinet", "the Republic of X".
    if (
        b < len(toks)
        and toks[b - 1].low.endswith(("'s", "’s"))
        and len(words) == 1
        and toks[b].low in STATE_NOUNS
    ):
        states.add(words[0])
    if (
        lows[0] in STATE_PREFIXES
        and b - core == 1
        and b + 1 < len(toks)
        and toks[b].low == "of"
        and toks[b + 1].is_cap
    ):
        states.add(base_word(toks[b + 1].text))
    # Outlets.
    if _journalist_context(toks, a) or (
        len(words) == 1
        and a > 0
        and toks[a - 1].low == "the"
        and head in STRONG_NEWS_HEADS
        and _outlet_context(toks, a, b)
    ):
        # "a reporter for Kestrel Wire", "reports for NPR"; "the Ledger reported"
        lone = len(words) == 1 and not the and a > 0 and toks[a - 1].low == "the"
        _add_outlet(toks, a - 1 if lone else a, words, the or lone, registry, found, seen)
        return
    if len(words) < 2:
        return
    pair = (lows[-2], head) in NEWS_PAIR_HEADS
    strong = head in STRONG_NEWS_HEADS or pair
    if not strong and not (head in WEAK_NEWS_HEADS and _outlet_context(toks, a, b)):
        return
    if b < len(toks) and toks[b].low == "of" and not pair:
        return  # "Journal of Medicine", "Times of India" is in the registry
    _add_outlet(toks, a, words, the, registry, found, seen)


def _add_outlet(
    toks: Sequence[Token],
    a: int,
    words: Sequence[str],
    the: bool,
    registry: OutletRegistry,
    found: ArticleNames,
    seen: set[str],
) -> None:
    """Record the outlet ``words`` names, unless the registry or the article has it."""
    core = a + 1 if the else a
    m = registry.match(toks, core)
    if m is not None and m.last_token >= core + len(words):
        return
    key = " ".join(words).lower()
    if key in seen:
        return
    seen.add(key)
    name = " ".join(words)
    if the and (toks[a].text == "The" or len(words) == 1):
        name = "The " + name  # "the Ledger reported": The Ledger
    found.outlets.append(outlet_entry(name))


def _journalist_context(toks: Sequence[Token], a: int) -> bool:
    """Whether the name at ``a`` follows a journalist's role: "a reporter for X",
    "correspondent at X", "reports for X", "wrote for the X"."""
    k = a - 1
    if k >= 0 and toks[k].low == "the":
        k -= 1
    if k < 1 or toks[k].low not in {"for", "at", "with"}:
        return False
    before = toks[k - 1].low
    return before in JOURNALIST_ROLES or (
        before in {"reports", "writes", "wrote", "reported", "reporting", "writing"}
        and toks[k].low == "for"
    )


def _collect_lists(toks: Sequence[Token], lists: list[list[str]], states: set[str]) -> None:
    """Single-word names coordinated in one list: "A, B and the Republic of C"."""
    n = len(toks)
    i = 0
    while i < n:
        if toks[i].low != "and":
            i += 1
            continue
        items: list[str] = []
        # right conjunct
        k = i + 1
        if k < n and toks[k].low == "the":
            k += 1
        if k < n and toks[k].is_cap:
            if toks[k].low in STATE_PREFIXES and k + 2 < n and toks[k + 1].low == "of":
                states.add(base_word(toks[k + 2].text))
                items.append(base_word(toks[k + 2].text))
            elif k + 1 >= n or not toks[k + 1].is_cap:
                items.append(base_word(toks[k].text))
        # left conjuncts: "A, B and"
        k = i - 1
        while k >= 0 and toks[k].is_cap and toks[k].is_word:
            if k - 1 >= 0 and toks[k - 1].is_cap:
                break  # multi-word name: leave it
            items.append(base_word(toks[k].text))
            if k - 1 >= 0 and toks[k - 1].text == ",":
                k -= 2
                continue
            break
        if len(items) >= 2:
            lists.append(items)
        i += 1


__all__ = ["ArticleNames", "discover", "outlet_entry"]
