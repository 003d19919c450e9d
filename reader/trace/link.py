"""Link an article's claims to the library's, through the store's key table.

The candidate index is the library's ``claim_keys`` table (m010): claims are filed
under MinHash bands, name/number pairs and fingerprints of runs of words of their
signature, so nothing is built in memory at start and a library of any size links a
new article with a bounded number of index seeks:

1. each claim's keys (:func:`stored_keys`: its normalised text, 20 MinHash bands, up
   to 6 name/number pairs, up to 12 fingerprints of its runs of words) are looked
   up, the newest ``SCAN_CAP`` claims per key;
2. the ``MAX_VERIFY`` candidates of other articles sharing the most keys are read by
   id and verified (:func:`~reader.trace.index.verify`; one verification per distinct
   pair of texts);
3. the keys, the links and the article's ``url_key`` are written in one transaction,
   the table keeping at most ``KEY_CAP`` claims per key (the newest).

Keys are 31-bit integers from a fixed mix of the band values (not Python's ``hash``,
which may change between versions): stable across runs and versions, and stored in
4 bytes. Changing them needs a migration that clears ``articles.trace_version`` so the
next pass relinks everything.

Why our own MinHash rather than datasketch: datasketch needs numpy and scipy (about
100 MB more in the bundle) for a few dozen hash minima a claim; what the index needs
from it is only stable integer band values, which :func:`~reader.trace.index.minhash`
gives from the standard library. String similarity stays in the verifier's own
Jaccard over stems and shingles rather than rapidfuzz: the verifier's decisions hang
on numbers, names and negation, not on edit distance, and its thresholds were tuned
on these features.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import TYPE_CHECKING

from reader.trace.index import BANDS, MAX_ANCHORS, MIN_CONTENT, ROWS, _h64, minhash, verify
from reader.trace.origin import normalise_url
from reader.trace.signature import STOPWORDS, Signature, signature

if TYPE_CHECKING:
    from reader.store import Library

#: What ``articles.trace_version`` records for an article linked by this code.
VERSION = "trace-3"
#: Claims read per key (the newest).
SCAN_CAP = 64
#: Claims kept per key in the table (the newest): a key shared by more says little.
KEY_CAP = 64
#: Candidates verified per claim, those sharing the most keys first.
MAX_VERIFY = 48
#: Winnowing window (3-word shingles) and the most fingerprints a claim is filed under.
WINDOW = 4
MAX_WINNOW = 12
_SKIP = 1 << 64

_M64 = (1 << 64) - 1
_KEY_MASK = (1 << 31) - 1


def _key(*parts: int) -> int:
    """A stable 31-bit key from integers (FNV-1a over 64-bit words, then folded)."""
    h = 0xCBF29CE484222325
    for p in parts:
        h = ((h ^ (p & _M64)) * 0x100000001B3) & _M64
    h ^= h >> 29
    h = (h * 0xBF58476D1CE4E5B9) & _M64
    return (h ^ (h >> 32)) & _KEY_MASK


def stored_keys(sig: Signature) -> list[int]:
    """A claim's keys: its exact text, LSH bands of its content stems, anchor pairs."""
    out = [_key(1, sig.exact)]
    if len(sig.content) >= MIN_CONTENT:
        mh = minhash(sig.content)
        out.extend(_key(2, i, *mh[i * ROWS : (i + 1) * ROWS]) for i in range(BANDS))
    ranked = sorted((("#" + n) for n in sig.numbers), key=lambda x: (-len(x), x)) + sorted(
        sig.names, key=lambda x: (-len(x), x)
    )
    anchors = sorted(ranked[:MAX_ANCHORS])
    out.extend(_key(3, _h64(x), _h64(y)) for x, y in combinations(anchors, 2))
    out.extend(_key(4, h) for h in winnow(sig.tokens))
    return list(dict.fromkeys(out))


def winnow(tokens: Sequence[str]) -> list[int]:
    """Fingerprints of a claim's runs of words (winnowing, Schleimer et al. 2003): the
    smallest hash of each ``WINDOW`` consecutive 3-word shingles. Two claims sharing a
    run of ``WINDOW`` shingles (``WINDOW + 2`` words: a quotation, a phrase copied)
    share a fingerprint whatever else they say, which the bands of their stems alone
    do not promise when the rest differs. Shingles of stopwords only are skipped
    ("according to the"); at most ``MAX_WINNOW`` fingerprints, the smallest."""
    hashes = [
        _h64(" ".join(tokens[k : k + 3]))
        if any(t not in STOPWORDS for t in tokens[k : k + 3])
        else _SKIP
        for k in range(len(tokens) - 2)
    ]
    picked: set[int] = set()
    for k in range(max(0, len(hashes) - WINDOW + 1)):
        low = min(hashes[k : k + WINDOW])
        if low != _SKIP:
            picked.add(low)
    return sorted(picked)[:MAX_WINNOW]


@dataclass
class Linked:
    """What linking one article did: links written, candidates verified."""

    article_id: int
    links: int = 0
    verified: int = 0
    stored: bool = True  # False: the article was deleted meanwhile


def link_article(lib: Library, article_id: int) -> Linked:
    """Link an article's claims to other articles' claims and store keys and links
    (replacing its earlier ones: re-extraction relinks the same way)."""
    out = Linked(article_id)
    claims = lib.article_trace_claims(article_id)
    url = lib.article_url(article_id)
    url_key = normalise_url(url) if url else None
    key_rows: list[tuple[int, int]] = []
    wanted: list[tuple[int, Signature, list[int]]] = []
    for c in claims:
        sig = signature(c.text, c.source)
        if not sig.tokens:
            continue
        ks = stored_keys(sig)
        key_rows.extend((k, c.id) for k in ks)
        hits = Counter(cid for cid, aid in lib.claims_under_keys(ks, SCAN_CAP) if aid != article_id)
        wanted.append((c.id, sig, [cid for cid, _n in hits.most_common(MAX_VERIFY)]))
    found = lib.trace_claims(cid for _c, _s, top in wanted for cid in top)
    links: list[tuple[int, int, str, float]] = []
    decided: dict[tuple[int, int], tuple[str, float] | None] = {}
    for cid, sig, top in wanted:
        for other in top:
            stored = found.get(other)
            if stored is None:
                continue
            osig = signature(stored.text, stored.source)
            pair = (sig.exact, osig.exact)
            if pair not in decided:
                out.verified += 1
                v = verify(sig, osig)
                decided[pair] = (v[0].value, v[1]) if v else None
            hit = decided[pair]
            if hit is not None:
                links.append((cid, other, hit[0], hit[1]))
    out.links = len(links)
    out.stored = lib.save_trace(article_id, VERSION, url_key, key_rows, links, KEY_CAP)
    return out


def link_pending(
    lib: Library, limit: int = -1, progress: Callable[[Linked], None] | None = None
) -> int:
    """Link the articles not linked yet (oldest first, at most ``limit``); how many."""
    done = 0
    for aid in lib.untraced_ids(limit):
        linked = link_article(lib, aid)
        done += linked.stored
        if progress is not None:
            progress(linked)
    return done
