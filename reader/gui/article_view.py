"""The article view: sanitised HTML in a QTextBrowser that never fetches anything.

It renders one article, marks every claim sentence (a dotted underline: they can be
clicked), highlights the current claim with an ExtraSelection and scrolls it into
view. Remote resources are refused twice over: the HTML has no images or
stylesheets left (see :mod:`reader.render`), and every document the view shows is
a :class:`SafeDocument`, whose ``loadResource`` answers every request (web or local
file) with nothing, and whose images are deleted before it is laid out (Qt's image
handler would otherwise read a local file named by ``<img src>`` itself). Links are
not followed: ``linkActivated`` hands the address to the window, which asks before
opening it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QUrl, Signal
from PySide6.QtGui import (
    QFont,
    QMouseEvent,
    QResizeEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import QFrame, QTextBrowser, QTextEdit, QWidget

from reader.gui.offsets import ClaimLocator, OffsetMap
from reader.gui.style import claim_underline, highlight_fill, muted_text
from reader.model import Article
from reader.render import HEADER_BLOCKS, article_html

#: The measure: at most this many average characters per line.
MEASURE_CHARS = 72
#: Line height in percent of the font's.
LINE_HEIGHT = 150
DEFAULT_POINT_SIZE = 12
MIN_POINT_SIZE, MAX_POINT_SIZE = 8, 32


class SafeDocument(QTextDocument):
    """A document that loads no resource of any kind, from anywhere."""

    def loadResource(self, type: int, name: QUrl | str) -> Any:
        return None


def drop_images(doc: QTextDocument) -> int:
    """Delete every image from ``doc``; returns how many. Call it before the document
    is laid out: Qt's image handler reads a local file by its name (``x.png``,
    ``file:///…``) by itself when ``loadResource`` answers nothing."""
    spans: list[tuple[int, int]] = []
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            frag = it.fragment()
            if frag.charFormat().isImageFormat():
                spans.append((frag.position(), frag.length()))
            it += 1
        block = block.next()
    cur = QTextCursor(doc)
    for pos, length in reversed(spans):
        cur.setPosition(pos)
        cur.setPosition(pos + length, QTextCursor.MoveMode.KeepAnchor)
        cur.removeSelectedText()
    return len(spans)


