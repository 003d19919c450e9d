"""Test set-up: Qt offscreen, and a private data folder so no test touches the
user's real library or settings."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

# A desktop-sized offscreen screen (the plugin's default is 800x800): windows the
# tests open at 1000-1920 px fit it with their frame, as they would on a real screen,
# so a restored geometry is not shrunk to fit (the window fits its framed size to the
# screen once shown). Layout tests start processes with other screens.
_SCREEN = Path(__file__).resolve().parent / "fixtures" / "screens" / "2560x1440.json"
if os.environ.setdefault("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_SCREEN}"
_HOME = tempfile.mkdtemp(prefix="provenance-reader-tests-")
os.environ["PROVENANCE_READER_HOME"] = _HOME
os.environ["XDG_CONFIG_HOME"] = os.path.join(_HOME, "config")
os.environ["XDG_DATA_HOME"] = os.path.join(_HOME, "data")

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = ROOT.parent / "shared"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A library file path in a fresh temporary folder."""
    return tmp_path / "library.db"


@pytest.fixture
def library(db_path: Path) -> Iterator[object]:
    from reader.store import Library

    lib = Library(db_path)
    yield lib
    lib.close()


#: Fixtures that bring up Qt: a test using any of them (even through another fixture)
#: is marked ``gui``.
QT_FIXTURES = {"qtbot", "qapp", "qapp_args", "qapp_cls"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark ``gui`` every test that uses Qt through pytest-qt, so `-m "not gui"` leaves
    out exactly those (the mark follows the fixtures; no test has to remember it)."""
    for item in items:
        if QT_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.gui)


def _is_python(args: Any) -> bool:
    """Whether a command line starts a Python interpreter (this one or another)."""
    argv = [args] if isinstance(args, str | bytes | os.PathLike) else list(args)
    if not argv:
        return False
    first = os.fsdecode(argv[0]).split()[0] if isinstance(args, str) else os.fsdecode(argv[0])
    found = shutil.which(first) or first
    if os.path.realpath(found) == os.path.realpath(sys.executable):
        return True
    return re.fullmatch(r"python[\d.]*", os.path.basename(found)) is not None


@pytest.fixture(autouse=True)
def _processes_are_marked(request: pytest.FixtureRequest) -> Iterator[None]:
    """A test that starts Python in a process of its own must say so (``subprocess``):
    `make test-fast` leaves those out, and an unmarked one would make it slow again.
    Other programs (validators, ldconfig) are not checked."""
    if request.node.get_closest_marker("subprocess"):
        yield
        return
    original = subprocess.Popen.__init__

    def checked(self: subprocess.Popen[Any], args: Any, *a: Any, **kw: Any) -> None:
        if _is_python(args):
            raise AssertionError(
                f"{request.node.nodeid} starts Python in a subprocess: mark it"
                " @pytest.mark.subprocess, or run the CLI in-process (tests.helpers.invoke)"
            )
        original(self, args, *a, **kw)

    subprocess.Popen.__init__ = checked  # type: ignore[method-assign]
    try:
        yield
    finally:
        subprocess.Popen.__init__ = original  # type: ignore[method-assign]
