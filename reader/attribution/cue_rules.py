"""Token-level cue rules."""

from __future__ import annotations

from collections.abc import Sequence

from reader.attribution.clauses import (
    after_cue_ok,
    carries_content,
    content_before,
    double_hyphen_start,
    is_event,
    parenthetical_start,
    progressive,
    skip_back_aux,
    tense,
)
from reader.attribution.cue import Attribution, CueKind, SentenceView
from reader.attribution.lexicon import (
    ANONYMOUS_HEADS,
    AUXILIARIES,
    BE_FORMS,
    CLAUSE_VERBS,
    CLOSE_QUOTES,
    COUNTRIES,
    DETERMINERS,
    DOCUMENT_HEADS,
    DOCUMENT_LEMMAS,
    IRREGULAR_PAST,
    LABEL_STOPS,
    MONTHS,
    NEGATIONS,
    NOT_PARTICIPLES,
    NOUN_FOLLOWERS,
    NP_KEPT_PARTICIPLES,
    NP_LINKS,
    NP_STOPS,
    OBJECT_MARKERS,
    OFFICIAL_TITLES,
    OPEN_QUOTES,
    PARTICIPLE_ADVERBS,
    PARTICIPLES,
    PASSIVE_PARTICIPLE_ENDINGS,
    PERSONAL_PRONOUNS,
    POSSESSIVE_PRONOUNS,
    REPORTING_VERBS,
    SPEECH_NOUN_LINKS,
    SPEECH_NOUNS,
    STANCE_LEMMAS,
    STRONG_FORMS,
    SUBJECT_VERBS,
    WEEKDAYS,
    words,
)
from reader.attribution.noun_phrases import (
    apposition,
    by_author,
    looks_like_source,
    np_back,
    np_forward,
    np_head,
    with_antecedent,
    with_author,
    with_relative,
)
from reader.attribution.segment import Token, base_word

#: Tokens looked at after "via" for the outlet it names ("via Jane Roe of the Ledger").
VIA_WINDOW = 8
#: Tokens between a trailing cue and the comma before the speaker's participle
#: ("told the crowd Friday, reciting ...").
SPEAKER_GAP = 6


def speaker_participle(s: SentenceView, i: int) -> Attribution | None:
    """A participle phrase on a trailing speaker: '"...," X said, summing up ...'.

    Once the content stands before the cue, a comma-set -ing phrase right after the
    speaker and cue (and any recipient or time words) describes what the speaker
    did: a clause of its own with the same source.
    """
    toks, p = s.toks, s.found[-1]
    low = toks[i].low
    if len(low) < 6 or low in NOT_PARTICIPLES or p.src is None:
        return None
    if p.kind not in {CueKind.VERB, CueKind.SUBJECT}:
        return None
    # The quoted content must end right before the speaker: after a bare ", he said,"
    # the content may resume ("..., he said, replacing her would be ...").
    q = p.region[0] - 1
    if q >= 0 and toks[q].text in {",", "."}:
        q -= 1
    if q < 0 or toks[q].text not in CLOSE_QUOTES:
        return None
    k = i - 1
    while (
        k > 0 and i - k <= 2 and (toks[k].low in PARTICIPLE_ADVERBS or toks[k].low.endswith("ly"))
    ):
        k -= 1
    if k <= 0 or toks[k].text != ",":
        return None
    end = p.region[1]
    if k < end or k - end > SPEAKER_GAP:
        return None
    if any(not toks[x].is_word or toks[x].low == "that" for x in range(end, k)):
        return None
    return Attribution.at(
        toks,
        i,
        lemma=low,
        src=None,
        trailing=False,
        kind=CueKind.PARTICIPLE,
    )


def headline_subject(toks: Sequence[Token], att: Attribution) -> bool:
    """Whether a title-case cue has a headline's subject: "Mayor Says", not "for Mental Issues"."""
    src = att.src
    cue = toks[att.cue_index]
    if src is None or toks[src[0]].low.endswith("ing"):
        return False
    # headlines report in the present ("Says", "Vows") and go on after the cue
    if tense(cue.low) != "s" or att.cue_index + 2 >= len(toks):
        return False
    return src[0] == 0 or not toks[src[0] - 1].is_word


def _prep(
    toks: Sequence[Token], i: int, np_at: int, cue: str, kind: CueKind = CueKind.PREP
) -> Attribution | None:
    """A preposition and the NP after it: "according to X", "per X", "citing X"."""
    np = np_forward(toks, np_at)
    if np is None:
        return None
    np = with_author(toks, with_relative(toks, np))
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


