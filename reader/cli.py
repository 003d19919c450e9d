"""The command line: ``python -m reader COMMAND`` / ``provenance-reader-cli COMMAND``.

Every command answers bad input with one line on stderr and exit status 2, never a
traceback; a batch goes on past a bad input and reports it at the end. ``extract``
prints a JSON contract read by outside scorers and never imports Qt.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from reader import __version__
from reader.describe import publisher_line, status_reasons
from reader.errors import EXIT_BAD_INPUT, EXIT_OK, InputError, LibraryError, store_error
from reader.marks.model import Colour
from reader.model import SOURCE_TYPES, STATUSES, Article, Claim
from reader.textsafe import displayable, one_line, quote_name, terminal_safe

if TYPE_CHECKING:
    from reader.store import Library


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error in one line."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: error: {message} (see --help)\n")


def _out(line: str = "") -> None:
    """Write text output: every text printer comes here, so an escape sequence or a
    bidi override in an article is shown as ``\\x1b``/``\\u202e``, never obeyed by
    the terminal (:func:`reader.textsafe.terminal_safe`)."""
    sys.stdout.write(terminal_safe(line) + "\n")


def _out_json(obj: Any, pretty: bool = False) -> None:
    """Write JSON output as it is: json.dumps already escapes control characters."""
    sys.stdout.write(_json(obj, pretty) + "\n")


def _count(n: int, noun: str) -> str:
    """``1 article``, ``3 articles``: counts as people write them, never "article(s)"."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _err(line: str) -> None:
    """One line on stderr, whatever the message holds (a name's newline is escaped)."""
    sys.stderr.write(f"error: {one_line(line)}\n")


_SURROGATE = re.compile("[\ud800-\udfff]")


def _json(obj: Any, pretty: bool = False) -> str:
    """``obj`` as JSON; a lone surrogate (an undecodable byte of a file name) is
    written as its ``\\uXXXX`` escape, not as a character no stream can encode."""
    text = json.dumps(obj, ensure_ascii=False, indent=2 if pretty else None)
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _db_path(args: argparse.Namespace) -> Path:
    from reader.paths import default_db_path

    return Path(args.db) if getattr(args, "db", None) else default_db_path()


#: What a write that finds another program writing says, once, before it waits again.
BUSY_LINE = "library busy (another program is writing), retrying…"


def _busy() -> None:
    sys.stderr.write(BUSY_LINE + "\n")
    sys.stderr.flush()


def _library(args: argparse.Namespace) -> Any:
    from reader.store import Library

    return Library(_db_path(args), on_busy=_busy)


#: The largest id SQLite can store (a signed 64-bit integer).
_MAX_ID = 2**63 - 1


def _number(text: str) -> int:
    """An id, seq or limit argument: a number SQLite can hold, or one usage line."""
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not -_MAX_ID <= n <= _MAX_ID:
        raise argparse.ArgumentTypeError(f"{text} is too large (at most {_MAX_ID})")
    return n


def _positive(text: str) -> int:
    """A count argument: a number of at least 1."""
    n = _number(text)
    if n < 1:
        raise argparse.ArgumentTypeError(f"{text} is not a count (at least 1)")
    return n


# --- commands ---------------------------------------------------------------------


def cmd_extract(args: argparse.Namespace) -> int:
    failures: list[str] = []
    many = len(args.inputs) > 1
    for src, article, error in _extract_all(args.inputs, args.jobs):
        if article is None:
            failures.append(error or f"{src}: failed")
            continue
        if args.format == "json":
            d = {"path": displayable(src), **article.to_dict()}
            _out_json(d, pretty=not many)
        else:
            _print_article_text(article, quote_name(src) if many else None)
        sys.stdout.flush()
    return _report(failures)


#: Below this many inputs a batch runs in this process: starting workers costs more.
PARALLEL_MIN_INPUTS = 8


def _extract_one(src: str) -> tuple[str, Article | None, str | None]:
    from reader.pipeline import extract

    try:
        return src, extract(src)[1], None
    except InputError as exc:
        return src, None, str(exc)


def _extract_all(
    inputs: Sequence[str], jobs: int | None
) -> Iterator[tuple[str, Article | None, str | None]]:
    """Extract every input, in input order; a long batch is spread over the CPU cores
    (each page is independent, and cleaning is CPU-bound Python)."""
    workers = jobs if jobs is not None else _cpu_count()
    if workers <= 1 or len(inputs) < PARALLEL_MIN_INPUTS or sys.platform != "linux":
        yield from map(_extract_one, inputs)
        return
    import importlib
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from reader.pipeline import outlet_registry

    # warm the heavy imports once: forked workers then share them instead of each
    # importing trafilatura and loading the outlet registry again
    for module in ("trafilatura", "trafilatura.metadata", "htmldate", "reader.ingest.clean_html"):
        importlib.import_module(module)
    outlet_registry()
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=min(workers, len(inputs)), mp_context=context) as pool:
        yield from pool.map(_extract_one, inputs, chunksize=4)


def _cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def cmd_import(args: argparse.Namespace) -> int:
    from reader.library_ops import import_source

    failures: list[str] = []
    results = []
    with _library(args) as lib:
        for src in args.inputs:
            try:
                r = import_source(lib, src)
            except LibraryError as exc:  # busy, full, read-only: this one, then go on
                failures.append(f"{quote_name(src)}: not imported: the library {exc.reason}")
                continue
            except InputError as exc:
                failures.append(str(exc))
                continue
            results.append(
                {
                    "source": displayable(src),
                    "id": r.article_id,
                    "created": r.created,
                    "title": r.title,
                }
            )
            if args.format == "text":
                verb = "imported" if r.created else "already in library"
                title = one_line(r.title or "(untitled)")
                _out(f"{verb}: [{r.article_id}] {title}  <- {quote_name(src)}")
    if args.format == "json":
        for d in results:
            _out_json(d)
    return _report(failures)


