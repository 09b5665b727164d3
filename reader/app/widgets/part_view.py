"""A Line-API view of a document made of parts (a head, then sections), each rendered to lines
once per width and kept; only the lines on screen are drawn.

What is above the fold is rendered before the first paint; the rest gets an estimated height and
is rendered after it, a few milliseconds at a time, or at once when it comes into view or an
exact position is needed. `ReaderView` says what the parts are.
"""

from __future__ import annotations

import time
from bisect import bisect_right

from rich.console import RenderableType
from rich.segment import Segment
from rich.style import Style
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.selection import Selection
from textual.strip import Strip

from reader.app.widgets.scrolling import QuietVirtualSize
from reader.app.widgets.styling import selected

EAGER_LINES = 60
"""Lines past the bottom of the view rendered before the first paint; the rest follow it."""
RENDER_SLICE = 0.008
"""Seconds of rendering at a time after the first paint."""


class PartView(QuietVirtualSize, ScrollView):
    """Parts rendered to lines lazily; subclasses render a part and guess its height."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.reading_width = 88
        """The widest the text runs, in columns (config: reading_width)."""
        self._width = 0
        self._parts: list[list[Strip] | None] = []
        """Rendered lines, one list per part, for `_width` columns (None: not yet)."""
        self._starts: list[int] = [0]
        """The first line of each part, and the line count at the end."""
        self._pending_scroll: float | None = None
        self._base_style: Style | None = None

    # -- what a subclass says ----------------------------------------------------------------

    def _render_part(self, index: int) -> list[Strip]:
        """Part `index + 1`'s lines (index -1 is the head)."""
        raise NotImplementedError

    def _guess(self, part: int) -> int:
        """A part's height before it is rendered."""
        return 1

    def _prepare(self) -> None:
        """Before a layout (the first makes the palette)."""

    def _scrolled(self) -> None:
        """A saved position was restored."""

    # -- layout ----------------------------------------------------------------------------

    def _layout(self, *, complete: bool = False) -> None:
        """Lay the article out for the current width. Parts above the fold (and down to a
        position being restored) are rendered now; the rest get an estimated height and are
        rendered after the first paint (`_render_rest`), or at once when a part is drawn or
        an exact position is needed (`complete`)."""
        width = min(self.scrollable_content_region.width, self.reading_width)
        if width <= 0:
            return  # not sized yet: on_resize lays out
        self._prepare()
        if width != self._width:
            self._width = width
            self._parts = [None] * len(self._parts)
        if not self._parts:
            self._parts = [None]
        needed = (self._pending_scroll or 0) + self.size.height + EAGER_LINES
        done = 0
        for index, lines in enumerate(self._parts):
            if lines is None and (complete or done < needed):
                lines = self._parts[index] = self._render_part(index - 1)
            done += len(lines) if lines is not None else self._guess(index)
        self._restart()
        if self._pending_scroll is not None:
            scroll, self._pending_scroll = self._pending_scroll, None
            self.scroll_to(y=scroll, animate=False, immediate=True, force=True)
            self._scrolled()
        if not complete and None in self._parts:
            self.call_after_refresh(self._render_rest)

    def _render_rest(self) -> None:
        """After the first paint: render the parts laid out by estimate, in slices of a few
        milliseconds so that a key pressed meanwhile is not kept waiting."""
        if self._stored is None or None not in self._parts or not self._width:
            return
        deadline = time.perf_counter() + RENDER_SLICE
        for index, lines in enumerate(self._parts):
            if lines is None:
                self._parts[index] = self._render_part(index - 1)
                if time.perf_counter() > deadline:
                    break
        self._restart()
        if None in self._parts:
            self.call_later(self._render_rest)

    def _restart(self) -> None:
        """New part heights: recount where each part starts (the view keeps its top line)."""
        starts = [0]
        for index, lines in enumerate(self._parts):
            starts.append(starts[-1] + (len(lines) if lines is not None else self._guess(index)))
        self._starts = starts
        self.virtual_size = Size(self._width, starts[-1])
        self.refresh()

    def _complete(self) -> None:
        """Every part rendered: for what needs exact positions (a jump, a selection)."""
        if None in self._parts and self._width:
            self._layout(complete=True)

    def _place(self) -> tuple[int | None, float]:
        """The part the top line is in, and the share of that part above the top."""
        top = round(self.scroll_y)
        if not self._width or top <= 0 or len(self._starts) < 2:
            return None, 0.0
        part = max(0, min(bisect_right(self._starts, top) - 1, len(self._starts) - 2))
        start, end = self._starts[part], self._starts[part + 1]
        return part, (top - start) / max(1, end - start)

    # -- drawing ---------------------------------------------------------------------------

    def _lines(self, renderable: RenderableType, *, top: int = 0) -> list[Strip]:
        console = self.app.console
        options = console.options.update(width=self._width, height=None, highlight=False)
        segments = console.render(renderable, options)
        rendered = Segment.split_and_crop_lines(
            segments, self._width, pad=False, include_new_lines=False
        )
        return [Strip.blank(0)] * top + [Strip(line) for line in rendered]

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.scrollable_content_region.width
        # Computing the widget's style walks its ancestors: once per style change, not per line.
        style = self._base_style
        if style is None:
            style = self._base_style = self.rich_style
        index = scroll_y + y
        if not 0 <= index < self._starts[-1]:
            return Strip.blank(width, style)
        part = bisect_right(self._starts, index) - 1
        lines = self._parts[part]
        if lines is None:
            # Scrolled past what was rendered before the rest caught up: render it now.
            lines = self._parts[part] = self._render_part(part - 1)
            self._restart()
        offset = index - self._starts[part]
        if offset >= len(lines):
            return Strip.blank(width, style)
        line = lines[offset]
        selection = self.text_selection
        if selection is not None and (span := selection.get_span(index)) is not None:
            colour = self.screen.get_component_rich_style("screen--selection").bgcolor
            line = selected(line, *span, Style(bgcolor=colour))
        line = line.crop_extend(scroll_x, scroll_x + width, style).apply_style(style)
        # Offsets let the mouse select text, as in any Textual widget.
        return line.apply_offsets(scroll_x, index)

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        """The article's text under a mouse selection (ctrl+c copies it)."""
        self._complete()
        text = "\n".join(line.text for part in self._parts for line in part or ())
        return selection.extract(text), "\n"

    def selection_updated(self, selection: Selection | None) -> None:
        self.refresh()

