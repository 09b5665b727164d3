"""Markdown -> `Article`: front matter, headings, lists, quotes, code, links and FAQs.

The Markdown is rendered to HTML by markdown-it and read by the same walker as web pages, so
raw HTML inside it (common in real posts) is understood rather than shown as tags. Go blog
posts (`.article`, the `present` format) are Markdown with a header of their own (title,
date, `Tags:`/`Summary:` lines, authors) and `.image`/`.code` directives; both are read.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING

from reader.ingest.feed_entries import safe_url
from reader.ingest.htmltree import tree_pieces
from reader.ingest.structure import (
    Heading,
    Piece,
    TextFixer,
    build_sections,
    same_words,
    squash,
)
from reader.ingest.titles import derive_title
from reader.models import Article, TitleOrigin
from reader.sanitize import clean_text

if TYPE_CHECKING:
    from lxml.etree import _Element

_FRONT_MATTER = re.compile(
    r"\A\ufeff?(---|\+\+\+)[ \t]*\r?\n(.*?)\r?\n(?:---|\+\+\+|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL
)
_FIELD = re.compile(r"^([A-Za-z_][\w-]*)\s*[:=]\s*(.*)$")
_LIST_ITEM = re.compile(r"^\s+-\s+(.*)$")
_DATE_FORMATS = (
    "%d %b %Y",
    "%H:%M %d %b %Y",
    "%d %B %Y",
    "%b %d, %Y",
    "%B %d, %Y",
    "%Y/%m/%d",
    "%Y-%m-%d %H:%M",
)
# Go's present format: "12 Jul 2016" or "12:01 10 Nov 2020" under the title.
_PRESENT_DATE = re.compile(r"^(?:\d\d?:\d\d\s+)?\d\d?\s+[A-Z][a-z]{2,8}\s+\d{4}$")
_PRESENT_FIELD = re.compile(r"^(?:Tags|Summary|OldURL):\s")
_PRESENT_DIRECTIVE = re.compile(r"^\.(image|code|play|html|iframe|caption)\s+(.*)$")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_TITLE_FIELDS = ("title",)
_AUTHOR_FIELDS = ("author", "authors", "byline", "creator")
_DATE_FIELDS = ("date", "published", "pubdate", "publishdate", "created", "posted")
_LINK_FIELDS = ("canonical_url", "canonical", "link", "url")


@dataclass
class _Header:
    """What the text says about itself before the body: front matter or a Go post header."""

    title: str = ""
    authors: list[str] = field(default_factory=list)
    date: str = ""
    link: str = ""


def parse_markdown(
    text: str, *, source: str = "", location: str = "", file_stem: str | None = None
) -> Article:
    """Parse a Markdown article; the text as given is kept in `original`."""
    body = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    header, body = _front_matter(body)
    present = _present_header(body) if header is None else None
    if present is not None:
        header, body = present
        body = _present_directives(body)
    header = header or _Header()

    pieces, links = tree_pieces(_render(body))
    fixer = TextFixer()
    title = squash(fixer.fix(header.title))
    if title:
        pieces = _drop_heading(pieces, lambda piece: same_words(piece.text, title), limit=3)
    else:
        first_h1 = next((p for p in pieces if isinstance(p, Heading) and p.level == 1), None)
        if first_h1 is not None:
            title = squash(fixer.fix(first_h1.text))
            pieces = [piece for piece in pieces if piece is not first_h1]
    sections = build_sections(pieces, fixer)
    origin: TitleOrigin = "title-line"
    if not title:
        title, origin = derive_title(sections, file_stem)
    authors = [squash(clean_text(name)) for name in header.authors]
    return Article(
        title=title,
        title_origin=origin,
        source=source,
        location=location,
        author="; ".join(name for name in authors if name) or None,
        published=parse_date(header.date),
        sections=sections,
        repairs=fixer.repairs(),
        original=text,
        link=header.link or None,
        links=links,
    )


def _render(body: str) -> _Element:
    """The Markdown as an HTML element tree (the `<body>`)."""
    import lxml.html
    from markdown_it import MarkdownIt

    # `breaks` keeps each source line apart in the HTML (as <br>), which lets an FAQ answer
    # written on the line after its question be told from the question.
    renderer = MarkdownIt("commonmark", {"breaks": True, "html": True})
    renderer.enable(["table", "strikethrough"])
    rendered = renderer.render(body)
    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True)
    document = lxml.html.document_fromstring(
        f"<html><body>{rendered}</body></html>".encode("utf-8", "surrogatepass"), parser=parser
    )
    body = document.find("body")
    return body if body is not None else document


def _drop_heading(
    pieces: list[Piece], matches: Callable[[Heading], bool], *, limit: int
) -> list[Piece]:
    for index, piece in enumerate(pieces[:limit]):
        if isinstance(piece, Heading) and matches(piece):
            return pieces[:index] + pieces[index + 1 :]
    return pieces


# --- front matter ---------------------------------------------------------------------------


def _front_matter(text: str) -> tuple[_Header | None, str]:
    """YAML (`---`) or TOML (`+++`) front matter, read for the few fields an article needs."""
    match = _FRONT_MATTER.match(text)
    if match is None:
        return None, text
    fields = _fields(match.group(2).split("\n"))
    if fields is None:
        # A thematic break and some text, not front matter.
        return None, text
    header = _Header(
        title=_first(fields, _TITLE_FIELDS),
        date=_first(fields, _DATE_FIELDS),
        link=next(
            (
                url
                for url in (_first(fields, (key,)) for key in _LINK_FIELDS)
                if _is_web(url) and safe_url(url, "") == url
            ),
            "",
        ),
    )
    for key in _AUTHOR_FIELDS:
        if fields.get(key):
            header.authors = fields[key]
            break
    return header, text[match.end() :]


def _fields(lines: list[str]) -> dict[str, list[str]] | None:
    """Top-level `key: value` (or `key = value`) fields, each as a list of values."""
    fields: dict[str, list[str]] = {}
    key = ""
    for line in lines:
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        item = _LIST_ITEM.match(line)
        if item and key:
            fields[key].append(_unquote(item.group(1)))
            continue
        found = _FIELD.match(line)
        if found is None:
            if not fields:
                return None
            continue
        key = found.group(1).lower()
        value = found.group(2).strip()
        if value.startswith("[") and value.endswith("]"):
            fields[key] = [_unquote(part) for part in value[1:-1].split(",") if part.strip()]
        else:
            fields[key] = [_unquote(value)] if value else []
    return fields or None


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    # An unquoted YAML value can carry a trailing comment.
    return value.split(" #", 1)[0].strip()


def _first(fields: dict[str, list[str]], keys: tuple[str, ...]) -> str:
    for key in keys:
        if fields.get(key):
            return fields[key][0]
    return ""


def _is_web(url: str) -> bool:
    return url.startswith(("http://", "https://"))


# --- Go's present format --------------------------------------------------------------------


def _present_header(text: str) -> tuple[_Header, str] | None:
    """A Go blog header: `# Title`, a date and `Key: value` lines, then the authors."""
    lines = text.split("\n")
    if not lines or not lines[0].startswith("# "):
        return None
    end = next((index for index, line in enumerate(lines) if not line.strip()), len(lines))
    meta = lines[1:end]
    date = next((line.strip() for line in meta if _PRESENT_DATE.match(line.strip())), "")
    if not date and not any(_PRESENT_FIELD.match(line) for line in meta):
        return None
    header = _Header(title=lines[0][2:].strip(), date=date)
    # Authors come next, one block each (name first, then email, site or handle), until the
    # first `##` (or `*` in older posts) opens the body.
    start = next((i for i in range(end, len(lines)) if lines[i].startswith(("##", "* "))), None)
    if start is None:
        start = _end_of_short_blocks(lines, end)
    block: list[str] = []
    for line in [*lines[end:start], ""]:
        if line.strip():
            block.append(line.strip())
        elif block:
            header.authors.append(block[0])
            block = []
    body = lines[start:]
    if body and body[0].startswith("* "):
        # The older present format marks sections with "* Title".
        body = [("## " + line[2:]) if line.startswith("* ") else line for line in body]
    return header, "\n".join(body)


def _end_of_short_blocks(lines: list[str], start: int) -> int:
    """Where the author blocks end when no section marker says: at the first real paragraph."""
    index = start
    while index < len(lines):
        line = lines[index].strip()
        if line and (len(line) > 60 or line.endswith((".", "!", "?", ":"))):
            break
        index += 1
    # Back up to the blank line before that paragraph.
    while index > start and lines[index - 1].strip():
        index -= 1
    return index


def _present_directives(body: str) -> str:
    """`.image`, `.code`, `.play`, `.iframe` lines as Markdown/HTML; `.html` dropped."""
    out: list[str] = []
    fence: str | None = None
    for line in body.split("\n"):
        opened = _FENCE.match(line)
        if opened:
            fence = None if fence == opened.group(1) else fence or opened.group(1)
        directive = _PRESENT_DIRECTIVE.match(line) if fence is None else None
        if directive is None:
            out.append(line)
            continue
        kind, args = directive.group(1), directive.group(2).split()
        target = next((arg for arg in args if not arg.startswith("-")), "")
        if kind == "image" and target:
            out.append(f'<img src="{html.escape(target)}" alt="">')
        elif kind in ("code", "play") and target:
            out.append(f"\\[code: {target}\\]")
        elif kind == "iframe" and target:
            out.append(f"[\\[embedded content\\]](<{target}>)")
        elif kind == "caption":
            out.append(" ".join(args))
    return "\n".join(out)


# --- dates ----------------------------------------------------------------------------------


def parse_date(value: str) -> datetime | None:
    """A date as metadata writes it (ISO 8601, RFC 2822, "12 Jul 2016"); naive means UTC."""
    value = value.strip()
    if not value:
        return None
    parsed: datetime | None = None
    try:
        parsed = datetime.fromisoformat(value.replace(" Z", "Z"))
    except ValueError:
        pass
    if parsed is None:
        try:
            parsed = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            parsed = None
    for pattern in _DATE_FORMATS if parsed is None else ():
        try:
            parsed = datetime.strptime(value, pattern)
            break
        except ValueError:
            continue
    if parsed is None:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
