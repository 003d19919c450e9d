"""Claim families: reporting verbs in every order, prepositional cues, quotes, facts."""

from __future__ import annotations

import pytest

from reader.attribution import find_claims
from reader.model import Claim


def one(text: str, publisher: str | None = None) -> Claim:
    claims = [c for c in find_claims(text, publisher) if c.source is not None]
    assert len(claims) == 1, claims
    return claims[0]


def span(text: str, c: Claim) -> str:
    assert c.source_span is not None
    return text[c.source_span[0] : c.source_span[1]]


@pytest.mark.parametrize(
    ("text", "source", "cue"),
    [
        ("Mayor Ana Ruiz said that the bridge will reopen in May.", "Ana Ruiz", "said"),
        ("The bridge will reopen in May, Mayor Ana Ruiz said.", "Ana Ruiz", "said"),
        ("The bridge will reopen in May, said Mayor Ana Ruiz.", "Ana Ruiz", "said"),
        ("Ana Ruiz says the bridge will reopen in May.", "Ana Ruiz", "says"),
        ("Ana Ruiz told reporters that the bridge will reopen in May.", "Ana Ruiz", "told"),
        ("The bridge will reopen in May, Ana Ruiz wrote on Tuesday.", "Ana Ruiz", "wrote"),
        ("Ana Ruiz announced that the bridge will reopen in May.", "Ana Ruiz", "announced"),
        ("Ana Ruiz warned that the bridge may stay shut until May.", "Ana Ruiz", "warned"),
        ("The bridge will reopen in May, Ana Ruiz added.", "Ana Ruiz", "added"),
        ("Ana Ruiz noted that the bridge had been shut for 40 days.", "Ana Ruiz", "noted"),
        ("Ana Ruiz acknowledged that repairs cost $4 million.", "Ana Ruiz", "acknowledged"),
        ("Ana Ruiz claimed the repairs cost $4 million.", "Ana Ruiz", "claimed"),
        ("Ana Ruiz argued that the repairs were overdue.", "Ana Ruiz", "argued"),
        ("Ana Ruiz believes the bridge will reopen in May.", "Ana Ruiz", "believes"),
        ("Ana Ruiz has said the bridge will reopen in May.", "Ana Ruiz", "said"),
    ],
)
def test_reporting_verbs_in_every_order(text: str, source: str, cue: str) -> None:
    c = one(text)
    assert c.source == source
    assert c.cue is not None and c.cue.startswith(cue)
    assert c.status == "reported"
    assert source in span(text, c)
    # "Mayor" marks an office holder; a plain name is a person.
    assert c.source_type == ("official" if "Mayor" in text else "person")


def test_plain_name_is_a_person() -> None:
    c = one("Lena Park said the shop will close in June.")
    assert (c.source, c.source_type) == ("Lena Park", "person")


def test_relative_clause_between_source_and_cue() -> None:
    text = "Dara Quinn, who chairs the parks board, said the lake was closed in July."
    c = one(text)
    assert c.source == "Dara Quinn"
    assert span(text, c) == "Dara Quinn"


def test_inverted_with_apposition() -> None:
    text = "“We are not leaving,” said Omar Haddad, the spokesman for the union."
    c = one(text)
    assert c.source == "Omar Haddad"


def test_cues_inside_quotes_are_not_attributions() -> None:
    text = "“Every time you say that, prices rise,” Lena Park said."
    c = one(text)
    assert c.source == "Lena Park"


@pytest.mark.parametrize(
    ("text", "mention", "stype", "cue"),
    [
        (
            "Prices rose 4 percent in May, according to the statistics office.",
            "the statistics office",
            "government",
            "according to",
        ),
        ("Prices rose 4 percent in May, per Reuters.", "Reuters", "outlet", "per"),
        ("Prices rose 4 percent in May, as Bloomberg reported.", "Bloomberg", "outlet", "reported"),
        (
            "Prices rose 4 percent in May, The Guardian has learned.",
            "The Guardian",
            "outlet",
            "learned",
        ),
        (
            "According to a new survey, 30 percent of renters moved in 2023.",
            "a new survey",
            "document",
            "according to",
        ),
    ],
)
def test_prepositional_and_outlet_forms(text: str, mention: str, stype: str, cue: str) -> None:
    c = one(text)
    assert span(text, c) == mention
    assert c.source_type == stype
    assert c.cue == cue


