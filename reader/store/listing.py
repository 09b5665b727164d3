"""The article list as queries: count, pages, positions, next unread, search hits.

Every filter and order comes from a `reader.query.Query`; its SQL uses `?` parameters only.
Pages are read with LIMIT/OFFSET over an index, so a page costs the same at row 10 or 99,990.
"""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

from pydantic import BaseModel

from reader.models import ListItem
from reader.query import Query
from reader.store.search_sql import (
    ALL,
    DATE_ORDER,
    LIST_COLUMNS,
    from_where,
    hit_rows,
    ranked,
    ranked_newest,
    text_only,
)
from reader.store.search_sql import order as list_order

__all__ = ["ALL", "LIST_COLUMNS", "ListQueries", "ListReader", "SearchHit", "list_item"]

_EVERY_ROW = 1 << 62
"""A LIMIT that takes every row."""


def list_item(row: sqlite3.Row) -> ListItem:
    return ListItem(
        id=row["id"],
        title=row["title"],
        source=row["source"],
        read=bool(row["read"]),
        bookmarked=bool(row["bookmarked"]),
        reading_minutes=row["reading_minutes"],
        published=row["published"],
    )


class SearchHit(BaseModel):
    """One search result: the article's row and where the words matched."""

    item: ListItem
    snippet: str
    """Text around the match, with each matched term between `\\x02` and `\\x03`."""


class ListQueries:
    """The list half of `Store` (a mixin over the store's connection)."""

    _conn: sqlite3.Connection

    _counted: tuple[Query, int] | None = None
    """The last count and its query: a search's first page, asked next, plans by it."""

    def count(self, query: Query = ALL) -> int:
        total = self._count(query)
        self._counted = (query, total)
        return total

    def _count(self, query: Query) -> int:
        if text_only(query):
            # Every article has one FTS row: counting there skips a join over every match
            # (a word in every article at 100k: 140 -> 14 ms).
            sql = "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?"
            return self._conn.execute(sql, [query.text]).fetchone()[0]
        # Order does not change a count; unranked, the text is an `IN (MATCH)` SQLite can
        # plan from the filters' index (word + filters at 100k: 258 -> 23 ms).
        source, params = from_where(replace(query, sort="date"))
        return self._conn.execute(f"SELECT count(*) {source}", params).fetchone()[0]

    def page(self, query: Query, offset: int, limit: int) -> list[ListItem]:
        if query.text:
            return [
                hit.item.model_copy(update={"snippet": hit.snippet})
                for hit in self.search(query, limit, offset)
            ]
        source, params = from_where(query)
        sql = f"SELECT {LIST_COLUMNS} {source} ORDER BY {list_order(query)} LIMIT ? OFFSET ?"
        return [list_item(row) for row in self._conn.execute(sql, [*params, limit, offset])]

    def _ranked_ids(self, query: Query) -> list[int]:
        """Every id of a search ranked by relevance, in the order its pages show them (the
        newest matches by rank, then the rest by age: `search_sql.ranked_newest`)."""
        return ranked_newest(self._conn, query, _EVERY_ROW, 0, self._known(query))

    def position(self, article_id: int, query: Query = ALL) -> int | None:
        """The row an article stands at in the list, or None if the query hides it."""
        if ranked(query):
            order = self._ranked_ids(query)
            return order.index(article_id) if article_id in order else None
        source, params = from_where(query)
        if list_order(query) == DATE_ORDER:
            # The common case, answered from the index without numbering every row.
            row = self._conn.execute(
                f"SELECT a.sort_ts {source} AND a.id = ?", [*params, article_id]
            ).fetchone()
            if row is None:
                return None
            sql = f"SELECT count(*) {source} AND (a.sort_ts, a.id) > (?, ?)"
            return self._conn.execute(sql, [*params, row[0], article_id]).fetchone()[0]
        sql = (
            f"SELECT position FROM (SELECT a.id AS id, row_number() OVER"
            f" (ORDER BY {list_order(query)}) - 1 AS position {source}) WHERE id = ?"
        )
        row = self._conn.execute(sql, [*params, article_id]).fetchone()
        return None if row is None else row[0]

    def ids(self, query: Query) -> list[int]:
        """Every id the query admits, in list order."""
        if ranked(query):
            return self._ranked_ids(query)
        source, params = from_where(query)
        sql = f"SELECT a.id {source} ORDER BY {list_order(query)}"
        return [row[0] for row in self._conn.execute(sql, params)]

    def next_unread(self, after_id: int, query: Query = ALL) -> int | None:
        """The next unread article below `after_id` in list order, wrapping to the top."""
        if ranked(query):
            order = self._ranked_ids(query)
            unread_ids = set(self.ids(replace(query, unread=True, sort="date")))
            here = order.index(after_id) if after_id in order else -1
            below = (i for i in order[here + 1 :] if i in unread_ids and i != after_id)
            top = (i for i in order if i in unread_ids and i != after_id)
            return next(below, next(top, None))
        unread = replace(query, unread=True)
        source, params = from_where(unread)
        order = list_order(unread)
        if order == DATE_ORDER:
            row = self._conn.execute(
                "SELECT sort_ts FROM articles WHERE id = ?", (after_id,)
            ).fetchone()
            if row is not None:
                below = self._conn.execute(
                    f"SELECT a.id {source} AND (a.sort_ts, a.id) < (?, ?) ORDER BY {order}"
                    " LIMIT 1",
                    [*params, row[0], after_id],
                ).fetchone()
                if below is not None:
                    return below[0]
        else:
            here = self.position(after_id, query)
            numbered, all_params = from_where(query)
            below = self._conn.execute(
                f"SELECT id FROM (SELECT a.id AS id, a.read AS read, row_number() OVER"
                f" (ORDER BY {list_order(query)}) - 1 AS position {numbered})"
                " WHERE read = 0 AND position > ? ORDER BY position LIMIT 1",
                [*all_params, -1 if here is None else here],
            ).fetchone()
            if below is not None and below[0] != after_id:
                return below[0]
        top = self._conn.execute(
            f"SELECT a.id {source} AND a.id != ? ORDER BY {order} LIMIT 1", [*params, after_id]
        ).fetchone()
        return None if top is None else top[0]

    def _known(self, query: Query) -> int | None:
        counted = self._counted
        return counted[1] if counted is not None and counted[0] == query else None

    def search(self, query: Query, limit: int = 100, offset: int = 0) -> list[SearchHit]:
        """Ranked hits with a snippet around the matched words (needs `query.text`)."""
        if not query.text:
            return [SearchHit(item=item, snippet="") for item in self.page(query, offset, limit)]
        return [
            SearchHit(item=list_item(row), snippet=snippet)
            for row, snippet in hit_rows(self._conn, query, limit, offset, self._known(query))
        ]


class ListReader(ListQueries):
    """The list's queries on a read-only connection of their own, for a worker thread.

    The app searches off its own thread with one of these, and interrupts it when the next
    keystroke makes its search stale. One reader per search: an interrupt on a connection
    shared with the next search would stop that one too.
    """

    def __init__(self, path: Path) -> None:
        self._conn = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro",
            uri=True,
            timeout=10.0,
            isolation_level=None,
            check_same_thread=False,
        )
        self._conn.row_factory = sqlite3.Row

    def interrupt(self) -> None:
        """Stop the query running now, from any thread (it raises `sqlite3.OperationalError`)."""
        try:
            self._conn.interrupt()
        except sqlite3.ProgrammingError:
            pass  # already closed: nothing is running

    def close(self) -> None:
        self._conn.close()
