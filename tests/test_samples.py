"""The bundled samples are what a new user sees first: every status must show up in
them, and each must be an article with claims."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.model import STATUSES
from reader.pipeline import extract
from tests.helpers import ROOT

SAMPLES = sorted((ROOT / "resources" / "samples").iterdir())


def test_at_least_three_samples_in_three_formats() -> None:
    assert len(SAMPLES) >= 3
    assert {p.suffix for p in SAMPLES} >= {".txt", ".html", ".md"}


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_each_sample_has_title_publisher_and_claims(path: Path) -> None:
    _, a = extract(str(path))
    assert a.title and a.publisher
    assert len(a.claims) >= 10
    assert all(a.text[c.start : c.end] == c.text for c in a.claims)


def test_samples_show_every_status() -> None:
    seen = {c.status for p in SAMPLES for c in extract(str(p))[1].claims}
    assert seen == set(STATUSES)


def test_layered_chain_in_the_scraped_sample() -> None:
    _, a = extract(str(ROOT / "resources" / "samples" / "veloria-patrol-boats.txt"))
    assert a.title and "page" not in a.title.lower()
    layered = [c for c in a.claims if len(c.chain) == 3]
    assert layered, "an outlet citing an outlet citing unnamed sources"
    c = layered[0]
    assert c.chain[0] == "Northgate Daily" and c.outlet == "The Meridian Journal"
    assert c.source_type == "anonymous" and c.status == "unconfirmed"