def test_citing_puts_origin_behind_outlet() -> None:
    text = "Talks have begun, the outlet reported, citing two people familiar with the plan."
    pre = "The port will close, Reuters reported.\n\n"
    claims = [c for c in find_claims(pre + text, "Insider") if c.source]
    c = claims[-1]
    assert c.source == "two people familiar with the plan"
    assert c.source_type == "anonymous"
    assert c.outlet == "Reuters"
    assert c.chain == ["Insider", "Reuters", "two people familiar with the plan"]


def test_in_an_interview_with_sets_outlet() -> None:
    text = "Lena Park said in an interview with CNN that the shop will close in June."
    c = one(text, "Insider")
    assert c.outlet == "CNN"
    assert c.chain == ["Insider", "CNN", "Lena Park"]


def test_in_a_statement() -> None:
    text = "In a statement, the ministry said the border would reopen on Monday."
    c = one(text)
    assert c.source_type == "government"
    assert span(text, c) == "the ministry"


def test_quotes_across_sentences_and_adjacent_speaker() -> None:
    text = (
        "“We will rebuild. It will take 2 years. Nobody will be left behind,” Lena Park said.\n\n"
        "Lena Park spoke at the town hall. “The budget is $9 million.”"
    )
    claims = find_claims(text)
    quoted = [c for c in claims if c.source == "Lena Park"]
    assert len(quoted) >= 4
    # Only the sentence with the mention carries a source span.
    with_span = [c for c in quoted if c.source_span]
    assert all(text[c.source_span[0] : c.source_span[1]] == "Lena Park" for c in with_span)
    assert any(c.text == "“The budget is $9 million.”" for c in quoted)


def test_pronoun_source_resolves_but_span_stays_on_pronoun() -> None:
    text = "Mayor Ana Ruiz visited the site on Monday.\n\nShe said the bridge will reopen in May."
    c = one(text)
    assert c.source == "Ana Ruiz"
    assert span(text, c) == "She"


def test_he_added_resolves_to_last_speaker() -> None:
    text = "Tom Reyes said the plant will close. “It is over,” he added."
    claims = [c for c in find_claims(text) if c.source]
    assert [c.source for c in claims] == ["Tom Reyes", "Tom Reyes"]
    assert span(text, claims[1]) == "he"


def test_two_attributions_in_one_sentence_make_two_clauses() -> None:
    text = "While Sylvania denied the deal, two officials told Reuters that it had been signed."
    claims = find_claims(text)
    assert len(claims) == 2
    assert claims[0].source == "Sylvania" and claims[0].status == "denied"
    assert claims[1].source_type == "anonymous" and claims[1].outlet == "Reuters"
    assert claims[0].end <= claims[1].start


def test_unattributed_facts_and_opinion() -> None:
    text = "The bridge opened in 1932 and cost $2 million. It is rather lovely."
    claims = find_claims(text)
    assert len(claims) == 1
    c = claims[0]
    assert c.status == "unattributed"
    assert c.source is None and c.source_span is None and c.source_type is None


def test_offsets_match_text() -> None:
    text = "Title line\n\nThe bridge will reopen in May, Ana Ruiz said. It cost $3 million."
    for c in find_claims(text):
        assert text[c.start : c.end] == c.text


@pytest.mark.parametrize(
    ("text", "cues", "second"),
    [
        (
            "Councillor Ida Brandt criticized the levy and called for a new vote.",
            ["criticized", "called for"],
            "and called for a new vote.",
        ),
        (
            "Ida Brandt demands answers from the board, yet refuses to release her own notes.",
            ["demands", "refuses"],
            "yet refuses to release her own notes.",
        ),
        (
            "Ida Brandt has backed the plan and has repeatedly said it would work.",
            ["backed", "said"],
            "and has repeatedly said it would work.",
        ),
    ],
)
def test_coordinated_predicates_share_the_subject(text: str, cues: list[str], second: str) -> None:
    claims = [c for c in find_claims(text) if c.source is not None]
    assert [c.cue for c in claims] == cues
    assert all(span(text, c) in {"Ida Brandt", "Councillor Ida Brandt"} for c in claims)
    assert claims[1].text == second


@pytest.mark.parametrize(
    "text",
    [
        # a verb in another tense belongs to the reported content
        "Ida Brandt said the mayor knows the plan and supports it.",
        # the second verb's subject is the relative clause's
        "Ida Brandt praised the film, which explored the coast and described its decline.",
        # negated second verbs are not a stance
        "Ida Brandt criticized the levy but did not call for a vote.",
        # a passive participle has another agent
        "Ida Brandt praised the bridge, which was planned by the city and criticized by many.",
        "Ida Brandt praised the plant, built in 1990 and criticized by residents for years.",
    ],
)
def test_coordinated_predicates_need_a_matching_clause(text: str) -> None:
    claims = [c for c in find_claims(text) if c.source is not None]
    assert len(claims) == 1, claims


