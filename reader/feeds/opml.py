"""OPML 1.0/2.0 import and export of subscriptions, with one level of folders.

Import reads every ``outline`` with an ``xmlUrl`` (``type`` rss or none); an outline
without one is a folder, named by its ``text`` (or ``title``); nested folders are
joined with " / ". Export writes OPML 2.0 that import reads back to the same
subscriptions and folders.
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.etree import ElementTree as ET

from reader.errors import InputError


@dataclass(frozen=True)
class Subscription:
    """A feed as OPML carries it: its address, its title, its folder ("" for none)."""

    url: str
    title: str = ""
    folder: str = ""


def read_opml(data: bytes, source: str) -> list[Subscription]:
    """The subscriptions in an OPML document; InputError when it is not OPML."""
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise InputError(source, "is not a usable OPML file (it declares entities)")
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise InputError(source, f"is not a readable OPML file: malformed XML ({exc})") from None
    body = root.find("body")
    if root.tag != "opml" or body is None:
        raise InputError(source, "is not an OPML file (no <opml> with a <body>)")
    subs: list[Subscription] = []
    seen: set[str] = set()

    def walk(node: ET.Element, folder: list[str]) -> None:
        for outline in node.findall("outline"):
            url = (outline.get("xmlUrl") or "").strip()
            name = (outline.get("text") or outline.get("title") or "").strip()
            if url:
                if url not in seen:
                    seen.add(url)
                    title = (outline.get("title") or outline.get("text") or "").strip()
                    subs.append(Subscription(url, title, " / ".join(folder)))
            else:
                walk(outline, [*folder, name] if name else folder)

    walk(body, [])
    return subs


def write_opml(subs: list[Subscription], title: str = "Provenance Reader subscriptions") -> bytes:
    """OPML 2.0 for ``subs``: folders as outlines holding their feeds."""
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = title
    body = ET.SubElement(root, "body")
    folders: dict[str, ET.Element] = {}
    for sub in subs:
        parent = body
        if sub.folder:
            path = ""
            for part in sub.folder.split(" / "):
                path = f"{path} / {part}" if path else part
                if path not in folders:
                    folders[path] = ET.SubElement(parent, "outline", text=part, title=part)
                parent = folders[path]
        name = sub.title or sub.url
        ET.SubElement(parent, "outline", type="rss", text=name, title=name, xmlUrl=sub.url)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"
