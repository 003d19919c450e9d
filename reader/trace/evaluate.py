"""Score claim linking against hand labels: link precision and recall, independence.

Used by ``benchmarks/eval_trace.py`` (fixtures and benchmark pages) and the tests.
A labelled cluster is a set of articles telling one story; pairs of claims from two
different articles are *same* (listed), *unsure* (listed, not scored) or *different*
(every other pair, and every pair across clusters).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations

from reader.trace.index import LinkGraph, LinkKind, NewClaim, StoredClaim, TraceIndex

#: A claim as (cluster, article key, index of the claim in its article).
Ref = tuple[str, str, int]


@dataclass
class LabelledArticle:
    """An article of a labelled cluster, with what independence scoring needs."""

    cluster: str
    key: str
    outlet: str
    published: str
    claims: list[tuple[str, str | None]]  # (text, source)
    wire: str | None = None
    cites: set[str] = field(default_factory=set)  # outlets its claims are attributed to


@dataclass
class LabelledCluster:
    """A story told by several articles, with its hand labels."""

    name: str
    articles: list[LabelledArticle]
    same: set[frozenset[Ref]]
    unsure: set[frozenset[Ref]]
    independent: int


@dataclass
class Scores:
    """Link precision and recall over scored pairs, and independence counts right."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    independent_right: int = 0
    clusters: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def link_all(
    articles: Sequence[LabelledArticle],
) -> tuple[LinkGraph, dict[int, Ref], dict[Ref, int]]:
    """Index the articles in publication order; the link graph and claim ids."""
    stored: dict[int, StoredClaim] = {}
    ref_of: dict[int, Ref] = {}
    id_of: dict[Ref, int] = {}
    index = TraceIndex(stored.get)
    graph = LinkGraph()
    ordered = sorted(articles, key=lambda a: a.published)
    for art_no, art in enumerate(ordered):
        batch = []
        for seq, (text, source) in enumerate(art.claims):
            cid = len(stored)
            ref = (art.cluster, art.key, seq)
            ref_of[cid], id_of[ref] = ref, cid
            stored[cid] = StoredClaim(art_no, text, source)
            batch.append(NewClaim(cid, text, source))
        graph.add(index.add_article(art_no, batch))
    return graph, ref_of, id_of


def independent_count(
    articles: Sequence[LabelledArticle], graph: LinkGraph, id_of: dict[Ref, int]
) -> int:
    """Distinct origins among the articles that carry a linked claim.

    In publication order, an article's origin is its wire, else an outlet its claims
    cite, else the origin of an earlier article it copies, else itself; an
    origin that is an earlier member's outlet is that member's origin.
    """
    art_of = {cid: ref[1] for ref, cid in id_of.items()}
    ordered = sorted(articles, key=lambda a: a.published)
    linked: dict[str, dict[str, LinkKind]] = {a.key: {} for a in ordered}
    for art in ordered:
        for seq in range(len(art.claims)):
            for other, kind in graph.group(id_of[(art.cluster, art.key, seq)]).items():
                okey = art_of[other]
                if okey != art.key and linked[art.key].get(okey) not in _CLOSE:
                    linked[art.key][okey] = kind
    origin: dict[str, str] = {}
    origin_of_outlet: dict[str, str] = {}
    for art in ordered:
        if not linked[art.key]:
            continue
        named = art.wire or next((c for c in sorted(art.cites) if c != art.outlet), None)
        copied = [k for k, kind in linked[art.key].items() if k in origin and kind in _CLOSE]
        if named is not None:
            mine = origin_of_outlet.get(named, named)
        elif copied:
            mine = origin[copied[0]]
        else:
            mine = art.outlet
        origin[art.key] = mine
        origin_of_outlet.setdefault(art.outlet, mine)
    return len(set(origin.values()))


#: Links that make an article a copy of an earlier one (a rewrite may be independent
#: reporting of the same statement, so it does not count).
_CLOSE = (LinkKind.COPY,)


def score(clusters: Iterable[LabelledCluster]) -> Scores:
    """Link all clusters' articles together in one index and score every pair."""
    clusters = list(clusters)
    articles = [a for c in clusters for a in c.articles]
    graph, ref_of, _ids = link_all(articles)
    out = Scores()
    predicted: set[frozenset[Ref]] = set()
    for cid, ref in ref_of.items():
        for other in graph.group(cid):
            oref = ref_of[other]
            if (oref[0], oref[1]) != (ref[0], ref[1]):
                predicted.add(frozenset((ref, oref)))
    same = set().union(*(c.same for c in clusters))
    unsure = set().union(*(c.unsure for c in clusters))
    refs = list(ref_of.values())
    for a, b in combinations(refs, 2):
        if (a[0], a[1]) == (b[0], b[1]):
            continue
        pair = frozenset((a, b))
        if pair in unsure:
            continue
        hit, truth = pair in predicted, pair in same
        if hit and truth:
            out.tp += 1
        elif hit:
            out.fp += 1
            out.errors.append(f"FP {sorted(pair)}")
        elif truth:
            out.fn += 1
            out.errors.append(f"FN {sorted(pair)}")
    for c in clusters:
        # independence within one cluster: its own articles indexed alone
        g, _r, ids = link_all(c.articles)
        got = independent_count(c.articles, g, ids)
        out.clusters += 1
        out.independent_right += got == c.independent
        if got != c.independent:
            out.errors.append(f"independent {c.name}: got {got}, labelled {c.independent}")
    return out
