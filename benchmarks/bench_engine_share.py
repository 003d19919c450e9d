"""How much the attribution engine adds to ``extract``'s time (goal: at most 20%).

    .venv/bin/python benchmarks/bench_engine_share.py [FOLDER] [--rounds N]

Loads every page once (default: the Scrapinghub AEB dev pages from ../shared, as the scorer uses), then in
the same process, alternating rounds: cleaning only, and cleaning plus claim finding
(the whole ``extract`` path less JSON printing). Prints the per-round times and the
added share from the medians. A benchmark, not a timed test.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
AEB = ROOT.parent / "shared" / "corpus" / "scrapinghub-aeb" / "html"


def pages(folder: Path) -> list[bytes]:
    """The pages in ``folder``; for the AEB corpus only its dev half (ground truth keys)."""
    gt = folder.parent / "ground-truth.json"
    dev = set(json.loads(gt.read_text())) if folder == AEB and gt.is_file() else None
    out = []
    for p in sorted(folder.iterdir()):
        if dev is not None and p.name.split(".")[0] not in dev:
            continue
        if p.name.endswith(".gz"):
            out.append(gzip.decompress(p.read_bytes()))
        elif p.suffix.lower() in (".html", ".htm", ".txt", ".md"):
            out.append(p.read_bytes())
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folder", nargs="?", type=Path, default=AEB)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    if not args.folder.is_dir():
        print(f"no pages: {args.folder} is not a folder (../shared absent?)")
        return 2
    from reader.attribution import find_claims
    from reader.ingest import from_bytes
    from reader.pipeline import clean, outlet_registry

    raws = [
        from_bytes(b, f"page{i}.html", name=f"page{i}.html")
        for i, b in enumerate(pages(args.folder))
    ]
    registry = outlet_registry()
    clean_only, with_claims = [], []
    for _ in range(args.rounds):
        t0 = time.perf_counter()
        for raw in raws:
            clean(raw)
        clean_only.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        for raw in raws:
            a = clean(raw)
            find_claims(a.text, a.publisher, registry)
        with_claims.append(time.perf_counter() - t0)
    c, w = statistics.median(clean_only), statistics.median(with_claims)
    print(f"{len(raws)} pages, {args.rounds} rounds")
    print("clean only      " + "  ".join(f"{t:.2f}s" for t in clean_only))
    print("clean + claims  " + "  ".join(f"{t:.2f}s" for t in with_claims))
    print(f"attribution adds {100 * (w - c) / c:.1f}% to extraction (goal: at most 20%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
