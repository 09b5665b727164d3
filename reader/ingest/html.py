"""HTML -> `Article`: the main text of a web page, or the structure of a feed entry's HTML.

A saved web page is mostly chrome: menus, share buttons, related links, adverts, comments.
trafilatura finds the article inside it (and its title, byline, date and site name); the
walker in `htmltree` then turns what it kept into sections. Nothing here fetches anything:
trafilatura is only ever handed a string.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from reader.ingest.errors import IngestError
from reader.ingest.htmltree import tree_pieces
from reader.ingest.structure import (
    Bullets,
    Heading,
    Paragraph,
    Piece,
    TextFixer,
    build_sections,
    same_words,
    squash,
)
from reader.ingest.titles import choose_page_title, derive_title
from reader.models import Article, Link, Repair, Section, TitleOrigin
from reader.sanitize import clean_text, strip_escape_sequences

if TYPE_CHECKING:
    from lxml.etree import _Element

# Full timestamps in the page's metadata; trafilatura reports only the day.
_PUBLISHED_META = re.compile(
    r"""(?:article:published_time|datePublished|pubdate|publish[-_]?date|dc\.date\.issued|"""
    r"""sailthru\.date|date)["']?\s*(?:content|:)\s*=?\s*["'](\d{4}-\d\d-\d\dT[\d:.]+"""
    r"""(?:Z|[+-]\d\d:?\d\d)?)""",
    re.IGNORECASE,
)
_TITLE_SCAN = 400_000
"""Characters of a page read for its declared titles: the head and the top of the body."""
_TITLE_TAG = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[A-Za-z!/?][^>]*>")
_BLANK_LINES = re.compile(r"\n\s*\n")
# A paragraph or list that is mostly link text, at the end of an extract, is navigation.
_MOSTLY_LINKS = 0.6
_MAX_TEASER_WORDS = 40
# trafilatura's XML vocabulary, as the HTML tags that mean the same.
_TEI_TAGS = {
    "item": "li",
    "quote": "blockquote",
    "code": "pre",
    "ref": "a",
    "graphic": "img",
    "lb": "br",
    "row": "tr",
    "cell": "td",
    "del": "s",
}
_TEI_EMPHASIS = {"#b": "b", "#i": "i", "#u": "u", "#t": "code", "#sub": "sub", "#sup": "sup"}
_HEADING_TAGS = frozenset(f"h{level}" for level in range(1, 7))


@dataclass
class HtmlFragment:
    """A piece of HTML (a feed entry's content) read into sections, with its links."""

    sections: list[Section] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    repairs: list[Repair] = field(default_factory=list)


def html_fragment_to_sections(html: str) -> list[Section]:
    """The sections of an HTML fragment: structure only, nothing removed as boilerplate."""
    return parse_html_fragment(html).sections


def parse_html_fragment(html: str, *, base_url: str | None = None) -> HtmlFragment:
    """An HTML fragment's sections, links (relative ones resolved against `base_url`), repairs."""
    if not html.strip():
        return HtmlFragment()
    html, escapes = strip_escape_sequences(html)
    if not _TAG.search(html):
        # Feeds often carry plain text where HTML is allowed; its blank lines are paragraphs.
        html = "".join(f"<p>{block}</p>" for block in _BLANK_LINES.split(html))
    root = _parse_document(html)
    if root is None:
        return HtmlFragment()
    body = root.find("body")
    pieces, links = tree_pieces(body if body is not None else root, base_url=base_url)
    fixer = TextFixer()
    sections = build_sections(pieces, fixer)
    repairs = fixer.repairs()
    if escapes:
        removed = Repair(kind="control-characters", original="", replacement="", count=escapes)
        repairs = [removed, *repairs]
    return HtmlFragment(sections=sections, links=links, repairs=repairs)