def cmd_list(args: argparse.Namespace) -> int:
    with _library(args) as lib:
        rows = lib.list_articles(limit=args.limit)
    if args.format == "json":
        for row in rows:
            _out_json(row.__dict__)
    else:
        for row in rows:
            meta = one_line(" · ".join(x for x in (row.publisher, row.published) if x))
            title = one_line(row.title or "(untitled)")
            tag = " [sample]" if row.sample else ""
            _out(f"[{row.id}] {title}{tag}  ({meta or 'no date'}; {row.claim_count} claims)")
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    with _library(args) as lib:
        stored = lib.get(args.id)
    if stored is None:
        _err(f"article {args.id}: not in the library (see 'list')")
        return EXIT_BAD_INPUT
    if args.format == "json":
        d = {"id": stored.id, "source": stored.source, **stored.article.to_dict()}
        for cd, sc in zip(d["claims"], stored.claims, strict=True):
            cd["verdict"], cd["note"] = sc.verdict, sc.note
        _out_json(d, pretty=True)
    else:
        _print_article_text(stored.article)
    return EXIT_OK


def cmd_search(args: argparse.Namespace) -> int:
    with _library(args) as lib:
        hits = lib.search(args.query, limit=args.limit)
    if args.format == "json":
        for h in hits:
            _out_json(h.__dict__)
    else:
        for h in hits:
            snippet = one_line(" ".join(h.snippet.split()))
            _out(f"[{h.id}] {one_line(h.title or '(untitled)')}\n    {snippet}")
        if not hits:
            _out("no matches")
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    """The library, some articles (``--article``, ``--tag``) or all, as ``--as`` says (markdown,
    csv, claimreview, webannotation, pdf, json; reader.export), to stdout or
    ``--out FILE``. With no ``--as``, what ``export`` always printed: JSON Lines with
    ``--format json``, else each article's Markdown made safe to render."""
    from reader.export import ExportFormat, Scope, export_file, export_text

    scope = Scope(tuple(args.article or ()), tuple(args.tag or ()))
    if args.as_format is None:
        return _export_plain(args, scope)
    fmt = ExportFormat(args.as_format)
    with _library(args) as lib:
        if args.out:
            done = export_file(lib, fmt, scope, Path(args.out), args.reviewer)
            _say_exported(args, done)
            return EXIT_OK
        if fmt is ExportFormat.PDF:
            _err("export --as pdf: give the file to write (--out FILE.pdf)")
            return EXIT_BAD_INPUT
        safe = terminal_safe if sys.stdout.isatty() else None
        export_text(lib, fmt, scope, sys.stdout, args.reviewer, filter_text=safe)
    return EXIT_OK


def _export_plain(args: argparse.Namespace, scope: Any) -> int:
    """``export`` with no ``--as``: JSON Lines (``--format json``) or the articles'
    Markdown, to stdout or ``--out``."""
    from reader.export import ExportFormat, export_file, export_text
    from reader.export.records import read_records
    from reader.export.scope import article_ids

    with _library(args) as lib:
        if args.format == "json":
            if args.out:
                _say_exported(args, export_file(lib, ExportFormat.JSON, scope, Path(args.out)))
            else:
                export_text(lib, ExportFormat.JSON, scope, sys.stdout)
            return EXIT_OK
        lines: list[str] = []
        for record in read_records(lib, article_ids(lib, scope)):
            title = markdown_safe(one_line(record.article.title or "(untitled)"), plain=True)
            lines += [f"# [{record.id}] {title}", markdown_safe(record.article.markdown), ""]
    if args.out:
        try:
            Path(args.out).write_text(
                "".join(terminal_safe(line) + "\n" for line in lines), encoding="utf-8"
            )
        except OSError as exc:
            raise InputError(args.out, f"cannot be written ({exc.strerror or exc})") from None
    else:
        for line in lines:
            _out(line)
    return EXIT_OK


def cmd_import_marks(args: argparse.Namespace) -> int:
    """A Web Annotation export read back onto the same articles (reader.export.marks_import):
    highlights, verdicts and notes, tags; without duplicates; all or nothing."""
    from reader.export.marks_import import import_marks

    with _library(args) as lib:
        done = import_marks(lib, Path(args.file))
    if args.format == "json":
        d = {k: v for k, v in done.__dict__.items() if k != "articles"}
        _out_json({"file": displayable(args.file), "articles": len(done.articles), **d})
    else:
        _out(done.summary())
    return EXIT_OK


def _say_exported(args: argparse.Namespace, done: Any) -> None:
    """The line an export to a file ends with (or its JSON)."""
    if args.format == "json":
        _out_json(
            {
                "file": displayable(str(done.path)),
                "format": str(done.format),
                "articles": done.articles,
                "claims": done.claims,
                "items": done.items,
            }
        )
        return
    what = {
        "claimreview": _count(done.items, "claim review"),
        "webannotation": _count(done.items, "annotation"),
        "pdf": _count(done.items, "page"),
    }.get(str(done.format), _count(done.claims, "claim"))
    _out(
        f"exported {_count(done.articles, 'article')} ({what}) as {done.format}"
        f" to {quote_name(displayable(str(done.path)))}"
    )


def cmd_claims(args: argparse.Namespace) -> int:
    with _library(args) as lib:
        claims = lib.claims(
            article_id=args.article,
            outlet=args.outlet,
            status=args.status,
            source_type=args.source_type,
            appears_in_at_least=args.appears_in_at_least,
        )
        text_of: dict[int, str] = {}  # evidence offsets point into the article's text
        for sc in claims:
            c = sc.claim
            if args.format == "json":
                d = {
                    "id": sc.id,
                    "article_id": sc.article_id,
                    **c.to_dict(),
                    "verdict": sc.verdict,
                    "note": sc.note,
                }
                _out_json(d)
                continue
            if c.evidence and sc.article_id not in text_of:
                text_of.clear()  # claims come article by article: keep one text at most
                text_of[sc.article_id] = lib.article_text(sc.article_id) or ""
            chain = " ← ".join(c.chain) if c.chain else "-"
            who = f"{c.source} ({c.source_type})" if c.source else "no source"
            where = f"[{sc.article_id}:{sc.seq}]"
            _out(
                f"{where} {c.status.upper():<12} {who}{_uncertain(c)}; via {c.outlet or '-'};"
                f" chain {chain}"
            )
            _out(f"    {c.text}")
            _print_status_evidence(c, text_of.get(sc.article_id, ""), "    ")
    return EXIT_OK


