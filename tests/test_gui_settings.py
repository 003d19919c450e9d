"""Settings are declared once (key, type, default) and read as typed attributes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from reader.gui.settings import DEFAULT_POINT_SIZE, Settings


def _store(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)


def test_every_setting_has_its_own_key_and_a_default_of_its_type(tmp_path: Path) -> None:
    declared = Settings.declared()
    keys = [s.key for s in declared]
    assert len(keys) == len(set(keys))
    fresh = Settings(_store(tmp_path))
    for s in declared:
        assert s.doc
        assert s.default is None or isinstance(s.default, s.kind)
        assert getattr(fresh, next(n for n, v in vars(Settings).items() if v is s)) == s.default


def test_values_come_back_typed_from_the_ini_file_and_junk_reads_as_the_default(
    tmp_path: Path,
) -> None:
    s = Settings(_store(tmp_path))
    s.font_size = 17
    s.library_visible = False
    s.sync()
    again = Settings(_store(tmp_path))
    assert again.font_size == 17 and again.library_visible is False
    again.store.setValue("view/font_size", "huge")
    assert again.font_size == DEFAULT_POINT_SIZE


def test_persist_false_reads_but_never_writes(tmp_path: Path) -> None:
    store = _store(tmp_path)
    store.setValue("view/font_size", 9)
    s = Settings(store, persist=False)
    assert s.font_size == 9
    s.font_size = 20
    s.set_last_article(tmp_path / "lib.db", 4)
    s.set_keys("next_claim", "x")
    assert s.font_size == 9
    assert s.last_article(tmp_path / "lib.db") is None
    assert s.keys("next_claim") is None


def test_last_article_is_kept_per_library_and_keys_per_action(tmp_path: Path) -> None:
    s = Settings(_store(tmp_path))
    s.set_last_article(tmp_path / "a.db", 3)
    assert s.last_article(tmp_path / "a.db") == 3
    assert s.last_article(tmp_path / "b.db") is None
    s.set_keys("next_claim", "Down; j")
    assert s.keys("next_claim") == "Down; j"
    s.set_keys("next_claim", None)
    assert s.keys("next_claim") is None
