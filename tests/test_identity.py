"""Who published a page: its identity hints resolved through the outlet registry
(reader.ingest.identity), on small pages written for these tests."""

from __future__ import annotations

import json
from html import escape
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import html as lxml_html

from reader.attribution import OutletRegistry, load_registry
from reader.ingest.clean_html import clean_html
from reader.ingest.identity import (
    PageIdentity,
    domain_stem,
    page_identity,
    publisher_and_wire,
    registered,
)

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "identity"
BODY = """
<article>
<h1>Lighthouse keepers win back their night shifts</h1>
<p>The coastal authority has restored night shifts at its four staffed lighthouses,
reversing a plan that would have left the beacons to run unattended from dusk until dawn
for the first time in ninety years.</p>
<p>Keepers had warned that automatic systems failed twice last winter during storms.
"A machine does not see a boat in trouble," said Ines Marlow, who has kept the Gull Point
light for eleven years.</p>
<p>The authority said the shifts would cost about 400,000 a year, money it will take from
a maintenance budget that was underspent in each of the past three years.</p>
{extra}
</article>
"""


@pytest.fixture(scope="module")
def registry() -> OutletRegistry:
    """The bundled registry with the test outlets (a newspaper, a wire, two hosts) on top."""
    return load_registry([FIXTURES / "outlets.json"])


def page(head: str, extra: str = "") -> str:
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'>{head}</head>"
        f"<body>{BODY.format(extra=extra)}</body></html>"
    )


def json_ld(obj: object) -> str:
    return f"<script type='application/ld+json'>{json.dumps(obj)}</script>"


def article_ld(**props: object) -> str:
    return json_ld({"@context": "https://schema.org", "@type": "NewsArticle", **props})


def publisher(registry: OutletRegistry, html: str, url: str | None = None) -> str | None:
    return clean_html(html, url, registry).publisher


# --- the page's own address -----------------------------------------------------------


def test_a_registered_canonical_domain_beats_a_raw_site_name_tag(
    registry: OutletRegistry,
) -> None:
    head = (
        "<link rel='canonical' href='https://www.harbourherald.example/news/lighthouses'>"
        "<meta property='og:site_name' content='HH Digital Edition'>"
    )
    assert publisher(registry, page(head)) == "The Harbour Herald"


def test_og_url_or_the_fetch_address_names_the_outlet(registry: OutletRegistry) -> None:
    og = "<meta property='og:url' content='https://m.harbourherald.example/a/1'>"
    assert publisher(registry, page(og)) == "The Harbour Herald"
    assert (
        publisher(registry, page(""), "https://harbourherald.example/a/1") == "The Harbour Herald"
    )


def test_a_relative_canonical_is_read_against_the_fetch_address(registry: OutletRegistry) -> None:
    head = "<link rel='canonical' href='/news/lighthouses'>"
    ident = page_identity(lxml_html.document_fromstring(page(head)), "https://reuters.com/x")
    assert ident.urls[0] == "https://reuters.com/news/lighthouses"


def test_the_registered_domain_of_a_wire_makes_the_wire_the_publisher_and_not_its_wire(
    registry: OutletRegistry,
) -> None:
    head = "<link rel='canonical' href='https://hosted.ap.org/story/123'>"
    head += "<meta property='og:site_name' content='Hosted'>"
    extra = "<p>The Associated Press contributed to this report.</p>"
    a = clean_html(page(head, extra), None, registry)
    assert (a.publisher, a.wire) == ("Associated Press", None)


# --- JSON-LD -------------------------------------------------------------------------------


def test_a_json_ld_publisher_the_registry_knows_by_name_or_address(
    registry: OutletRegistry,
) -> None:
    by_name = article_ld(publisher={"@type": "Organization", "name": "HarbourHerald"})
    assert publisher(registry, page(by_name)) == "The Harbour Herald"
    by_url = article_ld(publisher={"@type": "Organization", "url": "https://harbourherald.example"})
    assert publisher(registry, page(by_url)) == "The Harbour Herald"


def test_json_ld_graph_references_are_followed(registry: OutletRegistry) -> None:
    graph = json_ld(
        {
            "@context": "https://schema.org",
            "@graph": [
                {"@type": "WebSite", "@id": "#site", "name": "Front Page"},
                {"@type": "NewsMediaOrganization", "@id": "#org", "name": "Harbour Herald"},
                {"@type": ["NewsArticle"], "publisher": {"@id": "#org"}},
            ],
        }
    )
    assert publisher(registry, page(graph)) == "The Harbour Herald"


