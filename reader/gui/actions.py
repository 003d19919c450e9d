"""The one table of actions: menus, shortcuts and the help sheet are all built from it.

Each :class:`ActionSpec` names a window method (``handler``; a dotted name reaches a
method of one of the window's controllers, such as ``reading.toggle_star``), the
arguments it is called with (``args``: one handler serves the four verdicts) and its default keys.
Keys are strings in QKeySequence's portable format, or a ``QKeySequence.StandardKey``
for the platform's own key (Open, Paste, Find, Quit, zoom).

Remapping keys: put an entry in the ``[keys]`` group of the settings file (see
:func:`reader.gui.settings.app_settings`; on Linux ``~/.config/Provenance
Reader/Provenance Reader.ini``), keyed by the action's name, with one or more
key sequences separated by ``; ``. For example::

    [keys]
    next_claim=Down; j
    verdict_true=t
    search=

An empty value removes the action's keys; a missing entry keeps the defaults.
Help → Remap Keys… (:mod:`reader.gui.keys_dialog`) writes the same entries.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from operator import attrgetter

from PySide6.QtCore import QEvent, QObject, QSettings, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QKeySequenceEdit,
    QMenu,
    QMenuBar,
    QWidget,
)

from reader.gui.settings import Settings

Key = str | QKeySequence.StandardKey
SK = QKeySequence.StandardKey


@dataclass(frozen=True)
class ActionSpec:
    """One user action: its settings name, menu label, default keys, menu and handler."""

    name: str
    label: str
    keys: tuple[Key, ...]
    menu: str
    handler: str
    description: str
    checkable: bool = False
    #: Arguments the handler is called with (a checkable action's handler gets the state).
    args: tuple[object, ...] = ()


MENUS = ("&File", "&Go", "&Article", "&Claim", "Fee&ds", "&View", "&Help")

ACTIONS: tuple[ActionSpec, ...] = (
    # File
    ActionSpec("import_files", "&Import Files…", (SK.Open,), "&File", "import_files_dialog",
               "Import article files (HTML, Markdown, text) into the library"),
    ActionSpec("paste", "Import from &Clipboard", (SK.Paste,), "&File", "import_clipboard",
               "Import the clipboard's URL, files or text as an article"),
    ActionSpec("import_marks", "Import &Marks…", ("Ctrl+Alt+I",), "&File",
               "imports.choose_marks_file",
               "Read a Web Annotation export's highlights, verdicts, notes and tags back"
               " onto the same articles of this library"),
    ActionSpec("export", "&Export…", ("Ctrl+E",), "&File", "export",
               "Save the open article, the selection, a tag or the library as a memo, PDF,"
               " CSV, ClaimReview or Web Annotation"),
    # File: managing the library (delete with undo, the bundled samples)
    ActionSpec("delete_article", "&Delete Article…", ("Del",), "&File", "delete_article",
               "Delete the selected article with its claims, verdicts and notes, after asking"),
    ActionSpec("undo_delete", "&Undo Delete", ("Ctrl+Z",), "&File", "undo_delete",
               "Bring back the articles deleted last (until the window closes)"),
    ActionSpec("remove_samples", "Remove &Samples…", ("Ctrl+Shift+Del",), "&File", "remove_samples",
               "Delete the bundled fictional sample articles, after asking (undo works)"),
    ActionSpec("quit", "&Quit", (SK.Quit, "Ctrl+Q"), "&File", "close", "Close the window"),
    # Go
    ActionSpec("next_claim", "&Next Claim", ("J", "N"), "&Go", "next_claim",
               "Highlight the next claim in the article"),
    ActionSpec("prev_claim", "&Previous Claim", ("K", "P"), "&Go", "prev_claim",
               "Highlight the previous claim in the article"),
    ActionSpec("next_article", "Next &Article", ("]",), "&Go", "next_article",
               "Open the next article in the library list"),
    ActionSpec("prev_article", "Previous A&rticle", ("[",), "&Go", "prev_article",
               "Open the previous article in the library list"),
    ActionSpec("open_import", "Open &Last Import", ("Ctrl+Shift+O",), "&Go", "open_last_import",
               "Open the article the last import brought in (or found already there)"),
    ActionSpec("search", "&Search Library…", ("/", SK.Find), "&Go", "start_search",
               "Full-text search of the library; Enter opens, Esc goes back"),
    ActionSpec("focus_filters", "Claim &Filters", ("F",), "&Go", "focus_filters",
               "Move the focus to the claims panel's filters"),
    ActionSpec("next_appearance", "Next &Appearance", ("T",), "&Go", "tracing.next_appearance",
               "Open the next article (by date) that reports the current claim, at it"),
    ActionSpec("back_appearance", "&Back from Appearance", ("Shift+T",), "&Go",
               "tracing.back_appearance", "Back to the article and claim T came from"),
    ActionSpec("go_to_evidence", "Go to &Evidence", ("V",), "&Go", "go_to_evidence",
               "Scroll to the words that set the current claim's status; again: back to "
               "the claim"),
    ActionSpec("next_mark", "Next &Mark", (".",), "&Go", "marks.next_mark",
               "Scroll to the next highlight in the article and select it"),
    ActionSpec("prev_mark", "Previous Mar&k", (",",), "&Go", "marks.prev_mark",
               "Scroll to the previous highlight in the article and select it"),
    ActionSpec("marks_view", "Marks &View", ("Shift+M",), "&Go", "marks.show_view",
               "Every highlight and note across the library, filtered by tag, article, "
               "colour; Enter opens the article at the mark, Esc goes back"),
    # Article: reading marks (user state, kept apart from what was extracted)
    ActionSpec("page_or_next_unread", "Page Down or Next &Unread", ("Space",), "&Article",
               "reading.page_or_next_unread",
               "Scroll the article a page; at its end, open the next unread article"),
    ActionSpec("toggle_read", "Mark &Read or Unread", ("M",), "&Article", "reading.toggle_read",
               "Mark the open article unread (or read again)"),
    ActionSpec("toggle_star", "&Star", ("S",), "&Article", "reading.toggle_star",
               "Star the open article, or take its star away"),
    ActionSpec("mark_source_read", "Mark &All as Read", ("Shift+A",), "&Article",
               "reading.mark_source_read",
               "Mark every article of the chosen feed, folder or list as read"),
    # Article: the reader's marks (highlights with notes and tags; tags on the article)
    ActionSpec("highlight", "&Highlight Selection", ("A",), "&Article", "marks.highlight",
               "Highlight the selected words in the colour used last"),
    ActionSpec("highlight_colour", "Highlight in &Colour…", ("C",), "&Article",
               "marks.pick_colour",
               "Pick a colour (1-5) for the selected words, or for the mark at the cursor"),
    ActionSpec("edit_mark", "&Edit Mark…", ("Shift+E",), "&Article", "marks.edit_mark",
               "The colour, note and tags of the mark at the cursor (or stepped to)"),
    ActionSpec("remove_mark", "Remo&ve Mark", ("Backspace",), "&Article", "marks.remove_mark",
               "Remove the mark at the cursor (or stepped to); Put Back Mark undoes it"),
    ActionSpec("undo_remove_mark", "Put &Back Mark", ("Z",), "&Article",
               "marks.undo_remove", "Put back the mark removed last (until the window closes)"),
    ActionSpec("tag_article", "&Tag Article…", ("#",), "&Article", "marks.tag_article",
               "The open article's tags, comma-separated"),
    # Claim
    ActionSpec("verdict_true", "Verdict: &True", ("1",), "&Claim", "set_verdict",
               "Mark the current claim true", args=("true",)),
    ActionSpec("verdict_false", "Verdict: &False", ("2",), "&Claim", "set_verdict",
               "Mark the current claim false", args=("false",)),
    ActionSpec("verdict_misleading", "Verdict: &Misleading", ("3",), "&Claim", "set_verdict",
               "Mark the current claim misleading", args=("misleading",)),
    ActionSpec("verdict_unproven", "Verdict: &Unproven", ("4",), "&Claim", "set_verdict",
               "Mark the current claim unproven", args=("unproven",)),
    ActionSpec("verdict_clear", "&Clear Verdict", ("0",), "&Claim", "set_verdict",
               "Clear your verdict on the current claim", args=(None,)),
    ActionSpec("edit_note", "Edit &Note…", ("E",), "&Claim", "edit_note",
               "Write a note kept with your verdict"),
    ActionSpec("open_origin", "Open &Cited Page", ("O",), "&Claim", "tracing.open_origin",
               "Open the page the claim's attribution links to, at the matching claim; "
               "import it if the library does not have it"),
    ActionSpec("verdict_history", "Verdict &History…", ("H",), "&Claim", "show_history",
               "Every verdict and note you gave the current claim, oldest first"),
    # Feeds: subscriptions, refreshed in the background
    ActionSpec("subscribe", "&Subscribe…", ("Ctrl+N",), "Fee&ds", "subscriptions.subscribe",
               "Follow a site: its feed's address, or any page of it (the feed is found)"),
    ActionSpec("refresh_feeds", "&Refresh Feeds", ("R",), "Fee&ds", "subscriptions.refresh_all",
               "Fetch every feed now, in the background; new articles arrive unread"),
    ActionSpec("refresh_feed", "Refresh &This Feed", ("Shift+R",), "Fee&ds",
               "subscriptions.refresh_chosen", "Fetch the chosen feed or folder now"),
    ActionSpec("stop_refresh", "Sto&p Refreshing", ("Ctrl+.",), "Fee&ds", "subscriptions.cancel",
               "Stop the refresh under way; what arrived stays"),
    ActionSpec("rename_feed", "Re&name Feed…", ("F2",), "Fee&ds", "subscriptions.rename",
               "Give the chosen feed another name"),
    ActionSpec("move_feed", "&Move to Folder…", ("Ctrl+Shift+M",), "Fee&ds", "subscriptions.move",
               "Put the chosen feed in a folder (a new one, or none)"),
    ActionSpec("feed_interval", "Refresh &Interval…", ("Ctrl+Shift+T",), "Fee&ds",
               "subscriptions.set_interval",
               "How often the chosen feed is fetched (default: every 30 minutes)"),
    ActionSpec("unsubscribe", "&Unsubscribe…", ("Ctrl+Shift+U",), "Fee&ds",
               "subscriptions.unsubscribe",
               "Stop following the chosen feed; its articles stay unless you ask"),
    ActionSpec("import_opml", "Import &OPML…", ("Ctrl+Shift+I",), "Fee&ds",
               "subscriptions.import_opml",
               "Subscribe to every feed of an OPML file, with its folders"),
    ActionSpec("export_opml", "&Export OPML…", ("Ctrl+Shift+E",), "Fee&ds",
               "subscriptions.export_opml",
               "Save every subscription, with its folder, as an OPML file"),
    # View
    ActionSpec("toggle_library", "Show &Library", ("Ctrl+B",), "&View", "toggle_library",
               "Show or hide the library list", checkable=True),
    ActionSpec("toggle_claims", "Show &Claims", ("Ctrl+Shift+B",), "&View", "toggle_claims",
               "Show or hide the claims panel", checkable=True),
    ActionSpec("toggle_unattributed", "Hide &Unattributed Claims", ("U",), "&View",
               "toggle_unattributed", "Hide claims with no source in the claims panel",
               checkable=True),
    ActionSpec("toggle_details", "Claim &Details", ("D",), "&View", "toggle_claim_details",
               "Show or hide the current claim's details under the claims list",
               checkable=True),
    ActionSpec("zoom_in", "Zoom &In", (SK.ZoomIn,), "&View", "zoom_in",
               "Larger text: the article and the panes"),
    ActionSpec("zoom_out", "Zoom &Out", (SK.ZoomOut,), "&View", "zoom_out",
               "Smaller text: the article and the panes"),
    ActionSpec("zoom_reset", "&Actual Size", ("Ctrl+0",), "&View", "zoom_reset",
               "Default text size"),
    # Help
    ActionSpec("help_keys", "&Keyboard Shortcuts", ("?", SK.HelpContents), "&Help",
               "show_help", "This sheet: every action and its keys"),
    ActionSpec("help_statuses", "&Statuses and Chains", ("Shift+S",), "&Help", "show_statuses",
               "What each status, colour, chain and \"uncertain\" means"),
    ActionSpec("remap_keys", "&Remap Keys…", ("Ctrl+Shift+K",), "&Help", "remap_keys",
               "Give any action other keys; a key already in use is named before saving"),
)  # fmt: skip

BY_NAME = {a.name: a for a in ACTIONS}


def default_sequences(spec: ActionSpec) -> list[QKeySequence]:
    """The spec's default keys as sequences (a StandardKey may give several, or none,
    depending on the platform; a string after it is the fallback), without repeats."""
    out: list[QKeySequence] = []
    for k in spec.keys:
        found = [QKeySequence(k)] if isinstance(k, str) else QKeySequence.keyBindings(k)
        out.extend(s for s in found if not s.isEmpty() and s not in out)
    return out


def sequences(spec: ActionSpec, settings: QSettings | None = None) -> list[QKeySequence]:
    """The keys in force: the ``keys/<name>`` setting if present, else the defaults."""
    text = Settings(settings).keys(spec.name) if settings is not None else None
    if text is not None:
        return [
            s
            for s in QKeySequence.listFromString(text, QKeySequence.SequenceFormat.PortableText)
            if not s.isEmpty()
        ]
    return default_sequences(spec)


def key_text(seqs: Iterable[QKeySequence]) -> str:
    """Keys as the user reads them: ``J, N``."""
    return ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in seqs)


def build_actions(
    owner: QWidget, menubar: QMenuBar, settings: QSettings | None
) -> dict[str, QAction]:
    """Create a QAction per spec on ``owner``, wired to ``owner.<handler>``, in menus."""
    menus: dict[str, QMenu] = {m: menubar.addMenu(m) for m in MENUS}
    actions: dict[str, QAction] = {}
    for spec in ACTIONS:
        act = QAction(spec.label, owner)
        act.setObjectName(f"action_{spec.name}")
        act.setShortcuts(sequences(spec, settings))
        # window-wide, but QLineEdit takes printable keys first (ShortcutOverride),
        # so single letters type into the search box instead of firing
        act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        act.setStatusTip(spec.description)
        act.setToolTip(spec.description)
        act.setCheckable(spec.checkable)
        handler: Callable[..., object] = attrgetter(spec.handler)(owner)
        if spec.checkable:
            act.toggled.connect(handler)
        else:
            act.triggered.connect(lambda _checked=False, h=handler, a=spec.args: h(*a))
        menus[spec.menu].addAction(act)
        owner.addAction(act)
        actions[spec.name] = act
    return actions


class ControlsKeepTheirKeys(QObject):
    """A one-key shortcut (Space, a letter) must not take a key from the control that
    has the focus: Space presses a focused button or ticks a box, a combo box and a
    key recorder take what is typed. Qt asks the focused widget first (a
    ShortcutOverride event); this filter answers yes for those controls, as QLineEdit
    does for itself. It watches each control of a window (not the application: a
    filter there is a Python call for every event, 15 ms of start-up alone)."""

    CONTROLS = (QAbstractButton, QComboBox, QAbstractSpinBox, QKeySequenceEdit)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and not event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier
            and (event.key() == Qt.Key.Key_Space or isinstance(obj, (QComboBox, QKeySequenceEdit)))
        ):
            event.accept()  # the control gets the key press; the shortcut does not fire
        return False

    def watch(self, widget: QWidget) -> None:
        """Watch ``widget`` and the controls in it (call again for controls added
        later, such as a status-bar button made on first use)."""
        if isinstance(widget, self.CONTROLS):
            widget.installEventFilter(self)
        for kind in self.CONTROLS:
            for control in widget.findChildren(kind):
                control.installEventFilter(self)

    @classmethod
    def install(cls, window: QWidget) -> ControlsKeepTheirKeys:
        guard = cls(window)
        guard.watch(window)
        return guard


def keys_markdown() -> str:
    """The action table as a Markdown table (the README's keyboard section is this,
    checked by a test, so the docs cannot drift from the keys)."""
    rows = ["| keys | action | menu |", "| --- | --- | --- |"]
    for spec in ACTIONS:
        keys = ", ".join(
            f"`{s.toString(QKeySequence.SequenceFormat.PortableText)}`"
            for s in default_sequences(spec)
        )
        label = spec.label.replace("&", "").rstrip("…")
        rows.append(f"| {keys} | {label}: {spec.description} | {spec.menu.replace('&', '')} |")
    return "\n".join(rows)
