"""Where the window keeps its state: every setting declared once, with key, type and
default (as MusicBrainz Picard's ``options.py`` does), read and written as typed
attributes of :class:`Settings`.

The store is one QSettings in INI format per user (see :func:`app_settings`), so the
``[keys]`` group stays hand-editable. Only :class:`Settings` and the key remapping in
:mod:`reader.gui.actions` touch it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar, cast, overload

from PySide6.QtCore import QByteArray, QSettings

from reader import APP_NAME, ORG_NAME

#: The article's text size in points before any zoom.
DEFAULT_POINT_SIZE = 12
#: The settings group of remapped keys, by action name (see :mod:`reader.gui.actions`).
KEYS_GROUP = "keys"

T = TypeVar("T")


def app_settings() -> QSettings:
    """The settings store. INI on every platform, so the ``keys`` group is hand-editable."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORG_NAME, APP_NAME)


def throwaway_settings() -> tuple[QSettings, Path]:
    """Settings in a new temporary folder (screenshot mode): the user's font size,
    hidden panes and key remaps do not change the picture, and nothing is written
    back. Returns the settings and the folder to delete afterwards."""
    import tempfile

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


def _convert(kind: type, raw: object, default: Any) -> Any:
    """``raw`` from the store as ``kind``; the default when it is missing or unreadable."""
    if raw is None:
        return default
    if kind is bool:
        return as_bool(raw, default)
    if kind is int:
        return as_int(raw, default)
    if kind is str:
        return raw if isinstance(raw, str) else default
    if kind is QByteArray:
        return raw if isinstance(raw, QByteArray) else default
    raise TypeError(f"no conversion for setting type {kind.__name__}")


@dataclass(frozen=True)
class Setting(Generic[T]):
    """One setting: where it is stored, its type, its default and what it is for.
    Declared as a class attribute of :class:`Settings`; reading it gives a ``T``."""

    key: str
    kind: type
    default: T
    doc: str

    @overload
    def __get__(self, obj: None, owner: type) -> Setting[T]: ...
    @overload
    def __get__(self, obj: Settings, owner: type) -> T: ...
    def __get__(self, obj: Settings | None, owner: type) -> Setting[T] | T:
        if obj is None:
            return self
        return cast(T, _convert(self.kind, obj.store.value(self.key), self.default))

    def __set__(self, obj: Settings, value: T) -> None:
        if obj.persist:
            obj.store.setValue(self.key, value)


class Settings:
    """The window's settings, typed. ``persist=False`` (screenshot mode, some tests)
    reads them but never writes back."""

    geometry = Setting[QByteArray | None](
        "window/geometry", QByteArray, None, "the window's size and place"
    )
    splitter = Setting[QByteArray | None](
        "window/splitter", QByteArray, None, "the widths of the three panes"
    )
    font_size = Setting[int](
        "view/font_size", int, DEFAULT_POINT_SIZE, "article text size in points"
    )
    library_visible = Setting[bool]("library/visible", bool, True, "the library pane is shown")
    claims_visible = Setting[bool]("claims/visible", bool, True, "the claims pane is shown")
    hide_unattributed = Setting[bool](
        "claims/hide_unattributed", bool, False, "the claims panel hides unattributed claims"
    )
    claim_details = Setting[bool](
        "claims/details_visible", bool, True, "the current claim's detail pane is shown"
    )
    claims_split = Setting[QByteArray | None](
        "claims/split", QByteArray, None, "the heights of the claims list and the detail pane"
    )
    library_split = Setting[QByteArray | None](
        "library/split", QByteArray, None, "the heights of the sources list and the articles"
    )
    auto_refresh = Setting[bool](
        "feeds/auto_refresh", bool, True, "feeds are fetched on a schedule while the window is open"
    )
    refresh_minutes = Setting[int](
        "feeds/refresh_minutes", int, 30,
        "how often a feed with no interval of its own is fetched (0: only on demand)",
    )  # fmt: skip

    link_in_background = Setting[bool](
        "trace/link_in_background", bool, True,
        "articles not yet linked across the library are linked in the background",
    )  # fmt: skip

    mark_colour = Setting[str](
        "marks/colour", str, "yellow", "the colour a new highlight gets: the last one chosen"
    )
    reviewer_name = Setting[str](
        "export/reviewer", str, "",
        "who reviews the claims: the author of ClaimReview exports (File → Export)",
    )  # fmt: skip
    export_format = Setting[str](
        "export/format", str, "markdown", "the format File → Export offers first"
    )
    export_folder = Setting[str](
        "export/folder", str, "", "the folder File → Export wrote to last ('': Documents)"
    )

    def __init__(self, store: QSettings, persist: bool = True) -> None:
        self.store = store
        self.persist = persist

    @classmethod
    def declared(cls) -> list[Setting[Any]]:
        """Every fixed setting, in declaration order (docs and tests list them)."""
        return [v for v in vars(cls).values() if isinstance(v, Setting)]

    # --- settings keyed by something -------------------------------------------------

    @staticmethod
    def last_article_key(db_path: Path) -> str:
        """The key of the article last shown from the library at ``db_path``: ids of
        one library mean nothing in another."""
        import hashlib  # loads OpenSSL: not before the window shows

        digest = hashlib.sha256(str(Path(db_path).resolve()).encode("utf-8")).hexdigest()[:16]
        return f"last_article/{digest}"

    def last_article(self, db_path: Path) -> int | None:
        """The article shown last from the library at ``db_path``, if any."""
        value = as_int(self.store.value(self.last_article_key(db_path)), -1)
        return value if value >= 0 else None

    def set_last_article(self, db_path: Path, article_id: int) -> None:
        if self.persist:
            self.store.setValue(self.last_article_key(db_path), article_id)

    def keys(self, action: str) -> str | None:
        """The keys remapped for ``action`` ("Down; j"; "" for none), or None when the
        user has not remapped it (its defaults hold)."""
        key = f"{KEYS_GROUP}/{action}"
        if not self.store.contains(key):
            return None
        raw = self.store.value(key)
        return "; ".join(raw) if isinstance(raw, list) else str(raw or "")

    def set_keys(self, action: str, keys: str | None) -> None:
        """Remap ``action`` to ``keys`` ("" for none); None restores its defaults."""
        if not self.persist:
            return
        if keys is None:
            self.store.remove(f"{KEYS_GROUP}/{action}")
        else:
            self.store.setValue(f"{KEYS_GROUP}/{action}", keys)

    def sync(self) -> None:
        if self.persist:
            self.store.sync()
