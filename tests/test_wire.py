"""Wire credits (reader.ingest.wire): bylines, datelines and credit lines that name the
agency an article carries, in all three input kinds, on texts written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.attribution import OutletRegistry, load_registry
from reader.ingest.clean_html import clean_html
from reader.ingest.clean_markdown import clean_markdown
from reader.ingest.clean_text import clean_text
from reader.ingest.wire import find_wire, wire_name

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "identity"
BODY = [
    "The island council voted on Tuesday to extend the harbour wall by forty metres, "
    "ending two years of argument over who should pay for the work.",
    '"This protects the boats we have left," the harbour master said after the vote, '
    "adding that two moorings had been lost to storms last winter.",
    "Work is due to start in the spring and take about eight months.",
]


@pytest.fixture(scope="module")
def registry() -> OutletRegistry:
    return load_registry([FIXTURES / "outlets.json"])


def wire(registry: OutletRegistry, *, byline: str | None = None, blocks: list[str]) -> str | None:
    return find_wire(registry, [byline], blocks)


@pytest.mark.parametrize(
    ("byline", "agency"),
    [
        ("By Jane Doe, Associated Press", "Associated Press"),
        ("Jane Doe | The Associated Press", "Associated Press"),
        ("Tom Davies Associated Press", "Associated Press"),  # a comma lost in the markup
        ("AP", "Associated Press"),
        ("Reuters Staff", "Reuters"),
        ("From Reuters", "Reuters"),
        ("PTI", "Press Trust of India"),
        ("AFP", "Agence France-Presse"),
        ("IANS", "IANS"),
        ("Tom Krisher; Ap Auto Writer", "Associated Press"),
        ("Yonhap News Agency", "Yonhap"),
        ("Korea Maritime News Agency", "Korea Maritime News Agency"),  # a named agency
    ],
)
def test_a_byline_names_the_wire(registry: OutletRegistry, byline: str, agency: str) -> None:
    assert wire(registry, byline=byline, blocks=BODY) == agency


@pytest.mark.parametrize(
    "byline",
    [
        "Jane Doe",
        "Staff",
        "Harbour Herald Staff",  # a staff byline of a paper, not an agency
        "Jane Doe, The Harbour Herald",
        "Michael Bloomberg",  # a surname that is also an agency's name
        "ap",
        "News agencies",
    ],
)
def test_a_byline_without_an_agency_gives_none(registry: OutletRegistry, byline: str) -> None:
    assert wire(registry, byline=byline, blocks=BODY) is None


@pytest.mark.parametrize(
    ("opening", "agency"),
    [
        ("WASHINGTON (AP) — ", "Associated Press"),
        ("LONDON (Reuters) - ", "Reuters"),
        ("NEW DELHI, Oct 3 (PTI): ", "Press Trust of India"),
        ("(Reuters) — ", "Reuters"),
        ("PORT ELLIS, Maine (AP) -- ", "Associated Press"),
        ("GENEVA (AFP) – ", "Agence France-Presse"),
    ],
)
def test_a_dateline_names_the_wire(registry: OutletRegistry, opening: str, agency: str) -> None:
    assert wire(registry, blocks=[opening + BODY[0], *BODY[1:]]) == agency


@pytest.mark.parametrize(
    "opening",
    ["PORT ELLIS – ", "LONDON (CNN) — ", "The council (which meets monthly) - ", "(Analysis) — "],
)
def test_a_dateline_without_an_agency_gives_none(registry: OutletRegistry, opening: str) -> None:
    assert wire(registry, blocks=[opening + BODY[0], *BODY[1:]]) is None


@pytest.mark.parametrize(
    ("credit", "agency"),
    [
        ("The Associated Press contributed to this report.", "Associated Press"),
        ("Associated Press writer Jane Doe in Portland contributed.", "Associated Press"),
        ("Staff writer Ada Brink and Reuters contributed reporting.", "Reuters"),
        ("(With inputs from PTI)", "Press Trust of India"),
        ("With inputs from agencies, IANS", "IANS"),
        ("Additional reporting by Reuters", "Reuters"),
        ("Copyright 2024 The Associated Press. All rights reserved.", "Associated Press"),
        ("© 2024 AFP", "Agence France-Presse"),
        ("This story was provided by Portside Press Service.", "Portside Press Service"),
        ("— Reuters", "Reuters"),
        ("Source: Reuters", "Reuters"),
        ("AFP", "Agence France-Presse"),
    ],
)
def test_a_credit_line_names_the_wire(registry: OutletRegistry, credit: str, agency: str) -> None:
    assert wire(registry, blocks=[*BODY, credit]) == agency


def test_a_credit_at_the_end_of_the_last_paragraph_names_the_wire(
    registry: OutletRegistry,
) -> None:
    for tail in (" PTI", " — AFP", " (Reuters)"):
        assert wire(registry, blocks=[*BODY[:-1], BODY[-1] + tail]) is not None, tail


@pytest.mark.parametrize(
    "credit",
    [
        "With inputs from agencies",
        "Source: News agencies",
        "Source: Harbour Herald and news agencies",
        "The Harbour Herald contributed to this report.",
        "Reporting by Ada Brink; Editing by Tom Wren",
    ],
)
def test_unnamed_agencies_and_papers_give_no_wire(registry: OutletRegistry, credit: str) -> None:
    assert wire(registry, blocks=[*BODY, credit]) is None


def test_agency_names_in_the_story_are_not_credits(registry: OutletRegistry) -> None:
    body = [
        BODY[0],
        "Reuters contributed $5 million to the harbour fund in 2019, the council said.",
        "Source: Bloomberg",  # a chart's data source mid-story
        "Reuters",  # a subheading about the agency
        "The agency's reporters were at the vote, said Reuters, which has an office there.",
        *BODY[1:],
    ]
    assert wire(registry, blocks=body) is None


def test_wire_name_needs_an_agency(registry: OutletRegistry) -> None:
    assert wire_name("The Associated Press", registry) == "Associated Press"
    assert wire_name("AP writers", registry) == "Associated Press"
    assert wire_name("The Harbour Herald", registry) is None  # a paper
    assert wire_name("MSN", registry) is None  # a host
    assert wire_name("agencies", registry) is None


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(max_size=300), max_size=8), st.text(max_size=200))
def test_find_wire_never_raises(blocks: list[str], byline: str) -> None:
    reg = load_registry([FIXTURES / "outlets.json"])
    result = find_wire(reg, [byline], blocks)
    assert result is None or isinstance(result, str)


# --- in each input kind -------------------------------------------------------------


def test_scraped_text_keeps_what_its_dropped_credit_lines_say(registry: OutletRegistry) -> None:
    a = clean_text((FIXTURES / "pti_dateline.txt").read_text(), None, registry)
    assert a.wire == "Press Trust of India"
    assert a.text.startswith("NEW DELHI, Oct 3 (PTI): Heavy monsoon rains")
    assert "Share this article" not in a.text and "With inputs" not in a.text
    assert a.publisher is None  # nothing says who published it


def test_scraped_text_reads_a_byline_credit_and_a_chrome_credit(registry: OutletRegistry) -> None:
    text = "\n\n".join(
        ["Harbour wall to be extended", "By Ada Brink, Portside Press", *BODY, "Source: IANS"]
    )
    a = clean_text(text, "https://www.harbourherald.example/news/wall", registry)
    assert (a.publisher, a.wire) == ("The Harbour Herald", "Portside Press Service")
    assert "Source:" not in a.text
    b = clean_text(
        "\n\n".join(["Harbour wall to be extended", *BODY, "Source: IANS"]), None, registry
    )
    assert b.wire == "IANS" and "IANS" not in b.text


def test_markdown_reads_its_dateline_and_its_dropped_copyright_line(
    registry: OutletRegistry,
) -> None:
    a = clean_markdown((FIXTURES / "afp_credit.md").read_text(), None, registry)
    assert (a.publisher, a.wire) == ("The Harbour Herald", "Agence France-Presse")
    assert "Copyright" not in a.text and "Copyright" not in a.markdown


def test_html_reads_its_dateline_and_its_dropped_credit_line(registry: OutletRegistry) -> None:
    html = (FIXTURES / "unregistered.html").read_text()
    credit = "<p>The Associated Press contributed to this report.</p></article>"
    a = clean_html(html.replace("</article>", credit), None, registry)
    assert a.wire == "Associated Press"
    assert "contributed" not in a.text


def test_the_wires_own_page_has_no_wire(registry: OutletRegistry) -> None:
    text = "\n\n".join(["Harbour wall to be extended", "LONDON (Reuters) - " + BODY[0], *BODY[1:]])
    a = clean_text(text, "https://www.reuters.com/world/harbour-wall", registry)
    assert (a.publisher, a.wire) == ("Reuters", None)
