"""Outlets, people and states the registry does not know (fictional text, one rule per test)."""

from __future__ import annotations

from reader.attribution import find_claims
from reader.model import Claim


def by(claims: list[Claim], fragment: str) -> Claim:
    hits = [c for c in claims if fragment in c.text]
    assert hits, (fragment, [c.text for c in claims])
    return hits[0]


def span(text: str, c: Claim) -> str:
    assert c.source_span is not None
    return text[c.source_span[0] : c.source_span[1]]


def test_unknown_outlet_by_its_news_head_word() -> None:
    text = (
        "The ferry operator will cut 40 routes, the Pinecrest Herald reported on Friday.\n\n"
        "Fares rose 12 percent in 2023, Orlin Valley Gazette has learned.\n\n"
        "Delays doubled in the winter, according to the Saltmarsh Chronicle."
    )
    claims = find_claims(text, publisher="Dunmore Post")
    for frag, name in [
        ("40 routes", "Pinecrest Herald"),
        ("12 percent", "Orlin Valley Gazette"),
        ("Delays", "Saltmarsh Chronicle"),
    ]:
        c = by(claims, frag)
        assert (c.source, c.source_type, c.outlet) == (name, "outlet", name)
        assert c.chain == ["Dunmore Post", name]


def test_weak_news_head_needs_an_outlet_context() -> None:
    # "Review" also names documents: only an outlet when it stands where outlets stand.
    text = "Coal use fell 8 percent in 2022, the Tarn Energy Review reported."
    assert find_claims(text)[0].source_type == "outlet"
    text = "The Tarn Energy Review said coal use fell 8 percent in 2022."
    c = find_claims(text)[0]
    assert c.source_type != "outlet" or c.source == "Tarn Energy Review"


def test_description_resolves_to_the_unknown_outlet() -> None:
    text = (
        "The mill will close in May, The Eastbrook Sentinel reported.\n\n"
        "About 300 workers will lose their jobs, the newspaper reported."
    )
    second = find_claims(text, publisher="Insider")[1]
    assert (second.source, second.source_type, second.outlet) == (
        "The Eastbrook Sentinel",
        "outlet",
        "The Eastbrook Sentinel",
    )


def test_antecedent_beats_the_registry_for_a_shared_alias() -> None:
    text = (
        "The mill will close in May, The Eastbrook Journal reported.\n\n"
        "Two managers told the Journal that 300 jobs would go."
    )
    claims = find_claims(text, publisher="Insider")
    assert by(claims, "Two managers").outlet == "The Eastbrook Journal"
    # With no antecedent in the text the registry decides.
    alone = find_claims("Two managers told the Journal that 300 jobs would go.", "Insider")
    assert alone[0].outlet == "The Wall Street Journal"
    # An explicit registry alias stays with its outlet.
    wsj = find_claims(text + "\n\nThe board met twice in April, WSJ reported.", "Insider")
    assert by(wsj, "board met").outlet == "The Wall Street Journal"


def test_cited_outlet_is_the_outlet_when_it_cites_its_own_source() -> None:
    text = (
        "The Fenwick Courier reported on Monday, citing three people who saw the plans, "
        "that the stadium would be sold."
    )
    c = find_claims(text, publisher="The Dunmore Post")[0]
    assert c.outlet == "The Fenwick Courier"
    assert c.source == "three people who saw the plans"
    assert c.source_type == "anonymous"
    assert c.chain == ["The Dunmore Post", "The Fenwick Courier", "three people who saw the plans"]


def test_note_naming_an_outlet_covers_all_its_claims() -> None:
    text = (
        "Orvia will close two embassies, The Halden Journal reported.\n\n"
        "Three diplomats told the Journal that the decision was final.\n\n"
        "The Brackwater Tribune was unable to independently verify the Journal's report.\n\n"
        "Orvia's budget shrank by 9 percent in 2024, the Kessel Times reported."
    )
    claims = find_claims(text, publisher="The Brackwater Tribune")
    assert by(claims, "two embassies").status == "unconfirmed"
    assert by(claims, "Three diplomats").status == "unconfirmed"
    assert by(claims, "9 percent").status == "reported"


def test_generic_and_document_objects_of_a_note() -> None:
    text = (
        "The Fenwick Courier reported that the council spent $4 million on consultants. "
        "The Dunmore Post could not verify that account.\n\n"
        "The Kessel Times reported, citing a leaked letter, that the mayor will resign. "
        "The Dunmore Post has not seen the letter and could not confirm its contents.\n\n"
        "The school opened in 1990, the Orlin Gazette reported."
    )
    claims = find_claims(text, publisher="The Dunmore Post")
    assert by(claims, "$4 million").status == "unconfirmed"
    assert by(claims, "will resign").status == "unconfirmed"
    assert by(claims, "1990").status == "reported"


