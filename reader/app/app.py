"""The Textual app: three panes over the store, driven by keys (and the mouse)."""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import replace

from textual import work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer

from reader.app.screens.help import HelpScreen
from reader.app.widgets.article_list import ArticleList
from reader.app.widgets.facts_sidebar import FactsSidebar
from reader.app.widgets.reader_view import ReaderView, section_label
from reader.app.widgets.refresh_status import RefreshStatus
from reader.insight import analyse
from reader.models import Feed, Insight, StoredArticle
from reader.refresh import FeedFetch
from reader.store import Query, Store

LAST_OPEN_KEY = "last_open"
INSIGHT_CACHE = 32
REFRESH_WORKERS = 8


class ReaderApp(App[None]):
    """A terminal news reader: article list, reader view, facts sidebar."""

    TITLE = "reader"
    CSS_PATH = "app.tcss"

    BINDINGS = [
        Binding("q", "quit", "Quit", id="app.quit", tooltip="Quit (your place is kept)"),
        Binding("question_mark", "help", "Help", key_display="?", id="app.help"),
        Binding("tab", "app.focus_next", "Next pane", show=False, id="app.focus_next"),
        Binding(
            "shift+tab", "app.focus_previous", "Previous pane", show=False,
            id="app.focus_previous",
        ),
        Binding("right_square_bracket", "next_section", "Next §", key_display="]",
                id="app.next_section", tooltip="Jump to the next section"),
        Binding("left_square_bracket", "previous_section", "Prev §", key_display="[",
                id="app.previous_section", tooltip="Jump to the previous section"),
        Binding("space", "page_down", "Page/next unread", show=False, id="app.page_down",
                tooltip="Page down; at the end, open the next unread article"),
        Binding("b", "toggle_bookmark", "Bookmark", id="app.bookmark"),
        Binding("m", "toggle_read", "Read/unread", id="app.toggle_read"),
        Binding("u", "filter_unread", "Unread only", id="app.filter_unread"),
        Binding("B", "filter_bookmarked", "Bookmarked only", key_display="B",
                id="app.filter_bookmarked"),
        Binding("r", "refresh", "Refresh", id="app.refresh", tooltip="Fetch every feed"),
        Binding("f", "fulltext", "Full text", show=False, id="app.fulltext",
                tooltip="Replace a feed teaser with the full article from its link"),
        Binding("backslash", "toggle_list", "Toggle list", show=False, key_display="\\",
                id="app.toggle_list"),
        Binding("i", "toggle_sidebar", "Toggle sidebar", show=False, id="app.toggle_sidebar"),
    ]

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.open_id: int | None = None
        """The article in the reader view."""
        self._insights: OrderedDict[int, Insight] = OrderedDict()

    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            article_list = ArticleList(self.store, id="list")
            article_list.border_title = "Articles"
            yield article_list
            reader = ReaderView(id="reader")
            reader.border_title = "Article"
            yield reader
            sidebar = FactsSidebar(id="sidebar")
            sidebar.border_title = "Key facts"
            yield sidebar
        yield RefreshStatus()
        yield Footer()

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
        self.article_list.reload()
        self._update_list_title()
        self.article_list.focus()
        last = self.store.get_meta(LAST_OPEN_KEY)
        first = self.article_list.current
        start = int(last) if last and last.isdigit() and self.store.item(int(last)) else None
        if start is None and first is not None:
            start = first.id
        if start is not None:
            self.article_list.select_id(start)
            await self.show_article(start)

    # -- articles --------------------------------------------------------------------------

    def insight_for(self, stored: StoredArticle) -> Insight:
        insight = self._insights.get(stored.id)
        if insight is None:
            insight = analyse(stored.article)
            self._insights[stored.id] = insight
            if len(self._insights) > INSIGHT_CACHE:
                self._insights.popitem(last=False)
        return insight

    async def show_article(self, article_id: int) -> None:
        """Show an article in the reader and sidebar (a preview: it is not marked read)."""
        if article_id == self.open_id:
            return
        self.save_position()
        stored = self.store.get(article_id)
        if stored is None:
            return
        insight = self.insight_for(stored)
        self.open_id = article_id
        await self.reader.show(stored, insight)
        self.sidebar.show(insight)
        self.store.set_meta(LAST_OPEN_KEY, str(article_id))

    async def open_article(self, article_id: int) -> None:
        """Open an article to read: show it, mark it read, move to the reader."""
        await self.show_article(article_id)
        item = self.store.item(article_id)
        if item is not None and not item.read:
            self.store.set_read(article_id, True)
            self._refresh_list(article_id)
        self.reader.focus()

    def save_position(self) -> None:
        reader = self.reader
        if self.open_id is not None and reader.article_id == self.open_id:
            self.store.set_position(self.open_id, reader.current_section, reader.scroll_y)

    def _refresh_list(self, keep_id: int | None = None) -> None:
        self.article_list.reload(keep_id=keep_id)
        self._update_list_title()

    def _update_list_title(self) -> None:
        query = self.article_list.query_filter
        names = [name for name, on in (("unread", query.unread), ("bookmarked", query.bookmarked))
                 if on]
        label = " & ".join(names) if names else "all"
        self.article_list.border_subtitle = f"{label} · {self.article_list.total:,}"

    # -- messages --------------------------------------------------------------------------

    async def on_article_list_article_highlighted(
        self, event: ArticleList.ArticleHighlighted
    ) -> None:
        await self.show_article(event.article_id)

    async def on_article_list_article_opened(self, event: ArticleList.ArticleOpened) -> None:
        await self.open_article(event.article_id)

    def on_reader_view_position_changed(self, event: ReaderView.PositionChanged) -> None:
        self.store.set_position(event.article_id, event.section, event.scroll)

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
        self.push_screen(
            HelpScreen(
                [
                    ("Everywhere", self.BINDINGS),
                    ("Article list", ArticleList.BINDINGS),
                    ("Reader", ReaderView.BINDINGS),
                    ("Command palette", [Binding("ctrl+p", "command_palette", "Commands")]),
                ]
            )
        )

    def action_next_section(self) -> None:
        self.reader.next_section()

    def action_previous_section(self) -> None:
        self.reader.previous_section()

    def action_page_down(self) -> None:
        self.reader.page_down_or_end()

    def action_toggle_bookmark(self) -> None:
        item = self.store.item(self.open_id) if self.open_id is not None else None
        if item is None:
            return
        self.store.set_bookmarked(item.id, not item.bookmarked)
        self._refresh_list(item.id)
        self.notify("Bookmarked." if not item.bookmarked else "Bookmark removed.", timeout=2)

    def action_toggle_read(self) -> None:
        item = self.store.item(self.open_id) if self.open_id is not None else None
        if item is None:
            return
        self.store.set_read(item.id, not item.read)
        self._refresh_list(item.id)

    def _set_filter(self, query: Query) -> None:
        self.article_list.reload(query, keep_id=self.open_id)
        self._update_list_title()

    def action_filter_unread(self) -> None:
        current = self.article_list.query_filter
        self._set_filter(replace(current, unread=None if current.unread else True))

    def action_filter_bookmarked(self) -> None:
        current = self.article_list.query_filter
        self._set_filter(replace(current, bookmarked=None if current.bookmarked else True))

    def action_toggle_list(self) -> None:
        self.article_list.toggle_class("hidden")

    def action_toggle_sidebar(self) -> None:
        self.sidebar.toggle_class("hidden")

    @work(exclusive=True, group="refresh")
    async def action_refresh(self) -> None:
        """Fetch every feed in threads, storing each one's entries as it arrives."""
        from reader.refresh import apply_fetch, fetch_feed

        feeds = self.store.feeds()
        if not feeds:
            self.notify("No feeds yet: subscribe with `reader feed add URL`.", timeout=4)
            return
        status = self.query_one(RefreshStatus)
        status.start(len(feeds))
        gate = asyncio.Semaphore(REFRESH_WORKERS)

        async def fetch_one(feed: Feed) -> FeedFetch:
            async with gate:
                return await asyncio.to_thread(fetch_feed, feed)

        try:
            for next_done in asyncio.as_completed([fetch_one(feed) for feed in feeds]):
                status.advance(apply_fetch(self.store, await next_done))
        finally:
            status.finish()
        self._refresh_list(self.open_id)
        failed = f", {status.failed} failed (see `reader feed list`)" if status.failed else ""
        self.notify(f"Refreshed {len(feeds)} feeds: {status.added} new articles{failed}.",
                    severity="warning" if status.failed else "information", timeout=4)

    @work(exclusive=True, group="fulltext")
    async def action_fulltext(self) -> None:
        """Replace the open article (a feed teaser) with the full article from its link."""
        from reader.fulltext import fetch_full_article
        from reader.ingest import IngestError

        stored = self.store.get(self.open_id) if self.open_id is not None else None
        if stored is None:
            return
        self.notify("Fetching the full article…", timeout=2)
        try:
            article = await asyncio.to_thread(fetch_full_article, stored.article)
        except IngestError as error:
            self.notify(str(error), severity="error", timeout=5)
            return
        self.store.add(article)
        self._insights.pop(stored.id, None)
        self.open_id = None
        await self.show_article(stored.id)
        self._refresh_list(stored.id)

    async def action_quit(self) -> None:
        self.save_position()
        self.exit()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        for binding in Binding.make_bindings(self.BINDINGS):
            if binding.description and binding.action not in {"quit"}:
                action = binding.action
                yield SystemCommand(
                    binding.tooltip or binding.description,
                    f"key: {self.get_key_display(binding)}",
                    lambda action=action: self.run_action(action),
                )
        for index, title in enumerate(self.reader.section_titles):
            yield SystemCommand(
                f"Go to § {index + 1}: {section_label(title)}",
                "Jump to this section of the open article",
                lambda index=index: self.reader.jump_to_section(index),
                discover=False,
            )
