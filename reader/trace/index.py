"""What decides that two claims of different articles state the same thing.

- :func:`verify` scores a candidate pair and gives a :class:`LinkKind` (copy, rewrite,
  same facts), or None; numbers and negation must agree ("150" is not "15", "agreed"
  is not "refused").
- :func:`minhash`, one-permutation MinHash over a claim's content stems: the bands
  :mod:`reader.trace.link` files a claim under in the library's key table, which is
  the sublinear candidate index (read by index seeks, at most a cap of claims a key).

Why not datasketch: it needs numpy and scipy (about 100 MB more in the bundle) for the
same MinHash, and its hashes are not guaranteed stable for keys stored in a file; the
hashing here is blake2b, the same on every machine and Python.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from functools import lru_cache
from hashlib import blake2b

from reader.trace.signature import Signature

#: MinHash bands and rows per band (the LSH keys of a claim).
BANDS = 20
ROWS = 3
#: Anchors (numbers first, then the longest names) paired into keys.
MAX_ANCHORS = 4
_K = BANDS * ROWS


class LinkKind(StrEnum):
    """How a claim restates another."""

    COPY = "copy"  # verbatim or near-verbatim (wire copy)
    REWRITE = "rewrite"  # light rewording of the same sentence
    SAME_FACTS = "same_facts"  # reworded, sharing the names and numbers


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
    for x, y in ((a, b), (b, a)):  # one negates, the other does not
        if x.negated and not y.negated and x.negated_clauses & y.content:
            return True  # ... and the negated clause is about what the other states
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
