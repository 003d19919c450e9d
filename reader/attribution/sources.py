"""Find attributions inside one sentence: cue words and the source NP they name.

Works on the tokens of a single (bounded) sentence, so every scan here is
local: backward and forward NP walks stop after a fixed number of tokens.
The result says where the source mention is, what the cue is, which side of
the cue the reported content is on, and any outlet the source spoke to
("told the paper", "in an interview with CNN").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from reader.attribution.lexicon import (
    ANONYMOUS_HEADS,
    AUXILIARIES,
    BE_CONTRACTIONS,
    BE_FORMS,
    DETERMINERS,
    DOCUMENT_HEADS,
    DOCUMENT_LEMMAS,
    GOVERNMENT_HEADS,
    MODALS,
    MONTHS,
    NP_LINKS,
    NP_STOPS,
    NUMBER_WORDS,
    OFFICIAL_TITLES,
    ORGANIZATION_HEADS,
    OUTLET_NOUNS,
    PARTICIPLES,
    PERSONAL_PRONOUNS,
    REPORTING_VERBS,
    SENTENCE_ADVERBS,
    STANCE_LEMMAS,
    STRONG_FORMS,
    SUBJECT_VERBS,
    WEEKDAYS,
    words,
)
from reader.attribution.outlets import OutletMention, OutletRegistry
from reader.attribution.segment import Token, join_tokens

#: Longest source NP, in tokens, for the backward and forward walks.
MAX_NP = 12
#: Longest parenthetical (", who ..., said") skipped between a source and its cue.
MAX_PAREN = 30

_PUNCT_STOP = frozenset(',;:()[]{}"“”‘’«»—–―|!?…/')
_OPEN_QUOTES = frozenset("\"“‘'«")
_CLOSE_QUOTES = frozenset("\"”’'»")
_TIME_WORDS = (
    WEEKDAYS
    | MONTHS
    | words(
        """
        on last this week month year night morning afternoon evening earlier later today
        yesterday tonight weekend then previously once twice recently in early late
        """
    )
)
_QUALIFIERS = words(
    """
    in a an the statement interview press release conference on twitter x facebook
    television tv radio email emailed post posted by phone telephone friday monday tuesday
    wednesday thursday saturday sunday at rally speech briefing news hearing told reporters
    separately also earlier later recently last this week night morning afternoon evening
    today yesterday written joint his her their its to with during after when asked
    """
)
_LABEL_STOPS = words(
    """
    update updated note editor editors photo photos video watch read related source sources
    correction advertisement warning breaking exclusive opinion analysis q a see more also
    listen subscribe credit image images caption here this that the why how what when where
    who tags topics share posted published transcript full live latest bottom question
    answer example summary background context part chapter step tip fact claim verdict
    rating ruling
    """
)
_RELATIVE = frozenset({"who", "which"})
_PARTICIPLE_ENDINGS = tuple(
    words(
        """
        ed told said wrote written found thought known shown heard felt learned sought
        understood seen spoken
        """
    )
)
#: Whether to fall back on "subject + verb" for sentences with no cue.
FALLBACK = True
_INTRO_WORDS = words(
    """
    in on at after before during since as when while last this earlier later meanwhile still
    but and yet however instead for with without despite although though if because speaking
    asked like unlike by from under over through
    """
)
_IRREGULAR_PAST = words(
    """
    said told wrote made took gave went came saw knew thought brought found held kept left
    met ran sent spent spoke stood won lost paid put set led felt began became chose drew
    drove fought forgot got grew hid hit hung laid meant read rose sought sold shot sang sat
    struck swore taught threw understood withdrew wore broke built bought caught cut did had
    heard let quit shut split spread upheld overturned
    """
)
#: Words after a cue form that show it is a noun ("support was", "claims as").
_NOUN_FOLLOWERS = words("is was are were has have had") | MODALS
#: Reporting-verb forms that are also source nouns ("the report says").
_NOUN_VERBS = (DOCUMENT_HEADS | ANONYMOUS_HEADS) - {"one", "some", "many"}
#: Participles kept in a source NP ("two people briefed on the talks").
_KEEP_PARTICIPLES = words("briefed unnamed informed involved concerned")
_PARTICIPLE_OBJECTS = words("by from in on at last this earlier")
_CONJ_SKIP = words("and but while whereas though although yet as")
#: Conjunctions that join two predicates of one subject ("X said ... and called ...").
_COORDINATORS = words("and but yet")
#: Words between such a conjunction and its verb ("and then called", "but has also said").
_COORD_ADVERBS = words("also then later has have had again repeatedly even still publicly")
_NEGATIONS = words("not never n't")
#: Words that open reported content after a weak cue.
_CONTENT_OPENERS = words("that what why how whether")
#: A pronoun fused with "be" ("He's claiming ...").
_BE_CONTRACTIONS = words(
    "he's she's it's they're we're i'm you're he’s she’s it’s they’re we’re i’m you’re"
)
#: Quantifiers that stand alone as a subject ("Some believe ...").
_BARE_QUANTIFIERS = words("some many most few several")
#: Nouns ending in -ly, not adverbs ("a lawyer for the family said").
_LY_NOUNS = words("family families ally rally assembly supply monopoly anomaly bully folly italy")
#: Words between the comma and a speaker's participle (", not even needing to ...").
_PARTICIPLE_ADVERBS = words("not never even further also then later again still once now")
#: -ing words that are not verbs of the speaker (", she said, including ...").
_NOT_PARTICIPLES = words(
    """
    including according regarding concerning following during notwithstanding pending
    nothing something anything everything morning evening thing things king spring string
    bring sing ring wing
    """
)
#: Tokens between a trailing cue and the comma before the speaker's participle
#: ("told the crowd Friday, reciting ...").
_SPEAKER_GAP = 6


def _by_author(toks: Sequence[Token], src: tuple[int, int]) -> tuple[int, int]:
    """Widen "researchers at X" to "a study by researchers at X" when a document heads it."""
    a = src[0]
    if a < 2 or toks[a - 1].low != "by":
        return src
    prior = np_back(toks, a - 2)
    if prior is None or _head(toks, prior).low not in DOCUMENT_HEADS:
        return src
    return (prior[0], src[1])


def _tense(form: str) -> str:
    """Rough tense class of a verb form: "ing", "s" (3rd singular), "past" or "base"."""
    lemma = SUBJECT_VERBS.get(form, form)
    if form.endswith("ing"):
        return "ing"
    if form == lemma:
        return "base"
    if form.endswith("s") and not form.endswith("ss"):
        return "s"
    return "past"


@dataclass
class Attribution:
    """One attribution found in a sentence (offsets are absolute)."""

    cue: str
    cue_start: int
    cue_end: int
    cue_index: int  # token index of the (first) cue token
    lemma: str
    src: tuple[int, int] | None  # token index range [a, b) of the source mention
    trailing: bool  # content stands before the cue (", X said.")
    kind: str = "verb"  # verb | prep | citing | participle | label | dash
    recipient: OutletMention | None = None  # outlet the source spoke to
    recipient_np: tuple[int, int] | None = None  # token range of a non-outlet recipient
    merged: list[Attribution] = field(default_factory=list)
    shared: bool = False  # the source mention belongs to the previous clause
    name: tuple[int, int] | None = None  # the name inside an appositive source span
    appos: tuple[int, int] | None = None  # the description beside the name ("the mayor")

    @classmethod
    def at(
        cls,
        toks: Sequence[Token],
        i: int,
        *,
        lemma: str,
        src: tuple[int, int] | None,
        kind: str,
        trailing: bool = False,
    ) -> Attribution:
        """An attribution whose cue is the single token ``toks[i]``."""
        t = toks[i]
        return cls(t.text, t.start, t.end, i, lemma, src, trailing, kind)

    @property
    def region(self) -> tuple[int, int]:
        """Token range covered by source and cue together."""
        lo, hi = self.cue_index, self.cue_index + 1
        if self.src is not None and not self.shared:
            lo, hi = min(lo, self.src[0]), max(hi, self.src[1])
        return lo, hi


def _base(word: str) -> str:
    """A word without a possessive ending."""
    for suf in ("'s", "’s"):
        if word.endswith(suf):
            return word[: -len(suf)]
    return word


def _is_punct(t: Token) -> bool:
    return not t.is_word


def _stops(t: Token, k: int) -> bool:
    """Whether a token ends an NP walk (capitalised "US" is a name, "us" is not)."""
    return t.low in NP_STOPS and not t.text.isupper()


def np_back(toks: Sequence[Token], j: int, stop_at: int = 0) -> tuple[int, int] | None:
    """Collect the NP ending at token ``j`` (inclusive) walking left; return [a, b)."""
    if j < stop_at or j < 0:
        return None
    t = toks[j]
    if t.text == ")":
        # "Rep. Jane Doe (D-Ohio) said": the bracket belongs to the name.
        k = j - 1
        while k > max(stop_at, j - 8) and toks[k].text != "(":
            k -= 1
        if toks[k].text != "(" or k - 1 < stop_at or toks[k - 1].text == ")":
            return None
        inner = np_back(toks, k - 1, stop_at)
        return (inner[0], j + 1) if inner is not None else None
    if not t.is_word or t.low in NP_LINKS:
        return None
    low = t.low
    if low in PERSONAL_PRONOUNS or low in _RELATIVE:
        return (j, j + 1)
    # "a mother of three": a number after "of" ends the NP.
    counted = low in NUMBER_WORDS and j >= 2 and toks[j - 1].low == "of" and toks[j - 2].is_word
    # "Some believe ...", "..., many argue": a bare quantifier standing as the subject.
    if low in _BARE_QUANTIFIERS and (
        j == stop_at or not toks[j - 1].is_word or toks[j - 1].low in {"and", "but", "while"}
    ):
        return (j, j + 1)
    if _stops(t, j) or (
        low in DETERMINERS and low not in {"one", "all", "both", "others"} and not counted
    ):
        return None
    if low in REPORTING_VERBS and not t.is_cap and low not in _NOUN_VERBS:
        return None
    a = j
    k = j - 1
    limit = max(stop_at, j - MAX_NP + 1)
    while k >= limit:
        tk = toks[k]
        lk = tk.low
        if not tk.is_word:
            if tk.text in {"&", "-", "'", "’", "."} and k > limit:
                k -= 1
                continue
            break
        if lk in NP_LINKS:
            # a link must have an NP on its left ("spokesman for X")
            if k - 1 < limit or not toks[k - 1].is_word or toks[k - 1].low in NP_STOPS:
                break
            k -= 1
            continue
        if (
            lk == "by"
            and k - 2 >= limit
            and (toks[k - 1].low.endswith("ed") or toks[k - 1].low in _IRREGULAR_PAST)
            and not toks[k - 1].is_cap
            and toks[k - 2].is_word
            and toks[k - 2].low not in NP_STOPS
            and not toks[k - 2].is_cap
            and toks[k - 2].low not in PERSONAL_PRONOUNS
        ):
            # "a consultant hired by the city": a participle modifier inside the NP
            a = k - 2
            k -= 3
            continue
        if _stops(tk, k) or (lk in PERSONAL_PRONOUNS and lk != "i" and not tk.is_cap):
            break
        if lk in REPORTING_VERBS and not tk.is_cap and lk not in _NOUN_VERBS:
            break
        if (
            lk.endswith("ed")
            and not tk.is_cap
            and k > limit
            and (toks[k - 1].is_cap or toks[k - 1].low in PERSONAL_PRONOUNS)
            and toks[k - 1].low not in DETERMINERS
        ):
            break  # "Clinton enjoyed tremendous support": a clause, not an NP
        if lk in SENTENCE_ADVERBS and (k == 0 or (k == 1 and toks[0].text in _OPEN_QUOTES)):
            break
        a = k
        k -= 1
    # Trim links and sentence adverbs off the left edge.
    while a <= j and (toks[a].low in NP_LINKS or not toks[a].is_word):
        a += 1
    while a <= j and toks[a].low in SENTENCE_ADVERBS and toks[a].low not in DETERMINERS:
        a += 1
    if a > j:
        return None
    return (a, j + 1)


def _np_forward(toks: Sequence[Token], i: int, limit: int = MAX_NP) -> tuple[int, int] | None:
    """Collect the NP starting at token ``i`` walking right; return [a, b)."""
    n = len(toks)
    if i >= n or not toks[i].is_word:
        return None
    low = toks[i].low
    if low in PERSONAL_PRONOUNS or low in {"him", "her", "them", "us", "me"}:
        return (i, i + 1)
    if low in NP_STOPS and low not in {"it"}:
        return None
    b = i
    k = i
    end = min(n, i + limit)
    while k < end:
        tk = toks[k]
        lk = tk.low
        if not tk.is_word:
            if tk.text in {"&", "-", "'", "’"} and k + 1 < end and toks[k + 1].is_word:
                k += 1
                continue
            break
        if lk in NP_LINKS:
            if k + 1 >= end or not toks[k + 1].is_word or toks[k + 1].low in NP_STOPS:
                break
            k += 1
            continue
        if k > i and (lk in NP_STOPS or (lk in STRONG_FORMS and not tk.is_cap)):
            break
        if (
            k > i + 1
            and not tk.is_cap
            and lk.endswith("ed")
            and lk not in _KEEP_PARTICIPLES
            and toks[k - 1].is_word
            and toks[k - 1].low not in DETERMINERS
            and k + 1 < end
            and toks[k + 1].low in _PARTICIPLE_OBJECTS
        ):
            break  # "city records obtained by X": the participle clause is not the NP
        b = k + 1
        k += 1
    while b > i + 1 and toks[b - 1].low in NP_LINKS | DETERMINERS:
        b -= 1
    return (i, b) if b > i else None


def _with_relative(toks: Sequence[Token], np: tuple[int, int]) -> tuple[int, int]:
    """Extend "two people" to "two people who attended the meeting" when a comma closes it."""
    a, b = np
    n = len(toks)
    if b >= n or toks[b].low != "who" or toks[b - 1].low not in ANONYMOUS_HEADS:
        return np
    for k in range(b + 1, min(n, b + MAX_NP)):
        tx = toks[k].text
        if tx in {",", ";", ")", "—", "–"}:
            return (a, k) if k > b + 1 else np
        if toks[k].low == "that" or tx in _OPEN_QUOTES:
            return np
    return np


def _head(toks: Sequence[Token], np: tuple[int, int]) -> Token:
    """The head token of an NP: the last token before a link word."""
    a, b = np
    if toks[b - 1].text == ")":  # "Jane Doe (D-Ohio)"
        k = b - 1
        while k > a and toks[k].text != "(":
            k -= 1
        if k > a:
            b = k
    for k in range(a + 1, b):
        low = toks[k].low
        if low in {"of", "for", "at", "with", "from", "in", "on", "who", "to", "by"} or (
            (low.endswith("ed") or low in _IRREGULAR_PAST) and not toks[k].is_cap and k > a + 1
        ):
            return toks[k - 1]
    return toks[b - 1]


def _looks_like_source(toks: Sequence[Token], np: tuple[int, int], reg: OutletRegistry) -> bool:
    """Whether an NP can be a weak cue's source: pronoun, name or source noun."""
    head = _head(toks, np)
    hl = head.low.rstrip("'’s") if head.low.endswith(("'s", "’s")) else head.low
    if hl in PERSONAL_PRONOUNS or hl in _RELATIVE:
        return True
    if head.is_cap:
        return True
    return (
        hl in ANONYMOUS_HEADS
        or hl in OFFICIAL_TITLES
        or hl in DOCUMENT_HEADS
        or hl in GOVERNMENT_HEADS
        or hl in ORGANIZATION_HEADS
        or hl in OUTLET_NOUNS
        or hl.endswith(_AGENT_SUFFIXES)
        or hl in _SHARE_HEADS
    )


