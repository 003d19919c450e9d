"""Time the attribution engine on realistic and pathological inputs.

Run: ``.venv/bin/python benchmarks/bench_attribution.py``.  Prints seconds per
input; each pathological input is about 1 MB and should finish in well under a
second, showing the engine stays linear (no regex backtracking, no quadratic
coreference).  A benchmark, not a test: it asserts nothing.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reader.attribution import find_claims

MB = 1_000_000

ARTICLE = (
    "Ruritania has asked several neighbours to sell back drones it exported, "
    "The Wall Street Journal reported.\n\n"
    "Quiet talks have taken place with Freedonia, the outlet reported, citing unnamed "
    "officials familiar with the talks. Two of those officials told the paper that "
    "Freedonia agreed to return 40 drones. “We will not comment,” said Mayor Ana Ruiz, "
    "who chairs the council. She added that the vote is on Jan. 5 at 9 a.m.\n\n"
    "Insider was unable to independently verify the reports.\n\n"
)


def _fill(unit: str, size: int = MB) -> str:
    return (unit * (size // len(unit) + 1))[:size]


CASES: dict[str, Callable[[], str]] = {
    "article x 200 (~100 KB, many paragraphs)": lambda: ARTICLE * 200,
    "1 MB realistic text": lambda: _fill(ARTICLE),
    "1 MB paragraph, no punctuation": lambda: _fill("lorem ipsum dolor sit amet "),
    "1 MB paragraph of quote characters": lambda: _fill("“”\"'«» "),
    "1 MB 'said said said'": lambda: _fill("said "),
    "1 MB 'X said, Y told'": lambda: _fill("Ana Ruiz said, the paper told "),
    "1 MB 'X blamed A and blamed B'": lambda: _fill("Ana Ruiz blamed the board and blamed "),
    "1 MB of abbreviations": lambda: _fill("Sen. U.S. a.m. J. Mr. Dr. St. Jan. "),
    "1 MB one token": lambda: "a" * MB,
    "1 MB of commas": lambda: _fill(", "),
    "1 MB of 'according to'": lambda: _fill("according to "),
    "1 MB of sentences 'He said.'": lambda: _fill("He said. "),
    "1 MB of newlines and dashes": lambda: _fill("—\n– - \n\n"),
}


def main() -> None:
    for name, build in CASES.items():
        text = build()
        t0 = time.perf_counter()
        claims = find_claims(text)
        dt = time.perf_counter() - t0
        print(f"{dt:7.3f}s  {len(text) / 1e6:5.2f} MB  {len(claims):7d} claims  {name}")


if __name__ == "__main__":
    main()
