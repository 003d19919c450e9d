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
_POSSESSIVE_ENDS = frozenset({"s", "'", "’"})


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
#: Sun", "on CCTV"): after them the name must be written as a title, not in
#: lower or upper case ("in The Hill", "in Wired").
GUARD_BEFORE_TITLED = frozenset({"on", "in"})
#: Lower-case words that may follow a guarded alias after one of those words:
#: "told People that", "told Time on Monday".  Any other lower-case word means
#: the name is used attributively ("a meeting with AAP workers") and is no
#: outlet.  Adverbs in -ly pass too ("told People exclusively").
GUARD_NEXT = words(
    """
    that on in for about at by from over of with to into after before during since until
    when while as and or but via through than last this earlier recently today yesterday
    tonight again also back first previously separately directly late early ahead
    the a an it he she they we his her their its which who what how why if whether
    """
)
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
    editorials piece op-ed request requests inquiry inquiries query queries questions
    """
)
_AFTER_BY_FIRST: dict[str, tuple[tuple[str, ...], ...]] = {
    first: tuple(seq for seq in GUARD_AFTER if seq[0] == first)
    for first in {seq[0] for seq in GUARD_AFTER}
}
#: Nouns right after a guarded alias that name it as an outlet: "the Independent
#: newspaper" (the common spellings are also plain aliases: "Time magazine").
GUARD_OUTLET_NOUNS = words("newspaper newspapers magazine tabloid website publication")
_APOSTROPHES = frozenset({"'", "’"})
_WROTE = words("wrote writes")
_LIST_JOINS = frozenset({",", "and", "or", "&"})

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
    # first token of an alias -> the most tokens an alias starting with it has
    _longest: dict[str, int] = field(default_factory=dict)
    _last: set[str] = field(default_factory=set)  # last tokens of all aliases

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
        # "The New Yorker" stays open when only the bare "New Yorker" is guarded.
        guarded_spellings = {_split_alias(a) for a in guarded}
        for alias in [name, *map(str, entry.get("aliases", [])), *guarded]:
            key, with_the = _split_alias(alias)
            if not key or len(key) > MAX_ALIAS_TOKENS:
                continue
            if (key, with_the) in guarded_spellings:
                mode = _THE_GUARDED if with_the else _BARE_GUARDED
            else:
                mode = _THE if with_the else _BARE | _THE
            self._add_alias(key, name, mode, priority)
            self._lower.setdefault(alias.strip().lower().removeprefix("the "), name)
        for dom in entry.get("domains", []):
            self._domains[normalise_domain(str(dom))] = name

    def _add_alias(self, key: tuple[str, ...], name: str, mode: int, priority: bool) -> None:
        """Let ``key`` name ``name`` in ``mode``; an open spelling wins over a guarded one."""
        if len(key) > self._longest.get(key[0], 0):
            self._longest[key[0]] = len(key)
        self._last.add(key[-1])
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
            dict(self._longest),
            set(self._last),
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
        host = normalise_domain(domain_or_url)
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

        Called for every capitalised token, so it stays cheap: one dict lookup
        rejects most tokens, and the outlet context of a guarded alias is only
        looked at when one is found.
        """
        return self._match(toks, i, guarded=True)

    def _match(self, toks: Sequence[Token], i: int, *, guarded: bool) -> OutletMention | None:
        """:meth:`match`; without ``guarded``, guarded aliases never match."""
        if i >= len(toks):
            return None
        first = toks[i].text
        longest = self._longest.get(first)
        if longest is None:
            # only a one-token alias in the possessive ("Time's") can start here
            if first[-1:] not in _POSSESSIVE_ENDS:
                return None
            if _POSSESSIVE_RE.sub("", first) not in self._longest:
                return None
            longest = 1
        has_the = i > 0 and toks[i - 1].low == "the"
        lead = i - 1 if has_the else i
        open_bit, guard_bit = (_THE, _THE_GUARDED) if has_the else (_BARE, _BARE_GUARDED)
        for n in range(min(longest, len(toks) - i), 0, -1):
            key = [t.text for t in toks[i : i + n]]
            last = key[-1]
            possessive = False
            hit = self._aliases.get(tuple(key))
            if hit is None and last[-1:] in _POSSESSIVE_ENDS and _POSSESSIVE_RE.search(last):
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
                        if not guarded or not m & guard_bit:
                            continue
                        if context is None:
                            context = outlet_context(toks, lead, i + n, possessive) or self._listed(
                                toks, lead, i + n
                            )
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

    def _listed(self, toks: Sequence[Token], start: int, end: int) -> bool:
        """Whether ``toks[start:end]`` is listed next to an outlet: "CNN, Time and Slate".

        The neighbour must match without guards, so this looks at most a few
        tokens each way and never recurses.
        """
        n = len(toks)
        k = end
        if k < n and toks[k].text in _LIST_JOINS:
            k += 1
            if k < n and toks[k].low in _LIST_JOINS and toks[k - 1].text == ",":
                k += 1  # "Time, and CNN"
            if k < n and toks[k].low == "the":
                k += 1
            if k < n and self._match(toks, k, guarded=False) is not None:
                return True
        k = start - 1
        if k < 1 or toks[k].low not in _LIST_JOINS:
            return False
        if toks[k].low != "," and toks[k - 1].text == ",":
            k -= 1  # "CNN, and Time"
        if k < 1 or toks[k - 1].text not in self._last:
            return False  # no alias ends right before the join
        for a in range(k - 1, max(-1, k - 1 - MAX_ALIAS_TOKENS), -1):
            m = self._match(toks, a, guarded=False)
            if m is not None and m.last_token == k:
                return True
        return False


