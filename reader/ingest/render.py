"""Markdown to safe HTML for the reader window (Qt-free, so it can be tested alone).

The article view shows the cleaned Markdown rendered by python-markdown, then
passed through nh3 with a short allow-list: text structure and links survive;
scripts, styles, iframes, forms, event handlers and images do not. Images are
dropped rather than neutralised because any image URL is a request the reader
could be tricked into making (a tracking pixel), and the plain text the claims
point into has no image text either.
"""

from __future__ import annotations

import html
from urllib.parse import urlsplit

import nh3

from reader.describe import publisher_line
from reader.model import Article

#: Tags that survive sanitising: structure, emphasis, code, tables, links.
ALLOWED_TAGS = frozenset(
    {
        "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
        "ul", "ol", "li", "dl", "dt", "dd", "pre", "code", "kbd", "samp",
        "em", "strong", "b", "i", "u", "s", "del", "ins", "sub", "sup", "small", "abbr",
        "q", "cite", "mark", "a", "table", "thead", "tbody", "tfoot", "tr", "th", "td",
        "caption", "div", "span",
    }
)  # fmt: skip
#: Attributes kept, per tag. No ``style``/``class``: the view's own style applies.
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "th": {"colspan", "rowspan", "align"},
    "td": {"colspan", "rowspan", "align"},
    "ol": {"start"},
}
#: Link schemes kept; anything else (javascript:, data:, file:, relative) loses its href.
URL_SCHEMES = frozenset({"http", "https", "mailto"})
#: Elements removed together with their content.
_DROP_WITH_CONTENT = frozenset(
    {"script", "style", "iframe", "object", "embed", "template", "noscript", "svg", "math",
     "form", "select", "textarea", "button", "video", "audio", "canvas", "title", "head"}
)  # fmt: skip


def safe_href(url: str) -> bool:
    """True for an absolute http(s) address with a host, or a mailto: address.

    Everything else is refused, relative and protocol-relative references too
    (``/etc/passwd``, ``//evil.example/x``, ``foo.desktop``): the desktop would
    resolve them against a local folder or hand them to a file handler.
    """
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    scheme = parts.scheme.lower()
    if scheme in ("http", "https"):
        return bool(parts.hostname)
    return scheme == "mailto" and bool(parts.path.strip())


def _filter_attribute(tag: str, attribute: str, value: str) -> str | None:
    """nh3 hook: an ``href`` that is not :func:`safe_href` is dropped (text stays)."""
    if attribute == "href" and not safe_href(value):
        return None
    return value


def sanitize_html(fragment: str) -> str:
    """Strip ``fragment`` to the allow-list; links keep only absolute http(s)/mailto
    targets (a link with any other target keeps its text, without the href)."""
    return nh3.clean(
        fragment,
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(_DROP_WITH_CONTENT),
        attributes={k: set(v) for k, v in ALLOWED_ATTRIBUTES.items()},
        attribute_filter=_filter_attribute,
        url_schemes=set(URL_SCHEMES),
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )


def markdown_to_html(body: str) -> str:
    """Render Markdown like the cleaner does (``extra``), then sanitise it."""
    if not body.strip():
        return ""
    import markdown as md  # type: ignore[import-untyped, unused-ignore]  # on first use

    rendered = md.markdown(body, extensions=["extra"], output_format="html")
    return sanitize_html(rendered)


def header_html(article: Article) -> str:
    """The title and a meta line (byline · publisher via wire · date), escaped; always
    two blocks."""
    title = html.escape(article.title or "(untitled)")
    meta = " · ".join(
        html.escape(x) for x in (article.byline, publisher_line(article), article.published) if x
    )
    return f"<h1>{title}</h1>\n<p class='meta'>{meta or '&nbsp;'}</p>\n"


#: Number of text blocks :func:`header_html` produces before the body starts.
HEADER_BLOCKS = 2


def article_html(article: Article) -> str:
    """Header then the sanitised body: the full HTML the article view shows."""
    if article.markdown.strip():
        body = markdown_to_html(article.markdown)
    else:  # no Markdown kept: show the plain paragraphs, escaped
        body = "".join(f"<p>{html.escape(p)}</p>\n" for p in article.text.split("\n\n"))
    return header_html(article) + body