#: Heads of poll shares that answer for respondents ("Twelve percent indicated that ...").
_SHARE_HEADS = words("percent per-cent")
#: Endings of nouns for people ("spokesman", "analyst", "lawmakers").
_AGENT_SUFFIXES = tuple(words("man woman person people ist ists er ers ant ants ian ians"))
_APPOS_TITLES = words("dr. dr mr. mrs. ms. prof. prof sir dame")
#: Parentheticals that are not appositions: ", however, said".
_ASIDES = words(
    """
    however meanwhile too though instead moreover separately nonetheless nevertheless also
    likewise similarly again then later earlier today yesterday in for on at by after before
    when speaking asked who which whose whom once now
    """
)


def _apposition(
    toks: Sequence[Token], desc: tuple[int, int], a: int, b: int
) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """For "DESC, INNER, said": (name range, description range) of the apposition.

    "Kestrel's chief medical officer, Dr. Amara Liu," gives the name (Amara Liu
    is the source) and the description (it types her); "Owen Brask, the city's
    utilities director," gives only the description.
    """
    if a >= b or b - a > 8 or toks[a].low in _ASIDES:
        return None, None
    inner = toks[a:b]
    words = [t for t in inner if t.is_word]
    named = (
        bool(words)
        and len(words) <= 5
        and all(
            t.is_cap or t.low in {"de", "van", "von", "al", "bin", "la", "le", "del", "da"}
            for t in words
        )
        and sum(1 for t in words if t.low not in _APPOS_TITLES) >= 1
        and all(t.is_word or t.text in {".", "-", "'", "’"} for t in inner)
    )
    head = _head(toks, desc)
    if (
        named
        and not head.is_cap
        and len(words) - sum(1 for t in words if t.low in _APPOS_TITLES) >= 2
    ):
        return (a, b), desc
    if toks[a].low in {"the", "a", "an", "its", "his", "her", "their"} or (
        toks[a].is_cap and toks[a].low.endswith(("'s", "’s"))
    ):
        return None, (a, b)
    return None, None


