"""Who a person is: their name, their gender for "he"/"she", whether they hold office."""

from __future__ import annotations

from reader.attribution import find_claims
from reader.model import Claim


def _by(claims: list[Claim], start: str) -> Claim:
    return next(c for c in claims if c.text.lstrip('“"').startswith(start))


def test_she_and_he_follow_the_given_names_gender() -> None:
    text = (
        "Daniel Okafor and his mother, Grace Adeyemi, run the bakery on Pine Street.\n\n"
        "“We never closed, not even in the flood,” she said.\n\n"
        "“My mother is the reason,” he said."
    )
    claims = find_claims(text)
    assert _by(claims, "We never closed").source == "Grace Adeyemi"
    assert _by(claims, "My mother is").source == "Daniel Okafor"


def test_quoted_titles_places_and_phrases_are_not_people() -> None:
    text = (
        "The film “Silver Harbor” opens on Friday at Martha’s Vineyard and No Place Like "
        "Home plays after it.\n\n“It moved me,” she said."
    )
    c = _by(find_claims(text), "It moved me")
    assert c.source == "she"


def test_an_apposition_anywhere_makes_the_person_an_official() -> None:
    text = (
        "Tomas Reyes, the former special envoy to Moldova, testified for six hours.\n\n"
        "Reyes said he had never met the minister."
    )
    c = _by(find_claims(text), "Reyes said")
    assert (c.source, c.source_type) == ("Tomas Reyes", "official")


def test_a_title_before_the_name_types_the_person() -> None:
    text = "Calder County Sheriff Ana Petrova said the road would stay closed until March."
    c = find_claims(text)[0]
    assert (c.source, c.source_type) == ("Ana Petrova", "official")


def test_the_head_of_a_private_body_is_not_an_official() -> None:
    text = (
        "Mira Sol, the president of the Lakeside Farmers Association, said prices fell.\n\n"
        "Ivo Brandt, the president of the Federal Reserve Bank of Lakeside, said rates "
        "would hold."
    )
    claims = find_claims(text)
    assert _by(claims, "Mira Sol").source_type == "person"
    assert _by(claims, "Ivo Brandt").source_type == "official"


def test_someones_attorney_is_a_person_a_us_attorney_an_official() -> None:
    text = (
        "His attorney, Nora Feld, said he would appeal the ruling in 2025.\n\n"
        "Paul Osei, the U.S. Attorney for the district, said the case was closed."
    )
    claims = find_claims(text)
    assert _by(claims, "His attorney").source_type == "person"
    assert _by(claims, "Paul Osei").source_type == "official"


def test_an_office_learned_later_types_earlier_claims_too() -> None:
    text = (
        "“The vote was fair,” Lena Marsh said on Monday.\n\n"
        "Marsh, the mayor of Dunmore, has held the post since 2019."
    )
    c = _by(find_claims(text), "The vote was fair")
    assert (c.source, c.source_type) == ("Lena Marsh", "official")


def test_a_description_with_a_common_noun_head_is_not_a_name() -> None:
    c = find_claims("A Calder County transit chief says a man was stabbed on a train.")[0]
    assert (c.source, c.source_type) == ("A Calder County transit chief", "official")
    c = find_claims("Middle East observers say the base is a target in 2024.")[0]
    assert (c.source, c.source_type) == ("Middle East observers", "anonymous")


def test_a_description_ending_in_a_name_gives_the_name() -> None:
    text = "Peru's ambassador to Norway Ana Castillo said the talks would resume in May."
    c = find_claims(text)[0]
    assert (c.source, c.source_type) == ("Ana Castillo", "official")


def test_a_surname_that_looks_like_a_nationality_is_still_a_name() -> None:
    text = (
        "Lt. Col. Peter Vindman testified on Tuesday.\n\n"
        "He rejected the idea, a prospect Vindman denied earlier in the day."
    )
    c = next(c for c in find_claims(text) if c.cue == "denied")
    assert c.source == "Peter Vindman"


def test_a_body_with_the_article_is_an_organisation() -> None:
    c = find_claims("The Coastal Liberation Front claimed responsibility for the blast.")[0]
    assert c.source_type == "organization"


def test_the_officials_do_not_refer_back_to_one_official() -> None:
    text = (
        "An airport official said 150 passengers had landed on Tuesday.\n\n"
        "The passengers had no papers, the officials said."
    )
    c = next(c for c in find_claims(text) if c.text.startswith("The passengers"))
    assert c.source == "the officials"