def parse_html(
    html: str, *, url: str | None = None, source: str = "", location: str = ""
) -> Article:
    """Parse a web page's main article; the page as given is kept in `original`.

    `source` becomes the site's name when the page states one, else the host of `url`, else
    stays as given. Raises `IngestError` when the page holds no article text at all.
    """
    name = source or url or location or "page"  # as every other refusal names the file
    document = _extract(html, url)
    metadata: dict[str, Any] = {}
    pieces: list[Piece] = []
    links: list[Link] = []
    if document is not None:
        metadata = {
            key: getattr(document, key, None) for key in ("title", "author", "sitename", "date")
        }
        body = getattr(document, "body", None)
        if body is not None:
            _rename_tei(body)
            pieces, links = tree_pieces(body, base_url=url)
            pieces = _without_teaser_tail(pieces)
    if not _has_text(pieces):
        # Extraction found nothing it trusts (a short page, odd markup): the page's own text,
        # minus menus and footers, is still better than nothing.
        root = _parse_document(html)
        body = root.find("body") if root is not None else None
        if body is not None:
            pieces, links = tree_pieces(body, base_url=url, skip_chrome=True)
    if not _has_text(pieces):
        raise IngestError(name, "no article text found in the page")

    fixer = TextFixer()
    title = squash(fixer.fix(_page_title(html, metadata, url)))
    pieces = _without_title_heading(pieces, title)
    if not title:
        title, pieces = _title_from_heading(pieces, fixer)
    sections = build_sections(pieces, fixer)
    origin: TitleOrigin = "title-line"
    if not title:
        title, origin = derive_title(sections, _stem(url or location))
    links = _links_kept(links, sections, url)
    author = squash(clean_text(_unescape(metadata.get("author") or ""))) or None
    site = squash(clean_text(_unescape(metadata.get("sitename") or "")))
    return Article(
        title=title,
        title_origin=origin,
        source=site or _host(url) or source,
        location=location or url or "",
        author=author,
        published=_published(metadata.get("date"), html),
        sections=sections,
        repairs=fixer.repairs(),
        original=html,
        link=url,
        links=links,
    )


def _extract(html: str, url: str | None) -> Any:
    """trafilatura's Document for the page, or None when it finds no article."""
    import trafilatura

    # trafilatura drops a lone ESC byte but keeps the rest of the sequence as text: remove
    # whole escape sequences first, so no payload ("]0;title", "[31m") survives as words.
    html, _ = strip_escape_sequences(html)
    try:
        return trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_formatting=True,
            include_links=True,
            include_images=True,
            include_tables=True,
            deduplicate=False,
        )
    except Exception:  # noqa: BLE001
        # A third-party parser on untrusted markup: any failure of its own means "found
        # nothing", and the page-body fallback takes over.
        return None


def _rename_tei(root: _Element) -> None:
    """Rename trafilatura's XML elements in place to their HTML counterparts."""
    for element in root.iter():
        tag = element.tag
        if not isinstance(tag, str):
            continue
        if tag == "head":
            rend = element.get("rend", "h3")
            element.tag = rend if rend in _HEADING_TAGS else "h3"
        elif tag == "list":
            element.tag = "ol" if element.get("rend") == "ol" else "ul"
        elif tag == "hi":
            element.tag = _TEI_EMPHASIS.get(element.get("rend", ""), "span")
        elif tag in _TEI_TAGS:
            element.tag = _TEI_TAGS[tag]
            if tag == "ref":
                element.set("href", element.get("target", ""))


def _parse_document(html: str) -> _Element | None:
    import lxml.html
    from lxml.etree import ParserError

    # Bytes, because lxml refuses a str that carries an XML encoding declaration.
    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True)
    try:
        return lxml.html.document_fromstring(html.encode("utf-8", "surrogatepass"), parser=parser)
    except (ParserError, ValueError):
        return None


def _has_text(pieces: list[Piece]) -> bool:
    return any(not isinstance(piece, Heading) and not _is_placeholder(piece) for piece in pieces)


def _is_placeholder(piece: Piece) -> bool:
    return isinstance(piece, Paragraph) and piece.text.startswith("[image")


