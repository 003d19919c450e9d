"""Status, outlets and chains on a fictional article with layered sourcing."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.attribution import find_claims
from reader.model import SOURCE_TYPES, STATUSES, Claim

FIXTURE = Path(__file__).parent / "fixtures" / "attribution" / "layered.txt"


@pytest.fixture(scope="module")
def layered() -> tuple[str, list[Claim]]:
    text = FIXTURE.read_text(encoding="utf-8")
    return text, find_claims(text)


def claim_with(claims: list[Claim], fragment: str) -> Claim:
    hits = [c for c in claims if fragment in c.text]
    assert hits, fragment
    return hits[0]


def test_publisher_is_found_from_self_reference(layered: tuple[str, list[Claim]]) -> None:
    _, claims = layered
    attributed = [c for c in claims if c.source]
    assert all(c.chain[0] == "Insider" for c in attributed)


def test_outlet_reports_are_unconfirmed_by_the_verification_note(
    layered: tuple[str, list[Claim]],
) -> None:
    _, claims = layered
    first = claim_with(claims, "sell back surveillance drones")
    assert (first.source_type, first.outlet, first.status) == (
        "outlet",
        "The Wall Street Journal",
        "unconfirmed",
    )
    assert first.cue == "reported"


def test_citing_chain_and_anaphora(layered: tuple[str, list[Claim]]) -> None:
    text, claims = layered
    talks = claim_with(claims, "Quiet negotiations")
    assert talks.source == "unnamed officials familiar with the talks"
    assert talks.source_type == "anonymous"
    assert talks.chain == [
        "Insider",
        "The Wall Street Journal",
        "unnamed officials familiar with the talks",
    ]
    two = claim_with(claims, "Two of those officials told the paper")
    assert two.source == "unnamed officials familiar with the talks"
    assert two.outlet == "The Wall Street Journal"
    assert two.source_span is not None
    assert text[two.source_span[0] : two.source_span[1]] == "Two of those officials"
    paper = claim_with(claims, "due to be shipped")
    assert (paper.source, paper.source_type, paper.status) == (
        "The Wall Street Journal",
        "outlet",
        "unconfirmed",
    )


def test_denial_clause(layered: tuple[str, list[Claim]]) -> None:
    _, claims = layered
    denial = claim_with(claims, "Chile denied")
    assert (denial.source, denial.source_type, denial.status) == ("Chile", "government", "denied")
    rest = claim_with(claims, "one unnamed official told the outlet")
    assert rest is not denial
    assert rest.outlet == "The Wall Street Journal"
    assert rest.status == "unconfirmed"


def test_other_outlets_are_not_covered_by_the_note(layered: tuple[str, list[Claim]]) -> None:
    _, claims = layered
    post = claim_with(claims, "planned sale")
    assert (post.outlet, post.status) == ("The Washington Post", "reported")
    per = claim_with(claims, "per the Journal")
    assert (per.outlet, per.status) == ("The Wall Street Journal", "unconfirmed")


def test_official_told_outlet(layered: tuple[str, list[Claim]]) -> None:
    _, claims = layered
    c = claim_with(claims, "Jane Holloway")
    assert (c.source, c.source_type, c.outlet) == (
        "Jane Holloway",
        "official",
        "The Washington Post",
    )
    assert c.chain == ["Insider", "The Washington Post", "Jane Holloway"]


def test_own_reporter_and_government(layered: tuple[str, list[Claim]]) -> None:
    _, claims = layered
    own = claim_with(claims, "Tom Reyes")
    # A named reporter is a person writing for the outlet (the outlet stays Insider).
    assert (own.source, own.outlet, own.source_type) == ("Tom Reyes", "Insider", "person")
    warned = claim_with(claims, "Norway warned")
    assert (warned.source, warned.source_type, warned.status) == (
        "Norway",
        "government",
        "reported",
    )


def test_verification_note_is_not_itself_a_claim(layered: tuple[str, list[Claim]]) -> None:
    _, claims = layered
    assert not [c for c in claims if "unable to independently verify" in c.text]


def test_confirmed_by_the_writer() -> None:
    text = (
        "The plant will close in June, two managers said.\n\n"
        "The Courier Gazette has independently confirmed their account."
    )
    claims = find_claims(text, publisher="The Courier Gazette")
    assert claims[0].status == "confirmed"


def test_a_note_naming_what_it_could_not_check_covers_the_claims_about_it() -> None:
    text = (
        "According to the Fenwick Ledger, 310 lorries were queued at the ferry terminal "
        "on Friday.\n\n"
        "The crews want a 6 percent pay rise, Imke Soral said.\n\n"
        "The Marsh Times was unable to independently confirm the number of lorries queued."
    )
    claims = find_claims(text, publisher="The Marsh Times")
    note = text.index("was unable")
    lorries, pay = claims[0], claims[1]
    assert lorries.status == "unconfirmed"
    assert lorries.evidence and lorries.evidence[0][0] <= note < lorries.evidence[0][1]
    assert (pay.status, pay.evidence) == ("reported", [])
    # the same with the content written as a clause
    text = text.replace("the number of lorries queued", "that 310 lorries were queued")
    claims = find_claims(text, publisher="The Marsh Times")
    assert [c.status for c in claims[:2]] == ["unconfirmed", "reported"]


def test_rebuttal_makes_earlier_claims_disputed() -> None:
    text = (
        "The factory dumped waste into the river in 2021, Reuters reported.\n\n"
        "The company denied the report."
    )
    claims = find_claims(text)
    assert claims[0].status == "disputed"
    assert claims[1].status == "denied"


def test_a_denial_whose_it_opens_a_clause_rebuts_no_report() -> None:
    text = (
        "The crews want a 6 percent pay rise, Imke Soral said.\n\n"
        "The Northline Ferry Company denied it had ignored safety complaints, a "
        "spokeswoman said."
    )
    claims = find_claims(text)
    assert (claims[0].status, claims[0].conflicts_with) == ("reported", [])
    # "denied it" with nothing after is a rebuttal of the claims before
    text = text.replace("denied it had ignored safety complaints, a spokeswoman said", "denied it")
    assert find_claims(text)[0].status == "disputed"


def test_vocabularies(layered: tuple[str, list[Claim]]) -> None:
    _, claims = layered
    for c in claims:
        assert c.status in STATUSES
        assert c.source_type is None or c.source_type in SOURCE_TYPES


SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seeds" / "000_dbd83d98a0392977.txt"


@pytest.mark.corpus
@pytest.mark.skipif(not SEED.is_file(), reason="shared seed article not present (../shared)")
def test_shared_seed_article() -> None:
    text = SEED.read_text(encoding="utf-8")
    claims = find_claims(text)
    by = {c.text.split(",")[0][:40]: c for c in claims if c.source}

    def get(fragment: str) -> Claim:
        return next(c for c in claims if fragment in c.text and c.source)

    wsj = "The Wall Street Journal"
    c = get("The Wall Street Journal reported")
    assert (c.outlet, c.source_type, c.status) == (wsj, "outlet", "unconfirmed")
    c = get("citing unnamed sources")
    assert (c.outlet, c.source_type, c.status) == (wsj, "anonymous", "unconfirmed")
    assert c.chain[:2] == ["Insider", wsj]
    c = get("Pakistan denied")
    assert (c.source, c.source_type, c.status) == ("Pakistan", "government", "denied")
    assert get("per the Journal").outlet == wsj
    c = get("as The Washington Post reported")
    assert (c.outlet, c.status) == ("The Washington Post", "reported")
    c = get("Chris Murphy")
    assert (c.source, c.source_type, c.outlet) == (
        "Chris Murphy",
        "official",
        "The Washington Post",
    )
    assert c.chain == ["Insider", "The Washington Post", "Chris Murphy"]
    assert get("Tangalakis-Lippert").outlet == "Insider"
    c = get("Estonia warned")
    assert (c.source, c.source_type) == ("Estonia", "government")
    assert by


def test_a_note_ending_on_its_verb_covers_nothing() -> None:
    text = "Pay rose 6 percent, Imke Soral said.\n\nThe Marsh Times could not confirm"
    claims = find_claims(text, publisher="The Marsh Times")
    assert claims[0].status == "reported"


def test_not_possible_to_verify_someones_claim_is_a_note() -> None:
    from reader.attribution import find_claims

    text = (
        "The rebels claimed responsibility for the blast at the depot.\n\n"
        '"The depot was destroyed," rebel spokesman Omar Haddad said in a tweet.\n\n'
        "It was not possible to independently verify the group's claim."
    )
    [quote] = [c for c in find_claims(text) if c.source == "Omar Haddad"]
    assert quote.status == "unconfirmed"
    assert text[quote.evidence[0][0] : quote.evidence[0][1]].startswith("It was not possible")