#: Stance adjectives after "be": "X has been critical of", "X was coy about".
_STANCE_ADJECTIVES = words(
    """
    critical skeptical sceptical supportive opposed coy worried concerned confident adamant
    optimistic pessimistic doubtful wary unhappy angry furious upset frustrated proud clear
    vocal firm emphatic dismissive silent quiet unequivocal careful cautious hopeful eager
    reluctant willing unwilling open passionate sure certain convinced aware disappointed
    pleased
    """
)
#: Degree adverbs before a stance adjective ("deeply critical of").
_DEGREE_WORDS = words("very more less increasingly deeply too so openly highly most quite")
#: Nouns of stance after "a" ("a critic of", "a supporter of").
_STANCE_NOUNS = words("critic supporter opponent proponent champion skeptic advocate fan defender")
_STANCE_PREPS = words("about of that to on with toward towards in over at")
#: Phrasal stance verbs: base -> the particles that make them one ("doubled down on").
_PHRASAL_STANCE = {
    "double": ("down",),
    "lash": ("out",),
    "weigh": ("in",),
    "hit": ("back", "out"),
    "push": ("back",),
    "speak": ("out", "up"),
    "take": ("aim", "issue"),
    "go": ("after",),
    "make": ("the case", "clear", "a case"),
    "sound": ("the alarm",),
    "pile": ("on",),
    "come": ("out",),
    "fire": ("back",),
    "sign": ("off",),
    "open": ("up",),
}
_PHRASAL_FORMS = {
    form: base
    for base, forms in {
        "double": ("doubled", "doubles", "doubling", "double"),
        "lash": ("lashed", "lashes", "lashing"),
        "weigh": ("weighed", "weighs", "weighing"),
        "hit": ("hit", "hits", "hitting"),
        "push": ("pushed", "pushes", "pushing"),
        "speak": ("spoke", "speaks", "speaking", "spoken"),
        "take": ("took", "takes", "taking", "taken"),
        "go": ("went", "goes", "going", "gone"),
        "make": ("made", "makes", "making"),
        "sound": ("sounded", "sounds", "sounding"),
        "pile": ("piled", "piles", "piling"),
        "come": ("came", "comes", "coming"),
        "fire": ("fired", "fires", "firing"),
        "sign": ("signed", "signs", "signing"),
        "open": ("opened", "opens", "opening"),
    }.items()
    for form in forms
}


def self_text(toks: Sequence[Token], a: int, b: int) -> str:
    """The words toks[a:b] as written (a cue phrase)."""
    return join_tokens(toks[a:b])


