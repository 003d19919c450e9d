"""Tags stay with their content: "..., according to Reuters.", "Holmes testified.", "per X"."""

from __future__ import annotations

from reader.attribution import find_claims


def test_a_trailing_tag_relays_the_content_before_it() -> None:
    claims = find_claims(
        "The plant will close in March, Dana Reyes said, according to Reuters.", "The Harbor Post"
    )
    assert len(claims) == 1
    c = claims[0]
    assert (c.source, c.outlet) == ("Dana Reyes", "Reuters")
    assert c.chain == ["The Harbor Post", "Reuters", "Dana Reyes"]


def test_an_outlet_tag_on_a_quote_of_someone_is_one_claim() -> None:
    claims = find_claims(
        "Aides said the vote would come in May, the Northgate Ledger reported.", "The Harbor Post"
    )
    assert [c.text for c in claims] == [
        "Aides said the vote would come in May, the Northgate Ledger reported."
    ]
    assert claims[0].chain == ["The Harbor Post", "Northgate Ledger", "Aides"]
    assert claims[0].source_type == "anonymous"


def test_a_bare_tag_sentence_joins_the_quote_it_tags() -> None:
    text = "“We did it. We won the case.” Holmes testified on Tuesday."
    claims = find_claims(text, "The Harbor Post")
    assert all(c.source == "Holmes" for c in claims)
    assert claims[-1].text == "We won the case.” Holmes testified on Tuesday."
    assert not any(c.text.startswith("Holmes") for c in claims)


def test_per_and_according_to_alone_are_the_content_s_source() -> None:
    c = find_claims("Ticket sales doubled in 2024, per Lena Feng.")[0]
    assert (c.text, c.source) == ("Ticket sales doubled in 2024, per Lena Feng.", "Lena Feng")


def test_an_unregistered_outlet_named_in_attribution_wording_is_an_outlet() -> None:
    text = (
        "Mara Quint, a reporter for Harborline, said the pier was closed in 2024.\n\n"
        "The ferry will stop in May, the Ledger reported."
    )
    claims = find_claims(text, "The Harbor Post")
    assert claims[0].outlet == "Harborline"
    assert (claims[1].source, claims[1].source_type) == ("The Ledger", "outlet")
