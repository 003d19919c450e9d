"""The CSV export: one row per claim, RFC 4180 (comma-separated, fields with a comma,
quote or line break in double quotes, quotes doubled, CRLF line ends), UTF-8 with a
header row.

The file starts with a UTF-8 byte-order mark, so a spreadsheet (Excel above all)
opens it as UTF-8 without an import dialog; Python reads it with
``encoding="utf-8-sig"``. A cell that starts with ``=``, ``+``, ``-`` or ``@`` would
be run as a formula by a spreadsheet (an article can carry
``=HYPERLINK("https://…")``): such a cell is written with a leading ``'``, which
spreadsheets show as text (OWASP's advice on CSV injection).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator

from reader.export.records import ArticleRecord, ClaimRecord

#: The header row, in column order.
COLUMNS = (
    "article id", "article", "publisher", "url", "claim", "source", "source type",
    "outlet", "chain", "status", "evidence", "verdict", "note", "verdict time",
)  # fmt: skip
#: What a spreadsheet takes for the start of a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
#: Written first: how a spreadsheet knows the file is UTF-8.
BOM = "\ufeff"


def cell(value: object) -> str:
    """A value as its cell: None empty, a would-be formula with a leading ``'``."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def claim_row(record: ArticleRecord, cr: ClaimRecord) -> list[str]:
    """One claim's row, in :data:`COLUMNS` order."""
    a, c = record.article, cr.claim
    values = (
        record.id, a.title, a.publisher, a.url, c.text, c.source, c.source_type, c.outlet,
        " ← ".join(c.chain), c.status, "\n".join(record.evidence(cr)), cr.verdict,
        cr.note, cr.verdict_time,
    )  # fmt: skip
    return [cell(v) for v in values]


def csv_text(records: Iterable[ArticleRecord]) -> Iterator[str]:
    """The CSV file as pieces of text (the byte-order mark and header first, then
    one article's rows at a time)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")  # RFC 4180: CRLF, minimal quoting
    writer.writerow(COLUMNS)
    yield BOM + buffer.getvalue()
    for record in records:
        buffer.seek(0)
        buffer.truncate()
        writer.writerows(claim_row(record, cr) for cr in record.claims)
        yield buffer.getvalue()
