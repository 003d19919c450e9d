"""How much the attribution engine adds to ``extract``'s time (goal: at most 20%).

    .venv/bin/python benchmarks/bench_engine_share.py [FOLDER] [--rounds N]

Reads every page once (default: the Scrapinghub AEB dev pages from ../shared, as the scorer uses), then in
the same process, for several rounds, does what ``extract`` does with each: decode and
sniff the bytes, clean, find the claims (the pipeline's claim finder, with publisher
and wire) and write the JSON, timing the claim finding apart from the rest in CPU time
of this process (so other jobs on a shared machine move the figure less than wall time
would). Prints the per-round times and the engine's share from the medians. A
benchmark, not a timed test.

``--instructions`` counts machine instructions instead (valgrind's callgrind, hash seed
fixed): the same code on the same pages gives the same count however busy the machine
is, so two versions can be compared exactly. It takes a few minutes.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import statistics
import subprocess
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
    ap.add_argument("--instructions", action="store_true", help="count instructions (valgrind)")
    ap.add_argument("--steps", choices=["read", "clean", "claims"], help=argparse.SUPPRESS)
    args = ap.parse_args()
    if not args.folder.is_dir():
        print(f"no pages: {args.folder} is not a folder (../shared absent?)")
        return 2
    if args.steps:
        run_steps(args.folder, args.steps)
        return 0
    if args.instructions:
        return count_instructions(args.folder)
    from reader.ingest import from_bytes
    from reader.pipeline import claim_finder, clean, outlet_registry

    blobs = pages(args.folder)
    registry = outlet_registry()
    finder = claim_finder(registry)
    clean_times, claim_times = [], []
    for _ in range(args.rounds):
        rest = finding = 0.0
        for i, blob in enumerate(blobs):
            t0 = time.process_time()
            raw = from_bytes(blob, f"page{i}.html", name=f"page{i}.html")
            a = clean(raw, registry)
            t1 = time.process_time()
            a.claims = finder.find(a.text, a.publisher, a.wire).claims
            t2 = time.process_time()
            json.dumps(a.to_dict(), ensure_ascii=False)
            t3 = time.process_time()
            rest += (t1 - t0) + (t3 - t2)
            finding += t2 - t1
        clean_times.append(rest)
        claim_times.append(finding)
    c, f = statistics.median(clean_times), statistics.median(claim_times)
    print(f"{len(blobs)} pages, {args.rounds} rounds (CPU seconds of this process)")
    print("read, clean, JSON " + "  ".join(f"{t:.2f}s" for t in clean_times))
    print("finding claims    " + "  ".join(f"{t:.2f}s" for t in claim_times))
    print(f"attribution adds {100 * f / c:.1f}% to extraction (goal: at most 20%)")
    return 0


def run_steps(folder: Path, steps: str) -> None:
    """Do the steps up to ``steps`` on every page once (what callgrind counts)."""
    from reader.ingest import from_bytes
    from reader.pipeline import claim_finder, clean, outlet_registry

    registry = outlet_registry()
    finder = claim_finder(registry)
    for i, blob in enumerate(pages(folder)):
        raw = from_bytes(blob, f"page{i}.html", name=f"page{i}.html")
        if steps == "read":
            continue
        a = clean(raw, registry)
        if steps == "claims":
            a.claims = finder.find(a.text, a.publisher, a.wire).claims


def count_instructions(folder: Path) -> int:
    """Instructions of reading, of cleaning and of finding claims, by difference."""
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (apt-get install valgrind)")
        return 2
    counts = {}
    for steps in ("read", "clean", "claims"):
        cmd = [
            "valgrind",
            "--tool=callgrind",
            "--callgrind-out-file=/dev/null",
            sys.executable,
            __file__,
            str(folder),
            "--steps",
            steps,
        ]
        env = dict(os.environ, PYTHONHASHSEED="0")
        out = subprocess.run(cmd, capture_output=True, text=True, env=env, check=True).stderr
        counts[steps] = int(re.search(r"Collected : (\d+)", out)[1])  # type: ignore[index]
    clean_ir = counts["clean"] - counts["read"]
    claims_ir = counts["claims"] - counts["clean"]
    print(f"cleaning {clean_ir / 1e9:.2f} G instructions, finding claims {claims_ir / 1e9:.2f} G")
    print(f"attribution adds {100 * claims_ir / clean_ir:.1f}% to cleaning (goal: at most 20%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
