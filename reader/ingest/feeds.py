"""Feed documents -> `ParsedFeed`: RSS 0.9x/1.0/2.0 and Atom via feedparser, JSON Feed by hand.

Pure parsing: bytes in, entries out, no network and no store. feedparser is imported inside
the functions that need it, so starting the app never pays for it.

feedparser is always handed a stream, never the bytes themselves: given a string or bytes it
tries them as a URL and then as a file name first, so a feed whose body happened to be
`/etc/passwd` would be read from disk. Its strict parser (expat, through SAX) has external
entities switched off, and before parsing it strips every `<!ENTITY>` declaration whose value
refers to another entity, so neither an external entity nor a billion-laughs bomb expands. The
entities it keeps (plain text) its lenient fallback parser expands without limit, so a document
whose own entities would grow it by more than a million characters is refused before parsing.

The feed's URL is deliberately not given to feedparser as the base for relative URIs: it would
also resolve every RSS `<guid>` without `isPermaLink="false"` against it, turning an id like
`post-42` into a made-up link. Links are resolved here instead, and a link that feedparser took
from a guid is kept only when the guid really is an absolute web address.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from email.message import Message
from typing import Any
from urllib.parse import urljoin

from pydantic import BaseModel, Field

from reader.ingest.decode import decode_bytes
from reader.ingest.enclosures import feedparser_enclosures, json_feed_enclosures
from reader.ingest.errors import IngestError
from reader.ingest.feed_entries import (
    HTML_TYPES,
    RawEntry,
    collect_links,
    enclosure,
    entry_article,
    host_of,
    markup_to_text,
    one_line,
    plain_line,
    safe_url,
)
from reader.models import Article

MAX_FEED_BYTES = 20 * 1024 * 1024
"""Larger documents are refused: no feed is that big, and parsing one would stall the app."""
MAX_ENTITY_EXPANSION = 1_000_000
"""Characters a document's own entity declarations may add to it when expanded."""

_DATES = ("published_parsed", "updated_parsed", "created_parsed")
_HTML_PAGE = re.compile(rb"<!doctype\s+html|<html[\s>]", re.IGNORECASE)
_JSON_VERSION = re.compile(r"^https?://jsonfeed\.org/version/1(?:\.\d+)?/?$")
_FIRST_ELEMENT = re.compile(rb"<[A-Za-z_]")
_ENTITY_DECLARATION = re.compile(rb"""<!ENTITY\s+([\w.-]+)\s+(?:"([^"]*)"|'([^']*)')""")


class ParsedFeed(BaseModel):
    """A feed as parsed: its own details, its entries as `Article`s, and what was odd about it."""

    url: str
    """The feed's URL, as given."""
    title: str
    """The feed's title, cleaned; the URL's host when the feed has none."""
    link: str | None = None
    """The web site the feed belongs to."""
    entries: list[Article] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    """One line each, e.g. that the XML was not well-formed but was parsed anyway."""


def parse_feed(data: bytes, *, url: str, content_type: str | None = None) -> ParsedFeed:
    """Parse an RSS, Atom or JSON Feed document read from `url`.

    `content_type` is the HTTP Content-Type header, when there was one; its charset is used to
    decode the document. Raises `IngestError` (one line, naming `url`) when the document is not
    a feed at all.
    """
    if len(data) > MAX_FEED_BYTES:
        megabytes = len(data) / (1024 * 1024)
        raise IngestError(url, f"not a feed (too large: {megabytes:.1f} MB; the limit is 20 MB)")
    if not data.strip():
        raise IngestError(url, "not a feed (empty document)")
    header = Message()
    if content_type:
        header["content-type"] = content_type
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if head in (b"{", b"[") or (head != b"<" and "json" in header.get_content_type()):
        return _parse_json_feed(data, url, header.get_content_charset())
    return _parse_xml_feed(data, url, content_type)


# --- RSS and Atom ---------------------------------------------------------------------------


