"""The article view's document, built where it does not freeze the window.

Rendering a long article (Markdown → nh3 → QTextDocument → claim map) takes a second
or more for a megabyte. :func:`build_document` does all of it on a parentless
:class:`SafeDocument` that has no layout yet, which Qt allows in any thread; a
:class:`RenderJob` runs it on a pool thread and hands the finished document to the
GUI thread (``moveToThread``), where the view only swaps it in (layout happens
there, lazily). Rendered HTML is kept in a small :class:`HtmlCache`, so going back
to an article skips Markdown and nh3; the finished documents of the last few long
articles are kept whole in a :class:`DocCache` (bounded by their size), so opening
one again is a swap, with no "Loading…" at all.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThread, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)

from reader.gui.offsets import OffsetMap
from reader.model import Article

#: Bodies at least this long (characters of Markdown, or text) render off the GUI thread.
ASYNC_MIN_CHARS = 50_000
#: How many rendered articles' HTML the cache keeps.
CACHE_SIZE = 8
#: The built documents the view keeps: at most this many, of at most this many
#: characters in all (a laid-out 5 MB text costs the process some 40 MB).
DOC_CACHE_COUNT = 4
DOC_CACHE_CHARS = 12_000_000
#: The space around the text, in pixels (the sides grow to centre the measure).
DOCUMENT_MARGIN = 24

Span = tuple[int, int] | None


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


def body_size(article: Article) -> int:
    """How much there is to render (decides synchronous or in a worker)."""
    return len(article.markdown) if article.markdown.strip() else len(article.text)


class HtmlCache:
    """Rendered HTML by (article id, hash of what it is rendered from); least
    recently used goes first. Thread-safe: workers read and fill it."""

    def __init__(self, size: int = CACHE_SIZE) -> None:
        self.size = size
        self._items: OrderedDict[tuple[int, str], str] = OrderedDict()
        self._lock = threading.Lock()

    @staticmethod
    def key(article_id: int, article: Article) -> tuple[int, str]:
        """The article id and a digest of every field the HTML depends on (an edit or
        a re-extraction under the same id is a different entry)."""
        import hashlib  # loads OpenSSL: when the first article is shown, not at start

        h = hashlib.blake2b(digest_size=16)
        head = (article.title, article.byline, article.publisher, article.wire, article.published)
        for part in head:
            h.update((part or "").encode("utf-8", "surrogatepass") + b"\0")
        h.update(article.markdown.encode("utf-8", "surrogatepass") + b"\0")
        h.update(article.text.encode("utf-8", "surrogatepass"))
        return article_id, h.hexdigest()

    def get(self, key: tuple[int, str]) -> str | None:
        with self._lock:
            html = self._items.get(key)
            if html is not None:
                self._items.move_to_end(key)
            return html

    def put(self, key: tuple[int, str], html: str) -> None:
        with self._lock:
            self._items[key] = html
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def __len__(self) -> int:
        with self._lock:
            return len(self._items)


@dataclass(frozen=True)
class DocStyle:
    """What the document needs from the view, as values (safe to hand to a thread)."""

    font: QFont
    stylesheet: str
    underline: QColor
    line_height: int
    side_margin: int  # root frame's left/right margin (centres the measure)


@dataclass
class Rendered:
    """A finished document, its claim map, and the thread that built it."""

    doc: QTextDocument
    offsets: OffsetMap
    spans: list[Span]
    side_margin: int
    thread_id: int
    #: Its :func:`doc_key`, when it may be kept in a :class:`DocCache`.
    key: DocKey | None = None


DocKey = tuple[int, str, str]


def doc_key(article_id: int, article: Article, style: DocStyle) -> DocKey:
    """What a built document depends on: the article (id and a digest of what its HTML
    is made from), where its claims are (a re-extraction moves them) and the look
    (font, style sheet, underline colour, line height; not the side margin, which
    the view sets on whatever document it shows)."""
    import hashlib

    _, content = HtmlCache.key(article_id, article)
    h = hashlib.blake2b(digest_size=16)
    for c in article.claims:
        h.update(f"{c.start}:{c.end};".encode())
    h.update(style.font.key().encode() + b"\0" + style.stylesheet.encode() + b"\0")
    h.update(f"{style.underline.name(QColor.NameFormat.HexArgb)}:{style.line_height}".encode())
    return article_id, content, h.hexdigest()


class DocCache:
    """Built documents (with their claim maps) by :func:`doc_key`, least recently used
    first out, at most ``count`` of them and ``chars`` characters in all. GUI thread
    only: the documents belong to the view that shows them."""

    def __init__(self, count: int = DOC_CACHE_COUNT, chars: int = DOC_CACHE_CHARS) -> None:
        self.count = count
        self.chars = chars
        self._items: OrderedDict[DocKey, Rendered] = OrderedDict()

    def get(self, key: DocKey) -> Rendered | None:
        item = self._items.get(key)
        if item is not None:
            self._items.move_to_end(key)
        return item

    def put(self, item: Rendered) -> list[Rendered]:
        """Keep ``item`` (it must have a key); return what no longer fits, for the
        caller to delete (never ``item`` itself unless it alone is too big)."""
        assert item.key is not None
        self._items[item.key] = item
        self._items.move_to_end(item.key)
        out: list[Rendered] = []
        while len(self._items) > 1 and (len(self._items) > self.count or self.size() > self.chars):
            out.append(self._items.popitem(last=False)[1])
        if self.size() > self.chars:  # one document larger than the whole budget
            out.append(self._items.popitem(last=False)[1])
        return out

    def holds(self, doc: QTextDocument) -> bool:
        return any(item.doc is doc for item in self._items.values())

    def size(self) -> int:
        """Characters held, in all."""
        return sum(item.doc.characterCount() for item in self._items.values())

    def __len__(self) -> int:
        return len(self._items)


def build_document(
    article: Article,
    style: DocStyle,
    article_id: int | None = None,
    cache: HtmlCache | None = None,
) -> Rendered:
    """Render ``article`` into a new parentless :class:`SafeDocument` with claim marks
    and its :class:`OffsetMap`. Any thread: the document has no layout yet (the view
    that shows it creates one in the GUI thread)."""
    from reader.ingest.render import HEADER_BLOCKS, article_html  # nh3: not at start

    key = (
        HtmlCache.key(article_id, article) if cache is not None and article_id is not None else None
    )
    html = cache.get(key) if cache is not None and key is not None else None
    if html is None:
        html = article_html(article)
        if cache is not None and key is not None:
            cache.put(key, html)
    doc = SafeDocument()
    doc.setDocumentMargin(DOCUMENT_MARGIN)
    doc.setDefaultFont(style.font)
    doc.setDefaultStyleSheet(style.stylesheet)
    doc.setHtml(html)
    drop_images(doc)  # none survive reader.ingest.render; this is the second line of defence
    body = doc.findBlockByNumber(HEADER_BLOCKS)
    start = body.position() if body.isValid() else doc.characterCount() - 1
    _set_line_height(doc, start, style.line_height)
    offsets = OffsetMap(article.text, doc.toPlainText(), start)
    spans = [offsets.span(c.start, c.end) for c in article.claims]
    _mark_claims(doc, spans, style.underline)
    root = doc.rootFrame()
    fmt = root.frameFormat()
    fmt.setLeftMargin(style.side_margin)
    fmt.setRightMargin(style.side_margin)
    root.setFrameFormat(fmt)
    return Rendered(doc, offsets, spans, style.side_margin, threading.get_ident())


def _set_line_height(doc: QTextDocument, body_start: int, percent: int) -> None:
    """``percent`` line height in the body (not the title: large type needs less air)."""
    cur = QTextCursor(doc)
    cur.setPosition(max(0, body_start))
    cur.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
    fmt = QTextBlockFormat()
    fmt.setLineHeight(percent, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    cur.mergeBlockFormat(fmt)


def _mark_claims(doc: QTextDocument, spans: list[Span], colour: QColor) -> None:
    """A dotted underline under every placed claim: they can be clicked."""
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
    fmt.setUnderlineColor(colour)
    cur = QTextCursor(doc)
    cur.beginEditBlock()
    for span in spans:
        if span is None:
            continue
        cur.setPosition(span[0])
        cur.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
        cur.mergeCharFormat(fmt)
    cur.endEditBlock()


class RenderSignals(QObject):
    """Signals of a :class:`RenderJob` (a QRunnable cannot have its own)."""

    #: generation, and a Rendered (None: skipped as stale; str: why it failed)
    done = Signal(int, object)


class RenderJob(QRunnable):
    """Build one article's document on a pool thread and move it to ``target``."""

    def __init__(
        self,
        generation: int,
        article: Article,
        article_id: int | None,
        style: DocStyle,
        cache: HtmlCache,
        target: QThread,
        current: Callable[[], int],
    ) -> None:
        """``current`` answers the view's generation now: a job whose article is no
        longer wanted by the time it starts does no work."""
        super().__init__()
        self.setAutoDelete(False)  # the view keeps it until done is handled
        self.generation = generation
        self.article = article
        self.article_id = article_id
        self.style = style
        self.cache = cache
        self.target = target
        self.current = current
        self.signals = RenderSignals()
        #: The result's DocCache key (set by the view), carried onto the result.
        self.key: DocKey | None = None

    def run(self) -> None:
        if self.current() != self.generation:
            self.signals.done.emit(self.generation, None)
            return
        try:
            result = build_document(self.article, self.style, self.article_id, self.cache)
        except Exception as exc:  # a bug in one article must not leave "Loading…" forever
            self.signals.done.emit(self.generation, f"{type(exc).__name__}: {exc}")
            return
        result.key = self.key
        result.doc.moveToThread(self.target)  # the GUI thread shows (and lays out) it
        self.signals.done.emit(self.generation, result)
