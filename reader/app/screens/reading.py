"""The reading screen: the three panes (list, article, key facts) and what the keys do there.

The library's state changes are `Library`'s (no Textual there); this screen turns keys and
messages into them and redraws what changed. Feeds (`r`, `f`, `a`) are `FeedTasks`'.
"""

from __future__ import annotations

from typing import Literal

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.timer import Timer

from reader.app.bindings import APP_BINDINGS
from reader.app.feed_tasks import FeedTasks
from reader.app.guard import reports_store_errors
from reader.app.library import Library
from reader.app.media_tasks import MediaTasks
from reader.app.screens.layout import Panes, Plan, mode_for
from reader.app.state_tasks import StateTasks
from reader.app.widgets.article_list import ArticleList
from reader.app.widgets.facts_sidebar import FactsSidebar
from reader.app.widgets.key_bar import KeyBar
from reader.app.widgets.query_bar import QueryBar
from reader.app.widgets.reader_view import ReaderView
from reader.app.widgets.refresh_status import RefreshStatus
from reader.config import Config
from reader.models import ListItem, StoredArticle
from reader.query import Query
from reader.query.changes import next_sort, toggled, typed
from reader.sanitize import clean_line
from reader.store import Store
from reader.store.meta import LAST_OPEN_KEY


class ReadingScreen(Screen[None]):
    """Article list, reader view and facts sidebar, over one library."""

    BINDINGS = APP_BINDINGS

    def __init__(
        self,
        library: Library,
        config: Config,
        *,
        preview_delay: float,
        search_debounce: float,
        cursor_blink: bool,
    ) -> None:
        super().__init__()
        self.library = library
        self.store: Store = library.store
        self.config = config
        self.preview_delay = preview_delay
        """Seconds the list cursor must rest before the article under it is previewed."""
        self._search_debounce = search_debounce
        self._cursor_blink = cursor_blink
        self.open_id: int | None = None
        """The article in the reader view."""
        self._preview_timer: Timer | None = None
        self.feeds = FeedTasks(self)
        self.changes = StateTasks(self)
        self.media = MediaTasks(self)
        self.panes = Panes()
        """Which panes the user asked for; what shows depends on the width too."""
        self._plan: Plan | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            with Vertical(id="list-pane"):
                yield QueryBar(id="query", debounce=self._search_debounce)
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

    def set_sync_status(self, line: str) -> None:
        """The accounts' sync state, on the list's top border beside its title."""
        self.article_list.border_title = Content(clean_line(f"Articles · {line}"))

    async def on_mount(self) -> None:
        self.query_one(QueryBar).cursor_blink = self._cursor_blink
        self.reader.reading_width = self.config.reading_width
        self.reader.pictures_on_open = self.config.images != "off"
        self.apply_layout()
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
        self.feeds.show_sync_status()
        if self.config.sync_on_start:
            self.action_sync()
        if self.config.sync_every_minutes:
            self.set_interval(self.config.sync_every_minutes * 60, self.action_sync)

    # -- layout ----------------------------------------------------------------------------

    def on_resize(self) -> None:
        self.apply_layout()
    def apply_layout(self) -> None:
        """Show the panes this width and the user's choices call for (`screens/layout.py`).
        Styles are set only when the plan changed: setting them lays out the whole screen."""
        plan = self.panes.plan(self.size.width, self.config.list_width, self.config.sidebar_width)
        if plan != self._plan:
            self._plan = plan
            list_pane, sidebar_pane = self.query_one("#list-pane"), self.query_one("#sidebar-pane")
            list_pane.display = "list" in plan.shown
            self.query_one("#reader-pane").display = "article" in plan.shown
            sidebar_pane.display = "facts" in plan.shown
            self.set_class(plan.mode == "narrow", "-narrow")
            list_pane.styles.width = plan.list_width
            sidebar_pane.styles.width = plan.side_width
            self.query_one(KeyBar).set_hints(list(plan.hints))
        panes = {"list": self.article_list, "article": self.reader, "facts": self.sidebar}
        if not any(widget.has_focus_within for pane, widget in panes.items() if pane in plan.shown):
            # What had focus is hidden now (or nothing had it yet): the first pane shown.
            first = next(pane for pane in ("list", "article", "facts") if pane in plan.shown)
            panes[first].focus()

    # -- showing and opening ---------------------------------------------------------------

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
        self.open_id = article_id
        # The text first: facts not analysed yet follow once it is on the screen.
        insight = self.library.cached_insight(article_id)
        await self.reader.show(stored, insight)
        self.sidebar.show(insight)
        if insight is None:
            self.call_after_refresh(self._show_facts, stored)
        self.store.set_meta(LAST_OPEN_KEY, str(article_id))

    def _show_facts(self, stored: StoredArticle) -> None:
        if self.open_id != stored.id:
            return  # another article was shown meanwhile
        insight = self.library.insight_for(stored)
        self.sidebar.show(insight)
        self.reader.set_insight(insight)

    @reports_store_errors
    async def open_article(self, article_id: int) -> None:
        """Open an article to read: show it, mark it read, move to the reader."""
        if self._preview_timer is not None:
            self._preview_timer.stop()
        await self.show_article(article_id)
        if self.config.mark_read_on_open and self.library.mark_opened_read(article_id):
            self.state_changed(article_id, "read")
        self.panes.opened()
        self.apply_layout()
        self.reader.focus()
        self.media.load_pictures()

    @reports_store_errors
    def save_position(self) -> None:
        reader = self.reader
        if self.open_id is not None and reader.article_id == self.open_id:
            self.store.set_position(self.open_id, reader.current_section, reader.scroll_y)

    def state_changed(self, article_id: int, field: Literal["read", "bookmarked"]) -> None:
        """One article was (un)read or (un)bookmarked: redraw its row where it stands, unless
        the filter (u, B, is:) may now drop it, when the list is read again."""
        query = self.article_list.query_filter
        if (query.unread if field == "read" else query.bookmarked) is not None:
            self.refresh_list(article_id)
            return
        item = self.store.item(article_id)
        if item is not None:
            self.article_list.update_item(item)

    def refresh_list(self, keep_id: int | None = None) -> None:
        self.article_list.reload(keep_id=keep_id)

    def current_item(self) -> ListItem | None:
        """The article a key acts on: the one under the list's cursor while the list has
        focus (its preview may not have caught up yet), else the one open in the reader."""
        if self.article_list.has_focus and self.article_list.current is not None:
            return self.store.item(self.article_list.current.id)
        return self.store.item(self.open_id) if self.open_id is not None else None

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

    def on_query_bar_query_changed(self, event: QueryBar.QueryChanged) -> None:
        self._set_filter(typed(self.article_list.wanted_filter, event.query))

    def on_query_bar_left(self, _: QueryBar.Left) -> None:
        bar = self.query_one(QueryBar)
        if not bar.value:
            bar.remove_class("-shown")
        self.article_list.focus()

    # -- moving ----------------------------------------------------------------------------

    def action_next_section(self) -> None:
        self.reader.next_section()

    def action_previous_section(self) -> None:
        self.reader.previous_section()

    def action_page_down(self) -> None:
        self.reader.page_down_or_end()

    def action_toggle_list(self) -> None:
        self.panes.toggle_list(mode_for(self.size.width))
        self.apply_layout()

    def action_toggle_sidebar(self) -> None:
        self.panes.toggle_facts(mode_for(self.size.width))
        self.apply_layout()

    def action_back(self) -> None:
        self.panes.back(mode_for(self.size.width))
        self.apply_layout()
        self.article_list.focus()

    def action_toggle_contents(self) -> None:
        self.reader.toggle_head()

    def action_quit(self) -> None:
        self.save_position()
        self.app.exit()

    # -- state changes (`StateTasks`) -----------------------------------------------------

    def action_toggle_bookmark(self) -> None:
        self.changes.toggle_bookmark()

    def action_toggle_read(self) -> None:
        self.changes.toggle_read()

    def action_mark_all_read(self) -> None:
        self.run_worker(self.changes.mark_all_read(), exclusive=True, group="mark-all")

    def action_edit_tags(self) -> None:
        self.run_worker(self.changes.edit_tags(), exclusive=True, group="tags")

    def action_undo(self) -> None:
        self.changes.undo()

    # -- what the list shows ---------------------------------------------------------------

    def _set_filter(self, query: Query) -> None:
        self.article_list.set_filter(query, keep_id=self.open_id)

    def action_filter_unread(self) -> None:
        self._set_filter(toggled(self.article_list.wanted_filter, "unread"))

    def action_filter_bookmarked(self) -> None:
        self._set_filter(toggled(self.article_list.wanted_filter, "bookmarked"))

    def action_cycle_sort(self) -> None:
        query = next_sort(self.article_list.wanted_filter)
        self._set_filter(query)
        self.notify(f"Sorted by {query.sort}.", timeout=2)

    def action_search(self) -> None:
        bar = self.query_one(QueryBar)
        bar.add_class("-shown")
        bar.focus()

    # -- links and feeds -------------------------------------------------------------------

    def action_open_link(self) -> None:
        self.feeds.open_link(self.current_item())

    def action_open_numbered_link(self) -> None:
        self.media.ask_link()

    def on_reader_view_link_chosen(self, event: ReaderView.LinkChosen) -> None:
        self.media.open_link(event.number)

    def action_play_enclosure(self) -> None:
        self.media.ask_enclosure()

    def action_toggle_images(self) -> None:
        self.media.toggle_pictures()

    def action_copy_link(self) -> None:
        self.feeds.copy_link(self.current_item())

    def action_refresh(self) -> None:
        self.run_worker(self.feeds.refresh(), exclusive=True, group="refresh")

    def action_sync(self) -> None:
        """Sync the accounts in the background, unless `r` or a sync is already running."""
        if not any(w.group == "refresh" and not w.is_finished for w in self.workers):
            self.run_worker(self.feeds.sync(), exclusive=True, group="refresh")

    def action_fulltext(self) -> None:
        self.run_worker(self.feeds.fulltext(), exclusive=True, group="fulltext")

    def action_add(self) -> None:
        self.run_worker(self.feeds.add(), exclusive=True, group="add")
