"""Find, for a new article's claims, the claims of other articles that state the same thing.

Two parts:

- :class:`TraceIndex`, an incremental, sublinear candidate index. Each claim is put
  under a few 40-bit keys: 20 MinHash LSH bands (3 rows each, one-permutation
  hashing with densification) over its content stems, which catch copies and light
  rewrites; up to 6 "anchor pair" keys (two of its numbers and names), which catch
  rewordings that share the facts; and one exact key (its normalised text), which
  folds verbatim copies into one representative so a thousand identical wire copies
  cost a thousand constant-time steps, not a million comparisons. A lookup reads at
  most ``SCAN_CAP`` entries per key and verifies at most ``MAX_VERIFY`` candidates
  (those sharing most keys first): the work per claim does not grow with the library.
- :func:`verify`, which scores a candidate pair and gives a :class:`LinkKind`.

Why not datasketch: it needs numpy and scipy (about 100 MB more in the bundle) and its
in-memory LSH keeps a Python dict of sets per band, about ten times the memory of the
sorted ``array('Q')`` runs used here (8 bytes an entry), and its hashes are not
guaranteed stable for persisting. The scheme is the same (MinHash LSH), so the
sublinearity argument is the same.

Persisting. What the store must keep for the index:

- per claim (already stored): its id, article id, text and source;
- the links table: ``(claim_id, other_id, kind, similarity)`` for every :class:`Link`
  :meth:`TraceIndex.add_article` returns (a ``copy`` link with similarity 1.0 to the
  representative for an exact copy), apart from user verdicts;
- optionally the index itself: :meth:`TraceIndex.state` gives plain bytes and ints
  (``PARAMS_VERSION`` included); :meth:`TraceIndex.from_state` takes them back. If it
  is missing or its version differs, rebuild it by calling
  :meth:`TraceIndex.add_article` with ``link=False`` for every stored article in
  import order (no verification, so quick).

:class:`LinkGraph` is the in-memory form of the links table with the group lookup
``trace`` needs: a claim, its exact copies, and the claims linked to its
representative (one step, so "150 engines" ~ "engines" ~ "15 engines" never merges
150 with 15).
"""

from __future__ import annotations

import sys
from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache
from hashlib import blake2b
from itertools import combinations

from reader.trace.signature import Signature, signature

#: Bumped whenever keys or hashing change: a persisted state of another version (or
#: saved under another Python, whose tuple hash may differ) is rebuilt.
PARAMS_VERSION = f"2/py{sys.version_info[0]}.{sys.version_info[1]}"
BANDS = 20
ROWS = 3
KEY_BITS = 40
ID_BITS = 24
MAX_IDS = 1 << ID_BITS
#: Entries read per key: a key shared by more claims than this says little.
SCAN_CAP = 64
#: Candidates verified per claim, those sharing the most keys first.
MAX_VERIFY = 48
#: Anchors (numbers first, then the longest names) paired into keys.
MAX_ANCHORS = 4
#: Pending entries kept in a dict before they are sorted into a run (small: the
#: sort happens inside an ``add_article`` call).
PENDING_MAX = 1 << 14
#: A run is merged into the one before it when it is at least 1/MERGE_RATIO its size
#: (fewer, larger merges than a binary counter; lookups bisect each run).
MERGE_RATIO = 4
#: Runs are not merged past this size (bounds the memory a merge needs).
RUN_MAX = 1 << 22

_K = BANDS * ROWS
_KEY_MASK = (1 << KEY_BITS) - 1
_ID_MASK = MAX_IDS - 1


class LinkKind(StrEnum):
    """How a claim restates another."""

    COPY = "copy"  # verbatim or near-verbatim (wire copy)
    REWRITE = "rewrite"  # light rewording of the same sentence
    SAME_FACTS = "same_facts"  # reworded, sharing the names and numbers


@dataclass(frozen=True, slots=True)
class Link:
    """``claim_id`` states the same as ``other_id`` (an earlier claim of another article)."""

    claim_id: int
    other_id: int
    kind: LinkKind
    similarity: float


@dataclass(frozen=True, slots=True)
class NewClaim:
    """A claim to index: its store id, text and source as the engine gave it."""

    claim_id: int
    text: str
    source: str | None = None