class ArticleView(QTextBrowser):
    """Read-only article display with claim marks, highlight and click-to-select."""

    #: Emitted with the claim's index when the reader clicks a claim sentence.
    claimClicked = Signal(int)
    #: Emitted with the link's address when the reader activates a link.
    linkActivated = Signal(QUrl)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleView")
        self.setAccessibleName("Article")
        self.setAccessibleDescription("The article text; claim sentences are underlined")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setReadOnly(True)
        self.setTabChangesFocus(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextBrowserInteraction
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.anchorClicked.connect(self.linkActivated)
        # Even the empty view's document refuses resources: QTextDocument's own
        # loadResource reads local files when the view's override answers None.
        self.setDocument(SafeDocument(self))
        self._article: Article | None = None
        self._map: OffsetMap | None = None
        self._locator = ClaimLocator([])
        self._current: int | None = None
        self._point_size = DEFAULT_POINT_SIZE
        self._press: QPoint | None = None
        self._side_margin = -1
        self.viewport().installEventFilter(self)
        self._apply_font()

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab leaves the article for the next pane (QTextBrowser would walk its links)."""
        return QWidget.focusNextPrevChild(self, next)

    # --- resources: nothing, ever --------------------------------------------------

    def loadResource(self, type: int, name: QUrl | str) -> Any:
        """Refuse every resource (images, stylesheets, anything): no request leaves.
        (Not enough alone: a plain QTextDocument then loads local files itself; the
        view's documents are always :class:`SafeDocument`.)"""
        return None

    def setHtml(self, text: str) -> None:
        """Show ``text`` in a fresh :class:`SafeDocument`, its images dropped before
        any layout (so no local file is read)."""
        doc = SafeDocument(self)
        doc.setDefaultFont(self.font())
        doc.setHtml(text)
        drop_images(doc)
        self._replace_document(doc)

    # --- content ------------------------------------------------------------------

    def show_article(self, article: Article | None) -> None:
        """Render ``article`` (None clears the view) and map its claims to positions."""
        self._article = article
        self._current = None
        self._side_margin = -1
        self.setExtraSelections([])
        doc = SafeDocument(self)
        doc.setDocumentMargin(24)
        doc.setDefaultFont(self.font())
        muted = muted_text(self.palette()).name()
        doc.setDefaultStyleSheet(
            "h1 { font-size: x-large; margin-bottom: 4px; }"
            f" p.meta {{ color: {muted}; }}"
            " blockquote { margin-left: 16px; }"
            " th, td { padding: 3px 10px 3px 0; }"
        )
        if article is None:
            doc.setHtml("")
            self._replace_document(doc)
            self._map, self._locator = None, ClaimLocator([])
            return
        doc.setHtml(article_html(article))
        drop_images(doc)  # none survive reader.render; this is the second line of defence
        self._set_line_height(doc, doc.findBlockByNumber(HEADER_BLOCKS).position())
        body = doc.findBlockByNumber(HEADER_BLOCKS)
        start = body.position() if body.isValid() else doc.characterCount() - 1
        self._map = OffsetMap(article.text, doc.toPlainText(), start)
        spans = [self._map.span(c.start, c.end) for c in article.claims]
        self._locator = ClaimLocator(spans)
        self._mark_claims(doc, spans)
        self._replace_document(doc)
        self._update_measure()
        self.verticalScrollBar().setValue(0)

    def _replace_document(self, doc: QTextDocument) -> None:
        """Swap in ``doc``; QTextEdit never deletes the document it let go of."""
        old = self.document()
        ours = old is not None and old.parent() is self  # Qt deletes only its own default
        self.setDocument(doc)
        if ours:
            old.deleteLater()

    def _set_line_height(self, doc: QTextDocument, body_start: int) -> None:
        """1.5 lines in the body (not the title: large type needs less air)."""
        cur = QTextCursor(doc)
        cur.setPosition(max(0, body_start))
        cur.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
        fmt = QTextBlockFormat()
        fmt.setLineHeight(LINE_HEIGHT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        cur.mergeBlockFormat(fmt)

    def _mark_claims(self, doc: QTextDocument, spans: list[tuple[int, int] | None]) -> None:
        fmt = QTextCharFormat()
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        fmt.setUnderlineColor(claim_underline(self.palette()))
        cur = QTextCursor(doc)
        cur.beginEditBlock()
        for span in spans:
            if span is None:
                continue
            cur.setPosition(span[0])
            cur.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
            cur.mergeCharFormat(fmt)
        cur.endEditBlock()

    @property
    def article(self) -> Article | None:
        return self._article

    def claim_span(self, index: int) -> tuple[int, int] | None:
        """Document positions of claim ``index`` (None if it could not be placed)."""
        if 0 <= index < len(self._locator.spans):
            return self._locator.spans[index]
        return None

    # --- highlight --------------------------------------------------------------------

    def highlight_claim(self, index: int | None) -> None:
        """Highlight claim ``index`` (None clears) and scroll it into view."""
        self._current = index
        span = self.claim_span(index) if index is not None else None
        if span is None:
            self.setExtraSelections([])
            return
        sel = QTextEdit.ExtraSelection()
        cur = QTextCursor(self.document())
        cur.setPosition(span[0])
        cur.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
        sel.cursor = cur
        fmt = QTextCharFormat()
        fmt.setBackground(highlight_fill(self.palette()))
        fmt.setProperty(QTextFormat.Property.FullWidthSelection, False)
        sel.format = fmt
        self.setExtraSelections([sel])
        self._scroll_into_view(span)

    def _scroll_into_view(self, span: tuple[int, int]) -> None:
        """Bring the span on screen, with a third of the viewport above it when moving."""
        cur = QTextCursor(self.document())
        cur.setPosition(span[0])
        top = self.cursorRect(cur)
        cur.setPosition(span[1])
        bottom = self.cursorRect(cur)
        vh = self.viewport().height()
        if top.top() >= 0 and bottom.bottom() <= vh:
            return  # already fully visible: do not jump
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + top.top() - vh // 3)

    def current_selection_text(self) -> str:
        """Text under the current highlight ('' when none): what the reader sees marked."""
        sels = self.extraSelections()
        return sels[0].cursor.selectedText() if sels else ""

    def is_span_visible(self, index: int) -> bool:
        span = self.claim_span(index)
        if span is None:
            return False
        cur = QTextCursor(self.document())
        cur.setPosition(span[0])
        r = self.cursorRect(cur)
        return 0 <= r.top() and r.bottom() <= self.viewport().height()

    # --- click to select -----------------------------------------------------------

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        """A click (press and release in place, no link) on a claim sentence selects it."""
        if obj is self.viewport():
            if event.type() == QEvent.Type.MouseButtonPress:
                assert isinstance(event, QMouseEvent)
                self._press = event.position().toPoint()
            elif event.type() == QEvent.Type.MouseButtonRelease:
                assert isinstance(event, QMouseEvent)
                pos = event.position().toPoint()
                press, self._press = self._press, None
                if (
                    event.button() == Qt.MouseButton.LeftButton
                    and press is not None
                    and (pos - press).manhattanLength() < 4
                    and not self.anchorAt(pos)
                ):
                    idx = self.claim_at_point(pos)
                    if idx is not None:
                        self.claimClicked.emit(idx)
        return super().eventFilter(obj, event)

    def claim_at_point(self, pos: QPoint) -> int | None:
        """The claim under viewport point ``pos``, if any."""
        return self._locator.claim_at(self.cursorForPosition(pos).position())

    def point_of(self, index: int) -> QPoint | None:
        """A viewport point inside claim ``index`` (for tests and tooltips)."""
        span = self.claim_span(index)
        if span is None:
            return None
        cur = QTextCursor(self.document())
        cur.setPosition(min(span[0] + 1, span[1]))
        return self.cursorRect(cur).center()

    # --- typography -----------------------------------------------------------------

    @property
    def point_size(self) -> int:
        return self._point_size

    def set_point_size(self, size: int) -> None:
        self._point_size = max(MIN_POINT_SIZE, min(MAX_POINT_SIZE, size))
        self._apply_font()

    def _apply_font(self) -> None:
        f = QFont(self.font())
        f.setPointSize(self._point_size)
        self.setFont(f)
        self.document().setDefaultFont(f)
        self._update_measure()
        if self._current is not None:
            span = self.claim_span(self._current)
            if span is not None:
                self._scroll_into_view(span)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_measure()

    def _update_measure(self) -> None:
        """Centre a column of about MEASURE_CHARS characters: long lines tire the eye."""
        avg = self.fontMetrics().averageCharWidth()
        column = avg * MEASURE_CHARS
        # the root frame's side margins replace the document margin: keep at least that
        side = max(int(self.document().documentMargin()), (self.viewport().width() - column) // 2)
        if side == self._side_margin:
            return
        self._side_margin = side
        root = self.document().rootFrame()
        fmt = root.frameFormat()
        fmt.setLeftMargin(side)
        fmt.setRightMargin(side)
        root.setFrameFormat(fmt)
