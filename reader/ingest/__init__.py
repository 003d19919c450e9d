"""What goes in: read a file or URL, clean it by kind into an Article, render it safely.

The public load API lives here (``load``, ``RawInput``, ``is_url``, ...); the
modules beside it hold one step each:

- :mod:`~reader.ingest.load`: find the bytes, decode them, tell HTML, Markdown and text apart;
- :mod:`~reader.ingest.fetch`: download an http(s) URL within one deadline (httpx,
  imported on first use); a leaf that imports nothing of this package;
- :mod:`~reader.ingest.clean_html`, :mod:`~reader.ingest.clean_text`,
  :mod:`~reader.ingest.clean_markdown`: one cleaner per kind;
- :mod:`~reader.ingest.body_rules`: the generic furniture rules around trafilatura;
- :mod:`~reader.ingest.identity`: who published it, from the page's identity hints;
- :mod:`~reader.ingest.wire`: which news agency's copy it carries, from its credits;
- :mod:`~reader.ingest.render`: cleaned Markdown to sanitised HTML for the window.

Importing this package is cheap (standard library only): the cleaners and their
heavy dependencies load when first used.
"""

from __future__ import annotations

from reader.ingest.load import (
    KINDS,
    MAX_BYTES,
    RawInput,
    decode,
    from_bytes,
    is_url,
    load,
    load_file,
    sniff_kind,
)

__all__ = [
    "KINDS",
    "MAX_BYTES",
    "RawInput",
    "decode",
    "from_bytes",
    "is_url",
    "load",
    "load_file",
    "sniff_kind",
]
