"""The attribution pipeline: sentences -> attributions -> resolved claims -> status.

One pass over the sentences in reading order does the work; the state carried
between sentences (antecedents, open quotes, the last attribution) is small
and bounded, so the engine is linear in the length of the text.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from itertools import pairwise

from reader.attribution import status as st
from reader.attribution.analyzer import SentenceAnalyzer
from reader.attribution.coref import Entity, Resolved, Tracker
from reader.attribution.cue import Attribution, CueKind
from reader.attribution.discover import discover, outlet_entry
from reader.attribution.finder import Findings
from reader.attribution.lexicon import (
    BE_CONTRACTIONS,
    CLAUSE_OPENERS,
    CLOSE_QUOTES,
    CONCESSIVE_OPENERS,
    CREDIT_WORDS,
    CUE_QUALIFIERS,
    CURLY_CLOSERS,
    CURLY_OPENERS,
    DENIAL_LEMMAS,
    DENIAL_WORDS,
    DETERMINERS,
    DOCUMENT_DETERMINERS,
    DOCUMENT_HEADS,
    IMPERATIVES,
    MONTHS,
    NUMBER_WORDS,
    SELF_MARKERS,
    SELF_NOUNS,
    WEEKDAYS,
)
from reader.attribution.outlets import OutletRegistry
from reader.attribution.quotes import find_speaker, post_sentences, quote_groups, signature
from reader.attribution.segment import (
    Token,
    make_token,
)
from reader.attribution.sentence import Sentence, split_sentences
from reader.model import Claim, SourceType, Status

#: Notes and rebuttals beyond this many per article are ignored (each one scans claims).
MAX_NOTES = 50


@dataclass
class _Meta:
    """Per-claim bookkeeping for the status pass."""

    claim: Claim
    sentence: int
    entity_key: str | None
    via_outlet: bool
    conflict: st.Signal | None = None  # how the claim sets itself against another
    entity: Entity | None = None  # who the source resolved to, as the article knows it
    dropped: bool = False  # its claim was folded into another (removed after the pass)


def detect_publisher(sents: Sequence[Sentence], registry: OutletRegistry) -> str | None:
    """The article's own outlet from self-references ("X was unable to verify")."""
    for sent in sents:
        toks = sent.toks
        for i, t in enumerate(toks):
            if not t.is_cap:
                continue
            m = registry.match(toks, i)
            if m is None:
                continue
            after = [x.low for x in toks[m.last_token : m.last_token + 3]]
            if m.possessive and after and after[0] in SELF_NOUNS:
                return m.names[0]
            for marker in SELF_MARKERS:
                if tuple(after[: len(marker)]) == marker:
                    return m.names[0]
    return None


def _not_a_statement(toks: Sequence[Token], words: Sequence[Token]) -> bool:
    """Credit lines, questions and imperatives assert nothing checkable."""
    first = words[0].low
    second = words[1].low if len(words) > 1 else ""
    if first in CREDIT_WORDS and (
        second == "by" or first == "by" or any(t.low == "by" for t in words[:4])
    ):
        return True
    last = next((t.text for t in reversed(toks) if t.text not in {'"', "”", "’", ")", "*"}), "")
    if last == "?":
        return True
    return (
        first in IMPERATIVES
        and not words[0].text.isupper()
        and (second in DETERMINERS or second in {"up", "in", "out", "more", "our", "us", "here"})
    )


def _has_fact(toks: Sequence[Token]) -> bool:
    """Whether an unattributed sentence asserts something checkable."""
    words = [t for t in toks if t.is_word]
    if len(words) < 4 or _not_a_statement(toks, words):
        return False
    for k, t in enumerate(words):
        low = t.low
        if any(c.isdigit() for c in low) or low in MONTHS or low in WEEKDAYS:
            return True
        if low in NUMBER_WORDS:
            return True
        if k > 0 and t.is_cap and low != "i":
            return True
    return False