def speech_noun(s: SentenceView, i: int) -> Attribution | None:
    """A speech act named by a noun: "X's claim that ...", "her admission that"."""
    toks = s.toks
    t = toks[i]
    if t.low in POSSESSIVE_PRONOUNS:
        src: tuple[int, int] | None = (i, i + 1)
    else:
        if not t.is_cap:
            return None
        src = np_back(toks, i)
        if src is not None:
            # the owner is the phrase after the last link: "a fact-check on [Trump's] claim"
            links = [x for x in range(src[0], i) if toks[x].low in NP_LINKS]
            if links:
                src = (links[-1] + 1, src[1])
        if src is None or not looks_like_source(toks, src):
            return None
    cue = toks[i + 1]
    if i + 2 >= len(toks) or (
        toks[i + 2].low != "that"
        and toks[i + 2].text not in OPEN_QUOTES
        and toks[i + 2].low not in SPEECH_NOUN_LINKS
    ):
        return None  # "X's comments came ...": a reference, not reported content
    return Attribution.at(
        toks,
        i + 1,
        lemma=cue.low,
        src=src,
        trailing=False,
        kind=CueKind.POSSESSIVE,
    )


def per(s: SentenceView, i: int) -> Attribution | None:
    """ "per X" before a capitalised name ("per the League", "per Reuters")."""
    toks = s.toks
    nxt = toks[i + 1]
    start = i + 1
    if nxt.low in {"the", "a", "an"} and i + 2 < len(toks):
        start = i + 2
    if not toks[start].is_cap:
        return None
    return _prep(toks, i, i + 1, "per")


def quote_dash(s: SentenceView, i: int) -> Attribution | None:
    """A quote followed by a dash and a name: “...” ― Jane Doe."""
    toks = s.toks
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
        kind=CueKind.DASH,
    )


#: Words a speaker label cannot hold: furniture ("UPDATE:") and places (datelines).
NOT_SPEAKERS = LABEL_STOPS | COUNTRIES


def speaker_label(s: SentenceView) -> Attribution | None:
    """A speaker label at the start of a sentence: "PENCE: ..." or "Poll: ..."."""
    toks, para_start = s.toks, s.para_start
    k = 0
    if toks and toks[0].text in OPEN_QUOTES:
        k = 1
    b = k
    while b < len(toks) and b < k + 4 and toks[b].is_word and toks[b].is_cap:
        b += 1
    if b == k or b >= len(toks) or toks[b].text != ":" or b + 1 >= len(toks):
        return None
    if any(base_word(toks[x].low) in NOT_SPEAKERS for x in range(k, b)):
        return None  # "NEW DELHI: ...", "WASHINGTON:": a dateline, not a speaker
    upper = all(toks[x].text.isupper() for x in range(k, b))
    if not (upper or (para_start and b - k <= 2)):
        return None
    return Attribution.at(
        toks,
        b,
        lemma="label",
        src=(k, b),
        trailing=False,
        kind=CueKind.LABEL,
    )


def reporting_verb(s: SentenceView, i: int) -> Attribution | None:
    """A reporting or stance verb and its source: "X said", "..., X said.", "said X"."""
    att = _verb(s, i)
    t = s.toks[i]
    if att is not None and t.is_cap and i > 0 and not headline_subject(s.toks, att):
        return None  # a capitalised cue inside a sentence is a name, unless a headline's
    return att


