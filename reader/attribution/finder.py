"""How the rest of the program asks for claims: a :class:`ClaimFinder`.

The rule engine is one finder (:class:`RuleFinder`).  Any other that honours the
protocol (a learned model, a variant with rules switched off) can be dropped in
and measured on the same scorers: ``extract`` uses the finder named by the
environment variable ``PROVENANCE_READER_FINDER`` (default ``rules``), and
``PROVENANCE_READER_DISABLE_RULES`` (comma-separated rule names, see
:mod:`reader.attribution.rules`) switches rules off for a measurement.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from typing import Protocol

from reader.attribution.outlets import OutletRegistry, default_registry
from reader.attribution.rules import check_names
from reader.model import Claim

FINDER_ENV = "PROVENANCE_READER_FINDER"
DISABLE_ENV = "PROVENANCE_READER_DISABLE_RULES"


@dataclass
class Findings:
    """What a finder found in one article."""

    claims: list[Claim] = field(default_factory=list)
    #: The publisher, canonicalised: as given, or inferred from the text's references
    #: to itself ("Insider was unable to verify ..."); None when neither says.
    publisher: str | None = None


class ClaimFinder(Protocol):
    """Finds the claims of a cleaned article text."""

    name: str

    def find(self, text: str, publisher: str | None = None, wire: str | None = None) -> Findings:
        """Claims of ``text`` in reading order; ``publisher`` and ``wire`` as the page
        metadata gives them (any alias), or None."""
        ...


@dataclass
class RuleFinder:
    """The rule engine of this package (no model, nothing downloaded)."""

    registry: OutletRegistry | None = None
    disabled: frozenset[str] = frozenset()
    name: str = "rules"

    def __post_init__(self) -> None:
        check_names(self.disabled)

    def find(self, text: str, publisher: str | None = None, wire: str | None = None) -> Findings:
        from reader.attribution.engine import run_engine

        return run_engine(text, publisher, self.registry or default_registry(), wire, self.disabled)


#: Finders by name, each made from the outlet registry and the rules to leave out.
FINDERS: dict[str, Callable[[OutletRegistry, Collection[str]], ClaimFinder]] = {
    "rules": lambda registry, disabled: RuleFinder(registry, frozenset(disabled)),
}


def finder_from_env(registry: OutletRegistry) -> ClaimFinder:
    """The finder the environment asks for (see the module docstring)."""
    name = os.environ.get(FINDER_ENV, "").strip() or "rules"
    if name not in FINDERS:
        known = ", ".join(sorted(FINDERS))
        raise ValueError(f"{FINDER_ENV}: {name!r} is not a claim finder (known: {known})")
    disabled = [r.strip() for r in os.environ.get(DISABLE_ENV, "").split(",") if r.strip()]
    try:
        return FINDERS[name](registry, disabled)
    except ValueError as exc:
        raise ValueError(f"{DISABLE_ENV}: {exc}") from None