def cmd_trace(args: argparse.Namespace) -> int:
    """The claim's group across the library (reader.trace.group); ``--link-all``
    first links every article not linked yet (a library from before the trace)."""
    from reader.trace.group import trace

    if (args.article is None or args.seq is None) and (
        not args.link_all or args.article is not None
    ):
        _err("trace: give ARTICLE SEQ (as 'claims' numbers them), or --link-all")
        return EXIT_BAD_INPUT
    with _library(args) as lib:
        if args.link_all:
            linked, links = _link_all(lib)
            if args.article is None:
                if args.format == "json":
                    _out_json({"linked": linked, "links": links})
                else:
                    _out(f"linked {_count(linked, 'article')} ({_count(links, 'link')} found)")
                return EXIT_OK
        group = trace(lib, args.article, args.seq)
    if args.format == "json":
        _out_json(group.to_dict(), pretty=True)
        return EXIT_OK
    first = group.first
    _out(group.summary())
    when = first.date + (
        " (imported; no publication date)" if first.date_from == "imported" else ""
    )
    _out(f"first: {first.outlet}, {when}, [{first.article_id}:{first.seq}] {first.title or ''}")
    if group.status:
        _out(f"status in the group: {group.status}")
    for m in group.members:
        mark = "*" if m.relation == "this" else " "
        date = m.date + ("~" if m.date_from == "imported" else "")
        how = m.relation if m.relation == "this" else f"{m.relation} {m.similarity:.2f}"
        src = "independent" if m.independent else f"via {m.origin}"
        _out(f"{mark}[{m.article_id}:{m.seq}] {date}  {m.outlet}  ({how}; {src}; {m.status})")
        _out(f"    {m.text}")
        if m.origin_url is not None:
            where = (
                f" -> [{m.origin_url.article_id}:{m.origin_url.seq}]"
                if m.origin_url.seq is not None
                else f" -> [{m.origin_url.article_id}]"
                if m.origin_url.article_id is not None
                else ""
            )
            _out(f"    origin: {m.origin_url.url}{where}")
        for words in m.evidence:
            _out(f"    {m.status}: {one_line(words)}")
    if any(m.date_from == "imported" for m in group.members):
        _out("~ no publication date: the import date stands in")
    if group.unlinked:
        _out(f"({_count(group.unlinked, 'article')} of the library not linked yet)")
    return EXIT_OK


def _link_all(lib: Library) -> tuple[int, int]:
    """Link every article not linked yet, oldest first, with progress on stderr (about
    once a second); how many articles were linked and how many links they made."""
    import time

    from reader.trace.link import Linked, link_pending

    total = lib.untraced_count()
    done = links = 0
    shown = time.monotonic()

    def progress(linked: Linked) -> None:
        nonlocal done, links, shown
        done += 1
        links += linked.links
        now = time.monotonic()
        if now - shown >= 1.0 or done == total:
            shown = now
            sys.stderr.write(f"linking: {done}/{total} articles, {_count(links, 'link')}\n")
            sys.stderr.flush()

    linked = link_pending(lib, progress=progress)
    return linked, links


def cmd_reextract(args: argparse.Namespace) -> int:
    from reader.library_ops import reextract

    with _library(args) as lib:
        done, failures = reextract(lib, args.id)
        scope = None if args.id is None else [args.id]
        lost_marks = len(
            [h for h in lib.highlights(orphaned=True) if scope is None or h.article_id in scope]
        )
        lost_verdicts = lib.detached_verdicts(scope)
    if args.format == "json":
        _out_json(
            {
                "reextracted": done,
                "failed": failures,
                "orphaned_highlights": lost_marks,
                "detached_verdicts": lost_verdicts,
            }
        )
    else:
        _out(f"re-extracted {_count(done, 'article')}; your verdicts, notes and marks kept")
        if lost_marks or lost_verdicts:
            lost = [
                *([_count(lost_marks, "highlight")] if lost_marks else []),
                *(
                    [
                        f"{lost_verdicts} verdict{'s' if lost_verdicts != 1 else ''} or note"
                        f"{'s' if lost_verdicts != 1 else ''}"
                    ]
                    if lost_verdicts
                    else []
                ),
            ]
            _out(
                f"{' and '.join(lost)} no longer find their words in the text: kept, and"
                " shown as orphaned ('marks --orphaned', the window's Marks view)"
            )
    return _report(failures)


def cmd_verdict(args: argparse.Namespace) -> int:
    from reader.store import VERDICTS

    with _library(args) as lib:
        stored = lib.get(args.article)
        if stored is None or not 0 <= args.seq < len(stored.claims):
            _err(f"claim {args.article}:{args.seq}: not in the library (see 'claims')")
            return EXIT_BAD_INPUT
        key = stored.claims[args.seq].claim_key
        verdict = None if args.verdict == "clear" else args.verdict
        if verdict is not None and verdict not in VERDICTS:
            _err(f"verdict {args.verdict!r}: use one of {', '.join(VERDICTS)} or clear")
            return EXIT_BAD_INPUT
        lib.set_verdict(stored.id, key, verdict, args.note)
        history = lib.verdict_history(stored.id, key)
    if args.format == "json":
        _out_json([h.__dict__ for h in history])
    else:
        for h in history:
            _out(f"{h.created_at}  {h.verdict or '(cleared)'}  {h.note or ''}".rstrip())
    return EXIT_OK


def _highlight_dict(h: Any, title: str | None) -> dict[str, Any]:
    return {
        "id": h.id, "uid": h.uid, "article_id": h.article_id, "title": title,
        "exact": h.exact, "start": h.start, "end": h.end, "colour": h.colour.value,
        "note": h.note, "tags": h.tags, "orphaned": h.orphaned, "created_at": h.created_at,
        "updated_at": h.updated_at,
    }  # fmt: skip


