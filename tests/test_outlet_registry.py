"""The bundled outlet registry's integrity, guarded aliases, syndication hosts and domains."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from typing import Any

import pytest

from reader.attribution import bundled_registry_path, find_claims, outlet_for_domain
from reader.attribution.outlets import (
    OutletKind,
    OutletRegistry,
    default_registry,
)
from reader.attribution.segment import tokens

#: Fields an entry may have (docs/claims.md, "The outlet registry").
FIELDS = {"name", "aliases", "guarded", "domains", "kind", "country"}
#: Short forms several outlets share on purpose; the article's context picks one.
SHARED_SHORT_FORMS = {
    "times",
    "post",
    "guardian",
    "globe",
    "herald",
    "telegraph",
    "independent",
    "sun",
    "star",
    "tribune",
    "chronicle",
    "inquirer",
    "register",
    "nation",
    "bee",
    "free press",
    "citizen",
    "standard",
    "enquirer",
    "sbs",
}
#: Outlets without a web domain of their own (distributed only through clients' sites).
WITHOUT_DOMAIN = {"Dow Jones Newswires", "Belga"}
_HOST_RE = re.compile(r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+")


@pytest.fixture(scope="module")
def entries() -> list[dict[str, Any]]:
    data = json.loads(bundled_registry_path().read_text(encoding="utf-8"))
    outlets = data["outlets"]
    assert isinstance(outlets, list)
    return outlets


def _spelling(alias: str) -> str:
    """An alias as canonical() compares it: case and a leading "the" ignored."""
    return " ".join(alias.lower().split()).removeprefix("the ")


# --- integrity ----------------------------------------------------------------


def test_registry_is_large_and_well_formed(entries: list[dict[str, Any]]) -> None:
    assert len(entries) >= 450
    for e in entries:
        assert set(e) <= FIELDS, e["name"]
        assert isinstance(e["name"], str) and e["name"].strip() == e["name"] != ""
        for key in ("aliases", "guarded", "domains"):
            value = e.get(key, [])
            assert isinstance(value, list) and all(isinstance(x, str) and x for x in value)
        assert isinstance(e.get("country"), str) and len(e["country"]) == 2, e["name"]


def test_names_are_unique(entries: list[dict[str, Any]]) -> None:
    seen: dict[str, str] = {}
    for e in entries:
        key = e["name"].lower()
        assert key not in seen, (e["name"], seen.get(key))
        seen[key] = e["name"]


def test_every_kind_is_from_the_vocabulary(entries: list[dict[str, Any]]) -> None:
    allowed = {k.value for k in OutletKind} - {OutletKind.DISCOVERED}
    bad = [(e["name"], e.get("kind")) for e in entries if e.get("kind") not in allowed]
    assert not bad
    # every kind a file may use is used
    assert {e["kind"] for e in entries} == allowed


def test_domains_are_bare_hosts_owned_by_one_outlet(entries: list[dict[str, Any]]) -> None:
    owner: dict[str, str] = {}
    for e in entries:
        if e["name"] not in WITHOUT_DOMAIN:
            assert e.get("domains"), f"{e['name']} has no domain"
        for dom in e.get("domains", []):
            assert _HOST_RE.fullmatch(dom), (e["name"], dom)
            assert not dom.startswith("www."), dom
            assert dom not in owner, (dom, owner.get(dom), e["name"])
            owner[dom] = e["name"]


def test_no_alias_names_two_outlets_unless_a_shared_short_form(
    entries: list[dict[str, Any]],
) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for e in entries:
        for alias in [e["name"], *e.get("aliases", []), *e.get("guarded", [])]:
            owners[_spelling(alias)].add(e["name"])
    shared = {alias for alias, names in owners.items() if len(names) > 1}
    assert shared == SHARED_SHORT_FORMS


def test_a_spelling_is_either_guarded_or_open(entries: list[dict[str, Any]]) -> None:
    for e in entries:
        both = set(e.get("aliases", [])) & set(e.get("guarded", []))
        assert not both, (e["name"], both)


def test_shared_short_forms_default_to_the_usual_reading() -> None:
    reg = default_registry()
    assert reg.canonical("the Times") == "The New York Times"
    assert reg.canonical("the Post") == "The Washington Post"
    assert reg.canonical("the Globe") == "The Boston Globe"
    assert reg.canonical("the Herald") == "The Miami Herald"
    assert reg.canonical("the Star") == "Toronto Star"


def test_short_form_without_antecedent_in_an_article() -> None:
    times = find_claims("The senator will not run again, the Times reported.")
    assert times[0].outlet == "The New York Times"
    post = find_claims("The senator will not run again, the Post reported.")
    assert post[0].outlet == "The Washington Post"


def test_short_form_follows_the_outlet_named_before() -> None:
    text = (
        "The Denver Post reported the closure on Monday.\n\n"
        "The plant will shut in May, the Post reported."
    )
    assert [c.outlet for c in find_claims(text)] == ["The Denver Post", "The Denver Post"]
    text = (
        "The Seattle Times first reported the closure.\n\n"
        "The plant will shut in May, the Times reported."
    )
    assert [c.outlet for c in find_claims(text)] == ["The Seattle Times", "The Seattle Times"]


# --- domains and syndication hosts --------------------------------------------


@pytest.mark.parametrize(
    ("host", "outlet"),
    [
        ("hosted.ap.org", "Associated Press"),
        ("https://hosted.ap.org/article/abc/story", "Associated Press"),
        ("apnews.com", "Associated Press"),
        ("edition.cnn.com", "CNN"),
        ("https://www.bbc.co.uk/news/world-1", "BBC"),
        ("www.detroitnews.com", "The Detroit News"),
        ("www.argusleader.com", "Argus Leader"),
        ("www.post-gazette.com", "Pittsburgh Post-Gazette"),
        ("economictimes.indiatimes.com", "The Economic Times"),
        ("timesofindia.indiatimes.com", "The Times of India"),
        ("www.thehindu.com", "The Hindu"),
        ("www.dawn.com", "Dawn"),
        ("profootballtalk.nbcsports.com", "ProFootballTalk"),
        ("www.nbcsports.com", "NBC Sports"),
        ("people.com", "People"),
        ("www.livemint.com", "Mint"),
    ],
)
def test_domain_and_subdomain_lookup(host: str, outlet: str) -> None:
    assert outlet_for_domain(host) == outlet


@pytest.mark.parametrize(
    ("host", "outlet"),
    [
        ("www.msn.com", "MSN"),
        ("news.yahoo.com", "Yahoo News"),
        ("uk.news.yahoo.com", "Yahoo News"),
        ("www.yahoo.com", "Yahoo News"),
        ("apple.news", "Apple News"),
        ("news.google.com", "Google News"),
        ("flipboard.com", "Flipboard"),
        ("www.smartnews.com", "SmartNews"),
        ("www.newsbreak.com", "NewsBreak"),
        ("www.aol.com", "AOL"),
        ("ground.news", "Ground News"),
    ],
)
def test_syndication_hosts_are_aggregators(host: str, outlet: str) -> None:
    reg = default_registry()
    assert reg.for_domain(host) == outlet
    assert reg.kinds[outlet] == OutletKind.AGGREGATOR


@pytest.mark.parametrize(
    ("host", "outlet"),
    [
        ("sports.yahoo.com", "Yahoo Sports"),
        ("ca.sports.yahoo.com", "Yahoo Sports"),
        ("finance.yahoo.com", "Yahoo Finance"),
        ("hosted.ap.org", "Associated Press"),
    ],
)
def test_hosts_that_report_themselves_are_not_aggregators(host: str, outlet: str) -> None:
    reg = default_registry()
    assert reg.for_domain(host) == outlet
    assert reg.kinds[outlet] != OutletKind.AGGREGATOR


def test_wire_services_are_kind_wire() -> None:
    reg = default_registry()
    for alias in [
        "AP",
        "Reuters",
        "AFP",
        "United Press International",
        "Press Trust of India",
        "ANI",
        "IANS",
        "United News of India",
        "dpa",
        "EFE",
        "ANSA",
        "Kyodo",
        "Yonhap",
        "Xinhua",
        "TASS",
        "RIA Novosti",
        "Interfax",
        "Anadolu",
        "Australian Associated Press",
        "The Canadian Press",
        "PA Media",
        "Bernama",
        "Antara",
        "Europa Press",
    ]:
        name = reg.canonical(alias)
        assert name is not None, alias
        assert reg.kinds[name] == OutletKind.WIRE, (alias, name)


# --- guarded aliases ----------------------------------------------------------


def _registry() -> OutletRegistry:
    reg = OutletRegistry()
    for entry in [
        {"name": "CNN", "aliases": [], "kind": "broadcaster"},
        {"name": "Time", "aliases": ["Time magazine"], "guarded": ["Time", "TIME"]},
        {"name": "People", "aliases": ["People magazine"], "guarded": ["People"]},
        {"name": "Wired", "guarded": ["Wired"], "domains": ["wired.example"]},
        {"name": "Tallyho Weekly", "aliases": ["Tallyho"], "guarded": ["Ledger"]},
        {"name": "The Hill", "guarded": ["The Hill"]},
        {"name": "Fortune", "guarded": ["Fortune"]},
        {"name": "The Lantern", "guarded": ["Lantern"]},
        {"name": "Press Union Agency", "guarded": ["PUA"]},
    ]:
        reg.add(entry)
    return reg


def _found(reg: OutletRegistry, text: str) -> list[tuple[str, str]]:
    """(matched text, outlet) for each mention, scanning left to right."""
    toks = tokens(text, 0, len(text))
    out = []
    i = 0
    while i < len(toks):
        m = reg.match(toks, i)
        if m is None:
            i += 1
            continue
        out.append((text[m.start : m.end], m.names[0]))
        i = m.last_token
    return out


@pytest.mark.parametrize(
    "text",
    [
        "Time will tell whether the bridge holds.",
        "People said the queue stretched for a mile.",
        "Wired headphones are back in fashion.",
        "Fortune 500 companies paid less tax.",
        "Fortune favours the brave, the coach said.",
        "Lawmakers on the Hill said the bill was dead.",
        "He had a meeting with PUA workers on Monday.",
        "It was just in Time For Christmas.",
        "The Time was right, she said.",
        "It is Time to act.",
        "Most People think otherwise.",
        "People have learned to live with it.",
    ],
)
def test_guarded_names_are_ordinary_words_outside_an_outlet_context(text: str) -> None:
    assert _found(_registry(), text) == []


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("The deal collapsed, according to Time.", "Time"),
        ("The couple split in March, a spokesperson told People.", "People"),
        ("She said in an interview with Wired on Monday that she would stay.", "Wired"),
        ("He writes for Wired and teaches.", "Wired"),
        ("The memo, obtained by Fortune, shows a loss.", "Fortune"),
        ("Time reported on Monday that the deal collapsed.", "Time"),
        ("Wired reports that the app leaks data.", "Wired"),
        ("People has learned that the tour is off.", "People"),
        ("Fortune was unable to verify the figures.", "Fortune"),
        ("Time's chief political correspondent asked twice.", "Time"),
        ("Wired's report found flaws.", "Wired"),
        ("The board read Fortune's story closely.", "Fortune"),
        ("as The Hill's Ann Roe reported last week.", "The Hill"),
        ("The senator told The Hill that he would vote no.", "The Hill"),
        ("In an op-ed in The Hill, she argued otherwise.", "The Hill"),
        ("The Hill reported the vote first.", "The Hill"),
        ("The interview ran in Time magazine last year.", "Time"),
        ("Polls by outlets such as Time, CNN and others.", "Time"),
        ("The cover story ran in CNN and Time.", "Time"),
        ("The ranking [Fortune] was cited.", "Fortune"),
        ("The figures were published per TIME on Friday.", "Time"),
        ("PUA reported the blast.", "Press Union Agency"),
    ],
)
def test_guarded_names_match_in_an_outlet_context(text: str, outlet: str) -> None:
    assert outlet in [name for _, name in _found(_registry(), text)]


def test_guard_is_per_spelling() -> None:
    reg = OutletRegistry()
    reg.add({"name": "The Lantern", "guarded": ["Lantern"]})
    assert _found(reg, "A lifelong Lantern fan, she said no.") == []
    assert _found(reg, "The Lantern reported the fire.") == [("The Lantern", "The Lantern")]
    assert _found(reg, "He lit the Lantern again.") == [("the Lantern", "The Lantern")]


def test_a_guard_applies_to_its_outlet_only() -> None:
    reg = OutletRegistry()
    reg.add({"name": "The Valley Sun", "guarded": ["the Sun"]})
    reg.add({"name": "The Harbor Sun", "aliases": ["the Sun"]})
    found = _found(reg, "Lawmakers basked in the Sun for hours.")
    assert found == [("the Sun", "The Harbor Sun")]
    toks = tokens("He told the Sun that.", 0, 21)
    m = reg.match(toks, 3)
    assert m is not None and m.names == ("The Valley Sun", "The Harbor Sun")


def test_canonical_and_domains_ignore_guards() -> None:
    reg = _registry()
    assert reg.canonical("Time") == "Time"
    assert reg.canonical("the Hill") == "The Hill"
    assert reg.canonical("Ledger") == "Tallyho Weekly"
    assert reg.for_domain("www.wired.example") == "Wired"


def test_a_user_alias_opens_a_guarded_name() -> None:
    reg = _registry()
    reg.add({"name": "Time", "aliases": ["Time"]}, priority=True)
    assert _found(reg, "Time will tell.") == [("Time", "Time")]
    assert _found(_registry(), "Time will tell.") == []


def test_an_extended_registry_keeps_guards_and_leaves_the_base_alone() -> None:
    base = _registry()
    ext = base.extended([{"name": "The Daily Ledger", "aliases": ["the Ledger"]}])
    assert _found(ext, "Time will tell.") == []
    assert _found(ext, "The town read the Ledger daily.") == [("the Ledger", "The Daily Ledger")]
    assert _found(base, "The town read the Ledger daily.") == []


# --- the bundled registry on sentences ----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Dawn broke over the valley before the rescuers arrived, the police said.",
        "Insider trading charges were filed on Friday, prosecutors said.",
        "Fortune 500 companies paid less tax last year, the study found.",
        "The festival drew record crowds, the Hindu festival committee said.",
        "Japan's Nikkei index rose 2 percent, traders said.",
        "The Australian dollar fell after the rate decision, analysts said.",
        "The vote on the Hill was delayed again, aides said.",
        "Police released CCTV footage of the theft on Monday, the council said.",
        "The parade marched under the Star of David banners, organisers said.",
    ],
)
def test_common_words_name_no_outlet_in_articles(text: str) -> None:
    assert all(c.outlet is None for c in find_claims(text)), text


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("The couple split in March, a spokesperson told People.", "People"),
        ("The deal collapsed on Monday, Time reported.", "Time"),
        ("The budget will be cut by a third, according to Dawn.", "Dawn"),
        ("The senator plans to retire, Insider has learned.", "Insider"),
        ("The plant will close, according to Time magazine.", "Time"),
        ("The dam will be finished next year, officials told the Star.", "Toronto Star"),
        ("The merger is off, Variety reported.", "Variety"),
        ("The bill will pass, a senior aide told The Hill.", "The Hill"),
    ],
)
def test_guarded_names_are_outlets_in_articles(text: str, outlet: str) -> None:
    assert find_claims(text)[0].outlet == outlet