def _verb(s: SentenceView, i: int) -> Attribution | None:
    toks = s.toks
    t = toks[i]
    low = t.low
    n = len(toks)
    lemma = REPORTING_VERBS[low]
    prev = toks[i - 1].low if i > 0 else ""
    if prev in {"to", "would-be", "the", "a", "an", "his", "her", "their", "its", "our"}:
        return None  # infinitive ("declined to say") or a noun ("the report")
    is_progressive = low.endswith("ing") and progressive(toks, i)
    if low.endswith("ing") and not is_progressive:
        if (low in PARTICIPLES or low in SUBJECT_VERBS) and _comma_set(toks, i):
            return Attribution.at(
                toks,
                i,
                lemma=lemma,
                src=None,
                trailing=False,
                kind=CueKind.PARTICIPLE,
            )
        return None
    if lemma == "point" and not (i + 1 < n and toks[i + 1].low == "out"):
        return None
    if lemma == "read" and not (i > 0 and _document_before(toks, i)):
        return None  # "the statement read: ..." reports; "she read the book" does not
    if lemma == "back" and (prev.endswith("ed") or prev in IRREGULAR_PAST):
        return None  # "rolled back", "fought back": a particle, not "backed"
    if lemma == "report" and i + 2 < n and toks[i + 1].low == "to" and not _that_soon(toks, i):
        return None  # "Vindman reported to him": a reporting line, not a report
    if (
        i > 0
        and toks[i - 1].low.endswith(("'s", "’s"))
        and toks[i - 1].low not in {"he's", "she's", "it's", "he’s", "she’s", "it’s"}
    ):
        return None  # "Trump's plan", "the company's report": a noun
    if not low.endswith("ed") and i + 1 < n and toks[i + 1].low in NOUN_FOLLOWERS:
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
    j, passive = skip_back_aux(toks, i - 1)
    if passive and not is_progressive and low.endswith(PASSIVE_PARTICIPLE_ENDINGS):
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
            kind=CueKind.PARTICIPLE,
        )
    aside = _adverb_aside(toks, j)
    if aside is not None:  # "The ministry has, however, acknowledged that ..."
        j, passive = skip_back_aux(toks, aside - 1)
        if passive and not is_progressive and low.endswith(PASSIVE_PARTICIPLE_ENDINGS):
            return None
    if j >= 0 and toks[j].text in {",", "—", "–", "-"}:
        pstart, pend, width = parenthetical_start(toks, j), j, 1
        if toks[j].text == "-":
            pstart, pend, width = double_hyphen_start(toks, j), j - 1, 2
        elif pstart is not None and toks[pstart + 1].low in DETERMINERS:
            # "X, a senior analyst at Stratcom, the Texas-based group, told": an
            # apposition of an apposition; the aside runs from the comma after X
            outer = parenthetical_start(toks, pstart)
            if outer is not None and toks[outer + 1].low in DETERMINERS:
                pstart = outer
        if pstart is not None:
            src = np_back(toks, pstart - 1)
            if src is not None:
                name, appos = apposition(toks, src, pstart + width, pend)
                if name is not None:
                    src = (src[0], j)  # the whole "X's officer, Dr. Jane Roe"
                elif not looks_like_source(toks, src):
                    src, appos = None, None
            if src is not None:
                trailing = src[0] > 0 and toks[src[0] - 1].text in {",", "”", '"', "’"}
    if src is None:
        src = np_back(toks, j)
        if src is not None:
            src = with_antecedent(toks, by_author(toks, src))
            before = toks[src[0] - 1].text if src[0] > 0 else ""
            trailing = before in {",", "”", '"', "’", "—", "–", "'"} and src[0] > 1
    inverted = False
    if src is None:
        # Inverted: "...,” said Jane Doe, the spokeswoman." (never "..., told the
        # Courier": the one told is not the speaker)
        if lemma != "tell" and i > 0 and toks[i - 1].text in {",", "”", '"', "’", "'", "—", "–"}:
            k = i + 1
            while k < n and toks[k].low in {"also", "later", "then", "previously"}:
                k += 1
            src = np_forward(toks, k)
            if src is not None and toks[src[0]].low in PERSONAL_PRONOUNS:
                src = None
            if src is not None and src[1] - src[0] > 7:
                src = (src[0], src[0] + 7)
            inverted = src is not None
            trailing = True
        if src is None:
            return None
    if not inverted:
        # '“...,” Mr. Trump recounted in a cabinet meeting.': a quotation closing right
        # before the speaker is the content, whatever follows the cue
        trailing = content_before(toks, cue_end_idx + 1) or _quote_closes_before(toks, src[0])
    if src[1] - src[0] == 1 and toks[src[0]].low.endswith("ing") and lemma in STANCE_LEMMAS:
        return None  # "Coming back to the market, ...": a participle, not a subject
    strong = low in STRONG_FORMS
    head = np_head(toks, src)
    if lemma in STANCE_LEMMAS and not inverted:
        # Stance verbs need a named, titled or pronoun subject right before them:
        # the name may be an apposition ("Her partner, Lars Holm, called ...") or
        # own the head ("Holm's family called on ...").
        if name is not None:
            head = np_head(toks, name)
        hl = head.low
        if not (
            head.is_cap
            or hl in {"he", "she", "they", "who", "we", "i"}
            or hl in ANONYMOUS_HEADS
            or hl in OFFICIAL_TITLES
            or (
                any(x.is_cap and x.low.endswith(("'s", "’s")) for x in toks[src[0] : src[1] - 1])
                and (low.endswith("ed") or is_progressive or toks[i - 1].low in AUXILIARIES)
            )
        ):
            return None
        strong = True
    if lemma in LET_IN_LEMMAS and not (trailing or inverted) and _counted(toks, cue_end_idx + 1):
        return None  # "the country had admitted 1.4 million refugees": let in, not said
    if is_event(lemma) and not (trailing or inverted or carries_content(toks, cue_end_idx + 1)):
        return None  # "agreed to pay", "blocked the road": an event, not a statement
    if not strong:
        ok = (
            trailing
            or inverted
            or after_cue_ok(toks, cue_end_idx + 1)
            or (lemma in DOCUMENT_LEMMAS and head.low in DOCUMENT_HEADS)
            or (lemma in DOCUMENT_LEMMAS and head.low == "it" and not _negated(toks, src[1], i))
        )
        if not ok or not looks_like_source(toks, src):
            return None
    elif lemma in {"show", "find"} and head.low not in DOCUMENT_HEADS and not trailing:
        return None
    if not inverted and _object_of(toks, src[0]):
        # "according to X said", "11% of Democratic claims": an object; but "In an
        # interview Trump declared": the name after the phrase is the subject
        cut = src[1]
        while cut > src[0] and toks[cut - 1].is_cap:
            cut -= 1
        if cut == src[0] or cut == src[1] or toks[cut - 1].low in NP_LINKS:
            return None
        src = (cut, src[1])
    if not inverted and _clause_in(toks, src):
        return None  # "Russia's annexation renewed fears": the "source" is a clause
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
    _find_recipient(s, att, i + 1 if not inverted else src[1])
    return att


