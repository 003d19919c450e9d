"""Property tests: cleaning and decoding never raise on arbitrary input."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.errors import InputError
from reader.ingest import from_bytes
from reader.ingest.clean_markdown import clean_markdown
from reader.ingest.clean_text import clean_text

lines = st.lists(
    st.one_of(
        st.text(max_size=200),
        st.sampled_from(["", "Comments are closed.", "By Ann Lee", "May 2, 2024", "Share", "# x"]),
    ),
    max_size=40,
)


@given(lines)
@settings(max_examples=200, deadline=None)
def test_clean_text_never_raises_and_keeps_body_lines(parts: list[str]) -> None:
    a = clean_text("\n\n".join(parts))
    assert isinstance(a.text, str)
    assert "\n\n\n" not in a.text
    for para in a.text.split("\n\n") if a.text else []:
        assert para.strip() == para and para


@given(st.text(max_size=2000))
@settings(max_examples=150, deadline=None)
def test_clean_markdown_never_raises(src: str) -> None:
    clean_markdown(src)


@given(st.binary(max_size=3000), st.sampled_from(["a.txt", "a.html", "a.md", "a"]))
@settings(max_examples=200, deadline=None)
def test_from_bytes_decodes_or_refuses_clearly(data: bytes, name: str) -> None:
    try:
        raw = from_bytes(data, "input", name=name)
    except InputError as exc:
        assert exc.reason and "\n" not in str(exc)
    else:
        assert raw.kind in ("html", "markdown", "text")