def _parse_xml_feed(data: bytes, url: str, content_type: str | None) -> ParsedFeed:
    import feedparser

    expansion = _entity_expansion(data, url)
    if expansion > MAX_ENTITY_EXPANSION:
        reason = f"refused as unsafe (its XML entities would add {expansion:,} characters)"
        raise IngestError(url, reason)
    headers = {"content-type": content_type} if content_type else {}
    parsed = feedparser.parse(
        io.BytesIO(data),
        response_headers=headers,
        sanitize_html=True,
        resolve_relative_uris=True,
    )
    feed, entries = parsed.get("feed", {}), parsed.get("entries", [])
    title = plain_line(feed.get("title", ""), feed.get("title_detail", {}).get("type"))
    if not parsed.get("version") and (_HTML_PAGE.search(data[:4096]) or not (entries or title)):
        # A feed format feedparser does not name (CDF, say) still counts if it found something.
        raise IngestError(url, f"not a feed ({_not_a_feed_reason(data, parsed)})")
    source = title or host_of(url)
    feed_author = plain_line(feed.get("author_detail", {}).get("name") or feed.get("author", ""))
    articles = (_feedparser_entry(entry, url, source, feed_author) for entry in entries)
    link = safe_url(feed.get("link"), url)
    return _parsed_feed(url, source, link, articles, _bozo_warnings(parsed, content_type))


def _parsed_feed(
    url: str,
    title: str,
    link: str | None,
    articles: Iterable[Article | None],
    warnings: list[str],
) -> ParsedFeed:
    built = list(articles)
    entries = [article for article in built if article is not None]
    if skipped := len(built) - len(entries):
        noun = "entry" if skipped == 1 else "entries"
        warnings.append(f"skipped {skipped} {noun} with no title, text or link")
    return ParsedFeed(url=url, title=title, link=link, entries=entries, warnings=warnings)


def _not_a_feed_reason(data: bytes, parsed: Mapping[str, Any]) -> str:
    if _HTML_PAGE.search(data[:4096]):
        return "an HTML page"
    error = parsed.get("bozo_exception")
    if error is not None and type(error).__name__ == "SAXParseException":
        return f"not XML: {error.getMessage()} at line {error.getLineNumber()}"
    return "no RSS, Atom or JSON Feed document found"


def _bozo_warnings(parsed: Mapping[str, Any], content_type: str | None) -> list[str]:
    if not parsed.get("bozo"):
        return []
    error = parsed.get("bozo_exception")
    kind = type(error).__name__
    if kind == "NonXMLContentType":
        # feedparser complains whenever no header was given; only a real header is news.
        return [f"served as {content_type}, not as XML (parsed anyway)"] if content_type else []
    if kind == "SAXParseException":
        where = f"{error.getMessage()} at line {error.getLineNumber()}"
        return [f"feed is not well-formed XML: {where} (parsed anyway)"]
    if kind in ("CharacterEncodingOverride", "CharacterEncodingUnknown"):
        return [f"{one_line(str(error))} (parsed anyway)"]
    return [f"feed has problems: {one_line(str(error)) or kind} (parsed anyway)"]


def _feedparser_entry(
    entry: Mapping[str, Any], url: str, source: str, feed_author: str
) -> Article | None:
    title_detail = entry.get("title_detail") or {}
    title = markup_to_text(entry.get("title", ""), title_detail.get("type"))
    contents = [item for item in entry.get("content") or [] if str(item.get("value", "")).strip()]
    html_contents = [item for item in contents if item.get("type") in HTML_TYPES]
    chosen = (html_contents or contents or [None])[0]
    summary_only = chosen is None
    if chosen is None and str(entry.get("summary", "")).strip():
        chosen = entry.get("summary_detail") or {"value": entry["summary"], "type": "text/html"}
    body, kind = (str(chosen.get("value", "")), chosen.get("type")) if chosen else ("", None)
    # Relative links in the body are relative to its xml:base, itself relative to the feed.
    body_base = urljoin(url, str(chosen.get("base") or "")) if chosen else url
    author_detail = entry.get("author_detail") or {}
    author = plain_line(author_detail.get("name") or entry.get("author", "")) or feed_author
    links = collect_links(
        [enclosure(e.get("href"), e.get("type"), "") for e in entry.get("enclosures") or []]
        + [enclosure(m.get("url"), _media_type(m), "") for m in entry.get("media_content") or []]
        + [(m.get("url"), "image", "") for m in entry.get("media_thumbnail") or []],
        url,
    )
    guid = one_line(str(entry.get("id", "")))
    link = safe_url(entry.get("link"), url)
    if entry.get("guidislink") and entry.get("link") == entry.get("id"):
        # The link is the guid: a web address only if it was written as one.
        link = safe_url(entry.get("link"), "")
    published = _struct_time_utc(next((entry[key] for key in _DATES if entry.get(key)), None))
    raw = RawEntry(
        title=title,
        body=body,
        body_is_html=kind in HTML_TYPES,
        body_base=body_base,
        summary_only=summary_only,
        guid=guid,
        link=link,
        links=links,
        enclosures=feedparser_enclosures(entry, url),
        author=author or None,
        published=published,
    )
    return entry_article(raw, feed_url=url, source=source)


