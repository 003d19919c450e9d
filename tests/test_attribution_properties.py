"""Property test: arbitrary text never breaks the engine's invariants."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.attribution import find_claims
from reader.model import SOURCE_TYPES, STATUSES

_WORDS = st.sampled_from(
    [
        "said",
        "says",
        "told",
        "the",
        "paper",
        "Reuters",
        "Mr.",
        "Sen.",
        "U.S.",
        "he",
        "she",
        "according",
        "to",
        "per",
        "citing",
        "“",
        "”",
        '"',
        "'",
        ",",
        ".",
        "...",
        "—",
        "(",
        ")",
        "\n",
        "\n\n",
        "Ana",
        "Ruiz",
        "who",
        "denied",
        "reported",
        "unable",
        "verify",
        "the",
        "reports",
        "confirmed",
        "independently",
        "2024",
        "Jan.",
        "a.m.",
        "Insider",
        "WSJ",
        "Journal",
        "outlet",
        "sources",
        "two",
        "officials",
        ":",
        "―",
        "adding",
        "and",
    ]
)
_TEXT = st.one_of(
    st.text(max_size=400),
    st.lists(_WORDS, max_size=120).map(" ".join),
    st.lists(_WORDS, max_size=120).map("".join),
)


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.one_of(st.none(), st.sampled_from(["Insider", "WSJ", "Nobody Weekly"])))
def test_claim_invariants(text: str, publisher: str | None) -> None:
    claims = find_claims(text, publisher)
    prev_start = -1
    for c in claims:
        assert 0 <= c.start < c.end <= len(text)
        assert text[c.start : c.end] == c.text
        assert c.start >= prev_start
        prev_start = c.start
        if c.source_span is not None:
            s, e = c.source_span
            assert 0 <= s < e <= len(text)
        assert c.status in STATUSES
        assert c.source_type is None or c.source_type in SOURCE_TYPES
        if c.status == "unattributed":
            assert c.source is None and c.source_span is None
