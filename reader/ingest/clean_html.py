"""Turn a web page into an :class:`~reader.model.Article`: metadata, Markdown and plain text.

trafilatura finds the article body and the metadata in ONE pass (``bare_extraction``);
the body tree it returns is then trimmed by the generic rules in
:mod:`reader.ingest.body_rules` and rendered twice, to Markdown and to plain text, so the
costly extraction never runs twice. Markdown keeps only allow-listed inline HTML
(cleaned with nh3) and http(s)/mailto links. Bad input never raises: a page without
an article, or one that breaks the parser, yields an Article with empty text.
"""

from __future__ import annotations

import logging
import re
from copy import deepcopy
from typing import TYPE_CHECKING, Any

from reader.ingest.identity import PageIdentity, page_identity, publisher_and_wire
from reader.model import Article

if TYPE_CHECKING:
    from reader.attribution import OutletRegistry

LOG = logging.getLogger(__name__)

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_BLANK_RUNS = re.compile(r"\n{3,}")
# inline HTML trafilatura's Markdown uses for what Markdown has no syntax for
_SAFE_INLINE_TAG = re.compile(r"</?(?:sub|sup|u)>")
# a tag-like run, with the backslashes in front of it (an odd count escapes the "<")
_TAG_LIKE = re.compile(r"(\\*)(<[^<>]*>?)")
_LINK_SCHEMES = ("http://", "https://", "mailto:")


def clean_html(
    html: str, url: str | None = None, registry: OutletRegistry | None = None
) -> Article:
    """Extract the article of ``html`` (fetched from ``url``, if known).

    The publisher and wire are resolved through ``registry`` (default: the bundled
    outlet registry). Never raises on bad HTML: empty ``text`` means no article was found.
    """
    try:
        return _clean(html, url, registry)
    except (RecursionError, MemoryError, ValueError, TypeError, AttributeError, LookupError) as exc:
        # lxml and trafilatura fail in these ways on pathological pages (deep nesting,
        # broken encodings, truncated markup); a page we cannot read has no article.
        LOG.warning("HTML extraction failed for %s: %s", url or "<input>", exc)
        return Article(url=url)
    except Exception as exc:  # lxml's own errors (XMLSyntaxError, ParserError...)
        if type(exc).__module__.startswith("lxml"):
            LOG.warning("HTML parsing failed for %s: %s", url or "<input>", exc)
            return Article(url=url)
        raise


def _clean(html: str, url: str | None, registry: OutletRegistry | None) -> Article:
    from trafilatura.utils import load_html  # heavy: imported only when HTML is cleaned

    if not html or not html.strip():
        return Article(url=url)
    tree = load_html(html)
    if tree is None:
        return Article(url=url)
    article, identity = page_metadata(tree, url)
    blocks = _extract_body(tree, article, url)
    # after the body: a syndicated page's original outlet can be in its credits
    article.publisher, article.wire = publisher_and_wire(
        identity, registry, [article.byline], blocks
    )
    return article


def _extract_body(tree: Any, article: Article, url: str | None) -> list[str]:
    """Fill ``article``'s text and Markdown from the page's article body.

    Returns the body's blocks as trafilatura extracted them, before the rules drop
    furniture: the credit lines among it name the wire.
    """
    import trafilatura

    from reader.ingest import body_rules

    body_rules.prepare_tree(tree)
    doc = trafilatura.bare_extraction(
        tree,
        # no URL: trafilatura would resolve every link of the page (slow); only the
        # links kept in the body are resolved, below
        url=None,
        include_comments=False,
        with_metadata=False,  # page_metadata() above: the same fields, minus costly extras
        include_formatting=True,
        include_links=True,
        include_tables=True,
        # "markdown" skips the text rendering bare_extraction does for "python";
        # both renderings are made below from the one body tree
        output_format="markdown",
    )
    body = getattr(doc, "body", None)
    if body is None:
        return []
    limit = body_rules.CREDIT_SCAN_CHARS
    blocks = [body_rules.block_text(el, limit) for el in body.iter(*body_rules.BLOCK_TAGS)]
    body_rules.apply(body, title=article.title)
    resolve_links(body, url or article.url)
    text = render_text(body)
    if looks_like_article(text):
        article.text = text
        article.markdown = render_markdown(body)  # last: it marks up the tree in place
    return blocks


