"""Packaging: the desktop entry and AppStream metadata validate, the per-user install
and uninstall scripts put exactly the expected files in place and take them away,
and the icons exist at every size with the right pixel dimensions.

The validators are the real ones (desktop-file-utils, appstream); without them those
tests are skipped with the package to install. The PyInstaller bundle is not built
here: ``make bundle-check`` does that.
"""

from __future__ import annotations

import configparser
import os
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from reader import APP_ID, APP_NAME, __version__

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
ICONS = ROOT / "resources" / "icons"
DESKTOP = PACKAGING / f"{APP_ID}.desktop"
METAINFO = PACKAGING / f"{APP_ID}.metainfo.xml"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
MIME_TYPES = {"text/html", "application/xhtml+xml", "text/plain", "text/markdown"}

#: What install-desktop.sh installs, relative to the data folder, and from where.
INSTALLED = {
    f"applications/{APP_ID}.desktop": DESKTOP,
    f"metainfo/{APP_ID}.metainfo.xml": METAINFO,
    f"icons/hicolor/scalable/apps/{APP_ID}.svg": ICONS / "provenance-reader.svg",
    **{
        f"icons/hicolor/{n}x{n}/apps/{APP_ID}.png": ICONS
        / "hicolor"
        / f"{n}x{n}"
        / "apps"
        / f"{APP_ID}.png"
        for n in SIZES
    },
}
#: Caches the desktop tools (re)generate; present only when those tools are.
CACHES = {"applications/mimeinfo.cache", "icons/hicolor/icon-theme.cache"}

needs_sh = pytest.mark.skipif(sys.platform == "win32", reason="POSIX shell scripts")


def _tool(name: str, package: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} not installed (apt-get install {package})")
    return path


def _files(base: Path) -> set[str]:
    """Every file (not folder) under ``base``, relative, as POSIX paths."""
    return {p.relative_to(base).as_posix() for p in base.rglob("*") if not p.is_dir()}


