"""The article view: sanitised HTML in a QTextBrowser that never fetches anything.

It renders one article, marks every claim sentence (a dotted underline: they can be
clicked), highlights the current claim with an ExtraSelection and scrolls it into
view, underlines its source as written in the source colour, and tints the words that
set its status (its evidence) in its status colour with a wavy underline; one key
jumps to the evidence and back (:meth:`ArticleView.jump_evidence`).
Remote resources are refused twice over: the HTML has no images or stylesheets left
(see :mod:`reader.ingest.render`), and every document the view shows is a
:class:`SafeDocument`, whose ``loadResource`` answers every request (web or local
file) with nothing, and whose images are deleted before it is laid out (Qt's image
handler would otherwise read a local file named by ``<img src>`` itself). Links are
not followed: ``linkActivated`` hands the address to the window, which asks before
opening it.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QEventLoop,
    QMimeData,
    QObject,
    QPoint,
    Qt,
    QThreadPool,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import (
    QFont,
    QHelpEvent,
    QMouseEvent,
    QPalette,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import QFrame, QLabel, QTextBrowser, QTextEdit, QToolTip, QWidget

from reader.describe import span_bounds
from reader.gui.mark_layer import MarkLayer, MarkSpan
from reader.gui.offsets import ClaimLocator, OffsetMap
from reader.gui.rendering import (
    ASYNC_MIN_CHARS,
    DOCUMENT_MARGIN,
    DocCache,
    DocStyle,
    HtmlCache,
    Rendered,
    RenderJob,
    SafeDocument,
    body_size,
    build_document,
    doc_key,
    drop_images,
)
from reader.gui.settings import DEFAULT_POINT_SIZE
from reader.gui.style import (
    claim_underline,
    evidence_fill,
    evidence_mark,
    highlight_fill,
    link_color,
    match_fill,
    meta_text,
    source_mark,
)
from reader.model import Article

__all__ = ["ArticleView", "SafeDocument", "drop_images"]

#: The measure: at most this many average characters per line.
MEASURE_CHARS = 72
#: Line height in percent of the font's.
LINE_HEIGHT = 150
MIN_POINT_SIZE, MAX_POINT_SIZE = 8, 32
#: At most this many search matches are marked (a common word in a long article).
MAX_MATCH_MARKS = 500
#: The MIME type a drag (or copy) of the view's selection carries, holding the view's
#: :attr:`ArticleView.drag_token`: the window refuses to import a drop of its own words.
SELECTION_MIME = "application/x-provenance-reader-selection"


def _header_html(article: Article) -> str:
    """The article's title block (reader.ingest.render, which loads nh3: imported when
    the first article is shown, not while the window starts)."""
    from reader.ingest.render import header_html

    return header_html(article)


class ArticleView(QTextBrowser):
    """Read-only article display with claim marks, highlight and click-to-select."""

    #: Emitted with the claim's index when the reader clicks a claim sentence.
    claimClicked = Signal(int)
    #: Emitted with the link's address when the reader activates a link.
    linkActivated = Signal(QUrl)
    #: Emitted when an article (or the empty view) is fully shown, claims placed.
    articleShown = Signal()

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
        #: Bumped by every show_article: a render that finishes later is dropped.
        self._generation = 0
        self._jobs: dict[int, RenderJob] = {}
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # the newest article waits for at most one render
        self.cache = HtmlCache()
        #: The documents of the last few long articles, whole: reopening one is a swap.
        self.docs = DocCache()
        #: Threading ident of the thread that built the document on screen (tests).
        self.render_thread: int | None = None
        #: Set when the last render failed (shown in the view instead of the body).
        self.render_error: str | None = None
        self._pending_scroll: tuple[int, int] | None = None
        #: The search match to show (terms, passage), and where the one pointed to is.
        self._match: tuple[tuple[str, ...], str] | None = None
        self._match_span: tuple[int, int] | None = None
        #: The current claim's marks by kind ("claim", "source", "evidence"): document spans.
        self._marks: dict[str, list[tuple[int, int]]] = {}
        #: Which evidence span the view jumped to (None: it shows the claim).
        self._jumped: int | None = None
        #: The reader's highlights (drawn under the claim's marks) and the selections
        #: drawn over them (the claim's marks, or a search's matches).
        self.mark_layer = MarkLayer()
        self._mark_sels: list[QTextEdit.ExtraSelection] = []
        self._top: list[QTextEdit.ExtraSelection] = []
        self._mark_focus: tuple[int, int] | None = None
        #: The article's tags, in a strip above the text (hidden when it has none).
        self.banner = QLabel(self)
        self.banner.setObjectName("articleTags")
        self.banner.setAccessibleName("Article tags")
        self.banner.setVisible(False)
        self.verticalScrollBar().rangeChanged.connect(self._range_changed)
        self.viewport().installEventFilter(self)
        #: What this view's drags carry under SELECTION_MIME (unique to the view).
        self.drag_token = QByteArray(f"{os.getpid()}:{id(self)}".encode())
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

    def createMimeDataFromSelection(self) -> QMimeData:
        """The selection as Qt gives it for a drag or a copy, marked as this view's
        (:data:`SELECTION_MIME`): a drag started here and dropped on the window is
        the reader moving the mouse, not text to import."""
        mime = super().createMimeDataFromSelection()
        mime.setData(SELECTION_MIME, self.drag_token)
        return mime

    # --- content ------------------------------------------------------------------

    def show_article(self, article: Article | None, article_id: int | None = None) -> None:
        """Render ``article`` (None clears the view) and map its claims to positions.

        A body under ASYNC_MIN_CHARS is rendered here and now. A longer one shows its
        title and "Loading…" at once and is rendered on a pool thread; the view swaps
        the document in when it arrives (:attr:`loading` until then; a claim
        highlighted meanwhile is applied then). ``article_id`` keys the HTML cache,
        and for a long article the document cache: one shown before (same text,
        claims and look) is swapped back in at once."""
        self._generation += 1
        self._article = article
        self._current = None
        self._match, self._match_span = None, None
        self.render_error = None
        self.mark_layer.set([])
        self._mark_sels, self._mark_focus = [], None
        self._set_selections([])
        self.set_banner("")
        self._map, self._locator = None, ClaimLocator([])
        if article is None:
            self._install_placeholder("")
            self.articleShown.emit()
            return
        style = self._doc_style()
        if body_size(article) < ASYNC_MIN_CHARS:
            self._install(build_document(article, style, article_id, self.cache))
            return
        key = doc_key(article_id, article, style) if article_id is not None else None
        kept = self.docs.get(key) if key is not None else None
        if kept is not None:
            self._install(kept)
            return
        self._install_placeholder(
            _header_html(article) + "<p class='meta'><i>Loading\u2026</i></p>"
        )
        gen = self._generation
        job = RenderJob(
            gen, article, article_id, style, self.cache, self.thread(), lambda: self._generation
        )
        job.key = key
        job.signals.done.connect(self._rendered)
        self._jobs[gen] = job
        # start once control is back in the event loop: the rest of opening (the claims
        # panel, the list) then runs without sharing the GIL with the render
        QTimer.singleShot(0, lambda: self._pool.start(job))

    @property
    def loading(self) -> bool:
        """True while the article on screen is still being rendered off the GUI thread."""
        return self._generation in self._jobs

    def wait_until_shown(self, timeout_ms: int = 30000, settle_ms: int = 1000) -> bool:
        """Run the event loop until the article is fully shown and a claim highlighted
        meanwhile has been scrolled to (lazy layout may take a few more turns, at most
        ``settle_ms``): screenshot mode and tests. False on time-out."""
        deadline = time.monotonic() + timeout_ms / 1000
        settled: float | None = None  # when to stop waiting for the scroll
        while True:
            now = time.monotonic()
            if not self.loading:
                settled = settled if settled is not None else now + settle_ms / 1000
                if self._pending_scroll is None or now >= settled:
                    return True
            elif now >= deadline:
                return False
            loop = QEventLoop()
            self.articleShown.connect(loop.quit)
            QTimer.singleShot(20, loop.quit)
            loop.exec()
            self.articleShown.disconnect(loop.quit)

    def _doc_style(self) -> DocStyle:
        """The view's look, as values a worker thread may use."""
        muted = meta_text(self.palette()).name()  # both at least 4.5:1 on the base
        link = link_color(self.palette()).name()
        sheet = (
            "h1 { font-size: x-large; margin-bottom: 4px; }"
            f" p.meta {{ color: {muted}; }}"
            f" a {{ color: {link}; }}"
            " blockquote { margin-left: 16px; }"
            " th, td { padding: 3px 10px 3px 0; }"
        )
        return DocStyle(
            QFont(self.font()), sheet, claim_underline(self.palette()), LINE_HEIGHT,
            self._measure_side(DOCUMENT_MARGIN),
        )  # fmt: skip

    def _install_placeholder(self, html: str) -> None:
        """Show ``html`` (the title and "Loading…", or nothing) in a fresh document."""
        style = self._doc_style()
        doc = SafeDocument(self)
        doc.setDocumentMargin(DOCUMENT_MARGIN)
        doc.setDefaultFont(style.font)
        doc.setDefaultStyleSheet(style.stylesheet)
        doc.setHtml(html)
        drop_images(doc)
        self._side_margin = -1
        self._replace_document(doc)
        self._update_measure()

    def _rendered(self, generation: int, result: Rendered | str | None) -> None:
        """A worker's result: shown if it is still the article wanted, else dropped."""
        self._jobs.pop(generation, None)
        if generation != self._generation:
            if isinstance(result, Rendered):  # not wanted now, but maybe again soon
                self._keep(result)
            return
        if isinstance(result, Rendered):
            self._install(result)
        else:
            self.render_error = result or "not rendered"
            self._install_placeholder(
                _header_html(self._article or Article())
                + "<p class='meta'><i>This article could not be shown.</i></p>"
            )
            self.articleShown.emit()

    def _install(self, result: Rendered) -> None:
        """Swap in a finished document: only the swap (and lazy layout) is done here."""
        doc = result.doc
        doc.setParent(self)
        if doc.defaultFont() != self.font():  # the size changed while it rendered
            doc.setDefaultFont(self.font())
        self._map, self._locator = result.offsets, ClaimLocator(result.spans)
        self.render_thread = result.thread_id
        self._mark_sels = []
        # the margin the document has now (a kept one was re-centred while shown)
        self._side_margin = int(doc.rootFrame().frameFormat().leftMargin())
        self._replace_document(doc)
        if result.key is not None:
            self._keep(result)
        self._update_measure()
        self.verticalScrollBar().setValue(0)
        self._place_marks()
        if self._current is not None:  # selected while it rendered: highlight it now
            self.highlight_claim(self._current)
        elif self._match is not None:  # opened from a search result
            self._apply_match()
        self.articleShown.emit()

    def _keep(self, result: Rendered) -> None:
        """Put a long article's finished document in the document cache (parented to
        the view), and delete what that pushes out, unless it is on screen (then it
        goes when it is replaced)."""
        if result.key is None:
            result.doc.deleteLater()
            return
        result.doc.setParent(self)
        for old in self.docs.put(result):
            if old.doc is not self.document():
                old.doc.deleteLater()

    def _replace_document(self, doc: QTextDocument) -> None:
        """Swap in ``doc``; QTextEdit never deletes the document it let go of (nor do
        we, while the document cache keeps it)."""
        old = self.document()
        ours = old is not None and old.parent() is self  # Qt deletes only its own default
        self.setDocument(doc)
        if ours and old is not doc and not self.docs.holds(old):
            old.deleteLater()

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
        """Highlight claim ``index`` (None clears), mark its source as written and its
        evidence, and scroll the claim into view (the evidence may be elsewhere: it is
        marked, and :meth:`jump_evidence` goes there)."""
        self._current = index
        self._pending_scroll = None
        self._jumped = None
        span = self.claim_span(index) if index is not None else None
        if span is None or index is None:
            self._marks = {}
            self._set_selections([])
            return
        source, evidence = self._claim_marks(index)
        self._marks = {"claim": [span], "source": source, "evidence": evidence}
        pal = self.palette()
        status = self._article.claims[index].status if self._article is not None else None
        sels = [self._selection(span, self._claim_format(pal))]
        sels += [self._selection(s, self._source_format(pal)) for s in source]
        sels += [self._selection(s, self._evidence_format(pal, status)) for s in evidence]
        self._set_selections(sels)
        self._scroll_into_view(span)

    @staticmethod
    def _claim_format(pal: QPalette) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setBackground(highlight_fill(pal))
        return fmt

    @staticmethod
    def _source_format(pal: QPalette) -> QTextCharFormat:
        """The source as written: its words in the source colour, underlined in it."""
        fmt = QTextCharFormat()
        colour = source_mark(pal)
        fmt.setForeground(colour)
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setUnderlineColor(colour)
        return fmt

    @staticmethod
    def _evidence_format(pal: QPalette, status: str | None) -> QTextCharFormat:
        """The evidence: a tint of the status colour and a wavy underline of its own."""
        fmt = QTextCharFormat()
        fmt.setBackground(evidence_fill(pal, status))
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        fmt.setUnderlineColor(evidence_mark(pal))
        return fmt

    def _selection(self, span: tuple[int, int], fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        sel = QTextEdit.ExtraSelection()
        cur = QTextCursor(self.document())
        cur.setPosition(span[0])
        cur.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
        sel.cursor = cur
        fmt.setProperty(QTextFormat.Property.FullWidthSelection, False)
        sel.format = fmt
        return sel

    def _claim_marks(self, index: int) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
        """Document spans of claim ``index``'s source as written and of its evidence."""
        article, offsets = self._article, self._map
        if article is None or offsets is None or not 0 <= index < len(article.claims):
            return [], []
        claim = article.claims[index]

        def place(span: list[int] | None) -> tuple[int, int] | None:
            bounds = span_bounds(article.text, span)
            return offsets.span(*bounds) if bounds else None

        source = [s for s in (place(claim.source_span),) if s is not None]
        evidence = [s for s in (place(ev) for ev in claim.evidence) if s is not None]
        return source, evidence

    def mark_texts(self, kind: str) -> list[str]:
        """Text under the current claim's marks of ``kind`` ("claim", "source",
        "evidence"): what the reader sees marked (tests)."""
        out = []
        for a, b in self._marks.get(kind, []):
            cur = QTextCursor(self.document())
            cur.setPosition(a)
            cur.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
            out.append(cur.selectedText())
        return out

    def evidence_spans(self) -> list[str]:
        """Text under the evidence marks now shown (tests: what the reader sees marked)."""
        return self.mark_texts("evidence")

    # --- jump to the evidence and back ------------------------------------------------

    def evidence_count(self) -> int:
        """How many of the current claim's evidence spans are placed in the view."""
        return len(self._marks.get("evidence", []))

    def jump_evidence(self) -> int | None:
        """Scroll to the current claim's next evidence span, and after the last one back
        to the claim. Returns the evidence span now in view (0-based), or None when the
        view is back at the claim (or there is no evidence to go to)."""
        n = self.evidence_count()
        if self._current is None or n == 0:
            return None
        nxt = 0 if self._jumped is None else self._jumped + 1
        return self.show_evidence(nxt if nxt < n else None)

    def show_evidence(self, which: int | None) -> int | None:
        """Scroll evidence span ``which`` into view (None: back to the claim); returns
        what is now in view, as :meth:`jump_evidence` does."""
        spans = self._marks.get("evidence", [])
        if which is not None and not 0 <= which < len(spans):
            which = None
        self._jumped = which
        target = spans[which] if which is not None else self._marks.get("claim", [None])[0]
        if target is not None:
            self._scroll_into_view(target)
        return which

    @property
    def jumped(self) -> int | None:
        """The evidence span the view jumped to, or None when it shows the claim."""
        return self._jumped

    def _focus_span(self) -> tuple[int, int] | None:
        """The span the view should keep on screen: the evidence jumped to, or the claim."""
        key, k = ("evidence", self._jumped) if self._jumped is not None else ("claim", 0)
        spans = self._marks.get(key, [])
        return spans[k] if 0 <= k < len(spans) else None

    def is_placed_span_visible(self, span: tuple[int, int], whole: bool = True) -> bool:
        """Whether document span ``span`` is inside the viewport: all of it, or
        (``whole=False``) its first line."""
        cur = QTextCursor(self.document())
        cur.setPosition(span[0])
        top = self.cursorRect(cur)
        if whole:
            cur.setPosition(span[1])
        bottom = self.cursorRect(cur)
        return top.top() >= 0 and bottom.bottom() <= self.viewport().height()

    def marks(self, kind: str) -> list[tuple[int, int]]:
        """Document spans of the current claim's marks of ``kind`` (tests)."""
        return list(self._marks.get(kind, []))

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
        target = bar.value() + top.top() - vh // 3
        bar.setValue(target)
        # a document just swapped in is laid out lazily: the scroll range may not reach
        # the span yet; finish the move when the range grows (see _range_changed)
        self._pending_scroll = span if bar.value() < target else None

    def _range_changed(self, _low: int, _high: int) -> None:
        """The document grew (lazy layout): finish a scroll the old range cut short."""
        span = self._pending_scroll
        if span is not None and (
            (self._current is not None and self._focus_span() == span)
            or (self._current is None and span == self._match_span)
            or span == self._mark_focus
        ):
            self._scroll_into_view(span)
            return
        self._pending_scroll = None

    # --- search match -----------------------------------------------------------------

    def show_match(self, terms: Sequence[str], passage: str = "") -> bool:
        """Mark every occurrence of the search ``terms`` (a word, or a longer word it
        begins) and scroll to the one inside ``passage`` (the result's snippet), else
        the first; that one is marked stronger. A claim highlighted later replaces the
        marks. While the article still renders, the marks wait for it. False when no
        term is in the text shown (e.g. the match was in the title)."""
        self._match = (tuple(t for t in terms if t.strip()), passage)
        self._match_span = None
        if self.loading:
            return True
        return self._apply_match()

    def _apply_match(self) -> bool:
        article, offsets, match = self._article, self._map, self._match
        if article is None or offsets is None or match is None or not match[0]:
            return False
        terms, passage = match
        alternatives = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
        found = [m.span() for m in re.finditer(rf"\b(?:{alternatives})\w*", article.text, re.I)]
        if not found:
            return False
        at = article.text.find(passage) if passage else -1
        target = next((f for f in found if f[0] >= at), found[0]) if at >= 0 else found[0]
        sels = []
        for bounds in found[:MAX_MATCH_MARKS]:
            doc_span = offsets.span(*bounds)
            if doc_span is None:
                continue
            pointed = bounds == target
            fmt = QTextCharFormat()
            fmt.setBackground(match_fill(self.palette(), pointed))
            sels.append(self._selection(doc_span, fmt))
            if pointed:
                self._match_span = doc_span
        self._set_selections(sels)
        if self._match_span is not None:
            self._scroll_into_view(self._match_span)
        return bool(sels)

    def match_text(self) -> str:
        """The text of the match the search result pointed to ('' if none; tests)."""
        span = self._match_span
        if span is None:
            return ""
        cur = QTextCursor(self.document())
        cur.setPosition(span[0])
        cur.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
        return cur.selectedText()

    def current_selection_text(self) -> str:
        """Text under the current highlight ('' when none): what the reader sees marked."""
        sels = self._top
        return sels[0].cursor.selectedText() if sels else ""

    def is_span_visible(self, index: int) -> bool:
        """Whether claim ``index`` starts on screen (tests)."""
        span = self.claim_span(index)
        return span is not None and self.is_placed_span_visible(span, whole=False)

    # --- click to select -----------------------------------------------------------

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        """A click (press and release in place, no link) on a claim sentence selects it;
        hovering a highlight shows its note."""
        if obj is self.viewport() and event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            mark = self.mark_layer.at(self.cursorForPosition(event.pos()).position())
            if mark is not None and mark.tip:
                QToolTip.showText(event.globalPos(), mark.tip, self.viewport())
                return True
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

    # --- the reader's highlights and tags --------------------------------------------

    def _set_selections(self, sels: list[QTextEdit.ExtraSelection]) -> None:
        """Show ``sels`` (the claim's marks, a search's matches) over the highlights."""
        self._top = sels
        self.setExtraSelections(self._mark_sels + sels)

    def set_highlights(self, marks: Sequence[MarkSpan]) -> None:
        """Draw these highlights (text offsets); kept for a document still rendering."""
        self.mark_layer.set(marks)
        self._place_marks()

    def _place_marks(self) -> None:
        self.mark_layer.place(self._map)
        self._mark_sels = self.mark_layer.selections(self.document(), self.palette())
        self.setExtraSelections(self._mark_sels + self._top)

    def text_selection(self) -> tuple[int, int] | None:
        """The reader's selection as text offsets (None: nothing selected, or nothing
        of the article's text: the title, the byline, only spaces)."""
        cur = self.textCursor()
        if not cur.hasSelection() or self._map is None:
            return None
        return self._map.text_span(cur.selectionStart(), cur.selectionEnd())

    def mark_at_cursor(self) -> MarkSpan | None:
        """The highlight the text cursor (or the selection's start) is in."""
        cur = self.textCursor()
        return self.mark_layer.at(cur.selectionStart())

    def select_span(self, span: tuple[int, int]) -> None:
        """Select document span ``span`` (a highlight) and scroll it into view."""
        self._mark_focus = span
        self._scroll_into_view(span)
        cur = QTextCursor(self.document())
        cur.setPosition(span[0])
        cur.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
        bar = self.verticalScrollBar()
        keep = bar.value()
        self.setTextCursor(cur)  # which would scroll the selection's end to the edge
        bar.setValue(keep)

    def set_banner(self, text: str) -> None:
        """Show ``text`` (the article's tags) in a strip above the text; "" hides it."""
        self.banner.setText(text)
        self.banner.setVisible(bool(text))
        self._place_banner()

    def _place_banner(self) -> None:
        if not self.banner.isVisibleTo(self):
            self.setViewportMargins(0, 0, 0, 0)
            return
        side = max(self._side_margin, DOCUMENT_MARGIN)
        self.banner.setContentsMargins(side, 4, side, 4)
        pal = self.banner.palette()
        pal.setColor(QPalette.ColorRole.WindowText, meta_text(self.palette()))
        pal.setColor(QPalette.ColorRole.Window, self.palette().color(QPalette.ColorRole.Base))
        self.banner.setPalette(pal)
        self.banner.setAutoFillBackground(True)  # on the article's base: meta_text reads
        h = self.banner.sizeHint().height()
        self.setViewportMargins(0, h, 0, 0)
        self.banner.setGeometry(0, 0, self.width(), h)

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
            span = self._focus_span() or self.claim_span(self._current)
            if span is not None:
                self._scroll_into_view(span)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_measure()
        if self.banner.isVisibleTo(self):
            self._place_banner()

    def _measure_side(self, margin: int) -> int:
        """The side margin that centres the measure (at least the document margin)."""
        avg = self.fontMetrics().averageCharWidth()
        column = avg * MEASURE_CHARS
        # the root frame's side margins replace the document margin: keep at least that
        return max(margin, (self.viewport().width() - column) // 2)

    def _update_measure(self) -> None:
        """Centre a column of about MEASURE_CHARS characters: long lines tire the eye."""
        side = self._measure_side(int(self.document().documentMargin()))
        if side == self._side_margin:
            return
        self._side_margin = side
        root = self.document().rootFrame()
        fmt = root.frameFormat()
        fmt.setLeftMargin(side)
        fmt.setRightMargin(side)
        root.setFrameFormat(fmt)
