"""Turn a Markdown article into an Article: front matter for metadata, the first
top-level heading as title, and plain text rendered through python-markdown."""

from __future__ import annotations

import re

import markdown as md
from lxml import html as lxml_html

from reader.ingest.clean_text import is_chrome
from reader.model import Article

_FRONT = re.compile(r"\A---\s*\n(.*?)\n(?:---|\.\.\.)\s*\n", re.DOTALL)
_H1 = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.MULTILINE)
_BLOCKS = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td", "th", "dt", "dd",
}  # fmt: skip


def clean_markdown(src: str) -> Article:
    """Article from Markdown; ``text`` keeps one paragraph per block element."""
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
    body = "\n\n".join(p for p in re.split(r"\n\s*\n", src.strip()) if not is_chrome(p))
    return Article(
        title=title,
        byline=meta.get("author") or meta.get("byline"),
        publisher=meta.get("publisher") or meta.get("site"),
        published=_date(meta.get("date") or meta.get("published")),
        url=meta.get("url") or meta.get("source"),
        markdown=body,
        text=markdown_to_text(body),
    )


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