def test_broken_or_odd_json_ld_is_skipped(registry: OutletRegistry) -> None:
    odd = [
        "<script type='application/ld+json'>{not json</script>",
        json_ld(["a string", 3, None]),
        json_ld({"@type": "NewsArticle", "publisher": ["x", {"name": 7}, None]}),
        json_ld({"@type": "NewsArticle", "publisher": {"@id": "#missing"}}),
    ]
    head = "".join(odd) + "<meta property='og:site_name' content='The Lantern Gazette'>"
    assert publisher(registry, page(head)) == "The Lantern Gazette"


# --- site names through the registry --------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "outlet"),
    [
        ("HarbourHerald", "The Harbour Herald"),  # an alias
        ("Harbour Herald International", "The Harbour Herald"),  # a decoration
        ("Harbour Herald Online", "The Harbour Herald"),
        ("The Harbour Herald | Home", "The Harbour Herald"),
        ("harbourherald.example", "The Harbour Herald"),  # a domain stem
        ("NYTimes", "The New York Times"),  # the bundled registry's outlets
        ("RT International", "RT"),
        ("TheHill", "The Hill"),
        ("@nytimes", "The New York Times"),
    ],
)
def test_site_names_are_normalised_through_the_registry(
    registry: OutletRegistry, name: str, outlet: str
) -> None:
    assert registered(name, registry) == outlet
    assert publisher(registry, page(f"<meta property='og:site_name' content='{name}'>")) == outlet


def test_a_shared_one_word_alias_on_an_unregistered_site_is_that_sites_name(
    registry: OutletRegistry,
) -> None:
    head = (
        "<meta property='og:site_name' content='The Post'>"
        "<link rel='canonical' href='https://www.gullislandpost.example/x'>"
    )
    assert publisher(registry, page(head)) == "The Post"
    assert publisher(registry, page(head.replace("The Post", "Harbour Herald Online"))) == (
        "The Harbour Herald"
    )


@pytest.mark.parametrize("name", ["U.S.", "Home", "Lantern", "Harbour"])
def test_a_section_or_a_fragment_is_no_outlet(registry: OutletRegistry, name: str) -> None:
    assert registered(name, registry) is None


def test_domain_stems() -> None:
    assert domain_stem("https://www.lanterngazette.example/a") == "lanterngazette"
    assert domain_stem("news.example.co.uk") == "example"
    assert domain_stem("localhost") == "localhost"
    assert domain_stem("") == ""


# --- outlets the registry does not know ---------------------------------------------------


def test_the_name_that_spells_the_domain_wins_over_a_news_service_tag(
    registry: OutletRegistry,
) -> None:
    a = clean_html((FIXTURES / "unregistered.html").read_text(), None, registry)
    # JSON-LD says "LG News Service", the site tag "lanterngazette", the title
    # "... - The Lantern Gazette": the fullest spelling of the domain's name
    assert a.publisher == "The Lantern Gazette"


def test_an_unknown_json_ld_publisher_comes_before_an_unknown_site_name(
    registry: OutletRegistry,
) -> None:
    head = article_ld(publisher={"name": "Gull Island Courier"}) + (
        "<meta property='og:site_name' content='Courier Online Network'>"
        "<link rel='canonical' href='https://gic-news.example/x'>"
    )
    assert publisher(registry, page(head)) == "Gull Island Courier"


def test_only_an_unregistered_domain_gives_the_domain(registry: OutletRegistry) -> None:
    head = "<link rel='canonical' href='https://www.lanterngazette.example/x'>"
    assert publisher(registry, page(head)) == "lanterngazette.example"


def test_a_handle_alone_is_not_a_name_but_a_title_spelling_the_domain_is(
    registry: OutletRegistry,
) -> None:
    head = (
        "<title>Keepers win - Lantern Gazette Weekly</title>"
        "<meta name='twitter:site' content='@LGweekly'>"
        "<link rel='canonical' href='https://lanterngazette.example/x'>"
    )
    assert publisher(registry, page(head)) == "Lantern Gazette Weekly"


