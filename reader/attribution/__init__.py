"""Attribution engine: find claims in cleaned text and trace where each comes from.

Public API: :func:`find_claims`.
"""

from __future__ import annotations

from reader.model import Claim


def find_claims(text: str, publisher: str | None = None) -> list[Claim]:
    """Return the claims in ``text`` in reading order (engine under construction)."""
    return []
