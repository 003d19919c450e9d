"""Turn a Markdown article into an Article: front matter for metadata, the first
top-level heading as title, and plain text rendered through python-markdown."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import markdown as md
from lxml import html as lxml_html

from reader.ingest.clean_text import is_chrome
from reader.ingest.identity import PageIdentity, publisher_and_wire
from reader.model import Article

if TYPE_CHECKING:
    from reader.attribution import OutletRegistry

_FRONT = re.compile(r"\A---\s*\n(.*?)\n(?:---|\.\.\.)\s*\n", re.DOTALL)
_H1 = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.MULTILINE)
_BLOCKS = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td", "th", "dt", "dd",
}  # fmt: skip


def clean_markdown(
    src: str, url: str | None = None, registry: OutletRegistry | None = None
) -> Article:
    """Article from Markdown; ``text`` keeps one paragraph per block element.

    The front matter's ``url``/``source`` (or ``url``, where the file was fetched from)
    and ``publisher``/``site`` give the publisher, resolved like a web page's identity;
    the byline, dateline and credit lines (read before they are dropped) give the wire.
    """
    src = src.replace("\r\n", "\n").lstrip("\ufeff")
    meta: dict[str, str] = {}
    m = _FRONT.match(src)
    if m:
        for line in m.group(1).splitlines():
            k, sep, v = line.partition(":")
            if sep:
                meta[k.strip().lower()] = v.strip().strip("\"'")
        src = src[m.end() :]
    title = meta.get("title")
    h1 = _H1.search(src)
    if h1 and not src[: h1.start()].strip():
        title = title or h1.group(1).strip()
        src = src[h1.end() :].lstrip("\n")
    # whole-paragraph chrome (credit lines, share prompts) goes, as in scraped text
    paragraphs = re.split(r"\n\s*\n", src.strip())
    body = "\n\n".join(p for p in paragraphs if not is_chrome(p))
    byline = meta.get("author") or meta.get("byline")
    page_url = meta.get("url") or meta.get("source")
    site = [n for n in (meta.get("publisher"), meta.get("site")) if n]
    identity = PageIdentity(
        urls=[u for u in (page_url, url) if u and re.match(r"^https?://", u, re.I)],
        site_names=site,
    )
    publisher, wire = publisher_and_wire(
        identity, registry, [byline], [_MD_MARKUP.sub("", p).strip() for p in paragraphs]
    )
    return Article(
        title=title,
        byline=byline,
        publisher=publisher,
        wire=wire,
        published=_date(meta.get("date") or meta.get("published")),
        url=page_url or url,
        markdown=body,
        text=markdown_to_text(body),
    )


#: Markdown emphasis and block markers, stripped before credit lines are read.
_MD_MARKUP = re.compile(r"^(?:>\s*|#{1,6}\s+)+|[*_`]+|\\(?=[^\w\s])", re.MULTILINE)


def markdown_to_text(body: str) -> str:
    """Plain text of rendered Markdown, one paragraph per block, blank-line separated."""
    if not body.strip():
        return ""
    rendered = md.markdown(body, extensions=["extra"], output_format="html")
    root = lxml_html.fragment_fromstring(rendered, create_parent="div")
    for bad in root.xpath("//script|//style|//template|//noscript|//iframe"):
        bad.drop_tree()
    paras: list[str] = []
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag not in _BLOCKS:
            continue
        if any(isinstance(c.tag, str) and c.tag in _BLOCKS for c in el.iterdescendants()):
            continue  # the innermost block carries the text
        t = re.sub(r"\s+", " ", el.text_content()).strip()
        if t:
            paras.append(t)
    return "\n\n".join(paras)


def _date(s: str | None) -> str | None:
    if not s:
        return None
    m = re.match(r"(\d{4}-\d{2}-\d{2})", s)
    return m.group(1) if m else None
