"""The PDF memo: printed by Qt (QTextDocument over QPdfWriter), its first page rendered
by pdfium (pypdfium2, a dev dependency: no system renderer needed) and looked at: a
page of A4 with dark text on white where the memo's lines are, and the words of the
memo in its text layer. The rendering is kept in build/export-pdf-page1.png."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from reader.export import ExportFormat, Scope, export_file, export_text
from reader.store import Library
from tests.export_helpers import FERRY, FERRY_TEXT, Said, add_article, ferry
from tests.helpers import ROOT

#: A4 in PDF points.
A4 = (595, 842)
SHOT = ROOT / "build" / "export-pdf-page1.png"


def _render_first_page(path: Path, scale: float = 1.5) -> tuple[object, str, int]:
    """The first page as a QImage, its text, and the number of pages."""
    from PySide6.QtGui import QImage

    pdf = pdfium.PdfDocument(str(path))
    try:
        page = pdf[0]
        size = page.get_size()
        assert (round(size[0]), round(size[1])) == A4
        bitmap = page.render(scale=scale, grayscale=True)
        assert bitmap.mode == "L"
        image = QImage(
            bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride,
            QImage.Format.Format_Grayscale8,
        ).copy()  # fmt: skip
        text = page.get_textpage().get_text_range()
        return image, text, len(pdf)
    finally:
        pdf.close()


def _ink(image: object, top: float, bottom: float) -> float:
    """The share of dark pixels in a horizontal band of the page (0..1 of its height)."""
    from PySide6.QtGui import QImage

    assert isinstance(image, QImage)
    w, h = image.width(), image.height()
    dark = total = 0
    for y in range(int(h * top), int(h * bottom), 2):
        for x in range(0, w, 2):
            total += 1
            dark += image.pixelColor(x, y).lightness() < 128
    return dark / total


def test_the_pdf_memo_looks_like_the_memo(qapp: object, tmp_path: Path) -> None:
    path = tmp_path / "memo.pdf"
    with Library(tmp_path / "lib.db") as lib:
        aid = ferry(lib)
        stored = lib.get(aid)
        assert stored is not None
        lib.set_verdict(aid, stored.claims[1].claim_key, "false", "fuel rose 40%")
        done = export_file(lib, ExportFormat.PDF, Scope(), path)
    assert path.read_bytes().startswith(b"%PDF-")
    assert done.items >= 1 and done.articles == 1
    image, text, pages = _render_first_page(path)
    assert pages == done.items
    SHOT.parent.mkdir(exist_ok=True)
    image.save(str(SHOT))  # type: ignore[attr-defined]
    words = " ".join(text.split())
    for expected in (
        "Ferry service cut to two crossings a day",
        "Publisher: Lakeside Courier",
        "Board chair Mara Voss said fuel costs had doubled since last spring.",
        "Chain: Lakeside Courier ← Mara Voss",
        "Your verdict: false",
        "Note: fuel rose 40%",
    ):
        assert expected in words, expected
    assert "**" not in text and "###" not in text  # laid out, not Markdown source
    # ink where the text is, white margins (20 mm of 297 mm top and bottom)
    assert _ink(image, 0.0, 0.05) == 0.0
    assert _ink(image, 0.08, 0.5) > 0.01
    assert _ink(image, 0.95, 1.0) == 0.0


def test_hostile_text_is_text_for_qt_too(qapp: object, tmp_path: Path) -> None:
    """The memo read by Qt's own Markdown reader (md4c, GitHub dialect), as the PDF
    is made: the words come through, nothing became a link, an image or a list."""
    from reader.export.pdf import memo_document

    sentence = "Officials said <b>x</b> and [a](javascript:alert(1)) ~~y~~ | z *w* `c`."
    text = f"{sentence}\n\n- not a list, said Ida Brand."
    with Library(tmp_path / "lib.db") as lib:
        add_article(
            lib, text, [Said(sentence), Said("- not a list, said Ida Brand.")],
            title="<img src=x> & ![i](https://evil.example/i.png)",
        )  # fmt: skip
        out = io.StringIO()
        export_text(lib, ExportFormat.MARKDOWN, Scope(), out)
    doc = memo_document(out.getvalue())
    plain = doc.toPlainText()
    assert sentence in plain
    assert "- not a list, said Ida Brand." in plain
    assert "<img src=x> & ![i](https://evil.example/i.png)" in plain
    html = doc.toHtml()
    for markup in ("href=", "<img", "line-through", "monospace", "<h1>Not"):
        assert markup not in html, markup
    # the memo's own list items, and no more (the claim's "- " stays text)
    items = [line for line in out.getvalue().splitlines() if line.lstrip().startswith("- ")]
    assert html.count("<li") == len(items)


@pytest.mark.subprocess
def test_the_cli_prints_a_pdf_with_no_window(tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    with Library(db) as lib:
        add_article(lib, FERRY_TEXT, FERRY)
    out = tmp_path / "memo.pdf"
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)  # the CLI must not need it
    p = subprocess.run(
        [sys.executable, "-m", "reader", "export", "--db", str(db), "--as", "pdf", "--out", str(out)],
        capture_output=True, text=True, cwd=ROOT, env=env, timeout=120,
    )  # fmt: skip
    assert p.returncode == 0, p.stderr
    assert p.stdout.startswith("exported 1 article (1 page) as pdf to ")
    pdf = pdfium.PdfDocument(str(out))
    try:
        assert "Ferry service cut" in pdf[0].get_textpage().get_text_range()
    finally:
        pdf.close()