#: A block this long (in words or characters) is prose; so is a shorter one that ends
#: like a sentence.
PROSE_WORDS, PROSE_CHARS, SENTENCE_WORDS = 10, 80, 5
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\u0e00-\u0e7f]")
_SENTENCE_END = re.compile(r"[.!?。！？…][\"'”’»)\]]*$")


def looks_like_article(text: str) -> bool:
    """Whether extracted text reads as prose rather than menu or form labels.

    trafilatura falls back to the page's whole text when it finds no article; on a
    login page or a link hub that is a list of labels, none of them a sentence.
    """
    for block in text.split("\n\n"):
        # scripts written without spaces: about two characters a word
        words = len(block.split()) + len(_UNSPACED.findall(block)) // 2
        if words >= PROSE_WORDS or len(block) >= PROSE_CHARS:
            return True
        if words >= SENTENCE_WORDS and _SENTENCE_END.search(block):
            return True
    return False


def page_metadata(tree: Any, url: str | None) -> tuple[Article, PageIdentity]:
    """Title, byline, date and canonical URL of a parsed page (no body), and the
    page's identity hints (:mod:`reader.ingest.identity`) its publisher is resolved from.

    trafilatura's ``extract_metadata`` minus what we do not use (categories, tags,
    licence) and minus htmldate's free-text date search, which loads dateparser (about
    half a second once, then slow scans); markup dates (meta tags, JSON-LD, <time>,
    the URL) give the publication date of news pages.
    """
    from datetime import date

    from htmldate import find_date
    from trafilatura import metadata as tm

    meta = tm.examine_meta(tree)
    if meta.author and " " not in meta.author:
        meta.author = None  # a one-word "author" is a handle or a site, not a byline
    try:
        meta = tm.extract_meta_json(tree, meta)
    except Exception as exc:  # trafilatura's JSON-LD reader trips on odd JSON; keep the rest
        LOG.debug("JSON-LD metadata skipped: %s", exc)
    if not meta.title:
        meta.title = tm.extract_title(tree)
    if not meta.author:
        meta.author = find_byline(tree)
    if not meta.url:
        meta.url = tm.extract_url(tree, url)
    published = find_date(
        tree,
        url=meta.url,
        original_date=True,
        extensive_search=False,
        max_date=date.today().isoformat(),
    )
    article = Article(
        title=_clean_str(meta.title),
        byline=_clean_str(meta.author),
        published=published[:10] if published and _ISO_DATE.match(published) else None,
        url=_clean_str(meta.url) or url,
    )
    return article, page_identity(tree, url)


_BYLINE_XPATH = (
    "//*[@rel='author' or @itemprop='author']"
    " | //*[@class][contains(@class, 'uthor') or contains(@class, 'yline')]"  # [Aa]uthor, [Bb]yline
)
_NOT_BYLINE_TAGS = frozenset(("meta", "link", "script", "style", "body", "html", "head"))
# where a byline element runs on into its dateline: "Jane Doe Nov. 19, 2019", "... Published"
_BYLINE_TAIL = re.compile(
    r"\s+(?:(?:published|updated|posted|on|am|pm)\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct"
    r"|nov|dec)[a-z]*\.?\s+\d|(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\d).*$",
    re.IGNORECASE,
)
_BY = re.compile(r"^(?:by|von|par|por|di|door)\s+", re.IGNORECASE)


def find_byline(tree: Any) -> str | None:
    """The author named in the page's byline markup, for pages without author metadata.

    A cheaper stand-in for trafilatura's ``extract_author`` (which copies and prunes
    the whole page, and runs regular expressions over every element): one XPath with
    plain attribute tests, first short text wins, dateline run-ons cut off.
    """
    from trafilatura.metadata import normalize_authors

    for el in tree.xpath(_BYLINE_XPATH):
        if el.tag in _NOT_BYLINE_TAGS:
            continue
        text = " ".join(" ".join(el.itertext()).split())
        text = _BY.sub("", _BYLINE_TAIL.sub("", text)).strip(" ,;|-–—")
        if 2 < len(text) < 100:
            return normalize_authors(None, text)
    return None


