"""Generic clean-up rules around trafilatura's extraction of an article body.

``prepare_tree`` adjusts the parsed page before extraction; ``apply`` trims the body
tree trafilatura returns (its XML: ``p``, ``head``, ``list``/``item``, ``quote``,
``ref`` for links, ``hi`` for emphasis). Every rule is generic (no site names): it
targets a kind of page furniture that survives extraction on many news sites, such as
the repeated headline, "Read more:" teasers, newsletter and follow prompts, comment
counters, reading-time badges, copyright and wire-credit lines.

Rules are named so they can be switched off one by one (``disabled``) to measure them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator
from typing import Any

Element = Any  # an lxml element; lxml ships no usable stubs for its XML API

#: Block-level elements of trafilatura's body tree that rules look at.
BLOCK_TAGS = ("p", "head", "item", "quote")

_WORD = re.compile(r"\w+")
#: Longer blocks are article text: no rule below looks at them.
_MAX_FURNITURE_CHARS = 600
#: Blocks are read this far (normalised) by those looking for credit lines before the
#: rules drop them (reader.ingest.wire): a credit line is shorter.
CREDIT_SCAN_CHARS = 300
_URLISH = re.compile(r"^\S+[./@]\S+$")


def _words(text: str) -> int:
    """Word count (whitespace-separated; cheap, for length limits)."""
    return len(text.split())


def _norm(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def block_text(el: Element, limit: int = 0) -> str:
    """The whitespace-normalised text of an element and its descendants.

    With ``limit``, text longer than twice the limit comes back un-normalised (the
    caller only needs to know it is long).
    """
    raw = "".join(el.itertext())
    if limit and len(raw) > 2 * limit:
        return raw
    return " ".join(raw.split())


def link_density(el: Element, text: str | None = None) -> float:
    """Share of the element's text that sits inside links (``ref``)."""
    text = block_text(el) if text is None else text
    if not text:
        return 0.0
    linked = sum(len(block_text(ref)) for ref in el.iter("ref"))
    return min(1.0, linked / len(text))


def emphasis_density(el: Element, text: str) -> float:
    """Share of the element's text in bold/italic (``hi``), outermost ``hi`` only."""
    if not text:
        return 0.0
    outermost = (hi for hi in el.iter("hi") if getattr(hi.getparent(), "tag", None) != "hi")
    marked = sum(len(block_text(hi)) for hi in outermost)
    return min(1.0, marked / len(text))


