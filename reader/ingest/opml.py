"""OPML subscription lists: read the feed URLs out of one, write one back.

An OPML file comes from somewhere else (another reader's export, a web page), so it is treated
as untrusted: a document type with an internal subset (where entities are declared) is refused
before the XML is parsed, which keeps entity bombs and external entities out whether or not
defusedxml is installed; and only http(s) and file URLs are accepted, so an outline can never
smuggle in `javascript:`, `exec:` or a shell command.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
import xml.parsers.expat
from collections.abc import Iterable, Iterator
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from pydantic import BaseModel

from reader.ingest.errors import IngestError
from reader.sanitize import clean_line, clean_text

MAX_OPML_BYTES = 5 * 1024 * 1024
"""Larger files are refused: a subscription list of tens of thousands of feeds is far smaller."""

_SCHEMES = frozenset({"http", "https", "file"})
_FEED_TYPES = frozenset({"rss", "atom", "feed"})
_MAX_SHOWN = 80


class Subscription(BaseModel):
    """One feed to follow: its URL and the name the list gave it."""

    url: str
    title: str = ""


class _Refused(Exception):
    """The DOCTYPE pre-check found something it will not parse."""


def parse_opml(data: bytes, *, name: str = "") -> tuple[list[Subscription], list[str]]:
    """The feeds an OPML document lists, and one message for each outline that was refused.

    Outlines are read at any depth (folders of feeds); a URL listed twice is kept once. Raises
    `IngestError` (one line, naming `name`) when the document is not OPML or not well-formed.
    """
    label = name or "OPML"
    if len(data) > MAX_OPML_BYTES:
        raise IngestError(label, f"too large for an OPML file ({len(data) // 1024} KB)")
    if not data.strip():
        raise IngestError(label, "not OPML (empty document)")
    _refuse_declarations(data, label)
    root = _parse_xml(data, label)
    if _local(root.tag) != "opml":
        raise IngestError(label, f"not OPML (the root element is <{_local(root.tag)}>)")
    body = next((child for child in root if _local(child.tag) == "body"), None)
    if body is None:
        raise IngestError(label, "not OPML (no <body> element)")
    accepted: list[Subscription] = []
    refused: list[str] = []
    seen: set[str] = set()
    for outline in _outlines(body):
        attributes = {key.lower(): value for key, value in outline.attrib.items()}
        title = clean_line(attributes.get("title") or attributes.get("text") or "")
        kind = attributes.get("type", "").strip().lower()
        url = (attributes.get("xmlurl") or "").strip()
        if not url and kind in _FEED_TYPES:
            # Some exporters put the feed in `url`; `htmlUrl` is the web site, never the feed.
            url = (attributes.get("url") or "").strip()
        if not url:
            if kind in _FEED_TYPES:
                refused.append(f"refused {_quoted(title)}: it has no feed URL")
            continue  # a folder, or a note
        problem = _url_problem(url)
        if problem:
            refused.append(f"refused {_quoted(title)} ({_shown(url)}): {problem}")
            continue
        key = _dedupe_key(url)
        if key not in seen:
            seen.add(key)
            accepted.append(Subscription(url=url, title=title))
    return accepted, refused


def write_opml(
    subscriptions: Iterable[Subscription], *, title: str = "reader subscriptions"
) -> str:
    """An OPML 2.0 document listing `subscriptions`, one `rss` outline each."""
    root = ElementTree.Element("opml", version="2.0")
    head = ElementTree.SubElement(root, "head")
    ElementTree.SubElement(head, "title").text = clean_line(title)
    body = ElementTree.SubElement(root, "body")
    for subscription in subscriptions:
        name = clean_line(subscription.title) or clean_line(subscription.url)
        ElementTree.SubElement(
            body, "outline", type="rss", text=name, title=name, xmlUrl=clean_line(subscription.url)
        )
    ElementTree.indent(root, space="  ")
    document = ElementTree.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{document}\n'


def _refuse_declarations(data: bytes, label: str) -> None:
    """Refuse a DOCTYPE with an internal subset, or any entity declaration, before parsing.

    expat reports the document type declaration as soon as it reads it, before any entity
    could be expanded, so stopping there is safe for any encoding the document declares.
    """
    parser = xml.parsers.expat.ParserCreate()

    def doctype(name: str, system_id: Any, public_id: Any, has_internal_subset: int) -> None:
        if has_internal_subset or system_id:
            raise _Refused("a document type declaration with entities or an external DTD")

    def entity(*_: Any) -> None:
        raise _Refused("an entity declaration")

    def stop_at_root(*_: Any) -> None:
        # The declarations all come before the root element: nothing after it needs checking.
        raise _Refused("")

    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = entity
    parser.StartElementHandler = stop_at_root
    try:
        parser.Parse(data, True)
    except _Refused as refused:
        if str(refused):
            raise IngestError(label, f"refused: the OPML contains {refused}") from None
    except xml.parsers.expat.ExpatError as error:
        raise IngestError(label, f"not well-formed OPML ({_expat_message(error)})") from None


def _parse_xml(data: bytes, label: str) -> ElementTree.Element:
    try:
        from defusedxml.ElementTree import fromstring  # type: ignore[import-not-found]
    except ImportError:
        fromstring = ElementTree.fromstring
    try:
        return fromstring(data)
    except ElementTree.ParseError as error:
        raise IngestError(label, f"not well-formed OPML ({_expat_message(error)})") from None
    except ValueError as error:  # defusedxml's refusals (entities, DTDs) are ValueErrors
        raise IngestError(label, f"refused: {error}") from None


def _expat_message(error: Exception) -> str:
    code = getattr(error, "code", None)
    position = getattr(error, "position", None)
    if position is None and hasattr(error, "lineno"):
        position = (error.lineno, error.offset)
    message = xml.parsers.expat.ErrorString(code) if isinstance(code, int) else str(error)
    if position:
        return f"{message} at line {position[0]}, column {position[1]}"
    return " ".join(str(message).split())


def _outlines(element: ElementTree.Element) -> Iterator[ElementTree.Element]:
    """Every outline under `element`, depth first, in document order."""
    for child in element:
        if _local(child.tag) == "outline":
            yield child
            yield from _outlines(child)


def _url_problem(url: str) -> str:
    """Why `url` is not acceptable as a feed URL; empty when it is."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "not a valid URL"
    if parts.scheme.lower() not in _SCHEMES:
        return "only http(s) and file URLs are allowed"
    if any(char.isspace() or ord(char) < 0x20 or ord(char) == 0x7F for char in url):
        return "a URL cannot contain spaces or control characters"
    if clean_text(url) != url:
        return "a URL cannot contain control, bidi or zero-width characters"
    if parts.scheme.lower() != "file" and not parts.hostname:
        return "the URL has no host"
    return ""


def _dedupe_key(url: str) -> str:
    parts = urlsplit(url)
    path = parts.path or "/"
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, parts.query, ""))


def _local(tag: Any) -> str:
    """An element's name without its namespace; comments and processing instructions: ""."""
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _shown(text: str) -> str:
    text = clean_line(text)
    return text if len(text) <= _MAX_SHOWN else text[: _MAX_SHOWN - 1] + "…"


def _quoted(title: str) -> str:
    return f'"{_shown(title)}"' if title else "(untitled)"
