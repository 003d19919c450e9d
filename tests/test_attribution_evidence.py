"""Every status but reported/unattributed carries its evidence; conflicts name each other;
a guessed source says so."""

from __future__ import annotations

from reader.attribution import find_claims
from reader.model import Claim


def _by(claims: list[Claim], start: str) -> tuple[int, Claim]:
    return next((i, c) for i, c in enumerate(claims) if c.text.lstrip('“"').startswith(start))


def _words(text: str, c: Claim) -> list[str]:
    return [text[a:b] for a, b in c.evidence]


def test_an_unverified_report_points_at_the_note() -> None:
    text = (
        "The plant will close in March, the Ledger reported.\n\n"
        "The Courier Gazette could not independently verify the report, and the company "
        "did not respond."
    )
    claims = find_claims(text, publisher="The Courier Gazette")
    _, c = _by(claims, "The plant will close")
    assert c.status == "unconfirmed"
    assert _words(text, c) == ["The Courier Gazette could not independently verify the report"]


def test_a_denial_is_its_own_evidence_and_disputes_the_report() -> None:
    text = (
        "Harbor Freight will cut 300 jobs, two people familiar with the plan said.\n\n"
        "The company denied the report on Tuesday."
    )
    claims = find_claims(text)
    i, plan = _by(claims, "Harbor Freight will cut")
    j, denial = _by(claims, "The company denied")
    assert (plan.status, denial.status) == ("disputed", "denied")
    assert _words(text, plan) == ["The company denied the report on Tuesday."]
    assert _words(text, denial) == ["denied"]
    assert (plan.conflicts_with, denial.conflicts_with) == ([j], [i])


def test_two_accounts_with_however_dispute_each_other() -> None:
    text = (
        "The Harbor Authority said the pier was safe to reopen on Monday.\n\n"
        "Engineers at the site, however, said the pier was cracked in two places."
    )
    claims = find_claims(text)
    i, safe = _by(claims, "The Harbor Authority")
    j, cracked = _by(claims, "Engineers at the site")
    assert (safe.status, cracked.status) == ("disputed", "disputed")
    assert (safe.conflicts_with, cracked.conflicts_with) == ([j], [i])
    assert _words(text, safe) == [cracked.text]
    assert _words(text, cracked) == [safe.text]


def test_a_sentence_opening_however_is_no_conflict() -> None:
    text = (
        "The mayor said the pier would reopen in May.\n\n"
        "However, engineers said tests were still running on the pilings."
    )
    claims = find_claims(text)
    assert {c.status for c in claims if c.source} == {"reported"}
    assert all(not c.conflicts_with and not c.evidence for c in claims)


def test_although_sets_the_two_accounts_of_a_sentence_against_each_other() -> None:
    text = (
        "The river was low on Friday.\n\n"
        "Although the agency suggested the leak was contained, Dr. Ines Ortega told "
        "lawmakers there was no evidence of that."
    )
    claims = find_claims(text)
    i, agency = _by(claims, "Although the agency")
    j, ortega = _by(claims, "Dr. Ines Ortega")
    assert (agency.status, ortega.status) == ("disputed", "disputed")
    assert (agency.conflicts_with, ortega.conflicts_with) == ([j], [i])


def test_a_pronoun_far_from_its_person_is_uncertain() -> None:
    near = find_claims("Mara Lind runs the shelter.\n\n“We are full,” she said on Monday.")
    assert (near[-1].source, near[-1].uncertain) == ("Mara Lind", False)
    far = find_claims(
        "Mara Lind runs the shelter.\n\nThe shelter opened in 2009.\n\n"
        "Its roof leaks in winter.\n\nBeds cost $40 a night.\n\n“We are full,” she said."
    )
    assert (far[-1].source, far[-1].uncertain) == ("Mara Lind", True)
    alone = find_claims("“We are full,” he said on Monday.")
    assert (alone[0].source, alone[0].uncertain) == ("he", True)


def test_a_denial_disputes_only_a_claim_about_the_same_thing() -> None:
    text = (
        "Port director Ann Keller said the rise was needed.\n\n"
        "The port authority denied that fees had risen before.\n\n"
        "A council member, however, said fees rose twice last year."
    )
    claims = find_claims(text)
    _, keller = _by(claims, "Port director")
    j, denial = _by(claims, "The port authority")
    k, member = _by(claims, "A council member")
    assert keller.status == "reported" and not keller.conflicts_with
    assert (denial.status, denial.conflicts_with) == ("denied", [k])
    assert (member.status, member.conflicts_with) == ("disputed", [j])


def test_a_denial_about_another_point_of_the_same_party_disputes_nothing() -> None:
    """Both speak of "the operator", but the denial is about safety, not pay."""
    text = (
        "Imke Soral said the crews wanted a 6 percent pay rise over three years and that "
        "the operator had offered 2 percent.\n\n"
        "A spokeswoman for the Northline Ferry Company, Greta Lund, denied that the "
        "operator had ignored safety complaints."
    )
    claims = find_claims(text)
    _, soral = _by(claims, "Imke Soral")
    _, lund = _by(claims, "A spokeswoman")
    assert (soral.status, soral.evidence, soral.conflicts_with) == ("reported", [], [])
    assert (lund.status, lund.conflicts_with) == ("denied", [])
    # the same denial does dispute a claim about what it denies
    text = (
        "Imke Soral said the operator had ignored safety complaints from the crews.\n\n"
        "A spokeswoman for the Northline Ferry Company, Greta Lund, denied that the "
        "operator had ignored safety complaints."
    )
    claims = find_claims(text)
    _, soral = _by(claims, "Imke Soral")
    j, _ = _by(claims, "A spokeswoman")
    assert (soral.status, soral.conflicts_with) == ("disputed", [j])
