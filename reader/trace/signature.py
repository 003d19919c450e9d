"""What decides whether two claims state the same thing: a claim's signature.

A :class:`Signature` holds, for one claim text (and its source), the features the
matcher compares: normalised tokens and word shingles (copies), content stems with
the source's words left out (rewrites), names (capitalised spans) and numbers with
their values normalised ("150,000", "150k", "150 thousand" are one value; "150" and
"15" are not; "60W" is 60), and polarity ("agreed to" vs "refused to", "not",
"denied", with the words of the clauses a negation sits in: what it can be about) plus
opposite words ("rose" vs "fell") so that a claim and its contradiction never match.

Pure functions over the standard library; no Qt, nothing learned, deterministic.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from hashlib import blake2b

#: Longest claim text looked at: a longer one is cut here (a claim is a sentence; a
#: 100 KB "claim" is broken input and must not cost more than this).
MAX_CHARS = 4000


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "‐": "-", "–": "-", "—": "-"})

# a number as written: 150 | 150,000 | 1.5 | .5 | $449K | 12.9bn | 15% (sign/currency
# dropped); a number with a unit or ordinal stuck to it (60W, 10th, 2020s) is the number
# and the unit: "60W" is not "30W", and neither is nothing
_TOKEN = re.compile(
    r"(?P<num>\d+(?:,\d{3})+(?:\.\d+)?|\d*\.\d+|\d+)"
    r"(?:(?P<suf>bn|tn|[kmb])(?![\w])|(?P<unit>[^\W\d_]+)(?![\d])|(?![\w]))"
    r"|(?P<word>[^\W\d_]+(?:'[^\W\d_]+)*)",
    re.IGNORECASE,
)

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}  # fmt: skip
_SUFFIX = {"k": 1_000, "m": 1_000_000, "b": 1_000_000_000, "bn": 1_000_000_000,
           "tn": 1_000_000_000_000}  # fmt: skip

#: Words that make a clause negative; an odd count flips the claim's polarity.
NEGATORS = _words(
    """not no never n't neither nor none nobody nothing refuse refused refuses refusing
    deny denied denies denying reject rejected rejects rejecting fail failed fails
    failing cannot unable unlikely decline declined declines declining"""
)

#: Pairs of opposite words: one side in a claim and the other in its match is a
#: contradiction, not a rewrite.
OPPOSITES: tuple[tuple[frozenset[str], frozenset[str]], ...] = tuple(
    (frozenset(a.split()), frozenset(b.split()))
    for a, b in (
        ("rise rose risen rises rising increase increased increases up higher",
         "fall fell fallen falls falling decrease decreased decreases down lower"),
        ("win won wins winning", "lose lost loses losing"),
        ("approve approved approves approval", "veto vetoed vetoes"),
        ("guilty convicted convict", "innocent acquitted acquit"),
        ("gain gained gains", "loss losses"),
        ("more", "fewer less"),
        ("above over", "below under"),
        ("alive survived", "dead died killed"),
        ("open opened opens reopen reopened", "close closed closes shut"),
        ("hire hired hires hiring", "fire fired fires firing"),
    )
)  # fmt: skip

#: word → "<pair number><side>" for :data:`OPPOSITES`.
_OPPOSITE_OF = {
    w: f"{n}{side}" for n, pair in enumerate(OPPOSITES) for side, ws in enumerate(pair) for w in ws
}

STOPWORDS = (
    _words(
        """a an the and or but if then than that this these those there here of in on at
    to for from by with as into onto about over after before during while since until
    is are was were be been being am has have had having do does did doing will would
    shall should can could may might must it its it's they them their theirs he him his
    she her hers we us our you your i me my who whom whose which what when where why how
    also just so such very too only even still yet already however some any each every
    all both other another more most much many few said says say saying told tell tells
    according reported reports report reporting statement added adds noted notes
    announced announces stated states wrote writes claimed claims spokesman spokeswoman
    spokesperson one monday tuesday wednesday thursday friday saturday sunday week weeks
    year years day days month months within among via per across around through
    immediately ever directly independently publicly yet"""
    )
    - NEGATORS
)

_HONORIFICS = _words("mr mrs ms dr rep sen gov pres gen col lt sgt st jr sr prof rev hon u s")
_LOWER_IN_NAME = _words("of for the de del da von van la le and")


@dataclass(frozen=True, slots=True)
class Signature:
    """The features of one claim that decide sameness (see the module docstring)."""

    tokens: tuple[str, ...]
    shingles: frozenset[str]
    content: frozenset[str]
    core: frozenset[str]
    names: frozenset[str]
    numbers: frozenset[str]
    negated: frozenset[str]
    negated_clauses: frozenset[str]
    opposites: frozenset[str]
    exact: int

    @property
    def anchors(self) -> frozenset[str]:
        """Names and numbers: what a rewording must keep to state the same facts."""
        return self.names | {"#" + n for n in self.numbers}


def fold(text: str) -> str:
    """Unicode-normalise, straighten quotes and dashes, cut to MAX_CHARS."""
    return unicodedata.normalize("NFKC", text[:MAX_CHARS]).translate(_QUOTES)


def number_value(digits: str, suffix: str | None = None) -> str:
    """Canonical value of a written number: ``"150,000"`` and ``"150", "k"`` → ``"150000"``."""
    value = float(digits.replace(",", "")) * _SUFFIX.get((suffix or "").lower(), 1)
    return canonical(value)


def canonical(value: float) -> str:
    """Print a value the same way whatever its spelling: ints plain, others to 6 digits."""
    if value == int(value) and abs(value) < 1e18:
        return str(int(value))
    return f"{value:.6g}"


def stem(word: str) -> str:
    """Crude suffix stripping so "engines"/"engine", "agreed"/"agree" meet, and a
    people's name its place's ("Russians"/"Russia", "Velorian"/"Veloria")."""
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 2 and not word.endswith("ss"):
            word = word[: -len(suffix)]
            break
    if len(word) >= 6 and word.endswith("an"):
        return word[:-1]
    return word.rstrip("e") if len(word) >= 3 else word


def _tokens(text: str) -> tuple[list[str], list[str], list[str | None]]:
    """Lower-cased tokens, their original spellings, and each token's number value."""
    low: list[str] = []
    raw: list[str] = []
    vals: list[str | None] = []
    for m in _TOKEN.finditer(text):
        if m.group("num") is not None:
            val = number_value(m.group("num"), m.group("suf"))
            low.append(val)
            raw.append(m.group(0))
            vals.append(val)
            if unit := m.group("unit"):
                low.append(unit.lower())
                raw.append(unit.lower())  # not a name, whatever its case
                vals.append(None)
            continue
        word = m.group("word")
        lw = word.lower()
        if lw.endswith("n't"):
            low.extend((lw[:-3] or "not", "not"))
            raw.extend((word[:-3], "not"))
            vals.extend((None, None))
            continue
        low.append(lw)
        raw.append(word)
        vals.append(None)
    return _words_to_numbers(low, raw, vals)


