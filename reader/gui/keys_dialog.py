"""Remap keys: every action with its keys; pick one, press a new key, save it.

The dialog writes the same ``[keys]`` settings a user may edit by hand (see
:mod:`reader.gui.actions`) and sets the window's QActions at once, so a new key works
as soon as it is saved. A key another action already has is named before anything is
saved: "Set" then becomes "Take It", which moves the key (the other action loses it,
and that is saved too). Tab, Shift+Tab and Esc stay with moving around the window
and closing dialogs, so they are refused.

Enter never presses Set, Add, Remove Keys or Reset: none of them is a default or
auto-default button (in a dialog a focused push button takes Enter by default, and
when Set is disabled after saving the focus falls to the next button, Remove Keys).
Close is the one default; after each change the focus goes back to the action list.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QKeySequenceEdit,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.gui.actions import ACTIONS, BY_NAME, ActionSpec, default_sequences, key_text
from reader.gui.settings import Settings

PORTABLE = QKeySequence.SequenceFormat.PortableText
#: Keys kept for moving between panes and closing dialogs; never given to an action.
RESERVED = tuple(QKeySequence(k) for k in ("Tab", "Shift+Tab", "Backtab", "Esc"))


def plain_label(spec: ActionSpec) -> str:
    return spec.label.replace("&", "").rstrip("…")


def keys_setting(seqs: list[QKeySequence]) -> str:
    """Keys as the ``[keys]`` setting holds them: ``Down; J``."""
    return "; ".join(s.toString(PORTABLE) for s in seqs)


class KeysDialog(QDialog):
    """Every action and its keys; select one, press a key, then Set, Add, Remove
    Keys or Reset. Each change is saved to the ``[keys]`` settings and applied to
    ``actions`` (the window's QActions, by action name; kept as ``by_name``) at once."""

    COLUMNS = ("Menu", "Action", "Keys")

    def __init__(
        self,
        actions: Mapping[str, QAction],
        prefs: Settings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Remap Keys")
        self.setAccessibleName("Remap keys")
        self.by_name = actions
        self.prefs = prefs
        self.specs = [s for s in ACTIONS if s.name in actions]

        self.table = QTableWidget(len(self.specs), len(self.COLUMNS))
        self.table.setAccessibleName("Actions and their keys")
        self.table.setHorizontalHeaderLabels(list(self.COLUMNS))
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        for row, spec in enumerate(self.specs):
            for col, text in enumerate((spec.menu.replace("&", ""), plain_label(spec), "")):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, spec.name)
                item.setToolTip(spec.description)
                self.table.setItem(row, col, item)
            self._show_keys(row)
        self.table.itemSelectionChanged.connect(self._selected)

        self.current = QLabel("Select an action above.")
        self.current.setAccessibleName("Selected action")
        self.current.setWordWrap(True)
        self.recorder = QKeySequenceEdit()
        self.recorder.setAccessibleName("New key: press it here")
        self.recorder.setMaximumSequenceLength(1)
        self.recorder.setClearButtonEnabled(True)
        self.recorder.keySequenceChanged.connect(self._recorded)
        self.conflict = QLabel("")
        self.conflict.setAccessibleName("Key conflict")
        self.conflict.setWordWrap(True)
        self.set_button = QPushButton("&Set")
        self.set_button.setToolTip("Make the pressed key this action's only key")
        self.add_button = QPushButton("&Add")
        self.add_button.setToolTip("Give this action the pressed key as well")
        self.clear_button = QPushButton("Remove &Keys")
        self.clear_button.setToolTip("Leave this action with no key (the menu still has it)")
        self.reset_button = QPushButton("&Reset")
        self.reset_button.setToolTip("Give this action its default keys back")
        for b in (self.set_button, self.add_button, self.clear_button, self.reset_button):
            b.setAutoDefault(False)  # Enter must not press these, even with the focus
            b.setDefault(False)
        self.set_button.clicked.connect(lambda: self._assign(replace=True))
        self.add_button.clicked.connect(lambda: self._assign(replace=False))
        self.clear_button.clicked.connect(self._clear)
        self.reset_button.clicked.connect(self._reset)

        press = QHBoxLayout()
        press.addWidget(QLabel("New key:"))
        press.addWidget(self.recorder, 1)
        press.addWidget(self.set_button)
        press.addWidget(self.add_button)
        edits = QHBoxLayout()
        edits.addWidget(self.clear_button)
        edits.addWidget(self.reset_button)
        edits.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName("Close")
        close.rejected.connect(self.reject)
        close_button = close.button(QDialogButtonBox.StandardButton.Close)
        if close_button is not None:
            close_button.setDefault(True)  # Enter closes, the one thing it may do
        lay = QVBoxLayout(self)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.current)
        lay.addLayout(press)
        lay.addWidget(self.conflict)
        lay.addLayout(edits)
        lay.addWidget(close)
        self.resize(640, 560)
        self._update_buttons()

    # --- reading ------------------------------------------------------------------

    def selected_name(self) -> str | None:
        items = self.table.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    def select(self, name: str) -> None:
        """Select action ``name``'s row (and put the focus on the key recorder)."""
        for row, spec in enumerate(self.specs):
            if spec.name == name:
                self.table.selectRow(row)
                self.recorder.setFocus(Qt.FocusReason.OtherFocusReason)
                return
        raise KeyError(name)

    def keys_shown(self, name: str) -> str:
        """The keys column of action ``name`` (tests; what the user reads)."""
        row = next(r for r, s in enumerate(self.specs) if s.name == name)
        item = self.table.item(row, 2)
        return item.text() if item is not None else ""

    def conflicts(self, seq: QKeySequence, name: str) -> list[str]:
        """Names of the other actions that have key ``seq`` now."""
        return [
            other for other, act in self.by_name.items() if other != name and seq in act.shortcuts()
        ]

    # --- reacting -----------------------------------------------------------------

    def _show_keys(self, row: int) -> None:
        spec = self.specs[row]
        seqs = self.by_name[spec.name].shortcuts()
        text = key_text(seqs) or "—"
        if seqs != default_sequences(spec):
            text += "  (changed)"
        item = self.table.item(row, 2)
        if item is not None:
            item.setText(text)

    def _selected(self) -> None:
        name = self.selected_name()
        if name is not None:
            spec = BY_NAME[name]
            defaults = key_text(default_sequences(spec)) or "none"
            self.current.setText(
                f"{plain_label(spec)}: {spec.description}. Default keys: {defaults}."
            )
        self.recorder.clear()
        self._update_buttons()

    def _recorded(self, _seq: QKeySequence) -> None:
        self._update_buttons()

    def _pressed(self) -> QKeySequence | None:
        seq = self.recorder.keySequence()
        return None if seq.isEmpty() else seq

    def _update_buttons(self) -> None:
        """Name any conflict of the pressed key, and say what Set will do about it."""
        name = self.selected_name()
        seq = self._pressed()
        self.clear_button.setEnabled(name is not None)
        self.reset_button.setEnabled(name is not None)
        self.set_button.setText("&Set")
        reserved = seq is not None and any(seq == r for r in RESERVED)
        can = name is not None and seq is not None and not reserved
        self.set_button.setEnabled(can)
        self.add_button.setEnabled(can)
        if seq is None or name is None:
            self.conflict.setText("")
            return
        key = seq.toString(QKeySequence.SequenceFormat.NativeText)
        if reserved:
            self.conflict.setText(f"{key} moves between panes or closes dialogs: pick another.")
            return
        others = self.conflicts(seq, name)
        if others:
            labels = ", ".join(plain_label(BY_NAME[o]) for o in others)
            self.conflict.setText(
                f"{key} is already the key of {labels}. Take It moves it here; {labels} loses it."
            )
            self.set_button.setText("&Take It")
            self.add_button.setEnabled(False)
        else:
            self.conflict.setText(f"{key} is free.")

    # --- writing ------------------------------------------------------------------

    def _apply(self, name: str, seqs: list[QKeySequence]) -> None:
        """Give ``name`` keys ``seqs``: the QAction now, the settings file too (an
        entry only when they differ from the defaults)."""
        self.by_name[name].setShortcuts(seqs)
        spec = BY_NAME[name]
        same = seqs == default_sequences(spec)
        self.prefs.set_keys(name, None if same else keys_setting(seqs))
        self.prefs.sync()
        self._show_keys(next(r for r, s in enumerate(self.specs) if s.name == name))

    def _assign(self, replace: bool) -> None:
        name, seq = self.selected_name(), self._pressed()
        if name is None or seq is None:
            return
        for other in self.conflicts(seq, name):  # shown before; Take It moves the key
            kept = [s for s in self.by_name[other].shortcuts() if s != seq]
            self._apply(other, kept)
        current = [] if replace else self.by_name[name].shortcuts()
        self._apply(name, [*(s for s in current if s != seq), seq])
        self.recorder.clear()
        self.conflict.setText(
            f"Saved: {plain_label(BY_NAME[name])} is now "
            f"{key_text(self.by_name[name].shortcuts())}."
        )
        self._back_to_list()

    def _clear(self) -> None:
        name = self.selected_name()
        if name is not None:
            self._apply(name, [])
            self.conflict.setText(f"Saved: {plain_label(BY_NAME[name])} has no key now.")
            self._back_to_list()

    def _reset(self) -> None:
        name = self.selected_name()
        if name is None:
            return
        spec = BY_NAME[name]
        defaults = default_sequences(spec)
        # a default key another action has taken meanwhile stays with it: name it
        taken = {o for s in defaults for o in self.conflicts(s, name)}
        self._apply(name, [s for s in defaults if not self.conflicts(s, name)])
        msg = f"Saved: {plain_label(spec)} has its default keys again."
        if taken:
            owners = ", ".join(plain_label(BY_NAME[o]) for o in sorted(taken))
            msg += f" (Some are used by {owners} now: reset that too to free them.)"
        self.conflict.setText(msg)
        self._back_to_list()

    def _back_to_list(self) -> None:
        """After a change, focus the action list: the button just pressed may be
        disabled now, and Qt would hand the focus to the next button in line."""
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
