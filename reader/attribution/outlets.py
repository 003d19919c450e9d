"""The outlet registry: news organisations, their aliases and web domains.

The bundled list lives in ``resources/outlets.json``; users can add their own
files of the same format (see ``docs/claims.md``), merged on top with
:func:`load_registry`.  Matching is on tokens, case-sensitive, so "the Post"
(an outlet) and "the post" (a job) stay apart.  An alias written with a
leading "the" ("the Journal") only matches when the text has "the" before it.
A *guarded* alias ("Time", "People", "the Hill") is also an ordinary word, so it
only matches where an outlet stands: "told People", "Time reported", "Wired's
report" (see :func:`outlet_context`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from reader.attribution.lexicon import words
from reader.attribution.segment import Token, tokens

#: Longest alias, in tokens.
MAX_ALIAS_TOKENS = 6
_POSSESSIVE_RE = re.compile(r"['’]s?$")


class OutletKind(StrEnum):
    """The ``kind`` vocabulary of registry entries: what sort of outlet it is."""

    NEWSPAPER = "newspaper"  # print dailies and weeklies, and their web sites
    MAGAZINE = "magazine"
    BROADCASTER = "broadcaster"  # television and radio: networks, public broadcasters, stations
    WIRE = "wire"  # news agencies whose copy other outlets carry
    DIGITAL = "digital"  # digital-native newsrooms
    FACTCHECK = "factcheck"  # fact-checking organisations
    #: A host that republishes other outlets' stories (MSN, Yahoo News): where a
    #: page's domain names one, the publisher is the outlet it carries, not the host.
    AGGREGATOR = "aggregator"
    #: Found in an article's own text (``discover``); never written in a file.
    DISCOVERED = "discovered"


#: Words right before a guarded alias that make it an outlet: "told People",
#: "according to Time", "in an interview with Wired", "reports for NPR".
GUARD_BEFORE = words("told to per with by citing from for on in via")
#: Of those, the ones that also go with ordinary words ("on the Hill", "in the
#: Sun"): after them the name must be written as a title ("in The Hill").
GUARD_BEFORE_TITLED = frozenset({"on", "in"})
#: Word sequences right after a guarded alias that make it an outlet: "Time
#: reported", "People has learned", "Insider was unable to verify".  Only forms
#: an ordinary plural noun cannot take ("People has", not "People have").
GUARD_AFTER: tuple[tuple[str, ...], ...] = tuple(
    tuple(seq.split())
    for seq in (
        "reported",
        "reports",
        "first reported",
        "previously reported",
        "earlier reported",
        "also reported",
        "has reported",
        "had reported",
        "has learned",
        "had learned",
        "has learnt",
        "has confirmed",
        "has obtained",
        "was unable",
        "is unable",
        "has been unable",
        "was not able",
        "could not independently",
        "couldn't independently",
        "cannot independently",
        "has not independently",
        "independently",
        "has reached out",
        "has contacted",
        "has asked",
        "estimates",
        "broke the news",
    )
)
#: Nouns after a guarded possessive that make it an outlet: "Wired's report",
#: "Time's chief political correspondent" (up to two words may come between).
GUARD_POSSESSED = words(
    """
    reporter reporters correspondent correspondents staff editor editors report reports
    reporting story stories article articles interview interviews investigation coverage
    columnist columnists journalist journalists writer writers review reviews analysis
    newsroom podcast newsletter website site cover list ranking poll survey editorial
    editorials piece op-ed
    """
)
_AFTER_BY_FIRST: dict[str, tuple[tuple[str, ...], ...]] = {
    first: tuple(seq for seq in GUARD_AFTER if seq[0] == first)
    for first in {seq[0] for seq in GUARD_AFTER}
}
_APOSTROPHES = frozenset({"'", "’"})

# How one spelling of an alias may match, per candidate outlet (bit flags):
_BARE = 1  # without "the" before it
_BARE_GUARDED = 2  # without "the", only in an outlet context
_THE = 4  # with "the" before it (the mention then starts at "the")
_THE_GUARDED = 8  # with "the", only in an outlet context


class _Alias(NamedTuple):
    """The outlets one alias (a token sequence) can name, and how each matches."""

    names: tuple[str, ...]  # candidates in priority order
    modes: tuple[int, ...]  # per candidate: _BARE | _THE ... flags


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
    # alias tokens (without a leading "the") -> candidates and how each matches
    _aliases: dict[tuple[str, ...], _Alias] = field(default_factory=dict)
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
        guarded = [str(a) for a in entry.get("guarded", [])]
        guarded_keys = {_split_alias(a)[0] for a in guarded}
        for alias in [name, *map(str, entry.get("aliases", [])), *guarded]:
            key, with_the = _split_alias(alias)
            if not key or len(key) > MAX_ALIAS_TOKENS:
                continue
            if key in guarded_keys:
                mode = _THE_GUARDED if with_the else _BARE_GUARDED
            else:
                mode = _THE if with_the else _BARE | _THE
            self._add_alias(key, name, mode, priority)
            self._lower.setdefault(alias.strip().lower().removeprefix("the "), name)
        for dom in entry.get("domains", []):
            self._domains[_normalise_domain(str(dom))] = name

    def _add_alias(self, key: tuple[str, ...], name: str, mode: int, priority: bool) -> None:
        """Let ``key`` name ``name`` in ``mode``; an open spelling wins over a guarded one."""
        self._first.add(key[0])
        old = self._aliases.get(key)
        pairs = list(zip(old.names, old.modes, strict=True)) if old else []
        for k, (cand, m) in enumerate(pairs):
            if cand == name:
                mode |= m
                del pairs[k]
                break
        if mode & _BARE:
            mode &= ~_BARE_GUARDED
        if mode & _THE:
            mode &= ~_THE_GUARDED
        pairs.insert(0 if priority else len(pairs), (name, mode))
        # A new tuple, never an update in place: an extended registry shares the base's.
        self._aliases[key] = _Alias(tuple(c for c, _ in pairs), tuple(m for _, m in pairs))

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
        return found.names[0] if found else None

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
        """The longest outlet alias starting at token ``i`` (or at "the" before it).

        Called for every capitalised token, so it stays cheap: a set lookup
        rejects most tokens, and the outlet context of a guarded alias is only
        looked at when one is found.
        """
        if i >= len(toks):
            return None
        first = toks[i].text
        if first not in self._first and (
            first[-1:] not in {"s", "'", "’"} or _POSSESSIVE_RE.sub("", first) not in self._first
        ):
            return None
        has_the = i > 0 and toks[i - 1].low == "the"
        lead = i - 1 if has_the else i
        open_bit, guard_bit = (_THE, _THE_GUARDED) if has_the else (_BARE, _BARE_GUARDED)
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
            names = hit.names
            if any(not m & open_bit for m in hit.modes):
                context: bool | None = None
                picked: list[str] = []
                for name, m in zip(hit.names, hit.modes, strict=True):
                    if not m & open_bit:
                        if not m & guard_bit:
                            continue
                        if context is None:
                            context = outlet_context(toks, lead, i + n, possessive)
                        if not context:
                            continue
                    picked.append(name)
                if not picked:
                    continue
                names = tuple(picked)
            return OutletMention(
                names, toks[lead].start, toks[i + n - 1].end, lead, i + n, possessive
            )
        return None


def outlet_context(toks: Sequence[Token], start: int, end: int, possessive: bool) -> bool:
    """Whether the name at ``toks[start:end]`` stands where an outlet does.

    Before it, a word of :data:`GUARD_BEFORE` ("told People"; after "on"/"in"
    only a title: "in The Hill", not "on the Hill"); after it, a sequence of
    :data:`GUARD_AFTER` ("Time reported"), or, for a possessive, a noun of
    :data:`GUARD_POSSESSED` within three words ("Time's chief correspondent").
    """
    if start > 0:
        before = toks[start - 1].low
        if before in GUARD_BEFORE and (
            before not in GUARD_BEFORE_TITLED or toks[start].text[:1].isupper()
        ):
            return True
    n = len(toks)
    if end < n and toks[end].text in _APOSTROPHES:  # "Forbes' list"
        possessive = True
        end += 1
    if possessive:
        for k in range(end, min(end + 3, n)):
            tk = toks[k]
            if tk.low in GUARD_POSSESSED:
                return True
            if tk.is_cap or not tk.is_word:
                return False
        return False
    if end >= n:
        return False
    for seq in _AFTER_BY_FIRST.get(toks[end].low, ()):
        if all(end + j < n and toks[end + j].low == w for j, w in enumerate(seq)):
            return True
    return False


def _split_alias(alias: str) -> tuple[tuple[str, ...], bool]:
    """An alias as a token key without its leading "the", and whether it had one."""
    alias = alias.strip()
    with_the = alias[:4].lower() == "the " and len(alias) > 4
    if with_the:
        alias = alias[4:]
    return tuple(t.text for t in tokens(alias, 0, len(alias))), with_the


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
