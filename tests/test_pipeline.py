"""The pipeline's wiring: user outlet registry, publisher from the page's domain, the wire
as a link of every chain."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.attribution import RuleFinder
from reader.errors import BUG_REASON, InputError
from reader.ingest import RawInput
from reader.paths import user_outlets_path
from reader.pipeline import extract_raw

IDENTITY = Path(__file__).resolve().parent / "fixtures" / "identity"

STORY = (
    "Tide gauges recorded the highest water in 40 years on Sunday, the Fjordpost reported, "
    "citing the coastal authority.\n\nThe authority said the readings were preliminary."
)


def raw(text: str, url: str | None = None) -> RawInput:
    return RawInput(source="story.txt", kind="text", content=text, raw=text.encode(), url=url)


@pytest.fixture
def user_registry() -> object:
    path = user_outlets_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    yield path
    path.unlink(missing_ok=True)


def test_user_outlets_file_canonicalises_their_aliases(user_registry: Path) -> None:
    user_registry.write_text(
        json.dumps(
            [
                {
                    "name": "Fjordposten",
                    "aliases": ["the Fjordpost", "Fjordpost"],
                    "domains": ["fjordposten.example"],
                }
            ]
        )
    )
    a = extract_raw(raw(STORY))
    assert any(c.outlet == "Fjordposten" for c in a.claims), [c.outlet for c in a.claims]


def test_broken_user_outlets_file_is_a_clear_error(user_registry: Path) -> None:
    user_registry.write_text("{not json")
    with pytest.raises(InputError, match="not a valid outlet registry"):
        extract_raw(raw(STORY))


def test_publisher_from_a_known_domain() -> None:
    a = extract_raw(raw(STORY, url="https://www.reuters.com/world/tides"))
    assert a.publisher == "Reuters"


def test_an_internal_error_on_one_input_is_that_inputs_one_line_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import reader.ingest.clean_text

    def broken(*_args: object) -> None:
        raise IndexError("list index out of range\nsecond line")

    monkeypatch.setattr(reader.ingest.clean_text, "clean_text", broken)
    monkeypatch.delenv("PROVENANCE_READER_DEBUG", raising=False)
    with pytest.raises(InputError) as e:
        extract_raw(raw(STORY))
    assert e.value.reason == BUG_REASON  # no exception text: that is for a bug report
    assert "IndexError" not in str(e.value) and "\n" not in str(e.value)
    monkeypatch.setenv("PROVENANCE_READER_DEBUG", "1")
    with pytest.raises(IndexError):
        extract_raw(raw(STORY))


def test_publisher_from_the_articles_reference_to_itself() -> None:
    text = (
        "Officials approved the new harbour wall on Monday, the Coastal Courier reported.\n\n"
        "Bayside Herald was unable to independently verify the report."
    )
    a = extract_raw(raw(text))
    assert a.publisher == "Bayside Herald", [c.chain for c in a.claims]


def test_the_wire_is_a_link_of_every_chain_after_the_publisher(user_registry: Path) -> None:
    user_registry.write_text((IDENTITY / "outlets.json").read_text())
    text = (
        "PORT ELLIS (AP) — The island council voted on Tuesday to extend the harbour wall, "
        "the mayor said.\n\n"
        "Engineers warned that the old wall could fail in a strong storm, according to a "
        "report by the Coastal Courier."
    )
    a = extract_raw(raw(text, url="https://www.harbourherald.example/news/wall"))
    assert (a.publisher, a.wire) == ("The Harbour Herald", "Associated Press")
    chains = [c.chain for c in a.claims]
    assert chains and all(ch[:2] == ["The Harbour Herald", "Associated Press"] for ch in chains)
    assert any(ch[2:] == ["the mayor"] for ch in chains), chains


def test_the_wire_follows_the_publisher_in_every_chain_once() -> None:
    text = (
        "The governor signed the budget on Tuesday.\n\n"
        "Aides said the vote would come in May, the Ledger reported.\n\n"
        "Turnout was 60%, Associated Press figures show."
    )
    found = RuleFinder().find(text, publisher="The Dunmore Post", wire="AP")
    chains = [c.chain for c in found.claims]
    assert chains[0] == ["The Dunmore Post", "Associated Press"]
    assert chains[-1] == ["The Dunmore Post", "Associated Press"]  # the wire cited by itself
    assert all(chain.count("Associated Press") == 1 for chain in chains)
    alone = RuleFinder().find("The governor signed the budget on Tuesday.", wire="Reuters")
    assert alone.claims[0].chain == ["Reuters"]
