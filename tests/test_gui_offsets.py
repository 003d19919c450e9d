"""Claim offsets in the plain text to positions in the rendered document (Qt-free)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.gui.offsets import ClaimLocator, OffsetMap


def _qt(doc: str, a: int, b: int) -> str:
    """The document slice [a, b) in Qt (UTF-16) positions."""
    u = doc.encode("utf-16-le")
    return u[2 * a : 2 * b].decode("utf-16-le")


def test_paragraph_breaks_header_and_emoji() -> None:
    text = "First para, said A.\n\nSecond 😀 para. Claim here, B said.\n\nThird."
    doc = "Title\nmeta\nFirst para, said A.\nSecond 😀 para. Claim here, B said.\nThird.\n"
    header = len("Title\nmeta\n")
    m = OffsetMap(text, doc, header)
    s = text.index("Claim here")
    e = text.index("B said.") + len("B said.")
    span = m.span(s, e)
    assert span is not None
    assert _qt(doc, *span) == "Claim here, B said."
    assert _qt(doc, *m.span(0, 19)) == "First para, said A."  # type: ignore[misc]


def test_document_extras_and_missing_bits_resync() -> None:
    # the document has table frame chars and bullets; the text a word the doc lacks
    text = "Intro words here.\n\nalpha beta EXTRA gamma delta.\n\nThe end, she said."
    doc = "\ufdd0Intro words here.\n• alpha beta gamma delta.\n\ufdd1The end, she said."
    m = OffsetMap(text, doc)
    s = text.index("The end")
    span = m.span(s, len(text))
    assert span is not None and _qt(doc, *span) == "The end, she said."
    s2 = text.index("alpha")
    span2 = m.span(s2, text.index("delta.") + 6)
    assert span2 is not None and _qt(doc, *span2) == "alpha beta gamma delta."


def test_locator_prefers_innermost_and_misses_gaps() -> None:
    loc = ClaimLocator([(0, 50), (10, 20), None, (60, 70)])
    assert loc.claim_at(5) == 0
    assert loc.claim_at(15) == 1
    assert loc.claim_at(55) is None
    assert loc.claim_at(65) == 3
    assert loc.claim_at(70) is None


words = st.lists(
    st.text(alphabet="abcdefghij😀,.'", min_size=1, max_size=8), min_size=1, max_size=12
)


@settings(max_examples=60, deadline=None)
@given(st.lists(words, min_size=1, max_size=6), st.data())
def test_any_sentence_maps_to_itself(paras: list[list[str]], data: st.DataObject) -> None:
    """Text joined with blank lines, document with single newlines and a header: every
    span maps to the same words."""
    ps = [" ".join(p) for p in paras]
    text = "\n\n".join(ps)
    doc = "Head\n" + "\n".join(ps) + "\n"
    m = OffsetMap(text, doc, len("Head\n".encode("utf-16-le")) // 2)
    i = data.draw(st.integers(0, len(ps) - 1))
    start = text.index(ps[i]) if i == 0 else len("\n\n".join(ps[:i])) + 2
    end = start + len(ps[i])
    span = m.span(start, end)
    assert span is not None
    assert _qt(doc, *span).split() == ps[i].split()
