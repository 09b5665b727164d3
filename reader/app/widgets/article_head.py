"""The head of an article in the reader: title, one line of facts about it, its notes and its
contents, folded to a line each when they would push the text off the first screen."""

from __future__ import annotations

from collections.abc import Callable

from rich.console import RenderableType
from rich.text import Text
from textual.strip import Strip

from reader.app.widgets import article_render as draw
from reader.app.widgets.article_links import enclosures_block
from reader.app.widgets.article_render import Palette, section_label
from reader.models import Article, Section
from reader.sanitize import clean_line

OUTLINE_LIMIT = 30
"""Outline entries shown at most; `[`, `]` and the command palette reach the rest."""
FIRST_TEXT_LINES = 6
"""Lines of the first section (its heading, a blank, four of text) the first screen keeps."""

Render = Callable[[RenderableType], list[Strip]]


def head_lines(
    render: Render,
    article: Article,
    titles: list[str],
    palette: Palette,
    *,
    current: int,
    expanded: bool,
    height: int,
) -> tuple[list[Strip], dict[int, int]]:
    """The head's lines, and for each outline entry's line the section it jumps to."""
    lines = render(draw.header(article, palette, expanded=expanded))
    media = enclosures_block(article, palette.note, palette.muted)
    if media is not None:
        lines += render(media)
    lines.append(Strip.blank(0))
    rows: dict[int, int] = {}
    # A single untitled section needs no contents.
    if not (len(titles) > 1 or any(titles)):
        return lines, rows
    shown = titles[:OUTLINE_LIMIT]
    more = len(titles) - len(shown)
    outline_height = 1 + len(shown) + (more > 0) + 1
    if not expanded and outline_height > height - len(lines) - FIRST_TEXT_LINES:
        lines += render(draw.folded_contents(len(titles), palette))
        lines.append(Strip.blank(0))
        return lines, rows
    lines += render(Text.assemble(("▎ ", palette.rule), ("Contents", "bold")))
    digits = len(str(len(titles)))
    for number, title in enumerate(shown):
        rows[len(lines)] = number
        entry = draw.outline_entry(
            number + 1, digits, section_label(clean_line(title)),
            current=number == current, palette=palette,
        )
        lines += render(entry)
    if more > 0:
        lines += render(
            Text.assemble(
                ("▎ ", palette.rule),
                (f"  … {more:,} more: press ] or ctrl+p", palette.muted),
                no_wrap=True,
                overflow="ellipsis",
            )
        )
    lines.append(Strip.blank(0))
    return lines, rows


def estimate_lines(section: Section, width: int, *, numbered: bool) -> int:
    """A section's height before it is rendered: its text's length over the width, a line
    between blocks, two for a heading. Good enough for a scrollbar until it is drawn."""
    width = max(1, width - 2)
    lines = 2 if section.title or numbered else 0
    for block in section.blocks:
        texts = block.items or [block.text or "", block.question or "", block.answer or ""]
        lines += 1 + sum(-(-len(text) // width) for text in texts if text)
    return lines
