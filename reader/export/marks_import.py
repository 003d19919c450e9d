"""``import-marks FILE``: a Web Annotation export (:mod:`reader.export.annotation`)
read back onto the same articles, without duplicates.

An annotation's article is found by its target's address (as stored, then as the
trace normalises addresses) or by the hash of the article's text (the target's
``schema:sha256``, or an ``ni:///sha-256;…`` source); annotations of articles this
library does not have are counted and left out. Then:

- a highlight (any annotation with a quote that is not a claim) is added through
  the store unless the library has its id already (``uid``); its place is found in
  the article's text as re-extraction finds it (:func:`reader.marks.locate`), and a
  quote no longer there is kept orphaned, as re-extraction keeps one;
- a claim (motivated ``oa:assessing`` or ``describing``) finds its claim by its words
  (the normalised text verdicts are keyed by) and gets the verdict and note the file
  has, if they differ from the library's (one history entry; the same twice is none);
  what the file does not say (no verdict, no note) leaves the library's as it is;
- an article's tags are added to the tags it has.

The whole file is read and checked first: a file of another format, from a newer
version, or with an annotation that is not well formed is one line
(:class:`~reader.errors.InputError`) and nothing is written. The writes are one
transaction: all of them, or (the disk full, the library busy) none.
"""

from __future__ import annotations

import base64
import json
import re
import uuid
from collections.abc import Iterator
from dataclasses import astuple, dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.errors import InputError
from reader.export.annotation import (
    ASSESSING,
    CLAIM_NAMESPACE,
    CONTEXT,
    FORMAT_VERSION,
    STYLE_PREFIX,
)
from reader.export.table import COLUMNS
from reader.marks import Colour, Selector, locate, normal_tag
from reader.store import VERDICTS, claim_key
from reader.trace.origin import normalise_url

if TYPE_CHECKING:
    from reader.store import Library

#: The largest file read (an export of 100,000 annotations is some 150 MB).
MAX_BYTES = 512 * 1024 * 1024
_OA = "http://www.w3.org/ns/oa#"
#: The context addresses a Web Annotation document may name.
_CONTEXTS = (CONTEXT, "https://www.w3.org/ns/anno.jsonld")
#: Motivations of claim annotations, in the forms a file may use.
_CLAIM_MOTIVATIONS = {ASSESSING, "assessing", _OA + "assessing", "describing", _OA + "describing"}
_ASSESSING = {ASSESSING, "assessing", _OA + "assessing"}


@dataclass
class _Highlight:
    article_id: int
    uid: str
    selector: Selector
    colour: Colour
    note: str | None
    tags: list[str]
    created_at: str | None


@dataclass
class _Verdict:
    article_id: int
    exact: str
    verdict: str | None
    note: str | None


@dataclass
class Imported:
    """What an import did (or, for ``unmatched``, left out)."""

    highlights: int = 0  # added
    highlights_known: int = 0  # the library had them already (same id)
    orphaned: int = 0  # added, but their words are not in the article's text now
    verdicts: int = 0  # claims whose verdict or note changed
    verdicts_same: int = 0  # claims the library already had so
    claims_missing: int = 0  # claim annotations whose words no claim of the article has
    tagged: int = 0  # articles that got tags they did not have
    unmatched: int = 0  # annotations of articles this library does not have
    articles: set[int] = field(default_factory=set)

    def summary(self) -> str:
        parts = [
            f"{self.highlights} highlight{'s' if self.highlights != 1 else ''}"
            + (f" ({self.orphaned} orphaned)" if self.orphaned else ""),
            f"{self.verdicts} verdict{'s' if self.verdicts != 1 else ''} or note"
            f"{'s' if self.verdicts != 1 else ''}",
            f"tags on {self.tagged} article{'s' if self.tagged != 1 else ''}",
        ]
        line = "imported " + ", ".join(parts)
        already = self.highlights_known + self.verdicts_same
        if already:
            line += f"; {already} already in the library"
        if self.claims_missing:
            n = self.claims_missing
            line += f"; {n} claim{'s' if n != 1 else ''} not found in their article"
        if self.unmatched:
            n = self.unmatched
            line += (
                f"; {n} annotation{'s' if n != 1 else ''} of articles not in this library left out"
            )
        return line


