"""packaging/bundle_check.py's X11 plugin check, on real files with the real ldd: a
plugin whose Qt libraries are not beside it fails with their names; one in place
resolves them from the bundle. (`make bundle-check` runs it on the built bundle.)"""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.helpers import ROOT

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux") or shutil.which("ldd") is None,
    reason="ELF libraries and ldd are Linux's",
)


def _bundle_check() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "bundle_check", ROOT / "packaging" / "bundle_check.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _qt_dir() -> Path:
    import PySide6  # the wheel's files only; no QApplication

    return Path(PySide6.__file__).parent / "Qt"


def test_a_bundle_without_the_xcb_plugin_fails(tmp_path: Path) -> None:
    bc = _bundle_check()
    (tmp_path / "_internal").mkdir()
    with pytest.raises(bc.CheckFailed, match=r"no libqxcb\.so"):
        bc.check_xcb_plugin(tmp_path)


def test_a_plugin_without_its_qt_libraries_fails_naming_them(tmp_path: Path) -> None:
    bc = _bundle_check()
    platforms = tmp_path / "_internal" / "PySide6" / "Qt" / "plugins" / "platforms"
    platforms.mkdir(parents=True)
    shutil.copy2(_qt_dir() / "plugins" / "platforms" / "libqxcb.so", platforms)
    with pytest.raises(bc.CheckFailed) as err:
        bc.check_xcb_plugin(tmp_path)
    message = str(err.value)
    assert "libQt6XcbQpa.so.6" in message and "System packages do not name it" in message


def test_ldd_resolves_the_plugins_qt_libraries_beside_it() -> None:
    bc = _bundle_check()
    qt = _qt_dir()
    found, missing = bc.ldd(qt / "plugins" / "platforms" / "libqxcb.so", qt / "lib")
    assert Path(found["libQt6XcbQpa.so.6"]).resolve().is_relative_to(qt.resolve())
    assert "libc.so.6" in found
    assert all(name.endswith(".so") or ".so." in name for name in missing)