def test_document_by_author_is_one_source() -> None:
    text = "A 2021 survey by economists at Norrland College found that rents rose by 9 percent."
    c = one(text)
    assert span(text, c) == "A 2021 survey by economists at Norrland College"
    assert c.cue == "found"


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The dockworkers union endorsed the harbour levy on Monday.", "The dockworkers union"),
        ("The regional council rejected the ferry timetable.", "The regional council"),
        ("Several farm lobbyists have opposed the water tariff.", "Several farm lobbyists"),
    ],
)
def test_group_subjects_take_stance_verbs(text: str, source: str) -> None:
    c = one(text)
    assert span(text, c) == source


def test_group_subject_needs_a_stance_verb() -> None:
    text = "The harbour council met in the old customs house on Monday."
    assert all(c.source is None for c in find_claims(text))


def test_participle_after_a_plain_subject_verb_is_its_own_claim() -> None:
    text = "Councillor Ida Brandt praised the tram plan, arguing that it would cut traffic."
    claims = [c for c in find_claims(text) if c.source is not None]
    assert [c.cue for c in claims] == ["praised", "arguing"]
    assert all(span(text, c) == "Councillor Ida Brandt" for c in claims)


def test_participle_of_any_reporting_verb_shares_the_source() -> None:
    text = "Ida Brandt said the levy was fair, dismissing the complaints of shop owners."
    claims = [c for c in find_claims(text) if c.source is not None]
    assert [c.cue for c in claims] == ["said", "dismissing"]
    assert all(span(text, c) == "Ida Brandt" for c in claims)


def test_participle_without_a_comma_is_not_a_cue() -> None:
    text = "Ida Brandt said the levy was fair to residents dismissing the complaints."
    claims = [c for c in find_claims(text) if c.source is not None]
    assert [c.cue for c in claims] == ["said"]


def test_title_case_headline_cue() -> None:
    text = "Harbour Mayor Says Ferry Fares Will Fall in Spring"
    c = one(text)
    assert span(text, c) == "Harbour Mayor"
    assert c.cue == "Says"


def test_title_case_noun_after_a_preposition_is_not_a_cue() -> None:
    text = "Volunteers Wanted for Harbour Clean-Up Plans"
    assert all(c.source is None for c in find_claims(text))
    assert all(c.source is None for c in find_claims("Recent Harbour Slide Shows"))
    # outside a headline, a capitalised cue word is a name, not a cue
    text = "The ferry to Port Says left at noon on Friday with 40 passengers."
    assert all(c.source is None for c in find_claims(text))


def test_possessive_speech_noun_with_content() -> None:
    text = "Ida Brandt's claim that the ferry lost $2 million drew scorn from rivals."
    c = one(text)
    assert span(text, c) == "Ida Brandt's"
    assert c.cue == "claim"


def test_possessive_speech_noun_without_content_is_not_a_cue() -> None:
    text = "Ida Brandt's comments came a day after the ferry vote in Norrvik."
    assert all(c.source is None for c in find_claims(text))


def test_participle_inside_trailing_content_is_not_a_claim() -> None:
    text = "Norrvik has asked two shipyards for bids, hoping to replace its ferries, the Courier reported."
    claims = [c for c in find_claims(text) if c.source is not None]
    assert len(claims) == 1
    assert span(text, claims[0]) == "the Courier"


def test_participle_after_a_trailing_quoted_speaker_is_its_own_claim() -> None:
    text = (
        "“The pier will be rebuilt by May,” said Harbour Master Oli Venn, pointing at the cranes."
    )
    claims = [c for c in find_claims(text) if c.source is not None]
    assert [c.cue for c in claims] == ["said", "pointing"]
    assert all(span(text, c) == "Harbour Master Oli Venn" for c in claims)
    assert claims[1].text == "pointing at the cranes."


def test_participle_after_a_trailing_speaker_with_adverbs_and_recipient() -> None:
    text = "“We have the money,” Venn told the council, not even pausing for questions."
    claims = [c for c in find_claims(text) if c.source is not None]
    assert [c.cue for c in claims][-1] == "pausing"
    assert all(span(text, c) == "Venn" for c in claims)


def test_participle_after_a_bare_parenthetical_speaker_is_not_a_claim() -> None:
    # Without a closing quote the content may resume: the -ing phrase is its subject.
    text = "The first move went smoothly, she said, replacing the crew would be much harder."
    claims = [c for c in find_claims(text) if c.source is not None]
    assert [c.cue for c in claims] == ["said"]


