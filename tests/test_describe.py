"""Claims and articles in words (shared by the CLI's text output and the window)."""

from __future__ import annotations

import time
from datetime import date, datetime

import pytest

from reader.describe import (
    CHAIN_HELP,
    LINK_MEANINGS,
    PRECEDENCE_HELP,
    STATUS_MEANINGS,
    UNCERTAIN_HELP,
    UNCERTAIN_MEANING,
    LinkRole,
    ReasonKind,
    chain_links,
    evidence_excerpts,
    excerpt,
    local_time,
    publisher_line,
    reasons,
    source_as_written,
    source_mention,
    status_reasons,
)
from reader.model import Article, Claim, Status

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


def test_status_reasons_say_why_in_one_way_for_every_caller() -> None:
    c = Claim("x", 0, 1, "city officials", at("Officials"), "official", None, "said",
              "unconfirmed", conflicts_with=[3, 3, 1])  # fmt: skip
    c.evidence = [at("unable to independently verify")]
    c.uncertain = True
    assert status_reasons(TEXT, c) == [
        "Why unconfirmed: “… unable to independently verify …”",
        "Conflicts with claim 4",
        "Conflicts with claim 2",
        "Source uncertain: Officials → city officials (official); the engine found this "
        "source at a distance or is unsure of it.",
    ]
    kinds = [r.kind for r in reasons(TEXT, c)]
    assert kinds == [ReasonKind.EVIDENCE, ReasonKind.CONFLICT, ReasonKind.CONFLICT,
                     ReasonKind.UNCERTAIN]  # fmt: skip
    assert [r.claim for r in reasons(TEXT, c)][1:3] == [3, 1]
    # the CLI's way: its own numbering, no line for a claim without evidence
    assert status_reasons(TEXT, c, name=lambda i: f"#{i}", plain=False, uncertain=False) == [
        "Why unconfirmed: “… unable to independently verify …”",
        "Conflicts with #3",
        "Conflicts with #1",
    ]
    plain = Claim("x", 0, 1, None, None, None, None, None, "unattributed")
    assert status_reasons(TEXT, plain) == ["Unattributed: the article gives no source for it."]
    assert status_reasons(TEXT, plain, plain=False) == []


def test_chain_links_are_named() -> None:
    c = Claim("x", 0, 1, "unnamed officials", None, "anonymous", "The Meridian Journal",
              "said", "reported",
              ["Northgate Daily", "Associated Press", "Reuters", "The Meridian Journal",
               "unnamed officials"])  # fmt: skip
    assert chain_links(c, "Northgate Daily", "Associated Press") == [
        (LinkRole.PUBLISHER, "Northgate Daily"),
        (LinkRole.WIRE, "Associated Press"),
        (LinkRole.RELAY, "Reuters"),
        (LinkRole.OUTLET, "The Meridian Journal"),
        (LinkRole.SOURCE, "unnamed officials"),
    ]
    own = Claim("x", 0, 1, "The Meridian Journal", None, "outlet", "The Meridian Journal",
                "reported", "reported", ["Northgate Daily", "The Meridian Journal"])  # fmt: skip
    assert [r for r, _ in chain_links(own, "Northgate Daily", None)] == [
        LinkRole.PUBLISHER, LinkRole.OUTLET_SOURCE,
    ]  # fmt: skip
    alone = Claim("x", 0, 1, None, None, None, "Northgate Daily", None, "unattributed",
                  ["Northgate Daily"])  # fmt: skip
    assert chain_links(alone, "Northgate Daily", None) == [(LinkRole.PUBLISHER, "Northgate Daily")]
    assert set(LINK_MEANINGS) == set(LinkRole)


def test_every_status_is_explained() -> None:
    assert set(STATUS_MEANINGS) == set(Status)
    for status, meaning in STATUS_MEANINGS.items():
        assert len(meaning.split()) >= 12, status
    for word in ("denied", "disputed", "confirmed", "unconfirmed", "reported", "unattributed"):
        assert word in PRECEDENCE_HELP
    assert "←" in CHAIN_HELP and "publisher" in CHAIN_HELP and "source" in CHAIN_HELP
    assert UNCERTAIN_MEANING in UNCERTAIN_HELP


def test_times_are_local_and_human(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    try:
        month = datetime(2026, 12, 2).strftime("%b")  # the month as the locale writes it
        later = date(2027, 1, 9)
        assert local_time("2026-12-02T06:54:10+00:00", later) == f"2 {month} 2026, 07:54 CET"
        july = f"2 {datetime(2026, 7, 2):%b} 2026, 08:54 CEST"
        assert local_time("2026-07-02T06:54:10", later) == july
    finally:
        monkeypatch.undo()
        time.tzset()
    assert local_time("not a time") == "not a time"
    claim = Claim("x", 0, 1, "x", at("Officials"), None, None, None, "reported")
    assert source_as_written(TEXT, claim) == "Officials"
    claim.source_span = None
    assert source_as_written(TEXT, claim) is None
