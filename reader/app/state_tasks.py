"""What `b`, `m`, `M`, `t` and `z` do: change the library's state through `Library`, then
redraw what changed on the reading screen, which owns this object."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Protocol

from reader.app.guard import reports_store_errors
from reader.app.library import Library
from reader.models import ListItem
from reader.store import Store

if TYPE_CHECKING:
    from textual.app import App

    from reader.app.widgets.article_list import ArticleList


class Reading(Protocol):
    """What the tasks need of the reading screen."""

    store: Store
    library: Library
    open_id: int | None

    @property
    def app(self) -> App[Any]: ...
    @property
    def article_list(self) -> ArticleList: ...
    def notify(self, message: str, **kwargs: Any) -> None: ...
    def current_item(self) -> ListItem | None: ...
    def refresh_list(self, keep_id: int | None = None) -> None: ...
    def state_changed(self, article_id: int, field: Literal["read", "bookmarked"]) -> None: ...


class StateTasks:
    """State changes with their notices; a refused write is a notice too (`guard`)."""

    def __init__(self, screen: Reading) -> None:
        self.screen = screen
        self.store = screen.store
        self.library = screen.library

    def notify(self, message: str, **kwargs: Any) -> None:
        self.screen.notify(message, **kwargs)

    @reports_store_errors
    def toggle_bookmark(self) -> None:
        if (item := self.screen.current_item()) is None:
            return
        bookmarked = self.library.toggle_bookmark(item)
        self.screen.state_changed(item.id, "bookmarked")
        self.notify("Bookmarked." if bookmarked else "Bookmark removed.", timeout=2)

    @reports_store_errors
    def toggle_read(self) -> None:
        if (item := self.screen.current_item()) is None:
            return
        self.library.toggle_read(item)
        self.screen.state_changed(item.id, "read")

    @reports_store_errors
    async def mark_all_read(self) -> None:
        query = self.screen.article_list.query_filter
        ids = self.library.unread_ids(query)
        if not ids:
            self.notify("Nothing unread here.", timeout=2)
            return
        noun = "article" if len(ids) == 1 else "articles"
        from reader.app.screens.dialogs import ConfirmScreen

        question = f"Mark {len(ids):,} {noun} read ({query.describe()})?"
        if not await self.screen.app.push_screen_wait(ConfirmScreen(question)):
            return
        self.library.mark_all_read(ids)
        self.screen.refresh_list(self.screen.open_id)
        self.notify(f"Marked {len(ids):,} {noun} read. z undoes it.", timeout=3)

    @reports_store_errors
    async def edit_tags(self) -> None:
        if (item := self.screen.current_item()) is None:
            return
        from reader.app.screens.dialogs import TagScreen

        dialog = TagScreen(item.title, self.store.tags(item.id))
        answer = await self.screen.app.push_screen_wait(dialog)
        if not answer:
            return
        for refusal in self.library.edit_tags(item.id, answer):
            self.notify(refusal, severity="error", timeout=4)
        tags = ", ".join(self.store.tags(item.id)) or "none"
        self.notify(f"Tags: {tags}", timeout=3)
        self.screen.refresh_list(item.id)

    @reports_store_errors
    def undo(self) -> None:
        change = self.library.undo()
        if change is None:
            self.notify("Nothing to undo.", timeout=2)
            return
        self.screen.refresh_list(self.screen.open_id)
        self.notify(f"Undid {change.label}.", timeout=2)
