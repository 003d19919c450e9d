"""A claim's group across the library: who else reports it, who had it first, and how
many independent sources stand behind it. What ``trace ARTICLE SEQ`` prints and the
window's "Also reported by" shows.

The group is one step of links (the claim and the claims linked to it), so
"150 engines" never joins "15 engines"
through a vaguer claim linked to both. Members are ordered by publication time: the
page's date (metadata, with htmldate's markup search at extraction), else the import
time, flagged ``date_from = "imported"``.

Independence. In that order, each member's origin is: the wire it carries; else the
library article its ``origin_url`` resolves to (that member's origin); else the outlet
it cites (an earlier member of that outlet: its origin); else an earlier member it
copies (a ``copy`` link); else the page its ``origin_url`` names; else itself. The
independent sources are the distinct origins; a member is independent when its origin
is itself. Status evidence travels: an ``unconfirmed``, ``denied`` or ``disputed``
claim in any member is the group's, with its words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from reader.errors import InputError
from reader.model import outlet_key
from reader.trace.index import LinkKind, verify
from reader.trace.link import link_article
from reader.trace.origin import normalise_url
from reader.trace.signature import signature

if TYPE_CHECKING:
    from reader.store import Library
    from reader.store.trace import TraceClaim

#: Statuses that travel to the group, most telling first.
TRAVELLING = ("denied", "disputed", "unconfirmed")


@dataclass
class Origin:
    """Where a claim's ``origin_url`` leads: the article (and claim) in the library."""

    url: str
    article_id: int | None = None
    seq: int | None = None


@dataclass
class Member:
    """One appearance of the claim."""

    article_id: int
    seq: int
    claim_id: int
    outlet: str
    title: str | None
    date: str
    date_from: str  # "published" or "imported"
    text: str
    status: str
    relation: str  # "this", or the link kind: copy, rewrite, same_facts
    similarity: float
    origin: str = ""  # the independent source it goes back to
    independent: bool = False
    wire: str | None = None
    cites: str | None = None
    origin_url: Origin | None = None
    evidence: list[str] = field(default_factory=list)
    source: str | None = None  # who the article says said it
    source_type: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d = dict(self.__dict__)
        d["origin_url"] = self.origin_url.__dict__ if self.origin_url else None
        return d


@dataclass
class Trace:
    """The group of one claim (see the module docstring)."""

    article_id: int
    seq: int
    members: list[Member]
    sources: list[str]  # the independent sources, in order of first appearance
    status: str | None  # the most telling travelling status of any member, or None
    unlinked: int = 0  # articles of the library not linked yet

    @property
    def first(self) -> Member:
        return self.members[0]

    @property
    def outlets(self) -> list[str]:
        named: dict[str, str] = {}  # one outlet whatever the spelling of its "The"
        for m in self.members:
            named.setdefault(outlet_key(m.outlet), m.outlet)
        return list(named.values())

    def summary(self) -> str:
        """``5 outlets · 1 independent source (The Wall Street Journal)``."""
        n, k = len(self.outlets), len(self.sources)
        return (
            f"{n} outlet{'s' if n != 1 else ''} · {k} independent source{'s' if k != 1 else ''}"
            f" ({', '.join(self.sources)})"
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "seq": self.seq,
            "summary": self.summary(),
            "first": self.first.to_dict(),
            "outlets": self.outlets,
            "independent": len(self.sources),
            "sources": self.sources,
            "status": self.status,
            "members": [m.to_dict() for m in self.members],
            "unlinked_articles": self.unlinked,
        }


def trace(lib: Library, article_id: int, seq: int) -> Trace:
    """The group of claim ``seq`` of article ``article_id``; InputError if there is no
    such claim. An article not linked yet is linked first."""
    claim = lib.claim_at(article_id, seq)
    if claim is None:
        raise InputError(f"claim {article_id}:{seq}", "not in the library (see 'claims')")
    if not lib.is_traced(article_id):
        link_article(lib, article_id)
    links = lib.claim_links([claim.id])
    found = lib.trace_claims([claim.id, *(other for _c, other, _k, _s in links)])
    relation: dict[int, tuple[str, float]] = {claim.id: ("this", 1.0)}
    for _c, other, kind, sim in links:
        relation.setdefault(other, (kind, sim))
    members = [_member(lib, found[cid], *relation[cid]) for cid in relation if cid in found]
    members.sort(key=lambda m: (m.date, m.article_id))
    _resolve_origins(lib, members, found)
    sources = _independence(members)
    status = next((s for s in TRAVELLING if any(m.status == s for m in members)), None)
    return Trace(article_id, seq, members, sources, status, lib.untraced_count())


