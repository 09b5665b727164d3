"""The footer: the keys that work where the focus is, drawn as one line of text.

Textual's `Footer` mounts a widget per key and rebuilds them all whenever the focus moves, which
was over half of what opening an article cost (measured: enter went from about 700 to 350 ms
without it). This draws the same keys as a single line, re-rendered when the bindings change.
A click on a key presses it, as with `Footer`.
"""

from __future__ import annotations

from typing import NamedTuple

from rich.style import Style
from rich.text import Text
from textual import events
from textual.screen import Screen
from textual.widget import Widget

from reader.app.widgets.styling import component_style


class Key(NamedTuple):
    key: str
    display: str
    description: str
    enabled: bool


class KeyBar(Widget):
    """A one-line footer of the active key bindings, with the command palette key on the right."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"key-bar--key", "key-bar--description", "key-bar--palette"}
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        & > .key-bar--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        & > .key-bar--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        & > .key-bar--palette { color: $foreground 20%; }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._spans: list[tuple[int, int, Key]] = []
        """Columns [start, end) of each key on the line, for clicks."""
        self._hints: list[Key] = []

    def set_hints(self, hints: list[tuple[str, str]]) -> None:
        """Keys shown first, whatever has focus: how to get back what a narrow screen hides."""
        keys = [Key(key, key, description, True) for key, description in hints]
        if keys != self._hints:
            self._hints = keys
            self.refresh()

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if screen is self.screen:
            self.refresh()

    def _keys(self) -> tuple[list[Key], Key | None]:
        """The keys to show, one per action, and the command palette's."""
        app = self.app
        active = self.screen.active_bindings
        keys: dict[str, Key] = {}
        for _node, binding, enabled, _tooltip in active.values():
            if binding.show and binding.action not in keys:
                keys[binding.action] = Key(
                    binding.key, app.get_key_display(binding), binding.description, enabled
                )
        palette = None
        if app.ENABLE_COMMAND_PALETTE and app.COMMAND_PALETTE_BINDING in active:
            _node, binding, enabled, _tooltip = active[app.COMMAND_PALETTE_BINDING]
            palette = Key(binding.key, app.get_key_display(binding), binding.description, enabled)
        hinted = {hint.key for hint in self._hints}
        shown = [key for key in keys.values() if key.key not in hinted]
        return [*self._hints, *shown], palette

    def render(self) -> Text:
        width = self.size.width
        key_style = component_style(self, "key-bar--key")
        description_style = component_style(self, "key-bar--description")
        keys, palette = self._keys()
        line = Text(no_wrap=True, overflow="crop", end="")
        spans: list[tuple[int, int, Key]] = []
        right = Text(no_wrap=True, end="")
        if palette is not None:
            right.append("▏", component_style(self, "key-bar--palette"))
            right.append(palette.display, key_style)
            right.append(palette.description + " ", description_style)
        room = width - right.cell_len
        for key in keys:
            piece = Text.assemble(
                (f" {key.display} ", key_style),
                (f"{key.description} ", description_style),
                style=Style(dim=not key.enabled),
            )
            if line.cell_len + piece.cell_len > room:
                break
            spans.append((line.cell_len, line.cell_len + piece.cell_len, key))
            line.append_text(piece)
        if palette is not None:
            line.pad_right(max(0, room - line.cell_len))
            spans.append((line.cell_len, line.cell_len + right.cell_len, palette))
            line.append_text(right)
        self._spans = spans
        return line

    def on_mouse_down(self, event: events.MouseDown) -> None:
        for start, end, key in self._spans:
            if start <= event.x < end:
                if key.enabled:
                    self.app.simulate_key(key.key)
                else:
                    self.app.bell()
                return
