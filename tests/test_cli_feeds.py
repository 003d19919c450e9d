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


def _subscribe(db: Path, *urls: str) -> list[int]:
    """Subscriptions made in the store directly (nothing fetched)."""
    with Library(db) as lib:
        return [lib.add_feed(u)[0].id for u in urls]


def test_set_renames_moves_and_sets_the_interval(tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    (fid,) = _subscribe(db, "http://a.test/rss")
    p = feeds(db, "set", str(fid), "--title", " Morning  Post ", "--folder", "News / Local",
              "--interval", "60", "--format", "json")  # fmt: skip
    assert p.returncode == 0, p.stderr
    row = json.loads(p.stdout)
    assert (row["title"], row["folder"], row["interval_min"], row["interval"]) == (
        "Morning Post",
        "News / Local",
        60,
        60,
    )
    p = feeds(db, "set", str(fid), "--interval", "default")
    assert p.returncode == 0 and "every 30 min" in p.stdout and "(its own)" not in p.stdout
    assert "[News / Local] Morning Post" in p.stdout
    listing = feeds(db, "list").stdout
    assert "[News / Local] Morning Post <http://a.test/rss>" in listing
    (row,) = json.loads(feeds(db, "list", "--format", "json").stdout)
    assert row["interval_min"] is None and row["interval"] == 30 and row["due_at"]
    p = feeds(db, "set", str(fid), "--interval", "0")
    assert p.returncode == 0 and "only when you refresh (its own)" in p.stdout
    (row,) = json.loads(feeds(db, "list", "--format", "json").stdout)
    assert row["interval_min"] == 0 and row["due_at"] is None
    assert feeds(db, "set", str(fid), "--folder", "").returncode == 0
    assert "[" not in feeds(db, "list").stdout.split("<")[0]


def test_set_bad_inputs_are_one_line_each(tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    (fid,) = _subscribe(db, "http://a.test/rss")
    for args, words in [
        ([str(fid), "--interval", "-5"], "1 to"),
        ([str(fid), "--interval", "soon"], "not an interval"),
        ([str(fid), "--interval", "99999999"], "four weeks"),
        ([str(fid)], "nothing to set"),
        (["9", "--title", "X"], "feed 9: not subscribed"),
        (["x", "--title", "X"], "not a number"),
    ]:
        p = feeds(db, "set", *args)
        assert p.returncode == 2 and p.exception is None, (args, p.stderr)
        assert len(p.stderr.splitlines()) == 1 and words in p.stderr, (args, p.stderr)
    p = feeds(db, "refresh", "--workers", "0")
    assert p.returncode == 2 and len(p.stderr.splitlines()) == 1 and "1 to 32" in p.stderr


def test_refresh_due_fetches_only_the_feeds_due(tmp_path: Path) -> None:
    from datetime import UTC, datetime, timedelta

    db = tmp_path / "lib.db"
    routes = {
        "/a": (200, XML, rss(("a1", "/a1", LONG))),
        "/b": (200, XML, rss(("b1", "/b1", LONG.replace("ship", "boat")))),
    }
    with local_server(routes) as (base, requested):
        a, b = _subscribe(db, base + "/a", base + "/b")
        ago = (datetime.now(UTC) - timedelta(minutes=5)).isoformat(timespec="seconds")
        with Library(db) as lib:
            lib.update_feed(a, last_tried_at=ago)  # tried 5 min ago: not due for 25 more
            lib.update_feed(b, last_tried_at=ago, interval_min=2)  # its own 2 min: due
        p = feeds(db, "refresh", "--due")
        assert p.returncode == 0, p.stderr
        assert p.stdout == f"feed {b}: 1 new (updated)\n" and requested == ["/b"]
        p = feeds(db, "refresh", "--due")
        assert p.returncode == 0 and p.stdout.startswith("no feed is due; the next is due at ")
        assert requested == ["/b"]
        p = feeds(db, "refresh", "--workers", "2", "--format", "json")  # not --due: all
        outcomes = sorted(json.loads(line)["outcome"] for line in p.stdout.splitlines())
        assert outcomes == ["unchanged", "updated"] and sorted(requested) == ["/a", "/b", "/b"]


def test_refresh_waits_for_max_age_unless_forced(tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    routes = {"/a": (200, {**XML, "Cache-Control": "max-age=3600"}, rss(("a1", "/a1", LONG)))}
    with local_server(routes) as (base, requested):
        (fid,) = _subscribe(db, base + "/a")
        assert feeds(db, "refresh").returncode == 0
        p = feeds(db, "refresh")
        assert p.returncode == 0 and f"feed {fid}: 0 new (later: " in p.stdout
        assert "max-age" in p.stdout and "--force asks anyway" in p.stdout
        assert requested == ["/a"]
        p = feeds(db, "refresh", "--force")
        assert p.returncode == 0 and "(unchanged)" in p.stdout and requested == ["/a", "/a"]


def test_list_shows_last_error_when_it_last_worked_interval_and_folder(tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    (fid,) = _subscribe(db, "http://a.test/rss")
    with Library(db) as lib:
        lib.update_feed(
            fid,
            folder="News",
            interval_min=90,
            last_ok_at="2026-12-01T10:00:00+00:00",
            last_error="the server answered 500: the site has a problem; try again later",
        )
    line = feeds(db, "list").stdout.rstrip("\n")
    assert line.startswith(f"{fid:4d} [News] (untitled) <http://a.test/rss>")
    assert "every 90 min (its own)" in line
    assert line.endswith(
        "error: the server answered 500: the site has a problem; try again later;"
        " last worked 2026-12-01 10:00 UTC"
    )
    (row,) = json.loads(feeds(db, "list", "--format", "json").stdout)
    assert row["last_error"].startswith("the server answered 500")
    assert (row["last_ok_at"], row["interval_min"], row["interval"], row["folder"]) == (
        "2026-12-01T10:00:00+00:00",
        90,
        90,
        "News",
    )
