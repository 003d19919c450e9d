"""Wire credits: the news agency whose copy an article carries.

A local paper running an Associated Press story says so in its byline ("By Jane Doe,
Associated Press"), its dateline ("WASHINGTON (AP) —", "NEW DELHI, Oct 3 (PTI):"), or
a credit line ("The Associated Press contributed to this report.", "(With inputs from
PTI)", "— AFP", "Copyright 2024 The Associated Press"). :func:`find_wire` reads those,
in that order, and names the agency by its registry name.

Only agencies count: an outlet the registry lists with kind ``wire``, or a name that
calls itself one ("Yonhap News Agency"). A staff byline, a newspaper that "contributed
reporting", or an unnamed "news agencies"/"agencies" credit gives no wire: a link of the
provenance chain must name an outlet the reader can look up. Several cleaners drop
credit lines as page furniture; they hand the lines to :func:`find_wire` first, so what
a credit says is kept without the line going back into the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from itertools import islice
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.attribution import OutletRegistry

WIRE = "wire"
#: Blocks this far from either end of the body are searched for datelines and bare credits.
HEAD_BLOCKS, TAIL_BLOCKS = 3, 3
#: A credit line is short; longer blocks are article text.
_MAX_CREDIT_WORDS = 60
_MAX_CREDIT_CHARS = 400

#: Words after an agency's name in a credit that keep it a credit ("AP writer Jane Doe").
_ROLE_WORDS = frozenset(
    (
        *("staff", "staffer", "writer", "writers", "reporter", "reporters"),
        *("correspondent", "correspondents", "contributed", "contributor", "contributors"),
        *("desk", "bureau", "report", "reports", "reporting", "service", "copy", "wire"),
    )
)
_NAMED_AGENCY = re.compile(
    r"^(?:[A-Z][\w'’.&-]*\s+){1,5}(?:News|Press)\s+Agency$"
    r"|^(?:Agence|Agencia|Agenzia|Agência)\s+[A-Z][\w'’.-]*(?:\s+[\w'’.-]+){0,4}$"
)
_SPLIT_NAMES = re.compile(r"\s*(?:,|;|/|&|\+|\band\b|\bwith\b|\|)\s*", re.IGNORECASE)
_SPLIT_BYLINE = re.compile(r"\s*(?:[,;|/•·]|\s[-–—]+\s|\band\b|&)\s*")
_LEAD_BY = re.compile(r"^(?:by|from|written\s+by|story\s+by|the)\s+", re.IGNORECASE)
_TOKEN = re.compile(r"[\w'’.&-]+")

# "WASHINGTON (AP) —", "(Reuters) -", "NEW DELHI, Oct 3 (PTI):", "BEIJING, Nov. 19 (Xinhua) --"
_DATELINE = re.compile(
    r"^[\"“]?(?:[^()\n]{0,60}?\s)?\(\s*(?P<names>[^()\n]{2,40}?)\s*\)\s*(?:--?|[–—:])"
)
# whole-line credits, anywhere in the body
_CREDITS = (
    re.compile(
        r"^\(?\s*with\s+(?:additional\s+)?(?:agency\s+)?(?:inputs?|reporting|contributions?)"
        r"\s+(?:from|by)\s+(?P<names>[^()]{2,120}?)\s*\)?[.\s]*$",
        re.IGNORECASE,
    ),
    re.compile(
        r"^\(?\s*(?:additional\s+)?reporting\s+(?:by|from)\s+(?P<names>[^()]{2,200}?)\s*\)?[.\s]*$",
        re.IGNORECASE,
    ),
    re.compile(
        r"^(?P<names>[^.]{2,200}?)\s+contributed(?:\s*\.?\s*$|\s+(?:additional\s+)?reporting\b"
        r"|\s+to\s+(?:this|the)\s+(?:report|story|article|coverage)\b)",
        re.IGNORECASE,
    ),
    re.compile(
        r"^(?:(?:this|the)\s+)?(?:article|story|report|content|material)\s+(?:was\s+|is\s+)?"
        r"(?:provided|supplied|distributed|produced|syndicated|written)\s+(?:by|from|through|via)"
        r"\s+(?P<names>[^.]{2,80}?)[.\s]*$",
        re.IGNORECASE,
    ),
    re.compile(
        r"^(?:copyright|©|\(c\))\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?"
        r"(?P<names>[^.,;©]{2,80})",
        re.IGNORECASE,
    ),
)
# credits that only count at the end of the body (a chart's "Source: Bloomberg" mid-story
# is a data source, and a lone "Reuters" mid-story a subheading)
_TAIL_CREDITS = (
    re.compile(
        r"^(?:sources?|via|credit|courtesy(?:\s+of)?)\s*:\s*(?P<names>.{2,120}?)[.\s]*$", re.I
    ),
    re.compile(r"^[-–—]+\s*(?P<names>[^-–—\s].{0,60}?)[.\s]*$"),
    re.compile(r"^\(?\s*(?P<names>[A-Z][\w .&'’-]{1,40}?)\s*\)?[.\s]*$"),
)
# where the last sentence of a paragraph starts: after a full stop and a space
_SENTENCE_START = re.compile(r"(?<=[.!?”\"’)\]])\s+(?=[^\s])")


def find_wire(
    registry: OutletRegistry,
    bylines: Iterable[str | None] = (),
    blocks: Sequence[str] = (),
    org_authors: Iterable[str] = (),
) -> str | None:
    """The wire service an article credits, or None.

    ``bylines`` are the byline and any other lines of the article's header (a scraped
    "Reuters Staff" under the title); ``blocks`` are the body's paragraphs in order,
    including the credit lines a cleaner drops; ``org_authors`` are organisations the
    page names as author (JSON-LD).
    """

    def is_wire(name: str) -> bool:
        return registry.kinds.get(name) == WIRE or bool(_NAMED_AGENCY.match(name))

    for byline in bylines:
        for name in byline_outlets(byline, registry, is_wire):
            return name
    for name in org_authors:
        if hit := wire_name(name, registry):
            return hit
    head = list(islice((b for b in blocks if b.strip()), HEAD_BLOCKS))
    for block in head:
        m = _DATELINE.match(" ".join(block[:300].split())[:200])
        if m and (hit := _names(m.group("names"), registry)):
            return hit
    short = [b.strip() for b in blocks if _short(b)]
    for line in short:
        for rx in _CREDITS:
            m = rx.match(line)
            if m and (hit := _names(m.group("names"), registry)):
                return hit
    ends = [b for b in (*head[:2], *blocks[-TAIL_BLOCKS:]) if _short(b)]
    if blocks:
        last = " ".join(blocks[-1][-300:].split())
        ends.append(_SENTENCE_START.split(last)[-1])
    for line in ends:
        for rx in (*_CREDITS, *_TAIL_CREDITS):
            m = rx.match(line.strip())
            if m and (hit := _names(m.group("names"), registry)):
                return hit
    return None


def wire_name(phrase: str, registry: OutletRegistry) -> str | None:
    """The agency a short phrase names: "AP", "The Associated Press", "Reuters Staff",
    "AP writer Jane Doe", "Yonhap News Agency"; None for anything else."""
    words = _TOKEN.findall(_LEAD_BY.sub("", phrase.strip()))
    if not words:
        return None
    for k in range(min(6, len(words)), 0, -1):
        rest = words[k:]
        if rest and not _role_follows(rest):
            continue
        hit = _wire(" ".join(words[:k]), registry)
        if hit:
            return hit
    return None


def byline_outlets(
    byline: str | None, registry: OutletRegistry, accept: Callable[[str], bool]
) -> list[str]:
    """Registered outlets a byline names, canonical, where ``accept`` says yes:
    "By Jane Doe, NBC News", "Jane Doe | AFP", "Tom Davies Associated Press", "Reuters"."""
    if not byline or len(byline) > 300:
        return []
    out = []
    for seg in _SPLIT_BYLINE.split(byline):
        words = _TOKEN.findall(_LEAD_BY.sub("", seg.strip()))
        if not words:
            continue
        for hit in _lead_or_tail(words, registry):
            if accept(hit) and hit not in out:
                out.append(hit)
                break
    return out


def _lead_or_tail(words: list[str], registry: OutletRegistry) -> list[str]:
    """Outlets a byline segment starts with ("Reuters Staff") or ends with ("Jane Doe,
    AP" joined as "Jane Doe AP"); a one-word tail right after a one-word first name is a
    surname ("Michael Bloomberg"), not an outlet."""
    found = []
    n = len(words)
    for k in range(min(6, n), 0, -1):
        rest = words[k:]
        if rest and not _role_follows(rest):
            continue
        # "Ap Auto Writer": a title-cased acronym still names the agency before a role
        if hit := _outlet(" ".join(words[:k]), registry, loose=bool(rest)):
            found.append(hit)
            break
    for k in range(min(6, n - 1), 0, -1):
        tail = words[n - k :]
        if k == 1 and not tail[0].isupper() and n - k < 2:
            continue
        if hit := _outlet(" ".join(tail), registry):
            found.append(hit)
            break
    return found


def _role_follows(rest: list[str]) -> bool:
    """Whether words after a name make it a credit: "Staff", "Writer", "Auto Writer"."""
    return any(w.lower() in _ROLE_WORDS for w in rest[:3])


def _outlet(phrase: str, registry: OutletRegistry, loose: bool = False) -> str | None:
    """A registered outlet's canonical name, or a self-declared agency as written.

    A short name counts in capitals only ("AP", not "ap" or "Ap"), unless ``loose``.
    """
    if not loose and (phrase.islower() or (len(phrase) <= 3 and not phrase.isupper())):
        return None
    return registry.canonical(phrase) or (phrase if _NAMED_AGENCY.match(phrase) else None)


def _wire(phrase: str, registry: OutletRegistry) -> str | None:
    hit = _outlet(phrase, registry)
    if hit is None:
        return None
    if registry.canonical(hit) is not None:  # registered: a wire only by its kind
        return hit if registry.kinds.get(hit) == WIRE else None
    return hit  # a self-declared agency ("... News Agency")


def _names(names: str, registry: OutletRegistry) -> str | None:
    """The first agency in a credit's list of names ("PTI, IANS", "AP and Reuters")."""
    for part in _SPLIT_NAMES.split(names)[:8]:
        if part and (hit := wire_name(part, registry)):
            return hit
    return None


def _short(block: str) -> bool:
    return 0 < len(block) <= _MAX_CREDIT_CHARS and len(block.split()) <= _MAX_CREDIT_WORDS
