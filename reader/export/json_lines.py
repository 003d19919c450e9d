"""The JSON export: one JSON object per article per line (JSON Lines), the
``extract`` contract's keys with the article's id, source and import time, the
user's verdict and note on each claim (what ``export`` has always printed), and the
user's marks: the article's ``tags`` and its highlights (``marks``, :data:`MARK_KEYS`)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

from reader.export.records import ArticleRecord
from reader.marks import Highlight

#: The keys of each highlight in an article's ``marks``.
MARK_KEYS = (
    "id", "uid", "exact", "prefix", "suffix", "start", "end", "colour", "note", "tags",
    "orphaned", "created_at", "updated_at",
)  # fmt: skip

_SURROGATE = re.compile("[\ud800-\udfff]")


def article_dict(record: ArticleRecord) -> dict[str, Any]:
    """One article as the JSON export writes it."""
    stored = record.stored
    d: dict[str, Any] = {
        "id": stored.id,
        "source": stored.source,
        "imported_at": stored.imported_at,
    }
    d.update(stored.article.to_dict())
    for cd, cr in zip(d["claims"], record.claims, strict=True):
        cd["verdict"] = cr.verdict
        cd["note"] = cr.note
    d["tags"] = list(record.tags)
    d["marks"] = [mark_dict(h) for h in record.highlights]
    return d


def mark_dict(h: Highlight) -> dict[str, Any]:
    """A highlight as the JSON export writes it (:data:`MARK_KEYS`): where it is
    (``start``/``end`` into ``text``; its last known place when ``orphaned``), its
    quote with the text around it, colour, note and tags."""
    return {
        "id": h.id, "uid": h.uid, "exact": h.exact, "prefix": h.prefix, "suffix": h.suffix,
        "start": h.start, "end": h.end, "colour": h.colour.value, "note": h.note,
        "tags": list(h.tags), "orphaned": h.orphaned, "created_at": h.created_at,
        "updated_at": h.updated_at,
    }  # fmt: skip


def dumps(obj: Any) -> str:
    """``obj`` as one line of JSON, as the CLI writes JSON; a lone surrogate (an
    undecodable byte of a file name) is written as its ``\\uXXXX`` escape."""
    text = json.dumps(obj, ensure_ascii=False)
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def json_lines(records: Iterable[ArticleRecord]) -> Iterator[str]:
    """Each article as one line of JSON (with its newline)."""
    for record in records:
        yield dumps(article_dict(record)) + "\n"
