"""The start-up check for the libraries Qt's X11 plugin needs: real dynamic-loader
look-ups (a soname that exists nowhere stands for a missing package), the one-line
message, and the README's install commands kept equal to the table."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from reader.platform_check import (
    XCB_LIBS,
    SystemLib,
    missing_libs,
    missing_message,
    uses_xcb,
    xcb_problem,
)
from tests.helpers import ROOT

ABSENT = SystemLib("libprovenance-reader-absent.so.7", "libabsent7", "absent-libs")
linux_only = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="sonames and ctypes look-ups are Linux's"
)


@linux_only
def test_a_library_that_is_not_installed_is_missing_and_libc_is_not() -> None:
    libc = SystemLib("libc.so.6", "libc6", "glibc")
    assert missing_libs([libc, ABSENT, libc]) == [ABSENT]
    assert missing_libs([libc]) == []


def test_the_message_is_one_line_naming_libraries_and_both_packages() -> None:
    other = SystemLib("libxcb-icccm.so.4", "libxcb-icccm4", "xcb-util-wm")
    msg = missing_message([ABSENT, other])
    assert "\n" not in msg and msg.startswith("error: ")
    for word in (
        "libprovenance-reader-absent.so.7",
        "libxcb-icccm.so.4",
        "sudo apt install libabsent7 libxcb-icccm4",
        "sudo dnf install absent-libs xcb-util-wm",
        '"System packages"',
    ):
        assert word in msg


def test_one_package_for_two_missing_libraries_is_named_once() -> None:
    a = SystemLib("liba.so.1", "libab1", "ab")
    b = SystemLib("libb.so.1", "libab1", "ab")
    msg = missing_message([a, b])
    assert "apt install libab1`" in msg and "dnf install ab`" in msg


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"DISPLAY": ":0"}, True),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb"}, True),
        ({"QT_QPA_PLATFORM": "xcb:nograb"}, True),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, False),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "wayland;xcb"}, False),
        ({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland"}, False),
        ({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "x11"}, True),
        ({}, False),
    ],
)
def test_which_platform_qt_will_use(environ: dict[str, str], expected: bool) -> None:
    assert uses_xcb(environ, platform="linux") is expected


def test_only_linux_uses_xcb() -> None:
    assert not uses_xcb({"DISPLAY": ":0"}, platform="darwin")
    assert not uses_xcb({"QT_QPA_PLATFORM": "xcb"}, platform="win32")


@linux_only
def test_no_problem_offscreen_even_with_a_library_missing() -> None:
    assert xcb_problem({"QT_QPA_PLATFORM": "offscreen"}, [ABSENT]) is None
    assert xcb_problem({"DISPLAY": ":0"}, [ABSENT]) == missing_message([ABSENT])


@linux_only
@pytest.mark.subprocess
def test_open_exits_2_with_one_line_before_qt_is_loaded(tmp_path: Path) -> None:
    """The real `open` command on an X display with one library missing: exit 2, one
    line on stderr, no library file created, and PySide6 never imported (Qt would
    have aborted in QApplication)."""
    db = tmp_path / "library.db"
    code = (
        "import sys\n"
        "import reader.platform_check as pc\n"
        "pc.XCB_LIBS = (pc.SystemLib('libprovenance-reader-absent.so.7', 'libabsent7', 'absent-libs'),)\n"
        "from reader.cli import main\n"
        f"status = main(['open', '--db', {str(db)!r}])\n"
        "print(sorted(m for m in sys.modules if m.startswith('PySide6')))\n"
        "sys.exit(status)\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "WAYLAND_DISPLAY"}
    env.update(DISPLAY=":97", QT_QPA_PLATFORM="xcb")
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.count("\n") == 1, proc.stderr
    assert "libprovenance-reader-absent.so.7" in proc.stderr
    assert "sudo apt install libabsent7" in proc.stderr
    assert proc.stdout.strip() == "[]"
    assert not db.exists()


def _readme_command(tool: str) -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### System packages", 1)[1].split("\n## ", 1)[0]
    m = re.search(rf"^sudo {tool} install (.+)$", section, re.M)
    assert m, f"README's System packages section lost its `sudo {tool} install` line"
    return m.group(1).split()


def test_readme_install_commands_list_exactly_the_table() -> None:
    assert _readme_command("apt") == list(dict.fromkeys(lib.apt for lib in XCB_LIBS))
    assert _readme_command("dnf") == list(dict.fromkeys(lib.dnf for lib in XCB_LIBS))


def test_ci_installs_every_package_of_the_table() -> None:
    """CI runs the smoke test and builds the bundle with the README's packages."""
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    m = re.search(r"^pkgs=\((.*?)\)", ci, re.M | re.S)
    assert m, ".ci/run lost its pkgs=(...) list"
    listed = set(m.group(1).split())
    assert {lib.apt for lib in XCB_LIBS} <= listed
    assert {"xvfb", "xauth", "xdotool", "imagemagick"} <= listed
