"""The Textual app: three panes over the store, driven by keys (and the mouse)."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Literal

from textual.app import App, ComposeResult
from textual.containers import Horizontal, Vertical
from textual.timer import Timer

from reader.app.actions import LibraryActions
from reader.app.bindings import APP_BINDINGS
from reader.app.commands import ReaderCommands
from reader.app.feed_actions import FeedActions
from reader.app.guard import reports_store_errors
from reader.app.history import History
from reader.app.library import Library
from reader.app.widgets.article_list import ArticleList
from reader.app.widgets.facts_sidebar import FactsSidebar
from reader.app.widgets.key_bar import KeyBar
from reader.app.widgets.query_bar import DEBOUNCE, QueryBar
from reader.app.widgets.reader_view import ReaderView
from reader.app.widgets.refresh_status import RefreshStatus
from reader.config import Config, ConfigError, save_theme
from reader.sanitize import clean_text
from reader.store import Store

LAST_OPEN_KEY = "last_open"
PREVIEW_DELAY = 0.12


class ReaderApp(LibraryActions, FeedActions, App[None]):
    """A terminal news reader: article list, reader view, facts sidebar."""

    TITLE = "reader"
    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {ReaderCommands}

    BINDINGS = APP_BINDINGS

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
        self.mark_read_on_open = self.config.mark_read_on_open
        self.open_id: int | None = None
        """The article in the reader view."""
        self.preview_delay = PREVIEW_DELAY
        """Seconds the list cursor must rest before the article under it is previewed."""
        self._preview_timer: Timer | None = None
        self.search_debounce = DEBOUNCE
        """Seconds of quiet typing before the search bar's query applies."""
        self.cursor_blink = True
        """Whether text cursors blink (tests turn it off so snapshots are stable)."""

    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            with Vertical(id="list-pane"):
                yield QueryBar(id="query")
                article_list = ArticleList(self.store, id="list")
                article_list.border_title = "Articles"
                yield article_list
            # Each pane sits in its own container: Textual repaints every widget whose clip
            # overlaps a change, so a list scroll would otherwise repaint the article and the
            # sidebar too.
            with Vertical(id="reader-pane"):
                reader = ReaderView(id="reader")
                reader.border_title = "Article"
                yield reader
            with Vertical(id="sidebar-pane"):
                sidebar = FactsSidebar(id="sidebar")
                sidebar.border_title = "Key facts"
                yield sidebar
        yield RefreshStatus()
        yield KeyBar()

    @property
    def article_list(self) -> ArticleList:
        return self.query_one(ArticleList)

    @property
    def reader(self) -> ReaderView:
        return self.query_one(ReaderView)

    @property
    def sidebar(self) -> FactsSidebar:
        return self.query_one(FactsSidebar)

    async def on_mount(self) -> None:
        bar = self.query_one(QueryBar)
        bar.cursor_blink = self.cursor_blink
        bar.debounce = self.search_debounce
        self._apply_config()
        if self.store.moved_aside is not None:
            self.notify(
                f"The store could not be read. It was moved to {self.store.moved_aside} "
                "and a new one started.",
                severity="error",
                timeout=15,
            )
        for message in self._config_messages:
            self.notify(message, title="Config", severity="warning", timeout=8)
        self.article_list.reload()
        self.article_list.focus()
        last = self.store.get_meta(LAST_OPEN_KEY)
        first = self.article_list.current
        start = int(last) if last and last.isdigit() and self.store.item(int(last)) else None
        if start is None and first is not None:
            start = first.id
        if start is not None:
            self.article_list.select_id(start)
            await self.show_article(start)
        # The `reader` command asks for this (not tests, which start many apps in one process).
        # What exists now (modules, classes, styles, the first article) lives as long as the
        # app: freezing it spares the collector from walking it in every full collection,
        # which were the slowest key presses (j p95 at 1k: 157 -> 53 ms; benchmarks/).
        if self._freeze_gc:
            gc.freeze()

    # -- articles --------------------------------------------------------------------------

    def notify(self, message: str, **kwargs: object) -> None:  # type: ignore[override]
        """Every notice may quote article text, links or user input: never parse it as markup."""
        kwargs.setdefault("markup", False)
        super().notify(clean_text(message), **kwargs)  # type: ignore[arg-type]

    def _apply_config(self) -> None:
        config = self.config
        if config.keys:
            self.set_keymap(config.keys)
        if config.theme and config.theme in self.available_themes:
            self.theme = config.theme
        self.query_one("#list-pane").styles.width = config.list_width
        self.query_one("#sidebar-pane").styles.width = config.sidebar_width
        self.reader.reading_width = config.reading_width
        self.theme_changed_signal.subscribe(self, self._theme_changed)

    def _theme_changed(self, _: object) -> None:
        if self.config_path is None:
            return
        try:
            save_theme(self.config_path, self.theme)
        except (ConfigError, ValueError) as error:
            self.notify(f"The theme was not saved: {error}", severity="warning", timeout=6)

    @property
    def history(self) -> History:
        return self.library.history

    @reports_store_errors
    async def show_article(self, article_id: int, *, again: bool = False) -> None:
        """Show an article in the reader and sidebar (a preview: it is not marked read).

        `again` shows it even if it is the one shown (its text changed)."""
        if article_id == self.open_id and not again:
            return
        self.save_position()
        stored = self.store.get(article_id)
        if stored is None:
            return
        insight = self.library.insight_for(stored)
        self.open_id = article_id
        await self.reader.show(stored, insight)
        self.sidebar.show(insight)
        self.store.set_meta(LAST_OPEN_KEY, str(article_id))

    @reports_store_errors
    async def open_article(self, article_id: int) -> None:
        """Open an article to read: show it, mark it read, move to the reader."""
        if self._preview_timer is not None:
            self._preview_timer.stop()
        await self.show_article(article_id)
        if self.mark_read_on_open and self.library.mark_opened_read(article_id):
            self._state_changed(article_id, "read")
        self.reader.focus()

    @reports_store_errors
    def save_position(self) -> None:
        reader = self.reader
        if self.open_id is not None and reader.article_id == self.open_id:
            self.store.set_position(self.open_id, reader.current_section, reader.scroll_y)

    def _state_changed(self, article_id: int, field: Literal["read", "bookmarked"]) -> None:
        """One article was (un)read or (un)bookmarked: redraw its row where it stands, unless
        the filter (u, B, is:) may now drop it, when the list is read again."""
        query = self.article_list.query_filter
        if (query.unread if field == "read" else query.bookmarked) is not None:
            self._refresh_list(article_id)
            return
        item = self.store.item(article_id)
        if item is not None:
            self.article_list.update_item(item)

    def _refresh_list(self, keep_id: int | None = None) -> None:
        self.article_list.reload(keep_id=keep_id)

    # -- messages --------------------------------------------------------------------------

    def on_article_list_article_highlighted(self, event: ArticleList.ArticleHighlighted) -> None:
        # Preview once the cursor rests: holding j moves the list at key-repeat speed instead
        # of laying out every article it passes.
        if self._preview_timer is not None:
            self._preview_timer.stop()
        article_id = event.article_id
        if self.preview_delay <= 0:
            self.run_worker(self.show_article(article_id), group="preview", exclusive=True)
            return
        self._preview_timer = self.set_timer(
            self.preview_delay,
            lambda: self.run_worker(self.show_article(article_id), group="preview", exclusive=True),
        )

    async def on_article_list_article_opened(self, event: ArticleList.ArticleOpened) -> None:
        await self.open_article(event.article_id)

    @reports_store_errors
    def on_reader_view_position_changed(self, event: ReaderView.PositionChanged) -> None:
        self.store.set_position(event.article_id, event.section, event.scroll)

    @reports_store_errors
    async def on_reader_view_end_reached(self, _: ReaderView.EndReached) -> None:
        if self.open_id is None:
            return
        next_id = self.store.next_unread(self.open_id, self.article_list.query_filter)
        if next_id is None:
            self.notify("No more unread articles.", timeout=3)
            return
        await self.open_article(next_id)
        self.article_list.select_id(next_id)

    def on_facts_sidebar_fact_chosen(self, event: FactsSidebar.FactChosen) -> None:
        self.reader.highlight(event.section, event.sentence)

    # -- actions ---------------------------------------------------------------------------

    def action_help(self) -> None:
        from reader.app.bindings import PALETTE_BINDINGS, all_bindings
        from reader.app.screens.help import HelpScreen

        groups = [*all_bindings(), ("Commands", PALETTE_BINDINGS)]
        self.push_screen(HelpScreen(groups, keymap=self.config.keys))

    def action_next_section(self) -> None:
        self.reader.next_section()

    def action_previous_section(self) -> None:
        self.reader.previous_section()

    def action_page_down(self) -> None:
        self.reader.page_down_or_end()

    def action_toggle_list(self) -> None:
        self.query_one("#list-pane").toggle_class("hidden")

    def action_toggle_sidebar(self) -> None:
        self.query_one("#sidebar-pane").toggle_class("hidden")

    async def action_quit(self) -> None:
        self.save_position()
        self.exit()
