"""Quoted words with no cue of their own keep their speaker; embedded posts their account."""

from __future__ import annotations

from reader.attribution import find_claims
from reader.model import Claim


def _by(claims: list[Claim], start: str) -> Claim:
    return next(c for c in claims if c.text.lstrip('“"').startswith(start))


def test_sentences_of_a_quote_after_its_cue_keep_the_speaker() -> None:
    text = (
        "“The dam held,” said Lena Park, the city engineer. “We were lucky. "
        "The river rose two metres overnight and nobody slept.”"
    )
    claims = find_claims(text)
    # the quotation its tag interrupts is one claim, the speaker's
    for words in ("We were lucky", "The river rose"):
        [c] = [c for c in claims if words in c.text]
        assert (c.source, c.status, c.uncertain) == ("Lena Park", "reported", False)
        assert c.text.startswith("“The dam held,”")


def test_a_quote_running_over_paragraphs_keeps_its_speaker() -> None:
    text = (
        "Lena Park said the levee had held. “We were lucky. The water rose two metres.\n\n"
        "“Next year we may not be so lucky.”\n\n"
        "The council meets on Monday."
    )
    claims = find_claims(text)
    assert _by(claims, "Next year").source == "Lena Park"
    assert _by(claims, "The council meets").source is None


def test_a_quote_after_a_colon_paragraph_takes_its_speaker() -> None:
    text = (
        "In a statement on Friday, the ministry said:\n\n"
        "“The border remains open. Trucks will cross from Monday.”"
    )
    claims = find_claims(text)
    assert _by(claims, "Trucks will cross").source == "the ministry"
    assert not _by(claims, "Trucks will cross").uncertain


def test_a_quoted_paragraph_after_a_quote_paragraph_is_an_uncertain_continuation() -> None:
    text = "“The dam held,” Lena Park said on Tuesday.\n\n“We were lucky. Next year we may not be.”"
    c = _by(find_claims(text), "We were lucky")
    assert (c.source, c.uncertain) == ("Lena Park", True)


def test_a_quote_with_no_speaker_anywhere_gets_none() -> None:
    text = "The bridge closed at noon on Friday.\n\n“The river rose two metres overnight.”"
    assert _by(find_claims(text), "The river rose").source is None


def test_a_quote_closed_by_a_manner_verb_has_its_speaker() -> None:
    text = "“The accordion drives me nuts,” Omar Reyes laughed on Sunday."
    [c] = find_claims(text)
    assert c.source == "Omar Reyes"
    assert all(c.source is None for c in find_claims("Reyes laughed at the idea in 2019."))


def test_an_embedded_post_belongs_to_its_account() -> None:
    text = (
        "The governor, Dana Whitfield, turned to Twitter on Sunday to describe the smog.\n\n"
        "The air in our city is a disgrace this morning\n\n"
        "I urge everyone to stay inside today pic.example.com/abc123\n\n"
        "— Dana Whitfield (@danawhitfield) November 3, 2024\n\n"
        "Schools will stay closed until Wednesday, officials said."
    )
    claims = find_claims(text)
    for start in ("The air in our city", "I urge everyone"):
        assert _by(claims, start).source == "Dana Whitfield", start
    assert not any(c.text.startswith("—") for c in claims), "the signature is not a claim"
    assert _by(claims, "Schools will stay").source == "officials"


def test_the_statement_read_is_its_issuer_speaking() -> None:
    text = (
        "The Harbor Company issued a statement on Monday.\n\n"
        "“We are proud of our safety record,” the statement read."
    )
    c = _by(find_claims(text), "We are proud")
    assert (c.source, c.cue) == ("The Harbor Company", "read")
    assert all(c.source is None for c in find_claims("Mara Quint read the book in 2024."))


def test_it_added_continues_the_body_that_spoke() -> None:
    text = "The ministry said the border was open. “Trucks will cross from Monday,” it added."
    c = _by(find_claims(text), "Trucks will cross")
    assert c.source == "The ministry"


def test_a_report_by_an_outlet_comes_through_the_outlet() -> None:
    [c] = find_claims("The couple split in May, according to a new report by CNN.", "The Post")
    assert (c.source, c.source_type, c.outlet) == ("CNN", "outlet", "CNN")


def test_a_quotation_its_tag_interrupts_is_one_claim() -> None:
    from reader.attribution import find_claims

    text = (
        "The ferry crews voted on Monday.\n\n"
        "“We stayed out as long as we could,” Ingrid Solberg said. “Then the harbour "
        "closed. Nobody told us why.”\n\n"
        "“It is settled,” the port director said.\n\n"
        "“And the fares?” a passenger asked."
    )
    claims = find_claims(text)
    [one] = [c for c in claims if "stayed out" in c.text]
    assert one.text.endswith("Nobody told us why.”")
    assert one.source == "Ingrid Solberg"
    assert not any(c.text.startswith("“Then the harbour") for c in claims)
    # another paragraph's quotation is its own claim, with its own speaker
    assert [c.source for c in claims if c.text.startswith("“It is settled")] == [
        "the port director"
    ]