@dataclass(frozen=True, slots=True)
class StoredClaim:
    """What the index needs back from the store about a claim: its article and words."""

    article_id: int
    text: str
    source: str | None = None


# -- verification -------------------------------------------------------------------


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """|a ∩ b| / |a ∪ b|, 0 for two empty sets."""
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """|a ∩ b| / min(|a|, |b|): how much of the shorter claim the longer one holds."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def contradicts(a: Signature, b: Signature, quoted: bool = False) -> bool:
    """True when one claim negates the other, uses an opposite word, or another number.

    ``quoted``: the two share a long run of words (a quotation): when both negate
    something, the words they negate may differ ("does not protect people to 'make
    threats…'" / "individuals not 'make threats…'"): the shared words fix the claim.
    """
    if bool(a.negated) != bool(b.negated):  # one negates, the other does not
        return True
    for x, y in ((a, b), (b, a)):  # a word negated in one and affirmed in the other
        if quoted:
            break
        if any(w in y.content and w not in y.negated for w in x.negated):
            return True
    for n in {o[:-1] for o in a.opposites | b.opposites}:
        pos, neg = n + "0", n + "1"
        if (pos in a.opposites) != (pos in b.opposites) and (neg in a.opposites) != (
            neg in b.opposites
        ):
            return True
    if a.numbers and b.numbers:
        return not (a.numbers <= b.numbers or b.numbers <= a.numbers)
    return False


#: Thresholds, tuned on the tuning half of the labelled set only.
COPY_SHINGLES = 0.7
REWRITE_CORE = 0.5
SAME_FACTS_CORE = 0.3
SAME_FACTS_ANCHORS = 2
#: With a shared specific number (100 or more, not a year): the shorter claim's share
#: of core words the longer holds, and the Jaccard floor.
STRONG_NUMBER_OVERLAP = 0.5
STRONG_NUMBER_CORE = 0.2
#: Without a shared number: this many shared names and this much core overlap.
SAME_FACTS_NAMES = 3
SAME_FACTS_NAMES_CORE = 0.3
#: Word 3-grams in common that make a shared quotation (a run of about ten words).
SHARED_QUOTE = 8
SHARED_QUOTE_CORE = 0.2
#: A shorter shared run of words (about seven) that holds half the shorter claim's words.
SHARED_PHRASE = 5
SHARED_PHRASE_OVERLAP = 0.5
MIN_CONTENT = 3
#: The shorter claim's core words nearly all in the longer one (it is said again
#: inside a longer sentence): this share, this many words, this many of them names.
CONTAINED = 0.8
CONTAINED_WORDS = 6
CONTAINED_NAMES = 2


def verify(a: Signature, b: Signature) -> tuple[LinkKind, float] | None:
    """Whether two claims state the same thing, how (kind), and how closely (0..1)."""
    if len(a.content) < MIN_CONTENT or len(b.content) < MIN_CONTENT:
        # too few content words to be one claim, even word for word: "He declined to
        # comment." in two articles is two people declining, not one report
        return None
    if a.exact == b.exact and a.tokens == b.tokens:
        return (LinkKind.COPY, 1.0) if a.tokens else None
    if contradicts(a, b, quoted=len(a.shingles & b.shingles) >= SHARED_QUOTE):
        return None
    sh = jaccard(a.shingles, b.shingles)
    if sh >= COPY_SHINGLES:
        return LinkKind.COPY, round(sh, 3)
    core = jaccard(a.core, b.core)
    if core >= REWRITE_CORE:
        return LinkKind.REWRITE, round(core, 3)
    run = len(a.shingles & b.shingles)
    if run >= SHARED_QUOTE and core >= SHARED_QUOTE_CORE:
        return LinkKind.REWRITE, round(max(core, sh), 3)
    if run >= SHARED_PHRASE and overlap(a.core, b.core) >= SHARED_PHRASE_OVERLAP:
        return LinkKind.REWRITE, round(max(core, sh), 3)
    shared = a.anchors & b.anchors
    shared_numbers = a.numbers & b.numbers
    strong = any(_strong(n) for n in shared_numbers)
    if shared_numbers and core >= SAME_FACTS_CORE and len(shared) >= SAME_FACTS_ANCHORS:
        return LinkKind.SAME_FACTS, round(core, 3)
    if strong and overlap(a.core, b.core) >= STRONG_NUMBER_OVERLAP and core >= STRONG_NUMBER_CORE:
        return LinkKind.SAME_FACTS, round(core, 3)
    if len(shared) >= SAME_FACTS_NAMES and core >= SAME_FACTS_NAMES_CORE:
        return LinkKind.SAME_FACTS, round(core, 3)
    inside = a.core & b.core
    if (
        overlap(a.core, b.core) >= CONTAINED
        and len(inside) >= CONTAINED_WORDS
        and len(a.names & b.names) >= CONTAINED_NAMES
    ):  # the shorter claim said again inside a longer sentence
        return LinkKind.REWRITE, round(overlap(a.core, b.core), 3)
    return None


def _strong(number: str) -> bool:
    """A number specific enough to anchor a match alone: 100 or more, not a year."""
    value = float(number)
    return value >= 100 and not (1900 <= value <= 2100 and value == int(value))


# -- keys ---------------------------------------------------------------------------


@lru_cache(maxsize=1 << 16)
def _h64(text: str) -> int:
    return int.from_bytes(blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest())


def _key(*parts: int) -> int:
    # hash() of a tuple of ints is the same in every run (no PYTHONHASHSEED), but may
    # change between Python versions: the persisted state records the version.
    return hash(parts) & _KEY_MASK


def minhash(items: Iterable[str]) -> list[int]:
    """One-permutation MinHash with rotation densification: ``BANDS*ROWS`` values."""
    mins = [-1] * _K
    for item in items:
        h = _h64(item)
        b, v = h % _K, h // _K
        if mins[b] < 0 or v < mins[b]:
            mins[b] = v
    if all(m < 0 for m in mins):
        return []
    out = list(mins)
    for b in range(_K):
        if out[b] < 0:  # borrow from the next non-empty bin, offset by the distance
            d = 1
            while mins[(b + d) % _K] < 0:
                d += 1
            out[b] = mins[(b + d) % _K] + d * (1 << 58)
    return out


def keys(sig: Signature) -> list[int]:
    """The LSH band keys and anchor-pair keys of a claim (not its exact key)."""
    out: list[int] = []
    if len(sig.content) >= MIN_CONTENT:
        mh = minhash(sig.content)
        out.extend(_key(i, *mh[i * ROWS : (i + 1) * ROWS]) for i in range(BANDS))
    ranked = sorted((("#" + n) for n in sig.numbers), key=lambda x: (-len(x), x)) + sorted(
        sig.names, key=lambda x: (-len(x), x)
    )
    anchors = sorted(ranked[:MAX_ANCHORS])
    out.extend(_key(-1, _h64(x), _h64(y)) for x, y in combinations(anchors, 2))
    return out


def exact_key(sig: Signature) -> int:
    """The key of a claim's normalised text (verbatim copies share it)."""
    return _key(-2, sig.exact)


# -- postings -----------------------------------------------------------------------


class Postings:
    """A multimap from 40-bit keys to 24-bit ids: sorted ``array('Q')`` runs of
    ``key << 24 | id`` (8 bytes an entry) plus a small dict of recent entries, merged
    like an LSM tree, so adding is amortised O(log n) and a lookup is a few bisections."""

    def __init__(self) -> None:
        self.runs: list[array[int]] = []
        self.pending: dict[int, list[int]] = {}
        self.pending_count = 0

    def __len__(self) -> int:
        return sum(len(r) for r in self.runs) + self.pending_count

    def add(self, key: int, ident: int) -> None:
        """File ``ident`` under ``key``."""
        self.pending.setdefault(key, []).append(ident)
        self.pending_count += 1
        if self.pending_count >= PENDING_MAX:
            self.flush()

    def flush(self) -> None:
        """Sort the pending entries into a run and merge runs of similar size."""
        if not self.pending_count:
            return
        run = array("Q", sorted((k << ID_BITS) | i for k, ids in self.pending.items() for i in ids))
        self.pending, self.pending_count = {}, 0
        while self.runs and len(self.runs[-1]) <= MERGE_RATIO * len(run) and len(run) < RUN_MAX:
            older = self.runs.pop()
            merged = list(older)
            merged.extend(run)
            merged.sort()  # two sorted runs: timsort merges them in linear time
            run = array("Q", merged)
        self.runs.append(run)

    def get(self, key: int, cap: int = SCAN_CAP) -> Iterator[int]:
        """Up to ``cap`` ids filed under ``key`` per run, newest runs first."""
        yield from self.pending.get(key, ())[:cap]
        lo_val = key << ID_BITS
        for run in reversed(self.runs):
            i = bisect_left(run, lo_val)
            end = min(len(run), i + cap)
            while i < end and run[i] >> ID_BITS == key:
                yield run[i] & _ID_MASK
                i += 1

    def nbytes(self) -> int:
        """Bytes held by the runs and (roughly) the pending dict."""
        return (
            sum(r.itemsize * len(r) for r in self.runs)
            + sys.getsizeof(self.pending)
            + (self.pending_count * 36)
        )


# -- the index ----------------------------------------------------------------------


@dataclass
class TraceIndex:
    """Incremental claim index (see the module docstring).

    ``fetch`` gives a stored claim by its id (the store's, or a list in a benchmark);
    the index itself keeps only keys and a few ints per claim.
    """

    fetch: Callable[[int], StoredClaim | None]
    postings: Postings = field(default_factory=Postings)
    claim_ids: array[int] = field(default_factory=lambda: array("Q"))
    article_ids: array[int] = field(default_factory=lambda: array("Q"))
    removed: set[int] = field(default_factory=set)
    #: Candidates examined (fetched and verified) by the last call: the sublinearity probe.
    examined: int = 0

    def __len__(self) -> int:
        return len(self.claim_ids) - len(self.removed)

    def _internal(self, claim_id: int, article_id: int) -> int:
        ident = len(self.claim_ids)
        if ident >= MAX_IDS:
            raise ValueError(f"the trace index holds at most {MAX_IDS} distinct claims")
        self.claim_ids.append(claim_id)
        self.article_ids.append(article_id)
        return ident

    def add_article(
        self, article_id: int, claims: Sequence[NewClaim], link: bool = True
    ) -> list[Link]:
        """Link an article's claims to earlier claims of other articles, then index them.

        With ``link=False`` (rebuilding from the store) nothing is verified.
        """
        links: list[Link] = []
        self.examined = 0
        to_index: list[tuple[NewClaim, Signature]] = []
        for claim in claims:
            sig = signature(claim.text, claim.source)
            if not sig.tokens:
                continue
            rep = self._representative(sig, article_id)
            if rep is not None:
                if rep[1] != article_id:
                    links.append(Link(claim.claim_id, rep[0], LinkKind.COPY, 1.0))
                continue
            if link:
                links.extend(self._verified(claim.claim_id, sig, article_id))
            to_index.append((claim, sig))
        for claim, sig in to_index:
            ident = self._internal(claim.claim_id, article_id)
            self.postings.add(exact_key(sig), ident)
            for k in keys(sig):
                self.postings.add(k, ident)
        return links

    def _representative(self, sig: Signature, article_id: int) -> tuple[int, int] | None:
        """The indexed claim with exactly this normalised text, as (claim id, article id)."""
        for ident in self.postings.get(exact_key(sig), cap=4):
            if ident in self.removed:
                continue
            stored = self.fetch(self.claim_ids[ident])
            if stored is not None and signature(stored.text, stored.source).tokens == sig.tokens:
                return self.claim_ids[ident], self.article_ids[ident]
        return None

    def candidates(self, sig: Signature, article_id: int | None = None) -> list[int]:
        """Internal ids sharing keys with ``sig`` (other articles), most shared first."""
        hits: Counter[int] = Counter()
        for k in keys(sig):
            hits.update(self.postings.get(k))
        out = [
            i
            for i, _n in hits.most_common()
            if i not in self.removed and self.article_ids[i] != article_id
        ]
        return out[:MAX_VERIFY]

    def _verified(self, claim_id: int, sig: Signature, article_id: int | None) -> list[Link]:
        links = []
        for ident in self.candidates(sig, article_id):
            self.examined += 1
            stored = self.fetch(self.claim_ids[ident])
            if stored is None:
                continue
            found = verify(sig, signature(stored.text, stored.source))
            if found is not None:
                links.append(Link(claim_id, self.claim_ids[ident], found[0], found[1]))
        return links

    def match(
        self, text: str, source: str | None = None, article_id: int | None = None
    ) -> list[Link]:
        """The indexed claims (of other articles) that state what ``text`` states.

        Links carry ``claim_id`` -1: the text is not in the index.
        """
        self.examined = 0
        sig = signature(text, source)
        if not sig.tokens:
            return []
        return self._verified(-1, sig, article_id)

    def remove_article(self, article_id: int) -> None:
        """Forget an article's claims (before ``reextract`` adds them back)."""
        self.removed.update(i for i, a in enumerate(self.article_ids) if a == article_id)

    def nbytes(self) -> int:
        """Bytes the index holds (postings, id arrays, tombstones)."""
        return (
            self.postings.nbytes()
            + self.claim_ids.itemsize * len(self.claim_ids)
            + self.article_ids.itemsize * len(self.article_ids)
            + sys.getsizeof(self.removed)
        )

    def state(self) -> dict[str, object]:
        """Everything needed to restore the index, as bytes and ints."""
        self.postings.flush()
        return {
            "version": PARAMS_VERSION,
            "runs": [r.tobytes() for r in self.postings.runs],
            "claim_ids": self.claim_ids.tobytes(),
            "article_ids": self.article_ids.tobytes(),
            "removed": sorted(self.removed),
        }

    @classmethod
    def from_state(
        cls, state: dict[str, object], fetch: Callable[[int], StoredClaim | None]
    ) -> TraceIndex | None:
        """The index :meth:`state` saved, or None if it was saved by other parameters."""
        if state.get("version") != PARAMS_VERSION:
            return None
        index = cls(fetch)
        for blob in state["runs"]:  # type: ignore[attr-defined]
            run: array[int] = array("Q")
            run.frombytes(blob)
            index.postings.runs.append(run)
        index.claim_ids.frombytes(state["claim_ids"])  # type: ignore[arg-type]
        index.article_ids.frombytes(state["article_ids"])  # type: ignore[arg-type]
        index.removed = set(state["removed"])  # type: ignore[call-overload]
        return index


# -- groups -------------------------------------------------------------------------


@dataclass
class LinkGraph:
    """The links table in memory, with the group lookup of ``trace``."""

    copies: dict[int, list[int]] = field(default_factory=dict)
    rep_of: dict[int, int] = field(default_factory=dict)
    near: dict[int, list[tuple[int, LinkKind, float]]] = field(default_factory=dict)

    def add(self, links: Iterable[Link]) -> None:
        """Record links as :meth:`TraceIndex.add_article` returned them."""
        for ln in links:
            if ln.kind is LinkKind.COPY and ln.similarity == 1.0:
                rep = self.rep_of.get(ln.other_id, ln.other_id)
                self.rep_of[ln.claim_id] = rep
                self.copies.setdefault(rep, []).append(ln.claim_id)
            else:
                self.near.setdefault(ln.claim_id, []).append((ln.other_id, ln.kind, ln.similarity))
                self.near.setdefault(ln.other_id, []).append((ln.claim_id, ln.kind, ln.similarity))

    def group(self, claim_id: int) -> dict[int, LinkKind]:
        """Every claim stating what ``claim_id`` states, with how it relates to it."""
        rep = self.rep_of.get(claim_id, claim_id)
        out: dict[int, LinkKind] = {rep: LinkKind.COPY}
        for c in self.copies.get(rep, ()):
            out[c] = LinkKind.COPY
        for other, kind, _sim in self.near.get(rep, ()):
            orep = self.rep_of.get(other, other)
            for c in (orep, *self.copies.get(orep, ())):
                out.setdefault(c, kind)
        out.pop(claim_id, None)
        return out
