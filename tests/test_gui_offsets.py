"""Claim offsets in the plain text to positions in the rendered document (Qt-free)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.gui.offsets import ClaimLocator, OffsetMap, ReferenceOffsetMap


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


def _perturb(text: str, ops: list[tuple[int, int, int]]) -> str:
    """The document as a renderer makes it from ``text``: blank lines become single
    newlines, and at some places a bullet or frame character is added, a word
    dropped, spaces doubled or a quote curled."""
    out = list(text.replace("\n\n", "\n"))
    for kind, where, _ in sorted(ops, key=lambda o: -o[1]):
        if not out:
            break
        k = where % len(out)
        if kind == 0:
            out.insert(k, "• ")
        elif kind == 1:
            out.insert(k, "\ufdd0")
        elif kind == 2:  # drop a few characters (a word the document lacks)
            del out[k : k + 3]
        elif kind == 3:
            out.insert(k, "  ")
        elif kind == 4 and out[k] == "'":
            out[k] = "\u2019"
        elif kind == 5:
            out.insert(k, "EXTRA words ")
    return "".join(out)


alphabet = "abcdefgh '😀,.\u00a0-"


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.text(alphabet=alphabet, min_size=1, max_size=40), min_size=1, max_size=8),
    st.lists(st.tuples(st.integers(0, 5), st.integers(0, 10_000), st.just(0)), max_size=8),
    st.lists(st.tuples(st.integers(0, 400), st.integers(0, 400)), min_size=1, max_size=12),
)
def test_fast_map_agrees_with_the_reference(
    paras: list[str], ops: list[tuple[int, int, int]], ranges: list[tuple[int, int]]
) -> None:
    """The run-based map gives the per-character reference's answer for every range,
    whatever the renderer added, dropped or changed."""
    text = "\n\n".join(paras)
    doc = "Head\nmeta\n" + _perturb(text, ops) + "\n"
    header = len("Head\nmeta\n")
    fast, ref = OffsetMap(text, doc, header), ReferenceOffsetMap(text, doc, header)
    for a, b in ranges:
        start, end = sorted((a % (len(text) + 1), b % (len(text) + 1)))
        assert fast.span(start, end) == ref.span(start, end), (start, end)


def test_fast_map_on_long_texts_with_distant_resyncs() -> None:
    """Mismatches far apart and anchors found only in a wide window still agree."""
    import random

    rnd = random.Random(4)
    words = [rnd.choice(["alpha", "beta", "gamma", "delta", "it's", "x"]) for _ in range(6000)]
    text = "\n\n".join(" ".join(words[i : i + 60]) for i in range(0, len(words), 60))
    doc = text.replace("\n\n", "\n")
    # a long stretch only the document has, and one only the text has
    cut = len(doc) // 3
    doc = doc[:cut] + " ".join(["zeta"] * 900) + doc[cut:]
    doc = doc[: 2 * cut] + doc[2 * cut + 2500 :]
    fast, ref = OffsetMap(text, doc), ReferenceOffsetMap(text, doc)
    for start in range(0, len(text), 997):
        for length in (1, 30, 400, 5000):
            assert fast.span(start, start + length) == ref.span(start, start + length)


def test_a_document_selection_maps_back_to_the_text() -> None:
    """text_span reverses span: a reader's selection in the view gives the words of
    the text, the title and whitespace left out; the header alone gives None."""
    text = "First para, said A.\n\nSecond 😀 para. Claim here, B said.\n\nThird."
    doc = "Title\nmeta\nFirst para, said A.\nSecond 😀 para. Claim here, B said.\nThird.\n"
    header = len("Title\nmeta\n")
    m = OffsetMap(text, doc, header)
    for words in ("Claim here, B said.", "Second 😀 para", "Third.", "First para"):
        s = text.index(words)
        span = m.span(s, s + len(words))
        assert span is not None
        assert m.text_span(*span) == (s, s + len(words))
    assert m.text_span(0, header - 1) is None  # the title and meta line
    assert m.text_span(5, 5) is None
    # a selection from the title into the body keeps the body's part
    end = m.span(0, 5)
    assert end is not None
    assert m.text_span(0, end[1]) == (0, 5)
    # across a paragraph break: from "A." to "Second"
    a = m.span(text.index("A."), text.index("A.") + 2)
    b = m.span(text.index("Second"), text.index("Second") + 6)
    assert a is not None and b is not None
    assert m.text_span(a[0], b[1]) == (text.index("A."), text.index("Second") + 6)


@settings(max_examples=60, deadline=None)
@given(st.lists(words, min_size=1, max_size=6), st.data())
def test_text_span_inverts_span(paras: list[list[str]], data: st.DataObject) -> None:
    text = "\n\n".join(" ".join(p) for p in paras)
    doc = "Head\n" + "\n".join(" ".join(p) for p in paras)
    m = OffsetMap(text, doc, len("Head\n"))
    s = data.draw(st.integers(0, len(text)))
    e = data.draw(st.integers(s, len(text)))
    span = m.span(s, e)
    if span is None:
        assert not text[s:e].strip()
        return
    got = m.text_span(*span)
    stripped = text[s:e]
    lead = len(stripped) - len(stripped.lstrip())
    assert got == (s + lead, s + len(stripped.rstrip()))
