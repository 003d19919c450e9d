"""The reader's highlights as the article view draws them.

A highlight is kept in the article's plain-text offsets (:mod:`reader.marks`); the view
shows a rendered document whose positions differ. :class:`MarkLayer` places each
highlight through the view's :class:`~reader.gui.offsets.OffsetMap` and turns it into
an ``ExtraSelection``: a fill of its colour and a solid underline in a strong shade of
it (:func:`reader.gui.style.mark_fill`, :func:`~reader.gui.style.mark_line`), drawn
under the current claim's marks. It also answers which highlight is at a position
(tooltips, the context menu, Edit Mark) and where one is (next and previous mark).
Orphaned highlights are not drawn: their words are not in the text.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtGui import QPalette, QTextCharFormat, QTextCursor, QTextDocument, QTextFormat
from PySide6.QtWidgets import QTextEdit

from reader.gui.offsets import OffsetMap
from reader.gui.style import mark_fill, mark_line


@dataclass(frozen=True)
class MarkSpan:
    """A highlight to draw: its id, text offsets, colour name and tooltip."""

    id: int
    start: int
    end: int
    colour: str
    tip: str = ""


class MarkLayer:
    """The highlights of the article on screen, placed in its document."""

    def __init__(self) -> None:
        self.marks: list[MarkSpan] = []
        #: (document start, document end, mark), by start: what is drawn.
        self.placed: list[tuple[int, int, MarkSpan]] = []
        self._starts: list[int] = []

    def set(self, marks: Iterable[MarkSpan]) -> None:
        self.marks = sorted(marks, key=lambda m: (m.start, m.end, m.id))
        self.placed, self._starts = [], []

    def place(self, offsets: OffsetMap | None) -> None:
        """Find each highlight in the document (None: not rendered yet: none placed)."""
        placed = []
        if offsets is not None:
            for m in self.marks:
                span = offsets.span(m.start, m.end)
                if span is not None:
                    placed.append((span[0], span[1], m))
        placed.sort(key=lambda p: (p[0], p[1], p[2].id))
        self.placed = placed
        self._starts = [p[0] for p in placed]

    def selections(self, doc: QTextDocument, palette: QPalette) -> list[QTextEdit.ExtraSelection]:
        """One extra selection per placed highlight, in its colour."""
        out = []
        for a, b, m in self.placed:
            fmt = QTextCharFormat()
            fmt.setBackground(mark_fill(palette, m.colour))
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(mark_line(palette, m.colour))
            fmt.setProperty(QTextFormat.Property.FullWidthSelection, False)
            sel = QTextEdit.ExtraSelection()
            cur = QTextCursor(doc)
            cur.setPosition(a)
            cur.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cur
            sel.format = fmt
            out.append(sel)
        return out

    def at(self, pos: int) -> MarkSpan | None:
        """The highlight at document position ``pos`` (the shortest, if they overlap)."""
        k = bisect.bisect_right(self._starts, pos)
        best: tuple[int, int, MarkSpan] | None = None
        for a, b, m in self.placed[:k]:
            if a <= pos < b and (best is None or b - a < best[1] - best[0]):
                best = (a, b, m)
        return best[2] if best else None

    def span_of(self, mark_id: int) -> tuple[int, int] | None:
        """Where highlight ``mark_id`` is drawn (None: not placed, or orphaned)."""
        return next(((a, b) for a, b, m in self.placed if m.id == mark_id), None)

    def step(self, pos: int | None, delta: int) -> MarkSpan | None:
        """The next (``delta`` > 0) placed highlight starting after ``pos``, or the
        previous one starting before it; None past the end. ``pos`` None: the first
        or the last."""
        if not self.placed:
            return None
        if pos is None:
            return self.placed[0 if delta > 0 else -1][2]
        if delta > 0:
            k = bisect.bisect_right(self._starts, pos)
            return self.placed[k][2] if k < len(self.placed) else None
        k = bisect.bisect_left(self._starts, pos) - 1
        return self.placed[k][2] if k >= 0 else None
