"""The extracted facts: an article and its claims, as plain dataclasses.

These are what ``extract`` prints and what the store saves; they carry no user
state (verdicts, notes, read marks live in their own tables, see ``reader.store``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Status(StrEnum):
    """Verification statuses the engine derives from the text (docs/claims.md)."""

    REPORTED = "reported"
    UNCONFIRMED = "unconfirmed"
    DENIED = "denied"
    DISPUTED = "disputed"
    CONFIRMED = "confirmed"
    UNATTRIBUTED = "unattributed"


class SourceType(StrEnum):
    """Kinds of party a claim can come from."""

    OUTLET = "outlet"
    PERSON = "person"
    OFFICIAL = "official"
    ANONYMOUS = "anonymous"
    ORGANIZATION = "organization"
    GOVERNMENT = "government"
    DOCUMENT = "document"


def outlet_key(name: str) -> str:
    """What makes two spellings one outlet: case, spacing and a leading "The" aside
    ("The Harbor Gazette" is the "Harbor Gazette" another paper cites)."""
    folded = " ".join(name.split()).casefold()
    return folded[4:] if folded.startswith("the ") else folded


#: The vocabularies as plain strings, in display order (CLI choices, filters).
STATUSES: tuple[str, ...] = tuple(s.value for s in Status)
SOURCE_TYPES: tuple[str, ...] = tuple(t.value for t in SourceType)


@dataclass
class Claim:
    """One claim: a sentence (or clause) and where its information comes from.

    ``start``/``end`` and ``source_span`` are character offsets into the
    article's ``text``; ``text[start:end] == claim.text``.
    """

    text: str
    start: int
    end: int
    source: str | None
    source_span: list[int] | None
    source_type: str | None
    outlet: str | None
    cue: str | None
    status: str
    chain: list[str] = field(default_factory=list)
    #: Offsets of the words that set the status (a verification note, a denial, the
    #: conflicting account); empty for ``reported`` and ``unattributed``.
    evidence: list[list[int]] = field(default_factory=list)
    #: Indices (in the article's claim list) of the claims this one conflicts with.
    conflicts_with: list[int] = field(default_factory=list)
    #: The engine is unsure of the source (resolved at a distance, or a weak guess).
    uncertain: bool = False
    #: The address the attribution links to (the cited outlet's or source's page, as
    #: the article's own hyperlink gives it), or None.
    origin_url: str | None = None

    def to_dict(self) -> dict[str, Any]:
        # by hand: dataclasses.asdict deep-copies recursively and was a tenth of
        # extract's time on a batch
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "source": self.source,
            "source_span": list(self.source_span) if self.source_span else None,
            "source_type": self.source_type,
            "outlet": self.outlet,
            "cue": self.cue,
            "status": self.status,
            "chain": list(self.chain),
            "evidence": [list(span) for span in self.evidence],
            "conflicts_with": list(self.conflicts_with),
            "uncertain": self.uncertain,
            "origin_url": self.origin_url,
        }


@dataclass
class Article:
    """A cleaned article: metadata, body as Markdown and as plain text, claims."""

    title: str | None = None
    byline: str | None = None
    publisher: str | None = None
    #: The wire service the article carries ("Associated Press"), from its credits.
    wire: str | None = None
    published: str | None = None  # ISO 8601 date
    url: str | None = None
    markdown: str = ""
    text: str = ""  # plain text, paragraphs separated by one blank line
    claims: list[Claim] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "byline": self.byline,
            "publisher": self.publisher,
            "wire": self.wire,
            "published": self.published,
            "url": self.url,
            "markdown": self.markdown,
            "text": self.text,
            "claims": [c.to_dict() for c in self.claims],
        }
