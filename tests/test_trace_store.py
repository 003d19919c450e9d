"""The trace in the library: keys and links stored per claim (m010), linking on import
and re-extraction, the group with first appearance, independence, travelling status
and resolved origins, delete and undo, and the CLI (``trace``, ``claims
--appears-in-at-least``). Real library files, real extraction of Markdown written here."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from reader.library_ops import import_source, reextract
from reader.store import Library
from reader.trace.group import trace
from reader.trace.link import KEY_CAP, VERSION, link_pending, stored_keys
from reader.trace.signature import signature
from tests.helpers import invoke

WSJ = """---
title: Russia approaches Egypt over engines
publisher: The Wall Street Journal
url: https://www.wsj.com/world/egypt-russia-456
published: 2024-03-01
---

# Russia approaches Egypt

Russia has asked Egypt to return 150 helicopter engines from its fleet, according to unnamed officials familiar with the matter.

Egypt returned 15 engines to Moscow last year after a long dispute, the officials said.
"""

NBC = """---
title: Engines deal
publisher: NBC News
url: https://www.nbcnews.com/politics/engines
published: 2024-03-02
---

# Engines deal

Russia has asked Egypt to return 150 helicopter engines from its fleet, [The Wall Street Journal reported](https://www.wsj.com/world/egypt-russia-456/) on Tuesday.

The weather in Cairo was mild on Tuesday, with light winds along the Nile and clear skies, forecasters said.
"""

HILL = """---
title: Egypt and the engines
publisher: The Hill
url: https://thehill.com/policy/egypt-engines
---

# Egypt and the engines

Russia has asked Egypt to return 150 helicopter engines from its fleet, The Wall Street Journal reported.

A spokesman for the Egyptian ministry denied that Egypt had agreed to return any engines to Russia.
"""

FIFTEEN = """---
title: Old dispute
publisher: Reuters
published: 2024-02-20
---

# Old dispute

Russia has asked Egypt to return 15 helicopter engines from its fleet, officials said on Monday.
"""


def _write(tmp: Path, name: str, text: str) -> str:
    p = tmp / name
    p.write_text(text, encoding="utf-8")
    return str(p)


@pytest.fixture
def linked(tmp_path: Path) -> tuple[Library, dict[str, int]]:
    lib = Library(tmp_path / "library.db")
    ids = {}
    for name, text in (("wsj", WSJ), ("nbc", NBC), ("hill", HILL), ("fifteen", FIFTEEN)):
        ids[name] = import_source(lib, _write(tmp_path, f"{name}.md", text)).article_id
    yield lib, ids
    lib.close()


def _seq(lib: Library, aid: int, words: str) -> int:
    return next(c.seq for c in lib.claims(article_id=aid) if words in c.claim.text)


def test_import_links_the_new_article_and_marks_it_linked(
    linked: tuple[Library, dict[str, int]],
) -> None:
    lib, ids = linked
    assert lib.untraced_ids() == []
    assert {r[0] for r in lib.db.execute("select trace_version from articles")} == {VERSION}
    assert lib.db.execute("select count(*) from claim_keys").fetchone()[0] > 0
    t = trace(lib, ids["nbc"], _seq(lib, ids["nbc"], "150 helicopter"))
    assert {m.article_id for m in t.members} == {ids["wsj"], ids["nbc"], ids["hill"]}


def test_group_is_ordered_first_appearance_and_independent_sources(
    linked: tuple[Library, dict[str, int]],
) -> None:
    lib, ids = linked
    t = trace(lib, ids["hill"], _seq(lib, ids["hill"], "150 helicopter"))
    assert [m.article_id for m in t.members][:2] == [ids["wsj"], ids["nbc"]]
    assert t.first.outlet == "The Wall Street Journal" and t.first.date == "2024-03-01"
    hill = next(m for m in t.members if m.article_id == ids["hill"])
    assert hill.date_from == "imported"  # no date on the page: the import date, flagged
    assert t.outlets == ["The Wall Street Journal", "NBC News", "The Hill"]
    # NBC and The Hill cite the Journal: one independent source
    assert t.sources == ["The Wall Street Journal"]
    assert [m.independent for m in t.members] == [True, False, False]
    assert t.summary() == "3 outlets · 1 independent source (The Wall Street Journal)"


def test_150_never_joins_15(linked: tuple[Library, dict[str, int]]) -> None:
    lib, ids = linked
    t = trace(lib, ids["wsj"], _seq(lib, ids["wsj"], "150 helicopter"))
    assert ids["fifteen"] not in {m.article_id for m in t.members}
    t15 = trace(lib, ids["fifteen"], 0)
    assert not any("150" in m.text for m in t15.members)


def test_origin_url_resolves_to_the_cited_article_at_the_matching_claim(
    linked: tuple[Library, dict[str, int]],
) -> None:
    lib, ids = linked
    seq = _seq(lib, ids["nbc"], "150 helicopter")
    nbc_claim = lib.claims(article_id=ids["nbc"])[seq].claim
    assert nbc_claim.origin_url == "https://www.wsj.com/world/egypt-russia-456/"
    t = trace(lib, ids["nbc"], seq)
    nbc = next(m for m in t.members if m.article_id == ids["nbc"])
    assert nbc.origin_url is not None
    assert nbc.origin_url.article_id == ids["wsj"]  # trailing slash and www. aside
    assert nbc.origin_url.seq == _seq(lib, ids["wsj"], "150 helicopter")


def test_a_denial_in_any_member_travels_to_the_group(
    linked: tuple[Library, dict[str, int]],
) -> None:
    lib, ids = linked
    hill_statuses = {c.claim.status for c in lib.claims(article_id=ids["hill"])}
    t = trace(lib, ids["wsj"], _seq(lib, ids["wsj"], "150 helicopter"))
    if "denied" in hill_statuses or "disputed" in hill_statuses:
        assert t.status in ("denied", "disputed")
    member_statuses = {m.status for m in t.members}
    assert t.status == next(
        (s for s in ("denied", "disputed", "unconfirmed") if s in member_statuses), None
    )


def test_status_of_any_member_is_the_groups(tmp_path: Path) -> None:
    base = (
        "Officials said the bridge on Route 9 will close for 40 days of repairs starting in June."
    )
    doubt = (
        "Officials said the bridge on Route 9 will close for 40 days of repairs starting in"
        " June. The Daily Planet could not independently verify the claim."
    )
    with Library(tmp_path / "l.db") as lib:
        a = import_source(lib, _write(tmp_path, "a.md", f"# A\n\n{base}\n")).article_id
        b = import_source(lib, _write(tmp_path, "b.md", f"# B\n\n{doubt}\n")).article_id
        statuses = {c.claim.status for c in lib.claims(article_id=b)}
        assert "unconfirmed" in statuses
        t = trace(lib, a, 0)
        assert {m.article_id for m in t.members} == {a, b}
        assert t.status == "unconfirmed"
        assert any(m.evidence for m in t.members if m.article_id == b)


def test_candidates_are_an_index_seek_and_keys_are_capped(tmp_path: Path) -> None:
    with Library(tmp_path / "l.db") as lib:
        plan = lib.db.execute(
            "explain query plan select k.claim_id, c.article_id from claim_keys k join claims c"
            " on c.id = k.claim_id where k.key = ? order by k.claim_id desc limit ?",
            [1, 64],
        ).fetchall()
        details = " ".join(str(r[-1]) for r in plan)
        assert "SEARCH k USING PRIMARY KEY (key=?)" in details, details
        assert "SCAN" not in details
        text = "The council voted to spend 4.5 million on the new harbour wall, officials said."
        for n in range(KEY_CAP + 5):
            body = f"# Copy {n}\n\n{text}\n\nReport number {n} of the series.\n"
            import_source(lib, _write(tmp_path, f"c{n}.md", body))
        key = stored_keys(signature(text, "officials"))[0]
        n_rows = lib.db.execute("select count(*) from claim_keys where key = ?", [key]).fetchone()
        assert n_rows[0] == KEY_CAP  # the newest KEY_CAP claims of that text
        newest = lib.db.execute("select max(id) from claims").fetchone()[0]
        assert lib.db.execute(
            "select 1 from claim_keys where key = ? and claim_id >= ?", [key, newest - 2]
        ).fetchone()


def test_delete_takes_keys_and_links_and_undo_puts_them_back(
    linked: tuple[Library, dict[str, int]],
) -> None:
    lib, ids = linked

    def dump() -> tuple[list[tuple], list[tuple]]:
        return (
            lib.db.execute("select * from claim_keys order by 1, 2").fetchall(),
            lib.db.execute("select * from claim_links order by 1, 2").fetchall(),
        )

    before = dump()
    gone = lib.delete([ids["wsj"]])
    mine = {r["id"] for r in gone.rows["claims"]}
    keys, links = dump()
    assert not any(c in mine for _k, c in keys)
    assert not any(a in mine or b in mine for a, b, _k, _s in links)
    assert gone.rows["claim_links"]  # the NBC and Hill links to the Journal went too
    assert lib.db.execute("pragma foreign_key_check").fetchall() == []
    lib.restore(gone)
    assert dump() == before


def test_undo_restores_a_link_only_when_both_ends_are_back(
    linked: tuple[Library, dict[str, int]],
) -> None:
    lib, ids = linked

    def links_between(a: int, b: int) -> int:
        return lib.db.execute(
            "select count(*) from claim_links l join claims x on x.id = l.claim_id"
            " join claims y on y.id = l.other_claim_id where (x.article_id = ? and"
            " y.article_id = ?) or (x.article_id = ? and y.article_id = ?)",
            [a, b, b, a],
        ).fetchone()[0]

    assert links_between(ids["nbc"], ids["wsj"]) >= 1
    nbc_gone = lib.delete([ids["nbc"]])
    wsj_gone = lib.delete([ids["wsj"]])
    lib.restore(nbc_gone)  # the Journal is still deleted: NBC's link to it stays out
    assert links_between(ids["nbc"], ids["wsj"]) == 0
    assert lib.untraced_ids() == [ids["nbc"]]  # and NBC is linked again by the next pass
    assert lib.db.execute("pragma foreign_key_check").fetchall() == []
    assert links_between(ids["nbc"], ids["hill"]) >= 1  # the link to a present article is back
    lib.restore(wsj_gone)
    assert link_pending(lib) == 1
    assert links_between(ids["nbc"], ids["wsj"]) >= 1
    assert lib.db.execute("pragma foreign_key_check").fetchall() == []


def test_reextract_rebuilds_the_links_of_new_claim_rows(
    linked: tuple[Library, dict[str, int]],
) -> None:
    lib, ids = linked
    seq = _seq(lib, ids["wsj"], "150 helicopter")
    before = {m.article_id for m in trace(lib, ids["wsj"], seq).members}
    # give the claims new ids: another article's claims are inserted first
    lib.db.execute("insert into id_floors (name, floor) values ('claims', 10000)")
    lib.db.conn.commit()
    done, failures = reextract(lib, ids["wsj"])
    assert (done, failures) == (1, [])
    assert min(c.id for c in lib.claims(article_id=ids["wsj"])) > 10000
    assert lib.is_traced(ids["wsj"])
    assert {m.article_id for m in trace(lib, ids["wsj"], seq).members} == before
    # the other side of each link sees the new rows
    t = trace(lib, ids["nbc"], _seq(lib, ids["nbc"], "150 helicopter"))
    assert ids["wsj"] in {m.article_id for m in t.members}


def test_articles_stored_without_linking_are_linked_by_the_next_pass(tmp_path: Path) -> None:
    from reader.pipeline import extract

    with Library(tmp_path / "l.db") as lib:
        for name, text in (("wsj", WSJ), ("nbc", NBC)):
            lib.add(*extract(_write(tmp_path, f"{name}.md", text)))  # as a feed entry does
        assert len(lib.untraced_ids()) == 2
        assert link_pending(lib) == 2
        assert lib.untraced_ids() == []
        assert lib.db.execute("select count(*) from claim_links").fetchone()[0] >= 1


def test_a_library_from_before_m010_upgrades_and_links_on_demand(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with Library(path) as lib:
        aid = import_source(lib, _write(tmp_path, "wsj.md", WSJ)).article_id
        nbc = import_source(lib, _write(tmp_path, "nbc.md", NBC)).article_id
    conn = sqlite3.connect(path)  # as if m010 had never run
    conn.executescript(
        "drop table claim_keys; drop table claim_links; drop index articles_untraced;"
        " drop index articles_url_key; alter table articles drop column trace_version;"
        " alter table articles drop column url_key; alter table claims drop column origin_url;"
        " alter table claims drop column trace_keys;"
        " delete from _sqlite_migrations where name in ('m010_trace', 'm011_claim_keys_by_claim');"
    )
    conn.close()
    with Library(path) as lib:
        assert sorted(lib.untraced_ids()) == [aid, nbc]
        t = trace(lib, nbc, _seq(lib, nbc, "150 helicopter"))  # links the article asked for
        assert {m.article_id for m in t.members} == {nbc}  # the other is not linked yet
        assert t.unlinked == 1
        link_pending(lib)
        t = trace(lib, nbc, _seq(lib, nbc, "150 helicopter"))
        assert {m.article_id for m in t.members} == {aid, nbc}


def test_a_library_linked_by_trace_2_is_linked_again_after_m013(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with Library(path) as lib:
        aid = import_source(lib, _write(tmp_path, "wsj.md", WSJ)).article_id
        nbc = import_source(lib, _write(tmp_path, "nbc.md", NBC)).article_id
        assert lib.untraced_ids() == []
    conn = sqlite3.connect(path)  # as trace-2 left it, before m013
    conn.executescript(
        "update articles set trace_version = 'trace-2';"
        " insert into claim_keys (key, claim_id) select 12345, min(id) from claims;"
        " delete from _sqlite_migrations where name = 'm013_trace_3_relink';"
    )
    conn.close()
    with Library(path) as lib:
        assert sorted(lib.untraced_ids()) == [aid, nbc]
        assert lib.db.execute("select count(*) from claim_keys").fetchone()[0] == 0
        assert lib.db.execute("select count(*) from claim_links").fetchone()[0] >= 1  # kept
        assert link_pending(lib) == 2
        assert {r[0] for r in lib.db.execute("select trace_version from articles")} == {VERSION}
        t = trace(lib, nbc, _seq(lib, nbc, "150 helicopter"))
        assert {m.article_id for m in t.members} == {aid, nbc}


# -- CLI ------------------------------------------------------------------------------


def test_cli_trace_json_and_text(linked: tuple[Library, dict[str, int]]) -> None:
    lib, ids = linked
    db = str(lib.path)
    seq = _seq(lib, ids["nbc"], "150 helicopter")
    r = invoke("trace", str(ids["nbc"]), str(seq), "--db", db, "--format", "json")
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    assert d["summary"] == "3 outlets · 1 independent source (The Wall Street Journal)"
    assert d["first"]["outlet"] == "The Wall Street Journal"
    assert d["independent"] == 1 and d["sources"] == ["The Wall Street Journal"]
    nbc = next(m for m in d["members"] if m["article_id"] == ids["nbc"])
    assert nbc["relation"] == "this"
    assert nbc["origin_url"]["article_id"] == ids["wsj"]
    assert {m["relation"] for m in d["members"]} <= {"this", "copy", "rewrite", "same_facts"}
    r = invoke("trace", str(ids["nbc"]), str(seq), "--db", db)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0] == "3 outlets · 1 independent source (The Wall Street Journal)"
    assert lines[1].startswith("first: The Wall Street Journal, 2024-03-01")
    assert "~ no publication date: the import date stands in" in r.stdout
    assert f"-> [{ids['wsj']}:" in r.stdout


@pytest.mark.parametrize(
    "args",
    [
        ("trace", "999", "0"),
        ("trace", "1", "99"),
        ("trace", "x", "0"),
        ("trace", "1"),
        ("trace",),
        ("trace", "1", "--link-all"),
    ],
)
def test_cli_trace_bad_input_is_one_line_and_exit_2(
    linked: tuple[Library, dict[str, int]], args: tuple[str, ...]
) -> None:
    lib, _ids = linked
    r = invoke(*args, "--db", str(lib.path))
    assert r.returncode == 2
    assert r.stdout == "" and len(r.stderr.strip().splitlines()) == 1
    assert "Traceback" not in r.stderr


def test_cli_claims_appears_in_at_least(linked: tuple[Library, dict[str, int]]) -> None:
    lib, ids = linked
    db = str(lib.path)
    r = invoke("claims", "--appears-in-at-least", "3", "--db", db, "--format", "json")
    assert r.returncode == 0, r.stderr
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert {d["article_id"] for d in rows} == {ids["wsj"], ids["nbc"], ids["hill"]}
    assert all("150 helicopter" in d["text"] for d in rows)
    everything = invoke("claims", "--db", db, "--format", "json").stdout.splitlines()
    one = invoke("claims", "--appears-in-at-least", "1", "--db", db, "--format", "json")
    assert one.stdout.splitlines() == everything
    bad = invoke("claims", "--appears-in-at-least", "0", "--db", db)
    assert bad.returncode == 2 and len(bad.stderr.strip().splitlines()) == 1


def _key_rows_are_the_claims_own(lib: Library) -> None:
    """Every key row belongs to a claim that lists the key (nothing left behind)."""
    listed = set(lib.claim_key_rows("1", []))
    rows = set(lib.db.execute("select key, claim_id from claim_keys").fetchall())
    assert rows and rows <= listed


def test_key_rows_are_found_by_the_claims_own_list(
    linked: tuple[Library, dict[str, int]],
) -> None:
    """m011: no claim_id index; delete, re-extraction and relinking find a claim's
    rows by its list of keys, and leave none behind."""
    lib, ids = linked
    names = {r[0] for r in lib.db.execute("select name from sqlite_master where type='index'")}
    assert "claim_keys_claim" not in names
    _key_rows_are_the_claims_own(lib)
    plan = " ".join(
        str(r[-1])
        for r in lib.db.execute(
            "explain query plan delete from claim_keys where key = ? and claim_id = ?", [1, 2]
        )
    )
    assert "PRIMARY KEY (key=? AND claim_id=?)" in plan, plan
    reextract(lib, ids["nbc"])
    _key_rows_are_the_claims_own(lib)
    gone = lib.delete([ids["wsj"]])
    _key_rows_are_the_claims_own(lib)
    assert gone.rows["claim_keys"]
    lib.restore(gone)
    _key_rows_are_the_claims_own(lib)
    t = trace(lib, ids["hill"], _seq(lib, ids["hill"], "150 helicopter"))
    assert ids["wsj"] in {m.article_id for m in t.members}


def test_a_library_from_m010_drops_its_keys_and_is_linked_again(tmp_path: Path) -> None:
    path = tmp_path / "m010.db"
    with Library(path) as lib:
        aid = import_source(lib, _write(tmp_path, "wsj.md", WSJ)).article_id
        nbc = import_source(lib, _write(tmp_path, "nbc.md", NBC)).article_id
        n_links = lib.db.execute("select count(*) from claim_links").fetchone()[0]
        assert n_links >= 1
    conn = sqlite3.connect(path)  # as m010 left it: no key lists, a claim_id index
    conn.executescript(
        "alter table claims drop column trace_keys;"
        " create index claim_keys_claim on claim_keys (claim_id);"
        " delete from _sqlite_migrations where name = 'm011_claim_keys_by_claim';"
    )
    conn.close()
    with Library(path) as lib:
        assert lib.db.execute("select count(*) from claim_keys").fetchone()[0] == 0
        assert sorted(lib.untraced_ids()) == [aid, nbc]
        assert lib.db.execute("select count(*) from claim_links").fetchone()[0] == n_links
        assert link_pending(lib) == 2
        _key_rows_are_the_claims_own(lib)
        t = trace(lib, nbc, _seq(lib, nbc, "150 helicopter"))
        assert {m.article_id for m in t.members} == {aid, nbc}


def test_cli_link_all_links_an_old_library_at_once(tmp_path: Path) -> None:
    """A library with nothing linked (as m011 leaves one): ``trace --link-all`` links
    every article, progress on stderr, the count on stdout; again, nothing to do."""
    path = tmp_path / "old.db"
    with Library(path) as lib:
        ids = [
            import_source(lib, _write(tmp_path, f"{n}.md", t)).article_id
            for n, t in (("wsj", WSJ), ("nbc", NBC), ("hill", HILL))
        ]
        lib.db.execute("update articles set trace_version = null")
        lib.db.execute("delete from claim_links")
        lib.db.conn.commit()
    r = invoke("trace", "--link-all", "--db", str(path))
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("linked 3 articles (")
    assert "linking: 3/3 articles" in r.stderr
    with Library(path) as lib:
        assert lib.untraced_ids() == []
        assert lib.db.execute("select count(*) from claim_links").fetchone()[0] >= 2
    r = invoke("trace", "--link-all", "--db", str(path), "--format", "json")
    assert json.loads(r.stdout) == {"linked": 0, "links": 0}
    with Library(path) as lib:
        lib.db.execute("update articles set trace_version = null where id = ?", [ids[1]])
        lib.db.conn.commit()
        seq = _seq(lib, ids[1], "150 helicopter")
    r = invoke("trace", str(ids[1]), str(seq), "--link-all", "--db", str(path))
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("3 outlets")


def test_outlets_quoting_one_named_party_are_one_source_and_an_article_counts_once() -> None:
    from reader.trace.group import Member, _independence, source_key

    def m(aid: int, outlet: str, source: str | None, kind: str | None, rel: str) -> Member:
        return Member(aid, 0, aid * 10, outlet, None, f"2025-03-0{aid}", "published",
                      "text", "reported", rel, 1.0, source=source, source_type=kind)  # fmt: skip

    assert source_key("U.S. Attorney James Kennedy Jr.", "official") == source_key(
        "Kennedy", "person"
    )
    assert source_key("the river authority", "organization") == source_key(
        "River Authority", "organization"
    )
    assert source_key("officials", "anonymous") is None
    group = [
        m(1, "Northgate Daily", "Ana Rusk", "official", "this"),
        m(2, "Harbor Post", "councillor Ana Rusk", "person", "rewrite"),
        m(3, "Valley Times", "a resident", "person", "same_facts"),
    ]
    assert _independence(group) == ["Ana Rusk", "Valley Times"]
    assert [x.independent for x in group] == [False, False, True]
    # two claims of one article in the group: when one goes back elsewhere, so does it
    group = [
        m(1, "Northgate Daily", None, None, "this"),
        m(2, "Harbor Post", None, None, "rewrite"),
        m(2, "Harbor Post", None, None, "same_facts"),
    ]
    group[1].cites = "Northgate Daily"
    assert _independence(group) == ["Northgate Daily"]
    assert not group[2].independent


def test_one_office_named_as_an_organisation_or_by_its_holder_is_one_source() -> None:
    from reader.trace.group import Member, _independence, source_key, title_words

    def m(aid: int, outlet: str, text: str, source: str | None, kind: str | None) -> Member:
        return Member(aid, 0, aid * 10, outlet, None, f"2025-04-0{aid}", "published", text,
                      "reported", "this" if aid == 1 else "rewrite", 1.0, source=source,
                      source_type=kind)  # fmt: skip

    # word order, possessives and "office" do not make another organisation
    assert source_key("the Orrin Harbour Authority", "organization") == source_key(
        "the harbour authority in Orrin", "organization"
    )
    assert source_key("the state auditor's office", "government") == source_key(
        "the State Auditor", "government"
    )
    assert source_key("the harbour authority", "organization") != source_key(
        "the harbour police", "organization"
    )
    # a person's title, before the name or in apposition after it
    assert title_words("State Auditor Mina Okafor said the audit was late.", "Mina Okafor") == {
        "state",
        "auditor",
    }
    assert title_words(
        "Mina Okafor Jr., the state auditor for Dunmore County, said it was late.",
        "Mina Okafor Jr.",
    ) == {"state", "auditor", "dunmore", "county"}
    group = [
        m(1, "Dunmore Ledger", "The audit of the port was late, the state auditor's office said.",
          "the state auditor's office", "government"),
        m(2, "Valley Times", "State Auditor Mina Okafor said the port's audit was late.",
          "Mina Okafor", "official"),
        m(3, "Harbor Post", "The port audit was late, Ben Arlo said.", "Ben Arlo", "person"),
    ]  # fmt: skip
    assert _independence(group) == ["the state auditor's office", "Harbor Post"]
    # a title that does not hold the organisation's words ties nothing
    group[1].text = "Harbour Master Mina Okafor said the port's audit was late."
    assert _independence(group) == ["Dunmore Ledger", "Valley Times", "Harbor Post"]
