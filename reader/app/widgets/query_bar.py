"""The search and filter bar above the list: `/` to type, the list follows as you type."""

from __future__ import annotations

from datetime import date

from textual.content import Content
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Input

from reader.app.bindings import SEARCH_BAR_BINDINGS
from reader.query import Query, QueryError, parse_query
from reader.sanitize import clean_line

DEBOUNCE = 0.15
"""Seconds of quiet typing before the list is filtered, so fast typing stays fast."""


class QueryBar(Input):
    """A query in reader's syntax, e.g. `is:unread tag:ai "world models"`."""

    BINDINGS = SEARCH_BAR_BINDINGS

    class QueryChanged(Message):
        """The bar holds a new valid query."""

        def __init__(self, query: Query) -> None:
            self.query = query
            super().__init__()

    class Left(Message):
        """The user is done typing: focus the list."""

    def __init__(
        self, *, today: date | None = None, debounce: float = DEBOUNCE, id: str | None = None
    ) -> None:
        super().__init__(placeholder="search: words \"a phrase\" is:unread tag:x since:7d", id=id)
        self._today = today
        self.debounce = debounce
        """Seconds of quiet before the query applies (0: at every keystroke)."""
        self._timer: Timer | None = None
        self.error: str | None = None
        """Why the text is not a valid query, if it is not."""

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if self.debounce <= 0:
            self.apply()
            return
        self._timer = self.set_timer(self.debounce, self.apply)

    def apply(self) -> None:
        """Parse now (also what the debounce timer calls)."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        try:
            query = parse_query(self.value, today=self._today or date.today())
        except QueryError as error:
            self.error = str(error)
            self.border_subtitle = Content(clean_line(self.error))
            self.add_class("-invalid")
            return
        self.error = None
        self.border_subtitle = ""
        self.remove_class("-invalid")
        self.post_message(self.QueryChanged(query))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_leave()

    def action_clear_or_leave(self) -> None:
        if self.value:
            self.value = ""
            self.apply()
        else:
            self.post_message(self.Left())

    def action_leave(self) -> None:
        self.apply()
        self.post_message(self.Left())
