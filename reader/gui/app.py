"""Start the window: ``python -m reader open [PATH...] [--screenshot OUT.png]``.

Screenshot mode imports or opens PATH, shows the window (offscreen works), selects
claim N, saves a PNG of the window and exits 0; a PATH that cannot be imported is
one line on stderr and exit status 2.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from reader import APP_ID, APP_NAME, ORG_NAME, __version__
from reader.errors import EXIT_BAD_INPUT, EXIT_OK, InputError

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon

#: The window size in screenshot mode (device-independent pixels).
SCREENSHOT_SIZE = (1280, 800)
#: How long screenshot mode waits for a long article to finish rendering.
SCREENSHOT_WAIT_MS = 60_000


def window_size(text: str) -> tuple[int, int]:
    """``"800x600"`` as (800, 600); ValueError (a message for the user) when it is not a
    size that makes sense."""
    w, sep, h = text.lower().partition("x")
    if sep and w.strip().isdigit() and h.strip().isdigit():
        size = (int(w), int(h))
        if 200 <= size[0] <= 10_000 and 150 <= size[1] <= 10_000:
            return size
    raise ValueError(
        f"--size {text}: give the window size as WIDTHxHEIGHT (at least 200x150), e.g. 800x600"
    )


def _headless() -> bool:
    return sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    )


_PLUGIN_NOISE = ("This plugin does not support ",)


def _quiet_offscreen() -> None:
    """The offscreen plugin warns about window size hints it cannot pass on; drop just
    that line so screenshot mode prints nothing on success."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    def handler(mode: QtMsgType, _context: object, message: str) -> None:
        if not message.startswith(_PLUGIN_NOISE):
            sys.stderr.write(message + "\n")

    qInstallMessageHandler(handler)


def make_app(dark: bool = False) -> object:
    """The QApplication (created once), with names, style and palette set."""
    from PySide6.QtWidgets import QApplication

    if os.environ.get("QT_QPA_PLATFORM", "").startswith("offscreen"):  # maybe ":configfile=…"
        _quiet_offscreen()
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
    from reader.gui.style import apply_dark, readable_selection

    if dark:
        apply_dark(app)
    app.setPalette(readable_selection(app.palette()))  # Qt's own selections at 4.5:1 too
    return app


