"""`feeds ...` as users run it, against feeds served on 127.0.0.1: add (with
autodiscovery), list, refresh, remove (articles kept unless asked), OPML import and
export; a bad input is one stderr line and exit 2."""

from __future__ import annotations

import json
from pathlib import Path

from reader.cli import build_parser
from reader.store import Library
from tests.helpers import ROOT, invoke, local_server
from tests.test_feeds_refresh import ATOM, LONG, XML, rss

HTML = {"Content-Type": "text/html"}


def feeds(db: Path, *args: str) -> object:
    return invoke("feeds", *args, "--db", str(db))


def test_add_refresh_list_remove(tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    page = (
        b'<html><head><link rel="alternate" type="application/rss+xml" href="/rss"></head></html>'
    )
    routes = {"/": (200, HTML, page), "/rss": (200, XML, rss(("g1", "/a1", LONG)))}
    with local_server(routes) as (base, _):
        p = invoke(
            "feeds", "add", base + "/", "--folder", "News", "--db", str(db), "--format", "json"
        )
        assert p.returncode == 0, p.stderr
        added = json.loads(p.stdout)
        assert added["url"] == base + "/rss" and added["folder"] == "News" and added["created"]
        p = invoke("feeds", "refresh", "--db", str(db))
        assert p.returncode == 0, p.stderr
        assert p.stdout.startswith(f"feed {added['id']}: 1 new (updated)")
        p = invoke("feeds", "refresh", "--db", str(db))
        assert p.stdout.startswith(f"feed {added['id']}: 0 new")
    p = invoke("feeds", "list", "--db", str(db), "--format", "json")
    (row,) = json.loads(p.stdout)
    assert row["title"] == "Harbour Gazette" and row["article_count"] == 1
    p = invoke("feeds", "remove", str(added["id"]), "--db", str(db))
    assert p.returncode == 0 and "articles stay" in p.stdout
    with Library(db) as lib:
        assert lib.count_articles() == 1 and lib.feeds() == []


def test_remove_with_delete_articles(tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    with local_server({"/atom": (200, {"Content-Type": "application/atom+xml"}, ATOM)}) as (
        base,
        _,
    ):
        assert invoke("feeds", "add", base + "/atom", "--db", str(db)).returncode == 0
        assert invoke("feeds", "refresh", "1", "--db", str(db)).returncode == 0
    p = invoke("feeds", "remove", "1", "--delete-articles", "--db", str(db))
    assert p.returncode == 0 and "deleted 1:" in p.stdout
    with Library(db) as lib:
        assert lib.count_articles() == 0


def test_bad_inputs_are_one_line_each(tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    broken = b"<?xml version='1.0'?><rss><channel><title>Broken</item></rss"
    routes = {
        "/page": (200, HTML, b"<html><body><p>No feed here.</p></body></html>"),
        "/broken": (200, XML, broken),
        "/gazette.xml": (200, XML, rss(("g1", "/a1", LONG))),  # not at a usual path
    }
    with local_server(routes) as (base, _):
        for url, words in [
            (base + "/page", "is not a feed"),
            (base + "/missing", "404"),
            (base + "/broken", "malformed XML"),
        ]:
            p = invoke("feeds", "add", url, "--db", str(db))
            assert p.returncode == 2 and p.exception is None, p.stderr
            assert len(p.stderr.splitlines()) == 1 and words in p.stderr, p.stderr
        assert invoke("feeds", "add", base + "/gazette.xml", "--db", str(db)).returncode == 0
        assert invoke("feeds", "refresh", "--db", str(db)).returncode == 0
        routes["/gazette.xml"] = (200, XML, broken)
        p = invoke("feeds", "refresh", "1", "7", "--db", str(db))
        assert p.returncode == 2 and p.exception is None
        lines = p.stderr.splitlines()
        assert (
            len(lines) == 2 and "feed 7: not subscribed" in lines[0] and "malformed XML" in lines[1]
        )
    with Library(db) as lib:
        assert lib.count_articles() == 1  # nothing stored is lost
    for args in (["remove", "9"], ["import-opml", str(tmp_path / "none.opml")], ["frob"]):
        p = invoke("feeds", *args, "--db", str(db))
        assert p.returncode == 2 and len(p.stderr.splitlines()) == 1, (args, p.stderr)


def test_opml_round_trip_through_the_cli(tmp_path: Path) -> None:
    db, out = tmp_path / "lib.db", tmp_path / "out.opml"
    opml = tmp_path / "in.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="1.0"><head/><body>'
        '<outline text="News"><outline text="Gazette" type="rss" xmlUrl="http://a.test/rss"/>'
        '<outline text="Local"><outline text="Times" xmlUrl="http://b.test/atom"/></outline></outline>'
        '<outline text="Loose" type="rss" xmlUrl="http://c.test/feed"/></body></opml>'
    )
    p = invoke("feeds", "import-opml", str(opml), "--db", str(db))
    assert p.returncode == 0 and "imported 3 new" in p.stdout, p.stderr
    assert invoke("feeds", "export-opml", str(out), "--db", str(db)).returncode == 0
    db2 = tmp_path / "lib2.db"
    assert invoke("feeds", "import-opml", str(out), "--db", str(db2)).returncode == 0
    listing = [
        {k: r[k] for k in ("url", "title", "folder")}
        for db_ in (db, db2)
        for r in json.loads(invoke("feeds", "list", "--format", "json", "--db", str(db_)).stdout)
    ]
    assert listing[:3] == listing[3:]
    assert {r["folder"] for r in listing} == {"News", "News / Local", ""}
    stdout = invoke("feeds", "export-opml", "--db", str(db)).stdout
    assert stdout.startswith("<?xml") and "http://b.test/atom" in stdout


def test_readme_command_table_names_every_command() -> None:
    readme = (ROOT / "README.md").read_text()
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    for name, sp in sub.choices.items():  # type: ignore[union-attr]
        nested = [a for a in sp._actions if a.dest == f"{name}_command"]
        if nested:
            for action in nested[0].choices:  # type: ignore[union-attr]
                assert f"| `{name} {action}" in readme, f"README: no row for '{name} {action}'"
        else:
            assert f"| `{name}" in readme, f"README: no row for '{name}'"
