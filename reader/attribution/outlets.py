"""The outlet registry: news organisations, their aliases and web domains.

The bundled list lives in ``resources/outlets.json``; users can add their own
files of the same format (see ``docs/claims.md``), merged on top with
:func:`load_registry`.  Matching is on tokens, case-sensitive, so "the Post"
(an outlet) and "the post" (a job) stay apart.  An alias written with a
leading "the" ("the Journal") only matches when the text has "the" before it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from reader.attribution.segment import Token, tokens

#: Longest alias, in tokens.
MAX_ALIAS_TOKENS = 6
_POSSESSIVE_RE = re.compile(r"['’]s?$")


def bundled_registry_path() -> Path:
    """``outlets.json`` in the bundled resources (checkout, installed wheel or
    PyInstaller bundle: :func:`reader.paths.resources_dir` knows where)."""
    from reader.paths import resources_dir

    return resources_dir() / "outlets.json"


@dataclass(frozen=True, slots=True)
class OutletMention:
    """An outlet named in the text: canonical candidates and the matched span."""

    names: tuple[str, ...]  # candidates, best first (several for "the Post")
    start: int
    end: int
    first_token: int  # index of the first token of the mention (incl. "the")
    last_token: int  # index one past the last token
    possessive: bool


@dataclass
class OutletRegistry:
    """Canonical outlet names, alias lookup by token sequence, and domains."""

    names: list[str] = field(default_factory=list)
    kinds: dict[str, str] = field(default_factory=dict)
    # alias tokens -> (candidate names in priority order, needs "the" before it)
    _aliases: dict[tuple[str, ...], tuple[list[str], bool]] = field(default_factory=dict)
    _domains: dict[str, str] = field(default_factory=dict)
    _lower: dict[str, str] = field(default_factory=dict)
    _first: set[str] = field(default_factory=set)  # first tokens of all aliases

    def add(self, entry: dict[str, Any], *, priority: bool = False) -> None:
        """Add one registry entry; ``priority`` puts it first for shared aliases."""
        name = str(entry["name"]).strip()
        if not name:
            return
        existing = self._lower.get(name.lower())
        if existing is None:
            self.names.append(name)
            self._lower[name.lower()] = name
        else:
            name = existing
        if entry.get("kind"):
            self.kinds[name] = str(entry["kind"])
        for alias in [name, *entry.get("aliases", [])]:
            self._add_alias(str(alias), name, priority)
            self._lower.setdefault(str(alias).lower().removeprefix("the "), name)
        for dom in entry.get("domains", []):
            self._domains[_normalise_domain(str(dom))] = name

    def _add_alias(self, alias: str, name: str, priority: bool) -> None:
        alias = alias.strip()
        needs_the = False
        if alias[:4].lower() == "the " and len(alias) > 4:
            alias = alias[4:]
            needs_the = True
        key = tuple(t.text for t in tokens(alias, 0, len(alias)))
        if not key or len(key) > MAX_ALIAS_TOKENS:
            return
        self._first.add(key[0])
        cands, old_needs = self._aliases.get(key, ([], True))
        cands = list(cands)  # copy: an extended registry shares the base's lists
        if name in cands:
            cands.remove(name)
        if priority:
            cands.insert(0, name)
        else:
            cands.append(name)
        self._aliases[key] = (cands, old_needs and needs_the)

    def extended(self, entries: Sequence[dict[str, Any]]) -> OutletRegistry:
        """A copy with ``entries`` added after the existing outlets; ``self`` is unchanged.

        Used per article for outlets found in the text: a shallow copy of the
        lookup tables is cheap, and shared aliases ("the Journal") keep the
        registry's outlet first, so only an antecedent in the text picks the
        new one.
        """
        if not entries:
            return self
        reg = OutletRegistry(
            list(self.names),
            dict(self.kinds),
            dict(self._aliases),
            dict(self._domains),
            dict(self._lower),
            set(self._first),
        )
        for e in entries:
            reg.add(e)
        return reg

    def canonical(self, name: str) -> str | None:
        """Canonical name for any alias or name, ignoring case and a leading "the"."""
        key = name.strip().lower().removeprefix("the ").strip()
        hit = self._lower.get(key)
        if hit is not None:
            return hit
        toks = tuple(t.text for t in tokens(name, 0, len(name)))
        if toks and toks[0].lower() == "the":
            toks = toks[1:]
        found = self._aliases.get(toks)
        return found[0][0] if found else None

    def for_domain(self, domain_or_url: str) -> str | None:
        """Outlet for a host name or URL, trying parent domains ("m.cnn.com")."""
        host = _normalise_domain(domain_or_url)
        while host:
            hit = self._domains.get(host)
            if hit is not None:
                return hit
            if "." not in host:
                return None
            host = host.split(".", 1)[1]
            if "." not in host:  # do not match a bare TLD
                return self._domains.get(host)
        return None

    def match(self, toks: Sequence[Token], i: int) -> OutletMention | None:
        """The longest outlet alias starting at token ``i`` (or at "the" before it)."""
        if i >= len(toks):
            return None
        first = toks[i].text
        if first not in self._first and (
            first[-1:] not in {"s", "'", "’"} or _POSSESSIVE_RE.sub("", first) not in self._first
        ):
            return None
        has_the = i > 0 and toks[i - 1].low == "the"
        for n in range(min(MAX_ALIAS_TOKENS, len(toks) - i), 0, -1):
            key = [t.text for t in toks[i : i + n]]
            last = key[-1]
            possessive = False
            hit = self._aliases.get(tuple(key))
            if hit is None and _POSSESSIVE_RE.search(last):
                key[-1] = _POSSESSIVE_RE.sub("", last)
                hit = self._aliases.get(tuple(key))
                possessive = hit is not None
            if hit is None:
                continue
            cands, needs_the = hit
            if needs_the and not has_the:
                continue
            # A longer capitalised run that merely starts with an alias is a
            # different name ("Insider Trading Act"): require a run boundary.
            if (
                i + n < len(toks)
                and not possessive
                and toks[i + n].is_cap
                and toks[i + n].start - toks[i + n - 1].end <= 1
                and n == 1
            ):
                continue
            lead = i - 1 if has_the else i
            return OutletMention(
                tuple(cands), toks[lead].start, toks[i + n - 1].end, lead, i + n, possessive
            )
        return None


def _normalise_domain(value: str) -> str:
    host = value.strip().lower()
    host = re.sub(r"^[a-z][a-z0-9+.-]{0,20}://", "", host)
    host = host.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    host = host.rsplit("@", 1)[-1].split(":", 1)[0].strip(".")
    return host.removeprefix("www.")


def _read_entries(path: Path) -> list[dict[str, Any]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    entries = data.get("outlets", []) if isinstance(data, dict) else data
    if not isinstance(entries, list):
        raise ValueError(f"{path}: expected a list of outlets")
    out = []
    for e in entries:
        if not isinstance(e, dict) or not isinstance(e.get("name"), str):
            raise ValueError(f"{path}: every outlet needs a string 'name'")
        out.append(e)
    return out


def load_registry(extra_paths: Iterable[Path | str] = ()) -> OutletRegistry:
    """Load the bundled registry and merge user files (same format) on top.

    A user entry whose name matches a bundled one extends it (more aliases,
    domains); a user alias shared with a bundled outlet resolves to the user's
    outlet first.
    """
    reg = OutletRegistry()
    bundled = bundled_registry_path()
    if bundled.is_file():
        for e in _read_entries(bundled):
            reg.add(e)
    for p in extra_paths:
        for e in _read_entries(Path(p)):
            reg.add(e, priority=True)
    return reg


@lru_cache(maxsize=1)
def default_registry() -> OutletRegistry:
    """The bundled registry, loaded once."""
    return load_registry()


def canonical_outlet(name: str, registry: OutletRegistry | None = None) -> str | None:
    """Canonical outlet name for an alias ("WSJ", "the Journal"), or None."""
    return (registry or default_registry()).canonical(name)


def outlet_for_domain(domain_or_url: str, registry: OutletRegistry | None = None) -> str | None:
    """Outlet for a host or URL ("www.wsj.com" -> "The Wall Street Journal"), or None."""
    return (registry or default_registry()).for_domain(domain_or_url)