def _member(lib: Library, c: TraceClaim, relation: str, sim: float) -> Member:
    if c.published:
        date, date_from = c.published, "published"
    else:
        date, date_from = c.imported_at[:10], "imported"
    evidence: list[str] = []
    if c.status in TRAVELLING and c.evidence:
        text = lib.article_text(c.article_id) or ""
        evidence = [text[a:b] for a, b in c.evidence]
    own = c.publisher and c.outlet and outlet_key(c.outlet) == outlet_key(c.publisher)
    cites = c.outlet if c.outlet and not own else None
    return Member(
        c.article_id, c.seq, c.id, c.publisher or f"article {c.article_id}", c.title, date,
        date_from, c.text, c.status, relation, sim, wire=c.wire, cites=cites,
        origin_url=Origin(c.origin_url) if c.origin_url else None, evidence=evidence,
        source=c.source, source_type=c.source_type,
    )  # fmt: skip


def _resolve_origins(lib: Library, members: list[Member], found: dict[int, TraceClaim]) -> None:
    """Point each ``origin_url`` at its article in the library, at the matching claim."""
    for m in members:
        if m.origin_url is None:
            continue
        arts = [
            a for a in lib.articles_at_url(normalise_url(m.origin_url.url)) if a != m.article_id
        ]
        if not arts:
            continue
        target = arts[0]
        m.origin_url.article_id = target
        linked = [
            o
            for _c, o, _k, _s in lib.claim_links([m.claim_id])
            if o in found and found[o].article_id == target
        ]
        if linked:
            m.origin_url.seq = found[linked[0]].seq
            continue
        sig = signature(m.text)
        best: tuple[float, int] | None = None
        for c in lib.article_trace_claims(target):
            v = verify(sig, signature(c.text, c.source))
            if v is not None and (best is None or v[1] > best[0]):
                best = (v[1], c.seq)
        if best is not None:
            m.origin_url.seq = best[1]


#: Source types named well enough that two outlets quoting one are echoing it.
NAMED_SOURCES = ("person", "official", "organization", "government", "document")
_TITLE_WORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "mr",
        "mrs",
        "ms",
        "dr",
        "sen",
        "rep",
        "gov",
        "u.s.",
        "us",
        "attorney",
        "general",
        "president",
        "minister",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "officer",
        "chief",
        "director",
        "secretary",
    ]
)


#: Words that do not tell one organisation from another: "the medicines agency in
#: Londraven" is "the Londraven Medicines Agency", "the mayor's office" is "the mayor".
_ORG_FILLER = frozenset(
    ["the", "a", "an", "of", "for", "in", "at", "on", "and", "office", "offices"]
)


def _name_words(text: str) -> list[str]:
    """Lower-cased words of a name or title, possessives and edge punctuation off."""
    out = []
    for w in text.split():
        w = w.strip(".,;:'’\"()").lower()
        w = w.removesuffix("'s").removesuffix("’s")
        if w:
            out.append(w)
    return out


def source_key(source: str | None, source_type: str | None) -> str | None:
    """What makes two articles' sources the same party: a person by surname (the last
    capitalised word, suffixes aside), anything else named by the set of its words
    without articles and fillers (word order and "office" aside); None for an
    anonymous or unnamed source."""
    if not source or source_type not in NAMED_SOURCES:
        return None
    if source_type in ("person", "official"):
        caps = [w.strip(".,'’\"") for w in source.split() if w[:1].isupper()]
        caps = [w for w in caps if w.lower() not in _TITLE_WORDS | {"jr", "sr"}]
        return f"p:{caps[-1].lower()}" if caps else None
    kept = {w for w in _name_words(source) if w not in _ORG_FILLER and w not in ("jr", "sr")}
    return f"o:{' '.join(sorted(kept))}" if kept else None


