"""The link question shows the address a browser would go to: a look-alike host
(Cyrillic а in аpple.com) in punycode with a warning, and bidi, control and
invisible characters percent-encoded, never shown as themselves (issue 10)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QUrl
from PySide6.QtGui import QDesktopServices, QTextCursor, QTextDocument
from PySide6.QtWidgets import QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from reader.gui.dialogs import link_confirm, shown_address
from reader.gui.window import MainWindow
from reader.ingest import RawInput
from reader.ingest.clean_markdown import clean_markdown
from reader.store.library import Library

LOOKALIKE = "http://\u0430pple.com/login"  # the first letter is Cyrillic
REVERSED = "https://example.org/invoice\u202efdp.exe"  # shows as "invoiceexe.pdf"
ARTICLE = f"""# Links

The company said in [a statement]({LOOKALIKE}) that the login page moved, a spokesman said.

The agency said the [invoice]({REVERSED}) was forged, officials said.
"""


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> MainWindow:
    db = tmp_path / "lib.db"
    with Library(db) as lib:
        lib.add(
            RawInput("links.md", "markdown", ARTICLE, ARTICLE.encode(), None),
            clean_markdown(ARTICLE),
        )
    win = MainWindow(db, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.show()
    win.start()
    win.view.wait_until_shown(10_000)
    return win


def href_of(win: MainWindow, words: str) -> QUrl:
    """The address of the link on ``words`` in the article as rendered."""
    found = win.view.document().find(words, 0, QTextDocument.FindFlag.FindCaseSensitively)
    assert not found.isNull(), words
    cursor = QTextCursor(found)
    cursor.setPosition(found.selectionStart() + 1)
    href = cursor.charFormat().anchorHref()
    assert href, f"no link on {words!r}"
    return QUrl(href)


def informative(box: QMessageBox) -> QLabel:
    label = box.findChild(QLabel, "qt_msgbox_informativelabel")
    assert isinstance(label, QLabel)
    return label


def test_a_lookalike_host_is_shown_in_punycode_with_a_warning(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", opened.append)  # the desktop itself
    url = href_of(window, "a statement")
    assert url.host() == "\u0430pple.com"  # the article's link, as written
    window.view.highlighted.emit(url)  # hovering shows the same safe address
    assert window.statusBar().currentMessage() == "http://xn--pple-43d.com/login"
    window.view.anchorClicked.emit(url)
    box = window.dialog
    assert isinstance(box, QMessageBox) and box.isVisible()
    shown = informative(box).text()
    assert shown.startswith("http://xn--pple-43d.com/login\n")
    assert "\nThe address uses non-Latin letters:\nxn--pple-43d.com\n" in shown
    assert "\u0430" not in shown
    assert box.icon() == QMessageBox.Icon.Warning
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    box.button(QMessageBox.StandardButton.Open).click()  # the user may still go
    assert opened == [url]


def test_a_bidi_override_is_percent_encoded(window: MainWindow) -> None:
    url = href_of(window, "invoice")
    window.view.anchorClicked.emit(url)
    box = window.dialog
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert informative(box).text() == "https://example.org/invoice%E2%80%AEfdp.exe"
    assert box.icon() == QMessageBox.Icon.Question  # nothing to warn of in the host
    assert "\u202e" not in window.statusBar().currentMessage()
    box.button(QMessageBox.StandardButton.Cancel).click()


@pytest.mark.parametrize(
    ("address", "shown", "warning"),
    [
        ("https://example.org/statement", "https://example.org/statement", None),
        (
            "https://xn--pple-43d.com/",
            "https://xn--pple-43d.com/",
            "non-Latin",
        ),  # Qt would decode it
        ("https://b\u00fccher.de/a", "https://xn--bcher-kva.de/a", "accented"),
        ("https://user@\u0430pple.com:8080/x", "https://user@xn--pple-43d.com:8080/x", "non-Latin"),
        ("mailto:desk@\u0430pple.com", "mailto:desk@xn--pple-43d.com", "non-Latin"),
        (
            "https://example.org/a%E2%80%AEb?q=\u2066x\u200b",
            "https://example.org/a%E2%80%AEb?q=%E2%81%A6x%E2%80%8B",
            None,
        ),
        (
            "https://example.org/\u043f\u0443\u0442\u044c",
            "https://example.org/\u043f\u0443\u0442\u044c",
            None,
        ),  # a path may be any script
    ],
)
def test_shown_address(qtbot: QtBot, address: str, shown: str, warning: str | None) -> None:
    got, note = shown_address(QUrl(address))
    assert got == shown
    assert (note is None) == (warning is None)
    if warning:
        assert note is not None and f"uses {warning} letters" in note
    parent = QLabel()
    qtbot.addWidget(parent)
    box = link_confirm(QUrl(address), parent)
    assert informative(box).text().split("\n")[0] == shown
