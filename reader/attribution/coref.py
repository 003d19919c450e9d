"""Source typing and light coreference over a running list of antecedents.

The tracker keeps, in text order, the people, groups, organisations and
outlets seen so far (bounded lists, most recent last), so resolving "he",
"the senator", "those sources" or "the paper" costs a short scan of recent
entries instead of a pass over all earlier claims.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reader.attribution.lexicon import (
    ANAPHORIC_DETERMINERS,
    ANONYMITY_MARKERS,
    ANONYMOUS_HEADS,
    BARE_ANONYMOUS_HEADS,
    BODY_KIND_WORDS,
    CLOSE_QUOTES,
    CONDITIONAL_OFFICE_TITLES,
    COUNTRIES,
    DETERMINERS,
    DOCUMENT_HEADS,
    FEMALE_NAMES,
    FEMALE_TITLES,
    GENERIC_ORGANIZATION_HEADS,
    GIVEN_NAMES,
    GOVERNMENT_HEADS,
    GOVERNMENT_PHRASES,
    GROUP_NAMES,
    HEAD_LINKS,
    INDEFINITE_DETERMINERS,
    ISSUED_DOCUMENTS,
    JOURNALIST_ROLES,
    LEADING_WORDS,
    MALE_NAMES,
    MALE_TITLES,
    NAME_SUFFIXES,
    NAME_TITLES,
    NATIONALITY_SUFFIXES,
    NEWS_COMPOUND_HEADS,
    NOT_NAME_WORDS,
    NP_PARTICIPLES,
    NP_STOPS,
    OFFICE_TITLES,
    OFFICIAL_TITLES,
    OPEN_QUOTES,
    ORGANIZATION_HEADS,
    OUTLET_NOUNS,
    PARTITIVE_QUANTIFIERS,
    PERSON_NOUNS,
    PERSONAL_PRONOUNS,
    PUBLIC_ATTORNEY_WORDS,
    PUBLIC_BODY_WORDS,
    SHARED_OUTLET_NOUNS,
)
from reader.attribution.noun_phrases import np_back
from reader.attribution.outlets import OutletMention, OutletRegistry
from reader.attribution.segment import Token, join_tokens
from reader.model import SourceType

#: How many antecedents of each kind are remembered.
MAX_RECENT = 40


@dataclass(eq=False)
class Entity:
    """Something that can be a source, remembered for later references."""

    name: str
    type: SourceType
    gender: str = ""
    plural: bool = False
    outlet: str | None = None
    titles: frozenset[str] = frozenset()
    seen: int = 0  # the sentence (Tracker.sentence) it was last mentioned in


@dataclass
class Resolved:
    """A classified, resolved source mention."""

    name: str
    type: SourceType
    outlet: str | None = None  # outlet named by or behind the source
    entity: Entity | None = None
    uncertain: bool = False  # a guess: resolved at a distance, or left unresolved


def _strip_possessive(word: str) -> str:
    for suf in ("'s", "’s", "'", "’"):
        if word.endswith(suf) and len(word) > len(suf):
            return word[: -len(suf)]
    return word


def _text(toks: Sequence[Token], a: int, b: int) -> str:
    return join_tokens(toks[a:b])


def _gender(name: str, titles: Sequence[str]) -> str:
    """ "f", "m" or "" for a person named ``name`` with ``titles`` ("Mrs.", "Sir"),
    else by a common given name ("Mary Smith")."""
    if any(t in FEMALE_TITLES for t in titles):
        return "f"
    if any(t in MALE_TITLES for t in titles):
        return "m"
    first = name.split()[0].lower() if len(name.split()) > 1 else ""
    if first in FEMALE_NAMES:
        return "f"
    if first in MALE_NAMES:
        return "m"
    return ""


def holds_office(titles: Sequence[str], body: Sequence[str] = (), bare: bool = True) -> bool:
    """Whether a person with ``titles`` holds public office.

    A conditional title (president, chairman, director ...) counts when ``bare``
    (written before the name as part of it: "President Ortiz", "Chairman Powell"),
    or when its ``body`` (the lower-case words naming the body it heads: "federal
    reserve bank", "china") is a public one.  "attorney" counts only as "U.S.
    Attorney", "district attorney", "attorney general" (``body`` holds the words
    around it).
    """
    public = any(w in PUBLIC_BODY_WORDS or w in COUNTRIES for w in body)
    for t in titles:
        if t == "attorney":
            if any(w in PUBLIC_ATTORNEY_WORDS for w in body):
                return True
        elif t in CONDITIONAL_OFFICE_TITLES:
            if bare or public:
                return True
        elif t in OFFICE_TITLES:
            return True
    return False


def body_words(words: Sequence[str], k: int) -> list[str]:
    """The words naming the body a title at ``words[k]`` heads: after it ("director of
    the Center for ...": "the center"), else before it ("China's ambassador": "china");
    for "attorney", the words next to it ("U.S. Attorney", "attorney general")."""
    if words[k] == "attorney":
        return [*words[max(0, k - 2) : k], *words[k + 1 : k + 2]]
    if k + 1 < len(words) and words[k + 1] in {"of", "at", "for", "to"}:
        out = []
        for w in words[k + 2 :]:
            if w in HEAD_LINKS:
                break
            out.append(w)
        return out
    return [w for w in words[max(0, k - 3) : k] if w not in HEAD_LINKS]


def _surname(name: str) -> str:
    """The word a person is later called by: the last of their name, without
    "Jr."/"Sr."/"III" ("James P. Kennedy Jr." is "Kennedy")."""
    parts = name.split()
    while len(parts) > 1 and parts[-1].lower().rstrip(".,") in NAME_SUFFIXES:
        parts.pop()
    return parts[-1]


def _could_be_name(toks: Sequence[Token], a: int, b: int, name_words: Sequence[str]) -> bool:
    """Whether a capitalised run can be a person's name: not a quoted title ("“Wild
    Rose”"), not a place with a possessive inside ("Martha's Vineyard"), no function
    words ("There's No Place Like Home", "Well I")."""
    if (
        a > 0
        and toks[a - 1].text in OPEN_QUOTES
        and b < len(toks)
        and (toks[b].text in CLOSE_QUOTES or toks[b].text == ",")
    ):
        return False
    if any(w.lower() in NOT_NAME_WORDS for w in name_words):
        return False
    return not any(w.endswith(("'s", "’s")) for w in name_words[:-1])


#: Tokens looked at before a name for its title ("China's ambassador to Britain").
TITLE_LOOKBACK = 5
#: Longest apposition after a name, in tokens ("X, the president of the Y Bank of Z,").
MAX_APPOSITION = 16


def _titles_before(toks: Sequence[Token], a: int) -> tuple[list[str], list[str]]:
    """Lower-case titles right before a name ("police commissioner Chris Tang"), and
    those words; a clause boundary, a verb or a conjunction ends the look back."""
    out: list[str] = []
    words: list[str] = []
    k = a - 1
    while k >= 0 and a - k <= TITLE_LOOKBACK:
        t = toks[k]
        low = _strip_possessive(t.low)
        if (
            not t.is_word
            or low in {"and", "or", "but", "said", "says", "told"}
            or (t.low in NP_STOPS and t.low not in {"to"})
        ):
            break
        words.insert(0, low)
        if low in OFFICIAL_TITLES:
            out.insert(0, low)
        k -= 1
    return out, words


def _apposition_titles(toks: Sequence[Token], b: int) -> tuple[list[str], list[str]]:
    """The head title of an apposition after a name ("Kurt Volker, the former special
    envoy to Ukraine,"), and the apposition's words."""
    n = len(toks)
    if b >= n or toks[b].text != ",":
        return [], []
    words: list[str] = []
    for k in range(b + 1, min(n, b + 1 + MAX_APPOSITION)):
        t = toks[k]
        if t.text in {",", ";", ")", "—", "–", ".", ":"}:
            break
        if not t.is_word and t.text not in {"'", "’", "-", "."}:
            return [], []
        words.append(_strip_possessive(t.low))
    else:
        return [], []
    if not words or words[0] in {"who", "which", "that", "and", "or", "but"}:
        return [], []
    head = words[-1]
    for k, w in enumerate(words[1:], 1):
        if w in HEAD_LINKS:
            head = words[k - 1]
            break
    return ([head] if head in OFFICIAL_TITLES else []), words


def _described_official(found: tuple[list[str], list[str]]) -> bool:
    """Whether titles found around a name, with the words they were found in, say the
    person holds office ("police commissioner", "the president of the Federal ...")."""
    titles, words = found
    return any(holds_office([t], body_words(words, words.index(t)), bare=False) for t in titles)


def _outlet_noun(lows: Sequence[str]) -> bool:
    """Whether lower-case words end in a noun for an outlet: "paper", "the outlet",
    "the news organization", "the wire service"."""
    if not lows:
        return False
    last = _strip_possessive(lows[-1])
    return last in OUTLET_NOUNS or (
        len(lows) > 1 and last in NEWS_COMPOUND_HEADS and lows[-2] in {"wire", "news"}
    )


def _common_noun(low: str) -> bool:
    """Whether a word is one of the source nouns of the lexicon ("aides", "officials")."""
    return (
        low in ANONYMOUS_HEADS
        or low in OFFICIAL_TITLES
        or low in DOCUMENT_HEADS
        or low in ORGANIZATION_HEADS
        or low in GOVERNMENT_HEADS
        or low in OUTLET_NOUNS
    )


def _same_kind(name: str, head: str) -> bool:
    """Whether the body ``name`` can be "the <head>": any body is "the company", but
    "the union" is no "Harbour Board" (a name ending in another kind of body)."""
    if head in GENERIC_ORGANIZATION_HEADS:
        return True
    last = _strip_possessive(name.split()[-1].lower()) if name.split() else ""
    return last not in BODY_KIND_WORDS or last[:5] == head[:5]


def _is_nationality(word: str) -> bool:
    low = word.lower()
    return low in COUNTRIES or (word[:1].isupper() and low.endswith(NATIONALITY_SUFFIXES))


class Tracker:
    """Running antecedents for one article."""

    def __init__(
        self,
        registry: OutletRegistry,
        publisher: str | None,
        types: dict[str, SourceType] | None = None,
    ) -> None:
        self.registry = registry
        self.publisher = publisher
        self.types = types or {}  # article names typed by discover(): "Kestrel" -> org
        self.types_lower = {k.lower() for k in self.types}
        self.people: list[Entity] = []
        self.by_surname: dict[str, Entity] = {}
        self.by_first: dict[str, Entity] = {}  # first words that are no given name
        self.groups: list[Entity] = []
        self.things: list[Entity] = []
        self.outlets: list[str] = []
        self.sentence_people: list[Entity] = []  # people of the latest sentence with any
        self.last_source: Entity | None = None
        self.sentence = 0  # sentences observed so far
        #: Who issued the latest statement, letter, email ... ("X said in a statement"),
        #: so that "the statement said" is X speaking.
        self.issuers: dict[str, Entity] = {}

    # -- observing ------------------------------------------------------------

    def pick_outlet(self, m: OutletMention) -> str:
        """Resolve an outlet mention; ambiguous aliases go to the last compatible one."""
        if len(m.names) > 1:
            for name in reversed(self.outlets):
                if name in m.names:
                    return name
            if self.publisher in m.names:
                return self.publisher or m.names[0]
        return m.names[0]

    def note_outlet(self, name: str) -> None:
        if self.outlets and self.outlets[-1] == name:
            return
        self.outlets.append(name)
        del self.outlets[:-MAX_RECENT]

    def observe(self, toks: Sequence[Token]) -> None:
        """Remember outlets and named people of a finished sentence."""
        self.sentence += 1
        people: list[Entity] = []
        n = len(toks)
        i = 0
        while i < n:
            m = self.registry.match(toks, i) if toks[i].is_cap else None
            if m is not None:
                self.note_outlet(self.pick_outlet(m))
                i = m.last_token
                continue
            if toks[i].is_cap and toks[i].is_word:
                b = i
                while b < n and b < i + 6 and toks[b].is_cap and toks[b].is_word:
                    b += 1
                ent = self._person_from_run(toks, i, b)
                if ent is not None:
                    people.append(ent)
                i = b
                continue
            i += 1
        if people:
            self.sentence_people = people

    def _person_from_run(self, toks: Sequence[Token], a: int, b: int) -> Entity | None:
        """A person entity for a capitalised run like "Sen. Chris Murphy", if it is one.

        The name is the end of the run, after any title and any place or body before it
        ("Indiana House Speaker Brian Bosma", "to Britain Liu Xiaming"); titles in the
        run, just before it ("police commissioner Chris Tang") or in an apposition after
        it ("Kurt Volker, the former special envoy to Ukraine,") type the person.
        """
        if b - a == 1 and toks[a].low not in NAME_TITLES:
            # the common case, a lone capitalised word: only a person already named
            known = self.known(_strip_possessive(toks[a].text))
            if known is None or not _could_be_name(toks, a, b, [toks[a].text]):
                return None
            if _described_official(_titles_before(toks, a)) or _described_official(
                _apposition_titles(toks, b)
            ):
                known.type = SourceType.OFFICIAL  # "Marsh, the mayor of Dunmore, ..."
            self._push_person(known)
            return known
        words = [t.text for t in toks[a:b]]
        lows = [w.lower() for w in words]
        if a == 0 or toks[a - 1].text in {"“", '"'}:
            while lows and lows[0] in LEADING_WORDS:
                words, lows = words[1:], lows[1:]
        titles = [w for w in lows if w in NAME_TITLES]
        start = max((k + 1 for k, w in enumerate(lows) if w in NAME_TITLES), default=0)
        while start < len(lows) - 1 and self._not_a_name_word(lows[start]):
            start += 1
        name_words = words[start:]
        if not name_words or not _could_be_name(toks, a, b, name_words):
            return None
        if any(self._not_a_name_word(w.lower()) for w in name_words):
            return None
        if (
            len(name_words) < 2
            and not titles
            and self.known(_strip_possessive(name_words[-1])) is None
        ):
            return None  # one unknown capitalised word: no one we can name
        before, after = _titles_before(toks, a), _apposition_titles(toks, b)
        official = (
            holds_office(titles, lows, bare=True)
            or _described_official(before)
            or _described_official(after)
        )
        if len(name_words) < 2 and not titles:
            known = self.known(_strip_possessive(name_words[-1]))
            if known is None:
                return None
            if official:  # "Marsh, the mayor of Dunmore, ..."
                known.type = SourceType.OFFICIAL
            self._push_person(known)
            return known
        if len(name_words) > 4:
            return None
        name = " ".join([*name_words[:-1], _strip_possessive(name_words[-1])])
        return self.add_person(name, [*before[0], *titles, *after[0]], official)

    def _not_a_name_word(self, low: str) -> bool:
        """Places and bodies that stand before a name in a run ("Indiana House ...")."""
        return (
            low in COUNTRIES
            or low in ORGANIZATION_HEADS
            or low in GOVERNMENT_HEADS
            or _strip_possessive(low) in self.types_lower
        )

    def add_person(self, name: str, titles: Sequence[str], official: bool | None = None) -> Entity:
        """The person named ``name`` (met before by surname, or new), with ``titles``;
        ``official`` says whether they hold office (by default: the titles, written
        before the name, say so)."""
        if official is None:
            official = holds_office(titles, titles)
        surname = _surname(name)
        ent = self.by_surname.get(surname) or (self.known(surname) if " " not in name else None)
        if ent is None or (
            len(name.split()) > 1 and ent.name != name and len(ent.name.split()) > 1
        ):
            gender = _gender(name, titles)
            is_official = official
            ent = Entity(
                name,
                SourceType.OFFICIAL if is_official else SourceType.PERSON,
                gender,
                titles=frozenset(titles),
            )
            self.by_surname[surname] = ent
            first = name.split()[0]
            if len(name.split()) == 2 and first.lower() not in GIVEN_NAMES:
                # "Liu Xiaming", later "Liu": a family name may come first
                self.by_first.setdefault(first, ent)
        elif len(name.split()) > len(ent.name.split()):
            ent.name = name
            ent.gender = ent.gender or _gender(name, titles)
        if titles:
            ent.titles = ent.titles | frozenset(titles)
            if official:
                ent.type = SourceType.OFFICIAL
        self._push_person(ent)
        return ent

    def known(self, word: str) -> Entity | None:
        """The person a single name refers to: their surname, else a first word that is
        no given name ("Liu" for "Liu Xiaming")."""
        return self.by_surname.get(word) or self.by_first.get(word)

    def _push_person(self, ent: Entity) -> None:
        ent.seen = self.sentence
        if ent in self.people:
            self.people.remove(ent)
        self.people.append(ent)
        del self.people[:-MAX_RECENT]

    def _push(self, bucket: list[Entity], ent: Entity) -> None:
        ent.seen = self.sentence
        bucket.append(ent)
        del bucket[:-MAX_RECENT]

    # -- resolving a source NP ----------------------------------------------

    def resolve(
        self, toks: Sequence[Token], np: tuple[int, int], sentence_people: Sequence[Entity] = ()
    ) -> Resolved:
        """Classify the source NP toks[np[0]:np[1]] and resolve it to an antecedent."""
        a, b = np
        first = toks[a].low
        if b - a == 1 and (first in PERSONAL_PRONOUNS or first in {"who", "which", "that"}):
            res = self._pronoun(toks, a, sentence_people)
        else:
            res = self._describe(toks, a, b)
        if res.entity is not None:
            self.last_source = res.entity
        return res

    def _pronoun(
        self, toks: Sequence[Token], i: int, sentence_people: Sequence[Entity]
    ) -> Resolved:
        low = toks[i].low
        if low in {"who", "which", "that"}:
            k = i - 1
            while k >= 0 and not toks[k].is_word:
                k -= 1
            if k >= 0:
                np = np_back(toks, k)
                if np is not None and not (
                    np[1] - np[0] == 1 and toks[np[0]].low in PERSONAL_PRONOUNS
                ):
                    return self._describe(toks, np[0], np[1])
            return Resolved(
                toks[i].text, SourceType.PERSON if low == "who" else SourceType.ORGANIZATION
            )
        if low in {"he", "she"}:
            g = "m" if low == "he" else "f"
            pools = [sentence_people, self.sentence_people, self.people[::-1]]
            for pool in pools:
                fits = [e for e in pool if e.gender in ("", g) and not e.plural]
                if not fits:
                    continue
                ent = fits[0]
                # a guess when the person was last named more than two sentences back,
                # or when another person of unknown gender would fit as well
                rivals = ent.gender == "" and any(e.gender == "" for e in fits[1:])
                far = self.sentence - ent.seen > 2
                ent.gender = g
                ent.seen = self.sentence
                return Resolved(ent.name, ent.type, ent.outlet, ent, uncertain=far or rivals)
            return Resolved(toks[i].text, SourceType.PERSON, uncertain=True)
        if low in {"i", "you"}:
            last = self.last_source
            if last is not None and last.type in {SourceType.PERSON, SourceType.OFFICIAL}:
                far = self.sentence - last.seen > 2
                return Resolved(last.name, last.type, last.outlet, last, uncertain=far)
            return Resolved(toks[i].text, SourceType.PERSON, uncertain=True)
        if low in {"they", "we"}:
            if self.groups:
                ent = self.groups[-1]
                far = self.sentence - ent.seen > 1
                return Resolved(ent.name, ent.type, ent.outlet, ent, uncertain=far)
            if self.things:
                ent = self.things[-1]
                return Resolved(ent.name, ent.type, ent.outlet, ent, uncertain=True)
            return Resolved(
                toks[i].text,
                SourceType.ANONYMOUS if low == "they" else SourceType.ORGANIZATION,
                uncertain=True,
            )
        # "it"
        if self.things:
            ent = self.things[-1]
            far = self.sentence - ent.seen > 1
            return Resolved(ent.name, ent.type, ent.outlet, ent, uncertain=far)
        return Resolved(toks[i].text, SourceType.ORGANIZATION, uncertain=True)

    def _describe(self, toks: Sequence[Token], a: int, b: int) -> Resolved:
        """Type a full NP (not a bare pronoun) and resolve descriptions."""
        if toks[b - 1].text == ")":  # "Rep. Jane Doe (D-Ohio)": drop the bracket
            for k in range(b - 1, a, -1):
                if toks[k].text == "(":
                    b = k
                    break
        lows = [t.low for t in toks[a:b]]
        # Head: last token before a link word.
        h = b - 1
        for k in range(a + 1, b):
            tk = toks[k]
            if tk.low in HEAD_LINKS or (
                k > a + 1
                and not tk.is_cap
                and tk.low not in ANONYMITY_MARKERS
                and (tk.low.endswith("ed") or tk.low in NP_PARTICIPLES)
            ):
                h = k - 1  # "a spokesman for X", "a consultant hired by X"
                break
        head = _strip_possessive(toks[h].low)
        text = _text(toks, a, b)

        # 1. A named outlet inside the NP.
        for k in range(a, b):
            m = self.registry.match(toks, k)
            if m is None or m.last_token > b:
                continue
            outlet = self.pick_outlet(m)
            self.note_outlet(outlet)
            if head in {"poll", "polls", "survey", "study"}:
                return self._thing(text, SourceType.DOCUMENT, outlet)
            rest = [t for t in toks[m.last_token : b] if t.is_cap]
            if m.possessive and rest:
                # "Insider's Jane Roe": a person, writing for the outlet.
                name = " ".join(t.text for t in rest)
                titles = [t.low for t in toks[m.last_token : b] if t.low in NAME_TITLES]
                ent = self.add_person(name, titles) if len(rest) > 1 else None
                if ent is not None:
                    ent.outlet = outlet
                    return Resolved(ent.name, ent.type, outlet, ent)
                return Resolved(name, SourceType.PERSON, outlet)
            ent = Entity(outlet, SourceType.OUTLET, outlet=outlet)
            self._push(self.things, ent)
            return Resolved(outlet, SourceType.OUTLET, outlet, ent)

        det = lows[0]
        # Partitives: "three of those sources" is typed by "those sources".
        if b - a >= 3 and lows[1] == "of" and (det in DETERMINERS or det.isdigit()):
            inner = self._describe(toks, a + 2, b)
            if inner.type == SourceType.ANONYMOUS:
                return Resolved(inner.name, inner.type, inner.outlet, inner.entity)
        # 2. "the paper", "the outlet", "the newspaper", "the wire service".
        if det in ANAPHORIC_DETERMINERS and h - a <= 2 and _outlet_noun(lows[: h - a + 1]):
            if head in SHARED_OUTLET_NOUNS:
                # "the agency" after "the Medicines Agency": the namesake, not an outlet.
                for ent in reversed(self.things):
                    if ent.type != SourceType.OUTLET and ent.name.lower().endswith(head):
                        return Resolved(ent.name, ent.type, ent.outlet, ent)
            last = self.last_outlet()
            if last is not None:
                return Resolved(
                    last, SourceType.OUTLET, last, Entity(last, SourceType.OUTLET, outlet=last)
                )
        # 3. "those sources", "the officials": back to the last anonymous group.
        if head in ANONYMOUS_HEADS and (
            det in ANAPHORIC_DETERMINERS
            or (det in PARTITIVE_QUANTIFIERS and h > a + 1 and lows[1] == "of")
        ):
            plural = head.endswith("s") or head == "people"
            for ent in reversed(self.groups):
                if ent.type == SourceType.ANONYMOUS and ent.plural == plural:
                    return Resolved(ent.name, SourceType.ANONYMOUS, ent.outlet, ent)
        named = self._name_after_description(toks, a, b, h)
        if named is not None:
            return named
        opening = 1 if toks and toks[0].text in OPEN_QUOTES else 0
        caps = [
            t
            for k, t in enumerate(toks[a:b], a)
            if t.is_cap
            and t.low not in DETERMINERS
            # "Aides said ...": a common noun capitalised only because it opens the sentence
            and not (k == opening and _common_noun(t.low))
        ]
        # a nationality is a modifier ("Russian officials"), never the head ("Vindman")
        names = [
            t
            for t in caps
            if t.low not in NAME_TITLES and (t is toks[h] or not _is_nationality(t.text))
        ]
        # 4. Unnamed people: anonymous.
        marked = any(x in ANONYMITY_MARKERS for x in lows)
        institutional = all(t.low in ORGANIZATION_HEADS | GOVERNMENT_HEADS for t in names) or (
            any((lows[k], lows[k + 1]) in GOVERNMENT_PHRASES for k in range(len(lows) - 1))
        )
        if (
            (head in ANONYMOUS_HEADS or marked)
            and (not names or marked or institutional)
            and (det in INDEFINITE_DETERMINERS or head in BARE_ANONYMOUS_HEADS or marked)
        ):
            heads = [x for x in lows if x in ANONYMOUS_HEADS]
            plural = (heads[-1] if heads else head).endswith("s") or "people" in heads
            ent = Entity(text, SourceType.ANONYMOUS, plural=plural)
            self._push(self.groups, ent)
            return Resolved(text, SourceType.ANONYMOUS, None, ent)
        # 5. Definite descriptions of a person: "the senator", "the spokesman".
        if (
            det in {"the", "that", "this"}
            and not names
            and (head in OFFICIAL_TITLES or head in PERSON_NOUNS)
        ):
            for ent in reversed(self.people):
                if head in ent.titles or (not ent.titles and head not in OFFICE_TITLES):
                    return Resolved(ent.name, ent.type, ent.outlet, ent)
            if self.people and head in {"president", "nominee", "candidate"}:
                ent = self.people[-1]
                return Resolved(ent.name, ent.type, ent.outlet, ent)
            return Resolved(
                text, SourceType.OFFICIAL if head in OFFICE_TITLES else SourceType.PERSON
            )
        # 5b. "police said", "the police": the officers speaking.
        if head == "police" and not names:
            return Resolved(text, SourceType.OFFICIAL)
        # 5c. "the brokerage", "the company": the last organisation named.
        if det == "the" and h == a + 1 and head in ORGANIZATION_HEADS and not names:
            for ent in reversed(self.things):
                if (
                    ent.type == SourceType.ORGANIZATION
                    and ent.name.lower() != text.lower()
                    and _same_kind(ent.name, head)
                ):
                    return Resolved(ent.name, ent.type, ent.outlet, ent, uncertain=True)
        # 6. Documents: "the statement said" after "X said in a statement" is X.
        issuer = self.issuers.get(head)
        if issuer is not None and det in ANAPHORIC_DETERMINERS and h == a + 1:
            return Resolved(issuer.name, issuer.type, issuer.outlet, issuer)
        if head in DOCUMENT_HEADS and (
            not names or det in {"a", "an", "the"} or not toks[h].is_cap
        ):
            return self._thing(text, SourceType.DOCUMENT, None)
        # 7. Government.
        if (
            head in COUNTRIES
            or head in GOVERNMENT_HEADS
            or any((lows[k], lows[k + 1]) in GOVERNMENT_PHRASES for k in range(len(lows) - 1))
        ):
            return self._thing(text, SourceType.GOVERNMENT, None)
        # 8. Organisations and party groups.
        if (
            head in ORGANIZATION_HEADS
            or head in GROUP_NAMES
            or (
                len(toks[h].text) > 1
                and toks[h].text.isupper()
                and toks[h].text.isalpha()
                and len(names) == 1
            )
        ):
            ent = Entity(
                text, SourceType.ORGANIZATION, plural=head in GROUP_NAMES or head.endswith("s")
            )
            self._push(self.groups if ent.plural else self.things, ent)
            return Resolved(text, SourceType.ORGANIZATION, None, ent)
        # 8b. "The Afghan Taliban", "the Kremlin Group": people take no article.
        if det == "the" and toks[h].is_cap and not any(t.low in NAME_TITLES for t in toks[a:h]):
            ent = Entity(text, SourceType.ORGANIZATION, plural=False)
            self._push(self.things, ent)
            return Resolved(text, SourceType.ORGANIZATION, None, ent)
        # 9. Names the article types ("Kestrel Therapeutics" -> "Kestrel" is a company).
        whole = _strip_possessive(" ".join(t.text for t in names))
        if len(names) > 1 and toks[h].is_cap and whole in self.types:
            return self._thing(whole, self.types[whole], None)
        if names and len(names) == 1 and h == b - 1:
            kind = self.types.get(_strip_possessive(names[0].text))
            if kind is not None and (names[0] is toks[h] or head in GOVERNMENT_HEADS):
                return self._thing(
                    _strip_possessive(names[0].text) if b - a == 1 else text, kind, None
                )
        # 10. Named people: the name is the head ("Sen. Chris Murphy"); with a common
        # noun head ("A California transit chief") the NP is a description.
        if names and toks[h].is_cap:
            name_tokens: list[Token] = []
            for t in reversed(toks[a : h + 1]):
                if t.is_cap and t.low not in NAME_TITLES:
                    name_tokens.append(t)
                elif name_tokens:
                    break
            name_tokens.reverse()
            first = h + 1 - len(name_tokens)
            if name_tokens and first > a and toks[first - 1].low in ORGANIZATION_HEADS:
                # "global financial firm JP Morgan", "record label Big Machine": a body
                name = _strip_possessive(" ".join(t.text for t in name_tokens))
                self.types.setdefault(name, SourceType.ORGANIZATION)
                return self._thing(name, SourceType.ORGANIZATION, None)
            if name_tokens:
                titles = [t.low for t in toks[a:h] if t.low in NAME_TITLES]
                raw = " ".join(t.text for t in name_tokens)
                raw = " ".join([*raw.split()[:-1], _strip_possessive(raw.split()[-1])])
                if len(name_tokens) == 1:
                    known = self.known(raw)
                    if known is not None:
                        if titles:
                            known.titles = known.titles | frozenset(titles)
                            if holds_office(titles, titles):
                                known.type = SourceType.OFFICIAL
                        self._push_person(known)
                        return Resolved(known.name, known.type, known.outlet, known)
                ent = self.add_person(raw, titles)
                if head in OFFICE_TITLES:
                    ent.type = SourceType.OFFICIAL
                return Resolved(ent.name, ent.type, ent.outlet, ent)
        # 11. Other unnamed people.
        if head.endswith("s") and det not in {"the", "this", "that"}:
            ent = Entity(text, SourceType.ANONYMOUS, plural=True)
            self._push(self.groups, ent)
            return Resolved(text, SourceType.ANONYMOUS, None, ent)
        if head in OFFICIAL_TITLES:
            return Resolved(text, SourceType.OFFICIAL)
        return Resolved(text, SourceType.PERSON)

    def _name_after_description(
        self, toks: Sequence[Token], a: int, b: int, h: int
    ) -> Resolved | None:
        """A description ending in a name: "China's ambassador to Britain Liu Xiaming",
        "the company's executive chair Marcelo Claure".  The name is the source and the
        description's title types it."""
        if toks[h].is_cap or h >= b - 2:
            return None
        k = b
        while k > h + 1 and toks[k - 1].is_cap and toks[k - 1].is_word:
            k -= 1
        while k < b - 1 and (self._not_a_name_word(toks[k].low) or toks[k].low in NAME_TITLES):
            k += 1
        name_words = [t.text for t in toks[k:b]]
        if (
            len(name_words) < 2
            or len(name_words) > 4
            or not _could_be_name(toks, k, b, name_words)
            or any(self._not_a_name_word(w.lower()) for w in name_words)
        ):
            return None
        words = [_strip_possessive(t.low) for t in toks[a:k]]
        titles = [w for w in words if w in NAME_TITLES]
        official = _described_official((titles, words))
        name = " ".join([*name_words[:-1], _strip_possessive(name_words[-1])])
        ent = self.add_person(name, titles, official)
        return Resolved(ent.name, ent.type, ent.outlet, ent)

    def note_issuer(self, toks: Sequence[Token], k: int, res: Resolved) -> None:
        """Remember who issued the document named right after a cue ending before
        ``k``: "said in a statement", "wrote in her letter", "said in an email"."""
        if res.entity is None:
            return
        for j in range(k, min(len(toks), k + 4)):
            low = toks[j].low
            if low in ISSUED_DOCUMENTS and toks[j - 1].low in DETERMINERS:
                self.issuers[low] = res.entity
                return
            if not toks[j].is_word:
                return

    def describe_as(self, res: Resolved, toks: Sequence[Token], np: tuple[int, int]) -> None:
        """Type a named source by its apposition ("X, the city's utilities director")."""
        a, b = np
        h = b - 1
        for k in range(a + 1, b):
            if toks[k].low in HEAD_LINKS:
                h = k - 1
                break
        head = _strip_possessive(toks[h].low)
        if res.type not in {SourceType.PERSON, SourceType.OFFICIAL} or res.entity is None:
            return
        if head in JOURNALIST_ROLES:
            # "Mara Quint, a reporter for Harborline,": what she reports comes through it
            for k in range(h + 1, b):
                m = self.registry.match(toks, k)
                if m is not None:
                    res.outlet = res.entity.outlet = self.pick_outlet(m)
                    return
        words = [_strip_possessive(t.low) for t in toks[a:b]]
        if holds_office([head], body_words(words, h - a), bare=False):
            res.type = res.entity.type = SourceType.OFFICIAL
            res.entity.titles = res.entity.titles | {head}

    def outlet_for_np(self, toks: Sequence[Token], np: tuple[int, int]) -> str | None:
        """The outlet an object NP like "the paper" or "the outlet" refers to."""
        a, b = np
        for k in range(a, b):
            m = self.registry.match(toks, k)
            if m is not None and m.last_token <= b:
                return self.pick_outlet(m)
        lows = [t.low for t in toks[a:b]]
        if len(lows) <= 3 and lows[0] in ANAPHORIC_DETERMINERS and _outlet_noun(lows):
            return self.last_outlet()
        return None

    def last_outlet(self) -> str | None:
        """The outlet "the paper" refers to: the last one named other than the publisher."""
        for name in reversed(self.outlets):
            if name != self.publisher:
                return name
        return self.outlets[-1] if self.outlets else None

    def _thing(self, text: str, kind: SourceType, outlet: str | None) -> Resolved:
        ent = Entity(text, kind, outlet=outlet)
        self._push(self.things, ent)
        return Resolved(text, kind, outlet, ent)