def _desktop_entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def _script(name: str, data_home: Path, destdir: Path | None = None, **extra: str) -> str:
    env = {k: v for k, v in os.environ.items() if k not in ("DESTDIR",)}
    env["XDG_DATA_HOME"] = str(data_home)
    if destdir is not None:
        env["DESTDIR"] = str(destdir)
    env.update(extra)
    proc = subprocess.run(
        [str(PACKAGING / name)], env=env, capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


# --- desktop entry ------------------------------------------------------------------


def test_desktop_entry_passes_desktop_file_validate() -> None:
    tool = _tool("desktop-file-validate", "desktop-file-utils")
    proc = subprocess.run([tool, str(DESKTOP)], capture_output=True, text=True, timeout=60)
    # Not only no errors: no warnings or hints either.
    assert proc.returncode == 0 and proc.stdout.strip() == "", proc.stdout + proc.stderr


def test_desktop_entry_names_the_app_its_icon_and_file_types() -> None:
    entry = _desktop_entry(DESKTOP)
    assert entry["Type"] == "Application"
    assert entry["Name"] == APP_NAME
    assert entry["Exec"] == "provenance-reader %F"
    assert entry["Icon"] == APP_ID  # the icon-theme name install-desktop.sh installs
    assert set(filter(None, entry["MimeType"].split(";"))) == MIME_TYPES
    assert "News" in entry["Categories"].split(";")
    assert entry["Keywords"].endswith(";")


# --- AppStream ----------------------------------------------------------------------


def test_metainfo_passes_appstreamcli_validate() -> None:
    tool = _tool("appstreamcli", "appstream")
    proc = subprocess.run(
        [tool, "validate", "--no-net", "--strict", "--explain", str(METAINFO)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    # --strict: infos and warnings fail too; only pedantic hints are allowed.
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_metainfo_matches_the_app_and_the_desktop_entry() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("name") == APP_NAME
    assert root.findtext("metadata_license") == "CC0-1.0"
    assert root.findtext("project_license") == "MIT"
    launchable = root.find("launchable")
    assert launchable is not None and launchable.text == DESKTOP.name
    versions = [r.get("version") for r in root.iterfind("releases/release")]
    assert __version__ in versions
    assert root.findtext("provides/binary") == _desktop_entry(DESKTOP)["TryExec"]


# --- install / uninstall ------------------------------------------------------------


@needs_sh
def test_install_into_destdir_puts_exactly_the_files_and_uninstall_removes_them(
    tmp_path: Path,
) -> None:
    data_home = Path("/home/someone/.local/share")
    staged = tmp_path / data_home.relative_to("/")
    _script("install-desktop.sh", data_home, destdir=tmp_path)
    # A staging install (DESTDIR) refreshes no caches: exactly the list, nothing else.
    assert _files(tmp_path) == {f"{staged.relative_to(tmp_path).as_posix()}/{r}" for r in INSTALLED}
    for rel, source in INSTALLED.items():
        assert (staged / rel).read_bytes() == source.read_bytes(), rel
    _script("uninstall-desktop.sh", data_home, destdir=tmp_path)
    assert _files(tmp_path) == set()


@needs_sh
def test_live_install_registers_the_file_types_and_uninstall_unregisters(
    tmp_path: Path,
) -> None:
    data_home = tmp_path / "share"
    out = _script("install-desktop.sh", data_home)
    assert out.count("installed ") == len(INSTALLED)
    files = _files(data_home)
    assert set(INSTALLED) <= files
    assert files - set(INSTALLED) <= CACHES  # only the caches the tools rebuilt
    mime_cache = data_home / "applications" / "mimeinfo.cache"
    if shutil.which("update-desktop-database"):
        text = mime_cache.read_text(encoding="utf-8")
        for mime in MIME_TYPES:
            assert f"{mime}={APP_ID}.desktop;" in text
    _script("uninstall-desktop.sh", data_home)
    assert _files(data_home) <= CACHES
    if mime_cache.exists():
        assert APP_ID not in mime_cache.read_text(encoding="utf-8")
    # Uninstalling twice is fine and removes nothing more.
    assert _script("uninstall-desktop.sh", data_home) == ""


@needs_sh
def test_installed_tree_passes_appstreamcli_validate_tree(tmp_path: Path) -> None:
    """The metainfo's launchable finds the installed desktop entry (a system prefix)."""
    tool = _tool("appstreamcli", "appstream")
    _script("install-desktop.sh", Path("/usr/share"), destdir=tmp_path)
    proc = subprocess.run(
        [tool, "validate-tree", "--no-net", "--strict", "--explain", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert METAINFO.name in proc.stdout  # it did find and check the component


@needs_sh
def test_install_can_point_the_entry_at_a_bundle(tmp_path: Path) -> None:
    exe = "/opt/provenance-reader/provenance-reader"
    _script("install-desktop.sh", tmp_path / "share", destdir=None, PROVENANCE_READER_EXEC=exe)
    installed = tmp_path / "share" / "applications" / DESKTOP.name
    entry = _desktop_entry(installed)
    assert entry["Exec"] == f"{exe} %F"
    assert entry["TryExec"] == exe
    tool = shutil.which("desktop-file-validate")
    if tool:
        proc = subprocess.run([tool, str(installed)], capture_output=True, text=True)
        assert proc.returncode == 0 and not proc.stdout.strip(), proc.stdout


@needs_sh
@pytest.mark.parametrize("bad", ["relative/provenance-reader", "/opt/my apps/provenance-reader"])
def test_install_refuses_an_exec_path_it_cannot_write_safely(tmp_path: Path, bad: str) -> None:
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path), "PROVENANCE_READER_EXEC": bad}
    proc = subprocess.run(
        [str(PACKAGING / "install-desktop.sh")], env=env, capture_output=True, text=True
    )
    assert proc.returncode == 2
    assert "PROVENANCE_READER_EXEC" in proc.stderr
    assert _files(tmp_path) == set()


# --- icons --------------------------------------------------------------------------


def _png_header(path: Path) -> tuple[int, int, int, int]:
    """Width, height, bit depth and colour type from the PNG's IHDR chunk."""
    head = path.read_bytes()[:26]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", f"{path}: not a PNG"
    assert head[12:16] == b"IHDR", f"{path}: IHDR is not the first chunk"
    width, height, depth, colour = struct.unpack(">IIBB", head[16:26])
    return width, height, depth, colour


@pytest.mark.parametrize("size", SIZES)
def test_icon_png_exists_at_each_size_with_its_dimensions(size: int) -> None:
    path = ICONS / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
    width, height, depth, colour = _png_header(path)
    assert (width, height) == (size, size)
    assert (depth, colour) == (8, 6)  # 8-bit RGBA: the corners are transparent


def test_scalable_icon_is_an_svg_with_a_square_viewbox() -> None:
    for name in ("provenance-reader.svg", "provenance-reader-16.svg"):
        root = ET.parse(ICONS / name).getroot()
        assert root.tag == "{http://www.w3.org/2000/svg}svg"
        _x, _y, w, h = (float(v) for v in root.get("viewBox", "").split())
        assert w == h > 0


def test_windows_ico_holds_every_size_up_to_256() -> None:
    data = (ICONS / "provenance-reader.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sizes = set()
    for i in range(count):
        w, h = data[6 + 16 * i], data[7 + 16 * i]
        sizes.add((w or 256, h or 256))  # 0 encodes 256
    assert sizes == {(n, n) for n in SIZES if n <= 256}


def test_macos_icns_is_well_formed() -> None:
    data = (ICONS / "provenance-reader.icns").read_bytes()
    assert data[:4] == b"icns"
    assert struct.unpack(">I", data[4:8])[0] == len(data)
    kinds, offset = set(), 8
    while offset < len(data):
        kind, length = (
            data[offset : offset + 4],
            struct.unpack(">I", data[offset + 4 : offset + 8])[0],
        )
        assert length >= 8
        kinds.add(kind)
        offset += length
    assert offset == len(data)
    assert {b"ic07", b"ic08", b"ic09", b"ic10"} <= kinds  # 128, 256, 512, 512@2x


def test_make_icons_renders_every_size_from_the_svg(qapp: object, tmp_path: Path) -> None:
    sys.path.insert(0, str(PACKAGING))
    try:
        import make_icons
    finally:
        sys.path.remove(str(PACKAGING))
    assert make_icons.main(["--out", str(tmp_path), "--no-containers"]) == 0
    for size in SIZES:
        path = tmp_path / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        assert _png_header(path)[:2] == (size, size)