def _document_before(toks: Sequence[Token], i: int) -> bool:
    """Whether a document noun stands right before the cue at ``i`` ("the letter read")."""
    j = i - 1
    while j >= 0 and toks[j].low in AUXILIARIES:
        j -= 1
    return j >= 0 and toks[j].low in DOCUMENT_HEADS


def _that_soon(toks: Sequence[Token], i: int) -> bool:
    """Whether "that" or a quotation opens within a few tokens after the cue at ``i``."""
    return any(t.low == "that" or t.text in OPEN_QUOTES for t in toks[i + 1 : i + 6])


def _quote_closes_before(toks: Sequence[Token], k: int) -> bool:
    """Whether a quotation closes right before token ``k`` ('...,” X' or '...” X')."""
    j = k - 1
    if j >= 0 and toks[j].text == ",":
        j -= 1
    return j >= 0 and toks[j].text in CLOSE_QUOTES


#: Cue verbs with a sense of letting people in ("the hospital admitted 40 patients").
LET_IN_LEMMAS = frozenset({"admit"})
#: Words that open a counted object ("more than 300", "nearly 2 million", "dozens of").
_COUNT_OPENERS = words(
    "more than nearly almost about some over around roughly approximately at least up to fewer less"
)
_COUNT_NOUNS = words("dozens hundreds thousands millions scores")


#: Adverbs set off by commas inside a clause ("has, however, said").
_ASIDE_WORDS = words(
    "however though too also indeed meanwhile instead nonetheless nevertheless moreover"
    " still in fact for example of course therefore thus again once more"
)


def _adverb_aside(toks: Sequence[Token], j: int) -> int | None:
    """The opening comma of an adverb aside ending at the comma ``toks[j]`` (", however,"
    between a subject or auxiliary and its verb), or None."""
    if j < 2 or toks[j].text != ",":
        return None
    k = j - 1
    while k >= 0 and j - k <= 3 and toks[k].low in _ASIDE_WORDS and not toks[k].is_cap:
        k -= 1
    if k == j - 1 or k < 1 or toks[k].text != ",":
        return None
    return k


def _counted(toks: Sequence[Token], k: int) -> bool:
    """Whether the object at token ``k`` is a count of things ("more than 1.4 million
    refugees", "dozens of patients"), which a statement never is."""
    end = min(len(toks), k + 4)
    while k < end and toks[k].low in _COUNT_OPENERS:
        k += 1
    if k >= len(toks):
        return False
    t = toks[k]
    return t.low in _COUNT_NOUNS or t.text[:1].isdigit()


