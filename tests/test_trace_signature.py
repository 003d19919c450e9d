"""Claim signatures and the verifier: numbers, negation, copies, rewrites, unrelated."""

from __future__ import annotations

import pytest

from reader.trace import LinkKind, signature, verify

BASE = "Egypt agreed to return 150 helicopter engines to Russia, officials said."


def link(a: str, b: str, sa: str | None = None, sb: str | None = None) -> LinkKind | None:
    found = verify(signature(a, sa), signature(b, sb))
    return found[0] if found else None


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("150", "150"),
        ("150,000", "150000"),
        ("150k", "150000"),
        ("150 thousand", "150000"),
        ("1.5 million", "1500000"),
        ("$1.5m", "1500000"),
        ("one and a half million", "1500000"),
        ("half a million", "500000"),
        ("fifteen", "15"),
        ("two hundred and fifty", "250"),
        ("$449K", "449000"),
        ("12.9bn", "12900000000"),
    ],
)
def test_numbers_are_normalised(written: str, value: str) -> None:
    assert signature(f"They paid {written} for it.").numbers == {value}


def test_150_is_not_15() -> None:
    assert link(BASE, BASE.replace("150", "15")) is None
    assert link(BASE, BASE.replace("150", "fifteen")) is None
    assert link(BASE, BASE.replace("150", "one hundred and fifty")) is LinkKind.COPY


@pytest.mark.parametrize(
    "negated",
    [
        BASE.replace("agreed to", "refused to"),
        BASE.replace("agreed to", "did not agree to"),
        "Egypt denied that it would return 150 helicopter engines to Russia, officials said.",
        "Egypt has never agreed to return 150 helicopter engines to Russia, officials said.",
    ],
)
def test_negation_is_not_the_same_claim(negated: str) -> None:
    assert link(BASE, negated) is None
    assert link(negated, BASE) is None


def test_same_negation_worded_differently_matches() -> None:
    a = "Carlineo's attorney said in an email that Carlineo never intended to harm Omar."
    b = "Carlineo's attorney said her client did not intend to cause harm to Omar and did not make plans to do so."
    assert link(a, b) is not None


def test_negating_another_word_contradicts() -> None:
    a = "The engines had been sent to Egypt for repairs in 2021 and were never returned."
    b = "The engines were not sent to Egypt for repairs in 2021, officials said."
    assert link(a, b) is None


def test_opposite_words_contradict() -> None:
    assert (
        link(
            "Oil prices rose 4 percent on Friday in London trading.",
            "Oil prices fell 4 percent on Friday in London trading.",
        )
        is None
    )


def test_wire_copy() -> None:
    assert link(BASE, BASE) is LinkKind.COPY
    assert link(BASE, BASE.replace("officials said", "officials told reporters")) is LinkKind.COPY


def test_light_rewrite() -> None:
    b = "Egypt has agreed to hand back 150 helicopter engines to Russia, according to officials."
    assert link(BASE, b) in (LinkKind.REWRITE, LinkKind.COPY)


def test_same_facts_reworded() -> None:
    b = "Russia will get back the 150 engines of its helicopters from Egypt, a ministry official confirmed."
    assert link(BASE, b) in (LinkKind.SAME_FACTS, LinkKind.REWRITE)
    c = "Repair fees of roughly one and a half million dollars will be paid by Kordavia, the official said."
    d = "The deal is worth about $1.5 million in repair fees, the ministry said."
    assert link(c, d, "the official", "the ministry") is LinkKind.SAME_FACTS


def test_unrelated() -> None:
    assert (
        link(BASE, "Egypt beat Russia 3-1 in a football friendly in front of 15,000 fans.") is None
    )
    assert link(BASE, "The central bank raised interest rates by half a point on Tuesday.") is None


def test_source_words_do_not_decide() -> None:
    a = "The council approved the new flood barrier for the river district, prosecutors said."
    b = "The council approved the new flood barrier for the river district, the mayor's office announced."
    assert link(a, b, "prosecutors", "the mayor's office") is not None


