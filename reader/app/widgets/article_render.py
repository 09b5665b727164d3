"""An article as Rich renderables: the header, the outline and each section.

Everything here is plain `Text` built from cleaned article text, so nothing an article says is
ever parsed as markup. The reader view turns these into lines once per width and caches them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.style import Style
from rich.table import Table
from rich.text import Text

from reader.app.widgets.article_images import Pictures, picture_block
from reader.app.widgets.article_links import ArticleLinks, marked
from reader.models import Article, Block, Section
from reader.sanitize import clean_line, safe_text

UNTITLED_SECTION = "Top"
"""How the lead before the first heading is named in the outline and the position."""

TITLE_ORIGIN_NOTES = {
    "summary": "no title line: title taken from the summary",
    "first-sentence": "no title line: title taken from the first sentence",
    "file-name": "no title line: title taken from the file name",
}


def section_label(title: str) -> str:
    return title or UNTITLED_SECTION


@dataclass(frozen=True)
class Palette:
    """The styles the article is drawn with (from the reader view's component classes)."""

    muted: Style = field(default_factory=lambda: Style(dim=True))
    warning: Style = field(default_factory=lambda: Style(color="yellow"))
    note: Style = field(default_factory=lambda: Style(color="cyan"))
    highlight: Style = field(default_factory=lambda: Style(reverse=True))
    promo: Style = field(default_factory=lambda: Style(dim=True, italic=True))
    code: Style = field(default_factory=lambda: Style(bgcolor="grey11"))
    rule: Style = field(default_factory=lambda: Style(dim=True))


BOLD = Style(bold=True)
ITALIC = Style(italic=True)


def repair_note(article: Article) -> str:
    """One line saying what ingest repaired, e.g. `Repaired 3 garbled characters (— ×2, ⚡ ×1)`."""
    counts: Counter[str] = Counter()
    for repair in article.repairs:
        counts[repair.replacement or "removed"] += repair.count
    if not counts:
        return ""
    total = sum(counts.values())
    detail = ", ".join(f"{shown} ×{count}" for shown, count in counts.most_common())
    noun = "character" if total == 1 else "characters"
    return f"Repaired {total} garbled {noun} ({detail}); the original text is kept."


def notes(article: Article) -> list[str]:
    """What the reader should know about how the article was read: the title's origin and
    any repairs, one sentence each."""
    found = []
    if note := TITLE_ORIGIN_NOTES.get(article.title_origin):
        found.append(note[:1].upper() + note[1:] + ".")
    if note := repair_note(article):
        found.append(note)
    return found


def header(article: Article, palette: Palette, *, expanded: bool) -> RenderableType:
    """Title, then one line of source · date · length, then the notes: each in full when
    `expanded`, else folded into one line that says how to see them."""
    parts: list[RenderableType] = [Text(clean_line(article.title), style=BOLD)]
    meta = [clean_line(article.source)] if article.source else []
    if article.author:
        meta.append(clean_line(article.author))
    if article.published:
        meta.append(article.published.date().isoformat())
    meta.append(f"{article.reading_minutes} min")
    meta.append(f"{article.word_count:,} words")
    parts.append(Text(" · ".join(meta), style=palette.muted, no_wrap=True, overflow="ellipsis"))
    if article.teaser:
        parts.append(
            Text("Only the feed's teaser: press f to fetch the full article.", style=palette.note)
        )
    found = notes(article)
    style = palette.warning if article.repairs else palette.muted
    if expanded:
        parts += [Text(f"⚠ {note}", style=style) for note in found]
    elif found:
        parts.append(_folded(f"⚠ {' '.join(found)}", "c: more", style, palette))
    return Group(*parts)


def _folded(text: str, hint: str, style: Style, palette: Palette) -> Table:
    """One line: `text` cut to fit, with `hint` always shown at its end."""
    grid = Table.grid(padding=(0, 1), expand=True)
    grid.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
    grid.add_column(no_wrap=True)
    grid.add_row(Text(text, style=style), Text(hint, style=palette.muted))
    return grid


def folded_contents(count: int, palette: Palette) -> Text:
    """The contents as one line, when they would push the text off the first screen."""
    noun = "section" if count == 1 else "sections"
    return Text.assemble(
        ("▎ ", palette.rule),
        (f"§ {count:,} {noun} · c to show", palette.muted),
        no_wrap=True,
        overflow="ellipsis",
    )


def outline_entry(number: int, digits: int, title: str, *, current: bool, palette: Palette) -> Text:
    """One line of the contents: `▸  3  Background`, cropped rather than wrapped."""
    marker = "▸" if current else " "
    return Text.assemble(
        ("▎ ", palette.rule),
        (f"{marker} {number:>{digits}}  {title}", BOLD if current else palette.muted),
        no_wrap=True,
        overflow="ellipsis",
    )


def section(
    section: Section,
    index: int,
    total: int,
    palette: Palette,
    *,
    flagged: list[str],
    highlight: str = "",
    links: ArticleLinks | None = None,
    pictures: Pictures | None = None,
) -> RenderableType:
    """A section: its numbered heading, then each block, a blank line after each; the words
    of each link underlined and numbered, and each picture drawn where it is loaded."""
    parts: list[RenderableType] = []
    if section.title or total > 1:
        heading = Text(f"§ {index + 1}  ", style=palette.muted + BOLD)
        heading.append(section_label(clean_line(section.title)), style=BOLD)
        parts += [heading, Text("")]
    links = links or ArticleLinks()
    here: dict[int, dict[int, list[tuple[int, int, int]]]] = {}
    for (at, block_index, part), found in links.places.items():
        if at == index:
            here.setdefault(block_index, {})[part] = found
    for number, block in enumerate(section.blocks):
        places = here.get(number, {})
        marks = _Marks(places, links, pictures or Pictures(shown=False))
        drawn = _block(block, palette, flagged, highlight, marks)
        if drawn is not None:
            parts += [drawn, Text("")]
    return Group(*parts)


def _styled(text: str, palette: Palette, flagged: list[str], highlight: str) -> Text:
    rendered = safe_text(text)
    plain = rendered.plain
    for sentence in flagged:
        start = plain.find(sentence)
        if start >= 0:
            rendered.stylize(palette.promo, start, start + len(sentence))
    if highlight:
        start = plain.find(highlight)
        if start >= 0:
            rendered.stylize(palette.highlight, start, start + len(highlight))
    return rendered


@dataclass(frozen=True)
class _Marks:
    """Where links stand in one block: part of the block -> (start, end, number)."""

    places: dict[int, list[tuple[int, int, int]]]
    links: ArticleLinks
    pictures: Pictures


def _block(
    block: Block, palette: Palette, flagged: list[str], highlight: str, marks: _Marks
) -> RenderableType | None:
    def styled(text: str, part: int = 0) -> Text:
        rendered = _styled(text, palette, flagged, highlight)
        return marked(rendered, marks.places.get(part, []), marks.links, palette.muted)

    if block.kind == "bullets":
        markers = [f"{n}." if block.ordered else "•" for n in range(1, len(block.items) + 1)]
        rows = zip(markers, block.items, strict=True)
        return _pairs(
            [(marker, styled(item, n), palette.muted) for n, (marker, item) in enumerate(rows)]
        )
    if block.kind == "quote":
        quote = styled(block.text)
        quote.stylize(ITALIC)
        return _pairs([("▌", quote, palette.muted)])
    if block.kind == "code":
        # Code keeps its line breaks and indentation; it is still plain text, never markup.
        return Padding(safe_text(block.text, style=palette.code), (0, 0, 0, 2))
    if block.kind == "qa":
        question = styled(block.question)
        question.stylize(BOLD)
        return _pairs([("Q", question, BOLD), ("A", styled(block.answer, 1), palette.muted)])
    if block.image:
        return picture_block(block.image, styled(block.text), marks.pictures, palette.muted)
    return styled(block.text)


def _pairs(rows: list[tuple[str, Text, Style]]) -> Table:
    # A grid gives list items a hanging indent when they wrap.
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    for marker, text, style in rows:
        grid.add_row(Text(marker, style=style), text)
    return grid
