"""Claims and articles in words (shared by the CLI's text output and the window)."""

from __future__ import annotations

from reader.describe import evidence_excerpts, excerpt, publisher_line, source_mention
from reader.model import Article, Claim

TEXT = (
    "The Ledger reported that fees rose.\n\n"
    "The Courier was unable to independently verify the report. “We stand by it.” "
    "Officials said so."
)


def at(words: str) -> list[int]:
    i = TEXT.index(words)
    return [i, i + len(words)]


def test_an_excerpt_marks_words_cut_off_on_either_side() -> None:
    assert excerpt(TEXT, at("unable to independently verify")) == (
        "“… unable to independently verify …”"
    )
    assert excerpt(TEXT, at("The Courier was unable to independently verify the report.")) == (
        "“The Courier was unable to independently verify the report.”"
    )
    assert excerpt(TEXT, at("The Courier was unable")) == "“The Courier was unable …”"
    assert excerpt(TEXT, at("Officials said so.")) == "“Officials said so.”"  # after a quote


def test_a_long_excerpt_is_cut_at_a_word() -> None:
    long = excerpt(TEXT, [0, len(TEXT)], limit=40)
    assert long == "“The Ledger reported that fees rose. The …”"
    assert len(long) < 50


def test_spans_that_do_not_fit_the_text_are_skipped() -> None:
    c = Claim("x", 0, 1, None, None, None, None, None, "unconfirmed")
    c.evidence = [[5, 3], [len(TEXT), len(TEXT) + 9], [1], at("fees rose.")]
    assert evidence_excerpts(TEXT, c) == ["“… fees rose.”"]


def test_publisher_line_adds_the_wire() -> None:
    assert publisher_line(Article(publisher="The Detroit News", wire="Associated Press")) == (
        "The Detroit News via Associated Press"
    )
    assert publisher_line(Article(wire="Reuters")) == "via Reuters"
    assert publisher_line(Article(publisher="Reuters", wire="Reuters")) == "Reuters"
    assert publisher_line(Article(publisher="The Courier")) == "The Courier"
    assert publisher_line(Article()) == ""


def test_source_mention_only_when_it_is_not_the_source() -> None:
    c = Claim("Officials said so.", 0, 0, "city officials", at("Officials"), "official", None,
              "said", "reported")  # fmt: skip
    assert source_mention(TEXT, c) == "Officials"
    c.source = "officials"
    assert source_mention(TEXT, c) is None
    c.source_span = None
    assert source_mention(TEXT, c) is None
