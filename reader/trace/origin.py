"""Where a claim came from, by the article's own hyperlinks: ``Claim.origin_url``.

The cleaned Markdown keeps the page's links (NBC News: "a spokesman [said in an email
to The Associated Press](https://apnews.com/…)"). A claim's origin is the link, in its
sentence, whose words are its attribution (they hold the source, the cue or the outlet
named) or whose address is a page of the claim's outlet or of an outlet in its chain.
A link to the publisher's own site is navigation, not an origin.

Pure functions over the article; run once per extraction (:mod:`reader.pipeline`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from reader.model import Article, Claim

_LINK = re.compile(
    r"(?<!!)\[((?:[^\[\]\n]|\[[^\[\]\n]*\])+)\]\((https?://[^\s()<>]+)(?:\s+\"[^\"]*\")?\)"
)
_EMPHASIS = re.compile(r"[*_`]+")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*(?:\s|$)|\n")


@dataclass(frozen=True, slots=True)
class TextLink:
    """A hyperlink of the body: its words' offsets in the plain text, and its address."""

    start: int
    end: int
    url: str


def text_links(markdown: str, text: str) -> list[TextLink]:
    """The body's http(s) links, located in the plain text in reading order."""
    out: list[TextLink] = []
    cursor = 0
    for m in _LINK.finditer(markdown):
        words = " ".join(_EMPHASIS.sub("", m.group(1)).split())
        if not words:
            continue
        at = text.find(words, cursor)
        if at < 0:
            continue  # not in the body (a heading, a dropped block)
        out.append(TextLink(at, at + len(words), m.group(2)))
        cursor = at + len(words)
    return out


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the sentence(s) holding ``text[start:end]``."""
    lo = 0
    for m in _SENTENCE_END.finditer(text, 0, start):
        lo = m.end()
    stop = _SENTENCE_END.search(text, max(end - 1, start))
    hi = stop.end() if stop else len(text)
    return lo, hi


def origin_for(
    claim: Claim,
    text: str,
    links: list[TextLink],
    outlet_of_url: Callable[[str], str | None],
    publisher: str | None,
) -> str | None:
    """The claim's origin URL among ``links`` (see the module docstring), or None."""
    lo, hi = _sentence(text, claim.start, claim.end)
    if claim.source_span:
        lo, hi = min(lo, claim.source_span[0]), max(hi, claim.source_span[1])
    chain = {n.casefold() for n in claim.chain[1:]}
    if claim.outlet:
        chain.add(claim.outlet.casefold())
    best: tuple[int, str] | None = None
    for ln in links:
        if ln.end <= lo or ln.start >= hi:
            continue
        site = outlet_of_url(ln.url)
        if publisher and site and site.casefold() == publisher.casefold():
            continue  # the publisher's own pages: navigation, related stories
        words = text[ln.start : ln.end].casefold()
        score = 0
        if claim.source_span and ln.start < claim.source_span[1] and claim.source_span[0] < ln.end:
            score = 3  # the link is on the source's own words
        elif site and site.casefold() in chain:
            score = 2  # a page of the outlet it came through
        elif claim.cue and claim.cue.casefold() in words.split():
            score = 2  # "[said in an email to ...](...)"
        elif any(n and n in words for n in chain):
            score = 1
        if score and (best is None or score > best[0]):
            best = (score, ln.url)
    return best[1] if best else None


def set_origins(article: Article, outlet_of_url: Callable[[str], str | None]) -> None:
    """Fill ``origin_url`` of the article's claims from its Markdown's links."""
    if "](" not in article.markdown:
        return
    links = text_links(article.markdown, article.text)
    if not links:
        return
    for claim in article.claims:
        claim.origin_url = origin_for(claim, article.text, links, outlet_of_url, article.publisher)


def normalise_url(url: str) -> str:
    """An address as compared across articles: no scheme, "www.", fragment, query of
    tracking parameters or trailing slash; host lower-cased."""
    url = url.strip().split("#", 1)[0]
    url = re.sub(r"^https?://", "", url, flags=re.IGNORECASE)
    host, _, rest = url.partition("/")
    host = host.lower().removeprefix("www.")
    if "?" in rest:
        path, _, query = rest.partition("?")
        kept = [p for p in query.split("&") if p and not p.lower().startswith(("utm_", "fbclid"))]
        rest = path + ("?" + "&".join(kept) if kept else "")
    return f"{host}/{rest}".rstrip("/")