def test_past_verb_joined_by_a_coordinated_cue_is_its_own_claim() -> None:
    text = "Councillor Bo Lind scolded the board for the delay and said the budget was wasted."
    claims = [c for c in find_claims(text) if c.source is not None]
    assert [c.cue for c in claims] == ["scolded", "said"]
    assert all(span(text, c) == "Councillor Bo Lind" for c in claims)


def test_present_verb_joined_by_a_coordinated_cue_is_not_a_claim() -> None:
    text = "Councillor Bo Lind tours the old depot and says the buses are worn out."
    claims = [c for c in find_claims(text) if c.source is not None]
    assert [c.cue for c in claims] == ["says"]


def test_past_verb_before_a_comma_participle_is_its_own_claim() -> None:
    text = "In a letter, Mayor Tove Falk purchased the old mill, arguing that rents were too high."
    claims = [c for c in find_claims(text) if c.source is not None]
    assert [c.cue for c in claims] == ["purchased", "arguing"]
    assert all(span(text, c) == "Mayor Tove Falk" for c in claims)


def test_non_speech_participle_does_not_make_the_main_verb_a_claim() -> None:
    text = (
        "In a letter, Mayor Tove Falk purchased the old mill, leaving the tenants without a deal."
    )
    assert all(c.source is None for c in find_claims(text))


@pytest.mark.parametrize(
    "text",
    [
        "Ida Holm, who has long opposed the tunnel, blasted the council as reckless.",
        "Ida Holm, who campaigned for the ferry in May, said the council was reckless.",
    ],
)
def test_relative_clause_cue_on_the_source_is_its_own_claim(text: str) -> None:
    claims = [c for c in find_claims(text) if c.source is not None]
    assert [span(text, c) for c in claims] == ["who", "Ida Holm"]
    assert all(c.source == "Ida Holm" for c in claims)
    assert claims[0].text.startswith("Ida Holm, who") and claims[0].text.endswith(",")


def test_relative_clause_without_a_cue_stays_in_the_source() -> None:
    text = "Ida Holm, who lives in Norrvik, blasted the council as reckless."
    claims = [c for c in find_claims(text) if c.source is not None]
    assert [span(text, c) for c in claims] == ["Ida Holm"]


def test_source_before_a_double_hyphen_aside() -> None:
    text = "Lena Kall -- co-author of Slow Ferries, a book on harbours -- said the tunnel was late."
    c = one(text)
    assert span(text, c) == "Lena Kall"
    assert c.cue == "said"


def test_hyphenated_word_is_not_an_aside() -> None:
    text = "The co-owners said the tunnel was late."
    c = one(text)
    assert span(text, c) == "The co-owners"


def test_capitalised_per_inside_a_sentence_is_a_name() -> None:
    text = "The council hired Per Lund, a ferry engineer, last year."
    assert all(c.cue != "per" for c in find_claims(text))


def test_comma_inside_a_closing_quote_ends_the_clause() -> None:
    text = "Holm said the ferry was “late and costly,” but Dahl said the tunnel was worse."
    claims = [c for c in find_claims(text) if c.source is not None]
    assert [span(text, c) for c in claims] == ["Holm", "Dahl"]
    assert claims[1].text == "but Dahl said the tunnel was worse."


def test_closing_quote_without_a_comma_keeps_the_nested_cue() -> None:
    text = "Holm said the ferry was “late” because Dahl said so."
    claims = [c for c in find_claims(text) if c.source is not None]
    assert [span(text, c) for c in claims] == ["Holm"]


def test_noun_ending_in_ly_is_part_of_the_source() -> None:
    text = "The relatives watched the video on Thursday, a lawyer for the family said."
    c = one(text)
    assert span(text, c) == "a lawyer for the family"


def test_adverb_ending_in_ly_is_still_skipped() -> None:
    text = "The ferry will be late, Lars Holm quickly said."
    assert span(text, one(text)) == "Lars Holm"


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Her old partner at the yard, Lars B. Holm, called her a genius.", "Her old partner"),
        ("Holm's family has called on the police to release the video.", "Holm's family"),
    ],
)
def test_stance_cue_with_a_named_apposition_or_owner(text: str, source: str) -> None:
    c = one(text)
    assert span(text, c).startswith(source)


def test_possessive_before_a_noun_is_not_a_stance_subject() -> None:
    text = "The station gave airtime to Holm's ferry advocates in 2024."
    assert all(c.source is None for c in find_claims(text))


