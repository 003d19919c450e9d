"""ClaimReview JSON-LD (schema.org), as Google's fact-check markup guide asks: one
``ClaimReview`` per claim the user gave a verdict; a claim with no verdict (or a
cleared one) is left out.

The review's rating is the verdict: ``alternateName`` says it in words, and
``ratingValue`` places it on :data:`RATING_SCALE`, from 1 (:data:`WORST_RATING`,
false) to 4 (:data:`BEST_RATING`, true), documented in the README:

====== ========== =========================================================
value  verdict    why there
====== ========== =========================================================
1      false      shown wrong
2      misleading true in part, wrong in what it leads readers to think
3      unproven   not shown wrong, not shown right
4      true       shown right
====== ========== =========================================================

``claimReviewed`` is the claim cut at a word to under 75 characters (the guide's
limit for what is shown); the full text is the reviewed Claim's ``text``.
``itemReviewed`` is a ``Claim`` whose ``author`` is the claim's source (a Person for
a person or an official, else an Organization; an unattributed claim is its
article's own, so the publisher), ``datePublished`` the article's date,
``appearance`` the article, and ``firstAppearance`` where the claim first appeared
as far as the library knows: the page the attribution links to (the chain's
origin), else the earliest article of the claim's trace group, if earlier than this
one. The review's ``author`` is the reviewer's name (a setting in the window,
``--reviewer`` on the command line), ``datePublished`` the day of the verdict, and
``url`` the article's address at the claim (a text fragment, ``#:~:text=``): the
review has no page of its own.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from reader.export.records import ArticleRecord, ClaimRecord

if TYPE_CHECKING:
    from reader.store import Library

#: Where each verdict sits on the rating scale (see the module docstring).
RATING_SCALE: dict[str, int] = {"false": 1, "misleading": 2, "unproven": 3, "true": 4}
WORST_RATING, BEST_RATING = 1, 4
#: ``claimReviewed`` is kept under this many characters (Google's guide: under 75).
CLAIM_REVIEWED_MAX = 75
#: The context the documents name (Google's examples use this form).
CONTEXT = "https://schema.org"
#: Source types that are people (the rest are organisations, documents, outlets).
PERSON_TYPES = ("person", "official", "anonymous")


def short_claim(text: str, limit: int = CLAIM_REVIEWED_MAX) -> str:
    """``text`` on one line, under ``limit`` characters: cut at the last word that
    fits, with an ellipsis."""
    text = " ".join(text.split())
    if len(text) < limit:
        return text
    cut = text[: limit - 2]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.") + "…"


def text_fragment(url: str, text: str) -> str:
    """``url`` at ``text`` (a text fragment: the first and last words of the claim,
    ``#:~:text=start,end``), so a browser scrolls to the claim."""
    words = text.split()
    if not words:
        return url
    enc = lambda s: quote(s, safe="")  # noqa: E731 - "-", "&" and "," are syntax here
    if len(words) <= 8:
        directive = enc(" ".join(words))
    else:
        directive = f"{enc(' '.join(words[:4]))},{enc(' '.join(words[-4:]))}"
    base = url.split("#", 1)[0]
    return f"{base}#:~:text={directive}"


def _party(name: str, person: bool) -> dict[str, Any]:
    return {"@type": "Person" if person else "Organization", "name": name}


def first_appearance(lib: Library, record: ArticleRecord, cr: ClaimRecord) -> str | None:
    """Where the claim first appeared, as far as the library knows (see the module
    docstring); read only: an article not linked yet is not linked here."""
    if cr.claim.origin_url:
        return cr.claim.origin_url
    others = [other for _c, other, _k, _s in lib.claim_links([cr.stored.id])]
    if not others:
        return None
    a = record.article
    here = a.published or record.stored.imported_at[:10]
    earliest: tuple[str, str] | None = None
    for tc in lib.trace_claims(others).values():
        when = tc.published or tc.imported_at[:10]
        if tc.url and when < here and (earliest is None or when < earliest[0]):
            earliest = (when, tc.url)
    return earliest[1] if earliest else None


def claim_review(
    lib: Library, record: ArticleRecord, cr: ClaimRecord, reviewer: str
) -> dict[str, Any] | None:
    """The ClaimReview of one claim, or None when the user gave it no verdict."""
    if cr.verdict not in RATING_SCALE:
        return None
    a, c = record.article, cr.claim
    claim: dict[str, Any] = {"@type": "Claim", "text": " ".join(c.text.split())}
    if c.source:
        claim["author"] = _party(c.source, c.source_type in PERSON_TYPES)
    elif a.publisher:  # unattributed: the article's own assertion
        claim["author"] = _party(a.publisher, False)
    if a.published:
        claim["datePublished"] = a.published
    appearance: dict[str, Any] = {"@type": "NewsArticle"}
    if a.url:
        appearance["url"] = a.url
    if a.title:
        appearance["headline"] = a.title
    if a.published:
        appearance["datePublished"] = a.published
    if a.publisher:
        appearance["publisher"] = _party(a.publisher, False)
    claim["appearance"] = appearance
    first = first_appearance(lib, record, cr)
    if first:
        claim["firstAppearance"] = {"@type": "CreativeWork", "url": first}
    review: dict[str, Any] = {
        "@type": "ClaimReview",
        "claimReviewed": short_claim(c.text),
        "itemReviewed": claim,
        "author": _party(reviewer, True),
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": RATING_SCALE[cr.verdict],
            "bestRating": BEST_RATING,
            "worstRating": WORST_RATING,
            "alternateName": cr.verdict.capitalize(),
        },
    }
    if cr.verdict_time:
        review["datePublished"] = cr.verdict_time[:10]
    if a.url:
        review["url"] = text_fragment(a.url, c.text)
    if cr.note:
        review["reviewBody"] = cr.note
    return review


def claim_reviews(lib: Library, records: Iterable[ArticleRecord], reviewer: str) -> dict[str, Any]:
    """Every reviewed claim of ``records`` as one JSON-LD document (an ``@graph``)."""
    graph = [
        review
        for record in records
        for cr in record.claims
        if (review := claim_review(lib, record, cr, reviewer)) is not None
    ]
    return {"@context": CONTEXT, "@graph": graph}
