"""The system libraries Qt's X11 (xcb) platform plugin needs, and a check for them.

PySide6 wheels carry Qt but not the X11 helper libraries its xcb plugin links to.
Without one of them Qt aborts at start-up ("xcb-cursor0 or libxcb-cursor0 is needed",
even when another library is the one missing) and takes the process down with a core
dump. :func:`xcb_problem` looks the libraries up first, so the window can exit with
one line that names the missing libraries and the packages that provide them.

One table (:data:`XCB_LIBS`) serves the check, the README's "System packages" section
(tests/test_platform_check.py keeps them equal) and packaging/bundle_check.py. Qt-free,
so it runs before Qt is loaded.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class SystemLib:
    """A shared library Qt's xcb plugin loads, and the package that provides it."""

    soname: str  #: what the dynamic loader looks for, e.g. ``libxcb-cursor.so.0``
    apt: str  #: Debian and Ubuntu package
    dnf: str  #: Fedora package


#: What the xcb platform plugin (libqxcb.so and libQt6XcbQpa) takes from the system. The
#: other libxcb-* libraries it links to come with these packages as dependencies.
XCB_LIBS: tuple[SystemLib, ...] = (
    SystemLib("libxcb-cursor.so.0", "libxcb-cursor0", "xcb-util-cursor"),
    SystemLib("libxcb-icccm.so.4", "libxcb-icccm4", "xcb-util-wm"),
    SystemLib("libxcb-keysyms.so.1", "libxcb-keysyms1", "xcb-util-keysyms"),
    SystemLib("libxcb-image.so.0", "libxcb-image0", "xcb-util-image"),
    SystemLib("libxcb-render-util.so.0", "libxcb-render-util0", "xcb-util-renderutil"),
    SystemLib("libxcb-shape.so.0", "libxcb-shape0", "libxcb"),
    SystemLib("libxkbcommon-x11.so.0", "libxkbcommon-x11-0", "libxkbcommon-x11"),
    SystemLib("libX11-xcb.so.1", "libx11-xcb1", "libX11-xcb"),
    SystemLib("libEGL.so.1", "libegl1", "libglvnd-egl"),
    SystemLib("libGL.so.1", "libgl1", "libglvnd-glx"),
    SystemLib("libfontconfig.so.1", "libfontconfig1", "fontconfig"),
    SystemLib("libdbus-1.so.3", "libdbus-1-3", "dbus-libs"),
)

#: Where the user reads more: the README section with the two install commands.
README_SECTION = 'the README\'s "System packages" section'


def uses_xcb(environ: Mapping[str, str] | None = None, platform: str | None = None) -> bool:
    """Whether Qt will start on its xcb (X11) platform plugin.

    Linux only. ``QT_QPA_PLATFORM`` decides when set (its first choice: "offscreen",
    "wayland;xcb" and "minimal" do not need X11); otherwise a Wayland session with a
    Wayland display does not, and any other session with an X display does.
    """
    env = os.environ if environ is None else environ
    if not (platform or sys.platform).startswith("linux"):
        return False
    requested = env.get("QT_QPA_PLATFORM", "").strip()
    if requested:
        first = requested.split(";")[0].split(":")[0].strip()
        return first == "xcb"
    if env.get("XDG_SESSION_TYPE") == "wayland" and env.get("WAYLAND_DISPLAY"):
        return False
    return bool(env.get("DISPLAY"))


def loadable(soname: str) -> bool:
    """Whether the dynamic loader finds ``soname`` (and everything it links to)."""
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def missing_libs(libs: Iterable[SystemLib] | None = None) -> list[SystemLib]:
    """The entries of ``libs`` (default :data:`XCB_LIBS`) the dynamic loader cannot
    load, in order."""
    return [lib for lib in (XCB_LIBS if libs is None else libs) if not loadable(lib.soname)]


def missing_message(missing: Sequence[SystemLib]) -> str:
    """One line: which libraries are missing and the commands that install them."""
    names = ", ".join(lib.soname for lib in missing)
    apt = " ".join(dict.fromkeys(lib.apt for lib in missing))
    dnf = " ".join(dict.fromkeys(lib.dnf for lib in missing))
    return (
        f"error: the window needs system libraries that are missing: {names}; "
        f"install them with `sudo apt install {apt}` (Debian, Ubuntu) or "
        f"`sudo dnf install {dnf}` (Fedora), see {README_SECTION}"
    )


def xcb_problem(
    environ: Mapping[str, str] | None = None, libs: Iterable[SystemLib] | None = None
) -> str | None:
    """The one-line message if Qt will use xcb and some of ``libs`` are missing, else
    None. Call it before the QApplication exists: Qt aborts inside its constructor."""
    if not uses_xcb(environ):
        return None
    missing = missing_libs(libs)
    return missing_message(missing) if missing else None
