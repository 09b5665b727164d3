"""Feed entries -> `Article`s: the part every feed format shares.

`feeds` reads RSS, Atom and JSON Feed into `RawEntry`s; this turns each into an `Article`:
the body into sections (HTML through the HTML reader, plain text by its blank lines), text
cleaned and repaired, a title derived where the entry has none, a stable guid, and the
teaser flag. Every URL that comes out of here is an absolute http(s) address.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal
from urllib.parse import urljoin, urlsplit

from reader.ingest.html import parse_html_fragment
from reader.ingest.structure import TextFixer
from reader.ingest.titles import derive_title
from reader.models import Article, Block, Enclosure, Link, Repair, Section, TitleOrigin
from reader.sanitize import clean_text

LinkKind = Literal["link", "image"]
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", "html", "xhtml"})
"""Content types (as feedparser and Atom name them) whose text is HTML."""
_LINK_SCHEMES = frozenset({"http", "https"})
# A summary shorter than this, with a link to follow, is the feed's teaser for the article.
_TEASER_WORDS = 80
_TEASER_END = re.compile(
    r"(?:…|\.\.\.|\[\s*(?:…|\.\.\.)\s*\]|read more|continue reading|more\s*»)[\s\W]*$",
    re.IGNORECASE,
)
_MAX_DERIVED_TITLE = 100
_TAG = re.compile(r"<[^>]*>")
_BLANK_LINES = re.compile(r"\n[ \t]*\n")


@dataclass
class RawEntry:
    """What a feed says about one entry, read from whichever format it came in."""

    title: str
    """As the feed wrote it, HTML titles reduced to text; cleaned and repaired here."""
    body: str
    """The fullest text the entry has: its content, else its summary."""
    body_is_html: bool
    body_base: str
    """The URL the body's relative links are relative to."""
    summary_only: bool
    """True when the body is a summary because the entry has no content."""
    guid: str
    link: str | None
    links: list[Link] = field(default_factory=list)
    """Enclosures and images, already absolute."""
    enclosures: list[Enclosure] = field(default_factory=list)
    """Audio and video files, already absolute."""
    author: str | None = None
    published: datetime | None = None


def entry_article(entry: RawEntry, *, feed_url: str, source: str) -> Article | None:
    """One entry as an `Article`; None when it has nothing to show (no title, text or link)."""
    fixer = TextFixer()
    body_repairs: list[Repair] = []
    title, body, link, links = entry.title, entry.body, entry.link, entry.links
    if entry.body_is_html:
        fragment = parse_html_fragment(body, base_url=entry.body_base)
        sections, body_repairs = fragment.sections, fragment.repairs
        links = collect_links(
            [(found.url, found.kind, found.text) for found in fragment.links]
            + [(found.url, found.kind, found.text) for found in links],
            entry.body_base,
        )
    else:
        sections = _text_sections(body, fixer)
    title = " ".join(fixer.fix(title).split())
    text = " ".join(block.plain() for section in sections for block in section.blocks)
    if not (title or text.strip() or link):
        return None
    origin: TitleOrigin = "title-line"
    if not title:
        title, origin = derived_title(sections, link)
    guid = entry.guid
    if not guid:
        basis = f"{title}\n{entry.published.isoformat() if entry.published else ''}"
        guid = "sha256:" + hashlib.sha256(basis.encode("utf-8")).hexdigest()[:32]
    words = len(text.split())
    teaser = bool(
        entry.summary_only and link and (words < _TEASER_WORDS or _TEASER_END.search(text.strip()))
    )
    return Article(
        title=title,
        title_origin=origin,
        source=source,
        location=feed_url,
        author=entry.author,
        published=entry.published,
        sections=sections,
        repairs=_merged(body_repairs, fixer.repairs()),
        original=body,
        link=link,
        links=links,
        enclosures=entry.enclosures,
        feed=feed_url,
        guid=guid,
        teaser=teaser,
    )


def _text_sections(text: str, fixer: TextFixer) -> list[Section]:
    """Plain text: paragraphs separated by blank lines, their lines joined."""
    unified = text.replace("\r\n", "\n").replace("\r", "\n")
    paragraphs = [" ".join(fixer.fix(part).split()) for part in _BLANK_LINES.split(unified)]
    blocks = [Block(kind="paragraph", text=paragraph) for paragraph in paragraphs if paragraph]
    return [Section(title="", blocks=blocks)] if blocks else []


def _merged(*groups: list[Repair]) -> list[Repair]:
    """Repairs of the same kind added together, in the order first seen."""
    counts: Counter[tuple[str, str, str]] = Counter()
    for group in groups:
        for repair in group:
            counts[(repair.kind, repair.original, repair.replacement)] += repair.count
    return [
        Repair(kind=kind, original=original, replacement=replacement, count=count)
        for (kind, original, replacement), count in counts.items()
    ]


def derived_title(sections: list[Section], link: str | None) -> tuple[str, TitleOrigin]:
    """Derived as the text reader does (its first sentence, mostly); else from the link."""
    title, origin = derive_title(sections, None)
    if origin != "file-name":
        return title, origin
    # No sentence long enough for a headline: the text's start is still better than nothing.
    text = " ".join(block.plain() for section in sections for block in section.blocks)
    if text := " ".join(text.split()):
        if len(text) > _MAX_DERIVED_TITLE:
            text = text[: _MAX_DERIVED_TITLE - 1].rsplit(" ", 1)[0] + "…"
        return text, "first-sentence"
    parts = urlsplit(link or "")
    return (parts.netloc + parts.path).rstrip("/") or title, "file-name"


def markup_to_text(value: str, content_type: str | None) -> str:
    """A title as text: HTML ones (Atom `type="html"`) lose their tags and entities."""
    return html.unescape(_TAG.sub("", value)) if content_type in HTML_TYPES else value


def plain_line(value: str, content_type: str | None = None) -> str:
    """A feed's title or a name as one line of clean, repaired plain text."""
    return one_line(TextFixer().fix(markup_to_text(value, content_type)))


def one_line(value: str) -> str:
    return " ".join(value.split())


def safe_url(value: Any, base: str) -> str | None:
    """An absolute http(s) URL, resolved against `base`; None for anything else."""
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        absolute = urljoin(base, value.strip())
        parts = urlsplit(absolute)
    except ValueError:
        return None
    if parts.scheme.lower() not in _LINK_SCHEMES or not parts.netloc:
        return None
    if any(char.isspace() or ord(char) < 0x20 or ord(char) == 0x7F for char in absolute):
        return None
    if clean_text(absolute) != absolute:
        # C1 controls, bidi overrides, zero-width characters: not a link to show or open.
        return None
    return absolute


def enclosure(href: Any, mime: Any, title: str) -> tuple[Any, LinkKind, str]:
    """An enclosure or attachment: an image if its type says so; named by title, else type."""
    mime = mime if isinstance(mime, str) else ""
    return href, "image" if mime.startswith("image/") else "link", title or mime


def collect_links(candidates: Iterable[tuple[Any, LinkKind, str]], base: str) -> list[Link]:
    """Safe, absolute `Link`s, in order, each URL once."""
    links: list[Link] = []
    seen: set[str] = set()
    for href, kind, text in candidates:
        url = safe_url(href, base)
        if url is not None and url not in seen:
            seen.add(url)
            links.append(Link(url=url, text=one_line(text), kind=kind))
    return links


def host_of(url: str) -> str:
    """A name for a feed that gives none: its URL's host, or the file name of a local one."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    return parts.hostname or parts.path.rstrip("/").rsplit("/", 1)[-1] or url