class _Engine:
    def __init__(
        self,
        text: str,
        publisher: str | None,
        registry: OutletRegistry,
        wire: str | None = None,
        disabled: Collection[str] = (),
    ) -> None:
        self.text = text
        self.sents = split_sentences(text)
        pub = registry.canonical(publisher) if publisher else None
        pub = pub or (publisher.strip() if publisher and publisher.strip() else None)
        toks = [s.toks for s in self.sents]
        names = discover(toks, registry, pub)
        registry = registry.extended(names.outlets)
        if pub is None:
            pub = detect_publisher(self.sents, registry)
            if pub is not None and pub not in registry.names:
                registry = registry.extended([outlet_entry(pub)])
        self.registry = registry
        self.publisher = pub
        wire = (registry.canonical(wire) or wire.strip() or None) if wire else None
        #: Every chain starts here: the publisher, then the wire whose copy it ran
        #: ("The Detroit News ← Associated Press ← ...").
        self.head: tuple[str, ...] = tuple(dict.fromkeys(x for x in (pub, wire) if x))
        self.tracker = Tracker(registry, self.publisher, names.types)
        self.analyzer = SentenceAnalyzer(registry, disabled)
        self.metas: list[_Meta] = []
        self.meta_of: dict[int, _Meta] = {}  # id(claim) -> meta
        self.rebuttals = 0
        #: The people the current sentence's clauses resolved to so far, latest first.
        self.here: list[Entity] = []
        self.conflicts: dict[int, list[Claim]] = {}  # id(claim) -> the claims it conflicts with
        pub_toks = set()
        if self.publisher:
            pub_toks.update(self.publisher.removeprefix("The ").split())
        self.publisher_tokens = frozenset(pub_toks)

    # -- main loop -----------------------------------------------------------

    def run(self) -> list[Claim]:
        for idx, sent in enumerate(self.sents):
            self._sentence(idx, sent)
            self.tracker.observe(sent.toks)
        self._continue_quotes()
        self._fold_tag_sentences()
        self._join_interrupted_quotes()
        self._embedded_posts()
        self.metas = [m for m in self.metas if not m.dropped]
        self._settle_types()
        self._outlet_back()
        self._apply_conflicts()
        self._apply_notes()
        out: list[Claim] = []
        for sent in self.sents:
            out.extend(sent.claims)
        self._number_conflicts(out)
        return out

    def _sentence(self, idx: int, sent: Sentence) -> None:
        toks = sent.toks
        note = st.find_note(toks, self.publisher_tokens)
        atts = self.analyzer.find(toks, sent.para_start, sent.mask)
        if note is not None:
            sent.note = note
            # The note's own verb is not a claim ("X could not confirm ...").
            atts = [
                a
                for a in atts
                if not (note.kind == Status.UNCONFIRMED and a.cue_index <= note.verb_index)
            ]
            if note.kind == Status.UNCONFIRMED and not atts:
                return
        atts = _fold_tags(toks, atts)
        if not atts:
            # Quoted sentences may get their speaker later (_continue_quotes).
            if (
                sent.quote_open_before
                or sent.quote_open_after
                or sent.fully_quoted
                or _has_fact(toks)
            ):
                self._add(idx, sent, 0, len(toks), None)
            return
        if len(atts) == 1 and atts[0].trailing:
            first = atts[0].region[0]
            sent.tag_only = not _has_words(toks, 0, first) and _only_tag_after(
                toks, atts[0].region[1]
            )
        bounds = self._clauses(toks, atts)
        self.here = []
        for att, (a, b) in zip(atts, bounds, strict=True):
            self._add(idx, sent, a, b, att)

    def _clauses(self, toks: Sequence[Token], atts: Sequence[Attribution]) -> list[tuple[int, int]]:
        """Token ranges of the clauses carrying each attribution (they tile the sentence)."""
        cuts = [0]
        for p, a in pairwise(atts):
            lo = max(cuts[-1] + 1, p.region[1])
            hi = a.region[0]
            cut = None
            if not a.trailing:
                for k in range(hi - 1, lo - 1, -1):
                    if toks[k].text in {",", ";", "—", "–", "―"}:
                        cut = k + 1
                        # '..., “late,” but she said': the closing quote stays behind.
                        if (
                            cut < hi
                            and toks[cut].text in CURLY_CLOSERS | {'"', "’"}
                            and toks[cut].start == toks[k].end
                        ):
                            cut += 1
                        break
                if cut is None:
                    cut = hi
                    # "X criticized the plan and called for ...": "and" opens the second clause.
                    while a.shared and cut - 1 > lo and toks[cut - 1].low in CLAUSE_OPENERS:
                        cut -= 1
            else:
                for k in range(lo, hi):
                    if toks[k].text in {",", ";", "—", "–", "."}:
                        cut = k + 1
                        break
                if cut is None:
                    cut = hi
            cut = min(max(cut, cuts[-1] + 1), len(toks) - 1)
            cuts.append(cut)
        cuts.append(len(toks))
        return [(cuts[k], cuts[k + 1]) for k in range(len(atts))]

    # -- claim construction --------------------------------------------------

    def _meta(self, m: _Meta) -> None:
        self.metas.append(m)
        self.meta_of[id(m.claim)] = m

    def _add(
        self,
        idx: int,
        sent: Sentence,
        a: int,
        b: int,
        att: Attribution | None,
    ) -> Claim | None:
        toks = sent.toks
        if a >= b:
            return None
        start, end = toks[a].start, toks[b - 1].end
        pub = self.publisher
        if att is None:
            claim = Claim(
                text=self.text[start:end],
                start=start,
                end=end,
                source=None,
                source_span=None,
                source_type=None,
                outlet=pub,
                cue=None,
                status=Status.UNATTRIBUTED,
                chain=list(self.head),
            )
            sent.claims.append(claim)
            self._meta(_Meta(claim, idx, None, False))
            return claim
        res, span = self._resolve(sent, att)
        if res.entity is None and _bare_it(toks, att) and not self._document_near(idx):
            # "It features a retractable roof": no document or body for "it" to be
            return self._add(idx, sent, a, b, None)
        self.tracker.note_issuer(toks, att.cue_index + 1, res)
        outlet, via = self._outlet(toks, att, res)
        chain: list[str] = list(self.head)
        if att.relay is not None and att.relay.src is not None:
            # "X said A, according to Reuters": the content came through the tag's party
            relay = self.tracker.resolve(toks, att.relay.src)
            carrier = relay.outlet or relay.name if relay.type == SourceType.OUTLET else None
            if carrier is not None:
                self.tracker.note_outlet(carrier)
                chain.append(carrier)
                outlet, via = carrier, carrier != self.publisher
            elif relay.name not in chain:
                chain.append(relay.name)
        if outlet and outlet not in chain:
            chain.append(outlet)
        if (res.name and res.name not in chain and res.type != SourceType.OUTLET) or (
            res.type == SourceType.OUTLET and res.name not in chain
        ):
            chain.append(res.name)
        cue = att.cue
        if att.kind == CueKind.VERB and att.lemma == "tell":
            if att.recipient is not None:
                cue = self.text[att.cue_start : att.recipient.end]
            elif att.recipient_np is not None:
                cue = self.text[att.cue_start : toks[att.recipient_np[1] - 1].end]
        status = Status.REPORTED
        evidence: list[list[int]] = []
        if att.lemma in DENIAL_LEMMAS or att.cue.lower() in DENIAL_WORDS:
            status = Status.DENIED
            evidence = [[att.cue_start, att.cue_end]]  # the denial itself
        claim = Claim(
            text=self.text[start:end],
            start=start,
            end=end,
            source=res.name,
            source_span=span,
            source_type=res.type,
            outlet=outlet,
            cue=cue,
            status=status,
            chain=chain,
            evidence=evidence,
            uncertain=res.uncertain,
        )
        sent.claims.append(claim)
        sent.main = claim
        key = res.name if res.type != SourceType.ANONYMOUS else f"anon:{res.name}"
        conflict = st.find_conflict(toks, a, b, att.cue_index, sent.mask, att.src)
        self._meta(_Meta(claim, idx, key, via, conflict, res.entity))
        if res.entity is not None and outlet and outlet != pub and res.type == SourceType.ANONYMOUS:
            # an outlet's unnamed sources stay its sources ("those sources told the paper");
            # a named person who spoke to an outlet once may say the rest elsewhere
            res.entity.outlet = outlet
        if st.find_rebuttal(toks, att.cue_index):
            self._rebut(claim)
        return claim

    def _document_near(self, idx: int) -> bool:
        """Whether this sentence or the one before names a document "it" can be ("...
        published its audit. It also mentions ...")."""
        for sent in self.sents[max(0, idx - 1) : idx + 1]:
            toks = sent.toks
            for k in range(1, len(toks)):
                if toks[k].low in DOCUMENT_HEADS and toks[k - 1].low in DOCUMENT_DETERMINERS:
                    return True
        return False

    def _resolve(self, sent: Sentence, att: Attribution) -> tuple[Resolved, list[int] | None]:
        toks = sent.toks
        src = att.src
        assert src is not None
        origin = next((m for m in att.merged if m.kind == CueKind.CITING and m.src), None)
        if src[1] - src[0] == 1 and toks[src[0]].low in BE_CONTRACTIONS:
            # "He's claiming ...": the mention is the pronoun without the fused "be".
            t = toks[src[0]]
            cut = max(t.text.rfind("'"), t.text.rfind("’"))
            toks = [
                *toks[: src[0]],
                make_token(t.text[:cut], t.start, t.start + cut),
                *toks[src[0] + 1 :],
            ]
        # "X said A, but he said B": a pronoun of a later clause is first looked for
        # among the people this sentence's earlier clauses named
        res = self.tracker.resolve(toks, att.name or src, self.here)
        if res.entity is not None and res.type in (SourceType.PERSON, SourceType.OFFICIAL):
            self.here.insert(0, res.entity)
        if att.appos is not None:
            self.tracker.describe_as(res, toks, att.appos)
        span = [toks[src[0]].start, toks[src[1] - 1].end]
        if origin is not None and origin.src is not None and res.type == SourceType.OUTLET:
            outlet = res.outlet or res.name
            self.tracker.note_outlet(outlet)
            ores = self.tracker.resolve(toks, origin.src)
            ores.outlet = outlet
            if ores.entity is not None:
                ores.entity.outlet = outlet
            return ores, [toks[origin.src[0]].start, toks[origin.src[1] - 1].end]
        return res, span

    def _outlet(
        self, toks: Sequence[Token], att: Attribution, res: Resolved
    ) -> tuple[str | None, bool]:
        """The outlet the information came through, and whether it is not the publisher."""
        outlet: str | None = None
        if res.type == SourceType.OUTLET:
            outlet = res.outlet or res.name
        elif att.recipient is not None:
            outlet = self.tracker.pick_outlet(att.recipient)
        elif att.recipient_np is not None:
            outlet = self.tracker.outlet_for_np(toks, att.recipient_np)
        if outlet is None and res.outlet:
            outlet = res.outlet
        if outlet:
            self.tracker.note_outlet(outlet)
        via = bool(outlet) and outlet != self.publisher
        return outlet or self.publisher, via

    # -- cross-sentence passes ------------------------------------------------

    def _continue_quotes(self) -> None:
        """Give quoted sentences with no cue the source of their speaker (quotes.py)."""
        for k, j in quote_groups(self.sents):
            speaker = find_speaker(self.sents, k, j, self.text)
            if speaker is None:
                continue
            for s in self.sents[k : j + 1]:
                if s.main is None:
                    for c in s.claims:
                        self._inherit(c, speaker.claim, speaker.uncertain)

    def _outlet_back(self) -> None:
        """What a named source says right before the sentence that names the outlet it
        said it through came through that outlet too: "Richardson weighed in, saying
        the league should act. Richardson, via USA Today, said ..." (the article
        summarises the interview, then quotes it). Only the sentence just before, only
        the same source, and only where it named no outlet itself."""
        for prev, m in pairwise(self.metas):
            c, p = m.claim, prev.claim
            if (
                not m.via_outlet
                or c.source is None
                or c.source_type in (SourceType.ANONYMOUS, SourceType.OUTLET)
                or prev.via_outlet
                or p.source != c.source
                or prev.sentence != m.sentence - 1
                or p.outlet != self.publisher
            ):
                continue
            p.outlet = c.outlet
            if c.outlet and c.outlet not in p.chain:
                p.chain.insert(len(self.head), c.outlet)
            prev.via_outlet = True

    def _settle_types(self) -> None:
        """A person the article later shows to hold office ("Kurt Volker, the former
        special envoy") is an official in every claim, earlier ones too."""
        for m in self.metas:
            ent = m.entity
            c = m.claim
            if (
                ent is not None
                and ent.type == SourceType.OFFICIAL
                and c.source == ent.name
                and c.source_type == SourceType.PERSON
            ):
                c.source_type = SourceType.OFFICIAL

    def _fold_tag_sentences(self) -> None:
        """A bare tag after a quotation ("“We won.” Holmes testified.") joins the claim of
        the quoted sentence it tags instead of standing alone."""
        for k in range(1, len(self.sents)):
            sent, prev = self.sents[k], self.sents[k - 1]
            if not sent.tag_only or prev.para != sent.para or not prev.claims:
                continue
            tag, last = sent.claims[0], prev.claims[-1]
            if last.source != tag.source or last.source is None:
                continue
            last.end = tag.end
            last.text = self.text[last.start : last.end]
            last.source_span, last.cue = tag.source_span, tag.cue
            self.meta_of.pop(id(tag)).dropped = True
            sent.claims.clear()
            sent.main = None
            prev.main = last

    def _join_interrupted_quotes(self) -> None:
        """A quotation its tag interrupts is one claim: '“We won,” Holmes said. “It was
        the team.”' The quote resumes in the next sentence of the paragraph with no
        cue of its own (its speaker came from :meth:`_continue_quotes`); it joins the
        tagged claim up to where the quotation closes."""
        k = 0
        while k < len(self.sents) - 1:
            prev = self.sents[k]
            last = prev.claims[-1] if prev.claims else None
            if (
                last is None
                or last.source is None
                or last.cue is None
                or prev.toks[0].text not in _QUOTE_OPENERS
                or prev.quote_open_after
            ):
                k += 1
                continue
            j = k + 1
            while j < len(self.sents):
                nxt = self.sents[j]
                opens = nxt.toks[0].text in _QUOTE_OPENERS if j == k + 1 else nxt.quote_open_before
                if (
                    nxt.para != prev.para
                    or not opens
                    or nxt.main is not None
                    or not nxt.claims
                    or any(c.source != last.source for c in nxt.claims)
                ):
                    break
                for c in nxt.claims:
                    self.meta_of.pop(id(c)).dropped = True
                last.end = nxt.claims[-1].end
                last.evidence += [e for c in nxt.claims for e in c.evidence]
                nxt.claims.clear()
                j += 1
                if not nxt.quote_open_after:
                    break
            last.text = self.text[last.start : last.end]
            k = j

    def _embedded_posts(self) -> None:
        """The paragraphs of an embedded post take its account as their source."""
        posts = 0
        for idx, sent in enumerate(self.sents):
            sig = signature(sent, self.text)
            if sig is None or sent.main is not None or posts >= MAX_NOTES:
                continue
            posts += 1
            members = post_sentences(self.sents, idx, sig["name"], self.text)
            for c in sent.claims:  # the signature is a credit line, not a claim
                self.meta_of.pop(id(c)).dropped = True
            sent.claims.clear()
            if not members:
                continue
            author = self._post_author(idx, sent, sig)
            for k in members:
                s = self.sents[k]
                s.main = None  # "I urge ..." in a post is the account speaking
                if not s.claims:
                    self._add(k, s, 0, len(s.toks), None)
                for c in s.claims:
                    self._inherit(c, author, False)

    def _post_author(self, idx: int, sent: Sentence, sig: re.Match[str]) -> Claim:
        """A claim standing for the account that signed a post: "— Jane Doe (@janedoe)"."""
        start = sent.start + (
            len(self.text[sent.start : sent.end]) - len(self.text[sent.start : sent.end].lstrip())
        )
        a_off, b_off = start + sig.start("name"), start + sig.end("name")
        toks = sent.toks
        a = next(i for i, t in enumerate(toks) if t.end > a_off)
        b = max(a + 1, next((i for i, t in enumerate(toks) if t.start >= b_off), len(toks)))
        res = self.tracker.resolve(toks, (a, b))
        pub = self.publisher
        chain = list(self.head)
        if res.name not in chain:
            chain.append(res.name)
        author = Claim(
            text=self.text[sent.start : sent.end],
            start=sent.start,
            end=sent.end,
            source=res.name,
            source_span=None,
            source_type=res.type,
            outlet=pub,
            cue="posted",
            status=Status.REPORTED,
            chain=chain,
        )
        self.meta_of[id(author)] = _Meta(author, idx, res.name, False)
        return author

    def _inherit(self, c: Claim, speaker: Claim, uncertain: bool) -> None:
        c.source = speaker.source
        c.source_type = speaker.source_type
        c.outlet = speaker.outlet
        c.cue = speaker.cue
        c.status = speaker.status if speaker.status != Status.UNATTRIBUTED else Status.REPORTED
        c.chain = list(speaker.chain)
        c.evidence = [list(span) for span in speaker.evidence]
        c.uncertain = uncertain or speaker.uncertain
        m, sm = self.meta_of[id(c)], self.meta_of[id(speaker)]
        m.entity_key, m.via_outlet, m.entity = sm.entity_key, sm.via_outlet, sm.entity

    def _set_status(self, c: Claim, status: Status, evidence: tuple[int, int]) -> bool:
        """Give ``c`` the status the text shows at ``evidence``, if it prevails over the
        status it has (status.prevails); a new status brings its own evidence."""
        if not st.prevails(status, c.status):
            return False
        span = [evidence[0], evidence[1]]
        if status != c.status:
            c.status = status
            c.evidence = [span]
        elif span not in c.evidence:
            c.evidence.append(span)
        return True

    def _conflict(self, a: Claim, b: Claim) -> None:
        """Record that claims ``a`` and ``b`` give conflicting accounts (indices later)."""
        self.conflicts.setdefault(id(a), []).append(b)
        self.conflicts.setdefault(id(b), []).append(a)

    def _rebut(self, denial: Claim) -> None:
        """A denial of "the report": earlier covered claims become disputed, with the
        denial as their evidence."""
        self.rebuttals += 1
        if self.rebuttals > MAX_NOTES:
            return
        for m in self._covered(len(self.metas) - 1, None):
            if m.claim is not denial and self._set_status(
                m.claim, Status.DISPUTED, (denial.start, denial.end)
            ):
                self._conflict(m.claim, denial)

    def _covered(self, before: int, outlet: str | None) -> list[_Meta]:
        """Claims a note/rebuttal at meta index ``before`` covers (see status.py)."""
        attributed = [m for m in self.metas[:before] if m.claim.source is not None]
        if outlet is None:
            if not attributed:
                return []
            last = attributed[-1]
            if last.via_outlet and last.claim.outlet:
                outlet = last.claim.outlet
            else:
                key = last.entity_key
                out = []
                for m in reversed(attributed):
                    if m.entity_key != key:
                        break
                    out.append(m)
                return out
        return [m for m in self.metas if m.via_outlet and m.claim.outlet == outlet]

    def _apply_conflicts(self) -> None:
        """Two parties' conflicting accounts: both disputed, each the other's evidence.

        A clause with a conflict signal (status.find_conflict: "disputed the account",
        "Y, however, said", "said the opposite", "no evidence") conflicts with one
        claim: the other clause of its sentence when that sentence opens with
        "Although"/"While" ..., else the nearest attributed claim from another source
        in the same or the previous sentence.
        """
        metas = self.metas
        done = 0
        for k, m in enumerate(metas):
            if not m.conflict or done >= MAX_NOTES:
                continue
            done += 1
            other = self._conflict_target(k)
            if other is None:
                continue
            o = other.claim
            # each is the other's evidence; a denial stays a denial (status.prevails)
            self._conflict(o, m.claim)
            self._set_status(o, Status.DISPUTED, (m.claim.start, m.claim.end))
            self._set_status(m.claim, Status.DISPUTED, (o.start, o.end))

    def _conflict_target(self, k: int) -> _Meta | None:
        """The claim the conflicting claim ``metas[k]`` stands against (see above)."""
        metas = self.metas
        m = metas[k]
        sent = self.sents[m.sentence]
        if sent.toks[0].low in CONCESSIVE_OPENERS:
            same = [
                o
                for o in metas[:k]
                if o.sentence == m.sentence and o.claim.source and o.entity_key != m.entity_key
            ]
            if same:
                return same[0]
        # "however": the account just before; a contradiction: the nearest related one
        reach = 1 if m.conflict == st.Signal.CONTRAST else 2
        j = k - 1
        while j >= 0 and metas[j].sentence >= m.sentence - reach:
            o = metas[j]
            if (
                o.claim.source is not None
                and o.entity_key != m.entity_key
                and (
                    m.conflict == st.Signal.CONTRAST
                    or st.shares_subject(_content(o.claim), _content(m.claim))
                )
            ):
                return o
            j -= 1
        return None

    def _apply_notes(self) -> None:
        """Verification notes set the status of the claims they cover (status.py), with
        the note's sentence as the evidence."""
        count = 0  # claims before the current sentence
        notes = 0
        for idx, sent in enumerate(self.sents):
            while count < len(self.metas) and self.metas[count].sentence < idx:
                count += 1
            note = sent.note
            if note is None or notes >= MAX_NOTES:
                continue
            notes += 1
            where = _clause_span(sent.toks, note.verb_index)
            outlet = None
            for k in range(note.object_start, min(len(sent.toks), note.object_start + 8)):
                mm = self.registry.match(sent.toks, k)
                if mm is not None:
                    outlet = self.tracker.pick_outlet(mm)
                    break
            if outlet is not None or note.generic:
                for m in self._covered(count, outlet):
                    self._set_status(m.claim, note.kind, where)
            elif note.verb_index < note.object_start < len(sent.toks):
                # "unable to confirm the number of containers waiting": the claims
                # about what it names
                obj = self.text[sent.toks[note.object_start].start : where[1]]
                for m in self._about(obj, idx):
                    self._set_status(m.claim, note.kind, where)
            if note.kind == Status.CONFIRMED:
                for c in sent.claims:
                    self._set_status(c, Status.CONFIRMED, where)

    def _about(self, words: str, idx: int) -> list[_Meta]:
        """The attributed claims outside sentence ``idx`` whose content is about
        ``words`` (status.shares_subject): what a note with a specific object covers."""
        return [
            m
            for m in self.metas
            if m.sentence != idx
            and m.claim.source is not None
            and st.shares_subject(_content(m.claim), words)
        ]

    def _number_conflicts(self, claims: Sequence[Claim]) -> None:
        """``conflicts_with`` as indices into the article's final list of claims."""
        index = {id(c): i for i, c in enumerate(claims)}
        for c in claims:
            others = self.conflicts.get(id(c), [])
            c.conflicts_with = sorted(
                {index[id(o)] for o in others if id(o) in index} - {index[id(c)]}
            )


