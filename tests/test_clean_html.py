"""Tests for the HTML article cleaner (reader.ingest.clean_html) and its rules (reader.ingest.body_rules)."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
from lxml import etree

from reader.ingest import body_rules
from reader.ingest.clean_html import clean_html, find_byline, sanitize_markdown
from reader.model import Article

FIXTURES = Path(__file__).parent / "fixtures" / "html"
SHARED = Path(__file__).resolve().parents[2] / "shared"


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def article() -> Article:
    return clean_html(fixture("article_full.html"))


def body(xml: str) -> etree._Element:
    """A trafilatura-style body tree from XML."""
    return etree.fromstring(f"<body>{xml}</body>")


def texts(tree: etree._Element) -> list[str]:
    return [body_rules.block_text(el) for el in tree.iter("p", "head", "item", "quote")]


# --- the whole article ---------------------------------------------------------------


def test_metadata_from_meta_tags_and_json_ld(article: Article) -> None:
    assert article.title == "Harbour Council Approves New Ferry Route"
    assert article.byline == "Marta Quillfeather"
    assert article.publisher == "The Lantern Gazette"
    assert article.published == "2024-04-17"
    assert article.url == "https://gazette.example.org/news/2024/04/ferry-route"
    assert article.claims == []


def test_body_text_without_page_furniture(article: Article) -> None:
    text = article.text
    assert text.startswith("The harbour council on Tuesday approved")
    assert "statement after the meeting." in text
    for junk in (
        "Log in",  # nav
        "Share on Facebook",  # share widget
        "First! This ferry",  # comments
        "All rights reserved",  # footer
        "Advertisement",
        "Island school faces winter closures",  # "Read more:" teaser
        "Sign up for our newsletter",
        "Lighthouse keeper retires",  # "You may also like" list
        "trackEverything",  # script
        "injected",
    ):
        assert junk not in text, junk
    # the headline and the standfirst are metadata, not body
    assert "Harbour Council Approves" not in text
    assert "The council voted to open" not in text


def test_text_paragraphs_separated_by_one_blank_line(article: Article) -> None:
    paragraphs = article.text.split("\n\n")
    assert len(paragraphs) >= 8
    assert all(p and p == p.strip() and "\n" not in p for p in paragraphs)
    assert "\n\n\n" not in article.text


def test_text_is_plain(article: Article) -> None:
    assert "](" not in article.text
    assert "**" not in article.text
    assert "feasibility study, the service" in article.text


def test_markdown_structure(article: Article) -> None:
    md = article.markdown
    assert "## What happens next" in md
    assert "*halve*" in md
    assert "**cost of the new pontoon**" in md
    assert "\n- a survey of the pontoon site at Gull Island;" in md
    assert "\n> This is the most useful thing" in md
    assert "Harbour Council Approves" not in md


def test_markdown_links_absolute_and_safe(article: Article) -> None:
    md = article.markdown
    # relative link resolved against the canonical URL
    assert (
        "[council's own feasibility study](https://gazette.example.org/reports/ferry-study-2031)"
        in md
    )
    assert "[regional maritime board](https://maritime.example.net/board)" in md
    # a javascript: link keeps its text but loses the link
    assert "javascript:" not in md
    assert "was published in March" in md


def test_links_resolved_against_given_url() -> None:
    html = fixture("article_full.html").replace(
        '<link rel="canonical" href="https://gazette.example.org/news/2024/04/ferry-route">', ""
    )
    art = clean_html(html, "https://mirror.example.com/a/b.html")
    assert "(https://mirror.example.com/reports/ferry-study-2031)" in art.markdown
    assert art.url == "https://mirror.example.com/a/b.html"


def test_no_dangerous_html_survives(article: Article) -> None:
    md = article.markdown
    assert "onerror" not in md
    assert "<img" not in md
    assert not re.search(r"(?<!\\)<script", md), "a raw <script> tag in the Markdown"
    # the literal text of the page stays readable in both forms
    assert '"<script>alert(1)</script> level nonsense"' in article.text
    assert "\\<script>alert(1)\\</script>" in md


# --- robustness --------------------------------------------------------------------


@pytest.mark.parametrize("html", ["", "   \n", "<html></html>", "<p>", "\x00\x01\x02", "<!-- -->"])
def test_empty_or_junk_input_gives_empty_article(html: str) -> None:
    art = clean_html(html)
    assert isinstance(art, Article)
    assert art.text == ""
    assert art.markdown == ""


def test_plain_words_do_not_raise() -> None:
    assert isinstance(clean_html("not html at all <<<>>> &&& </div></div>"), Article)


@pytest.mark.parametrize(
    "text",
    [
        "宇航员在太空中工作是一项艰苦卓绝的工作，这让人感到巨大压力和极度恐慌，于是科学家们开始研究如何帮助他们放松心情并保持健康的身体状态。",
        "Lorem ipsum dolor sit amet, consectetur adipiscing elit.",
    ],
)
def test_short_or_unspaced_prose_is_an_article(text: str) -> None:
    from reader.ingest.clean_html import looks_like_article

    assert looks_like_article(f"Home\n\nNews\n\n{text}")
    assert not looks_like_article("Home\n\nNews\n\nSport and weather today\n\nLog in")


def test_page_without_article_gives_empty_text() -> None:
    art = clean_html(fixture("no_article.html"), "https://portal.example.com/login")
    assert art.text == ""
    assert art.title == "Sign in"
    assert art.url == "https://portal.example.com/login"


def test_truncated_html_still_yields_the_start() -> None:
    html = fixture("article_full.html")
    cut = html.index("Opponents argued") + 40
    art = clean_html(html[:cut])
    assert "The harbour council on Tuesday approved" in art.text
    assert art.title == "Harbour Council Approves New Ferry Route"


def test_deeply_nested_divs_do_not_raise() -> None:
    depth = 100_000
    html = "<html><body>" + "<div>" * depth + "<p>deep</p>" + "</div>" * depth + "</body></html>"
    art = clean_html(html)
    assert isinstance(art, Article)
    assert "\n\n\n" not in art.text


def test_recursion_error_is_contained(monkeypatch: pytest.MonkeyPatch) -> None:
    import trafilatura

    def boom(*_a: object, **_k: object) -> None:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(trafilatura, "bare_extraction", boom)
    art = clean_html(fixture("article_full.html"), "https://x.example/")
    assert art.text == "" and art.url == "https://x.example/"


@pytest.mark.subprocess
def test_no_qt_imported() -> None:
    # in a fresh interpreter: pytest-qt has already imported Qt into this one
    import subprocess

    code = (
        "import sys; from reader.ingest.clean_html import clean_html;"
        f"clean_html(open({str(FIXTURES / 'article_full.html')!r}).read());"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide', 'PyQt'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_short_link_hub_is_not_an_article() -> None:
    html = (
        "<html><body>"
        + "".join(f"<div><p><a href='/s{i}'>Section number {i}</a></p></div>" for i in range(30))
        + "</body></html>"
    )
    assert clean_html(html).text == ""


# --- Markdown sanitising -----------------------------------------------------------


def test_sanitize_markdown_strips_unsafe_html() -> None:
    md = 'a <img src=x onerror="alert(1)"> b <script>alert(2)</script> c <a href="javascript:x">d</a>'
    out = sanitize_markdown(md)
    assert "onerror" not in out and "<img" not in out and "<script" not in out
    assert "<a" not in out
    assert out.startswith("a ") and "alert(2)" in out  # text kept, tags gone


def test_sanitize_markdown_keeps_safe_inline_and_escapes() -> None:
    md = "H<sub>2</sub>O and x<sup>2</sup>, \\<script> stays escaped, and a > b"
    assert sanitize_markdown(md) == md


def test_sanitize_markdown_escapes_unclosed_tag() -> None:
    assert "<iframe" not in sanitize_markdown("before <iframe src=//evil.example")


# --- rules, one by one -------------------------------------------------------------


def test_rule_headline_drops_title_and_standfirst() -> None:
    tree = body(
        '<head rend="h1">Big News</head><head rend="h2">A dek line</head>'
        '<p>First paragraph of the story, long enough.</p><head rend="h2">Section</head><p>More.</p>'
    )
    body_rules.drop_headline(tree, "Big News")
    assert texts(tree) == ["First paragraph of the story, long enough.", "Section", "More."]


def test_rule_headline_drops_short_kicker_above_title() -> None:
    tree = body(
        '<p>Review</p><head rend="h2">Big News</head><p>The story starts here and goes on.</p>'
    )
    body_rules.drop_headline(tree, "Big News")
    assert texts(tree) == ["The story starts here and goes on."]


def test_rule_headline_keeps_leading_paragraphs() -> None:
    tree = body("<p>A real first paragraph that is long enough to be text.</p><p>Second.</p>")
    body_rules.drop_headline(tree, "Unrelated title")
    assert len(texts(tree)) == 2


def test_rule_related_label_and_its_links() -> None:
    tree = body(
        "<p>Story text that is ordinary.</p><p>You may also like...</p>"
        '<p><ref target="https://x.example/1">Another story</ref></p>'
        '<list><item><ref target="https://x.example/2">Third story</ref></item></list>'
        "<p>Closing line of the article, not a link at all.</p>"
    )
    body_rules.drop_related_blocks(tree)
    assert texts(tree) == [
        "Story text that is ordinary.",
        "Closing line of the article, not a link at all.",
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Advertisement",
        "12 Comments",
        "Leave a comment",
        "5 min read",
        "Reading time: 3 minutes",
        "Updated at 1:23 p.m.",
        "Filed under: Politics |",
        "Copyright 2024 Example Media. All rights reserved.",
        "(Reporting by Jane Roe; Editing by John Doe)",
        "Jane Roe contributed reporting from Oslo.",
        "Sign up for our daily newsletter to get the news in your inbox.",
        "Follow us on Twitter and Facebook.",
        "Like this story? Share it with a friend!",
        "CLICK HERE TO GET THE EXAMPLE NEWS APP",
        "Get the monthly print edition at home. Click here for more information.",
        "Tell us what YOU think...",
    ],
)
def test_rule_furniture_lines_dropped(line: str) -> None:
    tree = body(f"<p>Story text.</p><p>{line}</p>")
    body_rules.drop_furniture(tree)
    assert texts(tree) == ["Story text."]


@pytest.mark.parametrize(
    "line",
    [
        "The advertisement campaign was pulled after complaints from parents.",
        "She said the comments were taken out of context.",
        "Updated figures show the budget grew.",
        "© Reuters",
        "Reporters were kept outside the building for hours, witnesses said.",
        "The mayor urged residents to follow the rules on the bridge.",
    ],
)
def test_rule_furniture_keeps_article_sentences(line: str) -> None:
    tree = body(f"<p>{line}</p>")
    body_rules.drop_furniture(tree)
    assert texts(tree) == [line]


def test_rule_teaser_prefix_needs_a_link() -> None:
    tree = body(
        '<p>Read more: <ref target="https://x.example/a">Other story headline here</ref></p>'
        "<p>Related: the council said the study is public.</p>"
    )
    body_rules.drop_furniture(tree)
    assert texts(tree) == ["Related: the council said the study is public."]


def test_rule_teaser_bold_without_link() -> None:
    tree = body(
        '<p><hi rend="#b">Related: </hi><hi rend="#b">Ten odd facts about comets</hi></p>'
        '<p>Related: <hi rend="#b">the study</hi> was published in a journal last year.</p>'
    )
    body_rules.drop_furniture(tree)
    assert texts(tree) == ["Related: the study was published in a journal last year."]


def test_rule_teaser_shouted_link_line() -> None:
    tree = body(
        '<p><ref target="https://x.example/a">SINGER SAYS NEW ALBUM WILL SURPRISE EVERY FAN</ref></p>'
        '<p><ref target="https://x.example/b">FULL RESULTS</ref></p>'
    )
    body_rules.drop_furniture(tree)
    assert texts(tree) == ["FULL RESULTS"]  # too short to be a teaser headline


def test_rule_drop_keeps_tail_text() -> None:
    tree = body("<p>One.</p><p>Advertisement</p>tail text")
    body_rules.drop_furniture(tree)
    assert "tail text" in "".join(tree.itertext())


def test_rule_empty_lists_dropped() -> None:
    tree = body("<p>Text.</p><list><item/></list>")
    body_rules.drop_empty_lists(tree)
    assert tree.find("list") is None


def test_prepare_tree_unwraps_tweet_links() -> None:
    from lxml import html as lhtml

    tree = lhtml.fromstring(
        '<html><body><div class="article"><div class="social-embed"><blockquote class="twitter-tweet">'
        '<p>Big day <a href="https://t.co/x">pic.twitter.com/x</a></p>— A Person (@a) '
        "<a href='https://twitter.com/a/1'>May 1, 2024</a></blockquote></div></div></body></html>"
    )
    body_rules.prepare_tree(tree)
    assert not tree.xpath("//blockquote//a")
    assert "May 1, 2024" in tree.text_content()
    # lifted out of the share-widget wrapper, widget class gone
    quote = tree.xpath("//blockquote")[0]
    assert quote.getparent().get("class") == "article"
    assert quote.get("class") is None


def test_apply_can_disable_rules() -> None:
    tree = body('<head rend="h1">T</head><p>Advertisement</p><p>Body text here.</p>')
    body_rules.apply(tree, "T", disabled={"headline", "furniture"})
    assert len(texts(tree)) == 3


def test_find_byline_cuts_dateline() -> None:
    from lxml import html as lhtml

    tree = lhtml.fromstring(
        '<html><body><div class="byline">By Jane Roe Nov. 19, 2019 5:00 AM</div></body></html>'
    )
    assert find_byline(tree) == "Jane Roe"


# --- real pages (only where the shared corpora are present) -----------------------

READABILITY = SHARED / "corpus" / "mozilla-readability" / "test-pages"
AEB = SHARED / "corpus" / "scrapinghub-aeb"


@pytest.mark.corpus
@pytest.mark.skipif(not READABILITY.is_dir(), reason="shared readability test pages not present")
def test_readability_pages_never_raise() -> None:
    pages = sorted(READABILITY.glob("*/source.html"))
    assert pages
    for page in pages:
        art = clean_html(page.read_text(encoding="utf-8", errors="replace"))
        assert isinstance(art.text, str) and "\n\n\n" not in art.text, page


@pytest.mark.corpus
@pytest.mark.skipif(
    not (AEB / "ground-truth.json").is_file(), reason="shared AEB corpus not present"
)
def test_aeb_dev_not_below_trafilatura() -> None:
    import gzip

    import trafilatura

    sys.path.insert(0, str(SHARED / "eval"))
    from evalkit import aeb_scores  # type: ignore[import-not-found]

    gt = json.loads((AEB / "ground-truth.json").read_text())
    ours, ref = [], []
    for key in sorted(gt):
        html = gzip.decompress((AEB / "html" / f"{key}.html.gz").read_bytes()).decode("utf-8")
        truth = gt[key]["articleBody"]
        ours.append((truth, clean_html(html).text))
        ref.append((truth, trafilatura.extract(html, include_comments=False) or ""))
    assert aeb_scores(ours)["f1"] >= aeb_scores(ref)["f1"]


def test_hover_cards_inside_a_sentence_are_not_text() -> None:
    card = (
        '<span class="people-hover"><a class="people-link" href="/people/ana-ruiz">Ana Ruiz</a>'
        '<span class="hovercard-block"><img src="/ruiz.jpg" alt="">'
        '<a href="/people/ana-ruiz">Ana Ruiz</a><a href="/story/1">Budget talks stall again</a>'
        '<a href="/story/2">Ferry fares rise in May</a></span></span>'
    )
    para = f"<p>Council member {card} said on Monday that the harbour budget would pass.</p>"
    filler = "".join(
        f"<p>Paragraph {n} of the story goes on about the harbour and its ferries, the fares, "
        "the timetable and the people who work there every day of the year.</p>"
        for n in range(6)
    )
    html = (
        "<html><head><title>Harbour budget</title></head><body><article>"
        f"<h1>Harbour budget</h1>{para}{filler}</article></body></html>"
    )
    art = clean_html(html)
    assert "Council member Ana Ruiz said on Monday" in art.text
    assert "Budget talks stall" not in art.text and "Ana RuizAna Ruiz" not in art.text
