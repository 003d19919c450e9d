"""Attribution engine: find claims in cleaned text and trace where each comes from.

Public API:

- :func:`find_claims` -- the claims of an article, in reading order;
- :class:`ClaimFinder` -- the protocol every finder honours (:class:`RuleFinder` is
  this engine; :func:`finder_from_env` picks the one the environment names);
- :func:`load_registry`, :func:`canonical_outlet`, :func:`outlet_for_domain` --
  the outlet registry (bundled ``resources/outlets.json`` plus user files).

Pure Python (standard library only): no Qt, no models, nothing downloaded.
"""

from __future__ import annotations

from reader.attribution.finder import ClaimFinder, Findings, RuleFinder, finder_from_env
from reader.attribution.outlets import (
    OutletRegistry,
    bundled_registry_path,
    canonical_outlet,
    default_registry,
    load_registry,
    outlet_for_domain,
)
from reader.model import Claim

__all__ = [
    "ClaimFinder",
    "Findings",
    "OutletRegistry",
    "RuleFinder",
    "bundled_registry_path",
    "canonical_outlet",
    "default_registry",
    "find_claims",
    "finder_from_env",
    "load_registry",
    "outlet_for_domain",
]


def find_claims(
    text: str, publisher: str | None = None, registry: OutletRegistry | None = None
) -> list[Claim]:
    """Return the claims in ``text`` in reading order.

    ``text`` is cleaned plain text, paragraphs separated by a blank line.
    ``publisher`` is the article's outlet if known (any alias; canonicalised);
    otherwise it is guessed from the text's references to itself.
    ``registry`` defaults to the bundled outlet registry.
    """
    return RuleFinder(registry).find(text, publisher).claims