def _object_of(toks: Sequence[Token], a: int) -> bool:
    """Whether the noun phrase starting at ``a`` is a preposition's object: after "to",
    "by" or "than", or after another preposition that opens the sentence or follows a
    number or a conjunction ("In one tweet", "11% of Democratic claims", "because of
    X's claims"); "those in favor of X" or "Jane Roe, of Springfield," are noun phrases
    the source walk cut short, not objects."""
    if a == 0:
        return False
    k = a - 1
    low = toks[k].low
    if low in {"to", "by", "than"}:
        return True
    if low not in OBJECT_MARKERS:
        return False
    if k == 0:
        return True
    before = toks[k - 1]
    return before.text == "%" or before.low.isdigit() or before.low in NP_STOPS


def _clause_in(toks: Sequence[Token], src: tuple[int, int]) -> bool:
    """Whether a source walk ran into a clause: a verb in it ("X became the intended
    targets"), or a past verb ending it after a name ("Crimea renewed fears")."""
    a, b = src
    if any(not t.is_cap and t.low in CLAUSE_VERBS for t in toks[a:b]):
        return True
    last = toks[b - 1]
    return (
        b - a > 1
        and not last.is_cap
        and (last.low.endswith("ed") or last.low in IRREGULAR_PAST)
        and last.low not in NP_KEPT_PARTICIPLES
        and toks[b - 2].low not in DETERMINERS
    )


def _negated(toks: Sequence[Token], a: int, b: int) -> bool:
    """Whether a negation stands among toks[a:b] ("did not reveal")."""
    return any(t.low in NEGATIONS or t.low.endswith(("n't", "n’t")) for t in toks[a:b])


def _comma_set(toks: Sequence[Token], i: int) -> bool:
    """Whether the participle at ``i`` opens a comma-set phrase: ", saying ...",
    ", even suggesting ...", '"a strong leader," comparing him ...'."""
    k = i - 1
    while (
        k > 0
        and i - k <= 2
        and (
            toks[k].low in PARTICIPLE_ADVERBS or (toks[k].low.endswith("ly") and not toks[k].is_cap)
        )
    ):
        k -= 1
    if k > 0 and toks[k].text in CLOSE_QUOTES and toks[k - 1].text == ",":
        return True
    return k > 0 and toks[k].text in {",", "—", "–"}


def _find_recipient(s: SentenceView, att: Attribution, k: int) -> None:
    """Look right of the cue for "told the paper", "in an interview with CNN"."""
    toks = s.toks
    n = len(toks)
    end = min(n, k + 8)
    told = att.lemma == "tell"
    while k < end:
        tk = toks[k]
        if (tk.text in {",", ";", ":"} or tk.low == "that") and not told:
            break
        m = s.registry.match(toks, k)
        if m is None and tk.low == "the":
            m = s.registry.match(toks, k + 1)
        if m is not None:
            before = toks[m.first_token - 1].low if m.first_token > 0 else ""
            if (
                (told and m.first_token == att.cue_index + 1)
                or before in {"to", "with", "on", "told"}
                or (before == "for" and att.lemma in {"report", "write"})
            ):
                att.recipient = m
            return
        if told and k == att.cue_index + 1:
            np = np_forward(toks, k, limit=6)
            if np is not None:
                att.recipient_np = np
                return
        k += 1
    _via_outlet(s, att)


def _via_outlet(s: SentenceView, att: Attribution) -> None:
    """ "X, via USA Today, said", "..., X said, via Jane Roe of the Ledger": the outlet
    the words came through, named after "via" near the source or the cue."""
    toks = s.toks
    lo = att.src[0] if att.src is not None else att.cue_index
    hi = min(len(toks), max(att.cue_index, att.src[1] if att.src else 0) + VIA_WINDOW)
    for k in range(lo, hi):
        if toks[k].low != "via":
            continue
        for j in range(k + 1, min(len(toks), k + 1 + VIA_WINDOW)):
            if toks[j].text in {";", ":", "."}:
                break
            m = s.registry.match(toks, j)
            if m is not None:
                att.recipient = m
                return


def according_to(s: SentenceView, i: int) -> Attribution | None:
    """ "according to X" (content before or after)."""
    return _prep(s.toks, i, i + 2, "according to")


