"""W3C Web Annotation JSON-LD: the user's highlights, the claims (with the user's
verdicts and notes on them) and the articles' tags as annotations on their article,
in one ``AnnotationCollection``; ``import-marks`` (:mod:`reader.export.marks_import`)
reads it back.

Each annotation's target is the article (its address; an article imported from a
file, with none, is named by the hash of its text, ``ni:///sha-256;…``, RFC 6920)
narrowed by a ``TextQuoteSelector`` (the exact words with up to
:data:`CONTEXT_CHARS` characters before and after) and a ``TextPositionSelector``
(their offsets, in characters, into the article's cleaned plain text, the text
``extract`` prints). The target also carries ``schema:sha256``, the hash of that
text, so ``import-marks`` finds the article again by its text when the address
does not match.

A claim is an annotation motivated ``oa:assessing`` when the user gave it a verdict
(a body with that purpose holds the verdict), else ``describing``; a body
with purpose ``describing`` says its source, outlet, chain and status, one with
purpose ``commenting`` holds the user's note. Its id is stable across exports
(a name-based UUID of the article's hash and the claim's place and words).

A highlight is an annotation motivated ``highlighting`` whose id is the highlight's
own (``uid``, kept by the library, so a re-import recognises it): bodies with
purpose ``commenting`` (its note) and ``tagging`` (one per tag), its colour as the
target's ``styleClass`` (``highlight-yellow``) with the annotation's ``stylesheet``
giving that class its shade. An article's own tags are one annotation motivated
``tagging`` on the whole article, a ``tagging`` body per tag.

The collection names its generator and carries ``schema:version``
(:data:`FORMAT_VERSION`): a file written by a newer version is refused by
``import-marks`` rather than half read.
"""

from __future__ import annotations

import base64
import uuid
from collections.abc import Iterable
from typing import Any

from reader import APP_NAME, __version__
from reader.export.records import ArticleRecord, ClaimRecord
from reader.marks import Colour, Highlight
from reader.store.timestamps import now_iso

#: The Web Annotation context, by its address (the tests expand it from a copy).
CONTEXT = "http://www.w3.org/ns/anno.jsonld"
#: The version of this file's layout; ``import-marks`` refuses a higher one.
FORMAT_VERSION = 1
#: How many characters of the text before and after a quote its selector keeps.
CONTEXT_CHARS = 32
#: The namespace of the claims' name-based UUIDs.
CLAIM_NAMESPACE = uuid.UUID("6f0c1d2e-4b1a-5c8e-9a57-2f9d3e1b7c40")
#: The ``assessing`` motivation and purpose, as a compact IRI: the Recommendation's
#: context (anno.jsonld, 2016) lists every motivation of the vocabulary but this one,
#: so the bare word would expand to a relative IRI; ``oa:assessing`` expands to
#: ``http://www.w3.org/ns/oa#assessing`` under any version of the context.
ASSESSING = "oa:assessing"
#: Motivations of the annotations that are claims (the rest are highlights).
CLAIM_MOTIVATIONS = (ASSESSING, "describing")
#: The CSS class of each highlight colour (``styleClass``), and its shade.
STYLE_PREFIX = "highlight-"
SHADES = {
    Colour.YELLOW: "#fff59d", Colour.GREEN: "#c5e1a5", Colour.BLUE: "#b3e5fc",
    Colour.PINK: "#f8bbd0", Colour.PURPLE: "#d1c4e9",
}  # fmt: skip
#: The stylesheet every highlight annotation carries (the classes of every colour).
STYLESHEET = " ".join(
    f".{STYLE_PREFIX}{c.value} {{ background-color: {shade} }}" for c, shade in SHADES.items()
)


def article_iri(record: ArticleRecord) -> str:
    """The article's address, or its text's hash as an ``ni:`` URI (RFC 6920)."""
    if record.article.url:
        return record.article.url
    return hash_iri(record.content_hash)


def hash_iri(hex_digest: str) -> str:
    """A SHA-256 hex digest as ``ni:///sha-256;<base64url>`` (RFC 6920)."""
    raw = bytes.fromhex(hex_digest)
    return "ni:///sha-256;" + base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def quote_target(record: ArticleRecord, start: int, end: int) -> dict[str, Any]:
    """The article at ``text[start:end]``: a quote selector and a position selector."""
    text = record.article.text
    return _target(
        record,
        text[start:end],
        text[max(0, start - CONTEXT_CHARS) : start],
        text[end : end + CONTEXT_CHARS],
        start,
        end,
    )


