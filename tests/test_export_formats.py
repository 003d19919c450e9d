"""The export formats as files: the JSON export as it always was, the Markdown memo
(hostile text stays text), CSV through Python's csv module, ClaimReview and Web
Annotation JSON-LD expanded by a JSON-LD processor against the bundled contexts."""

from __future__ import annotations

import csv
import io
import json
from html import unescape
from pathlib import Path

import markdown
import pytest

from reader.export import ExportFormat, Scope, export_file, export_text
from reader.export.annotation import CONTEXT_CHARS, FORMAT_VERSION, hash_iri
from reader.export.claimreview import (
    BEST_RATING,
    CLAIM_REVIEWED_MAX,
    RATING_SCALE,
    WORST_RATING,
    short_claim,
)
from reader.export.memo import inline
from reader.export.table import BOM, COLUMNS
from reader.store import VERDICTS, Library
from reader.store.library import content_hash
from tests.export_helpers import FERRY, FERRY_TEXT, Said, add_article, ferry, json_before_marks
from tests.jsonld_contexts import OA, RDF_VALUE, SCHEMA, expand, nodes, offline_loader, value

ALL = Scope()


def _text(lib: Library, fmt: ExportFormat, scope: Scope = ALL, **kw: str) -> str:
    out = io.StringIO()
    export_text(lib, fmt, scope, out, **kw)
    return out.getvalue()


def _verdict(
    lib: Library, aid: int, seq: int, verdict: str | None, note: str | None = None
) -> None:
    stored = lib.get(aid)
    assert stored is not None
    lib.set_verdict(aid, stored.claims[seq].claim_key, verdict, note)


# --- JSON --------------------------------------------------------------------------


def test_the_json_export_is_what_the_library_always_exported(library: Library) -> None:
    a = ferry(library)
    b = add_article(library, FERRY_TEXT + "\n\nA second edition.", FERRY[:1], url=None)
    _verdict(library, a, 1, "false", "fuel rose 40%, not 100%")
    library.set_article_tags(a, ["ferries"])
    lines = _text(library, ExportFormat.JSON).splitlines()
    docs = [json.loads(x) for x in lines]
    old_keys = [{k: v for k, v in d.items() if k not in ("tags", "marks")} for d in docs]
    assert old_keys == json_before_marks(library)  # as before, with the marks added
    assert [(d["tags"], d["marks"]) for d in docs] == [([], []), (["ferries"], [])]
    assert [json.loads(x)["id"] for x in lines] == library.article_ids()
    one = _text(library, ExportFormat.JSON, Scope((b,))).splitlines()
    assert [json.loads(x)["id"] for x in one] == [b]


# --- Markdown memo -------------------------------------------------------------------

HOSTILE = (
    "Officials said <script>alert('x')</script> was **not** a [link](javascript:alert(1)) "
    "nor ![img](https://evil.example/p.png) & &amp; entities | tables ~~struck~~ `code`.\n\n"
    "# Not a heading, said Ida Brand.\n\n"
    "> not a quote, she said.\n\n"
    "1. not a list, she added."
)


def _hostile(lib: Library) -> int:
    return add_article(
        lib,
        HOSTILE,
        [
            Said(HOSTILE.split("\n\n")[0], source="<b>Officials</b>", source_type="official"),
            Said("# Not a heading, said Ida Brand.", source="Ida *Brand*"),
            Said("> not a quote, she said.", evidence=["1. not a list"]),
        ],
        title="<i>Title</i> with *stars* & [brackets]",
        url="https://courier.example/a_b*c",
    )


def test_the_memo_shows_hostile_text_as_text(library: Library) -> None:
    aid = _hostile(library)
    _verdict(
        library,
        aid,
        0,
        "misleading",
        "line one <img src=x onerror=alert(1)>\n- not a list\n\n# nor a heading",
    )
    memo = _text(library, ExportFormat.MARKDOWN)
    html = markdown.markdown(memo)  # Python-Markdown; the PDF test reads it with Qt's md4c
    for tag in ("<script", "<img", "<i>", "<b>", "<a ", "<h1>Not", "<code>", "<ol>", "<table"):
        assert tag not in html, tag
    # the markup that is the memo's own: one title, claim headings, lists, a quote each
    assert html.count("<h1>") == 1 and html.count("<h3>") == 3
    assert "<blockquote>" in html and "<strong>Source:</strong>" in html
    # every word is still there, shown as written
    shown = unescape(html)  # the characters a browser shows
    for words in (
        "<script>alert('x')</script>",
        "**not** a [link](javascript:alert(1))",
        "![img](https://evil.example/p.png)",
        "& &amp; entities | tables ~~struck~~ `code`",
        "# Not a heading, said Ida Brand.",
        "<b>Officials</b>",
        "Ida *Brand*",
        "<i>Title</i> with *stars* & [brackets]",
        "line one <img src=x onerror=alert(1)>",
        "- not a list",
        "# nor a heading",
        "“1. not a list”",
    ):
        assert words in shown, words


