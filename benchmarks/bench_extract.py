"""Benchmark HTML extraction speed: pages per second, ours beside plain trafilatura.

    .venv/bin/python benchmarks/bench_extract.py [FOLDER ...] [--cli] [--no-ref]

With no folder: the Scrapinghub AEB pages (decompressed to a temporary folder) and the
Mozilla readability test pages from ../shared, when present. A folder is scanned for
``*.html``/``*.htm``/``*.html.gz`` files, recursively. By default ``clean_html`` runs
in this process (per-page cost only); ``--cli`` times ``python -m reader extract ...
--format json`` as one process over each folder, as the AEB scorer does (start-up,
imports and claim finding included). Plain ``trafilatura.extract`` is timed on the
same pages, in-process or in one process to match, unless ``--no-ref``.
"""

from __future__ import annotations

import argparse
import gzip
import logging
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
AEB_HTML = SHARED / "corpus" / "scrapinghub-aeb" / "html"
READABILITY = SHARED / "corpus" / "mozilla-readability" / "test-pages"

REF_CODE = (
    "import sys, trafilatura\n"
    "for p in sys.argv[1:]:\n"
    "    trafilatura.extract(open(p, encoding='utf-8', errors='replace').read(),"
    " include_comments=False)\n"
)


def collect(folder: Path, tmp: Path) -> list[Path]:
    """HTML files under ``folder``; gzip files are decompressed into ``tmp``."""
    sources = sorted(folder.glob("*/source.html"))
    if sources:  # readability's test-pages layout: source.html beside expected.html
        return sources
    pages: list[Path] = []
    for path in sorted(folder.rglob("*")):
        name = path.name.lower()
        if name.endswith((".html", ".htm")):
            pages.append(path)
        elif name.endswith(".html.gz"):
            out = tmp / f"{len(pages):04d}-{path.name[:-3]}"
            out.write_bytes(gzip.decompress(path.read_bytes()))
            pages.append(out)
    return pages


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace")


def time_in_process(pages: list[Path], ref: bool) -> tuple[float, float | None]:
    """Seconds for clean_html over the pages (and for trafilatura.extract)."""
    import trafilatura

    from reader.ingest.clean_html import clean_html

    htmls = [read(p) for p in pages]
    clean_html(htmls[0])  # warm imports and caches, as a long-running app would be
    trafilatura.extract(htmls[0], include_comments=False)
    t0 = time.perf_counter()
    for html in htmls:
        clean_html(html)
    ours = time.perf_counter() - t0
    if not ref:
        return ours, None
    t0 = time.perf_counter()
    for html in htmls:
        trafilatura.extract(html, include_comments=False)
    return ours, time.perf_counter() - t0


def time_processes(pages: list[Path], ref: bool) -> tuple[float, float | None]:
    """Seconds for one ``reader extract`` process over the pages (and one trafilatura one)."""
    cmd = [sys.executable, "-m", "reader", "extract", *map(str, pages), "--format", "json"]
    t0 = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    ours = time.perf_counter() - t0
    if not ref:
        return ours, None
    t0 = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", REF_CODE, *map(str, pages)],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return ours, time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folders", nargs="*", type=Path)
    ap.add_argument("--cli", action="store_true", help="time `python -m reader extract` processes")
    ap.add_argument("--no-ref", action="store_true", help="skip plain trafilatura")
    args = ap.parse_args(argv)
    logging.disable(logging.WARNING)
    sys.path.insert(0, str(ROOT))
    folders = args.folders or [f for f in (AEB_HTML, READABILITY) if f.is_dir()]
    if not folders:
        print("no pages: give a folder of HTML files (../shared corpora not found)")
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        for folder in folders:
            pages = collect(folder, Path(tmp))
            if not pages:
                print(f"{folder}: no HTML pages")
                continue
            timer = time_processes if args.cli else time_in_process
            ours, ref = timer(pages, not args.no_ref)
            line = (
                f"{folder}: {len(pages)} pages, ours {len(pages) / ours:.1f} pages/s ({ours:.2f} s)"
            )
            if ref:
                line += f", trafilatura {len(pages) / ref:.1f} pages/s ({ref:.2f} s), ratio {ours / ref:.2f}"
            print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
