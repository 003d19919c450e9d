"""Small dialogs: the keys sheet, verdict history, note editor, import problems, links.

All are shown with ``open()``/``show()`` rather than ``exec()``: the window keeps
its event loop, and tests can reach and answer them like a user would.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QUrl
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reader.describe import local_time
from reader.gui.actions import ACTIONS, key_text, sequences
from reader.gui.legend import Legend
from reader.gui.style import verdict_label
from reader.textsafe import address_safe, script_word

if TYPE_CHECKING:
    from reader.store.library import VerdictEntry


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]], name: str) -> QTableWidget:
    t = QTableWidget(len(rows), len(headers))
    t.setAccessibleName(name)
    t.setHorizontalHeaderLabels(list(headers))
    t.verticalHeader().setVisible(False)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setWordWrap(True)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            t.setItem(r, c, QTableWidgetItem(value))
    header = t.horizontalHeader()
    for c in range(len(headers) - 1):
        header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.Stretch)
    # the last column wraps instead of ending in "…": rows grow to their text, again
    # whenever the column's width changes (the dialog is resized)
    t.setTextElideMode(Qt.TextElideMode.ElideNone)
    t.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return t


def _close_buttons(dialog: QDialog) -> QDialogButtonBox:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    box.setAccessibleName("Close")
    box.rejected.connect(dialog.reject)
    return box


class HelpSheet(QDialog):
    """Every action with its keys, built from the action table (and remaps in force);
    a second tab holds the legend of Help → Statuses and Chains."""

    def __init__(self, settings: QSettings | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard Shortcuts")
        self.setAccessibleName("Keyboard shortcuts")
        rows = [
            (spec.menu.replace("&", ""), spec.label.replace("&", ""),
             key_text(sequences(spec, settings)) or "—", spec.description)
            for spec in ACTIONS
        ]  # fmt: skip
        self.names = [spec.name for spec in ACTIONS]
        self.table = _table(("Menu", "Action", "Keys", "What it does"), rows, "Shortcuts")
        note = QLabel(
            "Help → Remap Keys… changes the keys of any action (or edit the settings "
            "file, group [keys], by action name: next_claim=Down; j). Tab and Shift+Tab "
            "move between the panes."
        )
        note.setWordWrap(True)
        note.setAccessibleName("How to remap keys")
        keys = QWidget()
        keys_lay = QVBoxLayout(keys)
        keys_lay.addWidget(self.table)
        keys_lay.addWidget(note)
        self.legend = Legend(settings)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Help")
        self.tabs.addTab(keys, "&Keys")
        self.tabs.addTab(self.legend, "&Statuses and Chains")
        lay = QVBoxLayout(self)
        lay.addWidget(self.tabs)
        lay.addWidget(_close_buttons(self))
        self.resize(760, 560)


class HistoryDialog(QDialog):
    """All verdicts and notes given to one claim, oldest first."""

    def __init__(
        self, claim_text: str, entries: Sequence[VerdictEntry], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Verdict History")
        self.setAccessibleName("Verdict history")
        head = QLabel(claim_text)
        head.setWordWrap(True)
        head.setAccessibleName("Claim")
        rows = [
            (local_time(e.created_at), verdict_label(e.verdict) if e.verdict else "(cleared)",
             e.note or "")
            for e in entries
        ]  # fmt: skip
        self.table = _table(("When", "Verdict", "Note"), rows, "History entries")
        for r, e in enumerate(entries):  # the exact stored time, for whoever needs it
            item = self.table.item(r, 0)
            if item is not None:
                item.setToolTip(f"{e.created_at} (UTC)")
        lay = QVBoxLayout(self)
        lay.addWidget(head)
        if not entries:
            none = QLabel("No verdict given yet.")
            none.setAccessibleName("No history")
            lay.addWidget(none)
        lay.addWidget(self.table)
        lay.addWidget(_close_buttons(self))
        self.resize(560, 360)


#: Keys that save a note from inside its editor (Enter alone starts a new line).
SAVE_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class NoteDialog(QDialog):
    """Edit the note kept with a claim's verdict; Ctrl+Enter saves, Esc cancels."""

    def __init__(self, claim_text: str, note: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Note")
        self.setAccessibleName("Edit note")
        head = QLabel(claim_text)
        head.setWordWrap(True)
        head.setAccessibleName("Claim")
        self.editor = QPlainTextEdit(note)
        self.editor.setAccessibleName("Note text")
        self.editor.setTabChangesFocus(True)
        self.editor.installEventFilter(self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.setAccessibleName("Save or cancel")
        save = buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setToolTip("Save the note (Ctrl+Enter)")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(head)
        lay.addWidget(self.editor)
        lay.addWidget(buttons)
        self.resize(480, 240)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        """Ctrl+Enter (either Enter key) in the editor saves; the editor would
        otherwise take it as a new line."""
        if (
            obj is self.editor
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in SAVE_KEYS
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.accept()
            return True
        return super().eventFilter(obj, event)

    def note(self) -> str:
        return self.editor.toPlainText().strip()


class ImportProblems(QDialog):
    """The inputs a batch could not import, one line each: ``file: reason``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import Problems")
        self.setAccessibleName("Import problems")
        self.summary = QLabel("")
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("Import summary")
        self.list = QListWidget()
        self.list.setAccessibleName("Inputs that failed, with reasons")
        self.list.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.addWidget(self.summary)
        lay.addWidget(self.list)
        lay.addWidget(_close_buttons(self))
        self.resize(560, 300)

    def set_failures(self, failures: Sequence[str], summary: str) -> None:
        """Show ``failures`` (``source: reason`` lines) under ``summary`` (a sentence
        such as "1 file could not be imported; 2 were imported.")."""
        self.summary.setText(summary)
        self.list.clear()
        self.list.addItems(list(failures))

    def lines(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]


def shown_address(url: QUrl) -> tuple[str, str | None]:
    """``url`` as the window shows it before opening it, and a warning or None.

    As browsers do against look-alike addresses: a host with letters outside a-z
    (``аpple.com`` with a Cyrillic а, or an ``xn--`` name Qt would decode) is shown
    in its punycode form (``xn--pple-43d.com``, what the browser will ask for) and
    the warning says so; control, bidi (U+202E) and invisible characters anywhere
    are percent-encoded, never shown as themselves."""
    shown = url.toDisplayString()
    ace = url.host(QUrl.ComponentFormattingOption.EncodeUnicode)
    unicode_host = url.host()
    if not ace and url.scheme().lower() == "mailto":  # mailto:name@host: the host is in the path
        _name, at, unicode_host = url.path().rpartition("@")
        ace = str(QUrl.toAce(unicode_host).toStdString()) if at else ""
    warning = None
    if ace and any(label.startswith("xn--") for label in ace.lower().split(".")):
        head, found, tail = shown.partition(unicode_host)
        if found:
            shown = head + ace + tail
        word = script_word(unicode_host)
        warning = (
            f"The address uses {word} letters:\n{ace}\nCheck that it is the site you mean:"
            " letters from other alphabets can make a name look like one you know."
        )
    return address_safe(shown), warning


def link_confirm(url: QUrl, parent: QWidget) -> QMessageBox:
    """A question (not yet shown) asking whether to open ``url`` in the browser; the
    address is shown as :func:`shown_address` makes it, as plain text."""
    address, warning = shown_address(url)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Question)
    box.setWindowTitle("Open Link")
    box.setAccessibleName("Open link?")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText("Open this address in your web browser?")
    box.setInformativeText(address if warning is None else f"{address}\n\n{warning}")
    informative = box.findChild(QLabel, "qt_msgbox_informativelabel")
    if informative is not None:  # the address is never read as rich text
        informative.setTextFormat(Qt.TextFormat.PlainText)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setStandardButtons(QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return box
