"""The help screen, built from the bindings themselves so it can never drift from them."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from reader.app.bindings import HELP_BINDINGS


def binding_rows(
    bindings: Iterable[BindingType],
    key_display: Callable[[Binding], str],
    keymap: Mapping[str, str] | None = None,
) -> list[tuple[str, str]]:
    """(keys, description) for each action, all keys bound to one action on one row.

    Keys the user rebound in the config's [keys] table are shown instead of the defaults.
    """
    keymap = keymap or {}
    rows: dict[str, list[str]] = {}
    descriptions: dict[str, str] = {}
    for binding in Binding.make_bindings(bindings):
        if not binding.description:
            continue
        keys = rows.setdefault(binding.action, [])
        descriptions[binding.action] = binding.description
        if binding.id and binding.id in keymap:
            if not keys:
                for key in keymap[binding.id].split(","):
                    keys.append(key_display(replace(binding, key=key.strip(), key_display=None)))
            continue
        keys.append(key_display(binding))
    return [(" ".join(keys), descriptions[action]) for action, keys in rows.items()]


class HelpScreen(ModalScreen[None]):
    """Every key, grouped by where it works. Escape, q or ? closes it."""

    BINDINGS = HELP_BINDINGS

    def __init__(
        self,
        groups: list[tuple[str, Iterable[BindingType]]],
        keymap: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__()
        self._groups = groups
        self._keymap = keymap or {}

    def compose(self) -> ComposeResult:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True, min_width=12)
        table.add_column()
        self.rows: list[tuple[str, str]] = []
        """Every (keys, description) shown, in order."""
        for title, bindings in self._groups:
            table.add_row(Text(title, style="bold underline"), "")
            for keys, description in binding_rows(
                bindings, self.app.get_key_display, self._keymap
            ):
                self.rows.append((keys, description))
                table.add_row(Text(keys), Text(description))
            table.add_row("", "")
        with VerticalScroll(id="help-body") as body:
            body.border_title = "Keys"
            body.border_subtitle = "escape closes"
            yield Static(table)
