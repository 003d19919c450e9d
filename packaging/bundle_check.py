"""Smoke-test a built PyInstaller bundle: the frozen app must really run.

    python packaging/bundle_check.py [--dist dist/provenance-reader]

Checks, each against the bundle's own executable (not the source tree's Python):

1. ``--version`` prints ``provenance-reader <version>`` (the version in reader/__init__.py);
2. ``extract SAMPLE --format json`` gives a title and claims (the HTML cleaner's data
   files - trafilatura settings, jusText stoplists - made it into the bundle);
3. ``open SAMPLE --screenshot OUT.png`` offscreen writes a real PNG of the window
   (Qt platform plugins, fonts and resources all load), checked by its header;
4. (Linux) ``ldd`` on the bundled X11 platform plugin (libqxcb.so), with the library
   path the bundle's launcher sets: every library it needs is in the bundle or is one
   the system is expected to have (:data:`SYSTEM_PROVIDED`); a library found nowhere
   must be one of those the README's "System packages" section documents
   (``reader.platform_check.XCB_LIBS``), and is named with its packages.

Prints one line per check and the bundle size; exit status 0 only if all pass. Uses
no Qt itself, so it checks the bundle and nothing else.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from reader.platform_check import XCB_LIBS

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "samples" / "harbor-city-water.html"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MIN_PNG_BYTES = 20_000  # a blank or broken window compresses to far less
MIN_SIZE = (800, 500)  # screenshot mode renders 1280x800


#: What the bundle takes from the user's system on purpose (PyInstaller never bundles
#: them): the C library (build on the oldest Linux you support), the OpenGL/EGL
#: dispatch libraries that must match the user's graphics driver, and libxcb itself,
#: which must match the user's X server libraries. packaging/README.md lists them.
SYSTEM_PROVIDED = {
    "libc.so.6", "libm.so.6", "libdl.so.2", "libpthread.so.0", "librt.so.1",
    "libGL.so.1", "libEGL.so.1", "libGLX.so.0", "libGLdispatch.so.0", "libOpenGL.so.0",
    "libxcb.so.1",
}  # fmt: skip


class CheckFailed(Exception):
    """One check did not pass; the message says what was expected."""


def expected_version() -> str:
    """The version the bundle must report, read from the source tree."""
    text = (ROOT / "reader" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__ = "([^"]+)"', text, re.M)
    if not match:
        raise SystemExit("error: no __version__ in reader/__init__.py")
    return match.group(1)


def executable(dist: Path) -> Path:
    """The bundle's program for this platform."""
    if sys.platform == "darwin":
        mac = dist.parent / "Provenance Reader.app" / "Contents" / "MacOS" / "provenance-reader"
        if mac.exists():
            return mac
    return dist / ("provenance-reader.exe" if sys.platform == "win32" else "provenance-reader")


