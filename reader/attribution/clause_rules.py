"""Clause rules: what the token rules cannot see alone.

Each works on the attributions a sentence already has and adds or splits clauses:
a speaker label, the subject a participle shares, a subject and its stance verb,
verbs coordinated with a cue, relative clauses on the source, opening participles.
They are listed, with an example each, in :mod:`reader.attribution.rules`.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.attribution.clauses import (
    MAX_PAREN,
    after_intro,
    carries_content,
    is_event,
    self_text,
    tense,
)
from reader.attribution.cue import Attribution, CueKind, SentenceView
from reader.attribution.cue_rules import speaker_label
from reader.attribution.lexicon import (
    AGENT_SUFFIXES,
    ANONYMOUS_HEADS,
    ARTICLES,
    AUXILIARIES,
    BE_CONTRACTIONS,
    BE_FORMS,
    CLAUSE_BREAKS,
    CLAUSE_SUBORDINATORS,
    CLOSE_QUOTES,
    COORD_ADVERBS,
    COORDINATORS,
    DETERMINERS,
    DOCUMENT_HEADS,
    DOCUMENT_LEMMAS,
    EVENT_LEMMAS,
    GOVERNMENT_HEADS,
    INTRO_WORDS,
    IRREGULAR_PAST,
    NEGATIONS,
    NOUN_FOLLOWERS,
    NP_KEPT_PARTICIPLES,
    NP_LINKS,
    NP_STOPS,
    OFFICIAL_TITLES,
    OPEN_QUOTES,
    ORGANIZATION_HEADS,
    PARTICIPLE_OBJECTS,
    PARTICIPLES,
    PERSONAL_PRONOUNS,
    PHRASAL_FORMS,
    PLURAL_NOUNS,
    RELATIVE_SUBJECTS,
    REPORTING_VERBS,
    SPEECH_NOUN_LINKS,
    STANCE_LEMMAS,
    SUBJECT_VERBS,
)
from reader.attribution.noun_phrases import np_head
from reader.attribution.segment import Token
from reader.attribution.stance import stance_phrase


def opening_participle(s: SentenceView, kept: list[Attribution]) -> list[Attribution]:
    """An opening speech participle: "Lamenting the delay, X said ...".

    The participle's understood subject is the main clause's subject, so the
    phrase is a clause of its own by that source.  Only cue participles count:
    "Speaking to reporters," or "Heading into the debate," set the scene.
    """
    if not kept:
        return kept
    toks, quoted = s.toks, s.quoted
    a = kept[0]
    src = a.src
    if src is None or a.shared or a.kind not in {CueKind.VERB, CueKind.SUBJECT}:
        return kept
    c = src[0] - 1
    if c > 2 and toks[c].text in CLOSE_QUOTES and toks[c - 1].text == ",":
        c -= 1  # 'Bemoaning the "phony system," X said'
    if c < 2 or c > MAX_PAREN or toks[c].text != "," or a.cue_index < src[0]:
        return kept
    # A comma then a quote after the cue ('X says, "..."') is no content before it.
    if a.trailing and not (a.cue_index + 1 < len(toks) and toks[a.cue_index + 1].text == ","):
        return kept
    k = 1 if toks[0].text in OPEN_QUOTES else 0
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
        kind=CueKind.PARTICIPLE,
        shared=True,
        name=a.name,
        appos=a.appos,
        rule="opening-participle",
    )
    return [intro, *kept]


def relative_clauses(s: SentenceView, kept: list[Attribution]) -> list[Attribution]:
    """Split off a relative clause on a person: "X, who has long argued ..., said ...".

    The relative pronoun is the subject of its own clause; when that clause's verb
    is a cue, it is an attribution of its own (its source mention is "who"), and
    the main cue keeps the name, whose mention now belongs to the previous clause.
    A relative clause elsewhere ("... the rise of Trump, who had talked about ...",
    "a lawyer who is a staunch opponent of ...") is one too, unless it is part of
    what a speech cue reports.
    """
    toks, quoted = s.toks, s.quoted
    out: list[Attribution] = []
    for a in kept:
        src = a.src
        if (
            a.kind in {CueKind.VERB, CueKind.SUBJECT}
            and src is not None
            and not a.shared
            and src[1] + 2 < a.cue_index
            and toks[src[1]].text == ","
            and toks[src[1] + 1].low == "who"
            and not (out and out[-1].cue_index > src[1])
        ):
            rel = _relative_verb(s, src[1] + 1, a.cue_index)
            if rel is not None and any(
                toks[x].text == "," for x in range(rel.cue_index + 1, a.cue_index)
            ):
                out.append(rel)
                a.shared = True
        out.append(a)
    taken = {x for a in out if a.src is not None for x in range(*a.src)}
    free: list[Attribution] = []
    for w in range(1, len(toks) - 1):
        if toks[w].low != "who" or toks[w - 1].text not in {",", "—", "–"}:
            continue  # "people who ...": a restrictive clause names them, no cue of theirs
        if quoted[w] or w in taken or _relative_nested(out, w):
            continue
        rel = _relative_verb(s, w, len(toks))
        if rel is not None and all(a.cue_index != rel.cue_index for a in out):
            free.append(rel)
    if not free:
        return out
    return sorted(out + free, key=lambda a: a.cue_index)


def _relative_verb(s: SentenceView, w: int, limit: int) -> Attribution | None:
    """The cue verb of the relative clause whose pronoun "who" is at ``w``, before
    ``limit``: "who has long argued", "who is calling for", "who is a critic of"."""
    toks = s.toks
    k = w + 1
    passive = False
    while (
        k < limit
        and k - w <= 4
        and (
            toks[k].low in AUXILIARIES
            or toks[k].low in COORD_ADVERBS
            or toks[k].low in BE_FORMS
            or toks[k].low.endswith("ly")
        )
    ):
        passive = passive or toks[k].low in BE_FORMS
        k += 1
    if k >= limit or s.quoted[k] or toks[k].is_cap:
        return None
    t = toks[k]
    end = stance_phrase(toks, k, passive)
    if end is None:
        if t.low not in SUBJECT_VERBS or (t.low.endswith("ing") and not passive):
            return None
        if passive and not t.low.endswith("ing"):
            return None  # "who was elected": no cue of theirs
        if is_event(SUBJECT_VERBS[t.low]) and not carries_content(toks, k + 1):
            return None
        end = k + 1
    return Attribution(
        cue=self_text(toks, k, end),
        cue_start=t.start,
        cue_end=toks[end - 1].end,
        cue_index=k,
        lemma=SUBJECT_VERBS.get(t.low, t.low),
        src=(w, w + 1),
        trailing=False,
        rule="relative-clause",
    )


def _relative_nested(kept: list[Attribution], w: int) -> bool:
    """Whether a relative clause at ``w`` is part of what a speech cue reports."""
    return any(
        (
            a.cue_index < w
            and not a.trailing
            and a.kind in {CueKind.VERB, CueKind.PREP}
            and a.lemma not in STANCE_LEMMAS
        )
        or (a.cue_index > w and a.trailing)
        for a in kept
    )


def coordinated_verbs(s: SentenceView, kept: list[Attribution]) -> list[Attribution]:
    """Add verbs coordinated with a cue that share its subject.

    "X criticized the deal and called for a vote", "X demands ..., yet refuses
    ...": the second verb, in the same tense as the first, is a clause of its
    own with the first cue's source.  Linear in the sentence length.
    """
    if not kept:
        return kept
    toks, quoted = s.toks, s.quoted
    n = len(toks)
    base = sorted(kept, key=lambda a: a.cue_index)
    cues = {a.cue_index for a in base}
    relatives = [0]  # relatives[x]: relative pronouns among toks[:x]
    for t in toks:
        relatives.append(relatives[-1] + (t.low in RELATIVE_SUBJECTS))
    added: list[Attribution] = []
    bi = 0
    for i in range(base[0].cue_index + 2, n):
        t = toks[i]
        if quoted[i] or i in cues or t.is_cap or t.low not in SUBJECT_VERBS:
            continue
        k = i - 1
        while k > 0 and toks[k].low in COORD_ADVERBS:
            k -= 1
        if toks[k].low not in COORDINATORS:
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
            or p.kind not in {CueKind.VERB, CueKind.SUBJECT, CueKind.PARTICIPLE}
            or p.region[0] <= i < p.region[1]
            or (nxt is not None and nxt.region[0] <= i < nxt.region[1])
            or tense(toks[p.cue_index].low) not in {"s", "past"}
            or tense(t.low) != tense(toks[p.cue_index].low)
            or (k + 1 < i and toks[k + 1].low in NEGATIONS)
            or relatives[k] > relatives[p.cue_index + 1]
            or (i + 1 < n and toks[i + 1].low == "by")  # passive: "and criticized by"
        ):
            continue
        end = stance_phrase(toks, i, False) or i + 1
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
                kind=CueKind.PARTICIPLE,
                shared=True,
                name=p.name,
                appos=p.appos,
                rule="coordinated-verb",
            )
        )
    return sorted(base + added, key=lambda a: a.cue_index)


def subject_verb(
    s: SentenceView, any_past: bool = False, start: int | None = None
) -> Attribution | None:
    """A named or pronoun subject with its verb: "Trump attacked the plan".

    The subject opens the sentence (past an introductory phrase) or, given ``start``,
    a clause inside it.
    """
    toks, quoted = s.toks, s.quoted
    n = len(toks)
    if start is None:
        start = after_intro(toks, n)
        if start + 1 < n and toks[start].low in {"but", "and", "yet", "so"}:
            start += 1  # "But Schneiderman isn't saying ..."
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
                (
                    (toks[b].low in SUBJECT_VERBS or toks[b].low in PHRASAL_FORMS)
                    and not _noun_reading(toks, start, b)
                )
                or toks[b].low in AUXILIARIES
                or toks[b].low in BE_FORMS
                or toks[b].low in NP_STOPS
                or (toks[b].low.endswith("ed") and (any_past or _verb_after_noun(toks, b)))
            )
        )
    ):
        b += 1
    if b == start:
        return None
    a = start
    np = (a, b)
    head = np_head(toks, np)
    hl = head.low
    pron = b - a == 1 and hl in {"he", "she", "they", "we", "i", "it"}
    if (
        not pron
        and not head.is_cap
        and hl not in ANONYMOUS_HEADS
        and hl not in OFFICIAL_TITLES
        and hl not in DOCUMENT_HEADS
        and hl not in ORGANIZATION_HEADS
        and hl not in GOVERNMENT_HEADS
        and not (hl.endswith(AGENT_SUFFIXES) and hl.endswith("s"))
    ):
        return None
    first = toks[a].low
    it = b - a == 1 and first == "it"  # a document or body: "It also mentions ..."
    if (
        (first in {"it", "there", "this", "that"} and not it)
        or first in INTRO_WORDS
        or (first in NP_STOPS and first not in PERSONAL_PRONOUNS)
        or first in NP_LINKS
        or first.endswith("ing")
    ):
        return None
    k = b
    # appositive / relative clause: ", the senator from Ohio," / ", who ...,"
    if k < n and toks[k].text == ",":
        close = next((x for x in range(k + 1, min(n, k + MAX_PAREN)) if toks[x].text == ","), None)
        if close is None:
            return None
        k = close + 1
        if k < n and toks[k].text in CLOSE_QUOTES and toks[k].start == toks[close].end:
            k += 1  # ', titled "Arrogant,"
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
    if v.is_cap or not v.is_word or vl in NP_STOPS:
        return None
    if vl in DETERMINERS and not (passive and vl in {"a", "an"}):
        return None  # but "has been a critic of"
    if vl in BE_FORMS:
        return None
    if steps == 0 and k == b and _noun_reading(toks, a, k):
        return None
    if it and (
        SUBJECT_VERBS.get(vl) not in DOCUMENT_LEMMAS
        or any(x.low in NEGATIONS or x.low.endswith(("n't", "n’t")) for x in toks[b:k])
    ):
        return None  # "It came as ...", "It did not reveal": only what a text says or shows
    stance = stance_phrase(toks, k, passive)
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
            kind=CueKind.SUBJECT,
        )
    if (vl not in SUBJECT_VERBS and not (any_past and steps == 0 and vl.endswith("ed"))) or (
        vl.endswith("ing") and steps == 0
    ):
        return None
    if is_event(SUBJECT_VERBS.get(vl, vl)) and not carries_content(toks, k + 1):
        return None  # "SoftBank agreed to inject ...": an event, not a statement
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
        kind=CueKind.SUBJECT,
    )


def _verb_after_noun(toks: Sequence[Token], b: int) -> bool:
    """Whether the -ed word at ``b`` is a verb ending a subject walk ("Their plan faced
    ..."), not a modifier ("the reported deal", "people involved in the talks")."""
    return (
        toks[b - 1].low not in DETERMINERS
        and toks[b].low not in NP_KEPT_PARTICIPLES
        and not _document_modifier(toks, b)
    )


def _document_modifier(toks: Sequence[Token], b: int) -> bool:
    """A participle after a document that describes it ("a poll released in August
    found ...", "research conducted by X shows ...")."""
    low = toks[b].low
    return (
        low.endswith("ed")
        and toks[b - 1].low in DOCUMENT_HEADS
        and SUBJECT_VERBS.get(low, "") not in STANCE_LEMMAS - EVENT_LEMMAS
        and b + 1 < len(toks)
        and toks[b + 1].low in PARTICIPLE_OBJECTS
    )


def _noun_reading(toks: Sequence[Token], a: int, b: int) -> bool:
    """Whether a verb form ending the subject walk from ``a`` is a noun in it: after
    "of", an article or a possessive ("the secretary of state", "the plan", "Trump's
    campaign"), before "is"/"has"/a modal ("Health worries have ..."), or a base form
    that does not agree with the words before it ("The Trump campaign called ...")."""
    t = toks[b]
    low = t.low
    prev = toks[b - 1].low
    if low in PHRASAL_FORMS and stance_phrase(toks, b, False) is not None:
        return False  # "as the memo put it", "X doubled down on"
    if prev in NP_LINKS or prev in ARTICLES or _document_modifier(toks, b):
        return True
    if prev.endswith(("'s", "’s")) and prev not in BE_CONTRACTIONS:
        return True
    if not low.endswith("ed") and b + 1 < len(toks) and toks[b + 1].low in NOUN_FOLLOWERS:
        return True
    base = SUBJECT_VERBS.get(low, PHRASAL_FORMS.get(low)) == low
    return base and not _plural(toks, (a, b)) and not any(q in prev for q in "'’")


def _plural(toks: Sequence[Token], np: tuple[int, int]) -> bool:
    """Whether a subject takes a verb's base form: "they", "residents", "Ruiz and Holm"."""
    a, b = np
    hl = np_head(toks, np).low
    if b - a == 1 and hl in PERSONAL_PRONOUNS:
        return hl in {"i", "we", "they", "you"}
    return (
        (hl.endswith("s") and not hl.endswith(("ss", "'s", "’s")))
        or hl in PLURAL_NOUNS
        or any(t.low in {"and", "&"} for t in toks[a:b])
    )


def speaker_label_first(s: SentenceView, found: list[Attribution]) -> list[Attribution]:
    """A speaker label opening the sentence ("PENCE: ...") comes before any cue in it."""
    label = speaker_label(s)
    return [label, *found] if label is not None else found


def subject_of_participle(s: SentenceView, found: list[Attribution]) -> list[Attribution]:
    """The clause a leading participle or joined verb shares its subject with.

    "X implored her to act, arguing that ...": the participle shares the subject's
    clause, which is an attribution of its own.  So does a past verb the
    coordinated cue joins ("X exhorted them to vote and said ...").
    """
    if not found or found[0].kind != CueKind.PARTICIPLE:
        return found
    toks = s.toks
    first = found[0]
    k = first.cue_index - 1
    while k > 0 and toks[k].low in COORD_ADVERBS:
        k -= 1
    joined = toks[k].low in COORDINATORS and tense(toks[first.cue_index].low) == "past"
    if joined or all(a.kind == CueKind.PARTICIPLE for a in found):
        comma = toks[first.cue_index].low.endswith("ing") and toks[k].text == ","
        sv = subject_verb(s, any_past=joined or comma)
        if sv is not None and sv.cue_index < first.cue_index:
            sv.rule = "subject-of-participle"
            return [sv, *found]
    return found


def subject_verb_fallback(s: SentenceView, kept: list[Attribution]) -> list[Attribution]:
    """A sentence with no cue: a named or pronoun subject and its stance verb.

    A speech noun without a clause in the verb's object ("The IMF pointed to Britain's
    decision to leave") is part of what the subject's verb is about: the verb wins.
    """
    toks = s.toks
    if kept and not all(_bare_speech_noun(toks, a) for a in kept):
        first = kept[0]
        if first.trailing or first.kind != CueKind.VERB:
            return kept
        sv = subject_verb(s)
        if sv is None or sv.cue_index >= first.region[0]:
            return kept
        if any(toks[x].text in CLAUSE_BREAKS for x in range(sv.cue_index + 1, first.region[0])):
            return kept
        # "A web video by the RNC references four cases in which Kaine defended ...":
        # the cue inside the subject verb's object is part of what it reports
        sv.rule = "subject-verb"
        return [sv, *(a for a in kept[1:] if _after_break(toks, sv, a))]
    sv = subject_verb(s)
    if sv is None or (kept and sv.cue_index > kept[0].cue_index):
        return kept
    sv.rule = "subject-verb"
    return [sv]


def _after_break(toks: Sequence[Token], sv: Attribution, a: Attribution) -> bool:
    return any(toks[x].text in CLAUSE_BREAKS for x in range(sv.cue_index + 1, a.region[0]))


def _bare_speech_noun(toks: Sequence[Token], a: Attribution) -> bool:
    """A possessive speech noun with no clause or quote after it ("her decision to")."""
    k = a.cue_index + 1
    return a.kind == CueKind.POSSESSIVE and k < len(toks) and toks[k].low in SPEECH_NOUN_LINKS


def subordinate_clauses(s: SentenceView, kept: list[Attribution]) -> list[Attribution]:
    """A subject and its cue verb in a subordinate clause inside the sentence.

    "Palmieri spoke on Friday after Trump unleashed a series of tweets", "..., as he
    discussed ...": the clause has its own subject, and its verb is attributed as a
    sentence's would be.  A clause inside the reported content of a speech cue ("X said
    the plan failed because Y blocked it") stays part of that content.  Each opener
    starts one bounded subject-verb walk.
    """
    toks, quoted = s.toks, s.quoted
    n = len(toks)
    added: list[Attribution] = []
    for p in range(n - 2):
        t = toks[p]
        low = t.low
        if quoted[p] or low not in CLAUSE_SUBORDINATORS:
            continue
        if t.is_cap and p > 0 and toks[p - 1].is_word:
            continue  # "... Chief Justice As ...": a name, not a conjunction
        sv = subject_verb(s, start=p + 1)
        if sv is None or sv.src is None or not _clause_subject(toks, sv):
            continue
        if _nested(toks, kept, p):
            continue
        if any(a.cue_index == sv.cue_index or _overlaps(a, sv) for a in kept + added):
            continue
        sv.rule = "subordinate-clause"
        joined = _joined_participle(toks, kept, sv)
        if joined is not None:
            # "..., while the police deny it and say ...": the joined verb took the
            # source of the clause before; it is this clause's, and one claim with it.
            joined.src, joined.name, joined.appos = sv.src, sv.name, sv.appos
            joined.shared = False
            continue
        added.append(sv)
    if not added:
        return kept
    return sorted(kept + added, key=lambda a: a.cue_index)


def _joined_participle(
    toks: Sequence[Token], kept: list[Attribution], sv: Attribution
) -> Attribution | None:
    """The verb joined to ``sv``'s by "and"/"but" that shares an earlier clause's source."""
    nxt = next((a for a in kept if a.cue_index > sv.cue_index), None)
    if nxt is None or nxt.kind != CueKind.PARTICIPLE or not nxt.shared:
        return None
    k = nxt.cue_index - 1
    while k > sv.cue_index and toks[k].low in COORD_ADVERBS:
        k -= 1
    if toks[k].low not in COORDINATORS or any(
        toks[x].text in {",", ";", "—", "–"} for x in range(sv.cue_index, k)
    ):
        return None
    return nxt


def _overlaps(a: Attribution, b: Attribution) -> bool:
    lo, hi = a.region
    blo, bhi = b.region
    return lo < bhi and blo < hi


def _clause_subject(toks: Sequence[Token], sv: Attribution) -> bool:
    """Whether the subject and verb a clause walk found are one: a pronoun or a short
    noun phrase without a verb in it ("Trump canceled an increase planned ..." is not a
    subject "Trump canceled an increase" of "planned"), and a verb, not a noun
    ("his general point was")."""
    assert sv.src is not None
    a, b = sv.src
    if b - a > 6 or toks[b - 1].low in NP_LINKS:
        return False
    for t in toks[a + 1 : b]:
        if not t.is_word or (not t.is_cap and (t.low.endswith("ed") or t.low in IRREGULAR_PAST)):
            return False
    k = sv.cue_index
    return not (
        not toks[k].low.endswith("ed") and k + 1 < len(toks) and toks[k + 1].low in NOUN_FOLLOWERS
    )


def _nested(toks: Sequence[Token], kept: list[Attribution], p: int) -> bool:
    """Whether a clause opening at ``p`` is inside the reported content of a cue: after
    a speech cue with no comma between ("X said the plan failed because Y blocked it"),
    after a speaker set in the content ("A, Mayer said, and B as C"), or before a
    trailing cue ("... after Y blocked it, officials said")."""
    for a in kept:
        if a.cue_index > p and a.trailing:
            return True
        if (
            a.cue_index < p
            and a.kind in {CueKind.VERB, CueKind.PREP}
            and a.lemma not in STANCE_LEMMAS
            and (
                a.trailing
                or not any(toks[x].text in {",", ";", "—", "–"} for x in range(a.region[1], p))
            )
        ):
            return True
    return False
