"""The command palette's commands (ctrl+p): every key's action from the one binding table,
and a jump to each section of the open article."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider

from reader.app.bindings import APP_BINDINGS
from reader.app.widgets.reader_view import ReaderView, section_label

if TYPE_CHECKING:
    from textual.app import App

NOT_IN_PALETTE = frozenset({"quit"})


class ReaderCommands(Provider):
    """What the keys do, by name, and the open article's sections."""

    def _commands(self) -> list[tuple[str, str, Callable[[], object], bool]]:
        """(name, help, callback, shown before anything is typed)."""
        app: App[object] = self.app
        commands: list[tuple[str, str, Callable[[], object], bool]] = []
        for binding in Binding.make_bindings(APP_BINDINGS):
            if binding.description and binding.action not in NOT_IN_PALETTE:
                commands.append((
                    binding.tooltip or binding.description,
                    f"key: {app.get_key_display(binding)}",
                    partial(self.screen.run_action, binding.action),
                    True,
                ))
        readers = self.screen.query(ReaderView)  # the screen the palette was opened on
        if readers:
            reader = readers.first()
            for index, title in enumerate(reader.section_titles):
                commands.append((
                    f"Go to § {index + 1}: {section_label(title)}",
                    "Jump to this section of the open article",
                    partial(reader.jump_to_section, index),
                    False,
                ))
        return commands

    async def discover(self) -> Hits:
        for name, help_text, callback, shown in self._commands():
            if shown:
                yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback, _ in self._commands():
            if (score := matcher.match(name)) > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)
