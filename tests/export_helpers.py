"""Articles made by hand for the export tests: our own words (no corpus text), claims
at exact offsets, and text as hostile as we like."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from reader.ingest import RawInput
from reader.model import Article, Claim
from reader.store import Library


def json_before_marks(lib: Library) -> list[dict[str, Any]]:
    """Each article as the JSON export wrote it before marks and tags existed (the
    keys every version has written since), from the store's own reading of it: what
    ``export --format json`` must still hold."""
    out = []
    for aid in lib.article_ids():
        stored = lib.get(aid)
        assert stored is not None
        d: dict[str, Any] = {"id": aid, "source": stored.source, "imported_at": stored.imported_at}
        d.update(stored.article.to_dict())
        for cd, sc in zip(d["claims"], stored.claims, strict=True):
            cd["verdict"] = sc.verdict
            cd["note"] = sc.note
        out.append(d)
    return out


@dataclass
class Said:
    """A claim to make: its sentence (found in the text) and who said it."""

    sentence: str
    source: str | None = "Mara Voss"
    source_type: str | None = "official"
    status: str = "reported"
    outlet: str | None = "Lakeside Courier"
    chain: list[str] = field(default_factory=lambda: ["Lakeside Courier", "Mara Voss"])
    evidence: list[str] = field(default_factory=list)  # words of the text
    origin_url: str | None = None


def add_article(
    lib: Library,
    text: str,
    said: list[Said],
    title: str = "Ferry service cut to two crossings a day",
    url: str | None = "https://courier.example/ferry-cut",
    publisher: str | None = "Lakeside Courier",
    published: str | None = "2025-03-14",
    source: str = "ferry.md",
) -> int:
    """Store an article with the claims ``said`` (each sentence must be in ``text``)."""
    claims = []
    for s in said:
        start = text.index(s.sentence)
        spans = [[text.index(w), text.index(w) + len(w)] for w in s.evidence]
        claims.append(
            Claim(
                s.sentence,
                start,
                start + len(s.sentence),
                s.source,
                None,
                s.source_type,
                s.outlet,
                "said",
                s.status,
                list(s.chain),
                evidence=spans,
                origin_url=s.origin_url,
            )
        )
    article = Article(
        title=title, publisher=publisher, published=published, url=url,
        text=text, markdown=text, claims=claims,
    )  # fmt: skip
    raw = RawInput(source, "markdown", text, text.encode("utf-8"), url)
    return lib.add(raw, article).article_id


FERRY_TEXT = (
    "The island ferry will run only two crossings a day from May, the harbour board said.\n\n"
    "Board chair Mara Voss said fuel costs had doubled since last spring.\n\n"
    "The Lakeside Courier could not independently confirm the fuel figures.\n\n"
    "Residents said the last boat back now leaves at 4 p.m."
)
FERRY = [
    Said(
        "The island ferry will run only two crossings a day from May, the harbour board said.",
        source="the harbour board",
        source_type="organization",
        chain=["Lakeside Courier", "the harbour board"],
    ),
    Said(
        "Board chair Mara Voss said fuel costs had doubled since last spring.",
        status="unconfirmed",
        evidence=["could not independently confirm the fuel figures"],
    ),
    Said(
        "Residents said the last boat back now leaves at 4 p.m.",
        source="Residents",
        source_type="anonymous",
        chain=["Lakeside Courier", "Residents"],
    ),
]


def ferry(lib: Library, **kw: object) -> int:
    """The ferry article (three claims, one with evidence)."""
    return add_article(lib, FERRY_TEXT, FERRY, **kw)  # type: ignore[arg-type]