class ExportKind(StrEnum):
    """Which of this program's exports a file is (as :func:`export_kind` tells)."""

    WEBANNOTATION = "Web Annotation"
    CLAIMREVIEW = "ClaimReview"
    JSON = "JSON Lines"
    CSV = "CSV"
    MEMO = "Markdown memo"

    def refusal(self) -> str:
        """Why an import of this export as an article is refused, and what to do."""
        head = f"is a Provenance Reader export ({self}), not an article"
        if self is ExportKind.WEBANNOTATION:
            return f"{head}: use Import Marks (import-marks) to bring its marks in"
        return f"{head}: only a Web Annotation export can be read back, with Import Marks"


#: How much of a file :func:`export_kind` reads.
SNIFF_BYTES = 64 * 1024
#: What each export starts with (the writers are reader.export's modules).
_EXPORT_STARTS = (
    (
        ExportKind.WEBANNOTATION,
        re.compile(
            r'\{\s*"@context"\s*:\s*\[?\s*"(?:' + "|".join(map(re.escape, _CONTEXTS)) + ')"'
        ),
    ),
    (
        ExportKind.CLAIMREVIEW,
        re.compile(r'\{\s*"@context"\s*:\s*"https?://schema\.org/?"\s*,\s*"@graph"'),
    ),
    (ExportKind.JSON, re.compile(r'\{"id": \d+, "source": "(?:[^"\\\n]|\\.)*", "imported_at": ')),
    (ExportKind.CSV, re.compile(re.escape(",".join(COLUMNS)) + r"\r?\n")),
    (
        ExportKind.MEMO,
        re.compile(
            r"# [^\n]*\n\n(?:- \*\*[^\n]*\n)*?- \*\*In the library:\*\* article \d+, imported "
        ),
    ),
)


def export_kind(data: bytes) -> ExportKind | None:
    """Which export of this program ``data`` (a file's bytes, or their start) is, by
    what each export writes first; None for anything else (an article). The JSON-LD
    exports are told by their ``@context`` whoever wrote them."""
    head = data[:SNIFF_BYTES].decode("utf-8", "replace").removeprefix("\ufeff").lstrip()
    return next((kind for kind, start in _EXPORT_STARTS if start.match(head)), None)


