"""Sentence segmentation: abbreviations, initials, quotes, ellipses, paragraphs."""

from __future__ import annotations

from reader.attribution.segment import MAX_SENTENCE, paragraphs, quote_mask, sentences, tokens


def split(text: str) -> list[str]:
    out = []
    for ps, pe in paragraphs(text):
        out.extend(text[s:e] for s, e in sentences(text, ps, pe))
    return out


def test_titles_and_initials_do_not_end_sentences() -> None:
    text = "Sen. J. Smith met Gen. Ortega and Dr. Lee on St. Mark's Square. They talked."
    assert split(text) == [
        "Sen. J. Smith met Gen. Ortega and Dr. Lee on St. Mark's Square.",
        "They talked.",
    ]


def test_months_and_times() -> None:
    text = "The vote is on Jan. 5 at 9 a.m. Tuesday in the capital. It may slip to 3 p.m. The chair said so."
    assert split(text) == [
        "The vote is on Jan. 5 at 9 a.m. Tuesday in the capital.",
        "It may slip to 3 p.m.",
        "The chair said so.",
    ]


def test_us_abbreviation_ends_a_sentence_only_before_a_sentence_opener() -> None:
    text = "The envoy flew to the U.S. State Department. She left the U.S. The talks ended."
    assert split(text) == [
        "The envoy flew to the U.S. State Department.",
        "She left the U.S.",
        "The talks ended.",
    ]


def test_quotes_and_question_marks() -> None:
    text = 'He said: "We won." Then he left. “Is it true?” she asked. “Yes.” It was.'
    assert split(text) == [
        'He said: "We won."',
        "Then he left.",
        "“Is it true?” she asked.",
        "“Yes.”",
        "It was.",
    ]


def test_ellipsis_and_dashes() -> None:
    text = "He paused... Then he spoke — slowly — about the plan. It failed… Nobody knew why."
    assert split(text) == [
        "He paused...",
        "Then he spoke — slowly — about the plan.",
        "It failed…",
        "Nobody knew why.",
    ]


def test_never_splits_across_paragraphs() -> None:
    text = "First paragraph without a stop\n\nSecond one. Third sentence."
    assert split(text) == ["First paragraph without a stop", "Second one.", "Third sentence."]


def test_overlong_runs_are_chunked() -> None:
    text = "word " * 2000
    parts = [(s, e) for ps, pe in paragraphs(text) for s, e in sentences(text, ps, pe)]
    assert len(parts) > 1
    assert all(e - s <= MAX_SENTENCE for s, e in parts)


def test_tokens_keep_abbreviation_dots_and_offsets() -> None:
    text = "Mr. Cole of the U.S. said no."
    toks = tokens(text, 0, len(text))
    assert [t.text for t in toks] == ["Mr.", "Cole", "of", "the", "U.S.", "said", "no", "."]
    assert all(text[t.start : t.end] == t.text for t in toks)


def test_quote_mask_marks_quoted_words() -> None:
    text = "“We will win,” she said."
    toks = tokens(text, 0, len(text))
    mask, still_open = quote_mask(toks)
    inside = [t.text for t, m in zip(toks, mask, strict=True) if m]
    assert inside == ["We", "will", "win", ","]
    assert not still_open


def test_a_number_with_thousands_separators_is_one_token() -> None:
    """ "1,240" is a number, not "1" and a comma: a comma there split claims in two."""
    text = "They counted 1,240 boxes and 12,500.5 tonnes, 3, 4."
    texts = [t.text for t in tokens(text, 0, len(text))]
    assert "1,240" in texts and "12,500.5" in texts
    assert texts[-4:] == ["3", ",", "4", "."]  # a list of small numbers keeps its commas
