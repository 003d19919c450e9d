"""Clean a scraped plain-text dump into an article: general rules, never tuned to one file.

Scrapers leave page chrome in the text: hit counters, comment widgets, share and
subscribe prompts, "originally published" credit lines, and the headlines of *other*
stories spliced between paragraphs. This module drops those, finds the article's own
headline, byline and date, and keeps every sentence of the real body, in order.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.ingest.identity import PageIdentity, origins_in, publisher_and_wire
from reader.model import Article

if TYPE_CHECKING:
    from reader.attribution import OutletRegistry

# Whole-line page chrome, matched case-insensitively against a stripped line.
_CHROME = re.compile(
    r"""^(?:
      (?:free\s+|web\s+|website\s+)?(?:hit|visitor|page\s*view)s?\s+counters?
    | (?:page\s*)?views?\s*:?\s*[\d,.]+ | [\d,.]+\s+(?:views|reads|shares)
    | comments?\s+(?:are|is)\s+(?:closed|disabled|off)\.? | comments?(?:\s*\(\d+\))?
    | [\d,.]+\s+comments? | (?:leave|post|add|write)\s+a\s+(?:comment|reply)\.?
    | (?:show|view|load|hide)\s+(?:all\s+)?(?:\d+\s+)?comments?
    | join\s+the\s+(?:conversation|discussion)
    | you\s+must\s+be\s+logged\s+in\s+to\s+post\s+a\s+comment\.?
    | (?:share|tweet|email|print|pin)(?:\s+(?:this|the)\s+(?:article|story|post|page))?
    | share\s+(?:this\s+)?(?:on|via)\s+\w+(?:\s+\w+)?
    | (?:share|tweet|email|print|facebook|twitter|whatsapp|linkedin|reddit|x)
      (?:\s*(?:[|/·•]\s*)?(?:share|tweet|email|print|facebook|twitter|whatsapp|linkedin|reddit|x))*
    | (?:click\s+here\s+to\s+)?subscribe(?:\s+(?:now|today|here))?[.!]?
    | subscribe\s+to\s+(?:our|the)\s+[\w\s]{0,40}?newsletters?[.!]?
    | sign\s+up\s+(?:for|to)\s+(?:our|the)\s+[\w\s]{0,40}?newsletters?[.!]?
    | follow\s+us\s+on\s+[\w\s,]{1,60}[.!]?
    | advertisement | sponsored(?:\s+content)? | story\s+continues\s+below(?:\s+advertisement)?
    | (?:read|see)\s+(?:more|also|next)(?:\s*:.*)?
    | related(?:\s+(?:articles?|stories|coverage|content))?\s*:?
    | recommended(?:\s+for\s+you)? | most\s+(?:read|popular|viewed) | trending(?:\s+now)?
    | (?:this\s+)?(?:article|story|post)\s+(?:was\s+)?(?:originally|first)\s+
      (?:published|appeared|posted)\b.{0,120}
    | originally\s+(?:published|appeared|posted)\s+(?:on|in|at|by|from)\b.{0,120}
    | (?:source|via)\s*:\s*\S.{0,60}
    | (?:additional\s+)?(?:reporting|writing)\s+by\s+[^.]{2,120}?
      (?:;\s*(?:editing|writing|additional\s+reporting)\s+by\s+[^.;]{2,120})*\.?
    | (?:edited|compiled)\s+by\s+[^.]{2,80}\.?
    | (?:photo|image|picture|video)\s+(?:credit|by|courtesy)\s*:?.{0,100}
    | copyright\s+©?.{0,100} | ©.{0,100} | all\s+rights\s+reserved\.?
    | back\s+to\s+top | skip\s+to\s+(?:main\s+)?content | menu | home | search
    | loading\.{0,3}|please\s+enable\s+javascript.{0,80}
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
_BYLINE = re.compile(
    r"^(?i:by|written\s+by|author:)\s+([A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,4}"
    r"(?:\s*(?:,|and|&)\s*[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,4})*)"
    r"(?:\s*[,|–—-]\s*.{0,80})?$"
)
_MONTHS = (
    "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    "sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_DATELINE = re.compile(
    r"^(?:(?:published|posted|updated|date)\s*(?:on|:)?\s*)?"
    r"(?:\w+day,?\s+)?"
    r"(?P<date>(?:"
    + _MONTHS
    + r")\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+(?:"
    + _MONTHS
    + r")\.?\s+\d{4}|\d{4}-\d{2}-\d{2})"
    r"(?:\s*(?:,|at)?\s*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?\.?$",
    re.IGNORECASE,
)
_END_CHARS = """.!?…:;"”’')]»"""
_END_PUNCT = re.compile(f"[{re.escape(_END_CHARS)}]$")
#: Page chrome is a short line: a paragraph longer than this is never chrome, so
#: soft-wrap joining need not re-match a paragraph as it grows.
_CHROME_MAX = 2000
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_SPACES = re.compile(r"[ \t\f\v]+")
_HEADLINE_MARKER = re.compile(
    r"(?::\s*(?:report|reports|sources|poll|study|watch|video)$|\breport(?:s)?\s+says?$"
    r"|^(?:watch|video|photos|live|breaking|exclusive|opinion)\s*:)",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
#: Sentence punctuation, then the quote marks or brackets that close it.
_SENTENCE_CLOSE = re.compile(r"""[.!?…][\s"”’')\]»]{1,4}$""")
_SUBHEADING_MAX_WORDS = 5
_TEASER_MAX_WORDS = 30


@dataclass
class _Block:
    text: str
    lines: int  # source lines joined into this block


def clean_text(raw: str, url: str | None = None, registry: OutletRegistry | None = None) -> Article:
    """Return the article in a scraped text dump; ``markdown`` and ``text`` hold the body.

    The publisher comes from ``url`` (where the text was fetched from, if known) or an
    "originally appeared on X" line, the wire from the byline, dateline and credit lines
    (read before they are dropped), both through ``registry`` (default: the bundled one).
    """
    every = _blocks(raw)
    blocks = [b for b in every if not _CHROME.match(b.text)]
    counts = Counter(b.text for b in blocks if b.lines == 1)

    first_body = next((i for i, b in enumerate(blocks) if _is_body(b.text)), len(blocks))
    title: str | None = None
    byline: str | None = None
    published: str | None = None
    header: list[str] = []  # lines above the body but the title: byline, credits
    for b in blocks[:first_body]:
        m = _BYLINE.match(b.text)
        d = _DATELINE.match(b.text)
        header.append(b.text)
        if m and byline is None:
            byline = m.group(1).strip()
        elif d and published is None:
            published = _iso_date(d.group("date"))
        elif title is None or len(b.text) > len(title):
            title = b.text  # the longest title-like line above the body; kickers are shorter
    start = first_body
    if title is None and blocks and _is_headline(blocks, 0):
        title, start = blocks[0].text.rstrip("."), 1

    body: list[str] = []  # markdown paragraphs
    plain: list[str] = []
    # body_after[i]: a body paragraph comes after block i (one reverse pass, not a scan
    # per line: scraped dumps can hold thousands of short lines)
    body_after = [False] * (len(blocks) + 1)
    for i in range(len(blocks) - 1, -1, -1):
        body_after[i] = body_after[i + 1] or _is_body(blocks[i].text)
    for i in range(start, len(blocks)):
        t = blocks[i].text
        if _is_body(t) or (plain and _closes_sentence(t)):
            body.append(_escape_md(t))
            plain.append(t)
            continue
        words = len(_WORD.findall(t))
        repeated = counts[t] > 1 or t == title
        between = body_after[i + 1]
        if repeated or _HEADLINE_MARKER.search(t) or not between:
            continue  # chrome after the article, or a headline seen twice
        if words > _SUBHEADING_MAX_WORDS:
            continue  # a spliced-in headline of another story
        body.append("## " + _escape_md(t))
        plain.append(t)
    # the body's blocks with the chrome dropped between them (credit lines among it)
    first = blocks[start] if start < len(blocks) else None
    at = next((i for i, b in enumerate(every) if b is first), len(every))
    publisher, wire = publisher_and_wire(
        PageIdentity(urls=[url] if url else [], origins=origins_in(b.text for b in every)),
        registry,
        [h for h in header if h != title],
        [b.text for b in every[at:]],
    )
    return Article(
        title=title,
        byline=byline,
        publisher=publisher,
        wire=wire,
        published=published,
        url=url,
        markdown="\n\n".join(body),
        text="\n\n".join(plain),
    )


def is_chrome(paragraph: str) -> bool:
    """Whether a whole paragraph is page chrome (shared with the Markdown cleaner)."""
    return bool(_CHROME.match(paragraph.strip().strip("*_").strip()))


def _blocks(raw: str) -> list[_Block]:
    """Split into paragraphs: blank-line separated, joining soft-wrapped lines.

    Linear in the input: a paragraph's lines are gathered and joined once, and the
    join test looks at the paragraph so far only through its length, its last line
    and (while it could still be) whether it is chrome, never by re-scanning it.
    """
    raw = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    out: list[_Block] = []
    for chunk in _PARAGRAPH_BREAK.split(raw):
        lines = [_SPACES.sub(" ", ln).strip() for ln in chunk.split("\n")]
        lines = [ln for ln in lines if ln]
        if not lines:
            continue
        parts = [lines[0]]
        size = len(lines[0])  # len(" ".join(parts))
        chrome = _is_chrome_line(lines[0])
        for ln in lines[1:]:
            if _soft_wrapped(parts[-1], size, chrome, ln):
                parts.append(ln)
                size += 1 + len(ln)
                # a longer paragraph is never chrome (see _CHROME_MAX)
                chrome = size <= _CHROME_MAX and _is_chrome_line(" ".join(parts))
            else:
                out.append(_Block(" ".join(parts), len(parts)))
                parts, size, chrome = [ln], len(ln), _is_chrome_line(ln)
        out.append(_Block(" ".join(parts), len(parts)))
    return out


def _is_chrome_line(t: str) -> bool:
    return len(t) <= _CHROME_MAX and bool(_CHROME.match(t))


def _soft_wrapped(last: str, size: int, chrome: bool, nxt: str) -> bool:
    """A line break inside a paragraph: the line does not end a sentence, or the next
    line starts in lower case. ``last`` is the paragraph's last line so far, ``size``
    the paragraph's length and ``chrome`` whether it is page chrome."""
    if chrome or _is_chrome_line(nxt):
        return False
    if nxt[:1].islower():
        return True
    return last[-1:] not in _END_CHARS and size >= 40


def _is_title_like(t: str) -> bool:
    """A short standalone line with no sentence-final punctuation."""
    if _END_PUNCT.search(t) and not t.endswith(("’", "'", ")")):
        return False
    words = _WORD.findall(t)
    return 1 <= len(words) <= _TEASER_MAX_WORDS and len(t) <= 220


def _closes_sentence(t: str) -> bool:
    """Whether a line ending in a closing quote or bracket ends a sentence: full stop
    first (`he said, ''the only place on earth.''`), and not title-cased as a headline
    is ("Trump Was 'Mocking' Clinton Camp.'")."""
    if not _SENTENCE_CLOSE.search(t):
        return False
    long_words = [w for w in _WORD.findall(t) if len(w) > 3]
    capped = sum(1 for w in long_words if w[0].isupper())
    return capped < 0.6 * len(long_words)


def _is_headline(blocks: list[_Block], i: int) -> bool:
    """A first paragraph that ends in a full stop is still the headline when it is one
    short title-cased sentence followed by longer paragraphs."""
    t = blocks[i].text
    words = _WORD.findall(t)
    if not 3 <= len(words) <= 25 or len(blocks) < 2 or ". " in t:
        return False
    long_words = [w for w in words if len(w) > 3]
    capped = sum(1 for w in long_words if w[0].isupper())
    longer_after = len(t) < max(len(b.text) for b in blocks[i + 1 : i + 4])
    return longer_after and bool(long_words) and capped >= 0.6 * len(long_words)


def _is_body(t: str) -> bool:
    return not _is_title_like(t)


def _escape_md(t: str) -> str:
    """Keep scraped text literal under Markdown: escape markers that would become markup."""
    t = re.sub(r"([\\`*_\[\]<>])", r"\\\1", t)
    t = re.sub(r"^(#{1,6}\s|[-+]\s|\d+[.)]\s|=+$|-{3,}$)", r"\\\1", t)
    return t


def _iso_date(s: str) -> str | None:
    from datetime import datetime

    s = re.sub(r"[.,]", " ", s)
    s = re.sub(r"\s+", " ", s).strip()
    for fmt in ("%B %d %Y", "%b %d %Y", "%d %B %Y", "%d %b %Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(s, fmt).date().isoformat()
        except ValueError:
            continue
    if s.lower().startswith("sept"):
        return _iso_date("Sep" + s[4:])
    return None
