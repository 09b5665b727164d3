"""The article list: a Line-API widget that draws only the rows on screen.

Rows come from the store a page at a time and are kept in a small LRU cache, so a library of
100,000 articles costs the same to show and scroll as one of ten. No widget per row.
"""

from __future__ import annotations

import sqlite3
from collections import OrderedDict
from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text
from textual import work
from textual.content import Content
from textual.events import Click
from textual.geometry import Size
from textual.message import Message
from textual.reactive import var
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.worker import get_current_worker

from reader.app.bindings import LIST_BINDINGS
from reader.app.widgets.scrolling import QuietVirtualSize
from reader.app.widgets.styling import component_style
from reader.models import ListItem
from reader.query.snippets import MATCH_START, snippet_parts
from reader.sanitize import clean_line
from reader.store import Query, Store

if TYPE_CHECKING:
    from reader.store.listing import ListReader

ROW_HEIGHT = 2
PAGE_SIZE = 100
CACHED_PAGES = 16
STRIP_CACHE = 4096

SNIPPET_LEAD = 12
"""Characters of context kept before the first match in a search snippet."""
UNREAD_MARK = "●"
BOOKMARK_MARK = "★"


class ArticleList(QuietVirtualSize, ScrollView, can_focus=True):
    """Every article the current filter admits, newest first, two lines a row."""

    BINDINGS = LIST_BINDINGS

    COMPONENT_CLASSES = {
        "article-list--cursor",
        "article-list--unread",
        "article-list--meta",
        "article-list--mark",
        "article-list--match",
    }

    DEFAULT_CSS = """
    ArticleList {
        background: $surface;
        & > .article-list--cursor { background: $block-cursor-blurred-background; }
        &:focus > .article-list--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
        }
        & > .article-list--unread { text-style: bold; }
        & > .article-list--meta { color: $text-muted; }
        & > .article-list--mark { color: $accent; }
        & > .article-list--match { color: $text-warning; text-style: bold; }
    }
    """

    cursor: var[int] = var(0)
    """The row the cursor is on (set through move_to/select_id, which redraw what changed)."""

    class ArticleHighlighted(Message):
        """The user moved the cursor onto an article."""

        def __init__(self, article_id: int) -> None:
            self.article_id = article_id
            super().__init__()

    class SearchFinished(Message):
        """A search's results are in the list (posted once its worker is done)."""

    class ArticleOpened(Message):
        """The user chose an article to read (enter or click)."""

        def __init__(self, article_id: int) -> None:
            self.article_id = article_id
            super().__init__()

    def __init__(self, store: Store, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._store = store
        self.query_filter = Query()
        """The filter the list shows."""
        self._wanted: Query | None = None
        """The filter last asked for, while a search for it runs."""
        self._searching: ListReader | None = None
        self.total = 0
        """How many articles the filter admits."""
        self._pages: OrderedDict[int, list[ListItem]] = OrderedDict()
        self._strips: dict[tuple[int, int, bool, bool, int], Strip] = {}
        """Drawn lines by (row, line, on the cursor, focused, width); cleared on any change."""

    # -- data ------------------------------------------------------------------------------

    def reload(
        self, query: Query | None = None, keep_id: int | None = None, *, at_top: bool = False
    ) -> None:
        """Re-read the list from the store, keeping the cursor on `keep_id` where it is shown
        (or on the same row, or on the first with `at_top`)."""
        query = self.query_filter if query is None else query
        self._show(query, self._store.count(query))
        row = None if keep_id is None else self._store.position(keep_id, query)
        self._place_cursor(0 if at_top else self.cursor if row is None else row)

    @property
    def wanted_filter(self) -> Query:
        """The filter last asked for (the list shows it once a search running for it ends)."""
        return self._wanted or self.query_filter

    def set_filter(self, query: Query, keep_id: int | None = None) -> None:
        """Show what `query` admits: at once for filters, from a worker for a text search."""
        self._wanted = query
        self._stop_search()
        if query.text:
            self._searching = self._store.list_reader()
            self.border_subtitle = Content(clean_line(f"{query.describe()} · searching…"))
            self._search(query, self._searching)
            return
        self.reload(query, keep_id=keep_id)

    # A word found in most of 100,000 articles takes a few hundred ms to rank: it runs in a
    # thread on its own read-only connection, typing goes on, and the next keystroke's search
    # interrupts it. A search starts at its best (or newest) match: finding where the open
    # article ranks would cost as much again.

    def _stop_search(self) -> None:
        if self._searching is not None:
            self._searching.interrupt()
            self._searching = None

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def _search(self, query: Query, reader: ListReader) -> None:
        try:
            total = reader.count(query)
            first = reader.page(query, 0, PAGE_SIZE)
        except sqlite3.DatabaseError:
            return  # interrupted by a newer search (or the store is busy): it shows instead
        finally:
            reader.close()
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show_search, query, total, first)

    def _show_search(self, query: Query, total: int, first: list[ListItem]) -> None:
        if query != self._wanted:
            return
        self._searching = None
        self._show(query, total)
        self._pages[0] = first
        self._place_cursor(0)
        self.post_message(self.SearchFinished())

    def _show(self, query: Query, total: int) -> None:
        """A new list: forget every page and drawn row."""
        self.query_filter = query
        self._pages.clear()
        self._strips.clear()
        self.total = total
        self.virtual_size = Size(self.size.width, self.total * ROW_HEIGHT)
        self.border_subtitle = Content(clean_line(f"{query.describe()} · {total:,}"))

    def _place_cursor(self, row: int) -> None:
        self.cursor = self._clamp(row)
        self._scroll_cursor_visible()
        self.refresh()

    def item_at(self, row: int) -> ListItem | None:
        if not 0 <= row < self.total:
            return None
        number, index = divmod(row, PAGE_SIZE)
        page = self._pages.get(number)
        if page is None:
            page = self._store.page(self.query_filter, number * PAGE_SIZE, PAGE_SIZE)
            self._pages[number] = page
            if len(self._pages) > CACHED_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        return page[index] if index < len(page) else None

    @property
    def current(self) -> ListItem | None:
        """The article under the cursor."""
        return self.item_at(self.cursor)

    def update_item(self, item: ListItem) -> None:
        """Redraw one article whose state changed, where it stands: no count, no re-query.

        Only for changes that cannot move it or drop it from the list (the caller knows).
        """
        for number, page in self._pages.items():
            for index, cached in enumerate(page):
                if cached.id == item.id:
                    page[index] = item.model_copy(update={"snippet": cached.snippet})
                    self._strips.clear()
                    row = number * PAGE_SIZE + index
                    self.refresh_lines(row * ROW_HEIGHT, ROW_HEIGHT)
                    return

    # -- drawing ---------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        scroll_y = int(self.scroll_offset.y)
        row, line = divmod(scroll_y + y, ROW_HEIGHT)
        width = self.scrollable_content_region.width
        on_cursor = row == self.cursor
        key = (row, line, on_cursor, self.has_focus, width)
        # A drawn row stays valid until the list changes (which clears the cache), so a hit
        # needs neither the item nor the widget's style (computing that was most of a hit).
        strip = self._strips.get(key)
        if strip is not None:
            return strip
        item = self.item_at(row)
        base = self.rich_style
        if item is None:
            return Strip.blank(width, base)
        if on_cursor:
            base = base + self.get_component_rich_style("article-list--cursor")
            muted = base  # muted text on the cursor's colour would be hard to read
        else:
            muted = base + component_style(self, "article-list--meta")
        text = self._row_text(item, line, base, muted)
        text.truncate(width, overflow="ellipsis", pad=True)
        segments = list(text.render(self.app.console))
        strip = Strip(segments, width).crop(0, width).simplify()
        if len(self._strips) > STRIP_CACHE:
            self._strips.clear()
        self._strips[key] = strip
        return strip

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()

    def _row_text(self, item: ListItem, line: int, base: Style, muted: Style) -> Text:
        mark_style = component_style(self, "article-list--mark")
        if line == 0:
            unread = UNREAD_MARK if not item.read else " "
            bookmark = BOOKMARK_MARK if item.bookmarked else " "
            title_style = base
            if not item.read:
                title_style += component_style(self, "article-list--unread")
            return Text.assemble(
                (f" {unread}", base + mark_style),
                (bookmark, base + mark_style),
                (" ", base),
                (clean_line(item.title), title_style),
                style=base,
                end="",
            )
        if item.snippet:
            return self._snippet_text(item.snippet, base, muted)
        meta = f"{item.reading_minutes} min · {clean_line(item.source)}"
        if item.published is not None:
            meta = f"{item.published:%Y-%m-%d} · {meta}"
        return Text.assemble(("    ", base), (meta, muted), style=base, end="")

    def _snippet_text(self, snippet: str, base: Style, muted: Style) -> Text:
        """The search snippet, dim, with each match highlighted."""
        match_style = base + component_style(self, "article-list--match")
        text = Text("    ", style=base, end="")
        lead, marker, rest = snippet.partition(MATCH_START)
        if marker and len(lead) > SNIPPET_LEAD:
            # Keep the first match on screen in a narrow list: cut the words before it.
            snippet = "…" + lead[-SNIPPET_LEAD:].split(" ", 1)[-1] + " " + marker + rest
        for part, match in snippet_parts(snippet):
            text.append(part, match_style if match else muted)
        return text

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, self.total * ROW_HEIGHT)
        # A cursor placed before the list had a height (the one restored at start) could not
        # be scrolled to then; it is now, before the first frame is drawn.
        self._scroll_cursor_visible()

    # -- cursor ----------------------------------------------------------------------------

    def _clamp(self, row: int) -> int:
        return max(0, min(row, self.total - 1)) if self.total else 0

    def _scroll_cursor_visible(self) -> bool:
        """Scroll so the cursor's row is on screen; True if it scrolled."""
        top = self.cursor * ROW_HEIGHT
        height = self.scrollable_content_region.height
        if not height and top != self.scroll_offset.y:
            # Not laid out yet (a cursor restored at start), so not yet scrollable: `force`,
            # for the first frame to open at the cursor's row; `on_resize` settles the rest.
            self.scroll_to(y=top, animate=False, immediate=True, force=True)
            return True
        if top < self.scroll_offset.y:
            self.scroll_to(y=top, animate=False, immediate=True)
            return True
        if height and top + ROW_HEIGHT > self.scroll_offset.y + height:
            self.scroll_to(y=top + ROW_HEIGHT - height, animate=False, immediate=True)
            return True
        return False

    def _set_cursor(self, row: int) -> None:
        """Move the cursor, redrawing only the two rows it left and reached unless it scrolled."""
        before, self.cursor = self.cursor, row
        if self._scroll_cursor_visible():
            self.refresh()
        else:
            self.refresh_lines(before * ROW_HEIGHT, ROW_HEIGHT)
            self.refresh_lines(row * ROW_HEIGHT, ROW_HEIGHT)

    def move_to(self, row: int) -> None:
        """Move the cursor (a user action): the app is told which article is highlighted."""
        self._set_cursor(self._clamp(row))
        item = self.current
        if item is not None:
            self.post_message(self.ArticleHighlighted(item.id))

    def select_id(self, article_id: int) -> None:
        """Put the cursor on an article without announcing it (the app already knows)."""
        row = self._store.position(article_id, self.query_filter)
        if row is not None:
            self._set_cursor(row)

    def _page_rows(self) -> int:
        return max(1, self.scrollable_content_region.height // ROW_HEIGHT)

    def action_cursor_down(self) -> None:
        self.move_to(self.cursor + 1)

    def action_cursor_up(self) -> None:
        self.move_to(self.cursor - 1)

    def action_page_down(self) -> None:
        self.move_to(self.cursor + self._page_rows())

    def action_page_up(self) -> None:
        self.move_to(self.cursor - self._page_rows())

    def action_first(self) -> None:
        self.move_to(0)

    def action_last(self) -> None:
        self.move_to(self.total - 1)

    def action_open(self) -> None:
        item = self.current
        if item is not None:
            self.post_message(self.ArticleOpened(item.id))

    def on_click(self, event: Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        row = (int(self.scroll_offset.y) + offset.y) // ROW_HEIGHT
        if row < self.total:
            self.move_to(row)
            self.action_open()