def _without_teaser_tail(pieces: list[Piece]) -> list[Piece]:
    """`pieces` without the links to other stories that extraction sometimes lets through.

    Pages end with "Related", "Trending" or "Most read" boxes: headings that are links, each
    with a line of teaser, and rows of share buttons. Taken from the end while the tail looks
    like that; article text above is never touched.
    """
    end = len(pieces)
    while end:
        last = pieces[end - 1]
        if _is_placeholder(last) or (
            isinstance(last, Bullets | Paragraph) and last.linked >= _MOSTLY_LINKS
        ):
            end -= 1
            continue
        start = next((i for i in range(end - 1, -1, -1) if isinstance(pieces[i], Heading)), None)
        if start is None:
            break
        heading = pieces[start]
        assert isinstance(heading, Heading)
        under = pieces[start + 1 : end]
        if not under or (heading.linked and all(_is_teaser(piece) for piece in under)):
            end = start
            continue
        break
    return pieces[:end]


def _links_kept(links: list[Link], sections: list[Section], url: str | None) -> list[Link]:
    """The links whose text (or image's alt) is still in the article after trimming."""
    text = "\n".join(
        part
        for section in sections
        for part in (section.title, *(b.plain() for b in section.blocks))
    )
    return [
        link for link in links if link.url != url and (not link.text or squash(link.text) in text)
    ]


def _is_teaser(piece: Piece) -> bool:
    if _is_placeholder(piece):
        return True
    return isinstance(piece, Paragraph) and len(piece.text.split()) <= _MAX_TEASER_WORDS


def _without_title_heading(pieces: list[Piece], title: str) -> list[Piece]:
    """`pieces` without a leading heading that repeats the title."""
    for index, piece in enumerate(pieces[:3]):
        if isinstance(piece, Heading) and title and same_words(piece.text, title):
            return pieces[:index] + pieces[index + 1 :]
    return pieces


def _title_from_heading(pieces: list[Piece], fixer: TextFixer) -> tuple[str, list[Piece]]:
    for index, piece in enumerate(pieces):
        if isinstance(piece, Heading) and piece.level == 1 and piece.text.strip():
            return squash(fixer.fix(piece.text)), pieces[:index] + pieces[index + 1 :]
    return "", pieces


def _page_title(html: str, metadata: dict[str, Any], url: str | None) -> str:
    """The headline the page declares: og:title, <title>, h1, and where they agree."""
    extracted = _unescape(metadata.get("title") or "")
    root = _parse_document(html[:_TITLE_SCAN])
    if root is None:
        return extracted or _title_tag(html)

    def meta(*keys: str) -> str:
        for key in keys:
            for attribute in ("property", "name"):
                found = root.xpath(f"//meta[@{attribute}=$key]/@content", key=key)
                if found and str(found[0]).strip():
                    return _unescape(str(found[0]))
        return ""

    headings = [_unescape(" ".join(h.text_content().split())) for h in root.iter("h1")][:4]
    sites = [s for s in (meta("og:site_name", "application-name"),
                         _unescape(metadata.get("sitename") or ""), _host(url)) if s]
    title = choose_page_title(meta("og:title", "twitter:title"), _title_tag(html), headings,
                              sites, extracted)
    return title or extracted


def _title_tag(html: str) -> str:
    match = _TITLE_TAG.search(html[:100_000])
    return _unescape(match.group(1)) if match else ""


def _unescape(text: str) -> str:
    """Metadata with its entities decoded, twice over where the page escaped them twice."""
    import html as html_module

    # Pages often escape a title once in their template and again in the meta tag, leaving
    # "&#039;" in what the parser hands back; no headline means that literally.
    for _ in range(2):
        if "&" not in text:
            break
        text = html_module.unescape(text)
    return text


def _published(day: str | None, html: str) -> datetime | None:
    """The publication time: the page's full timestamp when it agrees with trafilatura's day."""
    if not day:
        return None
    try:
        date = datetime.fromisoformat(day)
    except ValueError:
        return None
    for match in _PUBLISHED_META.finditer(html[:200_000]):
        try:
            stamp = datetime.fromisoformat(match.group(1))
        except ValueError:
            continue
        if stamp.date() == date.date():
            date = stamp
            break
    return date if date.tzinfo else date.replace(tzinfo=UTC)


def _host(url: str | None) -> str:
    if not url:
        return ""
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")


def _stem(location: str) -> str:
    name = urlsplit(location).path.rstrip("/").rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[0] if "." in name else name