def read_annotations(path: Path) -> list[dict[str, Any]]:
    """The annotations of a Web Annotation export, or an InputError saying in one line
    why the file is not one this version can read."""
    name = str(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise InputError(name, f"is larger than {MAX_BYTES // 2**20} MB: not an export")
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(name, f"cannot be read ({exc.strerror or exc})") from None
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise InputError(name, _not_ours(data)) from None
    if not isinstance(doc, dict):
        raise InputError(name, "is not a Web Annotation export (JSON, but not an object)")
    contexts = doc.get("@context")
    named = contexts if isinstance(contexts, list) else [contexts]
    if not any(c in _CONTEXTS for c in named):
        if any(isinstance(c, str) and "schema.org" in c for c in named):
            raise InputError(name, "is a ClaimReview export, not a Web Annotation one")
        raise InputError(name, "is not a Web Annotation export (no Web Annotation @context)")
    version = doc.get("schema:version", FORMAT_VERSION)
    if not isinstance(version, int) or isinstance(version, bool):
        raise InputError(name, f"has an export version this one cannot read ({version!r})")
    if version > FORMAT_VERSION:
        raise InputError(
            name,
            f"was written by a newer version of Provenance Reader (export version {version};"
            f" this one reads up to {FORMAT_VERSION}): nothing imported",
        )
    kind = doc.get("type")
    if kind == "AnnotationCollection":
        page = doc.get("first")
        items = page.get("items") if isinstance(page, dict) else None
    elif kind == "AnnotationPage":
        items = doc.get("items")
    elif kind == "Annotation":
        items = [doc]
    else:
        raise InputError(name, f"is not a Web Annotation export (its type is {kind!r})")
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise InputError(name, "is not a Web Annotation export (no list of annotations)")
    return items


def _not_ours(data: bytes) -> str:
    """What a file that is not JSON looks like, in words."""
    head = data[:4096].decode("utf-8", "replace").lstrip("\ufeff")
    first = head.splitlines()[0] if head else ""
    if data.startswith(b"%PDF"):
        kind = "a PDF"
    elif first.startswith("{"):
        kind = "JSON Lines (the JSON export)"
    elif first.startswith("article id,"):
        kind = "the CSV export"
    elif first.startswith("#"):
        kind = "Markdown (the memo)"
    else:
        kind = "not JSON"
    return f"is not a Web Annotation export ({kind})"


class _Articles:
    """Which article of the library an annotation's target names (cached per target)."""

    def __init__(self, lib: Library) -> None:
        self.lib = lib
        self.found: dict[tuple[str, str], int | None] = {}

    def of(self, target: dict[str, Any]) -> int | None:
        source = target.get("source")
        if isinstance(source, dict):
            source = source.get("id")
        digest = target.get("schema:sha256")
        key = (str(source), str(digest))
        if key not in self.found:
            self.found[key] = self._find(source, digest)
        return self.found[key]

    def _find(self, source: object, digest: object) -> int | None:
        db = self.lib.db
        if isinstance(source, str) and source.startswith("ni:///sha-256;"):
            digest = digest or _ni_hex(source)
        elif isinstance(source, str) and source:
            row = db.execute("select id from articles where url = ? limit 1", [source]).fetchone()
            if row is None:
                at = self.lib.articles_at_url(normalise_url(source))
                row = (at[0],) if at else None
            if row is not None:
                return int(row[0])
        if isinstance(digest, str) and digest:
            row = db.execute(
                "select id from articles where content_hash = ? limit 1", [digest]
            ).fetchone()
            if row is not None:
                return int(row[0])
        return None


def _ni_hex(iri: str) -> str | None:
    """The hex digest an ``ni:///sha-256;…`` URI names (RFC 6920), or None."""
    b64 = iri.split(";", 1)[1]
    try:
        return base64.urlsafe_b64decode(b64 + "=" * (-len(b64) % 4)).hex()
    except ValueError:
        return None


def _list(value: object) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _text(value: object, what: str) -> str:
    if not isinstance(value, str):
        raise ValueError(f"its {what} is not text")
    return value


def _bodies(anno: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """(purpose, text) of each textual body (a plain string body is a comment)."""
    for body in _list(anno.get("body")) + _list(anno.get("bodyValue")):
        if isinstance(body, str):
            yield "commenting", body
        elif isinstance(body, dict) and body.get("type") == "TextualBody":
            purpose = str(body.get("purpose") or "commenting").removeprefix(_OA)
            yield purpose.removeprefix("oa:"), _text(body.get("value"), "body's value")


def _quote(target: dict[str, Any]) -> tuple[Selector | None, bool]:
    """The target's quote with its offsets (0, 0 when it gives none), and whether it
    gave offsets."""
    quote: dict[str, Any] | None = None
    position: dict[str, Any] | None = None
    for sel in _list(target.get("selector")):
        if isinstance(sel, dict) and sel.get("type") == "TextQuoteSelector":
            quote = sel
        elif isinstance(sel, dict) and sel.get("type") == "TextPositionSelector":
            position = sel
    if quote is None:
        return None, False
    start = end = 0
    if position is not None:
        a, b = position.get("start"), position.get("end")
        if not (isinstance(a, int) and isinstance(b, int) and 0 <= a <= b):
            raise ValueError("its TextPositionSelector has no valid start and end")
        start, end = a, b
    return (
        Selector(
            _text(quote.get("exact"), "quote"),
            _text(quote.get("prefix", ""), "quote's prefix"),
            _text(quote.get("suffix", ""), "quote's suffix"),
            start,
            end,
        ),
        position is not None,
    )


def _colour(target: dict[str, Any]) -> Colour:
    for cls in _list(target.get("styleClass")):
        try:
            return Colour(str(cls).removeprefix(STYLE_PREFIX))
        except ValueError:
            continue  # a class of another tool's
    return Colour.YELLOW


def _plan(
    lib: Library, items: list[dict[str, Any]], name: str, out: Imported
) -> tuple[list[_Highlight], list[_Verdict], dict[int, list[str]]]:
    """Every write the file asks for, checked; nothing written yet."""
    articles = _Articles(lib)
    highlights: list[_Highlight] = []
    verdicts: list[_Verdict] = []
    tags: dict[int, list[str]] = {}
    seen: set[str] = set()
    for n, anno in enumerate(items, 1):
        try:
            if anno.get("type") != "Annotation":
                raise ValueError("it is not an Annotation")
            target = next(iter(_list(anno.get("target"))), None)
            if isinstance(target, str):
                target = {"source": target}
            if not isinstance(target, dict):
                raise ValueError("it has no target")
            bodies = list(_bodies(anno))
            motivation = anno.get("motivation")
            selector, placed = _quote(target)
            aid = articles.of(target)
            if aid is None:
                out.unmatched += 1
                continue
            out.articles.add(aid)
            if motivation in _CLAIM_MOTIVATIONS:
                if selector is None:
                    raise ValueError("it is a claim with no quote")
                verdict = next((t for p, t in bodies if p == "assessing"), None)
                if verdict is not None and verdict not in VERDICTS:
                    raise ValueError(f"its verdict {verdict!r} is none of {', '.join(VERDICTS)}")
                note = next((t for p, t in bodies if p == "commenting"), None)
                if verdict is not None or note is not None:  # else nothing to bring back
                    verdicts.append(_Verdict(aid, selector.exact, verdict, note))
            elif selector is not None:
                uid = anno.get("id")
                if uid is None:  # a tool that gives none: one id per quote and place
                    uid = f"urn:uuid:{uuid.uuid5(CLAIM_NAMESPACE, f'{aid}:{selector}')}"
                uid = _text(uid, "id")
                if uid in seen:
                    continue
                seen.add(uid)
                if not selector.exact.strip():
                    raise ValueError("its quote is empty")
                created = anno.get("created")
                highlights.append(
                    _Highlight(
                        aid,
                        uid,
                        selector if placed else Selector(*astuple(selector)[:3]),
                        _colour(target),
                        next((t for p, t in bodies if p == "commenting"), None),
                        [t for p, t in bodies if p == "tagging"],
                        created if isinstance(created, str) else None,
                    )
                )
            elif motivation == "tagging":
                tags.setdefault(aid, []).extend(t for p, t in bodies if p == "tagging")
            # any other annotation of a whole article (a bookmark, a comment on the
            # page) has nothing the library keeps
        except ValueError as exc:
            raise InputError(name, f"annotation {n} is not one this version reads: {exc}") from None
    return highlights, verdicts, tags


def import_marks(lib: Library, path: Path) -> Imported:
    """Read ``path`` back onto the library (see the module docstring)."""
    name = str(path)
    items = read_annotations(path)
    out = Imported()
    highlights, verdicts, tags = _plan(lib, items, name, out)
    texts = {aid: lib.article_text(aid) or "" for aid in out.articles}
    claims = {aid: {sc.claim_key: sc for sc in lib.claims(article_id=aid)} for aid in out.articles}
    with lib.transaction():
        for h in highlights:
            if lib.highlight_by_uid(h.uid) is not None:
                out.highlights_known += 1
                continue
            span = locate(h.selector, texts[h.article_id])
            s = h.selector
            if span is not None:
                s = Selector(s.exact, s.prefix, s.suffix, span[0], span[1])
            lib.add_highlight(
                h.article_id, s, h.colour, h.note, h.tags, uid=h.uid,
                created_at=h.created_at, orphaned=span is None,
            )  # fmt: skip
            out.highlights += 1
            out.orphaned += span is None
        for v in verdicts:
            sc = claims[v.article_id].get(claim_key(v.exact))
            if sc is None:
                out.claims_missing += 1
                continue
            verdict = v.verdict if v.verdict is not None else sc.verdict
            note = v.note if v.note is not None else sc.note
            if (verdict, note) == (sc.verdict, sc.note):
                out.verdicts_same += 1
                continue
            lib.set_verdict(v.article_id, sc.claim_key, verdict, note)
            sc.verdict, sc.note = verdict, note  # the same claim twice in a file: once
            out.verdicts += 1
        for aid, names in tags.items():
            have = lib.article_tags(aid)
            known = {t.casefold() for t in have}
            new = [t for t in names if normal_tag(t).casefold() not in known]
            if new:
                lib.set_article_tags(aid, have + new)
                out.tagged += 1
    return out