def test_indirect_question_after_a_weak_cue_is_content() -> None:
    text = "Then someone asked how the pier could be fixed."
    c = one(text)
    assert span(text, c) == "someone"


def test_weak_cue_before_an_object_is_not_a_claim() -> None:
    text = "Then someone asked the captain about the pier in 2024."
    assert all(c.source is None for c in find_claims(text))


def test_opening_speech_participle_is_a_claim_of_the_subject() -> None:
    text = "Lamenting the delay, Harbour Master Oli Venn said the ferry was doomed."
    claims = [c for c in find_claims(text) if c.source is not None]
    assert [c.cue for c in claims] == ["Lamenting", "said"]
    assert all(span(text, c) == "Harbour Master Oli Venn" for c in claims)
    assert claims[0].text == "Lamenting the delay,"


def test_opening_scene_participle_is_not_a_claim() -> None:
    text = "Speaking to reporters, Harbour Master Oli Venn said the ferry was doomed."
    claims = [c for c in find_claims(text) if c.source is not None]
    assert [c.cue for c in claims] == ["said"]


def test_poll_share_answers_with_a_that_clause() -> None:
    text = "Twelve percent indicated that the ferry should be scrapped."
    assert span(text, one(text)) == "Twelve percent"


def test_share_in_the_content_is_not_the_source() -> None:
    text = "Ferry fares rose 12 percent in 2024, harbour officials noted."
    assert span(text, one(text)) == "harbour officials"


def test_participle_subject_skips_an_intro_phrase_and_adverb() -> None:
    text = "On Thursday, however, Holm spoke to a gathering of ferry owners, promising lower fares."
    claims = [c for c in find_claims(text) if c.source is not None]
    assert claims[-1].cue == "promising"
    assert all(span(text, c) == "Holm" for c in claims)


def test_intro_skipping_needs_an_opening_preposition() -> None:
    text = "Holm, however, spoke to a gathering of ferry owners, promising lower fares."
    claims = [c for c in find_claims(text) if c.source is not None]
    assert claims and all(span(text, c) == "Holm" for c in claims)


def test_horizontal_bar_ends_a_clause_like_a_dash() -> None:
    text = (
        "When Holm noted that fares had risen ― as was plain to all ― Dahl boasted, “We cut costs.”"
    )
    claims = [c for c in find_claims(text) if c.source is not None]
    assert [span(text, c) for c in claims][-1] == "Dahl"


def test_nested_cue_without_a_boundary_stays_in_the_content() -> None:
    text = "Holm noted that Dahl boasted about the costs."
    assert [span(text, c) for c in find_claims(text) if c.source is not None] == ["Holm"]


def test_source_ending_in_a_counted_of_phrase() -> None:
    text = "“It is meant to help,” the 41-year-old father of two replied."
    assert span(text, one(text)) == "the 41-year-old father of two"


def test_bare_number_before_a_cue_is_not_a_source() -> None:
    text = "The ferry sank in 1990, and two said it was the worst storm."
    assert all(span(text, c) != "1990, and two" for c in find_claims(text) if c.source_span)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Some believe the ferry will never sail again.", "Some"),
        ("The ferry is doomed, many argue.", "many"),
    ],
)
def test_bare_quantifier_subject_is_an_anonymous_source(text: str, source: str) -> None:
    c = one(text)
    assert span(text, c) == source
    assert c.source_type == "anonymous"


def test_quantifier_before_a_noun_is_not_a_bare_source() -> None:
    text = "The crew said some ferries will never sail again."
    assert [span(text, c) for c in find_claims(text) if c.source_span] == ["The crew"]


def test_pronoun_fused_with_be_is_a_progressive_subject() -> None:
    text = "Mayor Ivar Holm spoke on Monday. He’s claiming that ferry fraud is rife in Norrvik."
    claims = [c for c in find_claims(text) if c.source is not None]
    assert claims[-1].cue == "claiming"
    assert span(text, claims[-1]) == "He"
    assert claims[-1].source == "Ivar Holm"


def test_possessive_before_an_ing_noun_is_not_a_progressive() -> None:
    text = "Holm's claiming of the prize in 2024 surprised Norrvik."
    assert all(c.cue != "claiming" for c in find_claims(text))


def test_event_verbs_without_reported_content_are_not_cues() -> None:
    text = (
        "Dana Ruiz released the figures on Monday.\n\n"
        "The league blocked the transfer in 2023.\n\n"
        "Ruiz scored twice before halftime."
    )
    assert all(c.source is None for c in find_claims(text))
    said = find_claims("The ministry released a statement saying 40 people were hurt.")
    assert said[0].source == "The ministry"


