"""Where things live: the user's library, settings and the bundled resources."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from reader import APP_NAME, ORG_NAME


def resources_dir() -> Path:
    """The bundled ``resources/`` folder, from a checkout, an install or a bundle."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    here = Path(__file__).resolve().parent
    # a checkout keeps it beside the package; an installed wheel inside it
    for cand in (here.parent / "resources", here / "_resources"):
        if cand.is_dir():
            return cand
    return here.parent / "resources"


def samples_dir() -> Path:
    """The sample articles shown on first run."""
    return resources_dir() / "samples"


#: What counts as a sample article in :func:`samples_dir`.
SAMPLE_SUFFIXES = (".txt", ".md", ".html")


def sample_paths() -> list[Path]:
    """The bundled (fictional) sample articles, sorted by name."""
    folder = samples_dir()
    if not folder.is_dir():
        return []
    return sorted(
        p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in SAMPLE_SUFFIXES
    )


def data_dir() -> Path:
    """The user's data folder (``PROVENANCE_READER_HOME`` overrides it, for tests)."""
    override = os.environ.get("PROVENANCE_READER_HOME")
    if override:
        return Path(override)
    import platformdirs  # only when the user's folder is asked for (not with --db)

    return Path(platformdirs.user_data_dir(APP_NAME, ORG_NAME))


def default_db_path() -> Path:
    """The library database used when ``--db`` is not given."""
    return data_dir() / "library.db"


def user_outlets_path() -> Path:
    """A user's own outlet aliases, merged over the bundled registry."""
    return data_dir() / "outlets.json"
