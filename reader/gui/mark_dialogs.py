"""The dialogs of the reader's marks: a highlight's colour, note and tags; an
article's tags. Tags are typed comma-separated, with completion from the tags the
library has (the word being typed is completed, not the whole line).

Shown with ``open()`` like the window's other dialogs, so tests answer them as a
user would."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QKeyEvent, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.gui.style import mark_fill, mark_line
from reader.marks import MAX_TAG_CHARS, Colour, Highlight, normal_tag

#: Characters of a quote the edit dialog shows before "…".
QUOTE_CHARS = 280
#: The longest tag the dialogs save (the store's cap, declared once in reader.marks):
#: checked here too, so the dialog says so and stays open with what was typed.
TAG_MAX_CHARS = MAX_TAG_CHARS


def split_tags(text: str) -> list[str]:
    """Tags as typed: comma-separated, spaces around each dropped, empty ones too."""
    return [t.strip() for t in text.split(",") if t.strip()]


def too_long(tags: Sequence[str]) -> str:
    """Why these tags cannot be saved (one over :data:`TAG_MAX_CHARS`), or ''."""
    for t in tags:
        n = len(normal_tag(t))
        if n > TAG_MAX_CHARS:
            shown = t if len(t) <= 24 else t[:23] + "…"
            return f"A tag can have at most {TAG_MAX_CHARS} characters; “{shown}” has {n}."
    return ""


def swatch(colour: str, palette: QPalette, size: int = 14) -> QIcon:
    """A small square of a highlight colour, outlined in its strong shade (menus, lists)."""
    pix = QPixmap(size, size)
    pix.fill(QColor(0, 0, 0, 0))
    p = QPainter(pix)
    p.setPen(mark_line(palette, colour))
    p.setBrush(mark_fill(palette, colour))
    p.drawRect(0, 0, size - 1, size - 1)
    p.end()
    return QIcon(pix)


class TagsEdit(QLineEdit):
    """A line of comma-separated tags; the tag under the cursor completes from ``known``."""

    def __init__(
        self, known: Sequence[str], tags: Sequence[str] = (), parent: QWidget | None = None
    ) -> None:
        super().__init__(", ".join(tags), parent)
        self.setPlaceholderText("tag, another tag")
        self.setClearButtonEnabled(True)
        self.completions = QCompleter(self)
        self.completions.setModel(QStringListModel(sorted(known, key=str.casefold), self))
        self.completions.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completions.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        # Down on the last completion stays on it: with wrapping, Down from the one
        # completion shown left none highlighted, and Enter saved the typed fragment
        self.completions.setWrapAround(False)
        self.completions.setWidget(self)
        self.completions.activated.connect(self._chosen)
        self.textEdited.connect(self._edited)

    def _chosen(self, tag: object) -> None:
        if isinstance(tag, str):
            self.insert_tag(tag)

    def _popup(self) -> QAbstractItemView:
        popup = self.completions.popup()
        assert popup is not None  # a completer always has one
        return popup

    def _bounds(self) -> tuple[int, int]:
        """Where the tag under the cursor starts and ends in the text."""
        text, pos = self.text(), self.cursorPosition()
        start = text.rfind(",", 0, pos) + 1
        end = text.find(",", pos)
        return start, len(text) if end < 0 else end

    def current_word(self) -> str:
        start, _ = self._bounds()
        return self.text()[start : self.cursorPosition()].strip()

    def _edited(self, _text: str) -> None:
        word = self.current_word()
        popup = self._popup()
        if not word:
            popup.hide()
            return
        self.completions.setCompletionPrefix(word)
        if self.completions.completionCount():
            popup.setCurrentIndex(self.completions.completionModel().index(0, 0))
            self.completions.complete()
        else:
            popup.hide()

    def insert_tag(self, tag: str) -> None:
        """Put ``tag`` in place of the tag being typed, then a comma for the next."""
        start, end = self._bounds()
        text = self.text()
        head = text[:start].rstrip()
        tail = text[end:].lstrip(", ")
        new = (head + " " if head else "") + tag + ", "
        self.setText(new + tail)
        self.setCursorPosition(len(new))

    def tags(self) -> list[str]:
        return split_tags(self.text())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """While the completions are shown, Enter, Tab and Esc are theirs."""
        keys = (Qt.Key.Key_Enter, Qt.Key.Key_Return, Qt.Key.Key_Escape, Qt.Key.Key_Tab)
        if self._popup().isVisible() and event.key() in keys:
            event.ignore()
            return
        super().keyPressEvent(event)


def _tags_note() -> QLabel:
    """Where a dialog says why its tags were not saved (hidden until then)."""
    note = QLabel()
    note.setObjectName("tagsProblem")
    note.setAccessibleName("Tags problem")
    note.setWordWrap(True)
    note.setVisible(False)
    return note


def _tags_ok(edit: TagsEdit, note: QLabel) -> bool:
    """Whether ``edit``'s tags may be saved; if not, ``note`` says why."""
    why = too_long(edit.tags())
    note.setText(why)
    note.setVisible(bool(why))
    if why:
        edit.setFocus()
    return not why


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
    )
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


