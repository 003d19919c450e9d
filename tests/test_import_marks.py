"""``import-marks FILE``: the Web Annotation export read back onto the same articles
(by address or by the hash of their text) with no duplicates; a file of another
format, from a newer version or with a bad annotation is one line, exit 2, and the
library as it was; the writes are one transaction."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from reader.export import ExportFormat, Scope, export_file
from reader.export.marks_import import import_marks
from reader.marks import Colour, selector_for
from reader.store import Library
from tests.export_helpers import FERRY, FERRY_TEXT, add_article, ferry
from tests.helpers import invoke
from tests.jsonld_contexts import OA, expand, nodes, value

#: The tables of user state an import writes (and nothing else).
USER_TABLES = ("highlights", "highlight_tags", "article_tags", "tags", "verdicts")


def _state(db: Path | str) -> dict[str, list[tuple[Any, ...]]]:
    conn = sqlite3.connect(db)
    try:
        return {t: conn.execute(f"select * from {t} order by 1, 2").fetchall() for t in USER_TABLES}
    finally:
        conn.close()


def _highlight(lib: Library, aid: int, words: str, **kw: Any) -> None:
    text = lib.article_text(aid) or ""
    at = text.index(words)
    lib.add_highlight(aid, selector_for(text, at, at + len(words)), **kw)


def _marked(path: Path) -> Library:
    """A library with the ferry article (by address) and a file's article (no address),
    highlights, tags and verdicts on both."""
    lib = Library(path)
    a = ferry(lib)
    b = add_article(lib, FERRY_TEXT + "\n\nFrom the print edition.", FERRY[:2], url=None)
    _highlight(lib, a, "fuel costs had doubled", colour=Colour.PINK, note="ask the <b>board</b>",
               tags=["energy", "follow up"])  # fmt: skip
    _highlight(lib, a, "4 p.m.")
    _highlight(lib, b, "print edition", colour=Colour.GREEN, tags=["print"])
    lib.set_article_tags(a, ["ferries", "islands"])
    for aid, seq, verdict, note in ((a, 1, "false", "fuel rose 40%"), (b, 0, "true", None)):
        stored = lib.get(aid)
        assert stored is not None
        lib.set_verdict(aid, stored.claims[seq].claim_key, verdict, note)
    return lib


def _plain(lib: Library) -> Library:
    """The same two articles, unmarked, in another library (other ids)."""
    add_article(lib, "Another story entirely, said Pat Moe.", [], title="Other", url=None)
    ferry(lib)
    add_article(lib, FERRY_TEXT + "\n\nFrom the print edition.", FERRY[:2], url=None)
    return lib


def _marks(lib: Library) -> list[tuple[Any, ...]]:
    return sorted(
        (lib.article_text(h.article_id)[h.start : h.end], h.exact, h.colour, h.note,  # type: ignore[index]
         tuple(h.tags), h.uid, h.orphaned)
        for h in lib.highlights()
    )  # fmt: skip


def _verdicts(lib: Library) -> list[tuple[Any, ...]]:
    return sorted((sc.claim.text, sc.verdict, sc.note) for sc in lib.claims() if sc.verdict)


def test_the_export_holds_highlights_and_tags_as_annotations(tmp_path: Path) -> None:
    lib = _marked(tmp_path / "a.db")
    out = tmp_path / "marks.jsonld"
    export_file(lib, ExportFormat.WEBANNOTATION, Scope(), out)
    doc = json.loads(out.read_text(encoding="utf-8"))
    expanded = expand(doc)
    annos = nodes(expanded, OA + "Annotation")
    motives = [value(a, OA + "motivatedBy") for a in annos]
    assert motives.count(OA + "highlighting") == 3 and motives.count(OA + "tagging") == 1
    assert motives.count(OA + "assessing") == 2
    pink = next(
        i for i in doc["first"]["items"] if i["target"].get("styleClass") == "highlight-pink"
    )
    assert pink["id"] == next(h.uid for h in lib.highlights() if h.colour is Colour.PINK)
    assert [(b["purpose"], b["value"]) for b in pink["body"]] == [
        ("commenting", "ask the <b>board</b>"), ("tagging", "energy"), ("tagging", "follow up"),
    ]  # fmt: skip
    assert "highlight-pink { background-color:" in pink["stylesheet"]["value"]
    styled = [a for a in annos if OA + "styledBy" in a]
    assert len(styled) == 3 and value(styled[0], OA + "styledBy")["@type"] == [OA + "CssStyle"]
    lib.close()


def test_a_round_trip_brings_everything_back_once(tmp_path: Path) -> None:
    a = _marked(tmp_path / "a.db")
    out = tmp_path / "marks.jsonld"
    export_file(a, ExportFormat.WEBANNOTATION, Scope(), out)
    b = _plain(Library(tmp_path / "b.db"))
    done = import_marks(b, out)
    assert (done.highlights, done.verdicts, done.tagged, done.unmatched) == (3, 2, 1, 0)
    assert _marks(b) == _marks(a)
    assert _verdicts(b) == _verdicts(a)
    ferry_b = next(r.id for r in b.list_articles() if r.title and r.title.startswith("Ferry") and
                   b.article_tags(r.id))  # fmt: skip
    assert b.article_tags(ferry_b) == ["ferries", "islands"]
    before = _state(tmp_path / "b.db")
    again = import_marks(b, out)  # no duplicates, no new history
    assert (again.highlights, again.verdicts, again.tagged) == (0, 0, 0)
    assert again.highlights_known == 3 and again.verdicts_same == 2
    assert _state(tmp_path / "b.db") == before
    # and onto the library it came from: nothing to do
    a_before = _state(tmp_path / "a.db")
    assert import_marks(a, out).highlights == 0
    assert _state(tmp_path / "a.db") == a_before
    a.close(), b.close()


def test_articles_are_found_by_the_hash_of_their_text(tmp_path: Path) -> None:
    a = _marked(tmp_path / "a.db")
    out = tmp_path / "marks.jsonld"
    export_file(a, ExportFormat.WEBANNOTATION, Scope(), out)
    b = Library(tmp_path / "b.db")
    add_article(b, FERRY_TEXT, FERRY, url=None)  # the ferry article, from a file
    done = import_marks(b, out)
    assert done.highlights == 2 and done.verdicts == 1
    assert done.unmatched == 3  # the print edition's highlight, claim and verdict
    a.close(), b.close()


def test_a_quote_no_longer_in_the_text_comes_back_orphaned(tmp_path: Path) -> None:
    a = _marked(tmp_path / "a.db")
    out = tmp_path / "marks.jsonld"
    export_file(a, ExportFormat.WEBANNOTATION, Scope(), out)
    b = Library(tmp_path / "b.db")
    shorter = FERRY_TEXT.replace(" now leaves at 4 p.m.", " leaves early.")
    add_article(b, shorter, FERRY[:2])  # same address, words changed
    done = import_marks(b, out)
    assert (done.highlights, done.orphaned) == (2, 1)
    [lost] = [h for h in b.highlights() if h.orphaned]
    assert lost.exact == "4 p.m."
    found = next(h for h in b.highlights() if not h.orphaned)
    assert shorter[found.start : found.end] == "fuel costs had doubled"
    a.close(), b.close()


def test_an_annotation_from_another_tool_is_imported_once(tmp_path: Path) -> None:
    lib = Library(tmp_path / "a.db")
    ferry(lib)
    doc = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "Annotation",
        "motivation": "commenting",
        "body": {"type": "TextualBody", "value": "interesting"},
        "target": {
            "source": "https://courier.example/ferry-cut",
            "selector": {"type": "TextQuoteSelector", "exact": "harbour board"},
        },
    }
    path = tmp_path / "one.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert import_marks(lib, path).highlights == 1
    assert import_marks(lib, path).highlights_known == 1
    [h] = lib.highlights()
    assert (h.exact, h.note, h.colour) == ("harbour board", "interesting", Colour.YELLOW)
    assert FERRY_TEXT[h.start : h.end] == "harbour board"
    lib.close()


def _export_of(db: str, fmt: str, out: Path) -> None:
    assert (
        invoke("export", "--db", db, "--as", fmt, "--out", str(out), "--reviewer", "A").returncode
        == 0
    )


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        ("csv", "is not a Web Annotation export (the CSV export)"),
        ("markdown", "is not a Web Annotation export (Markdown (the memo))"),
        ("json", "is not a Web Annotation export (JSON Lines (the JSON export))"),
        ("claimreview", "is a ClaimReview export, not a Web Annotation one"),
        (
            "newer",
            "was written by a newer version of Provenance Reader (export version 2; this one"
            " reads up to 1): nothing imported",
        ),
        (
            "bad-verdict",
            "annotation 2 is not one this version reads: its verdict 'maybe' is none of"
            " true, false, misleading, unproven",
        ),
        (
            "bad-position",
            "annotation 1 is not one this version reads: its TextPositionSelector"
            " has no valid start and end",
        ),
        ("empty", "is not a Web Annotation export (not JSON)"),
    ],
)
def test_bad_input_is_one_line_and_nothing_changes(tmp_path: Path, make: str, reason: str) -> None:
    src = _marked(tmp_path / "a.db")
    src.close()
    db = str(tmp_path / "b.db")
    _plain(Library(db)).close()
    path = tmp_path / f"input.{make}"
    if make in ("csv", "markdown", "json", "claimreview"):
        _export_of(str(tmp_path / "a.db"), make, path)
    elif make == "empty":
        path.write_bytes(b"")
    else:
        _export_of(str(tmp_path / "a.db"), "webannotation", path)
        doc = json.loads(path.read_text(encoding="utf-8"))
        items = doc["first"]["items"]
        if make == "newer":
            doc["schema:version"] = 2
        elif make == "bad-verdict":
            n, item = next((n, i) for n, i in enumerate(items) if i["motivation"] == "oa:assessing")
            body = next(b for b in item["body"] if b["purpose"] == "oa:assessing")
            body["value"] = "maybe"
            assert n == 1  # the message names it: "annotation 2"
        else:
            items[0]["target"]["selector"][1]["start"] = -4
        path.write_text(json.dumps(doc), encoding="utf-8")
    before = _state(db)
    p = invoke("import-marks", str(path), "--db", db)
    assert (p.returncode, p.stdout) == (2, "")
    assert p.stderr == f"error: {path}: {reason}\n"
    assert _state(db) == before


def test_the_writes_are_one_transaction(tmp_path: Path) -> None:
    a = _marked(tmp_path / "a.db")
    out = tmp_path / "marks.jsonld"
    export_file(a, ExportFormat.WEBANNOTATION, Scope(), out)
    b = _plain(Library(tmp_path / "b.db"))
    before = _state(tmp_path / "b.db")
    # a real failure of SQLite after the highlights are written: verdicts refused
    b.db.execute(
        "create temp trigger refuse before insert on verdicts"
        " begin select raise(abort, 'refused by the test'); end"
    )
    with pytest.raises(sqlite3.IntegrityError, match="refused by the test"):
        import_marks(b, out)
    assert _state(tmp_path / "b.db") == before
    assert b.highlights() == []
    b.db.execute("drop trigger refuse")
    assert import_marks(b, out).highlights == 3  # and it works once the library does
    a.close(), b.close()


def test_the_cli_says_what_it_imported(tmp_path: Path) -> None:
    _marked(tmp_path / "a.db").close()
    _plain(Library(tmp_path / "b.db")).close()
    out = tmp_path / "marks.jsonld"
    _export_of(str(tmp_path / "a.db"), "webannotation", out)
    p = invoke("import-marks", str(out), "--db", str(tmp_path / "b.db"))
    assert p.returncode == 0, p.stderr
    assert p.stdout == "imported 3 highlights, 2 verdicts or notes, tags on 1 article\n"
    p = invoke("import-marks", str(out), "--db", str(tmp_path / "b.db"), "--format", "json")
    d = json.loads(p.stdout)
    assert (d["highlights"], d["highlights_known"], d["verdicts_same"], d["articles"]) == (
        0,
        3,
        2,
        2,
    )
    missing = invoke("import-marks", str(tmp_path / "nope.jsonld"), "--db", str(tmp_path / "b.db"))
    assert missing.returncode == 2 and "cannot be read" in missing.stderr


def test_the_json_export_gains_marks_and_tags(tmp_path: Path) -> None:
    _marked(tmp_path / "a.db").close()
    db = str(tmp_path / "a.db")
    docs = [
        json.loads(x) for x in invoke("export", "--db", db, "--format", "json").stdout.splitlines()
    ]
    by_title = {d["text"][-20:]: d for d in docs}
    ferry_doc = next(d for d in docs if d["url"])
    assert ferry_doc["tags"] == ["ferries", "islands"]
    assert [(m["exact"], m["colour"], m["tags"]) for m in ferry_doc["marks"]] == [
        ("fuel costs had doubled", "pink", ["energy", "follow up"]), ("4 p.m.", "yellow", []),
    ]  # fmt: skip
    for m in ferry_doc["marks"]:
        assert ferry_doc["text"][m["start"] : m["end"]] == m["exact"]
    assert len(by_title) == 2


def test_export_by_tag(tmp_path: Path) -> None:
    _marked(tmp_path / "a.db").close()
    db = str(tmp_path / "a.db")
    one = invoke("export", "--db", db, "--as", "json", "--tag", "islands").stdout.splitlines()
    assert [json.loads(x)["tags"] for x in one] == [["ferries", "islands"]]
    by_highlight = invoke(
        "export", "--db", db, "--as", "json", "--tag", "print"
    ).stdout.splitlines()
    assert [json.loads(x)["url"] for x in by_highlight] == [None]  # a highlight's tag counts
    both = invoke("export", "--db", db, "--as", "csv", "--tag", "print", "--tag", "islands")
    assert len(both.stdout.splitlines()) == 1 + 3 + 2  # the header, a row per claim
    none = invoke("export", "--db", db, "--as", "csv", "--tag", "nothing")
    assert (none.returncode, none.stderr) == (
        2,
        "error: tag 'nothing': no article carries it (see 'tag')\n",
    )
    memo = invoke("export", "--db", db, "--as", "markdown", "--tag", "islands").stdout
    assert "- **Tags:** ferries, islands" in memo and "## Your highlights (2)" in memo
    assert (
        "- “fuel costs had doubled” (pink; tags: energy, follow up)\n  - **Note:** ask the &lt;b>board&lt;/b>"
        in memo
    )


def test_export_kind_knows_no_article_for_an_export() -> None:
    """What tells an export from an article (an import refuses the exports) takes no
    article for one: not the samples, not the test pages, not Markdown with a
    bullet list of bold labels, not JSON that is not ours."""
    from reader.export.marks_import import ExportKind, export_kind
    from tests.helpers import ROOT

    files = sorted((ROOT / "resources" / "samples").iterdir())
    files += sorted(p for p in (ROOT / "tests" / "fixtures").rglob("*") if p.is_file())
    assert files and all(export_kind(p.read_bytes()) is None for p in files)
    near = [
        b"# Ferry\n\n- **Source:** the harbour master\n\nThe ferry runs hourly.\n",
        b'{"id": 3, "title": "not our export"}\n',
        b'{"@context": "https://schema.org", "@type": "NewsArticle"}',
        b"article id;article\r\n1;2\r\n",
    ]
    assert [export_kind(b) for b in near] == [None] * len(near)
    memo = b"# T\n\n- **Publisher:** P\n- **In the library:** article 4, imported 2025-01-01\n"
    assert export_kind(memo) is ExportKind.MEMO
    assert export_kind(b'\xef\xbb\xbf {\n "@context": ["http://www.w3.org/ns/anno.jsonld"]') is (
        ExportKind.WEBANNOTATION
    )
