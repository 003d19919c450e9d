"""origin_url: the claim's attribution hyperlink, found in the Markdown's links."""

from __future__ import annotations

import json
from pathlib import Path

from reader.trace.origin import normalise_url, text_links
from tests.helpers import invoke

PAGE = """---
title: Engines
publisher: NBC News
url: https://www.nbcnews.com/politics/engines
---

# Engines

The ministry will ship the parts in May, a spokesman [said in an email to The Associated Press](https://apnews.com/article/egypt-engines-123).

Russia has asked Egypt for 150 engines, [The Wall Street Journal reported](https://www.wsj.com/world/egypt-russia-456) on Tuesday.

Officials said the talks would resume in April. [Read more from NBC News](https://www.nbcnews.com/other-story).

The port handled 40 ships last week, officials said, according to [a harbour report](https://example.org/report.pdf).
"""


def test_links_are_found_in_the_plain_text() -> None:
    md = "A [b *c*](https://x.org/1) d [e](https://y.org/2) and ![img](https://z.org/i.png)."
    text = "A b c d e and ."
    links = text_links(md, text)
    assert [(text[ln.start : ln.end], ln.url) for ln in links] == [
        ("b c", "https://x.org/1"),
        ("e", "https://y.org/2"),
    ]


def test_normalise_url() -> None:
    same = {
        normalise_url(u)
        for u in (
            "https://www.wsj.com/world/a-1",
            "http://wsj.com/world/a-1/",
            "https://WWW.WSJ.COM/world/a-1#comments",
            "https://www.wsj.com/world/a-1?utm_source=x&fbclid=y",
        )
    }
    assert same == {"wsj.com/world/a-1"}
    assert normalise_url("https://x.org/a?id=2") != normalise_url("https://x.org/a?id=3")


def test_extract_gives_each_claim_its_origin_url(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(PAGE, encoding="utf-8")
    r = invoke("extract", str(page), "--format", "json")
    assert r.returncode == 0, r.stderr
    claims = json.loads(r.stdout)["claims"]
    by_words = {c["text"][:20]: c["origin_url"] for c in claims}
    assert "https://apnews.com/article/egypt-engines-123" in by_words.values()
    wsj = next(c for c in claims if "150 engines" in c["text"])
    assert wsj["origin_url"] == "https://www.wsj.com/world/egypt-russia-456"
    # a link to the publisher's own site is navigation, never an origin
    assert not any(c["origin_url"] and "nbcnews.com" in c["origin_url"] for c in claims), by_words
    assert all("origin_url" in c for c in claims)
