"""The Textual app: settings, theme, notices and help around the reading screen.

What the keys do to articles lives on `ReadingScreen` (the panes) and in `Library` (the
store, without Textual); this class only starts them and keeps what is app-wide.
"""

from __future__ import annotations

import gc
from pathlib import Path

from textual.app import App

from reader.app.commands import ReaderCommands
from reader.app.history import History
from reader.app.library import Library
from reader.app.screens.reading import ReadingScreen
from reader.app.widgets.article_list import ArticleList
from reader.app.widgets.facts_sidebar import FactsSidebar
from reader.app.widgets.query_bar import DEBOUNCE
from reader.app.widgets.reader_view import ReaderView
from reader.config import Config, ConfigError, save_theme
from reader.sanitize import clean_text
from reader.store import Store

PREVIEW_DELAY = 0.12


class ReaderApp(App[None]):
    """A terminal news reader: article list, reader view, facts sidebar."""

    TITLE = "reader"
    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {ReaderCommands}

    def __init__(
        self,
        store: Store,
        *,
        config: Config | None = None,
        config_path: Path | None = None,
        config_messages: list[str] | None = None,
        freeze_gc: bool = False,
    ) -> None:
        super().__init__()
        self.store = store
        self.library = Library(store)
        """The store with undo and the facts cache: what the keys change, without Textual."""
        self.config = config or Config()
        """The settings in force (defaults where the file said nothing or was wrong)."""
        self.config_path = config_path
        """Where a theme chosen in the app is saved (None: nowhere, e.g. in tests)."""
        self._config_messages = config_messages or []
        self._freeze_gc = freeze_gc
        self.preview_delay = PREVIEW_DELAY
        """Seconds the list cursor must rest before the article under it is previewed."""
        self.search_debounce = DEBOUNCE
        """Seconds of quiet typing before the search bar's query applies."""
        self.cursor_blink = True
        """Whether text cursors blink (tests turn it off so snapshots are stable)."""
        self.reading: ReadingScreen | None = None
        """The three panes, once mounted."""

    async def on_mount(self) -> None:
        if self.config.keys:
            self.set_keymap(self.config.keys)
        if self.config.theme and self.config.theme in self.available_themes:
            self.theme = self.config.theme
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        if self.store.moved_aside is not None:
            self.notify(
                f"The store could not be read. It was moved to {self.store.moved_aside} "
                "and a new one started.",
                severity="error",
                timeout=15,
            )
        for message in self._config_messages:
            self.notify(message, title="Config", severity="warning", timeout=8)
        self.reading = ReadingScreen(
            self.library,
            self.config,
            preview_delay=self.preview_delay,
            search_debounce=self.search_debounce,
            cursor_blink=self.cursor_blink,
        )
        await self.push_screen(self.reading)
        # The `reader` command asks for this (not tests, which start many apps in one process).
        # What exists now (modules, classes, styles, the first article) lives as long as the
        # app: freezing it spares the collector from walking it in every full collection,
        # which were the slowest key presses (j p95 at 1k: 157 -> 53 ms; benchmarks/).
        if self._freeze_gc:
            gc.freeze()

    # -- what tests and the palette reach through the app ----------------------------------

    def _screen(self) -> ReadingScreen:
        assert self.reading is not None, "the reading screen is not mounted yet"
        return self.reading

    @property
    def article_list(self) -> ArticleList:
        return self._screen().article_list

    @property
    def reader(self) -> ReaderView:
        return self._screen().reader

    @property
    def sidebar(self) -> FactsSidebar:
        return self._screen().sidebar

    @property
    def open_id(self) -> int | None:
        """The article in the reader view."""
        return self._screen().open_id

    @property
    def history(self) -> History:
        return self.library.history

    # -- app-wide --------------------------------------------------------------------------

    def notify(self, message: str, **kwargs: object) -> None:  # type: ignore[override]
        """Every notice may quote article text, links or user input: never parse it as markup
        (a widget's or screen's `notify` passes markup=True by default; it is overruled here)."""
        kwargs["markup"] = False
        super().notify(clean_text(message), **kwargs)  # type: ignore[arg-type]

    def _theme_changed(self, _: object) -> None:
        if self.config_path is None:
            return
        try:
            save_theme(self.config_path, self.theme)
        except (ConfigError, ValueError) as error:
            self.notify(f"The theme was not saved: {error}", severity="warning", timeout=6)

    def action_help(self) -> None:
        from reader.app.bindings import PALETTE_BINDINGS, all_bindings
        from reader.app.screens.help import HelpScreen

        groups = [*all_bindings(), ("Commands", PALETTE_BINDINGS)]
        self.push_screen(HelpScreen(groups, keymap=self.config.keys))