def cmd_marks(args: argparse.Namespace) -> int:
    """The highlights across the library (newest article first), filtered; or delete
    some by id (``--delete``)."""
    with _library(args) as lib:
        if args.article is not None and lib.row(args.article) is None:
            _err(f"article {args.article}: not in the library (see 'list')")
            return EXIT_BAD_INPUT
        if args.delete:
            missing = [hid for hid in args.delete if lib.delete_highlight(hid) is None]
            for hid in args.delete:
                if hid not in missing:
                    _out(f"deleted highlight {hid}")
            for hid in missing:
                _err(f"highlight {hid}: not in the library (see 'marks')")
            return EXIT_BAD_INPUT if missing else EXIT_OK
        marks = lib.highlights(
            article_id=args.article,
            tag=args.tag,
            colour=args.colour,
            orphaned=True if args.orphaned else None,
        )
        titles = {r.id: r.title for r in lib.rows({h.article_id for h in marks})}
    for h in marks:
        if args.format == "json":
            _out_json(_highlight_dict(h, titles.get(h.article_id)))
            continue
        lost = "  ORPHANED (its words are not in the article's text now)" if h.orphaned else ""
        tags = f"  #{' #'.join(h.tags)}" if h.tags else ""
        _out(f"[{h.id}] {h.colour.value:<6} {one_line(titles.get(h.article_id) or '(untitled)')}"
             f" [{h.article_id}]{tags}{lost}")  # fmt: skip
        _out(f"    “{one_line(h.exact)}”")
        if h.note:
            _out(f"    note: {one_line(h.note)}")
    return EXIT_OK


def cmd_highlight(args: argparse.Namespace) -> int:
    """Highlight the words of an article (the Nth time they occur), as the window's
    highlight key does: colour, note and tags."""
    from reader.marks import Colour, selector_for

    with _library(args) as lib:
        text = lib.article_text(args.article)
        if text is None:
            _err(f"article {args.article}: not in the library (see 'list')")
            return EXIT_BAD_INPUT
        words = args.words.strip()
        at = -1
        for _ in range(args.nth):
            at = text.find(words, at + 1) if words else -1
            if at < 0:
                break
        if at < 0:
            _err(
                f"article {args.article}: the words {one_line(words)!r} are not in its text"
                + (f" {args.nth} times" if args.nth > 1 and words in text else "")
            )
            return EXIT_BAD_INPUT
        h = lib.add_highlight(
            args.article,
            selector_for(text, at, at + len(words)),
            colour=Colour(args.colour),
            note=args.note,
            tags=args.tag or (),
        )
    if args.format == "json":
        _out_json(_highlight_dict(h, None))
    else:
        _out(f"highlight {h.id} on article {h.article_id}: “{one_line(h.exact)}”")
    return EXIT_OK


def cmd_tag(args: argparse.Namespace) -> int:
    """Show, add, remove or replace an article's tags; with no article, every tag in
    use with its counts."""
    with _library(args) as lib:
        if args.article is None:
            tags = lib.tags()
            for t in tags:
                if args.format == "json":
                    _out_json(t.__dict__)
                else:
                    _out(f"{t.name}  ({_count(t.articles, 'article')},"
                         f" {_count(t.highlights, 'highlight')})")  # fmt: skip
            return EXIT_OK
        if lib.row(args.article) is None:
            _err(f"article {args.article}: not in the library (see 'list')")
            return EXIT_BAD_INPUT
        now = lib.article_tags(args.article)
        if args.set is not None:
            now = [t for t in args.set.split(",")]
        now += [t for arg in args.add or [] for t in arg.split(",")]
        drop = {t.strip().lstrip("#").casefold() for a in args.remove or [] for t in a.split(",")}
        now = [t for t in now if t.strip().lstrip("#").casefold() not in drop]
        if args.set is not None or args.add or args.remove:
            now = lib.set_article_tags(args.article, now)
    if args.format == "json":
        _out_json({"article_id": args.article, "tags": now})
    else:
        _out(", ".join(now) if now else "(no tags)")
    return EXIT_OK


def cmd_delete(args: argparse.Namespace) -> int:
    """Delete articles with their claims, verdicts, notes and search entries; a bad or
    unknown id is reported and the others are deleted all the same."""
    failures: list[str] = []
    ids: list[int] = []
    for text in args.ids:
        try:
            ids.append(_number(text))
        except argparse.ArgumentTypeError:
            failures.append(f"{text}: not an article id; ids are numbers (see 'list')")
    with _library(args) as lib:
        deleted = lib.delete(ids)
    for aid, title in deleted.articles:
        if args.format == "json":
            _out_json({"id": aid, "title": title, "deleted": True})
        else:
            _out(f"deleted {aid}: {one_line(title or '(untitled)')}")
    failures += [f"article {aid}: not in the library (see 'list')" for aid in deleted.missing]
    return _report(failures)


def cmd_check(args: argparse.Namespace) -> int:
    """SQLite's page check and the search index's own check; ``--repair`` rebuilds a
    damaged search index (damaged pages cannot be rebuilt: they are reported)."""
    from reader.store.check import IndexState, check_library

    path = _db_path(args)
    report = check_library(path, repair=args.repair)
    if args.format == "json":
        _out(
            _json(
                {
                    "path": str(path),
                    "pages": report.page_problems or "ok",
                    "search_index": report.search_index,
                }
            )
        )
    else:
        _out(f"pages: {'ok' if not report.page_problems else 'damaged'}")
        for problem in report.page_problems:
            _out(f"    {problem}")
        _out(f"search index: {report.search_index}")
    failures = []
    if report.page_problems:
        n = len(report.page_problems)
        failures.append(
            f"{path}: is damaged ({n} problem{'s' if n > 1 else ''} in its pages): restore it"
            " from a backup, or save what can be read with sqlite3's .recover"
        )
    if report.search_index == IndexState.DAMAGED:
        failures.append(
            f"{path}: its search index is damaged: run 'check --repair' to rebuild it"
            " from the articles"
        )
    return _report(failures)


# --- subscriptions (reader.feeds: no Qt) ---------------------------------------------


def _feed_dict(row: Any) -> dict[str, Any]:
    """A subscription as JSON: its stored columns, its article count, the interval the
    schedule uses (its own, else the default) and when it is next due (now, if it is
    due already; null when it is gone and never fetched again)."""
    from datetime import UTC, datetime

    from reader.feeds.schedule import due_at, interval_of

    due = due_at(row)
    return {
        **{k: getattr(row, k) for k in (*row.COLUMNS, "article_count")},
        "interval": interval_of(row),
        "due_at": None
        if due is None
        else max(due, datetime.now(UTC)).isoformat(timespec="seconds"),
    }


def _when(iso: str | None) -> str:
    """A stored time as people read it: ``2026-12-01 10:00 UTC``."""
    from reader.feeds.schedule import parse_time

    when = parse_time(iso)
    return when.strftime("%Y-%m-%d %H:%M UTC") if when else (iso or "")