def _target(
    record: ArticleRecord,
    exact: str,
    prefix: str,
    suffix: str,
    start: int,
    end: int,
    placed: bool = True,
) -> dict[str, Any]:
    """The article at the quote; with its offsets only when the quote is there
    (``placed``): an orphaned mark's last offsets point at other words now."""
    selectors: list[dict[str, Any]] = [
        {"type": "TextQuoteSelector", "exact": exact, "prefix": prefix, "suffix": suffix}
    ]
    if placed:
        selectors.append({"type": "TextPositionSelector", "start": start, "end": end})
    return {
        "type": "SpecificResource",
        "source": article_iri(record),
        "schema:sha256": record.content_hash,
        "selector": selectors,
    }


def highlight_annotation(record: ArticleRecord, h: Highlight) -> dict[str, Any]:
    """One highlight as an annotation (its quote as the library keeps it; an orphaned
    one has no position: its words are not in the text now)."""
    bodies = [_body("commenting", h.note)] if h.note else []
    bodies += [_body("tagging", t) for t in h.tags]
    target = _target(record, h.exact, h.prefix, h.suffix, h.start, h.end, not h.orphaned)
    target["styleClass"] = STYLE_PREFIX + h.colour.value
    anno: dict[str, Any] = {
        "id": h.uid,
        "type": "Annotation",
        "motivation": "highlighting",
        "stylesheet": {"type": "CssStylesheet", "value": STYLESHEET},
    }
    if bodies:
        anno["body"] = bodies
    anno["target"] = target
    if h.created_at:
        anno["created"] = h.created_at
    if h.updated_at:
        anno["modified"] = h.updated_at
    return anno


def tags_annotation(record: ArticleRecord) -> dict[str, Any]:
    """An article's own tags as one annotation on the whole article."""
    name = f"{record.content_hash}:tags"
    return {
        "id": f"urn:uuid:{uuid.uuid5(CLAIM_NAMESPACE, name)}",
        "type": "Annotation",
        "motivation": "tagging",
        "body": [_body("tagging", t) for t in record.tags],
        "target": {
            "type": "SpecificResource",
            "source": article_iri(record),
            "schema:sha256": record.content_hash,
        },
    }


def _body(purpose: str, value: str) -> dict[str, Any]:
    """A plain-text body with its purpose."""
    return {"type": "TextualBody", "purpose": purpose, "value": value, "format": "text/plain"}


def describe_claim(cr: ClaimRecord) -> str:
    """A claim's facts in one line: "Source: … (person); outlet: …; chain: …; status: …"."""
    c = cr.claim
    source = c.source or "no source given"
    if c.source and c.source_type:
        source += f" ({c.source_type})"
    chain = " ← ".join(c.chain) if c.chain else "-"
    return f"Source: {source}; outlet: {c.outlet or '-'}; chain: {chain}; status: {c.status}"


def claim_id(record: ArticleRecord, cr: ClaimRecord) -> str:
    """The claim annotation's id: the same in every export of the same article."""
    name = f"{record.content_hash}:{cr.seq}:{cr.stored.claim_key}"
    return f"urn:uuid:{uuid.uuid5(CLAIM_NAMESPACE, name)}"


def claim_annotation(record: ArticleRecord, cr: ClaimRecord) -> dict[str, Any]:
    """One claim as an annotation."""
    c = cr.claim
    bodies = [_body("describing", describe_claim(cr))]
    if cr.verdict:
        bodies.append(_body(ASSESSING, cr.verdict))
    if cr.note:
        bodies.append(_body("commenting", cr.note))
    anno: dict[str, Any] = {
        "id": claim_id(record, cr),
        "type": "Annotation",
        "motivation": ASSESSING if cr.verdict else "describing",
        "body": bodies,
        "target": quote_target(record, c.start, c.end),
    }
    if cr.verdict_time:
        anno["created"] = cr.verdict_time
    return anno


def annotation_collection(
    records: Iterable[ArticleRecord], reviewer: str | None = None
) -> dict[str, Any]:
    """Every highlight, claim and article's tags of ``records`` as one
    ``AnnotationCollection`` (a single page); article by article, highlights first."""
    items: list[dict[str, Any]] = []
    for record in records:
        items.extend(highlight_annotation(record, h) for h in record.highlights)
        items.extend(claim_annotation(record, cr) for cr in record.claims)
        if record.tags:
            items.append(tags_annotation(record))
    if reviewer:
        for item in items:
            if item["motivation"] == ASSESSING:
                item["creator"] = {"type": "Person", "name": reviewer}
    return {
        "@context": CONTEXT,
        "id": f"urn:uuid:{uuid.uuid4()}",
        "type": "AnnotationCollection",
        "label": f"{APP_NAME}: claims and marks",
        "schema:version": FORMAT_VERSION,
        "generator": {"type": "Software", "name": APP_NAME, "schema:softwareVersion": __version__},
        "generated": now_iso(),
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }
