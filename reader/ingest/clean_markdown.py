"""Turn a Markdown article into an Article: front matter for metadata, the first
top-level heading as title, and plain text rendered through python-markdown."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

import markdown as md
from lxml import html as lxml_html

from reader.ingest.clean_text import is_chrome
from reader.ingest.identity import PageIdentity, publisher_and_wire
from reader.model import Article

if TYPE_CHECKING:
    from lxml.html import HtmlElement

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
    body = bound_markdown("\n\n".join(p for p in paragraphs if not is_chrome(p)))
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
    # which elements hold a block somewhere inside: one pass, each ancestor marked once
    holders: set[HtmlElement] = set()
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag in _BLOCKS:
            up = el.getparent()
            while up is not None and up not in holders:
                holders.add(up)
                up = up.getparent()
    paras: list[str] = []
    _block_text(root, holders, paras)
    return "\n\n".join(paras)


def _block_text(el: HtmlElement, holders: set[HtmlElement], paras: list[str]) -> None:
    """Append ``el``'s text to ``paras`` as paragraphs, in reading order: the words a
    block holds directly (a list item's own line) are one paragraph, and each block
    nested in it (the list under that line) gives its own, where it stands."""
    words: list[str] = [el.text or ""]

    def flush() -> None:
        t = re.sub(r"\s+", " ", "".join(words)).strip()
        if t:
            paras.append(t)
        words.clear()

    for child in el:
        if not isinstance(child.tag, str):  # a comment or processing instruction
            pass
        elif child.tag in _BLOCKS or child in holders:
            # a block, or a container of blocks (a list): its paragraphs stand apart
            flush()
            _block_text(child, holders, paras)
        else:
            words.append(child.text_content())
        words.append(child.tail or "")
    flush()


#: A block (lines between blank lines) longer than this is cut into blocks about
#: this long: Python-Markdown's inline pass costs the block's length for every match
#: in it, so one huge block costs its square.
GUARD_BLOCK = 10_000
#: How far a ``[``, a link's ``(`` or a tag's ``<`` may be from its closer; further
#: (or unclosed) it is escaped: Python-Markdown scans from every opener to the end of
#: its block, and back again from the next one.
GUARD_REACH = 1_000
#: The deepest nesting of quotes and lists kept (Python-Markdown recurses per level).
GUARD_DEPTH = 10
#: The widest leading indent kept, in columns.
GUARD_INDENT = 40
_FENCE = re.compile(r"(`{3,}|~{3,})")
_CONTAINER = re.compile(r"[ \t]*(?:>|[*+-](?=[ \t])|\d{1,9}[.)](?=[ \t]))")
_MARKUP_CHARS = re.compile(r"[\[\]()<>]")
_TAG_START = re.compile(r"<(?=[A-Za-z/!?])")
#: Where a long block may be cut: before a line (else a word) that starts with a
#: letter, so the new block cannot start a list, heading, quote or table.
_LINE_CUT = re.compile(r"\n(?=[^\W\d_])")
_WORD_CUT = re.compile(r" (?=[^\W\d_])")


def bound_markdown(body: str) -> str:
    """``body`` with the shapes that make Python-Markdown slow or crash defused, so
    converting it costs time linear in its length: unclosed (or far-closed) link
    brackets, link parentheses and tag openers escaped, nesting deeper than
    :data:`GUARD_DEPTH` and indents wider than :data:`GUARD_INDENT` cut, blocks longer
    than :data:`GUARD_BLOCK` split. Fenced code and code spans are left as they are;
    ordinary Markdown comes back unchanged."""
    out: list[str] = []
    para: list[str] = []
    lines = body.split("\n")
    closes = _fence_closes(lines)
    fence = ""

    def flush() -> None:
        if para:
            out.append(_bound_block("\n".join(para)))
            para.clear()

    for n, line in enumerate(lines):
        if fence:
            out.append(line)
            if line.rstrip(" ") == fence:
                fence = ""
            continue
        m = _FENCE.match(line)
        if m and closes(m.group(1), n):
            flush()
            fence = m.group(1)
            out.append(line)
        elif not line.strip():
            flush()
            out.append(line)
        else:
            para.append(_cap_nesting(line))
    flush()
    return "\n".join(out)


def _fence_closes(lines: list[str]) -> Callable[[str, int], bool]:
    """A test whether the fence opened on line ``n`` is closed on a later line (an
    unclosed one is no fence to Python-Markdown): a table of the lines that are bare
    fences, looked up from the end, so the test costs no scan."""
    last: dict[str, int] = {}  # bare fence -> the last line it is on
    for n, line in enumerate(lines):
        if line[:1] in "`~" and _FENCE.match(line):
            bare = line.rstrip(" ")
            if _FENCE.fullmatch(bare):
                last[bare] = n
    return lambda fence, n: last.get(fence, -1) > n


def _cap_nesting(line: str) -> str:
    """The line with at most GUARD_DEPTH quote or list markers before its text, and
    at most GUARD_INDENT columns of leading space."""
    markers: list[str] = []
    at = 0
    while m := _CONTAINER.match(line, at):
        markers.append(m.group())
        at = m.end()
    if len(markers) > GUARD_DEPTH:
        line = "".join(markers[-GUARD_DEPTH:]) + line[at:]
    lead = len(line) - len(line.lstrip(" \t"))
    if lead > GUARD_INDENT and len(line[:lead].expandtabs(4)) > GUARD_INDENT:
        line = " " * GUARD_INDENT + line[lead:]
    return line


def _bound_block(block: str) -> str:
    """One block (no blank line in it), split if long, its far openers escaped."""
    if len(block) <= GUARD_BLOCK:
        return _escape_openers(block)
    pieces: list[str] = []
    start = 0
    while len(block) - start > GUARD_BLOCK:
        window = block[start : start + GUARD_BLOCK]
        cut = max((m.start() for m in _LINE_CUT.finditer(window)), default=-1)
        if cut <= 0:
            cut = max((m.start() for m in _WORD_CUT.finditer(window)), default=-1)
        if cut <= 0:
            cut = GUARD_BLOCK
        pieces.append(_escape_openers(block[start : start + cut]))
        start += cut
        while start < len(block) and block[start] in " \n":
            start += 1
    pieces.append(_escape_openers(block[start:]))
    return "\n\n".join(p for p in pieces if p.strip())


def _escape_openers(block: str) -> str:
    """Escape each ``[`` without its ``]`` within GUARD_REACH and each ``(`` just after
    such a pair without its ``)`` within reach (a backslash), and each tag-like ``<``
    without a ``>`` within reach (``&lt;``); never inside a code span or an indented
    code block. The rendered text is the same: these were never markup."""
    if "[" not in block and "<" not in block:
        return block
    if all(ln.startswith(("    ", "\t")) for ln in block.split("\n")):
        return block  # indented code
    code = _code_spans(block)
    escape: list[int] = []
    brackets: list[int] = []
    parens: list[int] = []
    kept_close: set[int] = set()  # positions of "]" whose "[" is kept
    link_paren: set[int] = set()  # "(" just after a kept "]"
    tags: list[int] = []  # tag-like "<"
    gts: list[int] = []  # every ">"
    for m in _MARKUP_CHARS.finditer(block):
        i, c = m.start(), m.group()
        if c == ">":
            gts.append(i)
            continue
        if code[i] or (i and block[i - 1] == "\\"):
            continue
        if c == "<":
            if _TAG_START.match(block, i):
                tags.append(i)
        elif c == "[":
            brackets.append(i)
        elif c == "]" and brackets:
            j = brackets.pop()
            if i - j > GUARD_REACH:
                escape.append(j)
            else:
                kept_close.add(i)
        elif c == "(":
            parens.append(i)
            if i - 1 in kept_close:
                link_paren.add(i)
        elif c == ")" and parens:
            j = parens.pop()
            if j in link_paren and i - j > GUARD_REACH:
                escape.append(j)
            link_paren.discard(j)
    escape += brackets
    escape += link_paren
    for i in tags:
        k = bisect.bisect_right(gts, i)
        if k == len(gts) or gts[k] - i > GUARD_REACH:
            escape.append(i)  # "\<" is no escape to Python-Markdown: "&lt;" is
    if not escape:
        return block
    parts: list[str] = []
    prev = 0
    for i in sorted(escape):
        parts.append(block[prev:i])
        if block[i] == "<":
            parts.append("&lt;")
            prev = i + 1
        else:
            parts.append("\\")
            prev = i
    parts.append(block[prev:])
    return "".join(parts)


def _code_spans(block: str) -> bytearray:
    """1 for each character inside a code span (backtick runs of equal length)."""
    inside = bytearray(len(block))
    if "`" not in block:
        return inside
    runs = [(m.start(), m.end()) for m in re.finditer(r"`+", block)]
    following: dict[int, int] = {}  # run length -> index of the next run that long
    nxt = [-1] * len(runs)
    for k in range(len(runs) - 1, -1, -1):
        n = runs[k][1] - runs[k][0]
        nxt[k] = following.get(n, -1)
        following[n] = k
    k = 0
    while k < len(runs):
        j = nxt[k]
        if j < 0:
            k += 1
            continue
        a, b = runs[k][0], runs[j][1]
        inside[a:b] = b"\x01" * (b - a)
        k = j + 1
    return inside


def _date(s: str | None) -> str | None:
    if not s:
        return None
    m = re.match(r"(\d{4}-\d{2}-\d{2})", s)
    return m.group(1) if m else None
