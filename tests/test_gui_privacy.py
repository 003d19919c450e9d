"""The article view makes no network request and reads no local file, whatever the
article references; links open only after asking, and only web and mail links."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QTextDocument
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from reader.gui.article_view import ArticleView, SafeDocument, drop_images
from reader.gui.window import MainWindow
from reader.ingest import RawInput
from reader.ingest.clean_markdown import clean_markdown
from reader.store.library import Library
from tests.helpers import local_server
from tests.test_gui_support import sentence_claims

PIXEL = (200, {"Content-Type": "image/png"}, b"\x89PNG\r\n\x1a\n")
CSS = (200, {"Content-Type": "text/css"}, b"p { color: red }")


def _hostile_markdown(base: str) -> str:
    return f"""# Tracking test

A paragraph that says officials denied it. ![pixel]({base}/pixel.png)

<img src="{base}/raw.png" onerror="alert(1)"> Another sentence, the agency said.

<link rel="stylesheet" href="{base}/style.css">
<style>@import url("{base}/import.css");</style>
<iframe src="{base}/frame.html"></iframe>
<script src="{base}/script.js"></script>

A [link]({base}/page) that must not be fetched either.
"""


def test_rendering_an_article_makes_zero_requests(qtbot: QtBot, tmp_path: Path) -> None:
    routes = {
        "/pixel.png": PIXEL,
        "/raw.png": PIXEL,
        "/style.css": CSS,
        "/import.css": CSS,
    }
    with local_server(routes) as (base, requested):
        md = _hostile_markdown(base)
        article = clean_markdown(md)
        article.claims = sentence_claims(article.text)
        db = tmp_path / "lib.db"
        with Library(db) as lib:
            lib.add(RawInput("hostile.md", "markdown", md, md.encode(), None), article)
        win = MainWindow(db, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
        qtbot.addWidget(win)
        win.show()
        win.start()
        assert win.stored is not None
        win.select_claim(0)
        win.view.viewport().repaint()
        # and the view itself, handed the raw hostile HTML, still fetches nothing
        raw_view = ArticleView()
        qtbot.addWidget(raw_view)
        raw_view.setHtml(
            f'<link rel="stylesheet" href="{base}/style.css"><p>x<img src="{base}/raw.png"></p>'
        )
        raw_view.show()
        raw_view.viewport().repaint()
        deadline = time.monotonic() + 1.0
        while time.monotonic() < deadline:
            QApplication.processEvents()
            time.sleep(0.02)
        html = win.view.toHtml()
        assert requested == []
    assert "127.0.0.1" not in html.replace(f"{base}/page", "")  # only the link remains
    assert "alert" not in html and "<img" not in html


def test_link_click_asks_first_and_shows_the_address(qtbot: QtBot, tmp_path: Path) -> None:
    md = "# Links\n\nThe agency said so [in a statement](https://example.org/statement).\n"
    article = clean_markdown(md)
    db = tmp_path / "lib.db"
    with Library(db) as lib:
        lib.add(RawInput("links.md", "markdown", md, md.encode(), None), article)
    win = MainWindow(db, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.show()
    win.start()
    before = win.view.toPlainText()
    win.view.anchorClicked.emit(QUrl("https://example.org/statement"))
    box = win.dialog
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert "https://example.org/statement" in box.informativeText()
    assert "https://example.org/statement" in win.statusBar().currentMessage()
    box.button(QMessageBox.StandardButton.Cancel).click()  # declined: nothing opens
    assert win.view.toPlainText() == before  # the view did not navigate
    assert win.view.openLinks() is False and win.view.openExternalLinks() is False


@pytest.mark.parametrize(
    "target", ["/etc/passwd", "//evil.example/x", "foo.desktop", "file:///etc/passwd"]
)
def test_window_refuses_links_that_are_not_web_or_mail(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, target: str
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", opened.append)  # the desktop itself
    win = MainWindow(
        tmp_path / "lib.db", QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(win)
    win.show()
    win.view.anchorClicked.emit(QUrl(target))
    assert win.dialog is None  # not even asked
    assert "Not opened" in win.statusBar().currentMessage()
    assert opened == []
    win.view.anchorClicked.emit(QUrl("mailto:desk@example.org"))  # a mail link is offered
    box = win.dialog
    assert isinstance(box, QMessageBox) and box.isVisible()
    box.button(QMessageBox.StandardButton.Open).click()
    assert [u.toString() for u in opened] == ["mailto:desk@example.org"]


def _png(path: Path) -> Path:
    img = QImage(8, 8, QImage.Format.Format_RGB32)
    img.fill(0xFF0000)
    assert img.save(str(path), "PNG")
    return path


def _image_formats(doc: QTextDocument) -> list[str]:
    """Names of the images laid out in ``doc`` (every fragment with an image format)."""
    names = []
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isImageFormat():
                names.append(fmt.toImageFormat().name())
            it += 1
        block = block.next()
    return names


def _loaded(doc: QTextDocument, url: QUrl) -> bool:
    data = doc.resource(QTextDocument.ResourceType.ImageResource, url)
    return data is not None and not (hasattr(data, "isNull") and data.isNull())


def test_local_images_are_never_loaded(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The real risk offline: a page that points at files on this computer."""
    cwd, folder = tmp_path / "cwd", tmp_path / "article"
    cwd.mkdir()
    folder.mkdir()
    absolute = _png(tmp_path / "secret.png")
    _png(cwd / "x.png")
    _png(folder / "x.png")
    monkeypatch.chdir(cwd)
    file_url = QUrl.fromLocalFile(str(absolute))
    urls = [file_url, QUrl("x.png")]
    refs = f'<p>Officials said so.<img src="{file_url.toString()}"> It was denied.<img src="x.png"></p>'

    # 1. an article through the whole window: Markdown and raw HTML images are gone
    md = f"# Local files\n\nThe agency said so. ![a]({file_url.toString()})\n\n{refs}\n"
    article = clean_markdown(md)
    article.claims = sentence_claims(article.text)
    source = folder / "local.md"
    source.write_text(md, encoding="utf-8")
    db = tmp_path / "lib.db"
    with Library(db) as lib:
        lib.add(RawInput(str(source), "markdown", md, md.encode(), None), article)
    win = MainWindow(db, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.show()
    win.start()
    assert win.stored is not None
    win.view.viewport().repaint()
    doc = win.view.document()
    assert _image_formats(doc) == []
    doc.setBaseUrl(QUrl.fromLocalFile(str(folder) + "/"))
    assert not any(_loaded(doc, u) for u in urls)

    # 2. the view handed the raw HTML: no image is laid out and none loads (images are
    # dropped before layout; the loadResource overrides answer nothing)
    raw_view = ArticleView()
    qtbot.addWidget(raw_view)
    raw_view.setSearchPaths([str(folder)])
    raw_view.setHtml(refs)
    raw_view.show()
    raw_view.viewport().repaint()
    assert _image_formats(raw_view.document()) == []
    assert not any(_loaded(raw_view.document(), u) for u in urls)
    for base in (QUrl(), QUrl.fromLocalFile(str(folder) + "/")):
        safe = SafeDocument()
        safe.setBaseUrl(base)
        safe.setHtml(refs)
        assert drop_images(safe) == 2
        safe.documentLayout().documentSize()  # lay it out
        assert not any(_loaded(safe, u) for u in urls), base.toString()
