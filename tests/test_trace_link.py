"""Linking through the library's key table, on pathological shapes: thousands of
articles with the same sentence, empty and 100 KB claims, a crowded key. Time and work
per article must not grow with the library (the candidate lookup is index seeks with a
cap per key, never a scan of every claim)."""

from __future__ import annotations

import time
from pathlib import Path

from reader.ingest import RawInput
from reader.model import Article, Claim
from reader.store import Library
from reader.trace.link import (
    KEY_CAP,
    MAX_WINNOW,
    SCAN_CAP,
    link_article,
    winnow,
)
from reader.trace.signature import signature

WIRE = "Veloria has agreed to return 150 helicopter engines to Kordavia, the ministry said."


def _add(lib: Library, n: int, texts: list[str]) -> int:
    """Store an article whose claims are ``texts`` (plus one of its own, so each
    article is distinct) and link it; its id."""
    texts = [*texts, f"Article {n} says the harbour will reopen on day {n} of the works."]
    body = "\n\n".join(texts)
    claims, at = [], 0
    for t in texts:
        claims.append(Claim(t, at, at + len(t), "the ministry", None, "official", None,
                            "said", "reported", []))  # fmt: skip
        at += len(t) + 2
    article = Article(title=f"Story {n}", publisher=f"Outlet {n % 7}", text=body,
                      markdown=body, claims=claims)  # fmt: skip
    raw = RawInput(f"story{n}.md", "markdown", body, body.encode(), None)
    aid = lib.add(raw, article).article_id
    link_article(lib, aid)
    return aid


def test_the_same_sentence_in_a_thousand_articles_links_in_linear_time(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.db") as lib:
        times = []
        for n in range(600):
            t = time.perf_counter()
            _add(lib, n, [WIRE])
            times.append(time.perf_counter() - t)
        early, late = sum(times[50:150]), sum(times[-100:])
        assert late < 3 * early, (early, late)  # no growth with the library
        # a crowded key keeps at most KEY_CAP claims: a lookup reads a bounded number
        rows = lib.db.execute(
            "select max(n) from (select count(*) n from claim_keys group by key)"
        ).fetchone()[0]
        assert rows <= KEY_CAP
        wire_ids = [c.id for c in lib.claims() if c.claim.text == WIRE]
        last = lib.claim_links([wire_ids[-1]])
        assert 0 < len(last) <= SCAN_CAP  # linked to the copies it found, never all 599


def test_empty_and_huge_claims_cost_a_sentence(tmp_path: Path) -> None:
    huge = ("Veloria agreed to return engines to Kordavia. " * 2500)[:100_000]
    with Library(tmp_path / "lib.db") as lib:
        empty = _add(lib, 1, ["", "   "])
        assert lib.is_traced(empty)
        t = time.perf_counter()
        _add(lib, 2, [huge])
        _add(lib, 3, [huge])
        assert time.perf_counter() - t < 3.0  # cut to a sentence's length, not 100 KB of work


PHRASE_A = (
    "A report published in the Orlen Review on Friday said the survey team found enough"
    " silt carried down the Vask river to fill an Olympic-size swimming pool within hours."
)
PHRASE_B = "That is nearly enough to fill an Olympic-size swimming pool (about 2,500 cubic metres)."


def test_a_shared_run_of_words_is_filed_under_a_shared_fingerprint() -> None:
    # winnowing's promise: a run of WINDOW shingles (WINDOW + 2 words) in common gives a
    # fingerprint in common, whatever surrounds it
    run = "the harbour board voted to close the northern quay"
    before = ["Late on Monday", "In a surprise move", "After a long night", "Officials say"]
    after = ["for repairs.", "until spring, at a cost of 4 million.", "and the ferry moves.", ""]
    prints = [
        set(winnow(signature(f"{b} {run} {a}".strip()).tokens)) for b in before for a in after
    ]
    assert all(p & q for p in prints for q in prints)
    a, b = signature(PHRASE_A), signature(PHRASE_B)
    assert set(winnow(a.tokens)) & set(winnow(b.tokens))  # "enough to fill an Olympic-size..."


def test_claims_sharing_a_run_of_words_link_through_the_library(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.db") as lib:
        _add(lib, 1, [PHRASE_A])
        _add(lib, 2, [PHRASE_B])
        ids = {c.claim.text: c.id for c in lib.claims()}
        links = lib.claim_links([ids[PHRASE_B]])
        assert [other for _c, other, _k, _s in links] == [ids[PHRASE_A]]


def test_fingerprints_skip_stopword_runs_and_are_capped() -> None:
    assert winnow(signature("it was said that it is the one that they had").tokens) == []
    long = signature(" ".join(f"word{n} alpha{n} beta{n}" for n in range(400)))
    assert 0 < len(winnow(long.tokens)) <= MAX_WINNOW