def test_the_memo_reads_as_plain_text(library: Library) -> None:
    aid = ferry(library)
    _verdict(library, aid, 1, "false", "fuel rose 40%")
    _verdict(library, aid, 1, "unproven")
    memo = _text(library, ExportFormat.MARKDOWN)
    lines = memo.splitlines()
    assert lines[0] == "# Ferry service cut to two crossings a day"
    for expected in (
        "- **Publisher:** Lakeside Courier",
        "- **Published:** 2025-03-14",
        "- **Address:** https://courier.example/ferry-cut",
        "## Claims (3)",
        "### Claim 2: unconfirmed",
        "> Board chair Mara Voss said fuel costs had doubled since last spring.",
        "- **Source:** Mara Voss (official)",
        "- **Outlet:** Lakeside Courier",
        "- **Chain:** Lakeside Courier ← Mara Voss",
        "- **Status:** unconfirmed",
        "- **Evidence:** “could not independently confirm the fuel figures”",
        "- **Note:** fuel rose 40%",
        "- **History:**",
    ):
        assert expected in lines, expected
    [current] = [x for x in lines if x.startswith("- **Your verdict:** unproven (")]
    [earlier] = [x for x in lines if x.startswith("  - ") and "false; note: fuel rose 40%" in x]
    assert lines.index(current) < lines.index(earlier)


def test_inline_escapes_only_what_would_be_markup() -> None:
    assert inline("Plain words, 12% and U.S. cities.") == "Plain words, 12% and U.S. cities."
    assert inline("a\nb\tc") == "a b c"
    assert inline("- x") == "\\- x" and inline("2024. Year") == "2024\\. Year"
    # no escape sequence reaches a terminal; a renderer shows "\x1b[2J wiped"
    assert inline("\x1b[2J wiped") == "\\\\x1b\\[2J wiped"
    assert markdown.markdown(inline("\x1b[2J wiped")) == "<p>\\x1b[2J wiped</p>"


# --- CSV ------------------------------------------------------------------------------

ODD = (
    'He said "no, never", then left.\n\n'
    "Zoë Ångström said the café's tax is 5,000 € — plus “fees”.\n\n"
    '=HYPERLINK("https://evil.example") was written on the wall, Ruth Ek said.\n\n'
    "A line\r\nbreak inside, said Tom Lee."
)


def test_the_csv_round_trips_through_the_csv_module(library: Library, tmp_path: Path) -> None:
    said = [
        Said('He said "no, never", then left.', source='Bo "Bull" Ek'),
        Said("Zoë Ångström said the café's tax is 5,000 € — plus “fees”.", source="Zoë Ångström"),
        Said('=HYPERLINK("https://evil.example") was written on the wall, Ruth Ek said.'),
        Said("A line\r\nbreak inside, said Tom Lee.", source="-Tom Lee"),
    ]
    aid = add_article(library, ODD, said, title='Odd, "quoted"\ntitle')
    _verdict(library, aid, 1, "true", 'note, with\nlines and "quotes"')
    path = tmp_path / "claims.csv"
    done = export_file(library, ExportFormat.CSV, Scope(), path)
    assert (done.articles, done.claims) == (1, 4)
    data = path.read_bytes()
    assert data.startswith(BOM.encode("utf-8"))
    assert data.count(b"\r\n") >= 5  # RFC 4180 line ends
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert tuple(rows[0]) == COLUMNS
    body = [dict(zip(COLUMNS, r, strict=True)) for r in rows[1:]]
    assert [r["claim"] for r in body] == [
        s.sentence if not s.sentence.startswith("=") else "'" + s.sentence for s in said
    ]
    assert body[0]["source"] == 'Bo "Bull" Ek' and body[3]["source"] == "'-Tom Lee"
    assert body[1]["article"] == 'Odd, "quoted"\ntitle'
    assert body[1]["verdict"] == "true" and body[1]["note"] == 'note, with\nlines and "quotes"'
    assert body[1]["verdict time"].startswith("20") and body[0]["verdict time"] == ""
    assert {r["article id"] for r in body} == {str(aid)}
    assert body[0]["chain"] == "Lakeside Courier ← Mara Voss"