def _words_to_numbers(
    low: list[str], raw: list[str], vals: list[str | None]
) -> tuple[list[str], list[str], list[str | None]]:
    """Fold spelled numbers and scales: "fifteen", "1.5 million", "two hundred" → values."""
    out_low: list[str] = []
    out_raw: list[str] = []
    out_vals: list[str | None] = []
    i = 0
    while i < len(low):
        v = vals[i]
        value: float | None = float(v) if v is not None else None
        if low[i] == "half" and i + 2 < len(low) and low[i + 1] == "a" and low[i + 2] in _SCALES:
            value, low[i + 1] = 0.5, "and"  # "half a million": 0.5, then the scale
            low[i + 1 : i + 2] = []
            raw[i + 1 : i + 2] = []
            vals[i + 1 : i + 2] = []
        spelled = value is None and low[i] in _UNITS and low[i] != "one"
        one_of = low[i] == "one" and (
            (i + 1 < len(low) and low[i + 1] in _SCALES)
            or low[i + 1 : i + 4] == ["and", "a", "half"]
        )
        if value is None and not spelled and not one_of:
            out_low.append(low[i])
            out_raw.append(raw[i])
            out_vals.append(None)
            i += 1
            continue
        total, current = 0.0, value if value is not None else float(_UNITS[low[i]])
        j = i + 1
        while j < len(low):
            w = low[j]
            if w in _UNITS and value is None:
                current += _UNITS[w]
            elif w in _SCALES:
                current *= _SCALES[w]
                if _SCALES[w] >= 1000:
                    total, current = total + current, 0.0
            elif w == "and" and low[j + 1 : j + 3] == ["a", "half"]:
                current += 0.5
                j += 2
            elif w == "and" and j + 1 < len(low) and low[j + 1] in _UNITS and value is None:
                pass
            else:
                break
            j += 1
        val = canonical(total + current)
        out_low.append(val)
        out_raw.append(" ".join(raw[i:j]))
        out_vals.append(val)
        i = j
    return out_low, out_raw, out_vals