class MarkDialog(QDialog):
    """Edit a highlight: its colour, note and tags (Save), or remove it."""

    #: The user pressed Remove Mark (the dialog closes; the window removes it, with undo).
    removeRequested = Signal()

    def __init__(
        self, mark: Highlight, known_tags: Sequence[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.mark_id = mark.id
        self.setWindowTitle("Edit Mark")
        self.setAccessibleName("Edit mark")
        quote = mark.exact if len(mark.exact) <= QUOTE_CHARS else mark.exact[:QUOTE_CHARS] + "…"
        self.quote = QLabel(f"“{quote}”")
        self.quote.setWordWrap(True)
        self.quote.setTextFormat(Qt.TextFormat.PlainText)
        self.quote.setAccessibleName("Marked words")
        self.colour_box = QComboBox()
        self.colour_box.setAccessibleName("Colour")
        for c in Colour:
            self.colour_box.addItem(swatch(c, self.palette()), c.value, c)
        self.colour_box.setCurrentIndex(self.colour_box.findData(mark.colour))
        self.note_edit = QPlainTextEdit(mark.note or "")
        self.note_edit.setAccessibleName("Note")
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setMinimumHeight(90)
        self.tags_edit = TagsEdit(known_tags, mark.tags)
        self.tags_edit.setAccessibleName("Tags, separated by commas")
        self.tags_note = _tags_note()
        form = QFormLayout()
        form.addRow("&Colour:", self.colour_box)
        form.addRow("&Note:", self.note_edit)
        form.addRow("&Tags:", self.tags_edit)
        form.addRow("", self.tags_note)
        buttons = _buttons(self)
        self.remove_button = QPushButton("&Remove Mark")
        self.remove_button.setObjectName("removeMarkButton")
        self.remove_button.setAutoDefault(False)
        buttons.addButton(self.remove_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.remove_button.clicked.connect(self._remove)
        lay = QVBoxLayout(self)
        lay.addWidget(self.quote)
        if mark.orphaned:
            lost = QLabel(
                "Orphaned: these words were not found in the article's text after it was"
                " extracted again. The mark is kept with its note and tags."
            )
            lost.setWordWrap(True)
            lost.setAccessibleName("Orphaned mark")
            lay.addWidget(lost)
        lay.addLayout(form)
        lay.addWidget(buttons)
        self.note_edit.setFocus()
        self.resize(460, 320)

    def _remove(self) -> None:
        self.removeRequested.emit()
        self.reject()

    def accept(self) -> None:
        """Save, unless a tag is too long (the dialog says so and stays)."""
        if _tags_ok(self.tags_edit, self.tags_note):
            super().accept()

    def colour(self) -> Colour:
        return Colour(self.colour_box.currentData())

    def note(self) -> str:
        return self.note_edit.toPlainText().strip()

    def tags(self) -> list[str]:
        return self.tags_edit.tags()


class TagsDialog(QDialog):
    """An article's tags, comma-separated, with completion."""

    def __init__(
        self,
        title: str,
        tags: Sequence[str],
        known_tags: Sequence[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Article Tags")
        self.setAccessibleName("Article tags")
        head = QLabel(title)
        head.setWordWrap(True)
        head.setTextFormat(Qt.TextFormat.PlainText)
        head.setAccessibleName("Article")
        self.tags_edit = TagsEdit(known_tags, tags)
        self.tags_edit.setAccessibleName("Tags, separated by commas")
        hint = QLabel("Separate tags with commas; an empty line removes them all.")
        hint.setWordWrap(True)
        self.tags_note = _tags_note()
        lay = QVBoxLayout(self)
        lay.addWidget(head)
        lay.addWidget(self.tags_edit)
        lay.addWidget(hint)
        lay.addWidget(self.tags_note)
        lay.addWidget(_buttons(self))
        self.tags_edit.setFocus()
        self.resize(420, 160)

    def accept(self) -> None:
        """Save, unless a tag is too long (the dialog says so and stays)."""
        if _tags_ok(self.tags_edit, self.tags_note):
            super().accept()

    def tags(self) -> list[str]:
        return self.tags_edit.tags()
