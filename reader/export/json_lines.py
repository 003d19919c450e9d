"""The JSON export: one JSON object per article per line (JSON Lines), the
``extract`` contract's keys with the article's id, source and import time, and the
user's verdict and note on each claim. What ``export`` has always printed."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

from reader.export.records import ArticleRecord

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
    return d


def dumps(obj: Any) -> str:
    """``obj`` as one line of JSON, as the CLI writes JSON; a lone surrogate (an
    undecodable byte of a file name) is written as its ``\\uXXXX`` escape."""
    text = json.dumps(obj, ensure_ascii=False)
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def json_lines(records: Iterable[ArticleRecord]) -> Iterator[str]:
    """Each article as one line of JSON (with its newline)."""
    for record in records:
        yield dumps(article_dict(record)) + "\n"