def test_empty_and_tiny_claims_never_link() -> None:
    assert link("", "") is None
    # the same few words in two articles are not one report: two people declining
    assert link("It.", "It.") is None
    assert link("He declined to comment.", "He declined to comment.") is None
    assert link("Meth is bad.", "Meth is good.") is None


# -- paraphrase rules added with the product-path evaluation -------------------------

LONG = (
    "A Vellmark man pleaded guilty to charges he threatened to kill councillor Ana Rusk,"
    " see also: budget vote, harbour plans, the weekend's football, the Western District"
    " of Vellmark prosecutor's office announced on Monday."
)
SHORT = "A Vellmark man pleaded guilty Monday to threatening to kill councillor Ana Rusk, prosecutors said."


def test_a_claim_said_again_inside_a_longer_sentence_links() -> None:
    assert link(LONG, SHORT) is LinkKind.REWRITE


def test_containment_still_separates_negation_and_numbers() -> None:
    assert link(LONG, SHORT.replace("pleaded guilty", "refused to plead guilty")) is None
    assert link(LONG + " He faces 150 years.", SHORT + " He faces 15 years.") is None


def test_a_people_meets_its_place() -> None:
    assert signature("Velorian officials met").content >= {"veloria", "official"}
    assert "veloria" in signature("The Velorians agreed").names


QUOTE_A = (
    "The mayor said in the release that the law does not protect people who"
    " “make threats to harm lawmakers simply because they may disagree with them.”"
)
QUOTE_B = (
    '"The right to speak carries the duty that people not make threats to harm'
    ' lawmakers simply because they may disagree with them," the mayor said.'
)


def test_a_shared_quotation_fixes_the_claim_when_both_negate() -> None:
    assert link(QUOTE_A, QUOTE_B) is LinkKind.REWRITE
    # the same quotation, one side affirming where the other negates: not the same
    assert link(QUOTE_A.replace("does not protect", "protects"), QUOTE_B) is None


def test_a_shared_phrase_holding_half_the_claim_links() -> None:
    a = "The probe found enough water vapour to fill an Olympic-size swimming pool within minutes."
    b = "That is almost enough to fill an Olympic-size swimming pool, the agency said."
    assert link(a, b) is LinkKind.REWRITE
    assert link(a, "A new Olympic-size swimming pool opened in the town on Monday.") is None


# -- negation reaches its own clause; numbers keep their units --------------------------


def test_a_negation_in_a_clause_the_other_does_not_state_does_not_contradict() -> None:
    a = "The Dornish tractors had waited in Marlow workshops since 2019."
    b = "The tractors were sent to Marlow for servicing in 2019 and were never collected."
    assert link(a, b) is not None
    c = "The minister, who did not attend, said the Marlow budget of 40 million would pass."
    assert link(c, "The minister said the Marlow budget of 40 million would pass.") is not None


def test_a_negation_about_what_the_other_states_still_contradicts() -> None:
    a = "Marlow agreed to return 90 Dornish tractors in 2019."
    # the negated clause holds the shared words, whatever the negator governs
    assert link(a, "Marlow did not, in the end, return 90 Dornish tractors in 2019.") is None
    assert link(a, "The 90 Dornish tractors held by Marlow were not returned in 2019.") is None
    assert link(a, "Marlow refused to return 90 Dornish tractors in 2019 and said why.") is None


def test_numbers_with_a_unit_or_ordinal_keep_their_value() -> None:
    assert signature("It has a 60W port and a 12W port.").numbers == {"60", "12"}
    assert signature("Their 10th appearance at the cup.").numbers == {"10"}
    assert signature("Prices rose in the 2020s.").numbers == {"2020"}
    a = "The Brellin charger has a 60W port, the maker said."
    assert link(a, a.replace("60W", "30W")) is None
    assert link("Velmora made its 10th appearance at the Orr Cup.",
                "Velmora made its 11th appearance at the Orr Cup.") is None  # fmt: skip