def _feed_line(row: Any) -> str:
    """One subscription: id, folder, title, address, articles, interval, and how its
    last refresh went (the last error, with when it last worked)."""
    from reader.feeds.schedule import interval_of

    folder = f"[{row.folder}] " if row.folder else ""
    worked = f"; last worked {_when(row.last_ok_at)}" if row.last_ok_at else "; never worked"
    if row.gone:
        state = f"gone: {row.last_error}{worked}"
    elif row.last_error:
        state = f"error: {row.last_error}{worked}"
    elif row.last_ok_at:
        state = f"ok {_when(row.last_ok_at)}"
    else:
        state = "never fetched"
    own = " (its own)" if row.interval_min is not None else ""
    minutes = interval_of(row)
    every = (f"every {minutes} min" if minutes else "only when you refresh") + own
    return (
        f"{row.id:4d} {folder}{one_line(row.title or '(untitled)')} <{row.url}>"
        f" · {_count(row.article_count, 'article')} · {every} · {one_line(state)}"
    )


def cmd_feeds_add(args: argparse.Namespace) -> int:
    """Subscribe to a feed URL, or to the feed a page names (autodiscovery)."""
    from reader.feeds.discover import discover

    url, feed = discover(args.url)
    with _library(args) as lib:
        row, created = lib.add_feed(url, feed.title, args.folder or "")
    if args.format == "json":
        _out_json({**_feed_dict(row), "created": created})
    else:
        verb = "subscribed" if created else "already subscribed"
        _out(f"{verb}: {_feed_line(row)}")
        if created:
            _out(f"run 'feeds refresh {row.id}' to fetch its articles")
    return EXIT_OK


def cmd_feeds_list(args: argparse.Namespace) -> int:
    with _library(args) as lib:
        rows = lib.feeds()
    if args.format == "json":
        _out_json([_feed_dict(r) for r in rows])
    else:
        for r in rows:
            _out(_feed_line(r))
    return EXIT_OK


#: The longest interval ``feeds set --interval`` takes, in minutes (four weeks).
MAX_INTERVAL_MIN = 4 * 7 * 24 * 60


def _interval(text: str) -> int | None:
    """``--interval``: minutes (1 to four weeks; 0: only when you refresh), or
    ``default`` (None)."""
    if text.strip().lower() == "default":
        return None
    try:
        minutes = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not an interval: give minutes (e.g. 60) or 'default'"
        ) from None
    if not 0 <= minutes <= MAX_INTERVAL_MIN:
        raise argparse.ArgumentTypeError(
            f"{minutes} minutes is not an interval: give 1 to {MAX_INTERVAL_MIN} (four weeks),"
            " 0 (only when you refresh) or 'default'"
        )
    return minutes


_UNSET = object()


def _workers(text: str) -> int:
    """``--workers``: 1 to 32."""
    n = _number(text)
    if not 1 <= n <= 32:
        raise argparse.ArgumentTypeError(f"{n} workers: give 1 to 32")
    return n


def cmd_feeds_set(args: argparse.Namespace) -> int:
    """Rename a subscription, move it to a folder, or give it an interval of its own."""
    values: dict[str, Any] = {}
    if args.title is not None:
        values["title"] = " ".join(args.title.split())  # "": the feed's own title again
    if args.folder is not None:
        values["folder"] = " ".join(args.folder.split())  # nested: "News / Local"
    if args.interval is not _UNSET:
        values["interval_min"] = args.interval
    if not values:
        _err("feeds set: nothing to set: give --title, --folder or --interval (see --help)")
        return EXIT_BAD_INPUT
    with _library(args) as lib:
        if lib.feed(args.id) is None:
            _err(f"feed {args.id}: not subscribed (see 'feeds list')")
            return EXIT_BAD_INPUT
        lib.update_feed(args.id, **values)
        row = lib.feed(args.id)
    if args.format == "json":
        _out_json(_feed_dict(row))
    else:
        _out(_feed_line(row))
    return EXIT_OK


def cmd_feeds_refresh(args: argparse.Namespace) -> int:
    """Fetch the feeds (all, or the ids given; with --due only those the schedule says
    are due) several at once, and import their new entries; a feed that fails keeps its
    articles and is reported, and the others go on. Each feed is printed as it finishes."""
    import threading
    from datetime import UTC, datetime

    from reader.feeds.batch import refresh_feeds
    from reader.feeds.refresh import Outcome, RefreshResult
    from reader.feeds.schedule import due_feeds, next_due

    failures: list[str] = []
    with _library(args) as lib:
        if args.ids:
            rows = []
            for fid in dict.fromkeys(args.ids):
                row = lib.feed(fid)
                if row is None:
                    failures.append(f"feed {fid}: not subscribed (see 'feeds list')")
                else:
                    rows.append(row)
        else:
            rows = lib.feeds()
    if args.due:
        now = datetime.now(UTC)
        chosen = due_feeds(rows, now)
        if not chosen and args.format == "text":
            wake = next_due(rows, now)
            when = f"; the next is due at {_when(wake.isoformat())}" if wake else ""
            _out(f"no feed is due{when}")
        rows = chosen
    by_id = {r.id: r for r in rows}
    lock = threading.Lock()

    def show(done: int, total: int, result: RefreshResult) -> None:
        with lock:
            _print_refresh(args, result)

    results = refresh_feeds(
        _db_path(args),
        list(by_id),
        workers=args.workers,
        on_progress=show,
        force=args.force,
        on_busy=_busy,
    )
    for result in results:
        if result.outcome == Outcome.CANCELLED:  # never started (Ctrl+C raises instead)
            _print_refresh(args, result)
        row = by_id[result.feed_id]
        if result.outcome == Outcome.FAILED or (result.outcome == Outcome.GONE and not row.gone):
            failures.append(f"{quote_name(row.url)}: {result.message}")
        failures += result.errors
    return _report(failures)


