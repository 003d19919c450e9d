"""Score claim linking against hand labels: link precision and recall, independence.

Used by ``benchmarks/eval_trace.py`` (fixtures and benchmark pages) and the tests.
A labelled cluster is a set of articles telling one story; pairs of claims from two
different articles are *same* (listed), *unsure* (listed, not scored) or *different*
(every other pair, and every pair across clusters).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reader.ingest import RawInput
    from reader.model import Article
    from reader.store import Library

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
    #: The page's own extraction (benchmark pages), imported as it is.
    extracted: tuple[RawInput, Article] | None = None


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


def _score_pairs(
    out: Scores,
    refs: Sequence[Ref],
    predicted: set[frozenset[Ref]],
    clusters: Sequence[LabelledCluster],
) -> None:
    """Count every pair of claims from two articles as hit or missed against the labels."""
    same = set().union(*(c.same for c in clusters))
    unsure = set().union(*(c.unsure for c in clusters))
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


# -- the product path ------------------------------------------------------------------


def as_extracted(art: LabelledArticle) -> tuple[RawInput, Article]:
    """A labelled article as extraction would give it (a benchmark page keeps its own
    extraction; a written one gets a body of its claims, each claim attributed to an
    outlet of the set when its source names one)."""
    if art.extracted is not None:
        return art.extracted
    from reader.ingest import RawInput
    from reader.model import Article, Claim

    body = f"{art.outlet}: {art.cluster}/{art.key}."
    claims = []
    for text, source in art.claims:
        body += "\n\n"
        start = len(body)
        body += text
        outlet = source if source in art.cites else None
        claims.append(
            Claim(
                text, start, start + len(text), source, None,
                "outlet" if outlet else ("named" if source else None), outlet,
                "said" if source else None, "reported" if source else "unattributed",
            )
        )  # fmt: skip
    article = Article(
        title=f"{art.cluster} {art.key}", publisher=art.outlet, wire=art.wire,
        published=art.published or None, text=body, markdown=body, claims=claims,
    )  # fmt: skip
    name = f"{art.cluster}-{art.key}.md"
    return RawInput(name, "markdown", body, body.encode("utf-8")), article


def library_links(
    lib: Library, clusters: Sequence[LabelledCluster]
) -> tuple[dict[Ref, tuple[int, int]], set[frozenset[Ref]]]:
    """Import every article of the clusters into ``lib`` in publication order through
    :func:`~reader.library_ops.add_and_link` (the import path), then read the links
    back from the store. The (article id, seq) of each claim, and the linked pairs."""
    from reader.library_ops import add_and_link

    where: dict[Ref, tuple[int, int]] = {}
    ordered = sorted((a for c in clusters for a in c.articles), key=lambda a: a.published)
    for art in ordered:
        raw, article = as_extracted(art)
        result = add_and_link(lib, raw, article)
        if not result.created:
            raise ValueError(f"{art.cluster}/{art.key} duplicates an article already imported")
        aid = result.article_id
        for seq in range(len(article.claims)):
            where[(art.cluster, art.key, seq)] = (aid, seq)
    ref_of_claim: dict[int, Ref] = {}
    for ref, (aid, seq) in where.items():
        c = lib.claim_at(aid, seq)
        if c is not None:
            ref_of_claim[c.id] = ref
    predicted: set[frozenset[Ref]] = set()
    for cid, other, _kind, _sim in lib.claim_links(ref_of_claim):
        if other in ref_of_claim:
            predicted.add(frozenset((ref_of_claim[cid], ref_of_claim[other])))
    return where, predicted


def traced_independent(
    lib: Library, cluster: LabelledCluster, where: dict[Ref, tuple[int, int]]
) -> int:
    """The independent sources of a story as :func:`~reader.trace.group.trace` gives
    them: every claim of the cluster is traced; each article met in a group (of more
    than one article) takes the origin the groups give it most often, one that is not
    itself first (a citation seen once is evidence); outlets pointing at outlets are
    followed; the distinct origins are counted."""
    from reader.trace.group import trace

    seen: dict[int, Counter[tuple[str, str]]] = {}
    for ref, (aid, seq) in where.items():
        if ref[0] != cluster.name:
            continue
        group = trace(lib, aid, seq)
        if len({m.article_id for m in group.members}) < 2:
            continue
        for m in group.members:
            seen.setdefault(m.article_id, Counter())[(m.outlet, m.origin)] += 1
    origin_of: dict[str, str] = {}
    for counts in seen.values():
        ranked = sorted(counts.items(), key=lambda kv: (kv[0][0] == kv[0][1], -kv[1]))
        outlet, origin = ranked[0][0]
        origin_of[outlet] = origin
    resolved = set()
    for outlet in origin_of:
        o, hops = outlet, 0
        while origin_of.get(o, o) != o and hops < 10:
            o, hops = origin_of[o], hops + 1
        resolved.add(o)
    return len(resolved)


def score_library(clusters: Iterable[LabelledCluster], path: Path) -> Scores:
    """Score what the product does: a real library file at ``path`` (which must not
    exist), every article imported and linked as an import links it, links read from
    ``claim_links``, independence from ``trace``."""
    from reader.store import Library

    clusters = list(clusters)
    out = Scores()
    with Library(path) as lib:
        where, predicted = library_links(lib, clusters)
        _score_pairs(out, list(where), predicted, clusters)
        for c in clusters:
            got = traced_independent(lib, c, where)
            out.clusters += 1
            out.independent_right += got == c.independent
            if got != c.independent:
                out.errors.append(f"independent {c.name}: got {got}, labelled {c.independent}")
    return out


def stories_clusters(path: Path) -> dict[str, list[LabelledCluster]]:
    """Written stories (``tests/fixtures/trace/stories.json``'s shape), by split; a
    claim whose source is an outlet of the set cites it."""
    import json

    data = json.loads(path.read_text(encoding="utf-8"))
    outlets = {a["outlet"] for s in data["stories"].values() for a in s["articles"].values()}
    out: dict[str, list[LabelledCluster]] = {"tune": [], "heldout": []}
    for name, story in data["stories"].items():
        arts = [
            LabelledArticle(
                cluster=name,
                key=key,
                outlet=a["outlet"],
                published=a["published"],
                claims=[(c["text"], c["source"]) for c in a["claims"]],
                wire=a["wire"],
                cites={c["source"] for c in a["claims"] if c["source"] in outlets},
            )
            for key, a in story["articles"].items()
        ]

        def pair(p: list[Any], name: str = name) -> frozenset[Ref]:
            return frozenset(((name, p[0], p[1]), (name, p[2], p[3])))

        out[story["split"]].append(
            LabelledCluster(
                name=name,
                articles=arts,
                same={pair(p) for p in story["same"]},
                unsure={pair(p) for p in story["unsure"]},
                independent=story["independent"],
            )
        )
    return out
