"""Scraped plain-text cleaning: one test per rule, on fixtures written for the tests."""

from __future__ import annotations

from reader.ingest.clean_text import clean_text

BODY = [
    "The harbour authority approved a new dredging plan on Monday, officials said.",
    "The plan will cost 14 million crowns and take two years, the authority said in a statement.",
    "Fishermen's groups said they had not been consulted before the vote.",
]


def page(*parts: str) -> str:
    return "\n\n".join(parts) + "\n"


def test_keeps_every_body_sentence_in_order() -> None:
    a = clean_text(page("Harbour dredging plan approved", *BODY))
    assert a.text == "\n\n".join(BODY)


def test_detects_headline_without_final_punctuation() -> None:
    a = clean_text(page("Harbour dredging plan approved after long delay", *BODY))
    assert a.title == "Harbour dredging plan approved after long delay"
    assert "dredging plan approved after" not in a.text


def test_detects_title_cased_headline_ending_in_full_stop() -> None:
    a = clean_text(page("Harbour Board Approves Dredging Plan After Long Delay.", *BODY))
    assert a.title == "Harbour Board Approves Dredging Plan After Long Delay"
    assert a.text.startswith(BODY[0])


def test_a_short_first_sentence_is_not_taken_for_a_headline() -> None:
    a = clean_text(page("the vote was close, and it was late.", *BODY))
    assert a.title is None
    assert a.text.startswith("the vote was close")


def test_drops_counter_lines() -> None:
    for junk in ("web hit counter", "visitor counter 004187", "Page views: 1,204", "312 views"):
        a = clean_text(page(junk, "Harbour dredging plan approved", *BODY))
        assert junk not in a.text and a.title == "Harbour dredging plan approved", junk


def test_drops_comment_widgets() -> None:
    for junk in ("Comments are closed.", "Leave a Reply", "12 Comments", "Show comments"):
        a = clean_text(page("Harbour dredging plan approved", *BODY, junk))
        assert a.text == "\n\n".join(BODY), junk


def test_drops_share_and_subscribe_prompts() -> None:
    for junk in (
        "Share this article",
        "Facebook | Twitter | Email",
        "Subscribe to our daily newsletter",
        "Sign up for our morning newsletter!",
        "Follow us on Twitter and Facebook",
    ):
        a = clean_text(page("Harbour dredging plan approved", BODY[0], junk, *BODY[1:]))
        assert a.text == "\n\n".join(BODY), junk


def test_drops_credit_line_and_reads_publisher_from_it() -> None:
    a = clean_text(
        page(
            "Harbour dredging plan approved",
            *BODY,
            "This story originally appeared on Bay Courier.",
        )
    )
    assert a.text == "\n\n".join(BODY)
    assert a.publisher == "Bay Courier"
    b = clean_text(
        page("Harbour dredging plan approved", *BODY, "Article was originally published from here")
    )
    assert b.text == "\n\n".join(BODY)
    assert b.publisher is None


def test_drops_spliced_headlines_of_other_stories() -> None:
    teaser = "Ferry fares to rise for third year in a row as fuel costs climb"
    a = clean_text(
        page("Harbour dredging plan approved", BODY[0], teaser, teaser, BODY[1], BODY[2])
    )
    assert teaser not in a.text
    assert a.text == "\n\n".join(BODY)


def test_drops_a_single_teaser_between_paragraphs() -> None:
    teaser = "Council candidates clash over parking fees in first debate"
    a = clean_text(page("Harbour dredging plan approved", BODY[0], BODY[1], teaser, BODY[2]))
    assert a.text == "\n\n".join(BODY)


def test_keeps_a_short_subheading_between_paragraphs() -> None:
    a = clean_text(page("Harbour dredging plan approved", BODY[0], "What happens next", *BODY[1:]))
    assert "What happens next" in a.text
    assert "## What happens next" in a.markdown


def test_repeated_headline_in_body_is_dropped() -> None:
    title = "Harbour dredging plan approved"
    a = clean_text(page(title, BODY[0], title, *BODY[1:]))
    assert a.text == "\n\n".join(BODY)


def test_byline_and_dateline_become_metadata() -> None:
    a = clean_text(page("Harbour dredging plan approved", "By Tove Lind", "March 4, 2025", *BODY))
    assert a.byline == "Tove Lind"
    assert a.published == "2025-03-04"
    assert a.text == "\n\n".join(BODY)


def test_joins_soft_wrapped_lines_within_a_paragraph() -> None:
    wrapped = (
        "The harbour authority approved a new dredging plan\n"
        "on Monday, officials said, after a meeting that ran\n"
        "late into the evening."
    )
    a = clean_text(page("Harbour dredging plan approved", wrapped, *BODY[1:]))
    assert a.text.split("\n\n")[0] == (
        "The harbour authority approved a new dredging plan on Monday, officials said, "
        "after a meeting that ran late into the evening."
    )


def test_lines_that_end_sentences_stay_separate_paragraphs() -> None:
    a = clean_text("Harbour dredging plan approved\n\n" + "\n".join(BODY))
    assert a.text == "\n\n".join(BODY)


def test_markdown_escapes_scraped_markup_characters() -> None:
    line = "The fee rose to *twice* the old rate, the board's [draft] said."
    a = clean_text(page("Harbour dredging plan approved", line, *BODY))
    assert line in a.text
    assert r"\*twice\*" in a.markdown and r"\[draft\]" in a.markdown


def test_crlf_and_nbsp_are_normalised() -> None:
    a = clean_text(
        "Harbour dredging plan approved\r\n\r\n" + "\r\n\r\n".join(BODY).replace(" ", "\u00a0", 3)
    )
    assert a.text == "\n\n".join(BODY)


def test_drops_wire_credit_lines() -> None:
    for junk in (
        "Reporting by Ola Berg; editing by Tim Vance.",
        "Additional reporting by Sam Reyes",
    ):
        a = clean_text(page("Harbour dredging plan approved", *BODY, junk))
        assert a.text == "\n\n".join(BODY), junk


def test_keeps_a_paragraph_that_ends_in_a_closing_quote() -> None:
    # Two apostrophes for a quotation mark, a question or a bracket at the end: still
    # body paragraphs, not short title-like lines.
    quoted = [
        "''We will dredge it once and do it properly,'' the harbour master said.",
        "''The channel silts up every winter,'' she said. ''It is time.''",
        "A skipper, Ola Brenn, said the plan ''came years too late.''",
        "He asked the board, ''who pays for the next one?''",
    ]
    a = clean_text(page("Harbour dredging plan approved", BODY[0], *quoted, BODY[1]))
    assert a.text == "\n\n".join([BODY[0], *quoted, BODY[1]])


def test_a_title_cased_line_ending_in_a_quote_is_still_a_headline() -> None:
    a = clean_text(page("Harbour Master Says Plan Is 'Long Overdue.'", *BODY))
    assert a.title is not None and a.title.startswith("Harbour Master Says")
    assert a.text == "\n\n".join(BODY)
