"""Which articles an export takes: some by id, those with a tag, or the whole library.

Ids and tags are checked before anything is written: an id not in the library, or a
tag no article carries, is an :class:`~reader.errors.InputError` (one line, exit 2),
not a shorter or an empty file.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.errors import InputError

if TYPE_CHECKING:
    from reader.store import Library


@dataclass(frozen=True)
class Scope:
    """Articles by id and by tag (together: every article either names; a tag counts
    on the article or on one of its highlights, as the library's tag filter has it);
    none named: the whole library. Articles come in the library list's order
    (newest first)."""

    article_ids: tuple[int, ...] = ()
    tags: tuple[str, ...] = ()

    @property
    def everything(self) -> bool:
        return not self.article_ids and not self.tags

    def describe(self) -> str:
        """The scope in words, for messages: "articles 3, 5", "tag 'climate'"."""
        parts: list[str] = []
        if self.article_ids:
            word = "article" if len(self.article_ids) == 1 else "articles"
            parts.append(f"{word} {', '.join(map(str, self.article_ids))}")
        parts.extend(f"tag {t!r}" for t in self.tags)
        return " and ".join(parts) or "the whole library"


def article_ids(lib: Library, scope: Scope) -> list[int]:
    """The ids ``scope`` names, in list order; InputError for an id not in the
    library or a tag no article carries."""
    if scope.everything:
        return lib.article_ids()
    missing = _missing(lib, scope.article_ids)
    if missing:
        word = "article" if len(missing) == 1 else "articles"
        raise InputError(
            f"{word} {', '.join(map(str, missing))}", "not in the library (see 'list')"
        )
    wanted: set[int] = set(scope.article_ids)
    for tag in scope.tags:
        tagged = lib.articles_tagged(tag)
        if not tagged:
            raise InputError(f"tag {tag!r}", "no article carries it (see 'tag')")
        wanted.update(tagged)
    return [aid for aid in lib.article_ids() if aid in wanted]


def _missing(lib: Library, ids: Sequence[int]) -> list[int]:
    found = {aid for aid in ids if lib.row(aid) is not None}
    return [aid for aid in dict.fromkeys(ids) if aid not in found]
