"""Pictures in the reader, drawn with half-blocks: each cell is `▀`, its colour the upper pixel
and its background the lower one, so a cell shows two pixels stacked.

Every terminal draws these, and the same picture at the same width gives the same cells on
every machine (Pillow's box filter, no terminal queries), which is what snapshots need. A
picture not (yet) loaded, switched off, or that could not be shown is its one-line placeholder.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rich.color import Color
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

from reader.models import Article
from reader.sanitize import clean_line
from reader.sources.images import Picture

MAX_ROWS = 20
"""The tallest a picture is drawn, in rows (40 pixels of half-blocks)."""


@dataclass
class Pictures:
    """The open article's pictures: shown or not (`I`), and those loaded so far."""

    shown: bool = True
    found: dict[str, Picture | None] = field(default_factory=dict)
    """Address -> the decoded picture; None for a tracking pixel (not shown at all)."""
    failed: dict[str, str] = field(default_factory=dict)
    """Address -> why it cannot be shown (one line)."""
    drawn: dict[tuple[str, int], list[Segment]] = field(default_factory=dict)
    """(address, width) -> the picture's cells: a section redrawn as each picture arrives
    scales only the new one."""

    def arrived(self, url: str, picture: Picture | None, problem: str = "") -> None:
        if problem:
            self.failed[url] = problem
        else:
            self.found[url] = picture


def picture_addresses(article: Article) -> list[str]:
    """The article's picture addresses, in order, each once."""
    found = dict.fromkeys(
        block.image for section in article.sections for block in section.blocks if block.image
    )
    return list(found)


def sections_showing(article: Article, url: str) -> list[int]:
    """The sections with the picture at `url`."""
    return [
        index
        for index, section in enumerate(article.sections)
        if any(block.image == url for block in section.blocks)
    ]


class HalfBlocks:
    """A Rich renderable: `picture` scaled to the width given (never wider than its pixels,
    never taller than MAX_ROWS)."""

    def __init__(
        self, picture: Picture, cache: dict[tuple[str, int], list[Segment]] | None = None,
        key: str = "",
    ) -> None:
        self.picture = picture
        self._cache = cache if cache is not None else {}
        self._key = key

    def size(self, max_width: int) -> tuple[int, int]:
        """(columns, rows) for a width of at most `max_width` columns."""
        picture = self.picture
        width = max(1, min(max_width, picture.width))
        rows = max(1, round(picture.height * width / picture.width / 2))
        if rows > MAX_ROWS:
            rows = MAX_ROWS
            width = max(1, min(width, round(picture.width * rows * 2 / picture.height)))
        return width, rows

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        width, _ = self.size(options.max_width)
        return Measurement(width, width)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width, _ = self.size(options.max_width)
        segments = self._cache.get((self._key, width))
        if segments is None:
            segments = self._cache[(self._key, width)] = list(self._cells(options.max_width))
        yield from segments

    def _cells(self, max_width: int) -> RenderResult:
        from PIL import Image

        width, rows = self.size(max_width)
        picture = self.picture
        source = Image.frombytes("RGB", (picture.width, picture.height), picture.rgb)
        pixels = source.resize((width, rows * 2), Image.Resampling.BOX).tobytes()
        styles: dict[bytes, Style] = {}
        for row in range(rows):
            top = row * 2 * width * 3
            bottom = top + width * 3
            run, last = 0, b""
            for x in range(0, width * 3, 3):
                key = pixels[top + x : top + x + 3] + pixels[bottom + x : bottom + x + 3]
                if key != last and run:
                    # Cells of one colour pair are one segment: less for every frame to draw.
                    yield Segment("▀" * run, self._style(styles, last))
                    run = 0
                run, last = run + 1, key
            if run:
                yield Segment("▀" * run, self._style(styles, last))
            yield Segment.line()

    @staticmethod
    def _style(styles: dict[bytes, Style], key: bytes) -> Style:
        style = styles.get(key)
        if style is None:
            style = styles[key] = Style(
                color=Color.from_rgb(*key[:3]), bgcolor=Color.from_rgb(*key[3:])
            )
        return style


def caption_of(placeholder: str) -> str:
    """The alt text in `[image: alt]`; "" for `[image]`."""
    if placeholder.startswith("[image: ") and placeholder.endswith("]"):
        return clean_line(placeholder[len("[image: ") : -1])
    return ""


def picture_block(
    url: str, placeholder: Text, pictures: Pictures, muted: Style
) -> RenderableType | None:
    """The picture at `url` with its caption, or its placeholder (with why, if it failed);
    None when the address was a tracking pixel."""
    if pictures.shown and url in pictures.found:
        picture = pictures.found[url]
        if picture is None:
            return None
        caption = caption_of(placeholder.plain)
        parts: list[RenderableType] = [HalfBlocks(picture, pictures.drawn, url)]
        if caption:
            parts.append(Text(caption, style=muted + Style(italic=True)))
        return Group(*parts)
    if pictures.shown and url in pictures.failed:
        placeholder = placeholder.copy()
        placeholder.append(f" · not shown: {clean_line(pictures.failed[url])}", style=muted)
    return placeholder
