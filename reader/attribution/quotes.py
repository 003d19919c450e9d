"""Quoted words with no cue of their own, and whose they are.

A quotation that runs over several sentences, or over paragraphs (news style leaves
the quote open at the end of a paragraph and reopens it at the next), is one
*group*.  A group whose sentences carry no cue takes its speaker from, in order:

1. a cue inside the group: "“A. B,” she said.";
2. the sentence just before it in the same paragraph: "“A,” she said. “B. C.”",
   "She said the plan had failed. “We lost.”";
3. a cue ending the previous paragraph with a colon: "She said:" / "“B. C.”";
4. an attributed quotation ending the previous paragraph, when the group is a
   whole quoted paragraph; the speaker is then a paragraph away, so uncertain;
5. the sentence just after it in the same paragraph, when that one is a quotation
   with its speaker ("“A.” “B,” she said."), a bare tag ("“A. B.” Holmes
   testified.") or the group is one quoted sentence ("“We will win.” Park said the
   team was ready.").

An *embedded post* (a tweet, an Instagram post) is signed by a line such as
"— Jane Doe (@janedoe) November 3, 2019" or "A post shared by Jane Doe (@janedoe)":
the short paragraphs just before the signature, back to the writer's own words
(a paragraph with a cue, or one that names the account or the platform), are
the account's words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from reader.attribution.lexicon import CLOSE_QUOTES, OPEN_QUOTES, POST_PLATFORM_WORDS
from reader.attribution.sentence import Sentence
from reader.model import Claim

#: A post's signature: "— Jane Doe (@janedoe) November 3, 2019", "A post shared by ...".
SIGNATURE = re.compile(
    r"^(?:[—–―-]\s*|a (?:post|photo|video) shared by\s+)"
    r"(?P<name>[^\s()@][^()@\n]{0,60}?)\s*\(@(?P<handle>\w{1,30})\)",
    re.IGNORECASE,
)
#: How far back from a signature the post's own paragraphs can reach.
MAX_POST_PARAGRAPHS = 4
#: Longer paragraphs are the writer's prose, not a post's text.
MAX_POST_CHARS = 600


@dataclass(frozen=True)
class Speaker:
    """Whose words a group of quoted sentences are, and whether that is a guess."""

    claim: Claim
    uncertain: bool = False


def quote_groups(sents: Sequence[Sentence]) -> list[tuple[int, int]]:
    """Index ranges [k, j] of sentences inside one quotation (single sentences too)."""
    out: list[tuple[int, int]] = []
    n = len(sents)
    k = 0
    while k < n:
        j = k
        while j + 1 < n and sents[j].quote_open_after and _continues(sents[j], sents[j + 1]):
            j += 1
        out.append((k, j))
        k = j + 1
    return out


def _continues(cur: Sentence, nxt: Sentence) -> bool:
    """Whether an open quotation in ``cur`` goes on in ``nxt``: the same paragraph, or
    the next paragraph reopening it with a quotation mark."""
    if nxt.para == cur.para:
        return True
    return nxt.para == cur.para + 1 and nxt.para_start and _opens_quote(nxt)


def _opens_quote(sent: Sentence) -> bool:
    return bool(sent.toks) and sent.toks[0].text in OPEN_QUOTES


def _is_quoted(group: Sequence[Sentence]) -> bool:
    first = group[0]
    return first.quote_open_before or first.fully_quoted or _opens_quote(first)


def _has_quote(sent: Sentence) -> bool:
    return any(t.text in CLOSE_QUOTES for t in sent.toks) or sent.quote_open_before


def find_speaker(sents: Sequence[Sentence], k: int, j: int, text: str) -> Speaker | None:
    """The speaker of the quoted group ``sents[k..j]`` (see the module docstring)."""
    group = sents[k : j + 1]
    inside = next((s.main for s in group if s.main is not None), None)
    if inside is not None:
        return Speaker(inside)
    if not _is_quoted(group):
        return None
    first, last = group[0], group[-1]
    prev = sents[k - 1] if k > 0 else None
    if prev is not None and prev.main is not None:
        if prev.para == first.para:
            return Speaker(prev.main)
        if prev.para == first.para - 1:
            if text[prev.end - 1 : prev.end] == ":":
                return Speaker(prev.main)
            whole = first.para_start and (j + 1 >= len(sents) or sents[j + 1].para != last.para)
            if whole and _has_quote(prev) and first.fully_quoted | _opens_quote(first):
                return Speaker(prev.main, uncertain=True)
    nxt = sents[j + 1] if j + 1 < len(sents) else None
    if (
        nxt is not None
        and nxt.main is not None
        and nxt.para == last.para
        and (
            (_opens_quote(nxt) and _has_quote(nxt))
            or (j == k and first.fully_quoted)
            or (nxt.tag_only and _has_quote(last))
        )
    ):
        return Speaker(nxt.main)
    return None


def _first_person(claim: Claim, text: str) -> bool:
    """Whether a claim's source mention is "I" or "we": in a post, the account itself."""
    span = claim.source_span
    return span is not None and text[span[0] : span[1]].lower() in {"i", "we"}


def signature(sent: Sentence, text: str) -> re.Match[str] | None:
    """The post signature this sentence is, if it is one."""
    return SIGNATURE.match(text[sent.start : sent.end].strip())


def post_sentences(sents: Sequence[Sentence], sig: int, name: str, text: str) -> list[int]:
    """Indices of the sentences of the post signed at ``sents[sig]``, in order."""
    words = {w.lower() for w in name.replace("@", " ").split() if len(w) > 2}
    para = sents[sig].para
    out: list[int] = []
    k = sig - 1
    paragraphs = 0
    while k >= 0 and paragraphs < MAX_POST_PARAGRAPHS:
        p = sents[k].para
        if p != para - 1 - paragraphs:
            break
        first = k
        while first > 0 and sents[first - 1].para == p:
            first -= 1
        members = sents[first : k + 1]
        start, end = members[0].start, members[-1].end
        body = text[start:end]
        if (
            end - start > MAX_POST_CHARS
            or any(s.main is not None and not _first_person(s.main, text) for s in members)
            or any(w.strip(".,:;!?'’\"“”").lower() in words for w in body.split())
            or any(w.strip(".,:;!?'’\"“”").lower() in POST_PLATFORM_WORDS for w in body.split())
        ):
            break
        out[:0] = range(first, k + 1)
        paragraphs += 1
        k = first - 1
    return out
