"""Where the window keeps its state: one QSettings, INI format, per user.

Keys used (all under the application's org/app names from :mod:`reader`):

- ``window/geometry``, ``window/state``, ``window/splitter``: layout
- ``view/font_size``: article text size in points
- ``last_article/<hash of the library's path>``: the article shown at the next start,
  per library file
- ``library/visible``: whether the library pane is shown
- ``claims/hide_unattributed``: the claims panel toggle
- ``keys/<action name>``: remapped shortcuts, see :mod:`reader.gui.actions`
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings

from reader import APP_NAME, ORG_NAME


def app_settings() -> QSettings:
    """The settings store. INI on every platform, so the ``keys`` group is hand-editable."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORG_NAME, APP_NAME)


def throwaway_settings() -> tuple[QSettings, Path]:
    """Settings in a new temporary folder (screenshot mode): the user's font size,
    hidden panes and key remaps do not change the picture, and nothing is written
    back. Returns the settings and the folder to delete afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="provenance-reader-shot-"))
    return QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat), folder


def as_bool(value: object, default: bool = False) -> bool:
    """QSettings hands back "true"/"false" strings from INI files; read them as bools."""
    if value is None:
        return default
    if isinstance(value, str):
        return value.lower() in ("1", "true", "yes", "on")
    return bool(value)


def as_int(value: object, default: int) -> int:
    try:
        return int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return default
