"""The extracted facts: an article and its claims, as plain dataclasses.

These are what ``extract`` prints and what the store saves; they carry no user
state (verdicts, notes, read marks live in their own tables, see ``reader.store``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: Verification statuses the engine derives from the text.
STATUSES = ("reported", "unconfirmed", "denied", "disputed", "confirmed", "unattributed")
#: Kinds of source a claim can come from.
SOURCE_TYPES = (
    "outlet",
    "person",
    "official",
    "anonymous",
    "organization",
    "government",
    "document",
)


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
        }


@dataclass
class Article:
    """A cleaned article: metadata, body as Markdown and as plain text, claims."""

    title: str | None = None
    byline: str | None = None
    publisher: str | None = None
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
            "published": self.published,
            "url": self.url,
            "markdown": self.markdown,
            "text": self.text,
            "claims": [c.to_dict() for c in self.claims],
        }
