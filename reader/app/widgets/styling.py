"""Component-class styles for Line-API widgets."""

from __future__ import annotations

from rich.style import Style
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
