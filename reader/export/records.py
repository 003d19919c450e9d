"""What every export is made from: an article as stored, each claim with the user's
verdict, note and their history, the user's highlights and the article's tags, read
once per article.

One article at a time (a generator), so exporting a library of any size holds one
article in memory, and the time is linear in the library: a few queries per article
(the article and its claims, every verdict row of the article at once, its
highlights, its tags), never one per claim.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reader.describe import span_bounds
from reader.store import StoredArticle, StoredClaim, VerdictEntry
from reader.store.library import content_hash

if TYPE_CHECKING:
    from reader.marks import Highlight
    from reader.model import Article, Claim
    from reader.store import Library


@dataclass
class ClaimRecord:
    """A claim with the user's verdict, note and every change of them, oldest first."""

    stored: StoredClaim
    #: Every verdict row of the claim, oldest first (the last is the current one).
    history: list[VerdictEntry] = field(default_factory=list)

    @property
    def claim(self) -> Claim:
        return self.stored.claim

    @property
    def seq(self) -> int:
        return self.stored.seq

    @property
    def verdict(self) -> str | None:
        return self.stored.verdict

    @property
    def note(self) -> str | None:
        return self.stored.note

    @property
    def verdict_time(self) -> str | None:
        """When the current verdict or note was set (None: never)."""
        return self.history[-1].created_at if self.history else None


@dataclass
class ArticleRecord:
    """One article of an export."""

    stored: StoredArticle
    claims: list[ClaimRecord]
    #: The hash of the article's normalised text, as the library keys articles by it:
    #: what a re-import matches an article by when it has no address.
    content_hash: str
    #: The user's highlights, in text order.
    highlights: list[Highlight] = field(default_factory=list)
    #: The article's own tags (a highlight's tags are the highlight's).
    tags: list[str] = field(default_factory=list)

    @property
    def id(self) -> int:
        return self.stored.id

    @property
    def article(self) -> Article:
        return self.stored.article

    def evidence(self, record: ClaimRecord) -> list[str]:
        """The words of each of the claim's evidence spans (those that fit the text)."""
        text = self.article.text
        spans = (span_bounds(text, span) for span in record.claim.evidence)
        return [text[a:b] for a, b in (s for s in spans if s is not None)]


def read_records(lib: Library, ids: Iterable[int]) -> Iterator[ArticleRecord]:
    """The articles ``ids`` names, in that order (one deleted meanwhile is skipped)."""
    for aid in ids:
        stored = lib.get(aid)
        if stored is None:
            continue
        history = verdict_rows(lib, aid)
        claims = [ClaimRecord(sc, history.get(sc.claim_key, [])) for sc in stored.claims]
        yield ArticleRecord(
            stored,
            claims,
            content_hash(stored.article),
            lib.highlights(article_id=aid),
            lib.article_tags(aid),
        )


def verdict_rows(lib: Library, article_id: int) -> dict[str, list[VerdictEntry]]:
    """Every verdict row of an article by claim key, oldest first: one query (by the
    verdicts index on article, key and id) instead of one per claim."""
    out: dict[str, list[VerdictEntry]] = {}
    rows = lib.db.execute(
        "select claim_key, verdict, note, created_at from verdicts where article_id = ?"
        " order by claim_key, id",
        [article_id],
    )
    for key, verdict, note, created_at in rows:
        out.setdefault(key, []).append(VerdictEntry(verdict, note, created_at))
    return out