def outlet_context(toks: Sequence[Token], start: int, end: int, possessive: bool) -> bool:
    """Whether the name at ``toks[start:end]`` stands where an outlet does.

    Before it, a word of :data:`GUARD_BEFORE` or "such as", when the name ends
    there (see :func:`_ends_name`): "told People that", not "with AAP workers";
    after "on"/"in" only a title: "in The Hill", not "on the Hill".  Around it,
    square brackets (a credit: "[Wired]").  After it, a sequence of
    :data:`GUARD_AFTER` ("Time reported"), a noun of :data:`GUARD_OUTLET_NOUNS`
    ("the Independent newspaper"), or, for a possessive, a noun of
    :data:`GUARD_POSSESSED` within three words ("Time's chief correspondent")
    or a named reporter who reports ("Insider's Tom Reyes reported").
    """
    n = len(toks)
    if start > 0:
        before = toks[start - 1].low
        such_as = before == "as" and start > 1 and toks[start - 2].low == "such"
        # A mid-sentence "The" marks a title on its own: "an op-ed in The Hill argued".
        if (before in GUARD_BEFORE or such_as) and (
            toks[start].text == "The" or _ends_name(toks, end)
        ):
            if before not in GUARD_BEFORE_TITLED:
                return True  # "told People that", "outlets such as Time,"
            first = toks[start].text
            if first[:1].isupper() and not first.isupper():
                return True  # "in The Hill", "in Wired", not "on the Hill", "on CCTV"
        if before == "[" and end < n and toks[end].text == "]":
            return True  # a credit: "[Wired]"
    if end < n and toks[end].text in _APOSTROPHES:  # "Forbes' list"
        possessive = True
        end += 1
    if not possessive:
        return _reporting_at(toks, end) or (end < n and toks[end].low in GUARD_OUTLET_NOUNS)
    for k in range(end, min(end + 3, n)):
        tk = toks[k]
        if tk.low in GUARD_POSSESSED:
            return True
        if tk.is_cap or not tk.is_word:
            break
    # "as Insider's Tom Reyes reported": the outlet's reporter, named.
    k = end
    while k < n and k < end + 3 and toks[k].is_cap and toks[k].is_word:
        k += 1
    return k - end >= 2 and (_reporting_at(toks, k) or (k < n and toks[k].low in _WROTE))


def _ends_name(toks: Sequence[Token], k: int) -> bool:
    """Whether the name ending before token ``k`` stands alone: punctuation or a word
    of :data:`GUARD_NEXT` follows, not a noun ("AAP workers") or a capitalised word
    (a title-case heading: "Just in Time For Christmas")."""
    if k >= len(toks):
        return True
    tk = toks[k]
    if not tk.is_word:
        return True
    return not tk.is_cap and (tk.low in GUARD_NEXT or tk.low.endswith("ly"))


def _reporting_at(toks: Sequence[Token], k: int) -> bool:
    """Whether a sequence of :data:`GUARD_AFTER` starts at token ``k``."""
    n = len(toks)
    if k >= n:
        return False
    for seq in _AFTER_BY_FIRST.get(toks[k].low, ()):
        if all(k + j < n and toks[k + j].low == w for j, w in enumerate(seq)):
            return True
    return False


def _split_alias(alias: str) -> tuple[tuple[str, ...], bool]:
    """An alias as a token key without its leading "the", and whether it had one."""
    alias = alias.strip()
    with_the = alias[:4].lower() == "the " and len(alias) > 4
    if with_the:
        alias = alias[4:]
    return tuple(t.text for t in tokens(alias, 0, len(alias))), with_the


def normalise_domain(value: str) -> str:
    """A bare host name from a domain or URL: no scheme, path, port, user or "www."."""
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
