"""The documented extract contract names every key the code prints."""

from __future__ import annotations

import dataclasses
import json
import re

from reader.model import Article, Claim
from tests.helpers import ROOT


def test_readme_contract_example_has_every_key() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    m = re.search(r"### The `extract` contract\s+```json\n(.*?)```", readme, re.DOTALL)
    assert m, "README lost its extract contract example"
    example = json.loads(m.group(1))
    assert set(example) == {"path"} | set(Article().to_dict())
    assert set(example["claims"][0]) == {f.name for f in dataclasses.fields(Claim)}


def test_claims_doc_table_has_every_claim_key_and_the_wire() -> None:
    doc = (ROOT / "docs" / "claims.md").read_text(encoding="utf-8")
    m = re.search(r"## The claim model.*?\n\n(\|.*?)\n\n", doc, re.DOTALL)
    assert m, "docs/claims.md lost its claim-model table"
    documented = {
        k for row in m.group(1).splitlines() for k in re.findall(r"`(\w+)`", row.split("|")[1])
    }
    assert {f.name for f in dataclasses.fields(Claim)} <= documented
    assert "**`wire`**" in doc
