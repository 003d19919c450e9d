"""Highlights, tags and the user's notes in a real library file: kept apart from the
extracted facts, so re-extraction re-anchors them (or orphans them, never drops
them); deleted and put back with their article; searchable with the text."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from reader.errors import InputError
from reader.library_ops import import_source, reextract
from reader.marks import Colour, relocate, selector_for
from reader.store import Library
from tests.test_store import BODY, make_article

BODY2 = BODY + "\n\nA second day of talks brought 14 cracked beams to light again."


def _highlight(lib: Library, aid: int, words: str, **kw: object):  # type: ignore[no-untyped-def]
    text = lib.article_text(aid) or ""
    s = text.index(words)
    return lib.add_highlight(aid, selector_for(text, s, s + len(words)), **kw)  # type: ignore[arg-type]


def test_add_update_delete_restore(library: Library) -> None:
    aid = library.add(*make_article()).article_id
    h = _highlight(
        library,
        aid,
        "14 cracked beams",
        colour=Colour.PINK,
        note="check",
        tags=["bridge", " #Bridge ", "budget"],
    )
    assert (h.exact, h.colour, h.note, h.tags) == (
        "14 cracked beams",
        Colour.PINK,
        "check",
        ["bridge", "budget"],
    )
    assert h.uid.startswith("urn:uuid:") and not h.orphaned
    assert h.prefix.endswith("Engineers found ") and h.suffix.startswith(", the city")
    h2 = library.update_highlight(h.id, colour=Colour.GREEN, note="", tags=["Safety"])
    assert (h2.colour, h2.note, h2.tags) == (Colour.GREEN, None, ["Safety"])
    gone = library.delete_highlight(h.id)
    assert gone is not None and library.highlights(article_id=aid) == []
    back = library.restore_highlight(gone)
    assert (back.id, back.uid, back.tags) == (h.id, h.uid, ["Safety"])
    # a deleted highlight's id is never given to another
    library.delete_highlight(h.id)
    assert _highlight(library, aid, "the bridge").id > h.id


def test_bad_highlights_are_refused_whole(library: Library) -> None:
    aid = library.add(*make_article()).article_id
    with pytest.raises(InputError):
        library.add_highlight(aid, selector_for("   ", 0, 3))
    with pytest.raises(InputError, match="no longer in the library"):
        library.add_highlight(aid + 99, selector_for("words", 0, 5))
    h = _highlight(library, aid, "the bridge")
    with pytest.raises(InputError, match="already"):
        library.add_highlight(aid, h.selector, uid=h.uid)
    with pytest.raises(ValueError):
        library.add_highlight(aid, h.selector, colour="mauve")  # type: ignore[arg-type]
    assert [x.id for x in library.highlights()] == [h.id]


def test_filters_by_tag_colour_article_and_orphaned(library: Library) -> None:
    a = library.add(*make_article()).article_id
    b = library.add(*make_article(BODY2, "Day two")).article_id
    assert a != b
    library.set_article_tags(b, ["Follow-up"])
    h1 = _highlight(library, a, "the bridge", tags=["bridge"])
    h2 = _highlight(library, b, "14 cracked beams", colour=Colour.BLUE)
    assert [h.id for h in library.highlights(tag="BRIDGE")] == [h1.id]
    assert [h.id for h in library.highlights(tag="follow-up")] == [h2.id]  # the article's tag
    assert [h.id for h in library.highlights(colour=Colour.BLUE)] == [h2.id]
    assert [h.id for h in library.highlights(article_id=a)] == [h1.id]
    assert library.highlights(orphaned=True) == []
    assert [(t.name, t.articles, t.highlights) for t in library.tags()] == [
        ("bridge", 0, 1), ("Follow-up", 1, 0),
    ]  # fmt: skip
    assert library.articles_tagged("bridge") == [a]
    assert library.set_article_tags(b, ["b", "A", "a"]) == ["A", "b"]
    assert library.article_tags(b) == ["A", "b"]


def test_search_covers_notes_and_tags(library: Library) -> None:
    a = library.add(*make_article()).article_id
    b = library.add(*make_article(BODY2, "Other")).article_id
    _highlight(library, a, "the bridge", note="ask the harbourmaster about this")
    library.set_article_tags(b, ["zeppelin"])
    key = library.claims(article_id=a)[0].claim_key
    library.set_verdict(a, key, "true", "confirmed by phone with the quartermaster")
    assert [(h.id, h.snippet.split(":")[0]) for h in library.search("harbourmaster")] == [
        (a, "highlight note")
    ]
    assert [h.id for h in library.search("zeppelin")] == [b]
    assert [h.id for h in library.search("quartermaster")] == [a]
    # a changed note is searched as it is now, not as it was
    library.set_note(a, key, "second call")
    assert library.search("quartermaster") == []
    # the article text is still searched, after the user's own words
    assert {h.id for h in library.search("bridge")} == {a, b}


def test_deleted_with_the_article_and_back_with_undo(library: Library) -> None:
    aid = library.add(*make_article()).article_id
    h = _highlight(library, aid, "the bridge", note="marked", tags=["x"])
    library.set_article_tags(aid, ["y"])
    deleted = library.delete([aid])
    assert library.highlights() == [] and library.search("marked") == []
    assert library.tags() == []
    library.restore(deleted)
    [back] = library.highlights()
    assert (back.id, back.uid, back.note, back.tags) == (h.id, h.uid, "marked", ["x"])
    assert library.article_tags(aid) == ["y"]
    assert [x.id for x in library.search("marked")] == [aid]


def test_reextraction_reanchors_moves_and_orphans(library: Library) -> None:
    raw, article = make_article()
    aid = library.add(raw, article).article_id
    kept = _highlight(library, aid, "14 cracked beams", note="n")
    lost = _highlight(library, aid, "would reopen in May")
    # a new extraction with a paragraph before and the May sentence rewritten
    text = "A new first paragraph.\n\n" + article.text.replace("would reopen in May", "is shut")
    new = replace(article, text=text, markdown=text)
    library.replace_extraction(
        aid, new, highlights=relocate(library.highlights(article_id=aid), text)
    )
    now = {h.id: h for h in library.highlights(article_id=aid)}
    assert text[now[kept.id].start : now[kept.id].end] == "14 cracked beams"
    assert not now[kept.id].orphaned and now[kept.id].note == "n"
    assert now[lost.id].orphaned and now[lost.id].exact == "would reopen in May"
    assert [h.id for h in library.highlights(orphaned=True)] == [lost.id]
    # found again when the words come back
    library.replace_extraction(
        aid, article, highlights=relocate(library.highlights(article_id=aid), article.text)
    )
    assert not any(h.orphaned for h in library.highlights(article_id=aid))


def test_reextract_command_keeps_marks(library: Library, tmp_path: Path) -> None:
    src = tmp_path / "story.md"
    src.write_text(
        "# Ferry timetable\n\nThe harbour master said the ferry would run hourly from June.\n",
        encoding="utf-8",
    )
    aid = import_source(library, str(src)).article_id
    h = _highlight(library, aid, "run hourly from June", colour=Colour.PURPLE, tags=["ferry"])
    done, failures = reextract(library, aid)
    assert (done, failures) == (1, [])
    [again] = library.highlights(article_id=aid)
    assert (again.id, again.start, again.end, again.tags, again.orphaned) == (
        h.id, h.start, h.end, ["ferry"], False,
    )  # fmt: skip


def test_claim_notes_across_the_library(library: Library) -> None:
    """claim_notes: each claim's current note (not its history, not an emptied one),
    with the claim's words, or None once an extraction no longer has the claim."""
    from tests.test_gui_support import MARKDOWN, add_article
    from tests.test_gui_support import make_article as sentences

    aid = add_article(library)
    claims = library.claims(article_id=aid)
    first, second = claims[0], claims[1]
    library.set_note(aid, first.claim_key, "old words")
    library.set_note(aid, first.claim_key, "check the budget")
    library.set_note(aid, second.claim_key, "gone soon")
    library.set_note(aid, second.claim_key, "")
    [note] = library.claim_notes()  # the emptied one is not a note
    assert (note.article_id, note.claim_key, note.note) == (
        aid,
        first.claim_key,
        "check the budget",
    )
    assert note.claim_text == first.claim.text
    # an extraction without that claim: the note stays, its claim words are gone
    article = sentences(MARKDOWN)
    new = replace(article, claims=[c for c in article.claims if c.text != first.claim.text])
    library.replace_extraction(aid, new)
    [kept] = library.claim_notes()
    assert kept.note == "check the budget" and kept.claim_text is None


