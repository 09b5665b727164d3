"""An article's links, numbered, and its media files, as the reader shows them.

Each link the article refers to gets a number, in the order the text gives them; where its
words are found in the text they are underlined and followed by `[3]`, and the "Links" list at
the end of the article gives every number with its address. `L` then the number (or a click
on the words) opens one. Only http, https and mailto links are made clickable (an OSC 8
hyperlink, in terminals that draw them), and only after their address is checked to be one
plain line of printable ASCII: anything else is shown, never clickable.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import quote, urlsplit

from rich.console import Group, RenderableType
from rich.style import Style
from rich.table import Table
from rich.text import Text

from reader.models import Article, Block, Enclosure
from reader.sanitize import clean_line, clean_text

CLICKABLE_SCHEMES = frozenset({"http", "https", "mailto"})
MAX_TARGET = 2048
"""Longer addresses are shown but not made hyperlinks (terminals cut them off anyway)."""
ENCLOSURES_SHOWN = 3
SHOWN_ADDRESS = 200
"""A longer address is cut, with an ellipsis, in the list of links (it still opens whole)."""
# Characters a URL may keep as they are; everything else is percent-encoded.
_URL_SAFE = "!#$%&'()*+,/:;=?@[]~-._"

Field = tuple[int, int, int]
"""(section, block, part of the block): a paragraph's text is part 0; a list's items and a
question and its answer count from 0 in order."""


@dataclass(frozen=True)
class NumberedLink:
    number: int
    url: str
    text: str
    target: str | None
    """The address to hand the terminal and the browser; None when it must not be opened."""


@dataclass
class ArticleLinks:
    """The numbered links of one article and where their words stand in its text."""

    links: list[NumberedLink] = field(default_factory=list)
    places: dict[Field, list[tuple[int, int, int]]] = field(default_factory=dict)
    """For each text field, (start, end, number) of each link's words in it, in order."""

    def get(self, number: int) -> NumberedLink | None:
        if 1 <= number <= len(self.links):
            return self.links[number - 1]
        return None


