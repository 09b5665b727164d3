"""The help screen, built from the bindings themselves so it can never drift from them."""

from __future__ import annotations

from collections.abc import Iterable

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static


def binding_rows(
    bindings: Iterable[BindingType], key_display: callable  # type: ignore[valid-type]
) -> list[tuple[str, str]]:
    """(keys, description) for each action, all keys bound to one action on one row."""
    rows: dict[str, list[str]] = {}
    descriptions: dict[str, str] = {}
    for binding in Binding.make_bindings(bindings):
        if not binding.description:
            continue
        rows.setdefault(binding.action, []).append(key_display(binding))
        descriptions[binding.action] = binding.description
    return [(" ".join(keys), descriptions[action]) for action, keys in rows.items()]


class HelpScreen(ModalScreen[None]):
    """Every key, grouped by where it works. Escape, q or ? closes it."""

    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close help", id="help.close")]

    def __init__(self, groups: list[tuple[str, Iterable[BindingType]]]) -> None:
        super().__init__()
        self._groups = groups

    def compose(self) -> ComposeResult:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True, min_width=12)
        table.add_column()
        for title, bindings in self._groups:
            table.add_row(Text(title, style="bold underline"), "")
            for keys, description in binding_rows(bindings, self.app.get_key_display):
                table.add_row(Text(keys), Text(description))
            table.add_row("", "")
        with VerticalScroll(id="help-body") as body:
            body.border_title = "Keys"
            body.border_subtitle = "escape closes"
            yield Static(table)