#: What opens a quotation at the start of a sentence.
_QUOTE_OPENERS = CURLY_OPENERS | {'"'}


def _content(c: Claim) -> str:
    """A claim's words without its source mention (what it says, not who says it)."""
    if not c.source_span:
        return c.text
    a, b = c.source_span[0] - c.start, c.source_span[1] - c.start
    return c.text[: max(0, a)] + " " + c.text[max(0, b) :]


def _fold_tags(toks: Sequence[Token], atts: list[Attribution]) -> list[Attribution]:
    """A trailing tag on the content of the attribution before it is no claim of its own.

    "Aides said the vote would come in May, the Ledger reported." and "..., X said,
    according to Reuters." have one claim each: the content, by its source, through the
    tag's party (the Attribution's ``relay``).
    """
    out: list[Attribution] = []
    for a in atts:
        p = out[-1] if out else None
        if (
            p is not None
            and p.relay is None
            and p.kind != CueKind.LABEL
            and a.trailing
            and a.src is not None
            and not a.shared
            and a.kind in {CueKind.PREP, CueKind.VERB}
            and a.region[0] > 0
            and toks[a.region[0] - 1].text in {",", "—", "–"}
            and (_only_tag_after(toks, a.region[1]) or _source_modifier_after(toks, a.region[1]))
            and (p.trailing or _has_words(toks, p.region[1], a.region[0]))
        ):
            if _bare_it(toks, p):
                out[-1] = a  # "It shows no sign of easing, forecasters said.": theirs
            else:
                p.relay = a
            continue
        out.append(a)
    return out


