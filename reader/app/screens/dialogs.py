"""Small dialogs: confirm an action, edit an article's tags, ask for a number."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label

from reader.app.bindings import ADD_BINDINGS, CONFIRM_BINDINGS, NUMBER_BINDINGS, TAGS_BINDINGS
from reader.sanitize import clean_line


class ConfirmScreen(ModalScreen[bool]):
    """Ask before doing something to many articles. y/enter confirms, n/escape cancels."""

    BINDINGS = CONFIRM_BINDINGS

    def __init__(self, question: str) -> None:
        super().__init__()
        self._question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self._question, markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Yes (y)", variant="primary", id="yes")
                yield Button("No (n)", id="no")

    def on_mount(self) -> None:
        self.query_one("#yes", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


class TagScreen(ModalScreen[list[str] | None]):
    """Edit tags: `ai, world models` adds, `-old` removes. Enter saves, escape cancels."""

    BINDINGS = TAGS_BINDINGS

    def __init__(self, title: str, tags: list[str]) -> None:
        super().__init__()
        self._title = title
        self._tags = tags

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(f"Tags for: {clean_line(self._title)}", markup=False)
            current = ", ".join(self._tags) if self._tags else "none yet"
            yield Label(f"Now: {current}", markup=False, classes="dim")
            yield Input(placeholder="ai, world models, -old  (enter saves, escape cancels)")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss([part.strip() for part in event.value.split(",") if part.strip()])

    def action_cancel(self) -> None:
        self.dismiss(None)


class AddScreen(ModalScreen[str | None]):
    """Add articles: a file, a folder or a web address. Enter adds, escape cancels."""

    BINDINGS = ADD_BINDINGS

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Add articles from a file, a folder, a web page or a feed")
            yield Input(placeholder="~/articles  or  https://example.com/feed.xml")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class NumberScreen(ModalScreen[int | None]):
    """Ask for a number from 1 to `highest` (a link's, a media file's). Enter, escape cancels."""

    BINDINGS = NUMBER_BINDINGS

    def __init__(self, question: str, highest: int, *, initial: str = "") -> None:
        super().__init__()
        self._question = question
        self._highest = highest
        self._initial = initial

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self._question, markup=False)
            yield Input(
                value=self._initial, type="integer", placeholder="a number, then enter",
                max_length=len(str(self._highest)),
            )

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        try:
            number = int(event.value)
        except ValueError:
            number = 0
        if 1 <= number <= self._highest:
            self.dismiss(number)
        else:
            self.notify(f"Type a number from 1 to {self._highest}.", severity="warning")

    def action_cancel(self) -> None:
        self.dismiss(None)
