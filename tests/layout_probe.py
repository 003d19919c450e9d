"""What the window's layout did, measured (no tests here).

:func:`measure` reads a shown window: pane widths, limits, what is shown, sideways
scroll bars, words broken across lines. ``python -m tests.layout_probe`` runs it in
a fresh process, on whatever screen and scale factor its environment gives
(``QT_QPA_PLATFORM=offscreen:configfile=…``, ``QT_SCALE_FACTOR``), and prints one
JSON object per window size; tests/test_gui_layout.py uses both.

    python -m tests.layout_probe DB INI OUTDIR [WxH ...] [--dark] [--restore]

``--restore`` opens the window as the settings in INI leave it (no resize);
otherwise each WxH is shown in turn. Screenshots go to OUTDIR.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reader.gui.article_view import ArticleView
    from reader.gui.window import MainWindow


def broken_words(view: ArticleView) -> list[str]:
    """Words the article view breaks across two lines ("servic" + "e"): every laid-out
    line that ends inside a word."""
    out = []
    block = view.document().begin()
    while block.isValid():
        layout = block.layout()
        # line positions count UTF-16 code units (an emoji is two), Python characters not
        units = block.text().encode("utf-16-le")
        text = [units[i : i + 2].decode("utf-16-le", "replace") for i in range(0, len(units), 2)]
        for i in range(layout.lineCount() - 1):
            line = layout.lineAt(i)
            end = line.textStart() + line.textLength()
            if 0 < end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
                word = "".join(text[max(0, end - 12) : end + 12])
                out.append(word.replace(text[end - 1] + text[end], text[end - 1] + "|" + text[end]))
        block = block.next()
    return out


def measure(win: MainWindow) -> dict[str, Any]:
    """The window's layout now, in device-independent pixels."""
    from reader.gui.layout import Pane

    sp = win.splitter
    lists = {
        "library": win.lib_view,
        "claims": win.claims_panel.view,
    }
    screen = win.screen()
    return {
        "window": [win.width(), win.height()],
        "dpr": win.devicePixelRatioF(),
        "screen": [screen.geometry().width(), screen.geometry().height()],
        "splitter": sp.width(),
        "sizes": sp.sizes(),
        "handle": sp.handleWidth(),
        "article": win.view.width(),
        "article_min": sp.limits.article_min,
        "side_min": {str(p): sp.limits.side_min[p] for p in Pane},
        "shown": sorted(str(p) for p in sp.shown()),
        "checked": {
            "library": win.actions_by_name["toggle_library"].isChecked(),
            "claims": win.actions_by_name["toggle_claims"].isChecked(),
        },
        "hscroll": sorted(
            name
            for name, view in lists.items()
            if view.isVisible() and view.horizontalScrollBar().isVisible()
        ),
        "broken": broken_words(win.view),
        "point_size": win.view.point_size,
    }


def main(argv: list[str]) -> int:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from reader.gui.app import make_app
    from reader.gui.window import MainWindow

    flags = {a for a in argv if a.startswith("--")}
    db, ini, outdir, *sizes = [a for a in argv if not a.startswith("--")]
    dark = "--dark" in flags
    app = make_app(dark=dark)
    assert isinstance(app, QApplication)
    settings = QSettings(ini, QSettings.Format.IniFormat)
    win = MainWindow(Path(db), settings, persist="--restore" in flags)
    win.show()
    win.start()
    win.imports.wait()
    app.processEvents()
    win.view.wait_until_shown()
    if win.stored is not None and win.stored.claims:
        win.select_claim(1)
    runs = sizes or [f"{win.width()}x{win.height()}"]
    for size in runs:
        if sizes:
            w, h = (int(x) for x in size.split("x"))
            win.resize(w, h)
        for _ in range(5):
            app.processEvents()
        result = measure(win)
        shot = win.grab()
        name = f"layout-{size}{'-dark' if dark else ''}@{result['dpr']:g}x.png"
        shot.save(str(Path(outdir) / name))
        result["grab"] = [shot.width(), shot.height()]
        result["status"] = win.statusBar().currentMessage()
        print(json.dumps(result), flush=True)
    win.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
