"""The trace index: incremental linking, groups, sublinear candidates, persistence,
and pathological inputs in linear time."""

from __future__ import annotations

import json
import random
import time
from pathlib import Path

from reader.trace import LinkGraph, LinkKind, NewClaim, StoredClaim, TraceIndex
from reader.trace.evaluate import LabelledArticle, LabelledCluster, Ref, score
from reader.trace.index import MAX_VERIFY, SCAN_CAP

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "trace" / "stories.json"


class Library:
    """Claims in memory, as the store will hold them, with the index beside them."""

    def __init__(self) -> None:
        self.claims: dict[int, StoredClaim] = {}
        self.index = TraceIndex(self.claims.get)
        self.graph = LinkGraph()

    def add(self, article_id: int, texts: list[str]) -> list[int]:
        ids, batch = [], []
        for text in texts:
            cid = len(self.claims)
            self.claims[cid] = StoredClaim(article_id, text)
            ids.append(cid)
            batch.append(NewClaim(cid, text))
        self.graph.add(self.index.add_article(article_id, batch))
        return ids


WIRE = "Veloria has agreed to return 150 helicopter engines to Kordavia, the defence ministry said on Sunday."
REWRITE = "Veloria agreed to return 150 helicopter engines to Kordavia, its defence ministry announced Sunday."
REFUSED = "Veloria has refused to return 150 helicopter engines to Kordavia, the defence ministry said on Sunday."
FIFTEEN = "Veloria has agreed to return 15 helicopter engines to Kordavia, the defence ministry said on Sunday."
OTHER = "Kordavia beat Veloria 3-1 in Sunday's football qualifier in front of 15,000 fans."


def test_incremental_links_and_group() -> None:
    lib = Library()
    [a] = lib.add(1, [WIRE])
    [b] = lib.add(2, [WIRE])  # wire copy
    [c] = lib.add(3, [REWRITE])
    [d, e, f] = lib.add(4, [REFUSED, FIFTEEN, OTHER])
    group = lib.graph.group(a)
    assert group[b] is LinkKind.COPY
    assert c in group
    assert not {d, e, f} & set(group)
    assert a in lib.graph.group(c) and b in lib.graph.group(c)
    assert lib.graph.group(d) == {} and lib.graph.group(e) == {}


def test_same_article_is_not_linked() -> None:
    lib = Library()
    a, _b = lib.add(1, [WIRE, WIRE])
    assert lib.graph.group(a) == {}


def test_groups_do_not_chain_across_numbers() -> None:
    lib = Library()
    [a] = lib.add(1, ["Veloria agreed to return 150 helicopter engines to Kordavia on Sunday."])
    lib.add(2, ["Veloria agreed to return helicopter engines to Kordavia on Sunday."])
    [c] = lib.add(3, ["Veloria agreed to return 15 helicopter engines to Kordavia on Sunday."])
    assert c not in lib.graph.group(a)


def test_match_without_adding() -> None:
    lib = Library()
    [a] = lib.add(1, [WIRE])
    assert [ln.other_id for ln in lib.index.match(REWRITE)] == [a]
    assert lib.index.match(REFUSED) == []
    assert lib.index.match("") == []


def _noise(rng: random.Random, vocab: list[str]) -> str:
    return " ".join(rng.choice(vocab) for _ in range(14)) + "."


def test_candidates_stay_few_as_the_index_grows() -> None:
    """Sublinear: a claim sharing common words with many stored claims is verified
    against a bounded number of candidates, whatever the library's size."""
    rng = random.Random(3)
    vocab = [f"word{k}" for k in range(300)]  # a small vocabulary: many shared words
    examined = []
    lib = Library()
    for size in (500, 5000):
        while len(lib.claims) < size:
            lib.add(len(lib.claims), [_noise(rng, vocab)])
        lib.index.match(_noise(rng, vocab))
        examined.append(lib.index.examined)
    assert examined[1] <= MAX_VERIFY
    assert examined[1] <= examined[0] + MAX_VERIFY // 2


def test_a_crowded_key_reads_a_bounded_number_of_entries() -> None:
    lib = Library()
    for k in range(3 * SCAN_CAP):
        lib.add(k, [f"Kordavia and Veloria signed treaty number {k} on ports."])
    assert len(list(lib.index.postings.get(next(iter(lib.index.postings.pending))))) <= SCAN_CAP


def test_thousands_of_identical_claims_in_linear_time() -> None:
    lib = Library()
    n = 3000
    for k in range(n):
        lib.add(k, [WIRE])
        assert lib.index.examined == 0  # an exact copy is never verified against others
    assert len(lib.index) == 1  # one representative indexed
    assert len(lib.graph.group(0)) == n - 1
    assert len(lib.graph.group(n - 1)) == n - 1


def test_empty_and_huge_claims() -> None:
    lib = Library()
    assert lib.index.add_article(1, [NewClaim(0, ""), NewClaim(1, "   \n")]) == []
    assert len(lib.index) == 0
    huge = ("Veloria agreed to return engines to Kordavia. " * 2500)[:100_000]
    t = time.perf_counter()
    lib.add(2, [huge])
    lib.add(3, [huge])
    assert time.perf_counter() - t < 2.0  # cut at MAX_CHARS: a 100 KB claim costs a sentence's work


def test_state_round_trip() -> None:
    lib = Library()
    for k in range(50):
        lib.add(
            k, [f"Port Amsel council approved barrier number {k} on Friday by seven votes.", OTHER]
        )
    lib.add(99, [WIRE])
    state = json.loads(json.dumps(lib.index.state(), default=lambda b: b.hex()))
    state = {
        k: (bytes.fromhex(v) if isinstance(v, str) and k != "version" else v)
        for k, v in state.items()
    }
    state["runs"] = [bytes.fromhex(r) for r in state["runs"]]
    restored = TraceIndex.from_state(state, lib.claims.get)
    assert restored is not None
    assert (
        [ln.other_id for ln in restored.match(REWRITE)]
        == [ln.other_id for ln in lib.index.match(REWRITE)]
        != []
    )
    state["version"] = "0"
    assert TraceIndex.from_state(state, lib.claims.get) is None


def test_removed_article_is_not_linked() -> None:
    lib = Library()
    lib.add(1, [WIRE])
    lib.index.remove_article(1)
    assert lib.index.match(REWRITE) == []


def _pair(name: str, p: list) -> frozenset[Ref]:
    return frozenset(((name, p[0], p[1]), (name, p[2], p[3])))


def _fixture_clusters(split: str) -> list[LabelledCluster]:
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    out = []
    for name, story in data["stories"].items():
        if story["split"] != split:
            continue
        arts = [
            LabelledArticle(
                name,
                key,
                a["outlet"],
                a["published"],
                [(c["text"], c["source"]) for c in a["claims"]],
                a["wire"],
            )
            for key, a in story["articles"].items()
        ]
        out.append(
            LabelledCluster(
                name,
                arts,
                {_pair(name, p) for p in story["same"]},
                {_pair(name, p) for p in story["unsure"]},
                story["independent"],
            )
        )
    return out


def test_fixture_stories_meet_the_goals() -> None:
    """The fictional stories (tests/fixtures/trace): precision ≥ 0.95, recall ≥ 0.80 on each half."""
    for split in ("tune", "heldout"):
        s = score(_fixture_clusters(split))
        assert s.precision >= 0.95, (split, s.errors)
        assert s.recall >= 0.80, (split, s.errors)
