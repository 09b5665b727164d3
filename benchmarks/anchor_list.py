"""The floor for a keyboard list in Textual: what reader's keys are measured against.

    python benchmarks/anchor_list.py [N]     # N rows (default 100,000); run it in a terminal

A Line-API list of N rows with a cursor, a text pane beside it and a footer, as lean as
Textual allows: `down`/`j` repaints only the two rows the cursor left and reached, `enter`
replaces the pane's text with an article-sized one. No store, no models, no styles beyond a
reversed cursor row. Whatever reader spends beyond this, on the same key, is its own cost.
"""

from __future__ import annotations

import sys

from rich.segment import Segment
from rich.style import Style
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import Footer, Static

READY = "READY-MARK"
"""Shown in the text pane on the first frame: what the harness waits for."""
PLAIN, CURSOR = Style(), Style(reverse=True)
PARAGRAPH = "Some paragraph text of the article, long enough to wrap in the pane. " * 8


class Rows(ScrollView, can_focus=True):
    BINDINGS = [
        Binding("j,down", "move(1)", "Down"),
        Binding("k,up", "move(-1)", "Up"),
        Binding("enter", "open", "Open"),
    ]

    def __init__(self, rows: int) -> None:
        super().__init__()
        self.rows = rows
        self.cursor = 0
        self.virtual_size = Size(60, rows)

    def render_line(self, y: int) -> Strip:
        row = int(self.scroll_offset.y) + y
        width = self.size.width
        if row >= self.rows:
            return Strip.blank(width)
        text = f" {row:>6}  Headline number {row} about the economy and growth"
        style = CURSOR if row == self.cursor else PLAIN
        return Strip([Segment(text.ljust(width)[:width], style)])

    def action_move(self, delta: int) -> None:
        before, self.cursor = self.cursor, max(0, min(self.rows - 1, self.cursor + delta))
        top = int(self.scroll_offset.y)
        if top <= self.cursor < top + self.size.height:
            for row in (before, self.cursor):
                self.refresh(Region(0, row - top, self.size.width, 1))
        else:
            self.scroll_to(y=self.cursor - self.size.height // 2, animate=False)

    def action_open(self) -> None:
        text = f"Article {self.cursor}\n\n" + "\n\n".join([PARAGRAPH] * 5)
        self.app.query_one("#text", Static).update(text)


class AnchorList(App[None]):
    CSS = "Rows { width: 45%; } #text { width: 1fr; padding: 0 1; }"

    def __init__(self, rows: int) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield Rows(self.rows)
            yield Static(READY, id="text")
        yield Footer()


if __name__ == "__main__":
    AnchorList(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000).run()