# --- ClaimReview -----------------------------------------------------------------------


def test_the_rating_scale_covers_every_verdict_once() -> None:
    assert set(RATING_SCALE) == set(VERDICTS)
    assert sorted(RATING_SCALE.values()) == list(range(WORST_RATING, BEST_RATING + 1))
    assert RATING_SCALE["false"] == WORST_RATING and RATING_SCALE["true"] == BEST_RATING


def test_claim_reviewed_is_under_75_characters() -> None:
    long = "The harbour board said the island ferry will run only two crossings a day from May onwards."
    short = short_claim(long)
    assert len(short) < CLAIM_REVIEWED_MAX and short.endswith("…")
    assert long.startswith(short[:-1])
    assert short_claim("Short claim.") == "Short claim."
    assert len(short_claim("x" * 300)) < CLAIM_REVIEWED_MAX


def test_claimreview_expands_to_schema_org_terms(library: Library) -> None:
    aid = ferry(library)
    _verdict(library, aid, 0, "false", "The board said three crossings.")
    _verdict(library, aid, 2, "unproven")
    _verdict(library, aid, 1, "true")
    _verdict(library, aid, 1, None)  # cleared: no review
    doc = json.loads(_text(library, ExportFormat.CLAIMREVIEW, reviewer="Ann Checker"))
    assert len(doc["@graph"]) == 2
    expanded = expand(doc)
    reviews = nodes(expanded, SCHEMA + "ClaimReview")
    assert len(reviews) == 2
    first = reviews[0]
    assert value(first, SCHEMA + "claimReviewed") == short_claim(FERRY[0].sentence)
    rating = value(first, SCHEMA + "reviewRating")
    assert rating["@type"] == [SCHEMA + "Rating"]
    assert value(rating, SCHEMA + "alternateName") == "False"
    assert value(rating, SCHEMA + "ratingValue") == 1
    assert value(rating, SCHEMA + "bestRating") == 4 and value(rating, SCHEMA + "worstRating") == 1
    claim = value(first, SCHEMA + "itemReviewed")
    assert claim["@type"] == [SCHEMA + "Claim"]
    assert value(claim, SCHEMA + "text") == FERRY[0].sentence
    author = value(claim, SCHEMA + "author")
    assert author["@type"] == [SCHEMA + "Organization"]
    assert value(author, SCHEMA + "name") == "the harbour board"
    appearance = value(claim, SCHEMA + "appearance")
    assert value(appearance, SCHEMA + "url") == "https://courier.example/ferry-cut"
    assert value(claim, SCHEMA + "datePublished") == "2025-03-14"
    reviewer = value(first, SCHEMA + "author")
    assert value(reviewer, SCHEMA + "name") == "Ann Checker"
    assert value(first, SCHEMA + "reviewBody") == "The board said three crossings."
    assert value(first, SCHEMA + "url").startswith("https://courier.example/ferry-cut#:~:text=")
    assert len(value(first, SCHEMA + "datePublished")) == 10
    second = value(reviews[1], SCHEMA + "reviewRating")
    assert value(second, SCHEMA + "alternateName") == "Unproven"
    assert value(second, SCHEMA + "ratingValue") == 3
    people = value(value(reviews[1], SCHEMA + "itemReviewed"), SCHEMA + "author")
    assert people["@type"] == [SCHEMA + "Person"]  # "Residents": people, not an organisation


def test_first_appearance_is_the_chains_origin(library: Library) -> None:
    said = [Said(FERRY[1].sentence, origin_url="https://harbour.example/board-minutes")]
    aid = add_article(library, FERRY_TEXT, said)
    _verdict(library, aid, 0, "true")
    [review] = json.loads(_text(library, ExportFormat.CLAIMREVIEW, reviewer="A"))["@graph"]
    first = review["itemReviewed"]["firstAppearance"]
    assert first == {"@type": "CreativeWork", "url": "https://harbour.example/board-minutes"}