def test_article_tag_map(library: Library) -> None:
    from tests.test_gui_support import add_article, variant

    a = library.add(*make_article()).article_id
    b = add_article(library, variant(2))
    library.set_article_tags(a, ["Zeta", "alpha"])
    library.set_article_tags(b, ["alpha"])
    assert library.article_tag_map() == {a: ["alpha", "Zeta"], b: ["alpha"]}
    library.set_article_tags(a, [])
    assert library.article_tag_map() == {b: ["alpha"]}


def test_writes_inside_a_transaction_are_kept_whole_or_not_at_all(library: Library) -> None:
    aid = library.add(*make_article()).article_id
    with pytest.raises(RuntimeError), library.transaction():
        _highlight(library, aid, "the bridge", note="first")
        library.set_article_tags(aid, ["kept?"])
        raise RuntimeError("the import failed half way")
    assert library.highlights() == [] and library.article_tags(aid) == []
    with library.transaction():
        _highlight(library, aid, "the bridge")
        library.set_article_tags(aid, ["kept"])
    assert len(library.highlights()) == 1 and library.article_tags(aid) == ["kept"]
    # and a write after it is a transaction of its own again
    library.set_article_tags(aid, [])
    assert library.article_tags(aid) == []


def test_a_mark_found_again_takes_the_new_texts_words_and_context(library: Library) -> None:
    raw, article = make_article()
    aid = library.add(raw, article).article_id
    h = _highlight(library, aid, "Engineers found 14 cracked beams")
    text = "New lead paragraph.\n\n" + article.text.replace("cracked beams", "crackd beams")
    new = replace(article, text=text, markdown=text)
    library.replace_extraction(
        aid, new, highlights=relocate(library.highlights(article_id=aid), text)
    )
    [now] = library.highlights(article_id=aid)
    assert not now.orphaned and now.id == h.id
    assert now.exact == text[now.start : now.end] == "Engineers found 14 crackd beams"
    assert text[: now.start].endswith(now.prefix) and text[now.end :].startswith(now.suffix)


def test_a_highlight_found_by_its_tags_alone_is_labelled_so(library: Library) -> None:
    aid = library.add(*make_article()).article_id
    _highlight(library, aid, "the bridge", tags=["zeppelin"])
    [hit] = library.search("zeppelin")
    assert hit.snippet.startswith("highlight tags: ")