def title_words(text: str, source: str) -> frozenset[str]:
    """The words a claim gives a person as title, before the name ("U.S. Attorney James
    Kennedy Jr. said") or in apposition after it ("James Kennedy Jr., the U.S. Attorney
    for the Western District, said"): what ties a person to the office they speak for."""
    name = _name_words(source)
    words = text.split()
    low = _name_words(text)
    if not name or len(low) != len(words):
        return frozenset()
    last = name[-1] if name[-1] not in ("jr", "sr") or len(name) < 2 else name[-2]
    out: set[str] = set()
    for k, w in enumerate(low):
        if w != last:
            continue
        first = k  # back over the rest of the name, then the capitalised title before it
        while first > 0 and low[first - 1] in name:
            first -= 1
        j = first - 1
        while j >= 0 and (words[j][:1].isupper() or low[j] == "u.s") and not words[j].endswith(","):
            out.add(low[j])
            j -= 1
        end = k  # past a suffix ("Jr.,") to an apposition: ", the ... ,"
        while end + 1 < len(low) and low[end + 1] in ("jr", "sr", "ii", "iii"):
            end += 1
        if words[end].endswith(",") and end + 1 < len(low) and low[end + 1] == "the":
            for j in range(end + 1, min(len(low), end + 16)):
                out.add(low[j])
                if words[j].endswith((",", ";")):
                    break
    return frozenset(out - set(name) - _ORG_FILLER)


def _party_aliases(members: list[Member]) -> dict[str, str]:
    """Source keys of one party under two names: a person whose title in a claim holds
    every word of an organisation quoted in the group ("the U.S. Attorney's Office for
    the Western District of New York" and "James Kennedy Jr., the U.S. Attorney for the
    Western District of New York") is that organisation; the person's key → the org's."""
    orgs = {
        k: frozenset(k[2:].split())
        for m in members
        if (k := source_key(m.source, m.source_type)) is not None and k.startswith("o:")
    }
    alias: dict[str, str] = {}
    for m in members:
        key = source_key(m.source, m.source_type)
        if key is None or not key.startswith("p:") or not m.source or not orgs:
            continue
        title = title_words(m.text, m.source)
        for org, words in sorted(orgs.items()):
            if words and words <= title:
                alias.setdefault(key, org)
    return alias


def _independence(members: list[Member]) -> list[str]:
    """Set each member's origin and independence; the distinct origins, in order."""
    # a named source two articles of the group both quote is where both got it
    alias = _party_aliases(members)

    def party(m: Member) -> str | None:
        key = source_key(m.source, m.source_type)
        return alias.get(key, key) if key is not None else None

    quoted_in: dict[str, set[int]] = {}
    for m in members:
        key = party(m)
        if key is not None:
            quoted_in.setdefault(key, set()).add(m.article_id)
    shared_name: dict[str, str] = {}
    for m in members:
        key = party(m)
        if key is not None and len(quoted_in[key]) > 1 and m.source:
            shared_name.setdefault(key, m.source)
    origin_of_article: dict[int, str] = {}
    origin_of_outlet: dict[str, str] = {}
    copies_of: dict[int, set[int]] = {}
    this = next(m for m in members if m.relation == "this")
    for m in members:  # copy links run to the traced claim (one step)
        if m is not this and m.relation == LinkKind.COPY.value:
            copies_of.setdefault(m.article_id, set()).add(this.article_id)
            copies_of.setdefault(this.article_id, set()).add(m.article_id)
    for m in members:
        earlier_copy = next(
            (
                origin_of_article[a]
                for a in copies_of.get(m.article_id, ())
                if a in origin_of_article
            ),
            None,
        )
        target = m.origin_url.article_id if m.origin_url else None
        if m.wire:
            origin = origin_of_outlet.get(outlet_key(m.wire), m.wire)
        elif target is not None and target in origin_of_article:
            origin = origin_of_article[target]
        elif m.cites:
            origin = origin_of_outlet.get(outlet_key(m.cites), m.cites)
        elif earlier_copy is not None:
            origin = earlier_copy
        elif m.origin_url is not None and target is None:
            origin = normalise_url(m.origin_url.url).split("/", 1)[0]
        elif (key := party(m)) in shared_name:
            origin = shared_name[key]  # several outlets quoting one party: one source
        else:
            origin = m.outlet
        m.origin = origin
        m.independent = outlet_key(origin) == outlet_key(m.outlet)
        origin_of_article[m.article_id] = origin
        origin_of_outlet.setdefault(outlet_key(m.outlet), origin)
    # one article is one appearance: when one of its claims in the group goes back to
    # another source (a wire, a cited outlet or page), so does the article, and its
    # other matching claims do not count it again as independent
    derived: dict[int, str] = {}
    for m in members:
        if outlet_key(m.origin) != outlet_key(m.outlet):
            derived.setdefault(m.article_id, m.origin)
    for m in members:
        if m.article_id in derived:
            m.origin, m.independent = derived[m.article_id], False
    return list(dict.fromkeys(m.origin for m in members))
