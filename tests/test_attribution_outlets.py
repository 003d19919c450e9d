"""The outlet registry: aliases, ambiguous short names, domains, user files."""

from __future__ import annotations

import json
from pathlib import Path

from reader.attribution import (
    bundled_registry_path,
    canonical_outlet,
    find_claims,
    load_registry,
    outlet_for_domain,
)


def test_bundled_registry_is_found_and_large() -> None:
    path = bundled_registry_path()
    assert path.is_file()
    data = json.loads(path.read_text(encoding="utf-8"))
    assert len(data["outlets"]) >= 100
    for entry in data["outlets"]:
        assert entry["name"] and isinstance(entry.get("aliases", []), list)


def test_canonical_names_from_aliases() -> None:
    assert canonical_outlet("WSJ") == "The Wall Street Journal"
    assert canonical_outlet("the Journal") == "The Wall Street Journal"
    assert canonical_outlet("AP") == "Associated Press"
    assert canonical_outlet("Business Insider") == "Insider"
    assert canonical_outlet("HuffPost") == "HuffPost"
    assert canonical_outlet("Corner Grocer Weekly") is None


def test_domain_lookup() -> None:
    assert outlet_for_domain("www.wsj.com") == "The Wall Street Journal"
    assert outlet_for_domain("https://edition.cnn.com/2024/01/01/story") == "CNN"
    assert outlet_for_domain("bbc.co.uk") == "BBC"
    assert outlet_for_domain("example.co.uk") is None


def test_user_file_extends_and_overrides(tmp_path: Path) -> None:
    user = tmp_path / "mine.json"
    user.write_text(
        json.dumps(
            {
                "outlets": [
                    {
                        "name": "The Valley Courier",
                        "aliases": ["the Courier"],
                        "domains": ["valleycourier.example"],
                    },
                    {"name": "New York Post", "aliases": ["The Post"]},
                ]
            }
        ),
        encoding="utf-8",
    )
    reg = load_registry([user])
    assert reg.canonical("the Courier") == "The Valley Courier"
    assert reg.for_domain("news.valleycourier.example") == "The Valley Courier"
    text = "The mayor resigned on Monday, the Courier reported."
    claims = find_claims(text, registry=reg)
    assert claims[0].outlet == "The Valley Courier"
    # The user's entry now wins the ambiguous "the Post" when nothing else decides.
    claims = find_claims("The mayor resigned on Monday, the Post reported.", registry=reg)
    assert claims[0].outlet == "New York Post"


def test_ambiguous_alias_follows_last_compatible_antecedent() -> None:
    text = (
        "The council met on Friday, the New York Post reported.\n\n"
        "The vote was delayed by two weeks, the Post reported."
    )
    claims = find_claims(text)
    assert [c.outlet for c in claims] == ["New York Post", "New York Post"]
    alone = find_claims("The vote was delayed by two weeks, the Post reported.")
    assert alone[0].outlet == "The Washington Post"


def test_lower_case_words_are_not_outlets() -> None:
    claims = find_claims("He took the post in March, the journal of record said nothing.")
    assert all(c.outlet is None for c in claims)


def test_via_names_the_outlet_words_came_through() -> None:
    text = (
        "“We lost that game,” Omar Reyes said, via Jane Roe of the Pittsburgh Post-Gazette."
        "\n\nHenrik Dahl, via USA Today, said that the referee was wrong in 2019."
    )
    claims = [c for c in find_claims(text, "CBS Sports") if c.source]
    assert [c.outlet for c in claims] == ["Pittsburgh Post-Gazette", "USA Today"]
    assert claims[0].chain == ["CBS Sports", "Pittsburgh Post-Gazette", "Omar Reyes"]


def test_a_person_who_spoke_to_an_outlet_once_is_not_quoted_through_it_ever_after() -> None:
    text = (
        "“The campaign starts today,” Governor Ana Vale told the Washington Post on Monday."
        "\n\nThe ads will run for a year.\n\n“This is our problem,” Vale said at a rally."
    )
    claims = [c for c in find_claims(text, "The Harbor Ledger") if c.source]
    assert [c.outlet for c in claims] == ["The Washington Post", "The Harbor Ledger"]


def test_the_news_organization_is_the_last_outlet_as_subject_and_as_recipient() -> None:
    text = (
        "The ferry will stop in May, Reuters reported.\n\n"
        "The news organization said the port had confirmed it.\n\n"
        "Lena Park told the news organization that the fares would rise."
    )
    claims = [c for c in find_claims(text, "The Harbor Post") if c.source]
    assert [c.outlet for c in claims] == ["Reuters", "Reuters", "Reuters"]


def test_the_sentence_before_a_via_outlet_quote_came_through_that_outlet() -> None:
    from reader.attribution import find_claims

    text = (
        "Harbor Gazette\n\n"
        "Coach Dana Whitfield said that her team is focused on the next game after the loss.\n\n"
        '"We were on the field too much," Whitfield said, via Sam Ortiz of the Valley '
        'Courier. "That is our fault."\n\n'
        "Whitfield said the team will practise on Sunday."
    )
    claims = find_claims(text, "Harbor Gazette")
    by = {c.text.split()[0]: c for c in claims}
    assert by['"We'].outlet == "Valley Courier"
    assert by["Coach"].outlet == "Valley Courier"  # the summary just before
    assert by["Whitfield"].outlet == "Harbor Gazette"  # a later sentence is not
