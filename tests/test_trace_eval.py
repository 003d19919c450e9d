"""The trace scored as the product runs it: the written stories imported into a real
library file through ``add_and_link``, links read from ``claim_links``, independent
counts from ``trace``. The goals (precision ≥ 0.95, recall ≥ 0.80) on each half."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.trace.evaluate import score_library, stories_clusters

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "trace" / "stories.json"


@pytest.mark.parametrize("split", ["tune", "heldout"])
def test_written_stories_meet_the_goals_in_a_library(tmp_path: Path, split: str) -> None:
    s = score_library(stories_clusters(FIXTURE)[split], tmp_path / "lib.db")
    assert s.precision >= 0.95, s.errors
    assert s.recall >= 0.80, s.errors
    assert s.tp > 10  # the labels were read: there was something to find


def test_a_duplicate_article_is_refused(tmp_path: Path) -> None:
    """Scoring two copies of one article would count one article's links twice."""
    clusters = stories_clusters(FIXTURE)["tune"][:1]
    twin = clusters[0].articles[0]
    clusters[0].articles.append(twin)
    with pytest.raises(ValueError, match="duplicates"):
        score_library(clusters, tmp_path / "lib.db")
