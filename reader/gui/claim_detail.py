"""The current claim in full, under the claims list: what it says, why it has its status,
where it comes from, and what you made of it.

The list's cards show a claim's opening lines; this pane shows the rest: the whole
claim; the status with its evidence words and the claims it conflicts with (links that
select them); the source as written in the article and as resolved, "uncertain" where
the engine says so; its type and outlet; the chain with each link named; your verdict,
note and verdict history. The words come from :mod:`reader.describe`, the one place
that says them; here they are only laid out.

It is a read-only :class:`QTextBrowser` on a :class:`SafeDocument`: it scrolls when the
text is long, and its height is the splitter's, never the text's, so stepping through
claims does not move the list above it. Every word from the article or the user is
escaped: an article's text is never read as markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPoint, QUrl, Signal
from PySide6.QtGui import QColor, QPalette, QTextCursor
from PySide6.QtWidgets import QFrame, QTextBrowser, QWidget

from reader.describe import (
    LINK_MEANINGS,
    UNCERTAIN_MEANING,
    ReasonKind,
    chain_line,
    chain_links,
    local_time,
    reasons,
    source_as_written,
)
from reader.gui.rendering import SafeDocument
from reader.gui.style import (
    blend,
    contrast_text,
    meta_text,
    status_color,
    uncertain_color,
    verdict_color,
    verdict_label,
    verdict_tint,
)

if TYPE_CHECKING:
    from reader.store.library import StoredClaim, VerdictEntry
    from reader.trace.group import Member, Trace

#: Words of a conflicting claim shown after its link.
CONFLICT_WORDS = 10
#: Link schemes of the pane: a claim to select, the evidence to show in the article,
#: another article's claim (``appearance:ARTICLE:SEQ``), the page a claim cites.
CLAIM_SCHEME, EVIDENCE_SCHEME = "claim", "evidence"
APPEARANCE_SCHEME, ORIGIN_SCHEME = "appearance", "origin"
#: Words of another article's wording shown under its link.
APPEARANCE_WORDS = 24
#: How a link between two claims is named in the pane.
RELATION_WORDS = {"copy": "same words", "rewrite": "reworded", "same_facts": "same facts"}


@dataclass(frozen=True)
class DetailContext:
    """What the pane needs besides the claim: the article's claims and text, its
    publisher and wire (to name the chain's links) and the claim's verdict history."""

    claims: Sequence[StoredClaim]
    text: str
    publisher: str | None = None
    wire: str | None = None
    history: Sequence[VerdictEntry] = ()
    #: The claim's group across the library (reader.trace); None: not known (yet).
    trace: Trace | None = None
    #: Why there is no trace ("not linked yet"), shown instead of it.
    trace_note: str = ""


def badge_html(word: str, fill: QColor) -> str:
    """A badge as the list paints it: the word on its colour, in black or white."""
    fg = contrast_text(fill).name()
    return (
        f'<span style="background-color:{fill.name()}; color:{fg};">'
        f"&nbsp;{escape(word)}&nbsp;</span>"
    )


def verdict_badge_html(verdict: str, palette: QPalette) -> str:
    """The verdict as the list draws it: mark and word ("✗ false") in the verdict's
    colour on a faint tint of it (a tag, not a filled status badge)."""
    colour = verdict_color(verdict, palette)
    tint = blend(verdict_tint(colour), palette.color(QPalette.ColorRole.Base))
    return (
        f'<span style="background-color:{tint.name()}; color:{colour.name()}; '
        f'font-weight:600;">&nbsp;{escape(verdict_label(verdict))}&nbsp;</span>'
    )


def _words(text: str, n: int) -> str:
    words = text.split()
    return " ".join(words[:n]) + ("…" if len(words) > n else "")


def detail_html(row: int | None, ctx: DetailContext, palette: QPalette) -> str:
    """The pane's HTML for claim ``row`` of ``ctx.claims`` (None: no claim chosen)."""
    muted = meta_text(palette).name()

    def label(words: str) -> str:
        return f'<span style="color:{muted};">{escape(words)}</span>'

    def heading(words: str) -> str:
        return f'<p style="margin-top:10px; margin-bottom:2px;"><b>{escape(words)}</b></p>'

    claims = ctx.claims
    if row is None or not 0 <= row < len(claims):
        if not claims:
            return f"<p>{label('This article has no claims.')}</p>"
        return "<p>" + label(
            "No claim chosen. Press J for the next claim, or click a claim in the list or "
            "a sentence in the article: its details show here."
        ) + "</p>"  # fmt: skip
    sc = claims[row]
    c = sc.claim
    out = [
        f"<p>{badge_html(c.status, status_color(c.status))}&nbsp; "
        f"{label(f'Claim {row + 1} of {len(claims)}')}</p>",
        f"<p>{escape(c.text)}</p>",
    ]
    # why it has its status: the evidence words, or why there are none; conflicts
    out.append(heading("Status"))
    why = reasons(ctx.text, c, uncertain=False)
    lines = []
    for r in why:
        if r.kind == ReasonKind.CONFLICT:
            if r.claim is None or not 0 <= r.claim < len(claims) or r.claim == row:
                continue
            other = claims[r.claim].claim
            lines.append(
                f'<a href="{CLAIM_SCHEME}:{r.claim}">{escape(r.text)}</a> '
                f"{badge_html(other.status, status_color(other.status))} "
                f"{escape('“' + _words(other.text, CONFLICT_WORDS) + '”')}"
            )
        else:
            lines.append(escape(r.text))
    if any(r.kind == ReasonKind.EVIDENCE for r in why):
        lines.append(f'<a href="{EVIDENCE_SCHEME}:">Show the evidence in the article</a>')
    out.append("<p>" + "<br>".join(lines) + "</p>")
    # who else reports it (the trace)
    out.append(heading("Also reported by"))
    out.append(_trace_html(ctx, label))
    # the source, as written and as resolved
    out.append(heading("Source"))
    src = []
    written = source_as_written(ctx.text, c)
    if not c.source:
        src.append(label("None given: the article asserts it itself."))
    else:
        src.append(
            label("As written: ")
            + (escape(f"“{written}”") if written else label("not named in this sentence"))
        )
        resolved = label("Resolved: ") + escape(c.source)
        if c.uncertain:
            tag = uncertain_color(palette).name()
            resolved += f' <b style="color:{tag};">?&nbsp;uncertain</b> ' + label(
                f"({UNCERTAIN_MEANING})"
            )
        src.append(resolved)
        src.append(label("Type: ") + escape(c.source_type or "unknown"))
        if c.cue:
            src.append(label("Attributed by: ") + escape(f"“{c.cue}”"))
    src.append(label("Outlet: ") + escape(c.outlet or "none"))
    out.append("<p>" + "<br>".join(src) + "</p>")
    # the chain, each link named
    out.append(heading("Chain"))
    if c.chain:
        links = [
            f"{label(role.value + ':')} {escape(name)} {label('— ' + LINK_MEANINGS[role])}"
            for role, name in chain_links(c, ctx.publisher, ctx.wire)
        ]
        out.append(f"<p>{escape(chain_line(c))}<br>" + "<br>".join(links) + "</p>")
    else:
        out.append(f"<p>{label('No chain: the engine found no path for it.')}</p>")
    # the page the attribution links to, and where it is in the library
    me = _this(ctx.trace)
    if c.origin_url:
        where = me.origin_url if me is not None else None
        cited = label("Cites: ") + escape(c.origin_url)
        if where is not None and where.article_id is not None:
            target = f"{where.article_id}:{where.seq if where.seq is not None else ''}"
            cited += f'<br><a href="{APPEARANCE_SCHEME}:{target}">Open the cited article</a>'
        else:
            cited += f'<br><a href="{ORIGIN_SCHEME}:">Import the cited page</a>'
        out.append(f"<p>{cited}</p>")
    # the user's verdict, note and history
    out.append(heading("Your verdict"))
    mine = [verdict_badge_html(sc.verdict, palette) if sc.verdict else label("None yet.")]
    if sc.note:
        mine.append(label("Note: ") + escape(sc.note).replace("\n", "<br>"))
    out.append("<p>" + "<br>".join(mine) + "</p>")
    if ctx.history:
        rows = []
        for e in ctx.history:
            given = verdict_badge_html(e.verdict, palette) if e.verdict else label("cleared")
            note = f" {escape(e.note)}" if e.note else ""
            rows.append(f"{label(local_time(e.created_at))} {given}{note}")
        out.append(f"<p>{label('History, oldest first:')}<br>" + "<br>".join(rows) + "</p>")
    return "\n".join(out)


def _this(trace: Trace | None) -> Member | None:
    if trace is None:
        return None
    return next((m for m in trace.members if m.relation == "this"), None)


def _member_date(m: Member) -> str:
    return m.date + (" (imported; no date given)" if m.date_from == "imported" else "")


def _trace_html(ctx: DetailContext, label: Any) -> str:
    """The "Also reported by" section: the group's summary, who had it first, a status
    that travels from another member, and each other appearance as a link."""
    trace = ctx.trace
    if trace is None:
        return f"<p>{label(ctx.trace_note or 'Not known yet.')}</p>"
    others = [m for m in trace.members if m.relation != "this"]
    unlinked = (
        f" ({trace.unlinked} article{'s' if trace.unlinked != 1 else ''} not linked yet)"
        if trace.unlinked
        else ""
    )
    if not others:
        return f"<p>{label('No other article in the library reports it' + unlinked + '.')}</p>"
    first = trace.first
    lines = [escape(trace.summary())]
    where = (
        "this article"
        if first.relation == "this"
        else f'<a href="{APPEARANCE_SCHEME}:{first.article_id}:{first.seq}">'
        f"{escape(first.title or first.outlet)}</a>"
    )
    when = escape(_member_date(first))
    lines.append(f"{label('First:')} {escape(first.outlet)}, {when}, {where}")
    if trace.status:
        said = next((m for m in trace.members if m.status == trace.status), None)
        if said is not None:
            words = f" “{escape(said.evidence[0])}”" if said.evidence else ""
            lines.append(
                f"{badge_html(trace.status, status_color(trace.status))} "
                f"{label('in')} {escape(said.outlet)}{words}"
            )
    out = ["<p>" + "<br>".join(lines) + "</p>"]
    for m in others:
        how = RELATION_WORDS.get(m.relation, m.relation)
        src = "independent" if m.independent else f"via {m.origin}" if m.origin else ""
        meta = " · ".join(x for x in (_member_date(m), how, src) if x)
        out.append(
            f'<p><a href="{APPEARANCE_SCHEME}:{m.article_id}:{m.seq}">{escape(m.outlet)}</a> '
            f"{label(meta)}<br>{escape('“' + _words(m.text, APPEARANCE_WORDS) + '”')}</p>"
        )
    if unlinked:
        out.append(f"<p>{label(unlinked.strip(' ()').capitalize() + '.')}</p>")
    return "\n".join(out)


class ClaimDetail(QTextBrowser):
    """The detail pane: :func:`detail_html` in a read-only browser whose links select a
    conflicting claim (:attr:`claimChosen`) or show the evidence (:attr:`evidenceChosen`)."""

    #: A "conflicts with" link: the claim (index into the article's claims) it names.
    claimChosen = Signal(int)
    #: The "show the evidence" link.
    evidenceChosen = Signal()
    #: Another article's claim: its article id and claim seq (-1: the article only).
    appearanceChosen = Signal(int, int)
    #: "Import the cited page".
    originChosen = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("claimDetail")
        self.setAccessibleName("Claim details")
        self.setAccessibleDescription(
            "The current claim in full: why it has its status, its source, chain and your verdict"
        )
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setReadOnly(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setTabChangesFocus(False)  # Tab walks the links; Enter follows one
        self.setDocument(SafeDocument(self))
        self.anchorClicked.connect(self._anchor)
        self.setMinimumHeight(80)
        #: The claim shown (index into the article's claims), None for none.
        self.row: int | None = None
        self.show_claim(None, DetailContext([], ""))

    def loadResource(self, type: int, name: QUrl | str) -> Any:
        """Nothing, ever (the HTML holds no resources; this is the second line)."""
        return None

    def show_claim(self, row: int | None, ctx: DetailContext) -> None:
        """Show claim ``row`` (None: the prompt to choose one), scrolled to its top."""
        self.row = row
        self.document().setHtml(detail_html(row, ctx, self.palette()))
        self.verticalScrollBar().setValue(0)

    def plain_text(self) -> str:
        """The pane's words without markup, spaces collapsed within each line (tests)."""
        return "\n".join(
            " ".join(line.split()) for line in self.document().toPlainText().splitlines()
        )

    def _anchor(self, url: QUrl) -> None:
        scheme, _, rest = url.toString().partition(":")
        if scheme == CLAIM_SCHEME and rest.isdigit():
            self.claimChosen.emit(int(rest))
        elif scheme == EVIDENCE_SCHEME:
            self.evidenceChosen.emit()
        elif scheme == APPEARANCE_SCHEME:
            aid, _, seq = rest.partition(":")
            if aid.isdigit():
                self.appearanceChosen.emit(int(aid), int(seq) if seq.isdigit() else -1)
        elif scheme == ORIGIN_SCHEME:
            self.originChosen.emit()

    def link_targets(self) -> list[str]:
        """Every link's address in the pane, in order (tests: what can be clicked)."""
        out = []
        block = self.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fmt = it.fragment().charFormat()
                if fmt.isAnchor() and fmt.anchorHref() and fmt.anchorHref() not in out:
                    out.append(fmt.anchorHref())
                it += 1
            block = block.next()
        return out

    def link_point(self, href: str) -> QPoint | None:
        """Scroll the link to ``href`` into view and return a viewport point inside it
        (tests click there), or None when the pane has no such link."""
        block = self.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                frag = it.fragment()
                if frag.charFormat().anchorHref() == href:
                    cur = QTextCursor(self.document())
                    cur.setPosition(frag.position() + min(1, frag.length() - 1))
                    self.setTextCursor(cur)
                    self.ensureCursorVisible()
                    return self.cursorRect(cur).center()
                it += 1
            block = block.next()
        return None
