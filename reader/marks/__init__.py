"""The user's own marks on the text: where a highlight is and how it is found again
after re-extraction (Qt-free; the store keeps the rows, the window draws them)."""

from reader.marks.anchor import Selector, locate, selector_for
from reader.marks.model import (
    MAX_TAG_CHARS,
    Colour,
    Highlight,
    MarkHit,
    Relocated,
    TagCount,
    normal_tag,
    relocate,
)

__all__ = [
    "MAX_TAG_CHARS",
    "Colour",
    "Highlight",
    "MarkHit",
    "Relocated",
    "Selector",
    "TagCount",
    "locate",
    "normal_tag",
    "relocate",
    "selector_for",
]