def test_claims_without_a_verdict_are_left_out(library: Library) -> None:
    ferry(library)
    doc = json.loads(_text(library, ExportFormat.CLAIMREVIEW, reviewer="A"))
    assert doc["@graph"] == [] and expand(doc) == []


# --- Web Annotation --------------------------------------------------------------------


def test_web_annotation_expands_to_oa_terms_and_its_selectors_find_the_claims(
    library: Library,
) -> None:
    aid = ferry(library)
    nourl = add_article(library, FERRY_TEXT + "\n\nFrom a file.", FERRY[2:], url=None)
    _verdict(library, aid, 1, "false", "fuel rose 40%")
    doc = json.loads(_text(library, ExportFormat.WEBANNOTATION, reviewer="Ann Checker"))
    assert doc["schema:version"] == FORMAT_VERSION and doc["total"] == 4
    expanded = expand(doc)
    assert nodes(expanded, OA + "Annotation") and len(nodes(expanded, OA + "Annotation")) == 4
    quotes = nodes(expanded, OA + "TextQuoteSelector")
    positions = nodes(expanded, OA + "TextPositionSelector")
    assert len(quotes) == len(positions) == 4
    texts = {aid: FERRY_TEXT, nourl: FERRY_TEXT + "\n\nFrom a file."}
    for item in doc["first"]["items"]:
        target = item["target"]
        quote, position = target["selector"]
        stored = library.get(aid if target["source"].startswith("https:") else nourl)
        assert stored is not None
        text = texts[stored.id]
        assert text[position["start"] : position["end"]] == quote["exact"]
        assert (
            quote["prefix"] == text[max(0, position["start"] - CONTEXT_CHARS) : position["start"]]
        )
        assert target["schema:sha256"] == content_hash(stored.article)
    no_url = [i for i in doc["first"]["items"] if not i["target"]["source"].startswith("https:")]
    assert no_url[0]["target"]["source"] == hash_iri(content_hash(library.get(nourl).article))  # type: ignore[union-attr]
    assessed = [
        a
        for a in nodes(expanded, OA + "Annotation")
        if value(a, OA + "motivatedBy") == OA + "assessing"
    ]
    assert len(assessed) == 1
    purposes = {
        value(b, OA + "hasPurpose"): value(b, RDF_VALUE) for b in assessed[0][OA + "hasBody"]
    }
    assert purposes[OA + "assessing"] == "false"
    assert purposes[OA + "commenting"] == "fuel rose 40%"
    assert purposes[OA + "describing"].startswith("Source: Mara Voss (official)")
    # stable ids: the same claim has the same id in the next export
    again = json.loads(_text(library, ExportFormat.WEBANNOTATION))
    assert [i["id"] for i in again["first"]["items"]] == [i["id"] for i in doc["first"]["items"]]


def test_the_loader_refuses_the_network() -> None:
    from pyld import jsonld

    with pytest.raises(jsonld.JsonLdError):
        offline_loader("https://example.org/context.jsonld")
    with pytest.raises(jsonld.JsonLdError):
        expand({"@context": "https://example.org/other.jsonld", "name": "x"})


def test_an_orphaned_highlight_is_exported_by_its_words_only(library: Library) -> None:
    from dataclasses import replace

    from reader.marks import relocate, selector_for

    aid = ferry(library)
    stored = library.get(aid)
    assert stored is not None
    text = stored.article.text
    s = text.index("fuel costs had doubled")
    library.add_highlight(aid, selector_for(text, s, s + len("fuel costs had doubled")))
    new_text = text.replace("fuel costs had doubled", "prices rose")
    library.replace_extraction(
        aid,
        replace(stored.article, text=new_text, markdown=new_text),
        highlights=relocate(library.highlights(article_id=aid), new_text),
    )
    doc = json.loads(_text(library, ExportFormat.WEBANNOTATION))
    items = doc["first"]["items"] if "first" in doc else doc.get("items", doc.get("@graph", []))
    [mark] = [a for a in items if a.get("motivation") == "highlighting"]
    kinds = [sel["type"] for sel in mark["target"]["selector"]]
    assert kinds == ["TextQuoteSelector"]  # its old offsets point at other words now
    assert mark["target"]["selector"][0]["exact"] == "fuel costs had doubled"