def app_icon() -> QIcon:
    """The application icon from the bundled PNG sizes (no SVG plugin needed)."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QIcon

    from reader.paths import resources_dir

    icon = QIcon()
    base = resources_dir() / "icons" / "hicolor"
    for n in (16, 24, 32, 48, 64, 128, 256, 512):
        png = base / f"{n}x{n}" / "apps" / f"{APP_ID}.png"
        if png.is_file():
            icon.addFile(str(png), QSize(n, n))
    return icon


def run_gui(args: argparse.Namespace) -> int:
    """Entry point of the ``open`` command; returns the exit status."""
    from reader.paths import default_db_path

    inputs: list[str] = list(getattr(args, "inputs", None) or [])
    db = Path(args.db) if getattr(args, "db", None) else default_db_path()
    shot: str | None = getattr(args, "screenshot", None)
    size = SCREENSHOT_SIZE
    if getattr(args, "size", None):
        try:
            size = window_size(args.size)
        except ValueError as exc:
            sys.stderr.write(f"error: {exc}\n")
            return EXIT_BAD_INPUT
    if shot and _headless():
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # Qt aborts (core dump) when its X11 plugin's libraries are missing: say which.
    from reader.platform_check import xcb_problem

    if (problem := xcb_problem()) is not None:
        sys.stderr.write(problem + "\n")
        return EXIT_BAD_INPUT

    # Screenshot mode checks its inputs before any window: a bad PATH is one line, exit 2.
    opened: int | None = None
    if shot and inputs:
        from reader.library_ops import import_source
        from reader.store.library import Library

        try:
            with Library(db) as lib:
                for src in inputs:
                    opened = import_source(lib, src).article_id
        except InputError as exc:
            sys.stderr.write(f"error: {exc}\n")
            return EXIT_BAD_INPUT

    app = make_app(dark=bool(getattr(args, "dark", False)))
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from reader.gui.window import MainWindow

    assert isinstance(app, QApplication)
    if shot:
        import shutil

        from reader.gui.settings import throwaway_settings

        settings, folder = throwaway_settings()  # reproducible: not the user's settings
        try:
            try:
                win = MainWindow(db, settings, persist=False)
            except InputError as exc:
                sys.stderr.write(f"error: {exc}\n")
                return EXIT_BAD_INPUT
            claim = int(getattr(args, "claim", 0) or 0)
            return _screenshot(app, win, opened, claim, Path(shot), size)
        finally:
            del settings
            shutil.rmtree(folder, ignore_errors=True)
    # One window per library: a second launch (a second double-clicked file) hands its
    # paths to the running window and exits, so two processes never share the library.
    from reader.gui.single_instance import Role, SingleInstance

    instance = SingleInstance.for_library(db)
    role = instance.claim(inputs)  # made absolute for the other process in send_to_running
    if role is Role.FORWARDED:
        return EXIT_OK
    if role is Role.BUSY:
        sys.stderr.write(
            f"error: {db}: another window has this library open and is not answering\n"
        )
        return 1
    # Show the window first, then open the library and the last article (Anki-style):
    # the user sees the window while sqlite-utils loads and the article renders.
    win = MainWindow(db, load=False)
    instance.setParent(win)
    instance.paths_received.connect(win.open_paths_and_raise)
    win.show()
    failed: list[str] = []

    def fill() -> None:
        try:
            win.load()
        except InputError as exc:
            failed.append(str(exc))
            app.exit(EXIT_BAD_INPUT)
            return
        win.start()
        if inputs:
            win.imports.hand_over(inputs)  # the files the user opened: shown

    QTimer.singleShot(0, fill)
    code = int(app.exec())
    if failed:
        sys.stderr.write(f"error: {failed[0]}\n")
        return EXIT_BAD_INPUT
    win.library.close()
    instance.close()  # the socket file goes now: the fast exit below skips destructors
    fast_exit(code)
    return code  # not reached


def fast_exit(code: int) -> None:
    """End the process now, skipping Python's and Qt's teardown.

    By the time the event loop returns, the window has saved everything worth keeping
    (closeEvent: settings synced, imports cancelled and waited for, the library
    closed above). What is left is freeing memory the OS frees anyway, and waiting:
    the view's render thread finishes a long article nobody will see (seconds for a
    5 MB text) before its pool can be destroyed, and deleting every widget, document
    and Python object of the window takes tens of milliseconds more. Ctrl+Q should
    end the program at once, so this skips both (as browsers do at exit)."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def _screenshot(
    app: object,
    win: object,
    article_id: int | None,
    claim: int,
    out: Path,
    size: tuple[int, int] = SCREENSHOT_SIZE,
) -> int:
    """Show at ``size``, select claim ``claim``, grab the window to ``out``; 0 on success."""
    from PySide6.QtWidgets import QApplication

    from reader.gui.window import MainWindow

    assert isinstance(app, QApplication) and isinstance(win, MainWindow)
    win.resize(*size)
    win.show()
    if article_id is not None:
        win.open_article(article_id)
    else:
        win.start()  # last article, the first one, or the samples on first run
        win.imports.wait()
        app.processEvents()  # deliver the import's finished signal: it opens an article
    if win.stored is not None and win.stored.claims:
        win.select_claim(max(0, min(claim, len(win.stored.claims) - 1)))
    # a long article renders off the GUI thread: the highlight is applied when it lands
    win.view.wait_until_shown(SCREENSHOT_WAIT_MS)
    for _ in range(3):
        app.processEvents()
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # e.g. /dev/null/x.png: one line, not a traceback
        ok, why = False, exc.strerror or str(exc)
    else:
        ok, why = win.grab().save(str(out), "PNG"), "could not write the PNG"
    win.close()
    win.library.close()
    if not ok:
        sys.stderr.write(f"error: {out}: {why}\n")
        return EXIT_BAD_INPUT
    return EXIT_OK