def _stance_phrase(toks: Sequence[Token], k: int, after_be: bool) -> int | None:
    """End index of a stance phrase at ``k``: "critical of", "doubling down on"."""
    n = len(toks)
    low = toks[k].low
    if after_be:
        j = k
        while j < n and toks[j].low in _DEGREE_WORDS:
            j += 1
        if (
            j < n
            and toks[j].low in _STANCE_ADJECTIVES
            and j + 1 < n
            and toks[j + 1].low in _STANCE_PREPS
        ):
            return j + 2
        if (
            j + 1 < n
            and toks[j].low in {"a", "an"}
            and toks[j + 1].low in _STANCE_NOUNS
            and j + 2 < n
            and toks[j + 2].low == "of"
        ):
            return j + 3
    base = _PHRASAL_FORMS.get(low)
    if base is None:
        return None
    if (
        base in {"go", "make", "come", "open", "sign", "take", "speak"}
        and after_be
        and not low.endswith("ing")
    ):
        return None
    for part in _PHRASAL_STANCE[base]:
        particles = part.split()
        if [t.low for t in toks[k + 1 : k + 1 + len(particles)]] == particles:
            end = k + 1 + len(particles)
            if end < n and toks[end].low in _STANCE_PREPS | {"for", "against", "at"}:
                end += 1
            return end
    return None


def _skip_back_aux(toks: Sequence[Token], j: int) -> tuple[int, bool]:
    """Skip auxiliaries, adverbs and time phrases left of a cue; report passive."""
    passive = False
    k = j
    steps = 0
    while k >= 0 and steps < 8:
        low = toks[k].low
        if low in BE_FORMS:
            passive = True
            k -= 1
            steps += 1
            continue
        if (
            low in AUXILIARIES
            or (low in _TIME_WORDS and not toks[k].is_cap)
            or (toks[k].is_cap and low in WEEKDAYS | MONTHS)
            or (low.isdigit() and k > 0 and toks[k - 1].low in MONTHS)
        ):
            k -= 1
            steps += 1
            continue
        if low.isdigit() and k > 0 and toks[k - 1].low in {"in", "since", "by", "on"}:
            k -= 2
            steps += 2
            continue
        if (
            low.endswith("ly")
            and len(low) > 4
            and not toks[k].is_cap
            and steps < 3
            and low not in _LY_NOUNS
            and not (
                k > 0 and (toks[k - 1].low in DETERMINERS or toks[k - 1].low.endswith(("'s", "’s")))
            )
        ):
            k -= 1
            steps += 1
            continue
        break
    return k, passive


def _after_cue_ok(toks: Sequence[Token], i: int) -> bool:
    """Whether what follows a weak cue marks reported content."""
    n = len(toks)
    k = i
    while k < n and toks[k].low in {"in", "a", "an", "statement", "interview", "on", "that"}:
        if toks[k].low == "that":
            return True
        k += 1
    if k >= n:
        return True
    t = toks[k].text
    # An indirect question is reported content too ("questioned why ...").
    return t in _OPEN_QUOTES or t in {":", ",", ".", ";"} or toks[k].low in _CONTENT_OPENERS


def _progressive(toks: Sequence[Token], i: int) -> bool:
    """Whether the -ing form at ``i`` follows a form of "be" ("is stressing")."""
    k = i - 1
    while k >= 0 and i - k <= 3:
        low = toks[k].low
        if low in BE_FORMS or low in BE_CONTRACTIONS:
            return True
        if low not in AUXILIARIES:
            return False
        k -= 1
    return False


def _content_before(toks: Sequence[Token], k: int) -> bool:
    """Whether the cue ending before token ``k`` closes its clause (", X said.")."""
    n = len(toks)
    end = min(n, k + 12)
    while k < end:
        t = toks[k]
        if not t.is_word:
            return t.text in {",", ".", ";", "!", "?", ")", "—", "–", "…"} or (
                t.text in _CLOSE_QUOTES and k + 1 >= n
            )
        if t.low == "that" or (t.low in REPORTING_VERBS and t.low != "reporters"):
            return False
        if t.low not in _QUALIFIERS and not t.is_cap and not t.low.isdigit():
            return False
        k += 1
    return k >= n


def _parenthetical_start(toks: Sequence[Token], comma: int) -> int | None:
    """For a comma right before a cue, find the opening comma of ", who ...,"."""
    lo = max(0, comma - MAX_PAREN)
    k = comma - 1
    depth = 0
    while k > lo:
        tx = toks[k].text
        if tx in {")", "]"}:
            depth += 1
        elif tx in {"(", "["}:
            depth -= 1
        elif tx in {",", "—", "–"} and depth == 0:
            if toks[comma].text in {",", "—", "–"} and k + 1 < comma and tx == toks[comma].text:
                return k
            return None
        elif tx in {";", ":", "“", "”", '"'}:
            return None
        k -= 1
    return None


def _double_hyphen_start(toks: Sequence[Token], j: int) -> int | None:
    """For "X -- the mayor's aide -- said": the first "-" of the opening "--".

    ``j`` is the second hyphen of the closing pair.  A hyphen pair set off by spaces
    is a dash typed as two hyphens; the aside between them is bounded like a
    parenthetical.
    """
    if j < 2 or toks[j - 1].text != "-" or toks[j - 1].end != toks[j].start:
        return None
    k = j - 3
    lo = max(0, j - MAX_PAREN)
    while k > lo:
        tx = toks[k].text
        if tx == "-" and toks[k + 1].text == "-" and toks[k].end == toks[k + 1].start:
            return k if k + 2 < j - 1 else None
        if tx in {";", ":", "“", "”", '"', "—", "–"}:
            return None
        k -= 1
    return None


def _speaker_participle(toks: Sequence[Token], i: int, p: Attribution) -> Attribution | None:
    """A participle phrase on a trailing speaker: '"...," X said, summing up ...'.

    Once the content stands before the cue, a comma-set -ing phrase right after the
    speaker and cue (and any recipient or time words) describes what the speaker
    did: a clause of its own with the same source.
    """
    low = toks[i].low
    if len(low) < 6 or low in _NOT_PARTICIPLES or p.src is None:
        return None
    if p.kind not in {"verb", "subject"}:
        return None
    # The quoted content must end right before the speaker: after a bare ", he said,"
    # the content may resume ("..., he said, replacing her would be ...").
    q = p.region[0] - 1
    if q >= 0 and toks[q].text in {",", "."}:
        q -= 1
    if q < 0 or toks[q].text not in _CLOSE_QUOTES:
        return None
    k = i - 1
    while (
        k > 0 and i - k <= 2 and (toks[k].low in _PARTICIPLE_ADVERBS or toks[k].low.endswith("ly"))
    ):
        k -= 1
    if k <= 0 or toks[k].text != ",":
        return None
    end = p.region[1]
    if k < end or k - end > _SPEAKER_GAP:
        return None
    if any(not toks[x].is_word or toks[x].low == "that" for x in range(end, k)):
        return None
    return Attribution.at(
        toks,
        i,
        lemma=low,
        src=None,
        trailing=False,
        kind="participle",
    )


