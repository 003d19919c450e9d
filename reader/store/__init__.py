"""The local SQLite library (sqlite-utils): articles, claims, outlets and user state."""

from reader.store.library import (
    VERDICTS,
    ArticleRow,
    Deleted,
    ImportResult,
    Library,
    Restored,
    SearchHit,
    StoredArticle,
    StoredClaim,
    VerdictEntry,
    claim_key,
)
from reader.store.reading import Selection, UnreadCounts
from reader.store.subscriptions import FeedRow

__all__ = [
    "VERDICTS",
    "ArticleRow",
    "Deleted",
    "FeedRow",
    "ImportResult",
    "Library",
    "Restored",
    "SearchHit",
    "Selection",
    "StoredArticle",
    "StoredClaim",
    "UnreadCounts",
    "VerdictEntry",
    "claim_key",
]
