"""Finding a highlight again in a re-extracted text (reader.marks.anchor): the same
words where they were, moved, repeated, re-spaced, lightly changed, or gone."""

from __future__ import annotations

import time

from hypothesis import given
from hypothesis import strategies as st

from reader.marks.anchor import Selector, locate, selector_for

TEXT = (
    "The council met on Tuesday. The mayor said the bridge would reopen in May. "
    "Engineers disagreed. The mayor said the bridge would reopen in May, again, "
    "at a second meeting on Friday."
)


def _span(text: str, words: str, nth: int = 0) -> tuple[int, int]:
    at = -1
    for _ in range(nth + 1):
        at = text.index(words, at + 1)
    return at, at + len(words)


def test_unchanged_text_keeps_the_place() -> None:
    s, e = _span(TEXT, "the bridge would reopen in May", 1)
    assert locate(selector_for(TEXT, s, e), TEXT) == (s, e)


def test_moved_text_is_found_by_its_words() -> None:
    s, e = _span(TEXT, "Engineers disagreed.")
    sel = selector_for(TEXT, s, e)
    moved = "A caption the new cleaner keeps.\n\n" + TEXT
    assert locate(sel, moved) == _span(moved, "Engineers disagreed.")


def test_repeated_words_go_to_the_occurrence_with_the_same_context() -> None:
    # the second of two identical sentences, after text was added before both
    s, e = _span(TEXT, "the bridge would reopen in May", 1)
    sel = selector_for(TEXT, s, e)
    moved = "Intro paragraph. " + TEXT
    assert locate(sel, moved) == _span(moved, "the bridge would reopen in May", 1)
    # and the first stays the first
    s, e = _span(TEXT, "the bridge would reopen in May", 0)
    assert locate(selector_for(TEXT, s, e), moved) == _span(moved, "the bridge would reopen in May")


def test_changed_spacing_and_case_still_anchor() -> None:
    s, e = _span(TEXT, "the bridge would reopen in May")
    sel = selector_for(TEXT, s, e)
    respaced = TEXT.replace("bridge would", "bridge\n  would").replace("reopen in", "Reopen in")
    found = locate(sel, respaced)
    assert found is not None
    assert respaced[found[0] : found[1]] == "the bridge\n  would Reopen in May"


def test_lightly_changed_words_anchor_fuzzily() -> None:
    s, e = _span(TEXT, "Engineers disagreed.")
    sel = selector_for(TEXT, s, e)
    changed = TEXT.replace("Engineers disagreed.", "Engineers disagreeed.")
    found = locate(sel, changed)
    assert found is not None
    assert changed[found[0] : found[1]].startswith("Engineers disagreeed")


def test_words_gone_are_orphaned() -> None:
    s, e = _span(TEXT, "Engineers disagreed.")
    sel = selector_for(TEXT, s, e)
    assert locate(sel, TEXT.replace("Engineers disagreed. ", "")) is None
    assert locate(sel, "") is None
    assert locate(Selector("   "), TEXT) is None


def test_a_short_quote_is_not_matched_fuzzily() -> None:
    s, e = _span(TEXT, "Tuesday")
    assert locate(selector_for(TEXT, s, e), TEXT.replace("Tuesday", "Tuesdya")) is None


@given(st.text(min_size=1, max_size=300), st.data())
def test_a_selector_finds_its_own_words(text: str, data: st.DataObject) -> None:
    s = data.draw(st.integers(0, len(text) - 1))
    e = data.draw(st.integers(s + 1, len(text)))
    sel = selector_for(text, s, e)
    found = locate(sel, text)
    if not sel.exact.strip():
        assert found is None
        return
    assert found is not None
    if text[found[0] : found[1]] != sel.exact:  # only the loose step may change the words
        assert text[found[0] : found[1]].lower().split() == sel.exact.lower().split()


def test_pathological_repetition_stays_fast() -> None:
    # a one-word quote repeated 200,000 times, and a text that no longer has it
    text = "spam " * 200_000
    sel = selector_for(text, 500_000, 500_004)
    t = time.perf_counter()
    assert locate(sel, text) == (500_000, 500_004)
    assert locate(Selector("eggs and ham with toast", "", "", 10, 33), text) is None
    assert time.perf_counter() - t < 5  # seconds: a quadratic step would take minutes
