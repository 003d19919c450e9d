"""Which articles an export takes: some by id, or the whole library.

Ids are checked before anything is written: an id not in the library is an
:class:`~reader.errors.InputError` (one line, exit 2), not a shorter file.
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
    """Articles by id; none named: the whole library. Articles come in the library
    list's order (newest first)."""

    article_ids: tuple[int, ...] = ()

    @property
    def everything(self) -> bool:
        return not self.article_ids

    def describe(self) -> str:
        """The scope in words, for messages: "articles 3, 5", "tag 'climate'"."""
        parts: list[str] = []
        if self.article_ids:
            word = "article" if len(self.article_ids) == 1 else "articles"
            parts.append(f"{word} {', '.join(map(str, self.article_ids))}")
        return " and ".join(parts) or "the whole library"


def article_ids(lib: Library, scope: Scope) -> list[int]:
    """The ids ``scope`` names, in list order; InputError for an id not in the
    library."""
    if scope.everything:
        return lib.article_ids()
    wanted: set[int] = set()
    missing = _missing(lib, scope.article_ids)
    if missing:
        word = "article" if len(missing) == 1 else "articles"
        raise InputError(
            f"{word} {', '.join(map(str, missing))}", "not in the library (see 'list')"
        )
    wanted.update(scope.article_ids)
    return [aid for aid in lib.article_ids() if aid in wanted]


def _missing(lib: Library, ids: Sequence[int]) -> list[int]:
    found = {aid for aid in ids if lib.row(aid) is not None}
    return [aid for aid in dict.fromkeys(ids) if aid not in found]
