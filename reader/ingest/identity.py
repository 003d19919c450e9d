"""Who published a page: its identity hints, resolved through the outlet registry.

A raw site-name tag is a poor publisher ("NYTimes", "RT International", "U.S.", a
section's name, a syndication host such as MSN). The page says who it is in several
places, some more trustworthy than others; :func:`page_identity` collects them and
:func:`resolve_publisher` decides, in this order:

1. a registered outlet's domain among the page's addresses (canonical link, ``og:url``,
   the article's JSON-LD ``url``, the address it was fetched from, then the JSON-LD
   publisher's own ``url``);
2. a JSON-LD ``publisher``/``sourceOrganization``/``provider`` the registry knows;
3. a site name (``og:site_name``, ``application-name``, a Markdown file's ``publisher``)
   normalised through the registry: its canonical name or alias, the same without
   decorations ("RT International", "X News Service", "X.com", "X | Home"), or a
   squashed spelling of a registered name, alias or domain stem ("TheHill"); on a site
   whose domain the registry does not know, a one-word alias many papers share ("The
   Post") is that site's own name;
4. a name the page gives itself that the registry does not know but that spells the
   page's domain, in its fullest spelling ("Deccan Herald" on deccanherald.com before a
   "DH News Service" tag; "The Detroit News" in the title before a "detroitnews" tag);
5. the weak hints (the title's "| Outlet" suffix, the ``twitter:site`` handle) when the
   registry knows them ("@nytimes");
6. the JSON-LD publisher the registry does not know, as written, then the site name;
7. a title suffix whose first word starts the domain ("Sputnik International");
8. the page's domain ("lanterngazette.example");
9. with no address at all: a wire service the tags name, a title suffix cased like a
   name, an "originally published by X" line (scraped text's only hint).

An outlet of kind ``aggregator`` (MSN, Yahoo News, Apple News, ...) is never the
publisher: the original outlet is, found in an address off the host, a JSON-LD
publisher/provider the host does not go by, the byline's outlet ("Jane Doe, NBC
News"), a wire credit ("(Reuters) -": the wire is then the publisher), or an
"originally published by X" line; the host stays only when nothing else is known. A
wire service that the tags of another site name is that site's wire, not its publisher.
Everything here is Qt-free, linear in the page and never raises on odd markup.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from reader.attribution.outlets import normalise_domain

if TYPE_CHECKING:
    from reader.attribution import OutletRegistry

#: The registry ``kind`` of syndication hosts: they carry other outlets' stories.
AGGREGATOR = "aggregator"
#: The registry ``kind`` of wire services (news agencies).
WIRE = "wire"

_META_KEYS = frozenset(("og:url", "og:site_name", "application-name", "twitter:site"))
#: A "name" longer than this is a sentence or junk, not an outlet's name.
_MAX_NAME = 200
#: JSON-LD scripts longer than this are skipped (a page's own metadata is a few KB).
_MAX_JSON_LD = 1_000_000
#: At most this many JSON-LD objects are looked at per page.
_MAX_NODES = 2_000
_ARTICLE_TYPE = re.compile(r"(?:Article|BlogPosting|Report|NewsArticle)$")
_ORG_TYPE = re.compile(r"Organization$|^Corporation$")
# separators between a page title and the site's name, and inside decorated site names
_SEPARATORS = re.compile(r"\s+[|\-–—:·•»]+\s+|\s*::\s*|\s*\|\s*")
#: Decorations around a site's name that do not change which outlet it is.
_DECORATION = re.compile(
    r"(?:\s+(?:news\s+service|online|international|digital|home(?:\s*page)?|homepage"
    r"|web\s+desk|newsroom|edition|live)|\.(?:com|net|org|info|news|co|in|co\.uk|com\.au"
    r"|co\.in|co\.za|ie|ca|uk|us))$",
    re.IGNORECASE,
)
_THE = re.compile(r"^the\s+", re.IGNORECASE)
_HOST_LIKE = re.compile(r"^[\w-]+(?:\.[\w-]+)+$")
# a title's last part that can be a site's name: short, starting with a capital or digit
_TITLE_NAME = re.compile(r"^[\w@][^\s]*(?:\s+\S+){0,5}$")
_NOT_A_NAME = re.compile(r"^(?:home|homepage|news|latest|breaking news|u\.?s\.?|world)$", re.I)
# second-level labels under a country code: example.co.uk, example.com.au
_SECOND_LEVEL = frozenset(("co", "com", "org", "net", "ac", "gov", "edu", "ne", "or", "go"))
# "This article originally appeared on X." (the whole line, a date after the name at most)
_ORIGIN_LINE = re.compile(
    r"^(?:this\s+)?(?:article|story|post|piece|report)?\s*(?:was\s+)?"
    r"(?:originally|first)\s+(?:published|appeared|posted|ran)\s+(?:on|in|at|by|with)\s+"
    r"(?:the\s+website\s+of\s+)?"
    r"(?P<name>(?-i:[A-Z][\w&.'’-]*(?:\s+(?:[A-Z&][\w&.'’-]*|of|and|the))*?))"
    r"(?:,?\s+on\s+[\w ,.]{3,30})?[.!]?$",
    re.IGNORECASE,
)


@dataclass
class PageIdentity:
    """What a page says about who published it, each list best first."""

    #: canonical link, og:url, the article's JSON-LD url, the address it came from
    urls: list[str] = field(default_factory=list)
    #: JSON-LD publisher / sourceOrganization / provider names of the article
    publishers: list[str] = field(default_factory=list)
    #: their ``url`` / ``@id`` addresses
    publisher_urls: list[str] = field(default_factory=list)
    #: og:site_name, application-name, a Markdown file's ``publisher``
    site_names: list[str] = field(default_factory=list)
    #: the title's "| Outlet" suffix, the twitter:site handle: through the registry or
    #: the domain only (a title's last part is often a section or a subtitle)
    weak_names: list[str] = field(default_factory=list)
    #: the title's "| Outlet" suffix alone: a page with no address has nothing better
    title_name: str | None = None
    #: the original outlet behind a republication: "originally published by X", isBasedOn
    origins: list[str] = field(default_factory=list)
    #: JSON-LD authors that are organisations (a wire service credited as author)
    org_authors: list[str] = field(default_factory=list)


# --- collecting hints from a parsed page -----------------------------------------------


def page_identity(tree: Any, url: str | None = None) -> PageIdentity:
    """The identity hints of a parsed page (an lxml HTML tree) fetched from ``url``."""
    ident = PageIdentity()
    for href in _attrs(tree, "//link[@rel='canonical']/@href"):
        ident.urls.append(href)
    metas = _metas(tree)
    ident.urls.extend(metas.get("og:url", ()))
    _read_json_ld(tree, ident)
    if url:
        ident.urls.append(url)
    ident.urls = _absolute(ident.urls, url)
    ident.site_names.extend(metas.get("og:site_name", ()))
    ident.site_names.extend(metas.get("application-name", ()))
    titles = _attrs(tree, "//head/title/text()") or _attrs(tree, "//title/text()")
    if titles:
        parts = _SEPARATORS.split(" ".join(titles[0][-2 * _MAX_NAME :].split()))
        if len(parts) > 1 and _TITLE_NAME.match(parts[-1].strip()):
            ident.title_name = _clean_name(parts[-1])
            ident.weak_names.append(parts[-1])
    ident.weak_names.extend(h for h in metas.get("twitter:site", ()) if "/" not in h)
    ident.urls = _unique(ident.urls)
    for name in ("publishers", "site_names", "weak_names", "origins", "org_authors"):
        names = (_clean_name(n) for n in getattr(ident, name) if len(n) <= _MAX_NAME)
        setattr(ident, name, _unique(n for n in names if "://" not in n))
    return ident


def origins_in(lines: Iterable[str]) -> list[str]:
    """Outlets named by "originally published by X" / "first appeared on X" lines."""
    out = []
    for line in lines:
        if len(line) > 300:
            continue
        m = _ORIGIN_LINE.match(line.strip(" *_>"))
        if m:
            name = m.group("name").rstrip(".")
            if name[:1].isupper() and name.lower() not in ("here", "this", "the"):
                out.append(name)
    return out


def _attrs(tree: Any, xpath: str) -> list[str]:
    try:
        found = tree.xpath(xpath)
    except Exception:  # an lxml tree we cannot query has no hints
        return []
    return [s.strip() for s in found if isinstance(s, str) and s.strip()]


def _metas(tree: Any) -> dict[str, list[str]]:
    """Values of ``<meta property|name=KEY content|value=...>`` by lower-cased KEY (one pass)."""
    out: dict[str, list[str]] = {}
    try:
        metas = list(tree.iter("meta"))
    except Exception:  # an lxml tree we cannot walk has no hints
        return out
    for m in metas:
        key = (m.get("property") or m.get("name") or "").strip().lower()
        if key in _META_KEYS:
            value = (m.get("content") or m.get("value") or "").strip()
            if value:
                out.setdefault(key, []).append(value)
    return out


def _absolute(urls: list[str], base: str | None) -> list[str]:
    from urllib.parse import urljoin

    out = []
    for u in urls:
        u = u.strip()
        if base and not re.match(r"^https?://", u, re.I):
            try:
                u = urljoin(base, u)
            except ValueError:
                continue
        if re.match(r"^https?://[^/\s]+\.[^/\s]+", u, re.I):
            out.append(u)
    return out


def _read_json_ld(tree: Any, ident: PageIdentity) -> None:
    """Publisher hints of the page's article objects in its JSON-LD scripts."""
    nodes: list[dict[str, Any]] = []
    for script in _attrs(tree, "//script[@type='application/ld+json']/text()"):
        if len(script) > _MAX_JSON_LD:
            continue
        try:
            data = json.loads(script, strict=False)
        except ValueError:
            continue
        nodes.extend(_nodes(data))
        if len(nodes) > _MAX_NODES:
            break
    by_id = {n["@id"]: n for n in nodes if isinstance(n.get("@id"), str)}
    articles = [n for n in nodes if any(_ARTICLE_TYPE.search(t) for t in _types(n))]
    for art in articles:
        for key in ("publisher", "sourceOrganization", "provider"):
            for org in _refs(art.get(key), by_id):
                _add_org(org, ident.publishers, ident.publisher_urls)
        for based in _refs(art.get("isBasedOn"), by_id):
            names: list[str] = []
            urls: list[str] = []
            for org in _refs(based.get("publisher"), by_id):
                _add_org(org, names, urls)
            ident.origins.extend(names)
            if isinstance(based.get("url"), str):
                ident.origins.append(based["url"])
        for author in _refs(art.get("author"), by_id):
            if any(_ORG_TYPE.search(t) for t in _types(author)):
                name = author.get("name")
                if isinstance(name, str):
                    ident.org_authors.append(name)
        for key in ("url", "mainEntityOfPage"):
            for ref in _refs(art.get(key), by_id):
                if isinstance(ref.get("@id"), str):
                    ident.urls.append(ref["@id"])
    if not ident.publishers and not ident.publisher_urls:
        # no article object with a publisher: the page's own organisation, if it names one
        for n in nodes:
            types = _types(n)
            if any(_ORG_TYPE.search(t) for t in types) or "WebSite" in types:
                _add_org(n, ident.site_names, ident.publisher_urls)
                break


