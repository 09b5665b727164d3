"""Component-class styles for Line-API widgets."""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip
from textual.widget import Widget


def component_style(widget: Widget, name: str) -> Style:
    """Only what a component class sets, with theme colours blended as the screen shows them.

    `get_component_rich_style(partial=True)` keeps only what the class sets but drops a
    colour's alpha (`$text-muted` comes out pure white); the full style blends the alpha but
    also carries the widget's background, which would paint over a cursor row. This takes the
    blended colours for the attributes the class sets.
    """
    partial = widget.get_component_rich_style(name, partial=True)
    full = widget.get_component_rich_style(name)
    return partial + Style(
        color=full.color if partial.color else None,
        bgcolor=full.bgcolor if partial.bgcolor else None,
    )


def selected(line: Strip, start: int, end: int, selection: Style) -> Strip:
    """The line with cells [start, end) in the selection's colours (its background only: its
    foreground comes out as the same colour here)."""
    end = line.cell_length if end == -1 else min(end, line.cell_length)
    if start >= end:
        return line
    middle = line.crop(start, end)
    middle = Strip(
        [Segment(text, (style or Style()) + selection, ctl) for text, style, ctl in middle],
        middle.cell_length,
    )
    return Strip.join([line.crop(0, start), middle, line.crop(end, line.cell_length)])