def _media_type(media: Mapping[str, Any]) -> str:
    """A media:content item's type; one that names none is an image unless it says otherwise."""
    if media.get("type"):
        return str(media["type"])
    return "image/" if media.get("medium", "image") == "image" else ""


def _struct_time_utc(value: Any) -> datetime | None:
    try:
        return datetime(*value[:6], tzinfo=UTC) if value else None
    except (TypeError, ValueError, OverflowError):
        return None


# --- JSON Feed ------------------------------------------------------------------------------


def _parse_json_feed(data: bytes, url: str, charset: str | None) -> ParsedFeed:
    text = decode_bytes(data, declared=charset, name=url).lstrip("\ufeff")
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        reason = f"not a feed (invalid JSON: {error.msg} at line {error.lineno})"
        raise IngestError(url, reason) from None
    except RecursionError:
        raise IngestError(url, "not a feed (JSON nested too deeply)") from None
    if not isinstance(document, dict) or not _JSON_VERSION.match(_text(document.get("version"))):
        raise IngestError(url, "not a feed (JSON, but not a JSON Feed)")
    source = plain_line(_text(document.get("title"))) or host_of(url)
    feed_author = _json_author(document)
    items = document.get("items")
    warnings = [] if isinstance(items, list) else ["the JSON Feed has no list of items"]
    articles = (_json_item(item, url, source, feed_author) for item in items or [])
    link = safe_url(_text(document.get("home_page_url")), url)
    return _parsed_feed(url, source, link, articles, warnings)


def _json_item(item: Any, url: str, source: str, feed_author: str) -> Article | None:
    if not isinstance(item, dict):
        return None
    markup, plain = _text(item.get("content_html")), _text(item.get("content_text"))
    summary = _text(item.get("summary"))
    body, is_html = (markup, True) if markup.strip() else (plain, False)
    summary_only = not body.strip()
    if summary_only:
        body, is_html = summary, False
    attachments = item.get("attachments")
    links = collect_links(
        [(_text(item.get(key)), "image", "") for key in ("image", "banner_image")]
        + [
            enclosure(a.get("url"), a.get("mime_type"), plain_line(_text(a.get("title"))))
            for a in (attachments if isinstance(attachments, list) else [])
            if isinstance(a, dict)
        ],
        url,
    )
    raw = RawEntry(
        title=_text(item.get("title")),
        body=body,
        body_is_html=is_html,
        body_base=url,
        summary_only=summary_only,
        guid=one_line(_text(item.get("id"))),
        link=safe_url(_text(item.get("url")) or _text(item.get("external_url")), url),
        links=links,
        enclosures=json_feed_enclosures(attachments, url),
        author=_json_author(item) or feed_author or None,
        published=_iso_utc(_text(item.get("date_published") or item.get("date_modified"))),
    )
    return entry_article(raw, feed_url=url, source=source)


def _json_author(holder: Mapping[str, Any]) -> str:
    """The first author's name: JSON Feed 1.1 `authors`, or 1.0's single `author`."""
    authors = holder.get("authors")
    candidates = authors if isinstance(authors, list) else [holder.get("author")]
    for author in candidates:
        if isinstance(author, dict) and _text(author.get("name")).strip():
            return plain_line(_text(author["name"]))
    return ""


def _iso_utc(value: str) -> datetime | None:
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def _text(value: Any) -> str:
    """A JSON value as text: strings as they are, numbers written out, anything else empty."""
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return ""


def _entity_expansion(data: bytes, url: str) -> int:
    """How many characters the document's internal entities would add if all were expanded.

    feedparser keeps entities whose value is plain text and, when the strict parser gives up,
    its lenient parser expands every reference to them with no limit: a 100 KB entity used a
    few thousand times becomes hundreds of megabytes. So the worst case is worked out first.
    """
    if 0 in data[:4]:
        # UTF-16 or UTF-32: declarations and references are looked for in the decoded text.
        data = decode_bytes(data, name=url).encode("utf-8", "replace")
    first = _FIRST_ELEMENT.search(data)
    prolog = data[: first.start()] if first else data
    total = 0
    for name, double_quoted, single_quoted in _ENTITY_DECLARATION.findall(prolog):
        size = len(double_quoted or single_quoted)
        total += size * data.count(b"&" + name + b";")
    return total
