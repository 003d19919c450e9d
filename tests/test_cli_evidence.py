"""show / claims / export with issue 8's keys: text lines and JSON keys, as users run them."""

from __future__ import annotations

import json
from pathlib import Path

from reader.store import Library
from tests.helpers import invoke
from tests.test_store_evidence import hand_made


def _library(tmp_path: Path) -> tuple[str, int]:
    db = tmp_path / "lib.db"
    with Library(db) as lib:
        aid = lib.add(*hand_made()).article_id
    return str(db), aid


def test_show_text_has_wire_uncertain_evidence_and_conflicts(tmp_path: Path) -> None:
    db, aid = _library(tmp_path)
    p = invoke("show", str(aid), "--db", db)
    assert p.returncode == 0, p.stderr
    lines = p.stdout.splitlines()
    assert lines[1] == "The Courier via Associated Press"
    claims = lines[lines.index("-- 4 claims") + 1 :]
    assert claims[:2] == [
        "  0 unconfirmed  Someone (person); The Courier ← Someone",
        "      Why unconfirmed: “… unable to independently verify …”",
    ]
    assert (
        claims[2]
        == "  1 reported     Ann Keller (person) (source uncertain); The Courier ← Someone"
    )
    assert claims[4:6] == [
        "      Why disputed: “A council member, however, said they rose twice last year.”",
        "      Conflicts with #3",
    ]
    assert "(source uncertain)" in claims[6]
    assert claims[7:10] == [
        "      Why disputed: “… denied that fees had risen before …”",
        "      Why disputed: “The …”",
        "      Conflicts with #2",
    ]


def test_claims_text_shows_evidence_across_the_library(tmp_path: Path) -> None:
    db, aid = _library(tmp_path)
    p = invoke("claims", "--status", "disputed", "--db", db)
    assert p.returncode == 0, p.stderr
    lines = p.stdout.splitlines()
    assert lines[0].startswith(f"[{aid}:2] DISPUTED ")
    assert lines[2:4] == [
        "    Why disputed: “A council member, however, said they rose twice last year.”",
        "    Conflicts with #3",
    ]
    assert lines[4].startswith(f"[{aid}:3] DISPUTED     Someone (person) (source uncertain);")
    assert "    Conflicts with #2" in lines


def test_json_outputs_carry_the_keys_as_extract_does(tmp_path: Path) -> None:
    db, aid = _library(tmp_path)
    _, article = hand_made()
    want = [c.to_dict() for c in article.claims]
    keys = ("evidence", "conflicts_with", "uncertain")

    shown = json.loads(invoke("show", str(aid), "--db", db, "--format", "json").stdout)
    assert shown["wire"] == "Associated Press"
    assert [{k: c[k] for k in keys} for c in shown["claims"]] == [
        {k: c[k] for k in keys} for c in want
    ]
    listed = invoke("claims", "--db", db, "--format", "json").stdout.splitlines()
    assert [{k: json.loads(x)[k] for k in keys} for x in listed] == [
        {k: c[k] for k in keys} for c in want
    ]
    [exported] = [
        json.loads(x) for x in invoke("export", "--db", db, "--format", "json").stdout.splitlines()
    ]
    assert exported["wire"] == "Associated Press"
    assert [c["uncertain"] for c in exported["claims"]] == [False, True, False, True]
