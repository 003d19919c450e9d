"""The Markdown memo: per article its title, publisher, date, address and tags; each
claim with its source, outlet, chain, status and evidence, the user's verdict, note
and their history; then the user's highlights with their notes and tags.

Written to read as plain text and to render tidily in any Markdown viewer. Every
word that comes from an article or the user goes through :func:`inline`, so a claim
holding ``*stars*``, ``[a](link)``, ``<script>`` or a ``# heading`` shows those
characters and never becomes markup: ``<`` is written ``&lt;`` (every renderer
reads that entity, and Python-Markdown does not take ``\\<`` for an escape), an
``&`` that would start an entity ``&amp;``, ``|`` and ``~`` as character references,
and the other characters Markdown acts on are backslash-escaped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from reader.describe import publisher_line
from reader.export.records import ArticleRecord, ClaimRecord
from reader.textsafe import terminal_safe

#: Characters backslash-escaped wherever they are (CommonMark and Python-Markdown both
#: take these escapes): emphasis, code, links and images, and a heading's closing ``#``.
_PUNCT = re.compile(r"([\\`*_\[\]#])")
#: Characters only some renderers act on (a GitHub table's ``|``, strikethrough's
#: ``~``) and only some take a backslash escape for: written as character references,
#: which every renderer shows as the character.
_REFERENCES = {"|": "&#124;", "~": "&#126;"}
#: ``&name;``, ``&#38;``: an ``&`` a renderer would read as an entity.
_ENTITY = re.compile(r"&(?=#?\w+;)")
#: What starts a block at the start of a line: a quote, a list item, a setext
#: underline, an ordered list's number (its ``.`` or ``)`` is escaped).
_LINE_START = re.compile(r"^(\s*)(?:([>+\-=])|(\d+)([.)]))")
#: Runs of white space, newlines included: a one-line field keeps its words.
_SPACE = re.compile(r"\s+")


def inline(text: str) -> str:
    """``text`` as Markdown that shows exactly its characters, on one line; control
    characters and bidi overrides are shown as escapes (``\\x1b``, ``\\u202e``),
    as the CLI's text output shows them, so a memo read in a terminal cannot be made
    to say something else."""
    text = terminal_safe(_SPACE.sub(" ", text).strip())
    text = _ENTITY.sub("&amp;", text).replace("<", "&lt;")
    text = _PUNCT.sub(r"\\\1", text)
    for char, ref in _REFERENCES.items():
        text = text.replace(char, ref)
    return _line_start(text)


def _line_start(line: str) -> str:
    """A line that would open a block (``> ``, ``- ``, ``1. ``) made a paragraph's."""
    m = _LINE_START.match(line)
    if m is None:
        return line
    if m.group(2):
        return f"{m.group(1)}\\{m.group(2)}{line[m.end() :]}"
    return f"{m.group(1)}{m.group(3)}\\{m.group(4)}{line[m.end() :]}"


def block(text: str, indent: str) -> str:
    """Text of several lines (a note) kept as lines: each escaped as :func:`inline`
    does, joined by hard line breaks, continuation lines indented by ``indent`` so
    they stay in their list item; blank lines are dropped (a blank line would end
    the item)."""
    lines = [inline(line) for line in text.splitlines()]
    return ("  \n" + indent).join(line for line in lines if line)


def _date(timestamp: str | None) -> str:
    """``2025-04-18T10:02:33Z`` as ``2025-04-18 10:02``."""
    if not timestamp:
        return ""
    return timestamp.replace("T", " ")[:16]


def article_memo(record: ArticleRecord) -> Iterator[str]:
    """One article's part of the memo, line by line."""
    a = record.article
    yield f"# {inline(a.title or '(untitled)')}"
    yield ""
    meta = [
        ("Publisher", publisher_line(a) or "unknown"),
        ("Byline", a.byline or ""),
        ("Published", a.published or "no date given"),
        ("Address", a.url or "none (imported from a file)"),
        ("In the library", f"article {record.id}, imported {_date(record.stored.imported_at)}"),
        ("Tags", ", ".join(record.tags)),
    ]
    for label, value in meta:
        if value:
            yield f"- **{label}:** {inline(value)}"
    yield ""
    n = len(record.claims)
    yield f"## Claims ({n})" if n else "## Claims"
    yield ""
    if not n:
        yield "No claims were found in this article."
        yield ""
    for cr in record.claims:
        yield from claim_memo(record, cr)
    if record.highlights:
        yield f"## Your highlights ({len(record.highlights)})"
        yield ""
        for h in record.highlights:
            facts = [h.colour.value]
            if h.tags:
                facts.append("tags: " + ", ".join(h.tags))
            if h.orphaned:
                facts.append("its words are no longer in the text")
            item = f"- “{inline(h.exact)}” ({inline('; '.join(facts))})"
            if h.note:  # a nested item: the highlight's, not another highlight
                item += f"\n  - **Note:** {block(h.note, '    ')}"
            yield item
        yield ""


def claim_memo(record: ArticleRecord, cr: ClaimRecord) -> Iterator[str]:
    """One claim: a heading, the claim quoted, then its facts and the user's verdict."""
    c = cr.claim
    yield f"### Claim {cr.seq + 1}: {inline(c.status)}"
    yield ""
    yield f"> {inline(c.text)}"
    yield ""
    source = c.source or "no source given"
    if c.source and c.source_type:
        source += f" ({c.source_type})"
    if c.uncertain:
        source += ", uncertain"
    yield f"- **Source:** {inline(source)}"
    yield f"- **Outlet:** {inline(c.outlet or '-')}"
    yield f"- **Chain:** {inline(' ← '.join(c.chain) if c.chain else '-')}"
    yield f"- **Status:** {inline(c.status)}"
    for words in record.evidence(cr):
        yield f"- **Evidence:** “{inline(words)}”"
    if c.origin_url:
        yield f"- **Cited page:** {inline(c.origin_url)}"
    if cr.verdict:
        when = _date(cr.verdict_time)
        yield f"- **Your verdict:** {inline(cr.verdict)} ({when})"
    else:
        yield "- **Your verdict:** none"
    if cr.note:
        yield f"- **Note:** {block(cr.note, '  ')}"
    earlier = cr.history[:-1]
    if earlier:
        yield "- **History:**"
        for entry in earlier:
            verdict = entry.verdict or "cleared"
            note = f"; note: {block(entry.note, '    ')}" if entry.note else ""
            yield f"  - {_date(entry.created_at)}: {inline(verdict)}{note}"
    yield ""


def memo(records: Iterable[ArticleRecord]) -> Iterator[str]:
    """The memo of every article, articles apart by a rule; each piece ends in a
    newline."""
    first = True
    for record in records:
        if not first:
            yield "---\n\n"
        first = False
        for line in article_memo(record):
            yield line + "\n"
    if first:
        yield "No articles.\n"