def _nodes(data: Any) -> Iterator[dict[str, Any]]:
    """Every JSON-LD object of a script, ``@graph`` and lists flattened (not nested ones)."""
    stack = [data]
    count = 0
    while stack and count < _MAX_NODES:
        item = stack.pop()
        count += 1
        if isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, dict):
            if "@graph" in item:
                stack.append(item["@graph"])
            if "@type" in item:
                yield item


def _types(node: dict[str, Any]) -> list[str]:
    t = node.get("@type")
    if isinstance(t, str):
        return [t]
    if isinstance(t, list):
        return [x for x in t if isinstance(x, str)]
    return []


def _refs(value: Any, by_id: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """A JSON-LD property as objects: ``{"@id": ...}`` references resolved, URLs wrapped."""
    items = value if isinstance(value, list) else [value]
    out = []
    for item in items[:10]:
        if isinstance(item, str):
            out.append({"@id": item})
        elif isinstance(item, dict):
            ref = item.get("@id")
            if isinstance(ref, str) and ref in by_id and len(item) <= 2:
                out.append({**item, **by_id[ref]})
            else:
                out.append(item)
    return out


def _add_org(org: dict[str, Any], names: list[str], urls: list[str]) -> None:
    name = org.get("name")
    if isinstance(name, str) and name.strip():
        names.append(name)
    for key in ("url", "@id", "sameAs"):
        value = org.get(key)
        if isinstance(value, str) and re.match(r"^https?://", value, re.I):
            urls.append(value)
            break


def _clean_name(name: str) -> str:
    return " ".join(name.split()).strip(" @|-–—:·•")


def _unique(items: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for item in items:
        if item and item.lower() not in seen:
            seen.add(item.lower())
            out.append(item)
    return out


# --- the registry, looked at by squashed spelling ----------------------------------------


def squash(name: str) -> str:
    """A name's letters and digits, lower case: "The Hill" -> "thehill"."""
    return "".join(c for c in name.casefold() if c.isalnum())


def domain_stem(url_or_host: str) -> str:
    """The registrable label of a host: "www.detroitnews.com" -> "detroitnews",
    "news.example.co.uk" -> "example"."""
    host = re.sub(r"^[a-z][a-z0-9+.-]*://", "", url_or_host.strip().lower())
    host = host.split("/", 1)[0].split(":", 1)[0].strip(".")
    labels = [x for x in host.split(".") if x]
    if len(labels) < 2:
        return labels[0] if labels else ""
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL:
        return labels[-3]
    return labels[-2]


_INDEX_CACHE: list[tuple[OutletRegistry, dict[str, str]]] = []


def _squashed_index(registry: OutletRegistry) -> dict[str, str]:
    """Squashed names, aliases and domain stems of the registry -> canonical name.

    A key two outlets share ("abc": ABC News and ABC Australia) is left out: a squashed
    spelling only counts when it points at one outlet. Built once per registry.
    """
    for reg, index in _INDEX_CACHE:
        if reg is registry:
            return index
    found: dict[str, set[str]] = {}

    def put(key: str, name: str) -> None:
        if len(key) >= 2:
            found.setdefault(key, set()).add(name)

    # the registry keeps its aliases and domains in lookup tables; read them defensively
    aliases: dict[str, str] = getattr(registry, "_lower", {}) or {}
    domains: dict[str, str] = getattr(registry, "_domains", {}) or {}
    for name in registry.names:
        put(squash(name), name)
        put(squash(_THE.sub("", name)), name)
    for alias, name in aliases.items():
        put(squash(alias), name)
    for domain, name in domains.items():
        put(domain_stem(domain), name)
    index = {k: next(iter(v)) for k, v in found.items() if len(v) == 1}
    _INDEX_CACHE.insert(0, (registry, index))
    del _INDEX_CACHE[4:]
    return index


def _variants(name: str) -> Iterator[str]:
    """Spellings of a site name to try: as written, its parts, without decorations."""
    name = _clean_name(name)
    if not name:
        return
    yield name
    parts = [p for p in _SEPARATORS.split(name) if p.strip()]
    if len(parts) > 1:
        yield from (p.strip() for p in parts)
    for part in parts:
        bare = part.strip()
        for _ in range(3):
            stripped = _DECORATION.sub("", bare).strip()
            if stripped == bare or not stripped:
                break
            bare = stripped
            yield bare


def registered(name: str, registry: OutletRegistry) -> str | None:
    """The registry's outlet for a site name in any usual spelling, or None.

    Its canonical name or alias first ("NYTimes"), then the same without decorations
    ("RT International" -> RT), then a squashed match with a registered name, alias or
    domain stem ("TheHill", "nytimes").
    """
    variants = list(_variants(name))
    for v in variants:
        if _NOT_A_NAME.match(v):
            continue
        hit = registry.canonical(v)
        if hit is None and _HOST_LIKE.match(v):
            hit = registry.for_domain(v)  # "Express.co.uk", "harbourherald.example"
        if hit is not None:
            return hit
    index = _squashed_index(registry)
    for v in variants:
        if _NOT_A_NAME.match(v):
            continue
        hit = index.get(squash(v))
        if hit is not None:
            return hit
    return None


def matches_domain(name: str, stem: str) -> bool:
    """Whether a site name spells the page's domain ("Deccan Herald" on deccanherald.com)."""
    if not stem:
        return False
    return any(stem in (squash(v), squash(_THE.sub("", v))) for v in _variants(name))


def _name_cased(name: str) -> bool:
    """A proper name's casing: up to five words, each longer one capitalised ("The
    Lantern Gazette", "BBC"), so a subtitle ("evolve extension for X") is not taken."""
    words = name.split()
    if not words or len(words) > 5 or _NOT_A_NAME.match(name):
        return False
    return all(w[:1].isupper() or w[:1].isdigit() for w in words if len(w) > 3 or w is words[0])


def _fullness(name: str, strong: bool) -> tuple[int, bool, bool, int]:
    """How fully a name spells an outlet: more words, capitals, the page's own tag."""
    return (len(name.split()), name != name.lower(), strong, len(name))


def _starts_domain(name: str, stem: str) -> bool:
    """Whether a name spells its domain, or its first word (of four letters or more)
    starts it: "Sputnik International" on sputniknews.com."""
    if matches_domain(name, stem):
        return True
    words = _THE.sub("", _clean_name(name)).split()
    first = squash(words[0]) if words else ""
    return len(first) >= 4 and bool(stem) and stem.startswith(first)


# --- deciding ----------------------------------------------------------------------------


def resolve_publisher(
    ident: PageIdentity,
    registry: OutletRegistry,
    *,
    byline_outlets: Iterable[str] = (),
    wire: str | None = None,
) -> str | None:
    """The publisher of a page with identity ``ident`` (see the module's docstring).

    ``byline_outlets`` are registered outlets named in the byline ("Jane Doe, NBC News")
    and ``wire`` the wire service credited in the article: both only matter when the page
    sits on a syndication host.
    """
    r = _Resolution(ident, registry)
    for step in (r.registered_domain, r.known_publisher, r.known_site_name):
        if hit := step():
            return hit
    if r.host is None and (hit := r.spelled_domain(r.stem)):
        return hit
    if hit := r.known_weak_name():
        return hit
    if r.host is None:
        return (
            r.unknown_name()
            or r.title_spelling_domain()
            or r.domain()
            or (r.deferred[0] if r.deferred else None)
            or r.title_name()
            or r.origin()
        )
    return r.original(byline_outlets, wire) or r.host


class _Resolution:
    """One page's identity looked up in the registry, step by step (best first)."""

    def __init__(self, ident: PageIdentity, registry: OutletRegistry) -> None:
        self.ident = ident
        self.registry = registry
        self.kinds = registry.kinds
        self.stem = domain_stem(ident.urls[0]) if ident.urls else ""
        #: the syndication host the page sits on, once a step has met it
        self.host: str | None = None
        #: wire services an unregistered site's tags name (the wire, not the publisher)
        self.deferred: list[str] = []
        # on a site of its own whose domain the registry does not know, a short shared
        # alias is another paper's ("The Post" of a local paper is not The Washington Post)
        own_site = bool(ident.urls) and not any(registry.for_domain(u) for u in ident.urls)
        self._known = {
            n: hit if hit is None or not own_site or self._names_outlet(n, hit) else None
            for n in (*ident.publishers, *ident.site_names)
            for hit in [registered(n, registry)]
        }
        #: names the page gives itself that the registry does not know
        self.unknown = [n for n, hit in self._known.items() if hit is None]
        self.unknown = [n for n in self.unknown if not _NOT_A_NAME.match(n)]

    def _names_outlet(self, name: str, outlet: str) -> bool:
        """Whether ``name`` surely means the registered ``outlet``: its own name, a name
        of two words or more ("Harbour Herald International"), or one that spells the
        page's domain; not a one-word alias many papers share ("The Post", "Times")."""
        if self.kinds.get(outlet) in (WIRE, AGGREGATOR):
            return True  # they carry others' pages: the steps below look past them
        bare = _THE.sub("", _clean_name(name))
        if squash(bare) == squash(_THE.sub("", outlet)) or matches_domain(name, self.stem):
            return True
        return len(bare.split()) >= 2

    def take(self, outlet: str | None, *, named: bool = False) -> str | None:
        """``outlet`` if it can be the publisher; an aggregator is noted as the host, and
        a wire named by the tags of a site that is not the wire's is deferred."""
        if outlet is None:
            return None
        kind = self.kinds.get(outlet)
        if kind == AGGREGATOR:
            self.host = self.host or outlet
            return None
        if named and kind == WIRE and self.stem and not matches_domain(outlet, self.stem):
            self.deferred.append(outlet)
            return None
        return outlet

    def registered_domain(self) -> str | None:
        for url in (*self.ident.urls, *self.ident.publisher_urls):
            if hit := self.take(self.registry.for_domain(url)):
                return hit
        return None

    def known_publisher(self) -> str | None:
        for name in self.ident.publishers:
            if hit := self.take(self._known.get(name), named=True):
                return hit
        return None

    def known_site_name(self) -> str | None:
        for name in self.ident.site_names:
            if hit := self.take(self._known.get(name), named=True):
                return hit
        return None

    def known_weak_name(self) -> str | None:
        for name in self.ident.weak_names:
            if hit := self.take(registered(name, self.registry), named=True):
                return hit
        return None

    def spelled_domain(self, stem: str) -> str | None:
        """A name the page gives itself that spells the domain ``stem``, in its fullest
        spelling: "The Detroit News" (JSON-LD, title) over a "detroitnews" tag."""
        if not any(matches_domain(n, stem) for n in self.unknown):
            return None
        spelled = [n for n in (*self.unknown, *self.ident.weak_names) if matches_domain(n, stem)]
        return max(spelled, key=lambda n: _fullness(n, n in self.unknown))

    def unknown_name(self) -> str | None:
        return self.unknown[0] if self.unknown else None

    def title_spelling_domain(self) -> str | None:
        """A title's "| Sputnik International" whose first word starts the domain."""
        loose = [n for n in self.ident.weak_names if _starts_domain(n, self.stem)]
        return max(loose, key=lambda n: _fullness(n, False)) if loose else None

    def domain(self) -> str | None:
        return normalise_domain(self.ident.urls[0]) if self.ident.urls else None

    def title_name(self) -> str | None:
        name = self.ident.title_name
        return name if name and _name_cased(name) else None

    def origin(self) -> str | None:
        """The outlet an "originally published by X" line names (scraped text's only hint)."""
        for name in self.ident.origins:
            if not name.lower().startswith("http"):
                return registered(name, self.registry) or name
        return None

    def original(self, byline_outlets: Iterable[str], wire: str | None) -> str | None:
        """The original outlet of a page on a syndication host, wherever the page names
        it: an address off the host, a name the host does not go by, the byline's
        outlet, a wire credit, an "originally published by" line."""
        elsewhere = [u for u in self.ident.urls if self.registry.for_domain(u) is None]
        if elsewhere and (hit := self.spelled_domain(domain_stem(elsewhere[0]))):
            return hit
        host_stems = {domain_stem(u) for u in self.ident.urls if u not in elsewhere}
        names = [n for n in self.unknown if not any(matches_domain(n, h) for h in host_stems)]
        if names:
            return names[0]
        for outlet in byline_outlets:
            if hit := self.take(outlet):
                return hit
        if self.deferred:
            return self.deferred[0]
        if wire and self.kinds.get(wire) != AGGREGATOR:
            return wire
        for name in self.ident.origins:
            if name.lower().startswith("http"):
                hit = self.take(self.registry.for_domain(name))
            else:
                hit = self.take(registered(name, self.registry)) or (
                    name if registered(name, self.registry) is None else None
                )
            if hit:
                return hit
        return normalise_domain(elsewhere[0]) if elsewhere else None


def publisher_and_wire(
    ident: PageIdentity,
    registry: OutletRegistry | None,
    bylines: Iterable[str | None] = (),
    blocks: Sequence[str] = (),
) -> tuple[str | None, str | None]:
    """The article's publisher and the wire service it carries (None when it credits
    none, or when the wire is the publisher itself).

    ``bylines`` are the byline and other header lines, ``blocks`` the body's paragraphs
    in order with the credit lines a cleaner drops (see :func:`reader.ingest.wire.find_wire`).
    ``registry`` defaults to the bundled outlet registry.
    """
    from reader.ingest.wire import byline_outlets, find_wire

    if registry is None:
        from reader.attribution import default_registry

        registry = default_registry()
    kinds = registry.kinds
    bylines = [b for b in bylines if b]
    wire = find_wire(registry, bylines, blocks, ident.org_authors)

    def original(name: str) -> bool:
        return kinds.get(name) not in (WIRE, AGGREGATOR)

    outlets = [o for b in bylines for o in byline_outlets(b, registry, original)]
    ident = replace(ident, origins=[*ident.origins, *origins_in(blocks)])
    publisher = resolve_publisher(ident, registry, byline_outlets=outlets, wire=wire)
    if wire is None:
        # a wire service the page's JSON-LD names as publisher of a page it is not
        # the publisher of (a paper running the agency's copy) is the wire
        for name in ident.publishers:
            hit = registered(name, registry)
            if hit is not None and kinds.get(hit) == WIRE:
                wire = hit
                break
    if (
        wire is not None
        and publisher is not None
        and wire in (publisher, registry.canonical(publisher))
    ):
        wire = None  # the agency's own page
    return publisher, wire
