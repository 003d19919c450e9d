"""Time claim linking on a generated library of 100,000 articles.

Run: ``.venv/bin/python benchmarks/bench_trace.py [--articles N]``. Generates, in
memory, articles of 8 claims over 20,000 invented stories with realistic overlap:
verbatim wire copies, light rewrites (words swapped, attribution reworded), same-facts
rewordings (names and numbers kept), and unrelated claims. Builds the index (the
rebuild path, ``link=False``), then times linking one new article (goal ≤ 100 ms) and
the group lookup for one claim (``trace``: goal ≤ 50 ms), and prints the index size and
peak memory (ru_maxrss). Numbers printed, not asserted.
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reader.trace import LinkGraph, NewClaim, StoredClaim, TraceIndex

CLAIMS_PER_ARTICLE = 8
SYLLABLES = [a + b for a in "kmnrtvsp" for b in "aeiou"]
ATTRIB = [
    "officials said",
    "the ministry said",
    "according to a statement",
    "sources told reporters",
    "the company said",
    "police said",
]


def word(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(n))


class World:
    """Invented vocabulary, names and stories."""

    def __init__(self, rng: random.Random, stories: int) -> None:
        self.rng = rng
        self.vocab = [word(rng, rng.randint(2, 4)) for _ in range(30_000)]
        self.names = [word(rng, 3).capitalize() for _ in range(8_000)]
        self.stories = [self._story() for _ in range(stories)]

    def common(self) -> str:  # Zipf-like: low ranks far more often
        return self.vocab[min(int(self.rng.paretovariate(1.1)) - 1, len(self.vocab) - 1)]

    def _fact(self) -> tuple[list[str], list[str], str]:
        r = self.rng
        names = [r.choice(self.names) for _ in range(r.randint(1, 3))]
        words = [self.common() for _ in range(r.randint(8, 16))]
        number = str(r.choice([r.randint(2, 99), r.randint(100, 99_999)]))
        return names, words, number

    def _story(self) -> list[tuple[list[str], list[str], str]]:
        return [self._fact() for _ in range(CLAIMS_PER_ARTICLE)]

    def wire(self, fact: tuple[list[str], list[str], str]) -> str:
        names, words, number = fact
        return f"{names[0]} {' '.join(words[:4])} {number} {' '.join(words[4:])} {' '.join(names[1:])}, {ATTRIB[len(words) % len(ATTRIB)]}."

    def rewrite(self, fact: tuple[list[str], list[str], str]) -> str:
        names, words, number = fact
        w = list(words)
        for _ in range(2):
            w[self.rng.randrange(len(w))] = self.common()
        return f"{names[0]} {' '.join(w[:4])} {number} {' '.join(w[4:])} {' '.join(names[1:])}, {self.rng.choice(ATTRIB)}."

    def same_facts(self, fact: tuple[list[str], list[str], str]) -> str:
        names, words, number = fact
        w = words[::2] + [self.common() for _ in range(len(words) // 2)]
        self.rng.shuffle(w)
        return f"{' '.join(names)} {' '.join(w)} {number}."

    def unrelated(self) -> str:
        names, words, number = self._fact()
        return f"{names[0]} {' '.join(words)} {number}."

    def article(self) -> list[str]:
        r = self.rng
        story = r.choice(self.stories)
        style = r.random()
        out = []
        for fact in story:
            pick = r.random()
            if pick < 0.2:
                out.append(self.unrelated())
            elif style < 0.45:
                out.append(self.wire(fact))
            elif style < 0.8:
                out.append(self.rewrite(fact))
            else:
                out.append(self.same_facts(fact))
        return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--stories", type=int, default=20_000)
    args = parser.parse_args()
    rng = random.Random(12)
    world = World(rng, args.stories)
    texts: list[str] = []
    article_of: list[int] = []

    def fetch(cid: int) -> StoredClaim | None:
        return StoredClaim(article_of[cid], texts[cid]) if cid < len(texts) else None

    index = TraceIndex(fetch)
    t0 = time.perf_counter()
    for aid in range(args.articles):
        batch = []
        for text in world.article():
            batch.append(NewClaim(len(texts), text))
            texts.append(text)
            article_of.append(aid)
        index.add_article(aid, batch, link=False)
    index.postings.flush()
    build = time.perf_counter() - t0
    print(
        f"library: {args.articles:,} articles, {len(texts):,} claims; built in {build:.1f} s "
        f"({build / len(texts) * 1e6:.0f} µs a claim)"
    )
    print(
        f"index: {len(index):,} distinct claims indexed, {len(index.postings):,} key entries, "
        f"{index.nbytes() / 1e6:.1f} MB ({len(index.postings.runs)} runs)"
    )

    graph = LinkGraph()
    link_ms, examined, nlinks = [], [], []
    for k in range(50):
        aid = args.articles + k
        batch = []
        for text in world.article():
            batch.append(NewClaim(len(texts), text))
            texts.append(text)
            article_of.append(aid)
        t = time.perf_counter()
        links = index.add_article(aid, batch)
        link_ms.append((time.perf_counter() - t) * 1000)
        examined.append(index.examined)
        nlinks.append(len(links))
        graph.add(links)
    print(
        f"link one new article (8 claims), 50 runs: median {statistics.median(link_ms):.1f} ms, "
        f"max {max(link_ms):.1f} ms; candidates verified median {statistics.median(examined):.0f}; "
        f"links median {statistics.median(nlinks):.0f}  (goal ≤ 100 ms)"
    )

    trace_ms, sizes = [], []
    for _ in range(50):
        cid = rng.randrange(len(texts) - 400, len(texts))
        t = time.perf_counter()
        group = graph.group(cid)
        matches = index.match(texts[cid], article_id=article_of[cid])
        trace_ms.append((time.perf_counter() - t) * 1000)
        sizes.append(len(group) + len(matches))
    print(
        f"trace one claim (stored group + fresh match), 50 runs: median {statistics.median(trace_ms):.1f} ms, "
        f"max {max(trace_ms):.1f} ms; group size median {statistics.median(sizes):.0f}  (goal ≤ 50 ms)"
    )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (ru_maxrss, whole process incl. the generated library): {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
