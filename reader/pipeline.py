"""From input to Article: load, clean by kind, find claims. The one path every front
end (CLI, window, tests) uses, so they all see the same article."""

from __future__ import annotations

from reader.errors import InputError
from reader.ingest import RawInput, load
from reader.model import Article

#: Fewer words than this is page chrome (a lone "Home" link), not an article.
MIN_WORDS = 5


def extract(source: str) -> tuple[RawInput, Article]:
    """Load ``source`` (path or URL) and return its raw input and cleaned article."""
    raw = load(source)
    return raw, extract_raw(raw)


def extract_raw(raw: RawInput) -> Article:
    """Clean an already loaded input and attach its claims (also used by re-extraction)."""
    article = clean(raw)
    if len(article.text.split()) < MIN_WORDS:
        raise InputError(raw.source, "no article text found")
    from reader.attribution import find_claims

    article.claims = find_claims(article.text, article.publisher)
    return article


def clean(raw: RawInput) -> Article:
    """Clean by kind; the URL the input came from fills in a missing ``url``."""
    if raw.kind == "html":
        from reader.clean_html import clean_html

        article = clean_html(raw.content, raw.url)
    elif raw.kind == "markdown":
        from reader.clean_markdown import clean_markdown

        article = clean_markdown(raw.content)
    else:
        from reader.clean_text import clean_text

        article = clean_text(raw.content)
    if raw.url and not article.url:
        article.url = raw.url
    return article