def citing(s: SentenceView, i: int) -> Attribution | None:
    """ "citing X": the origin behind the cue before it, or a cue of its own; when X
    names no source ("citing a threat to public health"), what the subject cited."""
    toks = s.toks
    np = np_forward(toks, i + 1)
    if np is not None and i > 0 and toks[i - 1].text == ",":
        cut = next((k for k in range(np[0], np[1]) if toks[k].low in NP_LINKS), np[1])
        if not any(looks_like_source(toks, (k, k + 1)) for k in range(np[0], cut)):
            return Attribution.at(toks, i, lemma="cite", src=None, kind=CueKind.PARTICIPLE)
    return _prep(toks, i, i + 1, "citing", kind=CueKind.CITING)


def is_according(s: SentenceView, i: int) -> bool:
    return s.toks[i].low == "according" and i + 1 < len(s.toks) and s.toks[i + 1].low == "to"


def is_speech_noun(s: SentenceView, i: int) -> bool:
    toks, low = s.toks, s.toks[i].low
    return (
        i + 1 < len(toks)
        and toks[i + 1].low in SPEECH_NOUNS
        and (low.endswith(("'s", "’s")) or low in POSSESSIVE_PRONOUNS)
        and not s.quoted[i + 1]
    )


def _lower_or_title(s: SentenceView, i: int) -> bool:
    """A cue word in lower case, first in the sentence, or in a title-case headline:
    elsewhere a capital marks a name ("Per Holm", "Says Law")."""
    return not (s.toks[i].is_cap and i > 0 and not s.title)


def is_citing(s: SentenceView, i: int) -> bool:
    return s.toks[i].low == "citing"


def is_per(s: SentenceView, i: int) -> bool:
    return s.toks[i].low == "per" and i + 1 < len(s.toks) and _lower_or_title(s, i)


def is_quote_dash(s: SentenceView, i: int) -> bool:
    toks = s.toks
    return toks[i].text in {"―", "—"} and i > 0 and toks[i - 1].text in CLOSE_QUOTES


def is_reporting_verb(s: SentenceView, i: int) -> bool:
    return s.toks[i].low in REPORTING_VERBS and _lower_or_title(s, i)


def is_speaker_participle(s: SentenceView, i: int) -> bool:
    t = s.toks[i]
    return bool(s.found) and t.low.endswith("ing") and t.low not in REPORTING_VERBS and not t.is_cap


#: Most tokens between a passive cue and its "by" ("has been called a charlatan by").
AGENT_GAP = 5


def _agent_by(s: SentenceView, i: int) -> int | None:
    """For a passive cue at ``i`` ("was first reported by X"), the index of its "by"."""
    toks = s.toks
    n = len(toks)
    k = i - 1
    while k >= 0 and i - k <= 3 and toks[k].low in AUXILIARIES and toks[k].low not in BE_FORMS:
        k -= 1  # "was first reported", "is also supported"
    if k < 0 or toks[k].low not in BE_FORMS:
        return None
    for j in range(i + 1, min(n - 1, i + 1 + AGENT_GAP)):
        t = toks[j]
        if t.low == "by":
            return j
        if not t.is_word or t.low in NP_STOPS or s.quoted[j]:
            return None
    return None


def is_passive_agent(s: SentenceView, i: int) -> bool:
    t = s.toks[i]
    low = t.low
    return (
        low in SUBJECT_VERBS
        and (low.endswith(("ed", "en", "wn")) or low in IRREGULAR_PAST)
        and tense(low) == "past"
        and _lower_or_title(s, i)
        and _agent_by(s, i) is not None
    )


def passive_agent(s: SentenceView, i: int) -> Attribution | None:
    """A passive cue with its agent: "The plan was first reported by The Post", "his
    views were echoed by tax experts": the agent after "by" is the source, the subject
    before the cue what it said or did."""
    toks = s.toks
    by = _agent_by(s, i)
    if by is None:
        return None
    k = by + 1
    first = toks[k].low
    if first.endswith("ing") or first in MONTHS or first in WEEKDAYS:
        return None  # "by announcing that", "by Friday": not an agent
    np = np_forward(toks, k)
    if np is None or not looks_like_source(toks, np):
        return None
    t = toks[i]
    return Attribution(
        cue=f"{t.text} by" if by == i + 1 else t.text,
        cue_start=t.start,
        cue_end=toks[by].end if by == i + 1 else t.end,
        cue_index=i,
        lemma=SUBJECT_VERBS[t.low],
        src=with_relative(toks, np),
        trailing=True,
    )
