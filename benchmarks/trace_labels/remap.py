"""Carry the hand labels of ``aeb_dev.json`` over an engine change that joins or splits
claims, so a pair a person judged stays judged.

Run from the project root: ``.venv/bin/python benchmarks/trace_labels/remap.py OLD_REV``
where OLD_REV is the commit the labels fit (every labelled hash matches there).

Labels name claims by index and a short hash of their text; when the engine joins two
claims into one (or splits one), the indices after it move and the hashes change, and
``eval_trace.py`` leaves those pairs out as drift. This reads the claims as OLD_REV
extracts them (a temporary ``git worktree``) and as the working tree does, maps each
old claim to the new claim that holds its start, and rewrites the pairs:

- a pair whose two claims map to one new pair keeps its label;
- new pairs that old pairs with different labels map to become ``unsure`` (left out
  of scoring), never guessed;
- the article texts must be identical in both (only claims may differ), or nothing is
  written; an article whose labels did not fit OLD_REV either is left as it is.

No page text is written: ids, indices and hashes only, as before.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LABELS = ROOT / "benchmarks" / "trace_labels" / "aeb_dev.json"
HTML = ROOT.parent / "shared" / "corpus" / "scrapinghub-aeb" / "html"

_DUMP = """
import hashlib, json, sys
from reader.pipeline import extract
out = {}
for page in sys.argv[1:]:
    raw, art = extract(page)
    out[page] = {"text": hashlib.sha1(art.text.encode()).hexdigest(),
                 "claims": [[c.start, c.end, hashlib.sha1(c.text.encode()).hexdigest()[:8]]
                            for c in art.claims]}
print(json.dumps(out))
"""


def dump(code_root: Path, pages: list[str]) -> dict[str, dict]:
    """Claims as the code at ``code_root`` extracts them, per page."""
    p = subprocess.run(
        [sys.executable, "-c", _DUMP, *pages],
        capture_output=True,
        text=True,
        cwd=code_root,
        env={"PYTHONPATH": str(code_root), "PATH": "/usr/bin:/bin"},
        check=True,
    )
    return json.loads(p.stdout)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    rev = argv[0]
    data = json.loads(LABELS.read_text(encoding="utf-8"))
    pages = sorted(
        {
            str(HTML / f"{a['id']}.html.gz")
            for cl in data["clusters"].values()
            for a in cl["articles"].values()
        }
    )
    with tempfile.TemporaryDirectory(prefix="remap-") as tmp:
        old_root = Path(tmp) / "old"
        subprocess.run(
            ["git", "worktree", "add", "-q", "--detach", str(old_root), rev], cwd=ROOT, check=True
        )
        try:
            old = dump(old_root, pages)
        finally:
            subprocess.run(
                ["git", "worktree", "remove", "--force", str(old_root)], cwd=ROOT, check=True
            )
    new = dump(ROOT, pages)
    changed = 0
    for name, cl in data["clusters"].items():
        index: dict[str, dict[int, int]] = {}
        for key, a in cl["articles"].items():
            page = str(HTML / f"{a['id']}.html.gz")
            o, n = old[page], new[page]
            if o["text"] != n["text"]:
                print(
                    f"{name}/{key}: the article text changed, not only its claims: nothing written",
                    file=sys.stderr,
                )
                return 1
            if [c[2] for c in o["claims"]] == [c[2] for c in n["claims"]]:
                index[key] = {i: i for i in range(len(a["hashes"]))}  # claims unchanged
                continue
            if [c[2] for c in o["claims"]] != a["hashes"]:
                print(f"{name}/{key}: its labels did not fit {rev} either: left as they are")
                index[key] = {i: i for i in range(len(a["hashes"]))}
                continue
            mapping = {}
            for i, (start, _end, _h) in enumerate(o["claims"]):
                mapping[i] = next(
                    j for j, (s, e, _) in enumerate(n["claims"]) if s <= start < e or s == start
                )
            index[key] = mapping
            changed += 1
            a["claims"] = len(n["claims"])
            a["hashes"] = [c[2] for c in n["claims"]]
        seen: dict[tuple[str, int, str, int], str] = {}
        hashes = {key: a["hashes"] for key, a in cl["articles"].items()}
        for bucket in ("same", "unsure"):
            for a, i, _ha, b, j, _hb in cl[bucket]:
                pair = (a, index[a][i], b, index[b][j])
                if seen.get(pair, bucket) != bucket:
                    seen[pair] = "unsure"
                else:
                    seen[pair] = bucket
        # an old "different" pair (every unlisted one) mapping onto a new "same" pair
        for key_a, map_a in index.items():
            for key_b, map_b in index.items():
                if key_a >= key_b:
                    continue
                for i, ni in map_a.items():
                    for j, nj in map_b.items():
                        listed = any(
                            (x, y, z, w) in {(key_a, i, key_b, j), (key_b, j, key_a, i)}
                            for x, y, _h1, z, w, _h2 in cl["same"] + cl["unsure"]
                        )
                        for pair in ((key_a, ni, key_b, nj), (key_b, nj, key_a, ni)):
                            if not listed and seen.get(pair) == "same":
                                seen[pair] = "unsure"
        cl["same"] = [
            [a, i, hashes[a][i], b, j, hashes[b][j]]
            for (a, i, b, j), v in sorted(seen.items())
            if v == "same"
        ]
        cl["unsure"] = [
            [a, i, hashes[a][i], b, j, hashes[b][j]]
            for (a, i, b, j), v in sorted(seen.items())
            if v == "unsure"
        ]
    notes = data.setdefault("remapped", [])
    notes.append(
        f"claims remapped mechanically from {rev} by benchmarks/trace_labels/remap.py; conflicts made unsure"
    )
    LABELS.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"remapped: {changed} article(s) whose claims changed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