def drop(el: Element) -> None:
    """Remove an element but keep its tail text in the tree."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail and tail.strip():
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


# --- before extraction ------------------------------------------------------------

_EMBED_QUOTES = (
    "//blockquote[contains(@class, 'twitter-tweet') or contains(@class, 'instagram-media')"
    " or contains(@class, 'tiktok-embed')]"
)


_WIDGET_NAME = re.compile(r"social|embed|share|tweet|twitter|instagram", re.IGNORECASE)


#: Pop-ups inside a paragraph (a person's hover card with photo and latest stories):
#: shown on hover, never part of the sentence they sit in.
_POPUPS = (
    "//p//*[self::span or self::div][re:test(concat(@class, ' ', @id),"
    " '(^|[-_ ])(rollover|hovercard|hover-card|popover|popup|tooltip)([-_ ]|$)', 'i')]"
    "[.//img or count(.//a) >= 2]"
)
_REGEXP_NS = {"re": "http://exslt.org/regular-expressions"}


def drop_popups(tree: Element) -> None:
    """Remove hover cards from inside paragraphs: "threatened to kill Rep. Ilhan Omar"
    must not read "... Rep. Ilhan OmarIlhan OmarHillicon Valley: ..." (the card's
    name, then its list of stories, glued into the sentence)."""
    found = tree.xpath(_POPUPS, namespaces=_REGEXP_NS)
    inner = set(found)
    for el in found:  # the innermost: an outer match also holds the name the card is on
        if not any(other in inner for other in el.iterdescendants()):
            drop(el)


def prepare_tree(tree: Element) -> None:
    """Make embedded social posts (tweets) look like the quotes they are, and take
    pop-ups out of paragraphs (:func:`drop_popups`).

    A tweet blockquote is mostly links (handles, hashtags, the date) and sits in a
    wrapper named like a share widget, so trafilatura deletes it although its text is
    part of the story (it is what the story quotes). Unwrapping its links, dropping its
    widget class and lifting it out of such wrappers keeps it.
    """
    from lxml.etree import strip_tags

    drop_popups(tree)
    for quote in tree.xpath(_EMBED_QUOTES):
        strip_tags(quote, "a")
        for attr in ("class", "id"):  # "twitter-tweet" reads as a share widget
            quote.attrib.pop(attr, None)
        # lift it out of wrappers named like share/embed widgets, which are pruned whole
        own = len(quote.text_content().strip())
        for _ in range(3):
            parent = quote.getparent()
            grand = parent.getparent() if parent is not None else None
            if grand is None or not _WIDGET_NAME.search(
                f"{parent.get('class', '')} {parent.get('id', '')}"
            ):
                break
            if len(parent.text_content().strip()) > own + 40:
                break  # the wrapper holds more than the post
            quote.tail = parent.tail
            grand.replace(parent, quote)


# --- after extraction -------------------------------------------------------------


def _leading_blocks(body: Element) -> list[Element]:
    """Top-level blocks at the start of the body (descending through wrapper divs)."""
    container = body
    while len(container) and container[0].tag == "div" and not (container.text or "").strip():
        container = container[0]
    return list(container)


def drop_headline(body: Element, title: str | None) -> None:
    """Drop the article's own headline and standfirst headings at the top of the body.

    The page title is metadata, not body text; so are headings stacked above the first
    paragraph (subtitle, dek) and short kicker lines ("Review", a reading time) just
    above an ``h1`` or a heading equal to the title.
    """
    blocks = []
    for b in _leading_blocks(body):
        if block_text(b, 400):
            blocks.append(b)
            if len(blocks) == 6:
                break
    ntitle = _norm(title or "")
    cut = -1
    for k, el in enumerate(blocks[:4]):
        if el.tag != "head":
            continue
        is_title = el.get("rend") == "h1" or (ntitle and _norm(block_text(el)) == ntitle)
        if is_title and all(_words(block_text(b)) <= 8 for b in blocks[:k]):
            cut = k
            break
    k = cut + 1
    while k < len(blocks) and blocks[k].tag == "head":
        k += 1
    for el in blocks[:k]:
        drop(el)


_LABEL = re.compile(
    r"^(?:you (?:may|might) (?:also )?(?:like|enjoy)|related(?: \w+)?"
    r"|more(?: (?:from|on|in|about) .{1,40}| stories| news| coverage| to read| reading)?"
    r"|read (?:more|next|also)|see (?:more|also)|also read"
    r"|don'?t miss|must read|recommended(?: \w+){0,2}|most (?:read|popular|viewed|shared)(?: \w+)?"
    r"|popular(?: on .{1,40}| now| stories)?|trending(?: now| stories)?|further reading|top stories"
    r"|latest (?:news|stories)|what to read next|watch next|editor'?s picks)\W*$",
    re.IGNORECASE,
)
_PREFIX_TEASER = re.compile(
    r"^\W*(?:related(?: \w+)?|read (?:more|next|also)|see (?:more|also)|also (?:read|see|on \S+)"
    r"|also|more|watch|listen|don'?t miss|recommended|trending|must read)\b\s*[:|\-–—]?",
    re.IGNORECASE,
)
_PROMO = re.compile(
    r"(?:sign(?:ing)? up|subscribe|register)\b.{0,80}\b(?:newsletter|e-?mail|inbox|updates)"
    r"|newsletters?\b.{0,60}\b(?:sign up|subscribe)"
    r"|\bfollow (?:us|him|her|them|[\w@.'’]+(?: [\w@.'’]+){0,5})"
    r" on (?:twitter|facebook|instagram|youtube|tiktok|linkedin)"
    r"|\bclick here (?:to (?:subscribe|sign up|get|download|join|follow)|for more)"
    r"|\bby clicking here\b"
    r"|\bshare (?:it|this(?: story| article| post)?) with (?:a friend|your friends)"
    r"|\blike this (?:story|article|post)\?"
    r"|\b(?:download|get) (?:our|the) [\w ]{1,40}\bapp\b"
    r"|\bget access to\b.{0,80}\bsubscription",
    re.IGNORECASE,
)
_COUNTER = re.compile(
    r"^(?:\d+\s+)?(?:comments?|responses?|replies)(?:\s*\(\d+\))?$"
    r"|^(?:leave|post|add|view|show|load) (?:a |all |the )?(?:\d+ )?(?:comments?|reply|replies)$"
    r"|^(?:advertisement|advertising|sponsored(?: content)?|ad"
    r"|story continues below(?: advertisement)?"
    r"|continue reading(?: (?:below|the main story))?|scroll to continue with content"
    r"|tell us what you think|have your say|join the (?:conversation|discussion))\W*$",
    re.IGNORECASE,
)
_READING_TIME = re.compile(
    r"^(?:(?:estimated )?reading time|read time|tempo de leitura|tiempo de lectura|temps de lecture"
    r"|lesezeit|tempo di lettura)\W*(?:about |approx\.? )?\d+\s*\w+$"
    r"|^\d+\s*(?:min|mins|minutes?)\.?\s+read$",
    re.IGNORECASE,
)
_TAGLINE = re.compile(
    r"^(?:filed under|tags?|tagged(?: with)?|categories|category|topics?)\s*:", re.IGNORECASE
)
_COPYRIGHT = re.compile(r"^(?:copyright\b|(?:©|ⓒ|\(c\)).*(?:\b\d{4}\b|rights reserved))", re.I)
_CREDIT = re.compile(
    r"^\(?(?:reporting|additional reporting|writing|editing|compiled) by\b"
    r"|^[\w .,'’-]{3,80}\bcontributed (?:reporting|to this (?:report|story|article))\b"
    r"|^(?:source|sources)\s*:\s*[\w .,&'’-]{2,60}$",
    re.IGNORECASE,
)
_TIMESTAMP = re.compile(
    r"^(?:updated|last updated|published|posted|first published)(?: (?:at|on))?\s*:?\s*"
    r"[\w ,.:/-]{0,40}\d[\w ,.:/-]{0,40}$",
    re.IGNORECASE,
)


#: Words that every promo pattern needs; a block without any skips the regex.
_PROMO_HINTS = (
    "sign",
    "subscri",
    "regist",
    "newsletter",
    "follow",
    "click",
    "share",
    "like this",
    "app",
    "get access",
)


def is_furniture(el: Element, text: str | None = None) -> bool:
    """Whether a block is page furniture (prompts, counters, credits), not article text."""
    text = block_text(el) if text is None else text
    if not text or len(text) > _MAX_FURNITURE_CHARS:
        return False
    words = _words(text)
    if words <= 12 and (
        _COUNTER.match(text) or _READING_TIME.match(text) or _TIMESTAMP.match(text)
    ):
        return True
    if words <= 30 and (_TAGLINE.match(text) or _COPYRIGHT.match(text)):
        return True
    if words <= 60 and _CREDIT.match(text):
        return True
    if words > 50:
        return False
    low = text.lower()
    return any(h in low for h in _PROMO_HINTS) and bool(_PROMO.search(text))


def is_teaser(el: Element, text: str | None = None) -> bool:
    """Whether a block links to another story: "Read more: ...", a shouted link line."""
    text = (block_text(el) if text is None else text).strip("[]() ")
    if len(text) > _MAX_FURNITURE_CHARS:
        return False
    words = _words(text)
    if not words or words > 30:
        return False
    if _PREFIX_TEASER.match(text) and not _LABEL.match(text):
        # "Read more: <link>", or a bold "Related: <headline>" whose link was lost
        return link_density(el, text) >= 0.4 or emphasis_density(el, text) >= 0.9
    # a paragraph that is one link in capitals: a cross-promotion headline
    return words >= 7 and text.isupper() and link_density(el, text) >= 0.9


def _short_link_block(el: Element) -> bool:
    text = block_text(el)
    words = _words(text)
    if el.tag == "list":
        items = [i for i in el.iter("item") if block_text(i)]
        return bool(items) and all(_short_link_block(i) for i in items)
    return 0 < words <= 25 and link_density(el, text) >= 0.6 and not _URLISH.match(text)


def drop_related_blocks(body: Element) -> None:
    """Drop "You may also like" / "Related" labels and the link lists that follow them."""
    for el in list(body.iter("p", "head")):
        if el.getparent() is None:
            continue
        text = block_text(el, 80)
        if not text or len(text) > 80 or not _LABEL.match(text):
            continue
        nxt = el.getnext()
        drop(el)
        while nxt is not None and _short_link_block(nxt):
            after = nxt.getnext()
            drop(nxt)
            nxt = after


def _blocks(body: Element) -> Iterator[Element]:
    return (el for el in body.iter(*BLOCK_TAGS))


def drop_furniture(body: Element) -> None:
    """Drop prompt, counter, credit and teaser blocks anywhere in the body."""
    for el in list(_blocks(body)):
        if el.getparent() is None:
            continue
        text = block_text(el, _MAX_FURNITURE_CHARS)
        if is_furniture(el, text) or is_teaser(el, text):
            drop(el)


def drop_empty_lists(body: Element) -> None:
    """Drop lists left without any text once their items were removed."""
    for el in list(body.iter("list")):
        if el.getparent() is not None and not block_text(el):
            drop(el)


RULES: dict[str, Callable[[Element, str | None], None]] = {
    "headline": drop_headline,
    "related": lambda body, _title: drop_related_blocks(body),
    "furniture": lambda body, _title: drop_furniture(body),
    "empty-lists": lambda body, _title: drop_empty_lists(body),
}


def apply(body: Element, title: str | None = None, disabled: Collection[str] = ()) -> None:
    """Run every post-extraction rule (except ``disabled`` ones) on ``body`` in place."""
    for name, rule in RULES.items():
        if name not in disabled:
            rule(body, title)