def _bare_it(toks: Sequence[Token], att: Attribution) -> bool:
    """Whether the attribution's source mention is a lone "it"."""
    src = att.src
    return src is not None and src[1] - src[0] == 1 and toks[src[0]].low == "it"


def _only_tag_after(toks: Sequence[Token], k: int) -> bool:
    """Whether the tokens from ``k`` on add nothing but time words and punctuation."""
    return all(not t.is_word or t.low in CUE_QUALIFIERS or t.low.isdigit() for t in toks[k:])


#: Participles that describe the tag's source, not a new event ("according to a
#: statement released by the council", "a report published on Monday").
SOURCE_PARTICIPLES = frozenset(
    [
        "released",
        "issued",
        "published",
        "posted",
        "sent",
        "shared",
        "signed",
        "filed",
        "provided",
        "obtained",
        "seen",
        "reviewed",
        "prepared",
        "made",
    ]
)
_PARTICIPLE_LINKS = frozenset(["by", "on", "in", "to", "from", "late", "earlier", "last", "this"])


def _source_modifier_after(toks: Sequence[Token], k: int) -> bool:
    """Whether the tokens from ``k`` only describe the tag's source: a participle such
    as "released" followed by "by"/"on"/"to"…, to the end of the sentence."""
    return (
        k + 1 < len(toks)
        and toks[k].low in SOURCE_PARTICIPLES
        and toks[k + 1].low in _PARTICIPLE_LINKS
    )