def _after_intro(toks: Sequence[Token], limit: int) -> int:
    """Where the subject starts, past an introductory phrase and a comma-set adverb.

    "In an August speech, ...", "On Thursday, however, ...": the phrase opens with
    a preposition or conjunction and ends at the first comma.
    """
    start = 0
    for k in range(min(limit, 14)):
        if toks[k].text == "," and k > 0:
            if toks[0].is_word and toks[0].low in _INTRO_WORDS:
                start = k + 1
            break
    if (
        start
        and start + 1 < limit
        and toks[start].low in SENTENCE_ADVERBS | {"however"}
        and toks[start + 1].text == ","
    ):
        start += 2
    return start


def _intro_participle(
    toks: Sequence[Token], kept: list[Attribution], quoted: Sequence[bool]
) -> list[Attribution]:
    """An opening speech participle: "Lamenting the delay, X said ...".

    The participle's understood subject is the main clause's subject, so the
    phrase is a clause of its own by that source.  Only cue participles count:
    "Speaking to reporters," or "Heading into the debate," set the scene.
    """
    a = kept[0]
    src = a.src
    if src is None or a.shared or a.trailing or a.kind not in {"verb", "subject"}:
        return kept
    c = src[0] - 1
    if c < 2 or c > MAX_PAREN or toks[c].text != "," or a.cue_index < src[0]:
        return kept
    k = 1 if toks[0].text in _OPEN_QUOTES else 0
    t = toks[k]
    low = t.low
    if (
        quoted[k]
        or not t.is_cap
        or not low.endswith("ing")
        or not (low in REPORTING_VERBS or low in PARTICIPLES)
        or any(toks[x].text in {",", ";", ":"} for x in range(k + 1, c))
    ):
        return kept
    intro = Attribution(
        cue=t.text,
        cue_start=t.start,
        cue_end=t.end,
        cue_index=k,
        lemma=REPORTING_VERBS.get(low, low),
        src=src,
        trailing=False,
        kind="participle",
        shared=True,
        name=a.name,
        appos=a.appos,
    )
    return [intro, *kept]


def _relatives(
    toks: Sequence[Token], kept: list[Attribution], quoted: Sequence[bool]
) -> list[Attribution]:
    """Split off a relative clause on a person: "X, who has long argued ..., said ...".

    The relative pronoun is the subject of its own clause; when that clause's verb
    is a cue, it is an attribution of its own (its source mention is "who"), and
    the main cue keeps the name, whose mention now belongs to the previous clause.
    """
    out: list[Attribution] = []
    for a in kept:
        src = a.src
        if (
            a.kind in {"verb", "subject"}
            and src is not None
            and not a.shared
            and src[1] + 2 < a.cue_index
            and toks[src[1]].text == ","
            and toks[src[1] + 1].low == "who"
            and not (out and out[-1].cue_index > src[1])
        ):
            k = src[1] + 2
            while (
                k < a.cue_index
                and k - src[1] <= 4
                and (
                    toks[k].low in AUXILIARIES
                    or toks[k].low in _COORD_ADVERBS
                    or toks[k].low.endswith("ly")
                )
            ):
                k += 1
            t = toks[k]
            if (
                k < a.cue_index
                and not quoted[k]
                and not t.is_cap
                and t.low in SUBJECT_VERBS
                and not t.low.endswith("ing")
                and any(toks[x].text == "," for x in range(k + 1, a.cue_index))
            ):
                out.append(
                    Attribution(
                        cue=t.text,
                        cue_start=t.start,
                        cue_end=t.end,
                        cue_index=k,
                        lemma=SUBJECT_VERBS[t.low],
                        src=(src[1] + 1, src[1] + 2),
                        trailing=False,
                    )
                )
                a.shared = True
        out.append(a)
    return out


def _headline_subject(toks: Sequence[Token], att: Attribution) -> bool:
    """Whether a title-case cue has a headline's subject: "Mayor Says", not "for Mental Issues"."""
    src = att.src
    cue = toks[att.cue_index]
    if src is None or toks[src[0]].low.endswith("ing"):
        return False
    # headlines report in the present ("Says", "Vows") and go on after the cue
    if _tense(cue.low) != "s" or att.cue_index + 2 >= len(toks):
        return False
    return src[0] == 0 or not toks[src[0] - 1].is_word


#: Nouns naming a speech act or stance, after a possessive: "X's claim that".
_SPEECH_NOUNS = words(
    """
    claim claims comment comments remark remarks statement assertion argument arguments
    acknowledgment acknowledgement admission conclusion promise promises pledge threat
    refusal insistence denial warning warnings criticism accusation accusations allegation
    allegations suggestion suggestions contention view views complaint complaints
    """
)
_POSSESSIVES = words("his her their")


