"""File → Export: which articles (the open one, those selected or listed, a tag's, the
whole library), in which format (reader.export), to which file.

The export runs on the window's library connection when Export is pressed (a library
of 2,000 articles takes under a second in every text format); the status bar says
what was written, and a failure (a folder that cannot be written, a library busy) is
a message box naming the file and the reason, with the dialog left open to try again.
The ClaimReview reviewer's name is asked here and kept in the settings
(``export/reviewer``), as are the last format and folder.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from reader.errors import InputError, store_error, write_reason
from reader.export import SUFFIXES, Exported, ExportFormat, Scope, export_file
from reader.gui.imports import plural
from reader.gui.library_panel import IdRole

if TYPE_CHECKING:
    from reader.gui.window import MainWindow

#: The formats as the dialog names them, in its order.
FORMAT_LABELS = {
    ExportFormat.MARKDOWN: "Markdown memo (.md)",
    ExportFormat.PDF: "PDF memo (.pdf)",
    ExportFormat.CSV: "CSV, a row per claim (.csv)",
    ExportFormat.CLAIMREVIEW: "ClaimReview JSON-LD, claims with your verdict (.jsonld)",
    ExportFormat.WEBANNOTATION: "Web Annotation JSON-LD, highlights and claims (.jsonld)",
    ExportFormat.JSON: "JSON Lines, everything (.jsonl)",
}
#: The formats that name the reviewer (ClaimReview needs the name).
NAMED = (ExportFormat.CLAIMREVIEW, ExportFormat.WEBANNOTATION)
#: The file name offered for each format (without its ending): the two JSON-LD
#: formats share an ending, so they must not share a name too.
DEFAULT_STEMS = {
    ExportFormat.CLAIMREVIEW: "provenance-claimreview",
    ExportFormat.WEBANNOTATION: "provenance-annotations",
}
DEFAULT_STEM = "provenance-export"


def default_name(fmt: ExportFormat) -> str:
    """The file name the dialog offers for ``fmt``."""
    return DEFAULT_STEMS.get(fmt, DEFAULT_STEM) + SUFFIXES[fmt]


class ExportDialog(QDialog):
    """The export dialog of ``window`` (see the module docstring)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.setWindowTitle("Export")
        self.setAccessibleName("Export")
        self.setObjectName("exportDialog")
        self.result_: Exported | None = None
        #: A file the user already agreed to replace (the file chooser asks, or we did).
        self._replace_ok: Path | None = None
        lib = window.library

        # which articles
        self.scopes = QButtonGroup(self)
        self.current = QRadioButton()
        self.selected = QRadioButton()
        self.listed = QRadioButton()
        self.tagged = QRadioButton("Tagged")
        self.everything = QRadioButton(
            f"The whole library ({plural(lib.count_articles(), 'article')})"
        )
        self.tag_box = QComboBox()
        self.tag_box.setAccessibleName("Tag")
        for t in lib.tags():
            counts = [plural(t.articles, "article")] if t.articles else []
            counts += [plural(t.highlights, "highlight")] if t.highlights else []
            self.tag_box.addItem(f"{t.name} ({', '.join(counts)})", t.name)
        stored = window.stored
        self.current.setText(
            f"This article: {_short(stored.article.title or '(untitled)')}"
            if stored is not None
            else "This article (none is open)"
        )
        self.current.setEnabled(stored is not None)
        n_selected = len(self._selected_ids())
        self.selected.setText(f"Selected in the list ({plural(n_selected, 'article')})")
        self.selected.setEnabled(n_selected > 0)
        n_listed = len(window.lib_model.ids())
        self.listed.setText(f"Listed now ({plural(n_listed, 'article')})")
        self.listed.setEnabled(n_listed > 0)
        self.tagged.setEnabled(self.tag_box.count() > 0)
        self.tag_box.setEnabled(self.tag_box.count() > 0)
        tag_row = QHBoxLayout()
        tag_row.addWidget(self.tagged)
        tag_row.addWidget(self.tag_box, 1)
        scope_box = QVBoxLayout()
        for button in (self.current, self.selected, self.listed, self.tagged, self.everything):
            self.scopes.addButton(button)
        for button in (self.current, self.selected, self.listed):
            scope_box.addWidget(button)
        scope_box.addLayout(tag_row)
        scope_box.addWidget(self.everything)
        (self.current if stored is not None else self.everything).setChecked(True)
        self.tag_box.activated.connect(lambda _i: self.tagged.setChecked(True))

        # format, reviewer, file
        prefs = window.prefs
        self.format_box = QComboBox()
        self.format_box.setAccessibleName("Format")
        for fmt, label in FORMAT_LABELS.items():
            self.format_box.addItem(label, fmt.value)
        at = self.format_box.findData(prefs.export_format)
        self.format_box.setCurrentIndex(max(at, 0))
        self.reviewer = QLineEdit(prefs.reviewer_name)
        self.reviewer.setAccessibleName("Reviewer")
        self.reviewer.setPlaceholderText("your name, or your organisation's")
        self.path = QLineEdit()
        self.path.setAccessibleName("File")
        choose = QPushButton("Choose…")
        choose.setAccessibleName("Choose the file")
        choose.clicked.connect(self.choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(choose)
        form = QFormLayout()
        form.addRow("Articles:", _wrap(scope_box))
        form.addRow("Format:", self.format_box)
        form.addRow("Reviewer:", self.reviewer)
        form.addRow("File:", _wrap(file_row))
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setAccessibleName("About the format")

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = buttons.addButton("Export", QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setDefault(True)
        buttons.accepted.connect(self.run)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.format_box.currentIndexChanged.connect(self._format_changed)
        self._format_changed()
        self.resize(max(self.sizeHint().width(), 560), self.sizeHint().height())

    # --- what the user chose ------------------------------------------------------

    def fmt(self) -> ExportFormat:
        return ExportFormat(self.format_box.currentData())

    def scope(self) -> Scope:
        """The articles chosen, as a :class:`~reader.export.Scope`."""
        w = self.window_
        if self.current.isChecked() and w.stored is not None:
            return Scope((w.stored.id,))
        if self.selected.isChecked():
            return Scope(tuple(self._selected_ids()))
        if self.listed.isChecked():
            return Scope(tuple(w.lib_model.ids()))
        if self.tagged.isChecked() and self.tag_box.currentData():
            return Scope(tags=(str(self.tag_box.currentData()),))
        return Scope()

    def _selected_ids(self) -> list[int]:
        view = self.window_.lib_view
        ids = (i.data(IdRole) for i in view.selectionModel().selectedRows())
        return [aid for aid in ids if isinstance(aid, int)]

    def _format_changed(self) -> None:
        fmt = self.fmt()
        self.reviewer.setEnabled(fmt in NAMED)
        self.note.setText(
            {
                ExportFormat.CLAIMREVIEW: "Only claims you gave a verdict are written; the"
                " reviewer's name is the review's author.",
                ExportFormat.WEBANNOTATION: "Export as Web Annotation here, then File →"
                " Import Marks… (import-marks) in another library, brings your highlights,"
                " verdicts, notes and tags over.",
            }.get(fmt, "")
        )
        text = self.path.text().strip()
        if text:  # keep the name, change the ending; a name we offered: the new one's
            p = Path(text)
            if p.suffix in SUFFIXES.values():
                offered = p.stem in (DEFAULT_STEM, *DEFAULT_STEMS.values())
                self.path.setText(
                    str(p.with_name(default_name(fmt)) if offered else p.with_suffix(SUFFIXES[fmt]))
                )
        else:
            self.path.setText(str(self._folder() / default_name(fmt)))

    def _folder(self) -> Path:
        saved = self.window_.prefs.export_folder
        if saved and Path(saved).is_dir():
            return Path(saved)
        docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(docs) if docs else Path.home()

    def choose_file(self) -> None:
        fmt = self.fmt()
        pattern = f"{FORMAT_LABELS[fmt].split(' (')[0]} (*{SUFFIXES[fmt]})"
        path, _ = QFileDialog.getSaveFileName(self, "Export to", self.path.text(), pattern)
        if path:
            self.path.setText(path)
            self._replace_ok = Path(path).expanduser()  # the file chooser asked already

    # --- doing it -------------------------------------------------------------------

    def run(self) -> bool:
        """Write the export; True when written (the dialog closes), else a message box
        says why and the dialog stays."""
        fmt = self.fmt()
        text = self.path.text().strip()
        if not text:
            self._fail("No file chosen", "Choose the file to write.")
            return False
        reviewer = self.reviewer.text().strip() or None
        if fmt is ExportFormat.CLAIMREVIEW and not reviewer:
            self._fail("Reviewer needed", "ClaimReview names who reviewed the claims: give a name.")
            self.reviewer.setFocus()
            return False
        path = Path(text).expanduser()
        if path.exists() and path != self._replace_ok:
            self._ask_replace(path)
            return False
        prefs = self.window_.prefs
        if reviewer:
            prefs.reviewer_name = reviewer
        prefs.export_format = fmt.value
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            done = export_file(self.window_.library, fmt, self.scope(), path, reviewer)
        except InputError as exc:
            self._fail("Export failed", str(exc))
            return False
        except store_error() as exc:  # the library busy or damaged while reading
            self._fail("Export failed", f"{path}: {write_reason(exc)}")
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        prefs.export_folder = str(path.parent)
        self.result_ = done
        self.window_.flash(said(done))
        self.accept()
        return True

    def _ask_replace(self, path: Path) -> QMessageBox:
        """Ask before writing over ``path``; Replace exports, Cancel leaves the file
        and the dialog as they are."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Replace the file?",
            f"{path.name} already exists in {path.parent}. Replace it?",
            QMessageBox.StandardButton.Cancel,
            self,
        )
        replace = box.addButton("Replace", QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setObjectName("exportReplace")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered(_result: int) -> None:
            if box.clickedButton() is replace:
                self._replace_ok = path
                self.run()

        box.finished.connect(answered)
        box.open()
        return box

    def _fail(self, title: str, text: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self
        )
        box.setObjectName("exportProblem")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()


def said(done: Exported) -> str:
    """The status-bar line for a finished export."""
    what = {
        ExportFormat.CLAIMREVIEW: plural(done.items, "claim review"),
        ExportFormat.WEBANNOTATION: plural(done.items, "annotation"),
        ExportFormat.PDF: plural(done.items, "page"),
    }.get(done.format, plural(done.claims, "claim"))
    return f"Exported {plural(done.articles, 'article')} ({what}) to {done.path}"


def _short(title: str, limit: int = 60) -> str:
    title = " ".join(title.split())
    return title if len(title) <= limit else title[: limit - 1] + "…"


def _wrap(layout: QHBoxLayout | QVBoxLayout) -> QWidget:
    w = QWidget()
    layout.setContentsMargins(0, 0, 0, 0)
    w.setLayout(layout)
    return w
