"""The store is a leaf: it stores and reads, it does not extract. Importing and using
it loads no part of the pipeline (the cleaners, the attribution engine), and no module
of reader/store names one, even in a function (a lazy import would hide from the
first test)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT

#: What the store must not reach: extraction, cleaning, claims, fetching.
FORBIDDEN = (
    "reader.pipeline",
    "reader.library_ops",
    "reader.attribution",
    "reader.ingest.clean_html",
    "reader.ingest.clean_text",
    "reader.ingest.clean_markdown",
    "reader.ingest.body_rules",
    "reader.ingest.identity",
    "reader.ingest.wire",
    "reader.ingest.render",
    "reader.ingest.fetch",
    "reader.gui",
)

USE_THE_STORE = """
import sys, tempfile
from pathlib import Path
from reader.ingest import RawInput
from reader.model import Article, Claim
from reader.store import Library
from reader.store.check import check_library

db = Path(tempfile.mkdtemp()) / "lib.db"
body = "The council said the bridge reopens in May, officials said."
raw = RawInput("a.txt", "text", body, body.encode())
art = Article(title="T", text=body, markdown=body, claims=[Claim(body, 0, len(body), None, None, None, None, None, "unattributed")])
with Library(db) as lib:
    aid = lib.add(raw, art).article_id
    assert lib.stored_input(aid) is not None
    lib.replace_extraction(aid, art)
    lib.search("bridge"), lib.get(aid)
assert check_library(db).ok
print("\\n".join(sorted(m for m in sys.modules if m.startswith("reader"))))
"""


def _forbidden(name: str) -> bool:
    return any(name == f or name.startswith(f + ".") for f in FORBIDDEN)


@pytest.mark.subprocess
def test_using_the_store_imports_no_part_of_the_pipeline() -> None:
    p = subprocess.run(
        [sys.executable, "-c", USE_THE_STORE], capture_output=True, text=True, cwd=ROOT
    )
    assert p.returncode == 0, p.stderr
    loaded = p.stdout.split()
    assert "reader.store.library" in loaded  # the script did run the store
    assert [m for m in loaded if _forbidden(m)] == []


def test_no_module_of_the_store_names_the_pipeline() -> None:
    found = []
    for path in sorted((ROOT / "reader" / "store").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            found += [f"{Path(path).name}:{node.lineno} {n}" for n in names if _forbidden(n)]
    assert found == []
