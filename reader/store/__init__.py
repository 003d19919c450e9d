"""The local SQLite library (sqlite-utils): articles, claims, outlets and user state."""

from reader.store.library import (
    VERDICTS,
    ArticleRow,
    Deleted,
    FeedRow,
    ImportResult,
    Library,
    Restored,
    SearchHit,
    StoredArticle,
    StoredClaim,
    VerdictEntry,
    claim_key,
)

__all__ = [
    "VERDICTS",
    "ArticleRow",
    "Deleted",
    "FeedRow",
    "ImportResult",
    "Library",
    "Restored",
    "SearchHit",
    "StoredArticle",
    "StoredClaim",
    "VerdictEntry",
    "claim_key",
]
