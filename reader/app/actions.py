"""What the keys do to the library: state changes (with undo), filters, search, links."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from typing import TYPE_CHECKING

from textual import work
from textual.content import Content
from textual.worker import get_current_worker

from reader.app.guard import reports_store_errors
from reader.app.history import Change, History
from reader.app.widgets.article_list import PAGE_SIZE
from reader.app.widgets.query_bar import QueryBar
from reader.query import Query, Sort
from reader.sanitize import clean_line
from reader.store import Store

if TYPE_CHECKING:
    from reader.app.widgets.article_list import ArticleList
    from reader.models import ListItem
    from reader.store.listing import ListReader

SORTS: list[Sort] = ["date", "oldest", "title", "source", "length"]


class LibraryActions:
    """Actions of `ReaderApp` that change what is stored or shown (a mixin)."""

    store: Store
    open_id: int | None
    history: History
    article_list: ArticleList
    mark_read_on_open: bool

    # Everything else used here (notify, query_one, _refresh_list, _state_changed...) comes
    # from ReaderApp.

    def _current_item(self) -> ListItem | None:
        """The article a key acts on: the one under the list's cursor while the list has
        focus (its preview may not have caught up yet), else the one open in the reader."""
        if self.article_list.has_focus and self.article_list.current is not None:
            return self.store.item(self.article_list.current.id)
        return self.store.item(self.open_id) if self.open_id is not None else None

    # -- state changes ---------------------------------------------------------------------

    @reports_store_errors
    def action_toggle_bookmark(self) -> None:
        item = self._current_item()
        if item is None:
            return
        self.store.set_bookmarked(item.id, not item.bookmarked)
        self.history.record(Change("bookmark", "bookmarked", {item.id: item.bookmarked}))
        self._state_changed(item.id, "bookmarked")
        self.notify("Bookmarked." if not item.bookmarked else "Bookmark removed.", timeout=2)

    @reports_store_errors
    def action_toggle_read(self) -> None:
        item = self._current_item()
        if item is None:
            return
        self.store.set_read(item.id, not item.read)
        self.history.record(Change("read state", "read", {item.id: item.read}))
        self._state_changed(item.id, "read")

    @work(exclusive=True, group="mark-all")
    @reports_store_errors
    async def action_mark_all_read(self) -> None:
        query = self.article_list.query_filter
        ids = self.store.ids(replace(query, unread=True))
        if not ids:
            self.notify("Nothing unread here.", timeout=2)
            return
        noun = "article" if len(ids) == 1 else "articles"
        question = f"Mark {len(ids):,} {noun} read ({query.describe()})?"
        from reader.app.screens.dialogs import ConfirmScreen

        if not await self.push_screen_wait(ConfirmScreen(question)):  # type: ignore[attr-defined]
            return
        self.store.set_read_many(ids, True)
        self.history.record(Change(f"mark {len(ids):,} read", "read", dict.fromkeys(ids, False)))
        self._refresh_list(self.open_id)
        self.notify(f"Marked {len(ids):,} {noun} read. z undoes it.", timeout=3)

    @work(exclusive=True, group="tags")
    @reports_store_errors
    async def action_edit_tags(self) -> None:
        item = self._current_item()
        if item is None:
            return
        from reader.app.screens.dialogs import TagScreen

        before = self.store.tags(item.id)
        answer = await self.push_screen_wait(  # type: ignore[attr-defined]
            TagScreen(item.title, before)
        )
        if not answer:
            return
        self.history.record(Change("tags", "tags", {item.id: before}))
        for name in answer:
            try:
                if name.startswith("-"):
                    self.store.remove_tag(item.id, name[1:])
                else:
                    self.store.add_tag(item.id, name)
            except ValueError as error:
                self.notify(f"tag {name!r}: {error}", severity="error", timeout=4)
        tags = ", ".join(self.store.tags(item.id)) or "none"
        self.notify(f"Tags: {tags}", timeout=3)
        self._refresh_list(item.id)

    @reports_store_errors
    def action_undo(self) -> None:
        change = self.history.undo(self.store)
        if change is None:
            self.notify("Nothing to undo.", timeout=2)
            return
        self._refresh_list(self.open_id)
        self.notify(f"Undid {change.label}.", timeout=2)

    # -- what the list shows ---------------------------------------------------------------

    @property
    def list_filter(self) -> Query:
        """The filter last asked for (the list shows it once a search running for it ends)."""
        return self._wanted_filter or self.article_list.query_filter

    def _set_filter(self, query: Query) -> None:
        self._wanted_filter = query
        if query.text:
            self._start_search(query)
            return
        self._stop_search()
        self.article_list.reload(query, keep_id=self.open_id)
        self._update_list_title()

    # -- search, off the app's thread --------------------------------------------------------
    # A word found in most of 100,000 articles takes a few hundred ms to rank: it runs in a
    # thread on its own read-only connection, typing goes on, and the next keystroke's
    # search interrupts it. A search starts at its best (or newest) match: finding where the
    # open article ranks would cost as much again.

    _wanted_filter: Query | None = None
    _searching: ListReader | None = None

    def _stop_search(self) -> None:
        if self._searching is not None:
            self._searching.interrupt()
            self._searching = None

    def _start_search(self, query: Query) -> None:
        self._stop_search()
        self._searching = self.store.list_reader()
        self.article_list.border_subtitle = Content(clean_line(f"{query.describe()} · searching…"))
        self._search(query, self._searching)

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
            self.call_from_thread(self._show_search, query, total, first)  # type: ignore[attr-defined]

    def _show_search(self, query: Query, total: int, first: list[ListItem]) -> None:
        if query != self._wanted_filter:
            return
        self._searching = None
        self.article_list.show_results(query, total, first)
        self._update_list_title()  # type: ignore[attr-defined]

    def action_filter_unread(self) -> None:
        current = self.list_filter
        self._set_filter(replace(current, unread=None if current.unread else True))

    def action_filter_bookmarked(self) -> None:
        current = self.list_filter
        self._set_filter(replace(current, bookmarked=None if current.bookmarked else True))

    def action_cycle_sort(self) -> None:
        current = self.list_filter
        order = SORTS + (["relevance"] if current.text else [])
        position = order.index(current.sort) if current.sort in order else -1
        query = replace(current, sort=order[(position + 1) % len(order)])
        self._set_filter(query)
        self.notify(f"Sorted by {query.sort}.", timeout=2)

    def action_search(self) -> None:
        bar = self.query_one(QueryBar)
        bar.add_class("-shown")  # type: ignore[attr-defined]
        bar.focus()  # type: ignore[attr-defined]

    def on_query_bar_query_changed(self, event: QueryBar.QueryChanged) -> None:
        current = self.list_filter
        # The u and B toggles stay on while the typed query changes.
        query = event.query
        if current.unread and query.unread is None:
            query = replace(query, unread=True)
        if current.bookmarked and query.bookmarked is None:
            query = replace(query, bookmarked=True)
        self._set_filter(query)

    def on_query_bar_left(self, _: QueryBar.Left) -> None:
        bar = self.query_one(QueryBar)
        if not bar.value:  # type: ignore[attr-defined]
            bar.remove_class("-shown")  # type: ignore[attr-defined]
        self.article_list.focus()

    # -- links -----------------------------------------------------------------------------

    def _link(self) -> str | None:
        item = self._current_item()
        stored = self.store.get(item.id) if item is not None else None
        link = stored.article.link if stored else None
        from reader.sources.fetch import is_web_url

        if not link or not is_web_url(link):
            self.notify("This article has no web link.", severity="warning", timeout=3)
            return None
        return link

    def action_open_link(self) -> None:
        if (link := self._link()) is not None:
            # Only http(s) gets here, and it goes to the browser module, never to a shell.
            self._open_in_browser(link)
            self.notify(f"Opening {link}", timeout=3)

    @work(thread=True, exclusive=True, group="browser")
    def _open_in_browser(self, link: str) -> None:
        import webbrowser

        webbrowser.open(link, new=2)

    def action_copy_link(self) -> None:
        if (link := self._link()) is not None:
            self.copy_to_clipboard(link)  # type: ignore[attr-defined]
            self.notify(f"Copied {link}", timeout=3)
