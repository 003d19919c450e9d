"""Score claim linking on the hand-labelled sets: tuning half and held-out half apart.

Run from the project root: ``.venv/bin/python benchmarks/eval_trace.py [-v]``.

Two sources of labels:

- ``tests/fixtures/trace/stories.json``: fictional articles written for this (always scored);
- ``benchmarks/trace_labels/aeb_dev.json``: clusters of the benchmark corpus's dev pages,
  by page id + claim index + a short hash of the claim text (no page text here). The
  pages are read from ``../shared/corpus/scrapinghub-aeb/html`` and extracted as
  ``extract`` does; without ``../shared`` they are skipped (and said to be). A claim
  whose hash no longer matches (the engine changed the claim) is reported as drift and
  its pairs are left out.

Scored as the product runs (default): a temporary library file, each article imported
through ``add_and_link`` in publication order, links read back from ``claim_links``,
independent counts from ``trace``.

Goals: link precision ≥ 0.95, recall ≥ 0.80 (printed, not asserted).
"""

from __future__ import annotations

import hashlib
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reader.trace.evaluate import (  # noqa: E402
    LabelledArticle,
    LabelledCluster,
    Scores,
    score_library,
    stories_clusters,
)

FIXTURES = ROOT / "tests" / "fixtures" / "trace" / "stories.json"
AEB_LABELS = ROOT / "benchmarks" / "trace_labels" / "aeb_dev.json"
AEB_HTML = ROOT.parent / "shared" / "corpus" / "scrapinghub-aeb" / "html"


def short_hash(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()[:8]


def fixture_clusters(path: Path = FIXTURES) -> dict[str, list[LabelledCluster]]:
    """The fictional stories, by split."""
    return stories_clusters(path)


def aeb_clusters(html: Path = AEB_HTML) -> tuple[dict[str, list[LabelledCluster]], list[str]]:
    """The benchmark clusters by split, extracted from the pages; and drift notes."""
    from reader.pipeline import extract

    data = json.loads(AEB_LABELS.read_text(encoding="utf-8"))
    out: dict[str, list[LabelledCluster]] = {"tune": [], "heldout": []}
    drift: list[str] = []
    for name, cl in data["clusters"].items():
        arts = []
        good: dict[str, set[int]] = {}
        for key, a in cl["articles"].items():
            raw, article = extract(str(html / f"{a['id']}.html.gz"))
            claims = article.claims
            if len(claims) != a["claims"]:
                drift.append(f"{name}/{key}: {len(claims)} claims, labelled {a['claims']}")
            good[key] = {
                i
                for i, c in enumerate(claims)
                if i < len(a["hashes"]) and short_hash(c.text) == a["hashes"][i]
            }
            arts.append(
                LabelledArticle(
                    cluster=name,
                    key=key,
                    outlet=article.publisher or key,
                    published=article.published or "",
                    claims=[(c.text, c.source) for c in claims],
                    wire=article.wire,
                    cites={c.outlet for c in claims if c.source_type == "outlet" and c.outlet},
                    extracted=(raw, article),
                )
            )
        same, unsure = set(), set()
        for bucket, target in (("same", same), ("unsure", unsure)):
            for a, i, _ha, b, j, _hb in cl[bucket]:
                if i in good[a] and j in good[b]:
                    target.add(frozenset(((name, a, i), (name, b, j))))
                else:  # left out both ways: a link found there is not a false one
                    unsure.add(frozenset(((name, a, i), (name, b, j))))
                    drift.append(f"{name}: {bucket} pair {a}{i}-{b}{j} drifted, left out")
        out[cl["split"]].append(LabelledCluster(name, arts, same, unsure, cl["independent"]))
    return out, drift


def line(label: str, s: Scores) -> str:
    return (
        f"{label:<28} precision {s.precision:.3f} ({s.tp}/{s.tp + s.fp})  "
        f"recall {s.recall:.3f} ({s.tp}/{s.tp + s.fn})  "
        f"independent right {s.independent_right}/{s.clusters}"
    )


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    sets: dict[str, dict[str, list[LabelledCluster]]] = {"fixtures": fixture_clusters()}
    if AEB_HTML.is_dir():
        sets["aeb"], drift = aeb_clusters()
        for note in drift:
            print("drift:", note)
    else:
        print(f"skipped: benchmark pages ({AEB_HTML} is absent); fixtures only")
    print("scoring: library file, add_and_link, trace()")
    with tempfile.TemporaryDirectory() as tmp:
        n = 0

        def run(clusters: list[LabelledCluster]) -> Scores:
            nonlocal n
            n += 1
            return score_library(clusters, Path(tmp) / f"eval{n}.db")

        for split in ("tune", "heldout"):
            print(f"== {split} ==")
            for name, by_split in sets.items():
                s = run(by_split[split])
                print(line(f"{name}", s))
                if verbose:
                    for e in s.errors:
                        print("   ", e)
            both = run([c for by_split in sets.values() for c in by_split[split]])
            print(line("all (one library)", both))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