def png_size(path: Path) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk; raises CheckFailed if not a PNG."""
    with path.open("rb") as fh:
        head = fh.read(24)
    if len(head) < 24 or head[:8] != PNG_SIGNATURE or head[12:16] != b"IHDR":
        raise CheckFailed(f"{path}: not a PNG (header {head[:16]!r})")
    width, height = struct.unpack(">II", head[16:24])
    return width, height


def run(cmd: list[str], env: dict[str, str], timeout: float) -> subprocess.CompletedProcess[str]:
    """Run the bundle; a non-zero exit is a failed check, with its stderr shown."""
    try:
        proc = subprocess.run(
            cmd, env=env, capture_output=True, text=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired as exc:
        raise CheckFailed(f"{' '.join(cmd[1:])}: no exit after {timeout:.0f}s") from exc
    if proc.returncode != 0:
        raise CheckFailed(
            f"{' '.join(cmd[1:])}: exit status {proc.returncode}\n{proc.stderr.strip()}"
        )
    return proc


def check_version(exe: Path, env: dict[str, str]) -> str:
    want = f"provenance-reader {expected_version()}"
    out = run([str(exe), "--version"], env, 60).stdout.strip()
    if out != want:
        raise CheckFailed(f"--version printed {out!r}, expected {want!r}")
    return out


def check_extract(exe: Path, env: dict[str, str]) -> str:
    out = run([str(exe), "extract", str(SAMPLE), "--format", "json"], env, 120).stdout
    try:
        doc = json.loads(out)
    except ValueError as exc:
        raise CheckFailed(f"extract: not JSON: {out[:200]!r}") from exc
    if not doc.get("title") or not doc.get("claims"):
        raise CheckFailed(f"extract: no title or no claims in {out[:200]!r}")
    return f"{doc['title'][:50]!r}, {len(doc['claims'])} claims"


def check_screenshot(exe: Path, env: dict[str, str], work: Path) -> str:
    out = work / "window.png"
    shot_env = {**env, "QT_QPA_PLATFORM": "offscreen"}
    proc = run(
        [str(exe), "open", str(SAMPLE), "--db", str(work / "library.db"), "--screenshot", str(out)],
        shot_env,
        180,
    )
    if not out.is_file():
        raise CheckFailed(f"open --screenshot exited 0 but wrote no {out}")
    size = out.stat().st_size
    if size < MIN_PNG_BYTES:
        raise CheckFailed(f"{out}: {size} bytes, expected at least {MIN_PNG_BYTES}")
    width, height = png_size(out)
    if width < MIN_SIZE[0] or height < MIN_SIZE[1]:
        raise CheckFailed(f"{out}: {width}x{height}, expected at least {MIN_SIZE}")
    noise = proc.stderr.strip()
    note = f" (stderr: {noise[:200]!r})" if noise else ""
    return f"{width}x{height} PNG, {size // 1024} KB{note}"


def contents_dir(dist: Path) -> Path:
    """The folder the launcher puts on LD_LIBRARY_PATH (PyInstaller 6: ``_internal``)."""
    inner = dist / "_internal"
    return inner if inner.is_dir() else dist


def ldd(binary: Path, library_path: Path) -> tuple[dict[str, str], list[str]]:
    """What ``binary`` links to, as the bundle's launcher would load it: resolved
    names with their paths, and the names the loader finds nowhere."""
    tool = shutil.which("ldd")
    if tool is None:
        raise CheckFailed("ldd not found (it comes with the C library: libc-bin on Debian)")
    env = {**os.environ, "LD_LIBRARY_PATH": str(library_path)}
    proc = subprocess.run(
        [tool, str(binary)], env=env, capture_output=True, text=True, timeout=60, check=False
    )
    if proc.returncode != 0:
        raise CheckFailed(f"ldd {binary}: {proc.stderr.strip() or proc.stdout.strip()}")
    found: dict[str, str] = {}
    missing: list[str] = []
    for line in proc.stdout.splitlines():
        name, arrow, target = line.strip().partition(" => ")
        if not arrow:
            continue  # the vDSO and the dynamic loader itself
        if target.startswith("not found"):
            if name not in missing:
                missing.append(name)
        else:
            found[name] = target.split(" (")[0]
    return found, missing


def check_xcb_plugin(dist: Path) -> str:
    """The X11 plugin's libraries: carried by the bundle, or documented system ones."""
    plugins = sorted(dist.rglob("libqxcb.so"))
    if not plugins:
        raise CheckFailed("no libqxcb.so in the bundle: the window cannot open on X11")
    inner = contents_dir(dist).resolve()
    found, missing = ldd(plugins[0], inner)
    carried = [n for n, path in found.items() if Path(path).resolve().is_relative_to(inner)]
    system = sorted(n for n in found if n not in carried)
    documented = {lib.soname: lib for lib in XCB_LIBS}
    unexpected = [n for n in system if n not in SYSTEM_PROVIDED and n not in documented]
    undocumented = [n for n in missing if n not in documented]
    if undocumented:
        raise CheckFailed(
            f"libqxcb.so needs {', '.join(undocumented)}, found neither in the bundle nor "
            "on this machine, and the README's System packages do not name it: install "
            "it on the build machine (then the bundle carries it) or add it to "
            "reader/platform_check.py XCB_LIBS and the README"
        )
    if unexpected:
        raise CheckFailed(
            f"libqxcb.so loads {', '.join(unexpected)} from this machine, not from the "
            "bundle: a user without it could not open the window (bundle it, or add it "
            "to SYSTEM_PROVIDED and packaging/README.md)"
        )
    expected = [n for n in system if n in SYSTEM_PROVIDED]
    detail = f"{len(carried)} libraries carried; from the system as intended: {', '.join(expected)}"
    # documented system packages the bundle does not carry: found here or not at all
    not_carried = [n for n in (*system, *missing) if n in documented and n not in expected]
    if not_carried:
        libs = [documented[n] for n in not_carried]
        apt = " ".join(dict.fromkeys(lib.apt for lib in libs))
        dnf = " ".join(dict.fromkeys(lib.dnf for lib in libs))
        absent = f" (missing on this machine: {', '.join(missing)})" if missing else ""
        detail += (
            f"; NOT CARRIED, the user's system must have them: {', '.join(not_carried)}"
            f"{absent} = `apt install {apt}` / `dnf install {dnf}` (README, System "
            "packages); install them on the build machine and rebuild to carry them"
        )
    return detail


def bundle_size(dist: Path) -> int:
    """Bytes in the bundle folder (symbolic links not followed)."""
    total = 0
    for base, _dirs, files in os.walk(dist):
        for name in files:
            path = Path(base) / name
            if not path.is_symlink():
                total += path.stat().st_size
    return total


def main(argv: list[str] | None = None) -> int:
    """Run every check; 0 if all passed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--dist",
        type=Path,
        default=ROOT / "dist" / "provenance-reader",
        help="the one-folder bundle (default: dist/provenance-reader)",
    )
    parser.add_argument("--keep", type=Path, help="copy the screenshot here")
    args = parser.parse_args(argv)
    exe = executable(args.dist)
    if not exe.is_file():
        print(f"error: {exe} not found: build it first (make bundle)", file=sys.stderr)
        return 2
    failures = 0
    with tempfile.TemporaryDirectory(prefix="bundle-check-") as tmp:
        work = Path(tmp)
        # A private data folder: the check must not touch the user's library.
        env = {**os.environ, "PROVENANCE_READER_HOME": str(work / "home")}
        env.pop("PYTHONPATH", None)  # the bundle must not borrow the source tree
        checks = [
            ("version", lambda: check_version(exe, env)),
            ("extract", lambda: check_extract(exe, env)),
            ("screenshot", lambda: check_screenshot(exe, env, work)),
        ]
        if sys.platform.startswith("linux"):
            checks.append(("xcb plugin", lambda: check_xcb_plugin(args.dist)))
        for name, check in checks:
            start = time.monotonic()
            try:
                detail = check()
            except CheckFailed as exc:
                failures += 1
                print(f"FAIL {name}: {exc}")
                continue
            print(f"ok   {name}: {detail} [{time.monotonic() - start:.1f}s]")
        if args.keep and (work / "window.png").exists():
            args.keep.parent.mkdir(parents=True, exist_ok=True)
            args.keep.write_bytes((work / "window.png").read_bytes())
    print(f"bundle: {args.dist} {bundle_size(args.dist) / 2**20:.0f} MiB")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
