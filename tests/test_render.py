"""reader.ingest.render: Markdown to safe HTML (Qt-free)."""

from __future__ import annotations

import html

from hypothesis import given
from hypothesis import strategies as st

from reader.ingest.render import article_html, header_html, markdown_to_html, sanitize_html
from reader.model import Article


def test_links_and_structure_survive() -> None:
    h = markdown_to_html("A *b* **c** [d](https://example.org/x).\n\n- e\n\n> f\n\n`g`")
    assert '<a href="https://example.org/x"' in h
    for tag in ("<em>", "<strong>", "<ul>", "<li>", "<blockquote>", "<code>"):
        assert tag in h


def test_scripts_styles_frames_handlers_and_images_go() -> None:
    md = (
        "Text ![pixel](http://127.0.0.1:9/p.png)\n\n"
        '<img src="http://127.0.0.1:9/raw.png" onerror="alert(1)">\n\n'
        '<script>alert("x")</script><style>p{color:red}</style>\n\n'
        '<iframe src="http://evil.example/"></iframe>\n\n'
        '<link rel="stylesheet" href="http://127.0.0.1:9/s.css">\n\n'
        '<p onclick="alert(2)" style="background:url(http://127.0.0.1:9/b.png)">kept</p>\n\n'
        "[js](javascript:alert(3)) [data](data:text/html,x)"
    )
    h = markdown_to_html(md)
    low = h.lower()
    for bad in ("<img", "<script", "<style", "<iframe", "<link", "onerror", "onclick",
                "style=", "javascript:", "data:", "alert", "127.0.0.1"):  # fmt: skip
        assert bad not in low, bad
    assert "kept" in h and "Text" in h


def test_header_is_escaped_and_two_blocks() -> None:
    a = Article(title="<b>T</b> & co", byline="A <i>", publisher="P", published="2025-01-01")
    h = header_html(a)
    assert "&lt;b&gt;T&lt;/b&gt; &amp; co" in h and "<i>" not in h
    assert h.count("<h1>") == 1 and h.count("<p") == 1


def test_plain_text_only_article_is_escaped() -> None:
    a = Article(title="t", markdown="", text="one <script>x</script>\n\ntwo")
    h = article_html(a)
    assert "<script>" not in h and "&lt;script&gt;" in h and "<p>two</p>" in h


@given(st.text(max_size=300))
def test_sanitised_output_never_has_active_content(s: str) -> None:
    h = sanitize_html(s).lower()
    assert "<script" not in h and "<img" not in h and "<iframe" not in h
    assert " on" not in h.split(">")[0] or "<" not in h.split(">")[0]


def test_only_absolute_web_and_mail_links_keep_their_href() -> None:
    bad = ["/etc/passwd", "//evil.example/x", "foo.desktop", "file:///etc/passwd",
           "javascript:alert(1)", "data:text/html,x", "smb://host/share", "http:/no-host",
           "#frag", "../up.html", "C:/Windows/notepad.exe"]  # fmt: skip
    good = ["https://example.org/x", "http://example.org/", "mailto:desk@example.org"]
    md = " ".join(f"[L{i}]({u})" for i, u in enumerate(bad + good))
    h = markdown_to_html(md)
    for i, u in enumerate(bad):
        assert f">L{i}</a>" in h  # the link text stays
        assert f'href="{u}"' not in h, u
    for u in good:
        assert f'href="{u}"' in h, u
    assert h.count("href=") == len(good)


@given(st.text(max_size=80))
def test_no_href_without_an_allowed_scheme(target: str) -> None:
    h = sanitize_html(f'<a href="{html.escape(target)}">x</a>').lower()
    if "href=" in h:
        href = h.split('href="', 1)[1]
        assert href.startswith(("http://", "https://", "mailto:")), h
