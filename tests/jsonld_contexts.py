"""JSON-LD expansion with no network: pyld with a document loader that serves the
contexts bundled in resources/jsonld (schema.org's, the W3C Web Annotation one) and
refuses every other address, and that reports every term the context does not
define (expansion would drop it silently)."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from pyld import jsonld

from tests.helpers import ROOT

CONTEXTS = ROOT / "resources" / "jsonld"
#: Each address a document may name its context by, and the bundled copy it gets.
SERVED = {
    "https://schema.org": "schemaorg-context.jsonld",
    "https://schema.org/": "schemaorg-context.jsonld",
    "http://schema.org": "schemaorg-context.jsonld",
    "http://schema.org/": "schemaorg-context.jsonld",
    "http://www.w3.org/ns/anno.jsonld": "anno.jsonld",
    "https://www.w3.org/ns/anno.jsonld": "anno.jsonld",
}

SCHEMA = "http://schema.org/"
OA = "http://www.w3.org/ns/oa#"
RDF_VALUE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#value"


class Refused(Exception):
    """A document named an address the tests do not serve (and never fetch)."""


@cache
def _context(name: str) -> Any:
    return json.loads((CONTEXTS / name).read_text(encoding="utf-8"))


def offline_loader(url: str, options: object = None) -> dict[str, Any]:
    """pyld's document loader: a bundled context, or a refusal (no network)."""
    name = SERVED.get(url)
    if name is None:
        raise jsonld.JsonLdError(
            f"{url}: not bundled, and the tests use no network",
            "jsonld.LoadDocumentError",
            {"url": url},
            code="loading document failed",
        )
    return {
        "contentType": "application/ld+json",
        "contextUrl": None,
        "documentUrl": url,
        "document": _context(name),
    }


def expand(doc: Any) -> list[dict[str, Any]]:
    """``doc`` expanded offline; AssertionError naming any key the context does not
    define (a typo like ``claimReview`` would otherwise vanish without a word)."""
    dropped: list[str] = []

    def note(details: Any) -> None:
        dropped.append(str(details))

    out = jsonld.expand(doc, {"documentLoader": offline_loader}, on_property_dropped=note)
    assert not dropped, f"keys the context does not define: {dropped}"
    return out  # type: ignore[no-any-return]


def nodes(expanded: Any, type_iri: str) -> list[dict[str, Any]]:
    """Every node object of ``type_iri`` anywhere in an expanded document."""
    found: list[dict[str, Any]] = []

    def walk(x: Any) -> None:
        if isinstance(x, list):
            for y in x:
                walk(y)
        elif isinstance(x, dict):
            if type_iri in x.get("@type", []):
                found.append(x)
            for v in x.values():
                walk(v)

    walk(expanded)
    return found


def value(node: dict[str, Any], iri: str) -> Any:
    """The first value of ``iri`` on an expanded node (a literal's value, a node's id
    or the node itself)."""
    [first, *_] = node[iri]
    if "@value" in first:
        return first["@value"]
    if "@list" in first:
        return first["@list"]
    return first.get("@id", first)