def test_a_page_with_no_address_takes_its_titles_outlet_but_not_a_subtitle(
    registry: OutletRegistry,
) -> None:
    named = "<title>Keepers win back night shifts | The Lantern Gazette</title>"
    assert publisher(registry, page(named)) == "The Lantern Gazette"
    subtitle = "<title>Keepers win: a history of the night shift on the coast</title>"
    assert publisher(registry, page(subtitle)) is None


@pytest.mark.parametrize("agency", ["Associated Press", "AP"])
def test_a_wire_in_an_unregistered_sites_tags_is_its_wire(
    registry: OutletRegistry, agency: str
) -> None:
    head = article_ld(publisher={"name": agency}) + (
        "<meta property='og:site_name' content='Gull Island Courier'>"
        "<link rel='canonical' href='https://gullislandcourier.example/x'>"
    )
    a = clean_html(page(head), None, registry)
    assert (a.publisher, a.wire) == ("Gull Island Courier", "Associated Press")


# --- syndication hosts ------------------------------------------------------------------


MSN = (
    "<link rel='canonical' href='https://www.msn.com/en-us/news/ar-AA1'>"
    "<meta property='og:site_name' content='MSN'>"
)


def test_a_syndicated_page_names_its_original_outlet_and_wire(registry: OutletRegistry) -> None:
    a = clean_html((FIXTURES / "syndicated.html").read_text(), None, registry)
    assert (a.publisher, a.wire) == ("The Harbour Herald", "Associated Press")
    assert "contributed to this report" not in a.text  # the credit line still goes


def test_on_a_host_a_byline_outlet_is_the_publisher(registry: OutletRegistry) -> None:
    ident = PageIdentity(urls=["https://www.msn.com/en-us/news/ar-AA1"], site_names=["MSN"])
    assert publisher_and_wire(ident, registry, ["Ada Brinkley, The Harbour Herald"]) == (
        "The Harbour Herald",
        None,
    )


def test_on_a_host_a_wire_dateline_makes_the_wire_the_publisher(registry: OutletRegistry) -> None:
    extra = "<p>LONDON (Reuters) - Fuel prices rose for a third week, traders said on Friday.</p>"
    html = page(MSN, extra).replace("<article>", "<article>" + extra, 1)
    a = clean_html(html, None, registry)
    assert (a.publisher, a.wire) == ("Reuters", None)


def test_on_a_host_an_originally_published_line_names_the_outlet(
    registry: OutletRegistry,
) -> None:
    extra = "<p>This article originally appeared on Gull Island Courier.</p>"
    assert publisher(registry, page(MSN, extra)) == "Gull Island Courier"


def test_on_a_host_a_canonical_address_elsewhere_names_the_outlet(
    registry: OutletRegistry,
) -> None:
    head = (
        "<link rel='canonical' href='https://www.lanterngazette.example/x'>"
        "<meta property='og:site_name' content='lanterngazette'>"
        "<meta property='og:url' content='https://www.newsstream.example/story/1'>"
    )
    ident = page_identity(lxml_html.document_fromstring(page(head)), None)
    ident.publishers.append("The Lantern Gazette")
    assert publisher_and_wire(ident, registry) == ("The Lantern Gazette", None)


def test_the_host_stays_when_nothing_else_is_known(registry: OutletRegistry) -> None:
    assert publisher(registry, page(MSN)) == "MSN"
    ident = PageIdentity(urls=["https://newsstream.example/s/1"])
    assert publisher_and_wire(ident, registry) == ("NewsStream", None)


# --- odd input ---------------------------------------------------------------------------

_KEYS = ["@type", "@id", "@graph", "name", "url", "publisher", "provider", "author", "isBasedOn"]
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.sampled_from(_KEYS) | st.text(max_size=5), inner, max_size=5)
    ),
    max_leaves=25,
)


@settings(max_examples=150, deadline=None)
@given(json_values, st.text(max_size=80), st.text(max_size=80), st.text(max_size=80))
def test_identity_never_raises_on_odd_tags(
    registry: OutletRegistry, ld: Any, site: str, title: str, url: str
) -> None:
    head = json_ld(ld) + (
        f"<meta property='og:site_name' content='{escape(site)}'>"
        f"<link rel='canonical' href='{escape(url)}'><title>{escape(title)}</title>"
    )
    ident = page_identity(lxml_html.document_fromstring(page(head)), url or None)
    publisher, wire = publisher_and_wire(ident, registry, [site], [title, site])
    assert publisher is None or isinstance(publisher, str)
    assert wire is None or isinstance(wire, str)