def test_data_from_a_named_firm_is_a_document() -> None:
    c = find_claims("The bond fell 4% on Monday, according to data from Tradewell.")[0]
    assert (c.source, c.source_type) == ("data from Tradewell", "document")


def test_a_later_surname_finds_a_name_with_a_suffix_or_a_family_name_first() -> None:
    text = (
        "Paul R. Osei Jr., the U.S. Attorney for the district, said the case was closed.\n\n"
        "“Threats are not speech,” Osei said in a statement.\n\n"
        "Peru's ambassador to Norway Wang Lihua has said the talks would resume in May.\n\n"
        "Wang said the fleet could sail in 2025."
    )
    claims = find_claims(text)
    assert _by(claims, "Threats").source == "Paul R. Osei Jr."
    assert (_by(claims, "Wang said").source, _by(claims, "Wang said").source_type) == (
        "Wang Lihua",
        "official",
    )


def test_the_statement_speaks_for_whoever_issued_it() -> None:
    text = (
        "The Coast Guard said in a statement that two crew members were missing.\n\n"
        "“The search continues,” the statement said."
    )
    c = _by(find_claims(text), "The search continues")
    assert c.source == "The Coast Guard"


def test_police_are_officials_and_the_company_is_the_last_company() -> None:
    text = (
        "Kestrel Institutional Equities said the market was overheated in 2024.\n\n"
        "A correction was likely, the brokerage said.\n\nPolice said 40 people were hurt."
    )
    claims = find_claims(text)
    assert _by(claims, "Kestrel").source_type == "organization"
    assert _by(claims, "A correction").source == "Kestrel Institutional Equities"
    assert _by(claims, "Police said").source_type == "official"


def test_white_house_advisers_are_unnamed_people() -> None:
    c = find_claims("No deal is final yet, White House advisers say.")[0]
    assert c.source_type == "anonymous"


def test_a_kind_of_body_refers_back_only_to_a_body_of_that_kind() -> None:
    """ "the union" is not the board named before it; a union named before it is."""
    text = (
        "The Kelport Harbour Board said 310 lorries were queued at the terminal on Friday.\n\n"
        "The walkout would be the longest at the terminal since 1998, the union said."
    )
    c = _by(find_claims(text), "The walkout")
    assert (c.source, c.source_type) == ("the union", "organization")
    text = (
        "The Kelport Ferry Workers Union said its members would stop work on Friday.\n\n"
        "The walkout would be the longest at the terminal since 1998, the union said."
    )
    c = _by(find_claims(text), "The walkout")
    assert c.source == "The Kelport Ferry Workers Union"


def test_a_pronoun_in_a_later_clause_is_the_person_the_sentence_named() -> None:
    # the sentence before names another man; "he" in "but he said" is still Halvorsen
    text = (
        "Marcus Lindqvist, the port's finance director, presented the budget on Monday.\n\n"
        "Erik Halvorsen said the ferry fare depends on fuel prices, but he said that he "
        "expects it to stay under six dollars."
    )
    c = _by(find_claims(text), "but he said")
    assert c.source == "Erik Halvorsen"


def test_a_name_after_an_organisation_noun_is_a_body_not_a_person() -> None:
    text = (
        "Shipping firm Nordhavn Lines said the route would close.\n\n"
        "Dock union leader Maren Eide said the workers were not told."
    )
    claims = find_claims(text)
    c = _by(claims, "Shipping firm")
    assert (c.source, c.source_type) == ("Nordhavn Lines", "organization")
    c = _by(claims, "Dock union")
    assert c.source == "Maren Eide" and c.source_type in ("person", "official")


def test_the_one_told_is_never_the_speaker_even_after_a_long_apposition() -> None:
    text = (
        "Omar Lind, a senior analyst at Stratcom, the Texas-based research group, told the "
        "Harbor Courier in October that the sea wall was weak.\n\n"
        "Ivo Hale, an expert in coastal engineering and flood risk at the Department of Civil "
        "Works at the University of Leeds who did not work on the survey, told the Harbor "
        'Courier: "The wall will not hold another winter."'
    )
    claims = find_claims(text, "Harbor Gazette")
    assert _by(claims, "Omar Lind").source == "Omar Lind"
    assert _by(claims, "Ivo Hale").source == "Ivo Hale"
    assert all(c.source != "Harbor Courier" for c in claims)