class SentenceAnalyzer:
    """Finds attributions in the tokens of one sentence."""

    def __init__(self, registry: OutletRegistry) -> None:
        self.registry = registry

    def find(
        self, toks: Sequence[Token], para_start: bool, quoted: Sequence[bool] = ()
    ) -> list[Attribution]:
        """All attributions in a sentence, in cue order, nested ones removed.

        ``quoted`` marks tokens inside quotation marks: cues there are part of
        someone's quoted words, not attributions of this sentence.
        """
        found: list[Attribution] = []
        n = len(toks)
        quoted = list(quoted) or [False] * n
        ws = [t for t in toks if t.is_word and len(t.text) > 3]
        # A headline in title case ("Mayor Says Bridge Will Reopen"): capitals are no sign
        # of a name, so capitalised cue words count.
        title = len(ws) >= 3 and all(t.is_cap for t in ws)
        label = self._speaker_label(toks, para_start)
        if label is not None:
            found.append(label)
        i = 0
        while i < n:
            t = toks[i]
            low = t.low
            att: Attribution | None = None
            if quoted[i]:
                i += 1
                continue
            if low == "according" and i + 1 < n and toks[i + 1].low == "to":
                att = self._prep(toks, i, i + 2, "according to")
            elif (
                i + 1 < n
                and toks[i + 1].low in _SPEECH_NOUNS
                and (low.endswith(("'s", "’s")) or low in _POSSESSIVES)
                and not quoted[i + 1]
            ):
                att = self._possessive(toks, i)
            elif low == "per" and i + 1 < n and not (t.is_cap and i > 0 and not title):
                att = self._per(toks, i)
            elif low == "citing":
                att = self._prep(toks, i, i + 1, "citing", kind="citing")
            elif t.text in {"―", "—"} and i > 0 and toks[i - 1].text in _CLOSE_QUOTES:
                att = self._dash(toks, i)
            elif low in REPORTING_VERBS and not (t.is_cap and i > 0 and not title):
                att = self._verb(toks, i)
                if att is not None and t.is_cap and i > 0 and not _headline_subject(toks, att):
                    att = None
            elif found and low.endswith("ing") and low not in REPORTING_VERBS and not t.is_cap:
                att = _speaker_participle(toks, i, found[-1])
            if att is not None:
                found.append(att)
                i = max(i + 1, att.region[1] if att.kind != "verb" else i + 1)
                continue
            i += 1
        if FALLBACK and found and found[0].kind == "participle":
            # "X implored her to act, arguing that ...": the participle shares the
            # subject's clause, which is an attribution of its own.  So does a past
            # verb the coordinated cue joins ("X exhorted them to vote and said ...").
            k = found[0].cue_index - 1
            while k > 0 and toks[k].low in _COORD_ADVERBS:
                k -= 1
            joined = toks[k].low in _COORDINATORS and _tense(toks[found[0].cue_index].low) == "past"
            if joined or all(a.kind == "participle" for a in found):
                comma = toks[found[0].cue_index].low.endswith("ing") and toks[k].text == ","
                sv = self._subject_verb(toks, quoted, any_past=joined or comma)
                if sv is not None and sv.cue_index < found[0].cue_index:
                    found.insert(0, sv)
        kept = self._prune(toks, found)
        if not kept and FALLBACK:
            sv = self._subject_verb(toks, quoted)
            if sv is not None:
                kept.append(sv)
        if kept:
            kept = self._coordinated(toks, kept, quoted)
            kept = _relatives(toks, kept, quoted)
            kept = _intro_participle(toks, kept, quoted)
        return kept

    def _coordinated(
        self, toks: Sequence[Token], kept: list[Attribution], quoted: Sequence[bool]
    ) -> list[Attribution]:
        """Add verbs coordinated with a cue that share its subject.

        "X criticized the deal and called for a vote", "X demands ..., yet refuses
        ...": the second verb, in the same tense as the first, is a clause of its
        own with the first cue's source.  Linear in the sentence length.
        """
        n = len(toks)
        base = sorted(kept, key=lambda a: a.cue_index)
        cues = {a.cue_index for a in base}
        relatives = [0]  # relatives[x]: relative pronouns among toks[:x]
        for t in toks:
            relatives.append(relatives[-1] + (t.low in _RELATIVE))
        added: list[Attribution] = []
        bi = 0
        for i in range(base[0].cue_index + 2, n):
            t = toks[i]
            if quoted[i] or i in cues or t.is_cap or t.low not in SUBJECT_VERBS:
                continue
            k = i - 1
            while k > 0 and toks[k].low in _COORD_ADVERBS:
                k -= 1
            if toks[k].low not in _COORDINATORS:
                continue
            while bi + 1 < len(base) and base[bi + 1].cue_index < k:
                bi += 1
            p = base[bi]
            if added and added[-1].cue_index > p.cue_index:
                p = added[-1]
            nxt = base[bi + 1] if bi + 1 < len(base) else None
            if (
                p.cue_index >= k
                or p.src is None
                or p.kind not in {"verb", "subject", "participle"}
                or p.region[0] <= i < p.region[1]
                or (nxt is not None and nxt.region[0] <= i < nxt.region[1])
                or _tense(toks[p.cue_index].low) not in {"s", "past"}
                or _tense(t.low) != _tense(toks[p.cue_index].low)
                or (k + 1 < i and toks[k + 1].low in _NEGATIONS)
                or relatives[k] > relatives[p.cue_index + 1]
                or (i + 1 < n and toks[i + 1].low == "by")  # passive: "and criticized by"
            ):
                continue
            end = _stance_phrase(toks, i, False) or i + 1
            if end == i + 1 and i + 1 < n and toks[i + 1].low in {"for", "on", "out"}:
                end = i + 2
            added.append(
                Attribution(
                    cue=self_text(toks, i, end),
                    cue_start=t.start,
                    cue_end=toks[end - 1].end,
                    cue_index=i,
                    lemma=SUBJECT_VERBS[t.low],
                    src=p.src,
                    trailing=False,
                    kind="participle",
                    shared=True,
                    name=p.name,
                    appos=p.appos,
                )
            )
        return sorted(base + added, key=lambda a: a.cue_index)

    def _subject_verb(
        self, toks: Sequence[Token], quoted: Sequence[bool], any_past: bool = False
    ) -> Attribution | None:
        """A named or pronoun subject with its verb: "Trump attacked the plan"."""
        n = len(toks)
        start = 0
        start = _after_intro(toks, n)
        if start >= n or quoted[start]:
            return None
        b = start
        while (
            b < n
            and b < start + 8
            and toks[b].is_word
            and not (
                b > start
                and not toks[b].is_cap
                and (
                    toks[b].low in SUBJECT_VERBS
                    or toks[b].low in AUXILIARIES
                    or toks[b].low in _PHRASAL_FORMS
                    or toks[b].low in BE_FORMS
                    or toks[b].low in NP_STOPS
                    or (any_past and toks[b].low.endswith("ed"))
                )
            )
        ):
            b += 1
        if b == start:
            return None
        a = start
        np = (a, b)
        head = _head(toks, np)
        hl = head.low
        pron = b - a == 1 and hl in {"he", "she", "they", "we", "i"}
        if (
            not pron
            and not head.is_cap
            and hl not in ANONYMOUS_HEADS
            and hl not in OFFICIAL_TITLES
            and hl not in DOCUMENT_HEADS
            and hl not in ORGANIZATION_HEADS
            and hl not in GOVERNMENT_HEADS
            and not (hl.endswith(_AGENT_SUFFIXES) and hl.endswith("s"))
        ):
            return None
        first = toks[a].low
        if (
            first in {"it", "there", "this", "that"}
            or first in _INTRO_WORDS
            or (first in NP_STOPS and first not in PERSONAL_PRONOUNS)
            or first.endswith("ing")
        ):
            return None
        k = b
        # appositive / relative clause: ", the senator from Ohio," / ", who ...,"
        if k < n and toks[k].text == ",":
            close = next(
                (x for x in range(k + 1, min(n, k + MAX_PAREN)) if toks[x].text == ","), None
            )
            if close is None:
                return None
            k = close + 1
        steps = 0
        passive = False
        while k < n and steps < 4 and (toks[k].low in AUXILIARIES or toks[k].low in BE_FORMS):
            passive = passive or toks[k].low in BE_FORMS
            k += 1
            steps += 1
        if k >= n:
            return None
        v = toks[k]
        vl = v.low
        if v.is_cap or not v.is_word or vl in NP_STOPS or vl in DETERMINERS:
            return None
        if vl in BE_FORMS:
            return None
        stance = _stance_phrase(toks, k, passive)
        if stance is not None:
            if toks[b - 1].low in DETERMINERS:
                return None
            return Attribution(
                cue=self_text(toks, k, stance),
                cue_start=v.start,
                cue_end=toks[stance - 1].end,
                cue_index=k,
                lemma=vl,
                src=np,
                trailing=False,
                kind="subject",
            )
        if (vl not in SUBJECT_VERBS and not (any_past and steps == 0 and vl.endswith("ed"))) or (
            vl.endswith("ing") and steps == 0
        ):
            return None
        if passive and not vl.endswith("ing"):
            return None  # "The article was published ...": no agent
        if toks[b - 1].low in DETERMINERS:
            return None  # "The reported deal ...": an adjective, not a verb
        return Attribution.at(
            toks,
            k,
            lemma=vl,
            src=np,
            trailing=False,
            kind="subject",
        )

    # -- individual cue shapes ------------------------------------------------

    def _prep(
        self, toks: Sequence[Token], i: int, np_at: int, cue: str, kind: str = "prep"
    ) -> Attribution | None:
        np = _np_forward(toks, np_at)
        if np is None:
            return None
        np = _with_relative(toks, np)
        trailing = i > 0 and toks[i - 1].text in {",", "—", "–", "("}
        return Attribution(
            cue=cue,
            cue_start=toks[i].start,
            cue_end=toks[np_at - 1].end,
            cue_index=i,
            lemma=cue,
            src=np,
            trailing=trailing,
            kind=kind,
        )

    def _possessive(self, toks: Sequence[Token], i: int) -> Attribution | None:
        """A speech act named by a noun: "X's claim that ...", "her admission that"."""
        t = toks[i]
        if t.low in _POSSESSIVES:
            src: tuple[int, int] | None = (i, i + 1)
        else:
            if not t.is_cap:
                return None
            src = np_back(toks, i)
            if src is None or not _looks_like_source(toks, src, self.registry):
                return None
        cue = toks[i + 1]
        if i + 2 >= len(toks) or (
            toks[i + 2].low != "that" and toks[i + 2].text not in _OPEN_QUOTES
        ):
            return None  # "X's comments came ...": a reference, not reported content
        return Attribution.at(
            toks,
            i + 1,
            lemma=cue.low,
            src=src,
            trailing=False,
            kind="possessive",
        )

    def _per(self, toks: Sequence[Token], i: int) -> Attribution | None:
        nxt = toks[i + 1]
        start = i + 1
        if nxt.low in {"the", "a", "an"} and i + 2 < len(toks):
            start = i + 2
        if not toks[start].is_cap:
            return None
        return self._prep(toks, i, i + 1, "per")

    def _dash(self, toks: Sequence[Token], i: int) -> Attribution | None:
        """A quote followed by a dash and a name: “...” ― Jane Doe."""
        k = i + 1
        n = len(toks)
        b = k
        while b < n and b < k + 5 and toks[b].is_cap and toks[b].is_word:
            b += 1
        if b == k:
            return None
        return Attribution.at(
            toks,
            i,
            lemma="dash",
            src=(k, b),
            trailing=True,
            kind="dash",
        )

    def _speaker_label(self, toks: Sequence[Token], para_start: bool) -> Attribution | None:
        """A speaker label at the start of a sentence: "PENCE: ..." or "Poll: ..."."""
        k = 0
        if toks and toks[0].text in _OPEN_QUOTES:
            k = 1
        b = k
        while b < len(toks) and b < k + 4 and toks[b].is_word and toks[b].is_cap:
            b += 1
        if b == k or b >= len(toks) or toks[b].text != ":" or b + 1 >= len(toks):
            return None
        if any(_base(toks[x].low) in _LABEL_STOPS for x in range(k, b)):
            return None
        upper = all(toks[x].text.isupper() for x in range(k, b))
        if not (upper or (para_start and b - k <= 2)):
            return None
        return Attribution.at(
            toks,
            b,
            lemma="label",
            src=(k, b),
            trailing=False,
            kind="label",
        )

    def _verb(self, toks: Sequence[Token], i: int) -> Attribution | None:
        t = toks[i]
        low = t.low
        n = len(toks)
        lemma = REPORTING_VERBS[low]
        prev = toks[i - 1].low if i > 0 else ""
        if prev in {"to", "would-be", "the", "a", "an", "his", "her", "their", "its", "our"}:
            return None  # infinitive ("declined to say") or a noun ("the report")
        progressive = low.endswith("ing") and _progressive(toks, i)
        if low.endswith("ing") and not progressive:
            if (
                (low in PARTICIPLES or low in SUBJECT_VERBS)
                and i > 0
                and toks[i - 1].text in {",", "—", "–"}
            ):
                return Attribution.at(
                    toks,
                    i,
                    lemma=lemma,
                    src=None,
                    trailing=False,
                    kind="participle",
                )
            return None
        if lemma == "point" and not (i + 1 < n and toks[i + 1].low == "out"):
            return None
        if (
            i > 0
            and toks[i - 1].low.endswith(("'s", "’s"))
            and toks[i - 1].low not in {"he's", "she's", "it's", "he’s", "she’s", "it’s"}
        ):
            return None  # "Trump's plan", "the company's report": a noun
        if not low.endswith("ed") and i + 1 < n and toks[i + 1].low in _NOUN_FOLLOWERS:
            return None  # "Republican support was ...": a noun
        if lemma == "call" and not (
            i + 1 < n
            and (
                toks[i + 1].low in {"for", "on"}
                or toks[i + 1].is_cap
                or toks[i + 1].low in {"him", "her", "them", "it", "the"}
            )
        ):
            return None
        cue_end_idx = i
        if lemma == "point":
            cue_end_idx = i + 1
        # Source before the cue.
        j, passive = _skip_back_aux(toks, i - 1)
        if passive and not progressive and low.endswith(_PARTICIPLE_ENDINGS):
            # "is said to", "was told", "were reported": no source in the clause,
            # unless "... by X".
            return None
        src: tuple[int, int] | None = None
        name: tuple[int, int] | None = None
        appos: tuple[int, int] | None = None
        trailing = False
        if j >= 0 and toks[j].low in {"and", "but", "or"} and low in STRONG_FORMS:
            # "X did this and said ...": the source is the clause's subject.
            return Attribution.at(
                toks,
                i,
                lemma=lemma,
                src=None,
                trailing=False,
                kind="participle",
            )
        if j >= 0 and toks[j].text in {",", "—", "–", "-"}:
            pstart, pend, width = _parenthetical_start(toks, j), j, 1
            if toks[j].text == "-":
                pstart, pend, width = _double_hyphen_start(toks, j), j - 1, 2
            if pstart is not None:
                src = np_back(toks, pstart - 1)
                if src is not None:
                    name, appos = _apposition(toks, src, pstart + width, pend)
                    if name is not None:
                        src = (src[0], j)  # the whole "X's officer, Dr. Jane Roe"
                    elif not _looks_like_source(toks, src, self.registry):
                        src, appos = None, None
                if src is not None:
                    trailing = src[0] > 0 and toks[src[0] - 1].text in {",", "”", '"', "’"}
        if src is None:
            src = np_back(toks, j)
            if src is not None:
                src = _by_author(toks, src)
                before = toks[src[0] - 1].text if src[0] > 0 else ""
                trailing = before in {",", "”", '"', "’", "—", "–", "'"} and src[0] > 1
        inverted = False
        if src is None:
            # Inverted: "...,” said Jane Doe, the spokeswoman."
            if i > 0 and toks[i - 1].text in {",", "”", '"', "’", "'", "—", "–"}:
                k = i + 1
                while k < n and toks[k].low in {"also", "later", "then", "previously"}:
                    k += 1
                src = _np_forward(toks, k)
                if src is not None and toks[src[0]].low in PERSONAL_PRONOUNS:
                    src = None
                if src is not None and src[1] - src[0] > 7:
                    src = (src[0], src[0] + 7)
                inverted = src is not None
                trailing = True
            if src is None:
                return None
        if not inverted:
            trailing = _content_before(toks, cue_end_idx + 1)
        strong = low in STRONG_FORMS
        head = _head(toks, src)
        if lemma in STANCE_LEMMAS and not inverted:
            # Stance verbs need a named, titled or pronoun subject right before them:
            # the name may be an apposition ("Her partner, Lars Holm, called ...") or
            # own the head ("Holm's family called on ...").
            if name is not None:
                head = _head(toks, name)
            hl = head.low
            if not (
                head.is_cap
                or hl in {"he", "she", "they", "who", "we", "i"}
                or hl in ANONYMOUS_HEADS
                or hl in OFFICIAL_TITLES
                or (
                    any(
                        x.is_cap and x.low.endswith(("'s", "’s")) for x in toks[src[0] : src[1] - 1]
                    )
                    and (low.endswith("ed") or progressive or toks[i - 1].low in AUXILIARIES)
                )
            ):
                return None
            strong = True
        if not strong:
            ok = (
                trailing
                or inverted
                or _after_cue_ok(toks, cue_end_idx + 1)
                or (lemma in DOCUMENT_LEMMAS and head.low in DOCUMENT_HEADS)
            )
            if not ok or not _looks_like_source(toks, src, self.registry):
                return None
        elif lemma in {"show", "find"} and head.low not in DOCUMENT_HEADS and not trailing:
            return None
        if not inverted and src[0] > 0 and toks[src[0] - 1].low in {"to", "by", "than"}:
            return None  # "according to X said", "sent by X" : the NP is an object
        if src[1] - src[0] == 1 and toks[src[0]].low in {"it"} and lemma in {"add", "note"}:
            return None
        att = Attribution(
            cue=t.text if cue_end_idx == i else f"{t.text} {toks[cue_end_idx].text}",
            cue_start=t.start,
            cue_end=toks[cue_end_idx].end,
            cue_index=i,
            lemma=lemma,
            src=src,
            trailing=trailing,
            name=name,
            appos=appos,
        )
        self._find_recipient(toks, att, i + 1 if not inverted else src[1])
        return att

    def _find_recipient(self, toks: Sequence[Token], att: Attribution, k: int) -> None:
        """Look right of the cue for "told the paper", "in an interview with CNN"."""
        n = len(toks)
        end = min(n, k + 8)
        told = att.lemma == "tell"
        while k < end:
            tk = toks[k]
            if (tk.text in {",", ";", ":"} or tk.low == "that") and not told:
                break
            m = self.registry.match(toks, k)
            if m is None and tk.low == "the":
                m = self.registry.match(toks, k + 1)
            if m is not None:
                before = toks[m.first_token - 1].low if m.first_token > 0 else ""
                if (told and m.first_token == att.cue_index + 1) or before in {
                    "to",
                    "with",
                    "on",
                    "told",
                }:
                    att.recipient = m
                return
            if told and k == att.cue_index + 1:
                np = _np_forward(toks, k, limit=6)
                if np is not None:
                    att.recipient_np = np
                    return
            k += 1

    # -- pruning -------------------------------------------------------------

    def _prune(self, toks: Sequence[Token], found: list[Attribution]) -> list[Attribution]:
        """Drop nested cues, fold participles and "citing" into their main cue."""
        found.sort(key=lambda a: a.cue_index)
        kept: list[Attribution] = []
        for a in found:
            if kept and a.src is not None and kept[-1].src is not None:
                p = kept[-1]
                if a.src[0] < p.region[1] and a.src[1] > p.region[0]:
                    continue  # overlapping mentions: keep the first
            if a.kind == "participle":
                if kept:
                    # ", adding that ..." is a clause of its own with the same source.
                    a.src = kept[-1].src
                    a.shared = True
                    kept.append(a)
                    continue
                if any(b.cue_index > a.cue_index and b.trailing for b in found):
                    continue  # "X did A, hoping B, the paper reported": inside the content
                subj = self._subject(toks, a.cue_index)
                if subj is None:
                    continue
                a.src = subj
                kept.append(a)
                continue
            if a.kind == "citing":
                if kept and a.cue_index - kept[-1].region[1] <= 3:
                    kept[-1].merged.append(a)
                    continue
                if any(b.cue_index > a.cue_index and b.kind != "citing" for b in found):
                    continue  # "Citing X, Y said ...": Y is the source
                kept.append(a)
                continue
            if kept and not self._separate(toks, kept[-1], a):
                p = kept[-1]
                if not (
                    a.src is not None
                    and p.src is not None
                    and p.src[1] - p.src[0] == 1
                    and toks[p.src[0]].low == "who"
                    and a.src[1] == p.src[0] - 1
                    and a.cue_index > p.cue_index
                ):
                    continue
                # "X, who has long opposed it, blasted ...": the main clause after
                # the relative one; the name's mention is in the clause before.
                a.shared = True
            kept.append(a)
        return kept

    def _subject(self, toks: Sequence[Token], limit: int) -> tuple[int, int] | None:
        """The sentence subject (first NP), for ", saying ..." participles."""
        k = _after_intro(toks, limit)
        while k < limit and (not toks[k].is_word or toks[k].low in SENTENCE_ADVERBS):
            k += 1
        if k >= limit:
            return None
        if toks[k].low in PERSONAL_PRONOUNS:
            return (k, k + 1)
        b = k
        while (
            b < limit
            and b < k + 6
            and toks[b].is_word
            and (toks[b].is_cap or toks[b].low in {"the", "of"})
        ):
            b += 1
        if b == k or not toks[b - 1].is_cap:
            return None
        return (k, b)

    def _separate(self, toks: Sequence[Token], p: Attribution, a: Attribution) -> bool:
        """Whether ``a`` is a clause of its own, not nested in ``p``'s content."""
        if p.trailing or p.kind == "label":
            return p.kind != "label"
        start = a.region[0]
        # Leading p: a is nested in p's content unless a clause boundary precedes it.
        k = start - 1
        while k > p.region[1] and toks[k].low in _CONJ_SKIP:
            k -= 1
        # A comma set inside the closing quote ('..., “it is late,” but he said ...').
        if k > p.region[1] + 1 and toks[k].text in _CLOSE_QUOTES and toks[k - 1].text == ",":
            k -= 1
        if k > p.region[1] and toks[k].text in {",", ";", "—", "–", "―"}:
            return True
        return a.kind == "prep" and a.trailing
