"""What the list's keys do to the query it shows: pure functions, tested without the app."""

from __future__ import annotations

from dataclasses import replace
from typing import Literal

from reader.query.model import Query, Sort

SORTS: list[Sort] = ["date", "oldest", "title", "source", "length"]


def toggled(query: Query, state: Literal["unread", "bookmarked"]) -> Query:
    """`u` / `B`: only unread (bookmarked) articles, or all again."""
    return replace(query, **{state: None if getattr(query, state) else True})


def next_sort(query: Query) -> Query:
    """`s`: the next order (relevance too while searching)."""
    order = SORTS + (["relevance"] if query.text else [])
    position = order.index(query.sort) if query.sort in order else -1
    return replace(query, sort=order[(position + 1) % len(order)])


def typed(current: Query, new: Query) -> Query:
    """A query typed in the search bar: the `u` and `B` toggles stay on while it changes."""
    if current.unread and new.unread is None:
        new = replace(new, unread=True)
    if current.bookmarked and new.bookmarked is None:
        new = replace(new, bookmarked=True)
    return new
