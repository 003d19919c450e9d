"""From input to Article: load, clean by kind, find claims. The one path every front
end (CLI, window, tests) uses, so they all see the same article."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING

from reader.errors import BUG_REASON, InputError
from reader.ingest import RawInput, from_bytes, load
from reader.model import Article

if TYPE_CHECKING:
    from reader.attribution import ClaimFinder, OutletRegistry

#: Fewer words than this is page chrome (a lone "Home" link), not an article.
MIN_WORDS = 5


#: A test of a loaded input before it is cleaned: raises InputError to refuse it
#: (an import refuses this program's own exports: reader.library_ops.refuse_export).
Check = Callable[[RawInput], None]


def extract(
    source: str, should_cancel: Callable[[], bool] | None = None, check: Check | None = None
) -> tuple[RawInput, Article]:
    """Load ``source`` (path or URL) and return its raw input and cleaned article.

    ``should_cancel`` is polled while a URL downloads (the window's Cancel button);
    ``check`` sees the input once loaded, before any cleaning.
    """
    try:
        raw = load(source, should_cancel=should_cancel)
    except InputError:
        raise
    except Exception as exc:
        raise _internal(source, exc) from exc
    if check is not None:
        check(raw)
    return raw, extract_raw(raw)


def extract_text(
    text: str, label: str = "clipboard", check: Check | None = None
) -> tuple[RawInput, Article]:
    """Pasted ``text`` (HTML, Markdown or plain, sniffed: the label has no extension)
    as a raw input and its cleaned article (``check``: as for :func:`extract`)."""
    raw = from_bytes(text.encode("utf-8"), label, name=label)
    if check is not None:
        check(raw)
    return raw, extract_raw(raw)


def extract_raw(raw: RawInput) -> Article:
    """Clean an already loaded input and attach its claims (also used by re-extraction).

    A bug of ours on one odd input must not end a batch with a traceback: it becomes
    that input's one-line error (set PROVENANCE_READER_DEBUG=1 to see the traceback).
    """
    try:
        return _extract_raw(raw)
    except InputError:
        raise
    except Exception as exc:
        raise _internal(raw.source, exc) from exc


def _internal(source: str, exc: Exception) -> InputError:
    """Our bug on one input, as that input's one-line error (re-raised when debugging)."""
    if os.environ.get("PROVENANCE_READER_DEBUG"):
        raise exc
    return InputError(source, BUG_REASON)


def _extract_raw(raw: RawInput) -> Article:
    registry = outlet_registry()
    article = clean(raw, registry)
    if len(article.text.split()) < MIN_WORDS:
        raise InputError(raw.source, "no article text found")
    findings = claim_finder(registry).find(article.text, article.publisher, article.wire)
    article.claims = findings.claims
    set_origins(article, registry.for_domain)
    # without page metadata, the engine found who published it from the text's
    # references to itself ("Insider was unable to verify ...")
    article.publisher = article.publisher or findings.publisher
    if article.wire == article.publisher:
        article.wire = None
    return article


def set_origins(article: Article, outlet_of_url: Callable[[str], str | None]) -> None:
    """Each claim's ``origin_url`` from the article's links (:mod:`reader.trace.origin`)."""
    from reader.trace.origin import set_origins as _set

    _set(article, outlet_of_url)


def claim_finder(registry: OutletRegistry) -> ClaimFinder:
    """The claim finder the environment names (the rule engine unless told otherwise);
    a bad name is an InputError, reported like any other bad input."""
    from reader.attribution import finder_from_env

    try:
        return finder_from_env(registry)
    except ValueError as exc:
        raise InputError("environment", str(exc)) from None


_registry_cache: dict[tuple[str, float], OutletRegistry] = {}


def outlet_registry() -> OutletRegistry:
    """The bundled outlet registry with the user's own ``outlets.json`` merged on top.

    Re-read when the user's file changes; a broken user file is an InputError naming
    it, rather than a silently different canonicalisation.
    """
    from reader.attribution import load_registry
    from reader.paths import user_outlets_path

    user = user_outlets_path()
    try:
        key = (str(user), user.stat().st_mtime) if user.is_file() else ("", 0.0)
    except OSError:
        key = ("", 0.0)
    if key not in _registry_cache:
        try:
            _registry_cache[key] = load_registry([user] if key[0] else [])
        except (ValueError, OSError) as exc:
            raise InputError(str(user), f"is not a valid outlet registry ({exc})") from None
    return _registry_cache[key]


def clean(raw: RawInput, registry: OutletRegistry | None = None) -> Article:
    """Clean by kind; the URL the input came from fills in a missing ``url``.

    Publisher and wire are resolved through ``registry`` (default: the bundled one
    with the user's file merged, :func:`outlet_registry`).
    """
    registry = registry or outlet_registry()
    if raw.kind == "html":
        from reader.ingest.clean_html import clean_html

        article = clean_html(raw.content, raw.url, registry)
    elif raw.kind == "markdown":
        from reader.ingest.clean_markdown import clean_markdown

        article = clean_markdown(raw.content, raw.url, registry)
    else:
        from reader.ingest.clean_text import clean_text

        article = clean_text(raw.content, raw.url, registry)
    if raw.url and not article.url:
        article.url = raw.url
    return article
