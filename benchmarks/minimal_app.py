"""The baseline the app is measured against: the smallest Textual app, a Static and a Footer.

`j` changes the Static's text, so a key press here costs one repaint of one widget: the floor
under any key press in any Textual app on this machine.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Static


class MinimalApp(App[None]):
    BINDINGS = [
        Binding("q", "quit", "Quit"),
        Binding("j", "count", "Count"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.presses = 0

    def compose(self) -> ComposeResult:
        yield Static("Hello from a minimal Textual app.", id="body")
        yield Footer()

    def action_count(self) -> None:
        self.presses += 1
        self.query_one("#body", Static).update(f"{self.presses} presses")