def _print_refresh(args: argparse.Namespace, result: Any) -> None:
    """One refreshed feed: a JSON line, or ``feed 3: 2 new (updated)``."""
    if args.format == "json":
        _out_json(
            {
                "id": result.feed_id,
                "outcome": str(result.outcome),
                "new": result.new,
                "message": result.message,
                "errors": result.errors,
                "moved_to": result.moved_to,
                "until": result.until,
            }
        )
    else:
        moved = f"; moved to <{result.moved_to}>" if result.moved_to else ""
        why = f": {result.message}" if result.message else ""
        hint = "; --force asks anyway" if "max-age" in result.message and not args.force else ""
        _out(f"feed {result.feed_id}: {len(result.new)} new ({result.outcome}{why}{hint}){moved}")
    sys.stdout.flush()


def cmd_feeds_remove(args: argparse.Namespace) -> int:
    """Unsubscribe; the feed's articles stay unless --delete-articles."""
    with _library(args) as lib:
        row = lib.feed(args.id)
        deleted = lib.remove_feed(args.id, delete_articles=args.delete_articles)
    if row is None or deleted is None:
        _err(f"feed {args.id}: not subscribed (see 'feeds list')")
        return EXIT_BAD_INPUT
    if args.format == "json":
        _out_json({"id": row.id, "url": row.url, "deleted_articles": deleted.ids})
    else:
        kept = "" if args.delete_articles else "; its articles stay in the library"
        _out(f"unsubscribed {row.id}: {one_line(row.title or row.url)}{kept}")
        for aid, title in deleted.articles:
            _out(f"deleted {aid}: {one_line(title or '(untitled)')}")
    return EXIT_OK


def cmd_feeds_import_opml(args: argparse.Namespace) -> int:
    """Subscribe to every feed of an OPML file, with its folders (nothing is fetched)."""
    from reader.feeds.opml import read_opml

    try:
        data = Path(args.file).read_bytes()
    except OSError as exc:
        raise InputError(args.file, f"cannot be read ({exc.strerror or exc})") from None
    subs = read_opml(data, args.file)
    added = 0
    with _library(args) as lib:
        for sub in subs:
            row, created = lib.add_feed(sub.url, sub.title, sub.folder)
            added += created
            if args.format == "json":
                _out_json({**_feed_dict(row), "created": created})
    if args.format == "text":
        _out(f"imported {added} new subscription(s) of {len(subs)} in {quote_name(args.file)}")
    return EXIT_OK


def cmd_feeds_export_opml(args: argparse.Namespace) -> int:
    """Every subscription as OPML 2.0, to FILE or stdout."""
    from reader.feeds.opml import Subscription, write_opml

    with _library(args) as lib:
        subs = [Subscription(r.url, r.title or "", r.folder) for r in lib.feeds()]
    data = write_opml(subs)
    if not args.file:
        sys.stdout.write(data.decode("utf-8"))
        return EXIT_OK
    try:
        Path(args.file).write_bytes(data)
    except OSError as exc:
        raise InputError(args.file, f"cannot be written ({exc.strerror or exc})") from None
    if args.format == "json":
        _out_json({"file": args.file, "feeds": len(subs)})
    else:
        _out(f"exported {len(subs)} subscription(s) to {quote_name(args.file)}")
    return EXIT_OK


def cmd_open(args: argparse.Namespace) -> int:
    from reader.gui.app import run_gui  # the only command that imports Qt

    return run_gui(args)


# --- output helpers -----------------------------------------------------------------


def _print_article_text(a: Article, path: str | None = None) -> None:
    if path:
        _out(f"== {path}")
    _out(a.title or "(untitled)")
    meta = " · ".join(x for x in (a.byline, publisher_line(a), a.published, a.url) if x)
    if meta:
        _out(meta)
    _out()
    _out(a.text)
    if a.claims:
        _out()
        _out(f"-- {len(a.claims)} claims")
        for i, c in enumerate(a.claims):
            chain = " ← ".join(c.chain) if c.chain else "-"
            who = f"{c.source or '-'} ({c.source_type or '-'}){_uncertain(c)}"
            _out(f"{i:3d} {c.status:<12} {who}; {chain}")
            _print_status_evidence(c, a.text, "      ")
    _out()


def _uncertain(c: Claim) -> str:
    return " (source uncertain)" if c.uncertain else ""


def _print_status_evidence(c: Claim, text: str, indent: str) -> None:
    """Why the claim has its status (reader.describe.status_reasons, as the window says
    it): a line per evidence excerpt and per conflicting claim, by its index as listed
    ("#3"); nothing for a claim without evidence (the status column says enough)."""
    for line in status_reasons(text, c, name=lambda i: f"#{i}", plain=False, uncertain=False):
        _out(f"{indent}{line}")


#: ``&name;``, ``&#38;``: an entity a Markdown renderer would turn into a character.
_ENTITY = re.compile(r"&(?=#?\w+;)")
#: ``![alt](url)``: an image a renderer would load from the web.
_IMAGE = re.compile(r"(?<!\\)!\[")


def markdown_safe(text: str, plain: bool = False) -> str:
    """Markdown for the text export with no raw HTML left in it: each ``<`` written
    as ``&lt;``, so a ``<script>``, ``<iframe>`` or ``<img>`` an article carried is
    shown as text by whatever renders the export, never run or loaded; a Markdown
    image (``![alt](url)``) is written as ``\\![alt](url)``, a link to the picture,
    which nothing loads. The words read the same. ``plain``: ``text`` is plain text
    (a title), whose ``&lt;`` must stay those four characters: its ``&`` that starts
    an entity is written ``&amp;``."""
    if plain:
        text = _ENTITY.sub("&amp;", text)
    return _IMAGE.sub(r"\\![", text.replace("<", "&lt;"))


def _report(failures: Sequence[str]) -> int:
    for f in failures:
        _err(f)
    return EXIT_BAD_INPUT if failures else EXIT_OK


# --- parser ---------------------------------------------------------------------------