def resolve_links(body: Any, base: str | None) -> None:
    """Make the body's link targets absolute against ``base`` (the page URL)."""
    if not base:
        return
    from urllib.parse import urljoin

    for ref in body.iter("ref"):
        target = (ref.get("target") or "").strip()
        if target and not target.lower().startswith(_LINK_SCHEMES):
            try:
                ref.set("target", urljoin(base, target))
            except ValueError:  # malformed URL (bad IPv6 literal, ...): left to drop_unsafe_links
                continue


def _clean_str(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def render_text(body: Any) -> str:
    """Plain text of a trafilatura body tree: one paragraph a line-block, "\\n\\n" between."""
    from lxml.etree import strip_tags
    from trafilatura.xml import xmltotxt

    plain = deepcopy(body)
    strip_tags(plain, "ref", "hi")  # xmltotxt renders links as Markdown even in text mode
    raw = xmltotxt(plain, False)
    lines = (" ".join(line.split()) for line in raw.splitlines())
    return "\n\n".join(line for line in lines if line)


def render_markdown(body: Any) -> str:
    """Markdown of a trafilatura body tree, with unsafe links and HTML removed.

    Changes ``body`` in place (links unwrapped, quote markers added).
    """
    from trafilatura.xml import xmltotxt

    drop_unsafe_links(body)
    mark_quotes(body)
    md = xmltotxt(body, True)
    md = _QUOTED.sub(_blockquote, md).replace(_Q_OPEN, "").replace(_Q_CLOSE, "")
    md = "\n".join(line.rstrip() for line in md.splitlines())
    md = _BLANK_RUNS.sub("\n\n", md).strip()
    return sanitize_markdown(md)


# markers around quotes (trafilatura's Markdown has no blockquote syntax; it drops
# private-use characters, so these are rare printable brackets)
_Q_OPEN, _Q_CLOSE = "\u2045\u2045q\u2046", "\u2045q\u2046\u2046"
_QUOTED = re.compile(f"{_Q_OPEN}(.*?){_Q_CLOSE}", re.DOTALL)


def mark_quotes(body: Any) -> None:
    """Wrap the text of each outermost ``quote`` in markers for :func:`_blockquote`."""
    for quote in body.iter("quote"):
        if any(a.tag == "quote" for a in quote.iterancestors()):
            continue
        quote.text = _Q_OPEN + (quote.text or "")
        if len(quote):
            quote[-1].tail = (quote[-1].tail or "") + _Q_CLOSE
        else:
            quote.text += _Q_CLOSE


def _blockquote(m: re.Match[str]) -> str:
    """Prefix a quoted run's lines with "> " so it renders as a blockquote."""
    lines = [line.rstrip() for line in m[1].strip().splitlines()]
    quoted = "\n".join(f"> {line}" if line else ">" for line in lines)
    return f"\n\n{quoted}\n\n"


def drop_unsafe_links(body: Any) -> None:
    """Unwrap links whose target is not http(s)/mailto (``javascript:``, ``data:``, ...)."""
    from lxml.etree import strip_tags

    bad = False
    for ref in body.iter("ref"):
        target = (ref.get("target") or "").strip()
        if not target.lower().startswith(_LINK_SCHEMES):
            ref.tag = "unsafe-ref"
            bad = True
    if bad:
        strip_tags(body, "unsafe-ref")


def sanitize_markdown(md: str) -> str:
    """Pass every raw-HTML run in ``md`` through nh3; keep only <sub>, <sup>, <u>.

    Escaped brackets (``\\<``) are literal text in Markdown and stay as they are.
    """
    import nh3

    def fix(m: re.Match[str]) -> str:
        slashes, tag = m[1], m[2]
        if len(slashes) % 2 or _SAFE_INLINE_TAG.fullmatch(tag):
            return m[0]
        return slashes + nh3.clean(tag, tags=set(), attributes={})

    return _TAG_LIKE.sub(fix, md)
