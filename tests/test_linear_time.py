"""Cleaning time grows with the input, not with its square: the shapes that once took
seconds to minutes (hard-wrapped text, one word per line, a share line that made the
chrome pattern backtrack) clean within generous bounds. The bounds are some ten times
what they take now on a loaded 2-core machine, and far below what they took before."""

from __future__ import annotations

import time

from reader.ingest.clean_markdown import bound_markdown, clean_markdown
from reader.ingest.clean_text import _blocks, clean_text

MB = 1_000_000


def _seconds(fn: object, *args: object) -> float:
    t = time.perf_counter()
    fn(*args)  # type: ignore[operator]
    return time.perf_counter() - t


def test_hard_wrapped_text_cleans_in_linear_time() -> None:
    # one 4 MB paragraph of lower-case lines: every line joins the one before, and the
    # join re-scanned and re-copied it (34 s before, 1 to 2 s now)
    line = "the council said the plan would go ahead despite the cost and delay\n"
    raw = line * (4 * MB // len(line))
    assert _seconds(clean_text, raw) < 12


def test_one_word_per_line_cleans_in_linear_time() -> None:
    raw = "word\n" * (3 * MB // 5)  # 3 MB: some 40 s before, 2 to 4 s now
    assert _seconds(clean_text, raw) < 15


def test_soft_wrap_join_still_joins_and_counts_lines() -> None:
    blocks = _blocks("the plan\nwent ahead\n\nShare\nTwitter\n")
    assert [(b.text, b.lines) for b in blocks] == [
        ("the plan went ahead", 2),
        ("Share", 1),
        ("Twitter", 1),
    ]


def test_share_line_does_not_backtrack() -> None:
    # "share x x x … !" made the chrome pattern try 2^n ways (20 words: 1 s, 30: 20 min)
    line = "share" + " x" * 40 + " !"
    assert _seconds(clean_text, f"{line}\n\nThe council said the plan would go ahead.\n") < 1


# --- Markdown: what reaches Python-Markdown is bounded --------------------------------


def test_unclosed_link_openers_convert_in_linear_time() -> None:
    src = "# Title\n\n" + "[a](" * 10_000  # 40 KB: 49 s before
    t = time.perf_counter()
    a = clean_markdown(src)
    assert time.perf_counter() - t < 8
    assert a.text.startswith("[a]([a](")


def test_unclosed_tag_openers_convert_in_linear_time() -> None:
    for unit in ("<a ", "<![CDATA[", "<http://x "):  # 40 KB of "<a ": 27 s before
        t = time.perf_counter()
        a = clean_markdown("# Title\n\n" + unit * (40_000 // len(unit)))
        assert time.perf_counter() - t < 8, unit
        assert a.text.startswith(unit.strip())


def test_many_matches_in_one_huge_block_convert_in_linear_time() -> None:
    # every match re-copies its block: 1 MB of emphasis in one paragraph is cut in blocks
    src = "# Title\n\n" + "*a* b " * (MB // 6)
    t = time.perf_counter()
    a = clean_markdown(src)
    assert time.perf_counter() - t < 30
    assert a.text.count("a b") > 100_000


def test_deep_nesting_does_not_crash() -> None:
    quotes = "# T\n\n" + ">" * 20_000 + " the council said so.\n"
    assert clean_markdown(quotes).text == "the council said so."
    lists = "# T\n\n" + "".join("  " * d + "- item\n" for d in range(600))
    assert (
        "item" in clean_markdown(lists).text
    )  # (an outer item's text gives way to its inner list)
    inline = "# T\n\n" + "- " * 5_000 + "deep\n"
    assert clean_markdown(inline).text == "deep"


def test_ordinary_markdown_passes_unchanged() -> None:
    body = (
        'Intro with a [link](https://x.example/a_(b)) and ![img](p.png "t").\n\n'
        "Code `a[0` and `<b` stays, <em>inline</em> too, and a [ref][r].\n\n"
        "- one\n  - two\n    - three\n\n> quoted\n> > twice\n\n"
        "```\n[a]( <a unclosed\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n"
        "[r]: https://r.example\n"
    )
    assert bound_markdown(body) == body
    assert clean_markdown("# T\n\n" + body).markdown == body.strip()


def test_long_block_is_cut_before_a_word() -> None:
    block = "\n".join(f"{n}. the council met again and said so" for n in range(1, 600))
    out = bound_markdown(block)  # no line starts with a letter: cut between words
    assert out.split() == block.split()
    assert all(p[:1].isalpha() for p in out.split("\n\n")[1:])
    assert max(len(p) for p in out.split("\n\n")) <= 10_000
