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
from reader.query import Query, order_by, to_sql

LIST_COLUMNS = "a.id, a.title, a.source, a.read, a.bookmarked, a.reading_minutes, a.published"
_DATE_ORDER = "a.sort_ts DESC, a.id DESC"
ALL = Query()
"""Every article, newest first."""


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


def _ranked(query: Query) -> bool:
    return bool(query.text) and query.sort == "relevance"


def _text_only(query: Query) -> bool:
    """A text search and nothing else: the FTS table alone can count and rank it."""
    return bool(query.text) and replace(query, text="", sort="date") == ALL


def _from_where(query: Query) -> tuple[str, list[object]]:
    """FROM ... WHERE ... for a query.

    A search ranked by relevance joins the FTS table for its `rank` and matches there;
    otherwise the text condition is a subquery in the WHERE clause.
    """
    if _ranked(query):
        # The WHERE keeps its own `id IN (MATCH ...)` too: redundant, but with it SQLite
        # plans filtered searches from the small side (measured: 425 ms, not 1,200, at 100k).
        where, params = to_sql(query)
        return (
            "FROM articles a JOIN articles_fts f ON f.rowid = a.id"
            f" WHERE articles_fts MATCH ? AND {where}",
            [query.text, *params],
        )
    where, params = to_sql(query)
    return f"FROM articles a WHERE {where}", params


def _order(query: Query) -> str:
    if _ranked(query):
        return "f.rank, a.id DESC"
    return order_by(query) or _DATE_ORDER


class ListQueries:
    """The list half of `Store` (a mixin over the store's connection)."""

    _conn: sqlite3.Connection

    def count(self, query: Query = ALL) -> int:
        if _text_only(query):
            # Every article has one FTS row: counting there skips a join over every match
            # (a word in every article at 100k: 140 -> 14 ms).
            sql = "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?"
            return self._conn.execute(sql, [query.text]).fetchone()[0]
        # Order does not change a count; unranked, the text is an `IN (MATCH)` SQLite can
        # plan from the filters' index (word + filters at 100k: 258 -> 23 ms).
        source, params = _from_where(replace(query, sort="date"))
        return self._conn.execute(f"SELECT count(*) {source}", params).fetchone()[0]

    def page(self, query: Query, offset: int, limit: int) -> list[ListItem]:
        if query.text:
            return [
                hit.item.model_copy(update={"snippet": hit.snippet})
                for hit in self.search(query, limit, offset)
            ]
        source, params = _from_where(query)
        sql = f"SELECT {LIST_COLUMNS} {source} ORDER BY {_order(query)} LIMIT ? OFFSET ?"
        return [list_item(row) for row in self._conn.execute(sql, [*params, limit, offset])]

    def position(self, article_id: int, query: Query = ALL) -> int | None:
        """The row an article stands at in the list, or None if the query hides it."""
        source, params = _from_where(query)
        if _order(query) == _DATE_ORDER:
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
            f" (ORDER BY {_order(query)}) - 1 AS position {source}) WHERE id = ?"
        )
        row = self._conn.execute(sql, [*params, article_id]).fetchone()
        return None if row is None else row[0]

    def ids(self, query: Query) -> list[int]:
        """Every id the query admits, in list order."""
        source, params = _from_where(query)
        sql = f"SELECT a.id {source} ORDER BY {_order(query)}"
        return [row[0] for row in self._conn.execute(sql, params)]

    def next_unread(self, after_id: int, query: Query = ALL) -> int | None:
        """The next unread article below `after_id` in list order, wrapping to the top."""
        unread = replace(query, unread=True)
        source, params = _from_where(unread)
        order = _order(unread)
        if order == _DATE_ORDER:
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
            numbered, all_params = _from_where(query)
            below = self._conn.execute(
                f"SELECT id FROM (SELECT a.id AS id, a.read AS read, row_number() OVER"
                f" (ORDER BY {_order(query)}) - 1 AS position {numbered})"
                " WHERE read = 0 AND position > ? ORDER BY position LIMIT 1",
                [*all_params, -1 if here is None else here],
            ).fetchone()
            if below is not None and below[0] != after_id:
                return below[0]
        top = self._conn.execute(
            f"SELECT a.id {source} AND a.id != ? ORDER BY {order} LIMIT 1", [*params, after_id]
        ).fetchone()
        return None if top is None else top[0]

    def search(self, query: Query, limit: int = 100, offset: int = 0) -> list[SearchHit]:
        """Ranked hits with a snippet around the matched words (needs `query.text`).

        The page's ids are found first and only then its rows and snippets: SQLite computes a
        result column for every row before it sorts, so a snippet in the ranked query itself
        was made for every match (a word in every article at 100k: 938 -> 360 ms).
        """
        if not query.text:
            return [SearchHit(item=item, snippet="") for item in self.page(query, offset, limit)]
        if _text_only(query) and _ranked(query):
            sql = (
                "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?"
                " ORDER BY rank, rowid DESC LIMIT ? OFFSET ?"
            )
            params: list[object] = [query.text]
        else:
            source, params = _from_where(query)
            sql = f"SELECT a.id {source} ORDER BY {_order(query)} LIMIT ? OFFSET ?"
        ids = [row[0] for row in self._conn.execute(sql, [*params, limit, offset])]
        if not ids:
            return []
        marks = ", ".join("?" * len(ids))
        rows = {
            row["id"]: row
            for row in self._conn.execute(
                f"SELECT {LIST_COLUMNS} FROM articles a WHERE a.id IN ({marks})", ids
            )
        }
        snippets = dict(
            self._conn.execute(
                "SELECT rowid, snippet(articles_fts, 1, char(2), char(3), '…', 16)"
                f" FROM articles_fts WHERE articles_fts MATCH ? AND rowid IN ({marks})",
                [query.text, *ids],
            ).fetchall()
        )
        return [
            SearchHit(item=list_item(rows[i]), snippet=snippets.get(i, ""))
            for i in ids
            if i in rows
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