#: ``export --as`` choices (reader.export.ExportFormat; listed here so that building
#: the parser imports no more than it needs).
EXPORT_FORMATS = ("markdown", "csv", "claimreview", "webannotation", "pdf", "json")


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="provenance-reader",
        description="Read news with the source of every claim: import articles into a local "
        "library, list and search it, and see who each claim comes from.",
    )
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def command(
        name: str, fn: Callable[[argparse.Namespace], int], help: str, db: bool = True
    ) -> Any:
        sp = sub.add_parser(name, help=help, description=help)
        sp.set_defaults(func=fn)
        sp.add_argument("--format", choices=("json", "text"), default="text", help="output format")
        if db:
            sp.add_argument(
                "--db", metavar="PATH", help="library file (default: your user data folder)"
            )
        return sp

    sp = command("extract", cmd_extract, "clean inputs and find their claims; no library", db=False)
    sp.add_argument("inputs", nargs="+", metavar="PATH|URL")
    sp.add_argument(
        "--jobs",
        type=int,
        metavar="N",
        help=f"worker processes for a batch of {PARALLEL_MIN_INPUTS} or more inputs "
        "(default: one per CPU core; 1: this process only)",
    )
    sp = command("import", cmd_import, "import files or URLs into the library")
    sp.add_argument("inputs", nargs="+", metavar="PATH|URL")
    sp = command("list", cmd_list, "list the library's articles, newest first")
    sp.add_argument("--limit", type=_number, default=-1, help="at most this many")
    sp = command("show", cmd_show, "show one article with its claims")
    sp.add_argument("id", type=_number, metavar="ID")
    sp = command("search", cmd_search, "full-text search of titles and bodies")
    sp.add_argument("query", metavar="QUERY")
    sp.add_argument("--limit", type=_number, default=50)
    sp = command(
        "export",
        cmd_export,
        "export articles, their claims and your verdicts: JSON Lines, a Markdown memo,"
        " CSV, ClaimReview or Web Annotation JSON-LD, or a PDF memo",
    )
    sp.add_argument(
        "--as",
        dest="as_format",
        choices=EXPORT_FORMATS,
        help="the export's format (default: JSON Lines with --format json, else each"
        " article's Markdown)",
    )
    sp.add_argument(
        "--article",
        type=_number,
        action="append",
        metavar="ID",
        help="only this article (repeat for more; default: the whole library)",
    )
    sp.add_argument(
        "--tag",
        action="append",
        metavar="T",
        help="the articles with this tag, theirs or a highlight's (repeatable; with"
        " --article: every article either names)",
    )
    sp.add_argument(
        "--out", metavar="FILE", help="write to FILE, whole or not at all (default: stdout)"
    )
    sp.add_argument(
        "--reviewer",
        metavar="NAME",
        help="who reviewed the claims: the ClaimReview author (needed for claimreview)",
    )
    sp = command("claims", cmd_claims, "list claims across the library, filtered")
    sp.add_argument("--article", type=_number, metavar="ID", help="only this article's claims")
    sp.add_argument("--outlet", help="canonical outlet name, e.g. 'The Wall Street Journal'")
    sp.add_argument("--status", choices=STATUSES)
    sp.add_argument("--source-type", choices=SOURCE_TYPES)
    sp.add_argument(
        "--appears-in-at-least",
        type=_positive,
        metavar="N",
        help="only claims that N or more articles carry (the claim's trace group)",
    )
    sp = command(
        "trace",
        cmd_trace,
        "who else reports a claim, who had it first, how many independent sources",
    )
    sp.add_argument("article", type=_number, nargs="?", metavar="ARTICLE")
    sp.add_argument("seq", type=_number, nargs="?", metavar="SEQ")
    sp.add_argument(
        "--link-all",
        action="store_true",
        help="first link every article not linked yet (a library made before the trace),"
        " progress on stderr; alone, only that",
    )
    sp = command(
        "reextract", cmd_reextract, "re-run extraction on stored raw inputs; keeps verdicts"
    )
    sp.add_argument("id", type=_number, nargs="?", metavar="ID", help="one article (default: all)")
    sp = command("verdict", cmd_verdict, "set your verdict on a claim (ARTICLE SEQ as in 'claims')")
    sp.add_argument("article", type=_number, metavar="ARTICLE")
    sp.add_argument("seq", type=_number, metavar="SEQ")
    sp.add_argument("verdict", metavar="VERDICT", help="true, false, misleading, unproven or clear")
    sp.add_argument("--note", help="a note kept with the verdict")
    sp = command(
        "import-marks",
        cmd_import_marks,
        "read a Web Annotation export (export --as webannotation) back onto the same"
        " articles: highlights, verdicts, notes and tags, without duplicates",
    )
    sp.add_argument("file", metavar="FILE")
    sp = command("marks", cmd_marks, "your highlights across the library, filtered")
    sp.add_argument("--article", type=_number, metavar="ID", help="only this article's")
    sp.add_argument("--tag", metavar="T", help="with this tag (theirs or their article's)")
    sp.add_argument("--colour", choices=COLOURS)
    sp.add_argument(
        "--orphaned", action="store_true", help="only those re-extraction could not place"
    )
    sp.add_argument(
        "--delete", type=_number, nargs="+", metavar="ID", help="delete these highlights"
    )
    sp = command("highlight", cmd_highlight, "highlight words of an article, with a note and tags")
    sp.add_argument("article", type=_number, metavar="ARTICLE")
    sp.add_argument("words", metavar="WORDS", help="the words, exactly as in 'show'")
    sp.add_argument("--nth", type=_positive, default=1, metavar="N", help="their Nth occurrence")
    sp.add_argument("--colour", choices=COLOURS, default=COLOURS[0])
    sp.add_argument("--note", help="a note kept with the highlight")
    sp.add_argument("--tag", action="append", metavar="T", help="a tag (repeatable)")
    sp = command("tag", cmd_tag, "an article's tags: show, --add, --remove, --set; alone: all tags")
    sp.add_argument("article", type=_number, nargs="?", metavar="ARTICLE")
    sp.add_argument("--add", action="append", metavar="T", help="add a tag (repeatable)")
    sp.add_argument("--remove", action="append", metavar="T", help="remove a tag (repeatable)")
    sp.add_argument("--set", metavar="T1,T2", help="replace the tags ('': none)")
    sp = command(
        "delete", cmd_delete, "delete articles with their claims, verdicts, notes and history"
    )
    sp.add_argument("ids", nargs="+", metavar="ID", help="article ids, as in 'list'")
    sp = command(
        "check",
        cmd_check,
        "check the library file for damage; --repair rebuilds a damaged search index",
    )
    sp.add_argument(
        "--repair", action="store_true", help="rebuild the search index if it is damaged"
    )
    feeds = sub.add_parser(
        "feeds", help="subscriptions: add, list, refresh, remove, OPML import and export"
    )
    fsub = feeds.add_subparsers(
        dest="feeds_command", metavar="ACTION", parser_class=_Parser, required=True
    )

    def feeds_command(name: str, fn: Callable[[argparse.Namespace], int], help: str) -> Any:
        sp = fsub.add_parser(name, help=help, description=help)
        sp.set_defaults(func=fn)
        sp.add_argument("--format", choices=("json", "text"), default="text", help="output format")
        sp.add_argument(
            "--db", metavar="PATH", help="library file (default: your user data folder)"
        )
        return sp

    sp = feeds_command("add", cmd_feeds_add, "subscribe to a feed, or to the feed a page names")
    sp.add_argument("url", metavar="URL")
    sp.add_argument("--folder", metavar="F", help="put the subscription in this folder")
    feeds_command(
        "list",
        cmd_feeds_list,
        "the subscriptions by folder, with interval, last error and when each last worked",
    )
    sp = feeds_command("set", cmd_feeds_set, "rename a subscription, move it, set its interval")
    sp.add_argument("id", type=_number, metavar="ID")
    sp.add_argument("--title", metavar="T", help="its name ('': the feed's own title)")
    sp.add_argument("--folder", metavar="F", help="move it to this folder ('': no folder)")
    sp.add_argument(
        "--interval",
        type=_interval,
        default=_UNSET,
        metavar="MIN|default",
        help="minutes between scheduled refreshes (0: only when you refresh), or 'default' (30)",
    )
    sp = feeds_command(
        "refresh", cmd_feeds_refresh, "fetch feeds, several at once, and import their new entries"
    )
    sp.add_argument("ids", type=_number, nargs="*", metavar="ID", help="these feeds (default: all)")
    sp.add_argument(
        "--due",
        action="store_true",
        help="only the feeds the schedule says are due (for cron): interval passed, and"
        " the server's Retry-After and max-age run out",
    )
    sp.add_argument(
        "--force",
        action="store_true",
        help="ask even while the server's Cache-Control max-age says its copy is fresh"
        " (Retry-After is always honoured)",
    )
    sp.add_argument(
        "--workers",
        type=_workers,
        default=4,
        metavar="N",
        help="feeds fetched at once (default 4; at most 2 requests per site at a time)",
    )
    sp = feeds_command("remove", cmd_feeds_remove, "unsubscribe; the articles stay unless asked")
    sp.add_argument("id", type=_number, metavar="ID")
    sp.add_argument(
        "--delete-articles", action="store_true", help="also delete the feed's articles"
    )
    sp = feeds_command("import-opml", cmd_feeds_import_opml, "subscribe to an OPML file's feeds")
    sp.add_argument("file", metavar="FILE")
    sp = feeds_command(
        "export-opml", cmd_feeds_export_opml, "write the subscriptions as OPML (default: stdout)"
    )
    sp.add_argument("file", nargs="?", metavar="FILE")
    sp = command("open", cmd_open, "open the window (optionally on files or URLs)")
    sp.add_argument("inputs", nargs="*", metavar="PATH|URL")
    sp.add_argument("--screenshot", metavar="OUT.png", help="save a PNG of the window and exit")
    sp.add_argument(
        "--claim", type=int, default=0, metavar="N", help="with --screenshot: select claim N"
    )
    sp.add_argument(
        "--size", metavar="WxH", help="with --screenshot: the window size (default 1280x800)"
    )
    sp.add_argument("--dark", action="store_true", help="use a dark palette")
    return p


