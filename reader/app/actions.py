"""What the keys do to the library: state changes (with undo), filters, search, links."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from textual import work

from reader.app.guard import reports_store_errors
from reader.app.history import History
from reader.app.widgets.query_bar import QueryBar
from reader.query import Query, Sort
from reader.store import Store

if TYPE_CHECKING:
    from reader.app.widgets.article_list import ArticleList
    from reader.models import ListItem

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
        bookmarked = self.library.toggle_bookmark(item)
        self._state_changed(item.id, "bookmarked")
        self.notify("Bookmarked." if bookmarked else "Bookmark removed.", timeout=2)

    @reports_store_errors
    def action_toggle_read(self) -> None:
        item = self._current_item()
        if item is None:
            return
        self.library.toggle_read(item)
        self._state_changed(item.id, "read")

    @work(exclusive=True, group="mark-all")
    @reports_store_errors
    async def action_mark_all_read(self) -> None:
        query = self.article_list.query_filter
        ids = self.library.unread_ids(query)
        if not ids:
            self.notify("Nothing unread here.", timeout=2)
            return
        noun = "article" if len(ids) == 1 else "articles"
        question = f"Mark {len(ids):,} {noun} read ({query.describe()})?"
        from reader.app.screens.dialogs import ConfirmScreen

        if not await self.push_screen_wait(ConfirmScreen(question)):  # type: ignore[attr-defined]
            return
        self.library.mark_all_read(ids)
        self._refresh_list(self.open_id)
        self.notify(f"Marked {len(ids):,} {noun} read. z undoes it.", timeout=3)

    @work(exclusive=True, group="tags")
    @reports_store_errors
    async def action_edit_tags(self) -> None:
        item = self._current_item()
        if item is None:
            return
        from reader.app.screens.dialogs import TagScreen

        answer = await self.push_screen_wait(  # type: ignore[attr-defined]
            TagScreen(item.title, self.store.tags(item.id))
        )
        if not answer:
            return
        for refusal in self.library.edit_tags(item.id, answer):
            self.notify(refusal, severity="error", timeout=4)
        tags = ", ".join(self.store.tags(item.id)) or "none"
        self.notify(f"Tags: {tags}", timeout=3)
        self._refresh_list(item.id)

    @reports_store_errors
    def action_undo(self) -> None:
        change = self.library.undo()
        if change is None:
            self.notify("Nothing to undo.", timeout=2)
            return
        self._refresh_list(self.open_id)
        self.notify(f"Undid {change.label}.", timeout=2)

    # -- what the list shows ---------------------------------------------------------------

    @property
    def list_filter(self) -> Query:
        """The filter last asked for (the list shows it once a search running for it ends)."""
        return self.article_list.wanted_filter

    def _set_filter(self, query: Query) -> None:
        self.article_list.set_filter(query, keep_id=self.open_id)

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