def test_a_quote_before_the_speaker_makes_a_weak_verb_a_cue_whatever_follows() -> None:
    text = "“My people had it done,” Mr. Ortiz recounted in an Oct. 21 cabinet meeting."
    [c] = find_claims(text)
    assert (c.source, c.cue) == ("Ortiz", "recounted")


def test_an_opening_participle_is_not_a_subject() -> None:
    text = "Coming back to the market, experts say the upside will be capped in 2024."
    [c] = find_claims(text)
    assert (c.source, c.cue) == ("experts", "say")


def test_writers_own_sentences_with_look_alike_cues_have_no_source() -> None:
    text = (
        "After Dana Hill left, it was Ortiz who took over, and Reyes reported to him.\n\n"
        "The company rolled back its policy on noncompete agreements in 2023.\n\n"
        "The crash comes a day after the swap of two hostages, raising hopes of a thaw.\n\n"
        "NEW DELHI: Nearly 150 travellers returned home on Wednesday."
    )
    assert [c.source for c in find_claims(text)] == [None, None, None, None]
    said = find_claims("Reyes reported to the board that the audit was clean in 2024.")
    assert said[0].source == "Reyes"


def test_verbs_that_double_their_last_consonant_are_cues() -> None:
    text = "Council members are slamming the budget for its cuts to bus routes."
    assert one(text).cue == "slamming"
    assert one("Dana Ruiz planned to reopen the pier by July.").cue == "planned"
    text = "Officials in Tarvik banned fireworks on Friday.\n\nThe fund committed $5 million."
    assert all(c.source is None for c in find_claims(text))


def test_subject_and_cue_of_a_subordinate_clause_are_a_claim() -> None:
    text = "The council adjourned early after Mayor Lena Park unleashed a series of posts."
    c = one(text)
    assert (span(text, c), c.cue) == ("Mayor Lena Park", "unleashed")
    text = "Holm left the chamber as she discussed the budget with reporters."
    assert (span(text, one(text)), one(text).cue) == ("she", "discussed")


@pytest.mark.parametrize(
    "text",
    [
        "Park said the plan failed because Holm blocked the vote.",
        "The plan failed after Holm blocked the vote, officials said.",
        "The plan failed, Park said, and the council met again as Holm discussed the vote.",
    ],
)
def test_subordinate_clause_in_reported_content_stays_in_it(text: str) -> None:
    assert len([c for c in find_claims(text) if c.source]) == 1


def test_verb_joined_to_a_subordinate_clause_takes_its_subject() -> None:
    text = (
        "The mayor said the bridge is safe, while the city's engineers dispute "
        "the survey and say the cracks are growing."
    )
    claims = [c for c in find_claims(text) if c.source]
    assert [span(text, c) for c in claims] == ["The mayor", "the city's engineers"]
    assert claims[1].text.startswith("while the city's engineers dispute")


@pytest.mark.parametrize(
    ("text", "source", "cue"),
    [
        (
            "The fare rise was first reported by the Northgate Ledger.",
            "the Northgate Ledger",
            "reported by",
        ),
        ("Her plan is supported by most council members.", "most council members", "supported by"),
        ("Holm has been called a visionary by fellow lawmakers.", "fellow lawmakers", "called"),
    ],
)
def test_passive_cue_with_its_agent(text: str, source: str, cue: str) -> None:
    c = one(text)
    assert (span(text, c), c.cue) == (source, cue)


def test_passive_cue_by_a_time_or_a_means_is_no_agent() -> None:
    text = "The figures were reported by Friday.\n\nThe fare rise was announced by posting notices."
    assert all(c.source is None for c in find_claims(text))


def test_relative_clause_with_a_cue_anywhere_is_a_claim() -> None:
    text = "The hearing ended with Dana Ruiz, who has long championed the tax."
    c = one(text)
    assert (span(text, c), c.cue, c.source) == ("who", "championed", "Dana Ruiz")


@pytest.mark.parametrize(
    "text",
    [
        "Residents who discussed the tax met the council on Monday.",
        "Park said the vote was won by Holm, who has long championed the tax.",
    ],
)
def test_restrictive_or_reported_relative_clause_is_not_a_claim(text: str) -> None:
    assert len([c for c in find_claims(text) if c.source]) <= 1
    assert all(c.source_span is None or span(text, c) != "who" for c in find_claims(text))


