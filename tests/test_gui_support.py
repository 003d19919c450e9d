"""Shared helpers for the GUI tests (no tests here): articles with hand-made claims,
and a window opened the way every GUI test needs it (active, so shortcuts fire).

Claims are built from the article's own plain text (every sentence becomes a claim
with a cycling status, source type and chain), so the tests do not depend on the
attribution engine and the offsets are real.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from reader.ingest import RawInput
from reader.ingest.clean_markdown import clean_markdown
from reader.model import SOURCE_TYPES, STATUSES, Article, Claim
from reader.store.library import Library

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from pytestqt.qtbot import QtBot

    from reader.gui.window import MainWindow

OUTLETS = ("The Wall Street Journal", "Reuters", "Meridian Wire", None)

MARKDOWN = """---
title: Harbour authority denies contamination report
author: Test Writer
publisher: Test Gazette
date: 2025-05-01
---

The harbour authority said on Monday that the water was safe, according to a statement.
Officials denied that any test had failed. "We stand by every sample," a spokesman said.

Residents told **The Gazette** that the water smelled of diesel for a week. Insider reported,
citing unnamed sources at [the utility](https://example.org/utility), that two wells were shut.

- The mayor's office confirmed that a review was under way.
- Critics disputed the timing of the review 😀 and called it late.

> "Nobody told us anything," said a fisherman who asked not to be named.

![a pixel](http://127.0.0.1:9/pixel.png)

The report could not be independently verified. Shares in the water company fell 4%.

| Site | Result |
|------|--------|
| North pier | passed, the lab said |

The authority promised a full account by June.
"""

_SENTENCE = re.compile(r"[^.!?\n]+[.!?]+[\"”]?|[^.!?\n]+$", re.M)


def sentence_claims(text: str) -> list[Claim]:
    """One claim per sentence of ``text``, with varied status, outlet, type, chain."""
    claims: list[Claim] = []
    for i, m in enumerate(_SENTENCE.finditer(text)):
        raw = m.group(0)
        lead = len(raw) - len(raw.lstrip())
        s = m.start() + lead
        e = m.start() + len(raw.rstrip())
        if e - s < 8:
            continue
        status = STATUSES[i % len(STATUSES)]
        outlet = OUTLETS[i % len(OUTLETS)]
        source = None if status == "unattributed" else f"Source {i}"
        chain = [x for x in (source, outlet, "unnamed sources" if i % 2 else None) if x]
        claims.append(
            Claim(
                text=text[s:e],
                start=s,
                end=e,
                source=source,
                source_span=None,
                source_type=None if source is None else SOURCE_TYPES[i % len(SOURCE_TYPES)],
                outlet=outlet,
                cue="said",
                status=status,
                chain=chain,
            )
        )
    return claims


def make_article(markdown: str = MARKDOWN) -> Article:
    article = clean_markdown(markdown)
    article.claims = sentence_claims(article.text)
    return article


def add_article(lib: Library, markdown: str = MARKDOWN, name: str = "test.md") -> int:
    """Store ``markdown`` with hand-made claims; return the article id."""
    article = make_article(markdown)
    raw = RawInput(name, "markdown", markdown, markdown.encode("utf-8"), None)
    return lib.add(raw, article).article_id


def variant(n: int, word: str = "") -> str:
    """A distinct article (different body, so a different content hash)."""
    return MARKDOWN.replace(
        "Harbour authority denies", f"Story {n}: harbour authority denies"
    ).replace("The authority promised", f"In part {n} {word} the authority promised")


def make_db(path: Path, n: int = 1) -> list[int]:
    with Library(path) as lib:
        return [add_article(lib, variant(i)) for i in range(n)]


def open_window(
    qtbot: QtBot,
    db: Path,
    settings: QSettings | Path,
    size: tuple[int, int] = (1000, 560),
    start: bool = True,
    auto_refresh: bool = False,
    link_pending: bool = False,
) -> MainWindow:
    """A shown, active window on ``db`` (shortcuts fire only in the active window);
    ``settings`` is a QSettings or the path of an .ini file for a private one. The
    default size shows all three panes (below about 820 px the library collapses).
    The feeds' schedule is off unless ``auto_refresh``, and the background linking of
    unlinked articles unless ``link_pending``: a test decides when the network is used
    and when the library is written behind its back."""
    from PySide6.QtCore import QSettings

    from reader.gui.window import MainWindow

    if isinstance(settings, Path):
        settings = QSettings(str(settings), QSettings.Format.IniFormat)
    if not auto_refresh and not settings.contains("feeds/auto_refresh"):
        settings.setValue("feeds/auto_refresh", False)
    if not link_pending and not settings.contains("trace/link_in_background"):
        settings.setValue("trace/link_in_background", False)
    w = MainWindow(db, settings)
    qtbot.addWidget(w)
    w.resize(*size)
    w.show()
    with qtbot.waitActive(w):
        w.activateWindow()
    if start:
        w.start()
    return w
