"""Where extraction meets the library: import (read, extract, store) and re-extraction.

The store (:mod:`reader.store`) stores and reads; it never imports the pipeline. These
few functions put the two together for the CLI and the window, so that each front end
imports and re-extracts the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from typing import TYPE_CHECKING

from reader.errors import InputError, LibraryError, library_error

if TYPE_CHECKING:
    from reader.ingest import RawInput
    from reader.model import Article
    from reader.store import ImportResult, Library


def add_and_link(
    lib: Library, raw: RawInput, article: Article, sample: bool = False
) -> ImportResult:
    """Store an extracted article, then link its claims to the library's (the trace,
    :mod:`reader.trace.link`). Every import path comes here (files, URLs, pasted text,
    feed entries), in the worker that imports, never on the GUI thread. A link pass
    the library refuses (busy, full) leaves the article imported and not linked yet:
    the next pass (``trace``, ``reextract``, :func:`~reader.trace.link.link_pending`)
    takes it."""
    result = lib.add(raw, article, sample=sample)
    link_new(lib, result.article_id)
    return result


def link_new(lib: Library, article_id: int) -> None:
    """Link an article unless it is linked already, and a few left unlinked; a
    refused write is left for later."""
    from reader.trace.link import link_article, link_pending

    with suppress(LibraryError):  # imported all the same; untraced_ids() still lists it
        if not lib.is_traced(article_id):
            link_article(lib, article_id)
        link_pending(lib, limit=PENDING_PER_IMPORT)


#: Articles left unlinked (an undo that could not restore a link, a refused write, a
#: library from before the trace) linked along with each import, oldest first.
PENDING_PER_IMPORT = 4


def import_source(
    lib: Library,
    source: str,
    should_cancel: Callable[[], bool] | None = None,
    published: str | None = None,
) -> ImportResult:
    """Extract ``source`` (path or URL) and store it. ``should_cancel`` is polled
    during a download; when it turns true the import ends with InputError "cancelled"
    and the library is unchanged. ``published``: the date to keep when the page gives
    none (a feed entry's date, for the page it links to)."""
    from reader.pipeline import extract

    raw, article = extract(source, should_cancel=should_cancel, check=refuse_export)
    if not article.published and published and len(published) >= 10:
        article.published = published[:10]
    return add_and_link(lib, raw, article)


def import_text(lib: Library, text: str, label: str = "clipboard") -> ImportResult:
    """Extract pasted ``text`` (HTML, Markdown or plain, sniffed) and store it."""
    from reader.pipeline import extract_text

    return add_and_link(lib, *extract_text(text, label, check=refuse_export))


def refuse_export(raw: RawInput) -> None:
    """Refuse one of this program's own exports (a Web Annotation or ClaimReview file,
    the JSON, CSV or memo): imported as an article it would be a page of junk
    "claims". An InputError says which export it is and points to Import Marks;
    the recognition is import-marks' own (:func:`reader.export.marks_import.export_kind`)."""
    from reader.export.marks_import import export_kind

    kind = export_kind(raw.raw)
    if kind is not None:
        raise InputError(raw.source, kind.refusal())


def reextract(
    lib: Library,
    article_id: int | None = None,
    failed: Callable[[str], None] | None = None,
) -> tuple[int, list[str]]:
    """Re-run the engine over stored raw inputs (one article, or all). User verdicts
    stay; each re-extracted article is linked again (its claims are new rows, so
    their links are rebuilt, both ways). An article whose stored input is damaged or
    cannot be extracted is skipped and reported (one line each, also to ``failed``
    as it happens), and the rest go on; a library that cannot be written (busy past
    the retries, read-only, full, damaged) stops it, in one line that says how many
    were left. Returns (how many were re-extracted, the failures)."""
    import sqlite3

    from reader.ingest import RawInput, decode
    from reader.marks import relocate
    from reader.pipeline import extract_raw

    ids = [article_id] if article_id is not None else lib.reextract_ids()
    done, failures = 0, []

    def fail(line: str) -> None:
        failures.append(line)
        if failed is not None:
            failed(line)

    for n, aid in enumerate(ids):
        try:
            try:
                stored = lib.stored_input(aid)
            except sqlite3.DatabaseError as exc:  # a damaged page under this article
                raise library_error(lib.path, exc) from exc
            if stored is None:
                raise InputError(f"article {aid}", "not in the library")
            source, kind, data, url = stored
            # the stored kind, not a new guess: a URL's content type and a file's
            # extension are gone, and a different kind would change every claim's
            # text and so detach the user's verdicts from them
            raw = RawInput(source, kind, decode(data, source), data, url)
            article = extract_raw(raw)
            if not article.published:  # a date the article had (a feed entry's) stays
                row = lib.row(aid)
                article.published = row.published if row is not None else None
            moved = relocate(lib.highlights(article_id=aid), article.text)
            lib.replace_extraction(aid, article, highlights=moved)
            link_new(lib, aid)
        except LibraryError as exc:
            left = len(ids) - n
            fail(
                f"{exc.source}: {exc.reason} (re-extraction stopped at article {aid};"
                f" {left} article{'s' if left != 1 else ''} not re-extracted)"
            )
            break
        except InputError as exc:
            fail(str(exc))
        else:
            done += 1
    return done, failures