def _has_words(toks: Sequence[Token], a: int, b: int) -> bool:
    return any(t.is_word for t in toks[a:b])


def _clause_span(toks: Sequence[Token], k: int) -> tuple[int, int]:
    """Offsets of the clause around token ``k``: "Insider was unable to verify the
    reports" of "..., and the ministry did not respond"."""
    a = k
    while a > 0 and not _clause_break(toks, a - 1):
        a -= 1
    b = k + 1
    while b < len(toks) and not _clause_break(toks, b):
        b += 1
    while b > a + 1 and not toks[b - 1].is_word and toks[b - 1].text not in CLOSE_QUOTES:
        b -= 1
    return toks[a].start, toks[b - 1].end


def _clause_break(toks: Sequence[Token], k: int) -> bool:
    """Whether token ``k`` ends a clause: ";", or a comma before "and"/"but"."""
    t = toks[k].text
    if t in {";", ":"}:
        return True
    return t == "," and k + 1 < len(toks) and toks[k + 1].low in {"and", "but", "while", "though"}


def run_engine(
    text: str,
    publisher: str | None,
    registry: OutletRegistry,
    wire: str | None = None,
    disabled: Collection[str] = (),
) -> Findings:
    """The rule engine on one text (see :class:`reader.attribution.finder.RuleFinder`)."""
    if not text or not text.strip():
        pub = registry.canonical(publisher) if publisher else None
        return Findings([], pub or (publisher.strip() or None if publisher else None))
    engine = _Engine(text, publisher, registry, wire, disabled)
    claims = engine.run()
    return Findings(claims, engine.publisher)


__all__ = ["detect_publisher", "run_engine"]
