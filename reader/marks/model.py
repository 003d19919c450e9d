"""What a mark is: the vocabulary of highlight colours and the rows the store returns."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from reader.marks.anchor import Selector


class Colour(StrEnum):
    """A highlight's colour: a name, not a shade (the window picks shades per theme)."""

    YELLOW = "yellow"
    GREEN = "green"
    BLUE = "blue"
    PINK = "pink"
    PURPLE = "purple"


@dataclass
class Highlight:
    """A highlight as stored: where it is (``start``/``end`` into the article's text,
    its last known place when ``orphaned``), its quote, colour, note and tags."""

    id: int
    uid: str
    article_id: int
    exact: str
    prefix: str
    suffix: str
    start: int
    end: int
    colour: Colour
    note: str | None = None
    tags: list[str] = field(default_factory=list)
    created_at: str = ""
    updated_at: str = ""
    orphaned: bool = False

    @property
    def selector(self) -> Selector:
        return Selector(self.exact, self.prefix, self.suffix, self.start, self.end)


@dataclass(frozen=True)
class Relocated:
    """Where re-anchoring found a highlight in a new text: its quote there, with the
    new text's context and offsets (None: orphaned, the old quote kept)."""

    id: int
    selector: Selector | None

    @property
    def span(self) -> tuple[int, int] | None:
        return None if self.selector is None else (self.selector.start, self.selector.end)


@dataclass(frozen=True)
class TagCount:
    """A tag with how many articles and highlights carry it."""

    name: str
    articles: int
    highlights: int


@dataclass(frozen=True)
class MarkHit:
    """A search match in the user's own words (a note or tags)."""

    article_id: int
    kind: str  # "highlight", "article" (its tags) or "claim" (its note)
    ref: str  # the highlight's id, or the claim's key
    snippet: str


#: The longest tag kept: a tag is a label, not a note.
MAX_TAG_CHARS = 64


def normal_tag(name: str) -> str:
    """A tag as stored: its words with single spaces, no leading '#'."""
    return " ".join(name.strip().lstrip("#").split())


def relocate(highlights: list[Highlight], text: str) -> list[Relocated]:
    """Each highlight's place in a new text of its article (re-extraction)."""
    from reader.marks.anchor import locate, selector_for

    out = []
    for h in highlights:
        span = locate(h.selector, text)
        out.append(Relocated(h.id, None if span is None else selector_for(text, *span)))
    return out