def clickable_target(url: str) -> str | None:
    """`url` ready for an OSC 8 hyperlink or the browser, or None if it must not be opened:
    only http(s) with a host and mailto, no spaces, controls or escapes, at most MAX_TARGET
    characters once non-ASCII characters are percent-encoded."""
    if not url or clean_text(url) != url or any(char.isspace() for char in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in CLICKABLE_SCHEMES or (scheme != "mailto" and not parts.netloc):
        return None
    target = quote(url, safe=_URL_SAFE)
    if len(target) > MAX_TARGET or not all("!" <= char <= "~" for char in target):
        return None
    return target


def number_links(article: Article) -> ArticleLinks:
    """Number the article's links (not its images or media files), each address once, and
    find each one's words in the text, searching on from where the previous one was found."""
    media = {enclosure.url for enclosure in article.enclosures}
    numbers: dict[str, int] = {}
    found = ArticleLinks()
    wanted: list[tuple[str, int]] = []
    for link in article.links:
        if link.kind != "link" or link.url in media:
            continue
        number = numbers.get(link.url)
        if number is None:
            number = numbers[link.url] = len(found.links) + 1
            found.links.append(
                NumberedLink(number, link.url, clean_line(link.text), clickable_target(link.url))
            )
        if words := clean_line(link.text):
            wanted.append((words, number))
    fields = list(_fields(article))
    cursor = (0, 0)  # (field index, offset in it)
    for words, number in wanted:
        place = _find(fields, words, cursor)
        if place is None:
            continue  # words no longer in the text (trimmed): still in the list at the end
        index, start = place
        found.places.setdefault(fields[index][0], []).append((start, start + len(words), number))
        cursor = (index, start + len(words))
    return found


def _fields(article: Article) -> Iterator[tuple[Field, str]]:
    for section_index, section in enumerate(article.sections):
        for block_index, block in enumerate(section.blocks):
            for part, text in enumerate(block_texts(block)):
                yield (section_index, block_index, part), clean_text(text)


def block_texts(block: Block) -> list[str]:
    """A block's text fields, in the order `Field` counts them."""
    if block.kind == "bullets":
        return list(block.items)
    if block.kind == "qa":
        return [block.question, block.answer]
    if block.kind == "code":
        return []
    return [block.text]


def _find(
    fields: list[tuple[Field, str]], words: str, cursor: tuple[int, int]
) -> tuple[int, int] | None:
    first, offset = cursor
    for index in range(first, len(fields)):
        start = fields[index][1].find(words, offset if index == first else 0)
        if start >= 0:
            return index, start
    return None


def link_style(link: NumberedLink, base: Style) -> Style:
    """Underlined words; a hyperlink and a click that opens it when the link may be opened."""
    if link.target is None:
        return base + Style(underline=True)
    return base + Style(
        underline=True, link=link.target, meta={"@click": f"open_numbered_link({link.number})"}
    )


def marked(
    text: Text, places: list[tuple[int, int, int]], links: ArticleLinks, muted: Style
) -> Text:
    """`text` with each link's words underlined (and clickable) and its `[n]` after them."""
    if not places:
        return text
    result = Text(style=text.style, end=text.end)
    at = 0
    for start, end, number in sorted(places):
        link = links.get(number)
        if link is None or start < at or end > len(text.plain):
            continue
        result.append_text(text[at:start])
        words = text[start:end]
        words.stylize(link_style(link, Style()))
        result.append_text(words)
        result.append(f"[{number}]", style=muted)
        at = end
    result.append_text(text[at:])
    return result


def links_section(links: ArticleLinks, muted: Style, rule: Style) -> RenderableType | None:
    """The "Links" list at the end of the article: number, words, address; None if none."""
    if not links.links:
        return None
    digits = len(str(len(links.links)))
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True, justify="right")
    grid.add_column(ratio=1)
    for link in links.links:
        shown = clean_line(link.url)
        if len(shown) > SHOWN_ADDRESS:
            shown = shown[: SHOWN_ADDRESS - 1] + "…"
        address = Text()
        address.append(shown, style=link_style(link, muted))
        if link.target is None:
            address.append(" · not opened", style=muted)
        row = Text(link.text + "\n", style="") if link.text else Text("")
        row.append_text(address)
        grid.add_row(Text(f"[{link.number:>{digits}}]", style=muted), row)
    hint = " · L then a number opens one"
    heading = Text.assemble(("▎ ", rule), ("Links", "bold"), (hint, muted))
    return Group(heading, Text(""), grid, Text(""))


def human_size(length: int) -> str:
    """`48123904` -> `45.9 MB` (binary steps, the way players and file managers show it)."""
    size = float(length)
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size:.1f} GB"  # pragma: no cover - the loop always returns


def clock(seconds: int) -> str:
    """`3723` -> `1:02:03`, `95` -> `1:35`."""
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02}:{secs:02}" if hours else f"{minutes}:{secs:02}"


def enclosure_label(enclosure: Enclosure) -> str:
    """`audio/mpeg · 45.9 MB · 1:02:03`: what the feed said about a media file."""
    parts = [clean_line(enclosure.title or enclosure.type) or "media file"]
    if enclosure.title and enclosure.type:
        parts.append(clean_line(enclosure.type))
    if enclosure.length:
        parts.append(human_size(enclosure.length))
    if enclosure.duration:
        parts.append(clock(enclosure.duration))
    return " · ".join(parts)


def enclosures_block(article: Article, note: Style, muted: Style) -> RenderableType | None:
    """One line per media file under the article's head, with the key that plays it."""
    enclosures = article.enclosures
    if not enclosures:
        return None
    lines: list[Text] = []
    for number, enclosure in enumerate(enclosures[:ENCLOSURES_SHOWN], start=1):
        line = Text.assemble(("▶ ", note), (enclosure_label(enclosure), note))
        hint = "e plays it" if len(enclosures) == 1 else f"e then {number} plays it"
        line.append(f" · {hint}", style=muted)
        lines.append(line)
    if len(enclosures) > ENCLOSURES_SHOWN:
        lines.append(Text(f"  and {len(enclosures) - ENCLOSURES_SHOWN} more", style=muted))
    return Group(*lines)