def test_confirmation_stays_in_its_sentence() -> None:
    text = (
        "The port handled 2 million containers, a harbour official said.\n\n"
        "The Dunmore Post has confirmed that the port's director resigned on May 3."
    )
    claims = find_claims(text, publisher="The Dunmore Post")
    assert by(claims, "2 million").status == "reported"
    own = by(claims, "resigned")
    assert (own.status, own.source, own.source_type) == ("confirmed", "The Dunmore Post", "outlet")


def test_conflicting_accounts_are_disputed_on_both_sides() -> None:
    text = (
        "Transport minister Ola Berg said the bridge was safe.\n\n"
        "The engineers' union leader, Mika Strand, said the opposite was true.\n\n"
        "A tunnel opened in 2019, the transport office said."
    )
    claims = find_claims(text)
    assert by(claims, "bridge was safe").status == "disputed"
    assert by(claims, "opposite").status == "disputed"
    assert by(claims, "tunnel").status == "reported"


def test_however_gives_a_conflicting_account() -> None:
    text = (
        "The port's manager, Lars Ek, told reporters that the spill was small. "
        "An inspector sent by the ministry, however, wrote in a memo dated March 4 that "
        "the spill covered 3 kilometres."
    )
    claims = find_claims(text)
    insp = by(claims, "inspector")
    assert insp.source == "An inspector sent by the ministry"
    assert insp.source_type in {"person", "official"}
    assert insp.status == "disputed"
    assert by(claims, "spill was small").status == "disputed"


def test_appositive_name_is_the_source() -> None:
    text = (
        "The airline's chief pilot, Capt. Rosa Imre, told reporters that the engines were "
        "inspected in June. “We found nothing,” she said.\n\n"
        "A second mechanic, Tomas Varga, said the checks took 3 days."
    )
    claims = find_claims(text)
    pilot = by(claims, "engines were")
    assert pilot.source == "Rosa Imre"
    assert pilot.source_type == "official"
    assert "Rosa Imre" in span(text, pilot)
    assert by(claims, "We found nothing").source == "Rosa Imre"
    mech = by(claims, "3 days")
    assert (mech.source, mech.source_type) == ("Tomas Varga", "person")


def test_own_outlet_in_told_the_short_name_is_the_publisher() -> None:
    text = "The county's parks director, Ines Moll, told the Ledger that 12 parks would close."
    c = find_claims(text, publisher="The Fairhaven Ledger")[0]
    assert (c.source, c.source_type, c.outlet) == ("Ines Moll", "official", "The Fairhaven Ledger")
    assert c.chain == ["The Fairhaven Ledger", "Ines Moll"]


def test_company_short_name_is_an_organization() -> None:
    text = (
        "Brightwell Pharmaceuticals recalled 2 million inhalers on Monday.\n\n"
        "Brightwell told regulators in March that the valves were safe."
    )
    c = by(find_claims(text), "valves")
    assert (c.source, c.source_type) == ("Brightwell", "organization")


def test_single_word_state_is_government() -> None:
    text = (
        "Talks were held with Norvale, Estmark and the Kingdom of Tesh in 2024.\n\n"
        "Estmark denied receiving any offer."
    )
    c = by(find_claims(text), "Estmark denied")
    assert (c.source, c.source_type, c.status) == ("Estmark", "government", "denied")


def test_participle_clause_is_trimmed_from_the_source() -> None:
    text = "Rents rose 9 percent in 2024, according to court filings obtained by the Post."
    c = find_claims(text, publisher="The Washington Post")[0]
    assert span(text, c) == "court filings"
    assert c.source_type == "document"
    assert c.chain == ["The Washington Post", "court filings"]


def test_credit_lines_questions_and_imperatives_are_not_claims() -> None:
    text = (
        "The dam holds 4 million cubic metres of water.\n\n"
        "Reporting by Lena Oster; editing by Paul Grey.\n\n"
        "Will the dam hold in 2030?\n\n"
        "Read the 2024 inspection report on the county website."
    )
    claims = find_claims(text)
    assert [c.text for c in claims] == ["The dam holds 4 million cubic metres of water."]


def test_named_reporter_of_an_outlet_is_a_person() -> None:
    text = "Exports fell in May, as the Saltmarsh Chronicle's Ivo Brandt reported."
    c = find_claims(text, publisher="Insider")[0]
    assert (c.source, c.source_type, c.outlet) == ("Ivo Brandt", "person", "Saltmarsh Chronicle")


def test_stance_phrases_with_a_named_subject() -> None:
    for text, cue in [
        ("Senator Ida Marsh is doubling down on her plan to cut fares.", "doubling down on"),
        ("Ida Marsh has been critical of the fare plan.", "critical of"),
        ("Ida Marsh made the case for lower fares.", "made the case for"),
    ]:
        c = find_claims(text)[0]
        assert (c.source, c.cue) == ("Ida Marsh", cue)
    # A thing with a stance adjective is not a source.
    assert all(c.source is None for c in find_claims("The bridge is open to traffic in 2025."))


def test_source_names_keep_their_spelling() -> None:
    from reader.attribution import find_claims

    text = "Parents' groups said the school had ignored their letters since March."
    [claim] = find_claims(text)
    assert claim.source == "Parents' groups"
