"""Time the real ``extract`` path on pathological inputs of growing size.

    .venv/bin/python benchmarks/bench_pathological.py [--sizes 100K,1M,4M] [--timeout 120]
        [--only SHAPE ...]

Each shape (hard-wrapped text, one word per line, one long sentence, unbalanced
quotes, Markdown link and HTML openers, deep nesting) is written to a temporary file
of each size and run through :func:`reader.pipeline.extract` in a child process (so a
run that never ends is cut at ``--timeout`` and the larger sizes of that shape are
skipped). The last column is the growth ratio for 4× the input (the largest time over
the one before it): linear is about 4, quadratic 16; the goal is at most 5.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def hard_wrapped(size: int) -> str:
    """Lower-case prose wrapped at 70 columns, no full stop: one growing paragraph."""
    line = "the council said the plan would go ahead despite the cost and delay\n"
    return _repeat(line, size)


def word_per_line(size: int) -> str:
    return _repeat("word\n", size)


def one_sentence(size: int) -> str:
    return "The " + _repeat("council said that the plan would go on ", size - 5) + "."


def unbalanced_quotes(size: int) -> str:
    """Paragraphs that each open a quotation and never close it."""
    para = 'The minister said "the plan will go ahead and the cost is fine, she added.\n\n'
    return _repeat(para, size)


def md_links(size: int) -> str:
    return "# Title\n\n" + _repeat("[a](", size)


def md_html(size: int) -> str:
    return "# Title\n\n" + _repeat("<a ", size)


def md_nested_quotes(size: int) -> str:
    return "# Title\n\n" + _repeat(">", size - 20) + " the council said so.\n"


def md_nested_lists(size: int) -> str:
    """List items each indented two more spaces than the last, as deep as fits."""
    out = ["# Title\n\n"]
    n, depth = 10, 0
    while n < size:
        line = "  " * depth + "- the council said so\n"
        out.append(line)
        n += len(line)
        depth += 1
    return "".join(out)[:size]


SHAPES: dict[str, tuple[str, Callable[[int], str]]] = {
    "hard-wrapped text": (".txt", hard_wrapped),
    "one word per line": (".txt", word_per_line),
    "one long sentence": (".txt", one_sentence),
    "unbalanced quotes": (".txt", unbalanced_quotes),
    "md link openers": (".md", md_links),
    "md HTML openers": (".md", md_html),
    "md nested quotes": (".md", md_nested_quotes),
    "md nested lists": (".md", md_nested_lists),
}

CHILD = """
import sys, time
sys.path.insert(0, {root!r})
from reader.errors import InputError
from reader.pipeline import extract
extract({warm!r})  # imports and the claim engine's start-up, not timed
t = time.perf_counter()
try:
    extract(sys.argv[1])
    note = ""
except InputError as exc:
    note = exc.reason
print(time.perf_counter() - t, note, sep="\\t")
"""


def parse_size(s: str) -> int:
    s = s.strip().upper()
    mult = {"K": 1000, "M": 1000_000}.get(s[-1:], 1)
    return int(float(s.rstrip("KM")) * mult)


def run_one(path: Path, timeout: float) -> tuple[float | None, str]:
    """Seconds ``extract`` took on ``path`` in a fresh process (None: cut at timeout)."""
    code = CHILD.format(root=str(ROOT), warm=str(ROOT / "resources/samples/trial-halted.md"))
    try:
        proc = subprocess.run(
            [sys.executable, "-c", code, str(path)],
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        return None, "timeout"
    if proc.returncode != 0:
        last = (proc.stderr.strip().splitlines() or ["?"])[-1]
        return None, f"crashed: {last[:60]}"
    secs, _, note = proc.stdout.strip().partition("\t")
    return float(secs), note


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="100K,1M,4M", help="comma-separated (K, M suffixes)")
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds per run")
    ap.add_argument("--only", nargs="*", default=None, help="shape names to run")
    args = ap.parse_args(argv)
    sizes = [parse_size(s) for s in args.sizes.split(",")]
    labels = [s.strip() for s in args.sizes.split(",")]
    head = f"{'shape':<20}" + "".join(f"{lab:>10}" for lab in labels) + f"{'ratio 4x':>10}  note"
    print(head)
    print("-" * len(head))
    with tempfile.TemporaryDirectory() as tmp:
        for name, (ext, make) in SHAPES.items():
            if args.only and name not in args.only:
                continue
            times: list[float | None] = []
            notes: set[str] = set()
            cut = False
            for size in sizes:
                if cut:
                    times.append(None)
                    continue
                path = Path(tmp) / f"input{ext}"
                path.write_text(make(size), encoding="utf-8")
                secs, note = run_one(path, args.timeout)
                times.append(secs)
                if note:
                    notes.add(note)
                cut = secs is None
            cells = "".join(
                f"{t:>9.2f}s" if t is not None else f"{'>' + str(int(args.timeout)) + 's':>10}"
                for t in times
            )
            a, b = (times[-2], times[-1]) if len(times) > 1 else (None, None)
            ratio = (
                f"{b / max(a, 1e-3):>10.1f}" if a is not None and b is not None else f"{'-':>10}"
            )
            print(f"{name:<20}{cells}{ratio}  {'; '.join(sorted(notes))}", flush=True)
    return 0


if __name__ == "__main__":
    t0 = time.perf_counter()
    rc = main()
    print(f"(total {time.perf_counter() - t0:.0f} s)")
    sys.exit(rc)