def _names(raw: list[str], low: list[str]) -> set[str]:
    """Words of capitalised spans (honorifics and sentence-initial function words out)."""
    names: set[str] = set()
    for k, word in enumerate(raw):
        if not word[:1].isupper() or low[k] in _HONORIFICS:
            continue
        if k == 0 and low[k] in STOPWORDS | NEGATORS:
            continue
        if low[k] in STOPWORDS or low[k] in _LOWER_IN_NAME:
            continue
        if len(low[k]) > 1 and not low[k].isdigit():
            names.add(stem(low[k]))
    return names


def _content(low: list[str]) -> frozenset[str]:
    """Content stems: no stopwords, no negators (polarity has them), numbers as ``#v``."""
    return frozenset(
        (("#" + w) if w[:1].isdigit() else stem(w))
        for w in low
        if w not in STOPWORDS and w not in NEGATORS and (len(w) > 1 or w[:1].isdigit())
    )


def _negated(low: list[str]) -> frozenset[str]:
    """The stems a negator governs: the next content word after each ("refused to
    return" → return, "did not intend" → intend, "no comment" → comment)."""
    out = set()
    for k, w in enumerate(low):
        if w not in NEGATORS:
            continue
        for nxt in low[k + 1 : k + 5]:
            if nxt not in STOPWORDS and nxt not in NEGATORS:
                out.add(("#" + nxt) if nxt[:1].isdigit() else stem(nxt))
                break
    return frozenset(out)


#: Where a clause ends: punctuation (not a thousands comma), a spaced dash, and the words
#: that join clauses. A negation reaches no further than its clause.
_CLAUSE_BREAK = re.compile(
    r"[;:()\[\]]|(?<!\d),|,(?!\d)|\s-\s"
    r"|\b(?:and|but|while|whereas|although|though|because|which|who)\b",
    re.IGNORECASE,
)


def _negated_clauses(text: str) -> frozenset[str]:
    """Content stems of the clauses that hold a negator: what a negation can be about.
    "The engines were sent for repair in 2021 and were never returned" negates only
    "returned"; a claim saying nothing about returning does not contradict it."""
    out: set[str] = set()
    open_negation = False  # a negator whose clause had no content word yet ("do not,
    for part in _CLAUSE_BREAK.split(text):  # however, provide ...") reaches the next
        low, _raw, _vals = _tokens(part)
        words = _content(low)
        if open_negation or any(w in NEGATORS for w in low):
            out |= words
            open_negation = not words
    return frozenset(out)


def _source_words(source: str | None) -> frozenset[str]:
    if not source:
        return frozenset()
    low, _raw, _vals = _tokens(fold(source))
    return _content(low)


def _hash64(text: str) -> int:
    return int.from_bytes(blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest())


@lru_cache(maxsize=8192)
def signature(text: str, source: str | None = None) -> Signature:
    """The signature of one claim; ``source`` (as the engine gives it) is left out of
    ``core`` so "…, prosecutors said" and "…, the attorney's office announced" meet."""
    folded = fold(text)
    low, raw, vals = _tokens(folded)
    numbers = frozenset(v for v in vals if v is not None)
    opp = frozenset(_OPPOSITE_OF[w] for w in set(low) if w in _OPPOSITE_OF)
    content = _content(low)
    src = _source_words(source)
    core = content - src
    if len(core) < 0.45 * len(content):  # a long source phrase holds the claim's own words
        core = content
    shingles = frozenset(" ".join(low[k : k + 3]) for k in range(max(1, len(low) - 2))) - {""}
    return Signature(
        tokens=tuple(low),
        shingles=shingles,
        content=content,
        core=core,
        names=frozenset(_names(raw, low)),
        numbers=numbers,
        negated=(negated := _negated(low)),
        negated_clauses=_negated_clauses(folded) if negated else frozenset(),
        opposites=opp,
        exact=_hash64(" ".join(low)),
    )