COMMANDS = (
    "extract", "import", "list", "show", "search", "export", "claims", "trace", "reextract",
    "verdict", "marks", "highlight", "tag", "import-marks", "delete", "check", "feeds", "open",
)  # fmt: skip

#: Highlight colours as the CLI spells them.
COLOURS = tuple(c.value for c in Colour)


def _openable(word: str) -> bool:
    """Whether ``word`` can be handed to the window: a path that exists, or an
    address (``https://…``, a file manager's ``file://…``; the window says what it
    does with any other kind)."""
    return "://" in word or os.path.lexists(word)


def _not_openable(word: str, first: bool) -> str:
    """The one-line error for a word that is neither a command nor a path nor an
    address: a typo of a command (``first``: the word a command would be; with the
    nearest command), a bare web address (with the https:// to add), or a file that
    is not there (said as an import would say it)."""
    from reader.ingest.load import looks_like_bare_address

    if first and not looks_like_bare_address(word):
        shown = quote_name(word)
        shown = shown if shown.startswith("'") else f"'{shown}'"
        near = difflib.get_close_matches(word.lower(), COMMANDS, n=1, cutoff=0.6)
        if near:
            return f"unknown command {shown} — did you mean '{near[0]}'? (see --help)"
        if not any(c in word for c in "/.\\"):  # a word, not a file name
            return f"unknown command {shown}, and no such file (see --help for the commands)"
    if looks_like_bare_address(word):
        return (
            f"{quote_name(word)}: is not a file here; for a web page, add https://"
            f" (https://{word.strip()})"
        )
    return f"{quote_name(word)}: no such file"


def main(argv: Sequence[str] | None = None) -> int:
    """Run a command. With no command, or with only paths/URLs (a double-click, a file
    manager's "Open with"), open the window on them; a word that is none of these (a
    typo: ``delte 3``) is one line on stderr and exit 2, never a window."""
    argv = list(sys.argv[1:] if argv is None else argv)
    implicit = not (argv and (argv[0] in COMMANDS or argv[0] in ("-h", "--help", "--version")))
    if implicit:
        if argv and not argv[0].startswith("-") and not _openable(argv[0]):
            _err(_not_openable(argv[0], first=True))
            return EXIT_BAD_INPUT
        argv = ["open", *argv]  # "FILE", "--dark FILE", "--db LIB": the window
    parser = build_parser()
    args = parser.parse_args(argv)
    if implicit:
        for i, word in enumerate(args.inputs):
            if not _openable(word):
                _err(_not_openable(word, first=i == 0))
                return EXIT_BAD_INPUT
    try:
        return int(args.func(args))
    except InputError as exc:
        _err(str(exc))
        return EXIT_BAD_INPUT
    except store_error() as exc:  # a read of a busy, damaged or vanished library
        from reader.errors import library_error

        _err(str(library_error(_db_path(args), exc)))
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        _err("interrupted")
        return 130
    except BrokenPipeError:
        return EXIT_OK