def test_stance_noun_after_be_with_adjectives_between() -> None:
    text = "Holm has been a vocal and consistent critic of the plan."
    assert one(text).cue == "a vocal and consistent critic of"


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Holm criticized the budget on Monday, even suggesting that it was rigged.", "suggesting"),
        ('Holm called the budget "a disgrace," adding that it would fail.', "adding"),
    ],
)
def test_participle_after_an_adverb_or_a_closing_quote_is_its_own_claim(
    text: str, cue: str
) -> None:
    claims = [c for c in find_claims(text) if c.source]
    assert [c.cue for c in claims][-1] == cue
    assert all(c.source == "Holm" for c in claims)


def test_opening_participle_before_a_speaker_and_a_quote() -> None:
    text = 'Lamenting the delay, residents often say, "The bridge is cursed."'
    claims = [c for c in find_claims(text) if c.source]
    assert [c.cue for c in claims] == ["Lamenting", "say"]


@pytest.mark.parametrize(
    ("text", "source", "cue"),
    [
        (
            "The former secretary of state pushed the plan.",
            "The former secretary of state",
            "pushed",
        ),
        ("The Clinton campaign plans to visit Ohio.", "The Clinton campaign", "plans"),
        ("In a radio interview Holm declared that the vote was void.", "Holm", "declared"),
    ],
)
def test_a_verb_form_inside_the_subject_is_a_noun(text: str, source: str, cue: str) -> None:
    c = one(text)
    assert (span(text, c), c.cue) == (source, cue)


@pytest.mark.parametrize(
    "text",
    [
        "The Tulsa protest remained peaceful.",
        "Trump's campaign was outspent in August.",
        "Health worries have dogged the mayor.",
        "The Harbor League plan is linear.",
        "Russia's annexation of Crimea renewed fears along the border.",
        "The fund lost 32% of Republican pledges, compared to 11% of Democratic claims.",
    ],
)
def test_nouns_that_look_like_cue_verbs_are_not_cues(text: str) -> None:
    assert all(c.source is None for c in find_claims(text))


def test_a_cue_noun_after_an_opening_preposition_is_no_cue() -> None:
    text = "In one tweet, the mayor said the bridge was safe."
    assert span(text, one(text)) == "the mayor"


@pytest.mark.parametrize(
    "text",
    [
        "The bridge is a disgrace, as a council memo put it.",
        "As Lena Park, the harbour master, recently put it, the bridge is a disgrace.",
    ],
)
def test_as_x_put_it(text: str) -> None:
    assert one(text).cue.startswith("put it")


def test_put_without_it_is_no_cue() -> None:
    assert all(c.source is None for c in find_claims("Holm put the blame on Park."))


def test_it_with_a_document_verb_is_a_source() -> None:
    text = (
        "The council published its audit on Monday.\n\nIt also mentions contracts the mayor signed."
    )
    claims = [c for c in find_claims(text) if c.source]
    assert [(span(text, c), c.cue) for c in claims] == [("It", "mentions")]


@pytest.mark.parametrize(
    "text",
    ["It came as the council met on Monday.", "It did not reveal where the ferry sank."],
)
def test_it_with_another_verb_or_a_negation_is_no_source(text: str) -> None:
    assert all(c.source is None for c in find_claims(text))


@pytest.mark.parametrize(
    ("text", "source", "cue"),
    [
        (
            "Ida Brandt's decision to close the ferry line angered Norrvik.",
            "Ida Brandt's",
            "decision",
        ),
        (
            "The vote followed a fact-check on Ida Brandt's claim that fares rose.",
            "Ida Brandt's",
            "claim",
        ),
        ("Her comments on the ferry line drew applause in Norrvik.", "Her", "comments"),
    ],
)
def test_possessive_speech_noun_with_a_topic_or_aim(text: str, source: str, cue: str) -> None:
    c = one(text)
    assert (span(text, c), c.cue) == (source, cue)


def test_subject_verb_wins_over_a_speech_noun_in_its_object() -> None:
    text = "The council pointed to Ida Brandt's decision to close the ferry line."
    c = one(text)
    assert (span(text, c), c.cue) == ("The council", "pointed")


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Senator Ida Brandt grilled the bank's chief on Tuesday.", "grilled"),
        ("The governor lauded the harbour plan in his address.", "lauded"),
        ("Holm repeatedly linked the outage to the new software.", "linked"),
        ("Holm laid out her proposals for the ferry line.", "laid out"),
        ("A new ad from the Holm campaign is seizing on the outage.", "seizing on"),
        ("Holm has also commented on the outage.", "commented"),
    ],
)
def test_stance_and_comment_verbs(text: str, cue: str) -> None:
    assert one(text).cue == cue


