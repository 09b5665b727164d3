"""What kind of document a text is: plain text, Markdown, HTML, a feed or an OPML list.

The content decides; the file name and the server's content type only break ties. Files
arrive misnamed all the time: a feed saved as `.html`, a web page saved as `.xml`, a feed
served as `text/html`.
"""

from __future__ import annotations

import re
from typing import Literal

Kind = Literal["text", "markdown", "html", "feed", "opml"]

# The root element is found within the first few KB; anything further is body.
_HEAD_CHARS = 4096
_PROLOG_CHARS = 1024 * 1024
# What may precede the root element of an XML or HTML document.
_PROLOG = re.compile(
    r"\A(?:\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE(?:[^<>\[]|\[.*?\])*>)*", re.DOTALL | re.IGNORECASE
)
_ROOT = re.compile(r"<([A-Za-z][\w.:-]*)([^>]*)>?")
_HTML_DOCTYPE = re.compile(r"<!DOCTYPE\s+html", re.IGNORECASE)
_JSON_FEED = re.compile(r'"version"\s*:\s*"https?://jsonfeed\.org/version/', re.IGNORECASE)
# Tag names that only HTML uses; counting them keeps "<T>" in a code sample from looking like
# markup.
_HTML_TAG = re.compile(
    r"</?(?:a|abbr|article|aside|b|blockquote|body|br|code|div|em|figure|footer|h[1-6]|head|"
    r"header|hr|html|i|img|li|link|main|meta|nav|ol|p|pre|script|section|span|strong|style|"
    r"table|td|th|title|tr|ul)\b[^<>]*>",
    re.IGNORECASE,
)
# A fragment like "<p>One</p><p>Two</p>" is HTML when this share of it is tags.
_MIN_TAG_SHARE = 0.2
_MIN_TAGS = 3
# Markdown cues, each unlikely in plain prose.
_FRONT_MATTER = re.compile(
    r"\A(?:---|\+\+\+)[ \t]*\n.*?\n(?:---|\+\+\+|\.\.\.)[ \t]*(?:\n|\Z)", re.S
)
_FENCE = re.compile(r"^ {0,3}(?:```|~~~)", re.MULTILINE)
_LINK = re.compile(r"!?\[[^\]\n]+\]\((?:[^()\s]+|<[^>\n]+>)(?:\s+\"[^\"\n]*\")?\)")
_REFERENCE = re.compile(r"^ {0,3}\[[^\]\n]+\]:\s+\S+", re.MULTILINE)
_ATX_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+\S", re.MULTILINE)
_MARKDOWN_EXTENSIONS = (".md", ".markdown", ".mdown", ".mkd", ".mkdn")
_TEXT_EXTENSIONS = (".txt", ".text")
_CONTENT_TYPES: tuple[tuple[str, Kind], ...] = (
    ("html", "html"),
    ("rss", "feed"),
    ("atom", "feed"),
    ("feed+json", "feed"),
    ("opml", "opml"),
    ("markdown", "markdown"),
)


def sniff(text: str, *, name: str = "", content_type: str | None = None) -> Kind:
    """The kind of document `text` is; `name` (a file name or URL) and `content_type` help."""
    head = text[:_HEAD_CHARS].lstrip("\ufeff")
    # A long DOCTYPE (entity declarations) can push the root element far down: look past it.
    structural = _structural_kind(text[:_PROLOG_CHARS].lstrip("\ufeff"))
    if structural is not None:
        return structural
    hinted = _kind_from_content_type(content_type)
    extension = _extension(name)
    if hinted in ("html", "markdown"):
        return hinted
    if hinted in ("feed", "opml") and head.lstrip()[:1] in ("<", "{"):
        # Markup the root-element check could not place (leading junk, a broken prolog) but
        # served as a feed: the feed parser copes with far worse.
        return hinted
    if extension in _TEXT_EXTENSIONS or hinted == "text":
        # The plain-text reader already knows "#" headings and reads one paragraph per line,
        # which Markdown would run together; so only a clear sign of Markdown overrides .txt.
        if _FRONT_MATTER.match(head):
            return "markdown"
        return "html" if head.lstrip().startswith("<") and _mostly_tags(head) else "text"
    if extension in _MARKDOWN_EXTENSIONS or _looks_like_markdown(head):
        return "markdown"
    if _mostly_tags(head):
        return "html"
    return "text"


def _structural_kind(head: str) -> Kind | None:
    """A feed, OPML or an HTML page, told by its root element (or a JSON Feed's version)."""
    stripped = head.lstrip()
    if stripped.startswith("{"):
        return "feed" if _JSON_FEED.search(head) else None
    prolog = _PROLOG.match(stripped)
    rest = stripped[prolog.end() if prolog else 0 :]
    root = _ROOT.match(rest)
    kind = _kind_of_root(root.group(1), root.group(2), head[:_HEAD_CHARS]) if root else None
    if kind is None and _HTML_DOCTYPE.search(stripped[: len(stripped) - len(rest)]):
        # An HTML doctype over a fragment; a feed root below one still wins (feeds copied
        # from templates carry stray XHTML doctypes).
        return "html"
    return kind


def _kind_of_root(tag: str, attributes: str, head: str) -> Kind | None:
    local = tag.lower().rsplit(":", 1)[-1]
    attributes = attributes.lower()
    if local in ("rss", "feed", "channel"):
        # <feed> is Atom's root (0.3 or 1.0, with or without a prefix); nothing else uses it.
        return "feed"
    if local == "rdf":
        # RSS 1.0 and 0.90 are RDF documents; other RDF is not a feed.
        is_rss = "purl.org/rss" in attributes or "netscape.com/" in attributes
        return "feed" if is_rss or re.search(r"<(?:\w+:)?channel\b", head) else None
    if local == "opml":
        return "opml"
    if local in ("html", "head", "body"):
        return "html"
    return None


def _kind_from_content_type(content_type: str | None) -> Kind | None:
    if not content_type:
        return None
    media = content_type.split(";", 1)[0].strip().lower()
    for marker, kind in _CONTENT_TYPES:
        if marker in media:
            return kind
    return "text" if media == "text/plain" else None


def _extension(name: str) -> str:
    # A URL's query and fragment are not part of its file name.
    path = name.split("?", 1)[0].split("#", 1)[0].rsplit("/", 1)[-1]
    dot = path.rfind(".")
    return path[dot:].lower() if dot > 0 else ""


def _looks_like_markdown(head: str) -> bool:
    if _FRONT_MATTER.match(head) or _FENCE.search(head):
        return True
    if _LINK.search(head) or _REFERENCE.search(head):
        return True
    return bool(_ATX_HEADING.search(head))


def _mostly_tags(head: str) -> bool:
    tags = _HTML_TAG.findall(head)
    if len(tags) < _MIN_TAGS:
        return False
    if head.lstrip().startswith("<"):
        return True
    return sum(map(len, tags)) >= len(head.strip()) * _MIN_TAG_SHARE
