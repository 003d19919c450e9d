"""Exports of the library, shared by ``export --as FORMAT`` and File → Export.

One module per format (:mod:`~reader.export.json_lines`, :mod:`~reader.export.memo`,
:mod:`~reader.export.table`, :mod:`~reader.export.claimreview`,
:mod:`~reader.export.annotation`, :mod:`~reader.export.pdf`), what they are made from
(:mod:`~reader.export.records`) and which articles they take
(:mod:`~reader.export.scope`). Qt-free but for :mod:`~reader.export.pdf`, imported
only when a PDF is asked for.

A file is written whole or not at all: into a temporary file beside it, moved over
the target once complete.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from reader.errors import InputError
from reader.export.records import ArticleRecord, read_records
from reader.export.scope import Scope, article_ids

if TYPE_CHECKING:
    from reader.store import Library

__all__ = ["SUFFIXES", "ExportFormat", "Exported", "Scope", "export_file", "export_text"]


class ExportFormat(StrEnum):
    """What an export can be written as (``export --as``)."""

    JSON = "json"
    MARKDOWN = "markdown"
    CSV = "csv"
    CLAIMREVIEW = "claimreview"
    WEBANNOTATION = "webannotation"
    PDF = "pdf"


#: The file name ending of each format.
SUFFIXES = {
    ExportFormat.JSON: ".jsonl",
    ExportFormat.MARKDOWN: ".md",
    ExportFormat.CSV: ".csv",
    ExportFormat.CLAIMREVIEW: ".jsonld",
    ExportFormat.WEBANNOTATION: ".jsonld",
    ExportFormat.PDF: ".pdf",
}


@dataclass
class Exported:
    """What an export wrote: how many articles and claims it took, and how many items
    the format holds (claim reviews, annotations; else claims)."""

    format: ExportFormat
    articles: int = 0
    claims: int = 0
    items: int = 0
    path: Path | None = None


class _Counted:
    """The records of an export, counted as they go by."""

    def __init__(self, records: Iterable[ArticleRecord], result: Exported) -> None:
        self.records = records
        self.result = result

    def __iter__(self) -> Iterator[ArticleRecord]:
        for record in self.records:
            self.result.articles += 1
            self.result.claims += len(record.claims)
            yield record


def _pieces(
    lib: Library, fmt: ExportFormat, scope: Scope, reviewer: str | None, result: Exported
) -> Iterator[str]:
    """The export as pieces of text (every format but PDF)."""
    import json

    records = _Counted(read_records(lib, article_ids(lib, scope)), result)
    if fmt is ExportFormat.JSON:
        from reader.export.json_lines import json_lines

        yield from json_lines(records)
        result.items = result.articles
    elif fmt is ExportFormat.MARKDOWN:
        from reader.export.memo import memo

        yield from memo(records)
        result.items = result.claims
    elif fmt is ExportFormat.CSV:
        from reader.export.table import csv_text

        yield from csv_text(records)
        result.items = result.claims
    elif fmt is ExportFormat.CLAIMREVIEW:
        from reader.export.claimreview import claim_reviews

        if not reviewer:
            raise InputError("claimreview", "needs the reviewer's name (--reviewer NAME)")
        doc: dict[str, Any] = claim_reviews(lib, records, reviewer)
        result.items = len(doc["@graph"])
        yield json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    elif fmt is ExportFormat.WEBANNOTATION:
        from reader.export.annotation import annotation_collection

        doc = annotation_collection(records, reviewer)
        result.items = doc["total"]
        yield json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    else:
        raise ValueError(f"{fmt} is not a text format")


def export_text(
    lib: Library,
    fmt: ExportFormat,
    scope: Scope,
    out: TextIO,
    reviewer: str | None = None,
    filter_text: Callable[[str], str] | None = None,
) -> Exported:
    """Write a text export to the stream ``out`` (``filter_text``: applied to each
    piece, e.g. to make it safe for a terminal)."""
    result = Exported(fmt)
    for piece in _pieces(lib, fmt, scope, reviewer, result):
        out.write(filter_text(piece) if filter_text else piece)
    return result


def export_file(
    lib: Library, fmt: ExportFormat, scope: Scope, path: Path, reviewer: str | None = None
) -> Exported:
    """Write an export to ``path``, whole or not at all (an InputError says why not)."""
    path = Path(path)
    result = Exported(fmt, path=path)
    try:
        with _replacing(path) as tmp:
            if fmt is ExportFormat.PDF:
                _write_pdf(lib, scope, tmp, result)
            else:
                with open(tmp, "w", encoding="utf-8", newline="") as f:
                    for piece in _pieces(lib, fmt, scope, reviewer, result):
                        f.write(piece)
    except OSError as exc:
        raise InputError(str(path), f"cannot be written ({exc.strerror or exc})") from None
    return result


def _write_pdf(lib: Library, scope: Scope, path: Path, result: Exported) -> None:
    from reader.export.memo import memo
    from reader.export.pdf import write_pdf

    records = _Counted(read_records(lib, article_ids(lib, scope)), result)
    text = "".join(memo(records))
    title = f"Provenance Reader memo: {scope.describe()}"
    result.items = write_pdf(text, path, title)  # pages


@contextlib.contextmanager
def _replacing(path: Path) -> Iterator[Path]:
    """A temporary file beside ``path``, moved over it if the block succeeds and
    removed if it fails."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.part")
    tmp.open("x").close()  # made as any new file is (the umask's permissions), or OSError
    try:
        yield tmp
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