def test_deciding_is_an_act_unless_it_reports_content() -> None:
    text = "The league decided to move the match to Sunday."
    assert all(c.source is None for c in find_claims(text))


@pytest.mark.parametrize(
    ("text", "source", "cue"),
    [
        (
            "A study that appeared in the Harbor Journal found that fares rose.",
            "A study that appeared in the Harbor Journal",
            "found",
        ),
        (
            "Research conducted by the Harbor Institute found fares rose by 4 percent.",
            "Research conducted by the Harbor Institute",
            "found",
        ),
        ("An arbitration panel found the city was in breach.", "An arbitration panel", "found"),
        ("Holm made it clear she would veto the plan.", "Holm", "made it clear"),
    ],
)
def test_document_and_body_subjects_with_modifiers(text: str, source: str, cue: str) -> None:
    c = one(text)
    assert (span(text, c), c.cue) == (source, cue)


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        (
            "On July 6, 2015, Holm made the following comment: the ferry must stay.",
            "made the following comment",
        ),
        (
            "The council made a strong condemnation of the strike on Friday.",
            "made a strong condemnation of",
        ),
    ],
)
def test_making_a_speech_act(text: str, cue: str) -> None:
    assert one(text).cue == cue


def test_making_the_comments_points_back_and_is_no_new_claim() -> None:
    text = "Holm made the comments Friday during a visit to Norrvik."
    assert all(c.source is None for c in find_claims(text))


def test_negated_progressive_cue_with_an_if_question() -> None:
    text = "But the harbour master isn't saying if the pier is safe."
    c = one(text)
    assert (span(text, c), c.cue) == ("the harbour master", "saying")


def test_subject_verb_after_a_leading_conjunction() -> None:
    text = "And Holm didn't apologize for the delay."
    assert span(text, one(text)) == "Holm"


def test_subject_verb_wins_over_a_cue_in_its_object() -> None:
    text = "A harbour survey released in May found that 70 percent of skippers said fees were too high."
    c = one(text)
    assert (span(text, c), c.cue) == ("A harbour survey released in May", "found")


def test_passive_agent_and_document_verbs_with_outlet_plurals() -> None:
    text = "Holm, meanwhile, is supported by far fewer newspapers."
    assert span(text, one(text)) == "far fewer newspapers"
    text = 'The 30-second spot, titled "Adrift," features a clip of the ferry vote.'
    assert one(text).cue == "features"


def test_citing_a_reason_is_what_the_subject_cited() -> None:
    text = "The Harbor Court blocked the sale in May, citing a threat to public health."
    c = one(text)
    assert (span(text, c), c.cue) == ("The Harbor Court", "citing")


def test_a_bare_it_with_nothing_to_stand_for_is_the_writers_own_sentence() -> None:
    text = "The new stadium opened in 2019. It features a retractable roof and 40,000 seats."
    assert all(c.source is None for c in find_claims(text))
    [c] = find_claims("It shows no sign of weakening, forecasters said.")
    assert (c.source, c.text) == ("forecasters", "It shows no sign of weakening, forecasters said.")


def test_a_tag_whose_source_is_described_after_it_folds_into_the_claim() -> None:
    """ "..., according to a statement released by the council." names where the
    words come from; it is not a claim of its own."""
    text = (
        "The port authority said 1,240 containers were waiting, according to a statement"
        " released by the council."
    )
    claims = find_claims(text)
    assert [c.text for c in claims] == [text]
    assert claims[0].source == "The port authority"


def test_admitting_people_is_not_admitting_a_fact() -> None:
    from reader.attribution import find_claims

    text = (
        "According to the regional health office, as of March, the clinic had admitted more "
        "than 1,400 patients from the valley.\n\n"
        "The director admitted that 40 beds were still missing."
    )
    claims = find_claims(text)
    [first] = [c for c in claims if "1,400 patients" in c.text]
    assert first.source == "the regional health office"
    assert first.text.startswith("According to the regional health office")
    [second] = [c for c in claims if "40 beds" in c.text]
    assert second.source == "The director"


def test_an_adverb_aside_between_auxiliary_and_cue_keeps_the_subject() -> None:
    from reader.attribution import find_claims

    [c] = find_claims("The water board has, however, acknowledged that the pipes leak.")
    assert (c.source, c.cue) == ("The water board", "acknowledged")
    claims = find_claims("The dam, in fact, was said to be safe.")
    assert [c.source for c in claims if c.source] == []  # a passive "was said" names none
