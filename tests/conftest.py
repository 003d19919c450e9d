"""Test set-up: Qt offscreen, and a private data folder so no test touches the
user's real library or settings."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

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
