"""Markdown input: front matter, title heading, plain text without markup."""

from __future__ import annotations

from reader.ingest.clean_markdown import clean_markdown, markdown_to_text


def test_front_matter_and_heading() -> None:
    a = clean_markdown(
        "---\ntitle: Bridge reopens\nauthor: Ines Gray\ndate: 2025-02-01T10:00\n"
        "publisher: Riverside Post\nurl: https://riverside.example/bridge\n---\n"
        "# Bridge reopens after repairs\n\nThe bridge reopened on *Friday*, the city said.\n"
    )
    assert a.title == "Bridge reopens"
    assert (a.byline, a.publisher, a.published) == ("Ines Gray", "Riverside Post", "2025-02-01")
    assert a.url == "https://riverside.example/bridge"
    assert a.text == "The bridge reopened on Friday, the city said."
    assert a.markdown.startswith("The bridge reopened on *Friday*")


def test_first_heading_is_title_without_front_matter() -> None:
    a = clean_markdown("# Tram strike ends\n\nDrivers voted to accept the offer.\n")
    assert a.title == "Tram strike ends"
    assert a.text == "Drivers voted to accept the offer."


def test_blocks_become_paragraphs_and_scripts_vanish() -> None:
    t = markdown_to_text(
        "Intro with a [link](https://x.example).\n\n- first\n- second\n\n> quoted <script>bad()</script>\n"
    )
    assert t == "Intro with a link.\n\nfirst\n\nsecond\n\nquoted"


def test_credit_lines_are_chrome_in_markdown_too() -> None:
    a = clean_markdown(
        "# T\n\nThe pier closed, the council said.\n\n*Reporting by Ola Berg; editing by Tim Vance.*\n"
    )
    assert a.text == "The pier closed, the council said."


def test_a_list_item_keeps_its_own_words_when_a_list_is_nested_in_it() -> None:
    """The words of an item that holds a nested list were dropped (only the innermost
    blocks were read): a claim in them could never be found."""
    from reader.ingest.clean_markdown import markdown_to_text

    body = (
        "Before.\n\n- The council said the bridge *would* reopen.\n"
        "    - First detail.\n    - Second detail.\n- Last item.\n\nAfter."
    )
    assert markdown_to_text(body).split("\n\n") == [
        "Before.",
        "The council said the bridge would reopen.",
        "First detail.",
        "Second detail.",
        "Last item.",
        "After.",
    ]
