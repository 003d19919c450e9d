"""The memo as a PDF, through Qt: the memo's Markdown laid out by a QTextDocument and
printed by a QPdfWriter (A4, 20 mm margins, the application font at 10 pt).

The only module of :mod:`reader.export` that imports Qt, and only when a PDF is
asked for. It works without the window: from the command line it starts an
offscreen QGuiApplication if the process has no Qt application yet. The Markdown is
read as CommonMark with raw HTML off (``MarkdownNoHTML``): the memo escapes every
``<`` already, and a QTextDocument must never be handed HTML that could name a local
file; and not as GitHub's dialect, whose autolinks would make every address an
article carries a link in the PDF.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF
from PySide6.QtGui import QFont, QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from reader import APP_NAME

#: Dots per inch of the PDF's layout (text is vector: this sets the layout grid).
RESOLUTION = 300
#: Body text size in points.
POINT_SIZE = 10
MARGIN_MM = 20

_app: QCoreApplication | None = None  # the offscreen application, once made


def _ensure_app() -> None:
    """A Qt application for fonts and layout: the running one, else an offscreen
    QGuiApplication kept for the process's life."""
    global _app
    if QCoreApplication.instance() is None:
        _app = QGuiApplication([sys.argv[0] if sys.argv else APP_NAME, "-platform", "offscreen"])


def memo_document(markdown: str) -> QTextDocument:
    """The memo laid out as a QTextDocument (headings, lists, quotes and emphasis;
    no links, no images)."""
    _ensure_app()
    doc = QTextDocument()
    font = QFont(QGuiApplication.font())
    font.setPointSize(POINT_SIZE)
    doc.setDefaultFont(font)
    features = (
        QTextDocument.MarkdownFeature.MarkdownDialectCommonMark
        | QTextDocument.MarkdownFeature.MarkdownNoHTML
    )
    doc.setMarkdown(markdown, features)
    return doc


def write_pdf(markdown: str, path: Path, title: str) -> int:
    """Print the memo to a PDF at ``path``; the number of pages."""
    doc = memo_document(markdown)
    writer = QPdfWriter(str(path))
    writer.setTitle(title)
    writer.setCreator(APP_NAME)
    writer.setResolution(RESOLUTION)
    layout = QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Portrait,
        QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
        QPageLayout.Unit.Millimeter,
    )
    writer.setPageLayout(layout)
    # laid out for the writer's page (as print_ would), so the page count is the PDF's
    doc.documentLayout().setPaintDevice(writer)
    doc.setPageSize(layout.paintRectPixels(RESOLUTION).size().toSizeF())
    doc.print_(writer)
    return doc.pageCount()
