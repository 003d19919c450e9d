"""Cleaning time grows with the input, not with its square: the shapes that once took
seconds to minutes (hard-wrapped text, one word per line, a share line that made the
chrome pattern backtrack) clean within generous bounds. The bounds are some ten times
what they take now on a loaded 2-core machine, and far below what they took before."""

from __future__ import annotations

import time

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
