"""The SQL of the list and of search, over a plain `sqlite3` connection: no models.

`ListQueries` (the store, the app) wraps these rows in models; `reader search` on the command
line prints them straight, so that it starts without importing pydantic.
"""

from __future__ import annotations

import sqlite3
from dataclasses import replace

from reader.query import Query, order_by, to_sql

LIST_COLUMNS = "a.id, a.title, a.source, a.read, a.bookmarked, a.reading_minutes, a.published"
DATE_ORDER = "a.sort_ts DESC, a.id DESC"
ALL = Query()
"""Every article, newest first."""
RANKED_NEWEST = 2000
"""A text search ranks this many of its newest matches by relevance (see `ranked_newest`)."""
PREFIX = '"*'
"""How `reader.query` writes a prefix search in FTS5 syntax (`regul*` -> `"regul"*`)."""


def ranked(query: Query) -> bool:
    return bool(query.text) and query.sort == "relevance"


def text_only(query: Query) -> bool:
    """A text search and nothing else: the FTS table alone can count and rank it."""
    return bool(query.text) and replace(query, text="", sort="date") == ALL


def from_where(query: Query) -> tuple[str, list[object]]:
    """FROM ... WHERE ... for a query.

    A search ranked by relevance joins the FTS table for its `rank` and matches there;
    otherwise the text condition is a subquery in the WHERE clause.
    """
    if ranked(query):
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


def order(query: Query) -> str:
    if ranked(query):
        return "f.rank, a.id DESC"
    return order_by(query) or DATE_ORDER


def hit_rows(
    conn: sqlite3.Connection, query: Query, limit: int, offset: int, matches: int | None = None
) -> list[tuple[sqlite3.Row, str]]:
    """A search's page: each hit's list row (`LIST_COLUMNS`) and its snippet.

    The page's ids are found first and only then its rows and snippets: SQLite computes a
    result column for every row before it sorts, so a snippet in the ranked query itself
    was made for every match (a word in every article at 100k: 938 -> 360 ms).
    """
    if ranked(query):
        ids = ranked_newest(conn, query, limit, offset, matches)
    else:
        source, params = from_where(query)
        sql = f"SELECT a.id {source} ORDER BY {order(query)} LIMIT ? OFFSET ?"
        ids = [row[0] for row in conn.execute(sql, [*params, limit, offset])]
    if not ids:
        return []
    marks = ", ".join("?" * len(ids))
    rows = {
        row[0]: row
        for row in conn.execute(
            f"SELECT {LIST_COLUMNS} FROM articles a WHERE a.id IN ({marks})", ids
        )
    }
    snippet_sql = (
        "SELECT rowid, snippet(articles_fts, 1, char(2), char(3), '…', 16)"
        " FROM articles_fts WHERE articles_fts MATCH ? AND "
    )
    if PREFIX in query.text:
        # FTS5 takes `rowid IN (...)` as one lookup per id, each expanding the prefix over
        # every word that has it (60 x 4 ms for `regul*` at 100k). `+rowid` keeps the IN
        # out of the index: one pass over the matches between the page's ids instead.
        sql = f"{snippet_sql}rowid BETWEEN ? AND ? AND +rowid IN ({marks})"
        params = [query.text, min(ids), max(ids), *ids]
    else:
        sql = f"{snippet_sql}rowid IN ({marks})"
        params = [query.text, *ids]
    snippets = dict(conn.execute(sql, params).fetchall())
    return [(rows[i], snippets.get(i, "")) for i in ids if i in rows]


def ranked_newest(
    conn: sqlite3.Connection, query: Query, limit: int, offset: int, matches: int | None = None
) -> list[int]:
    """A ranked search's ids by relevance among its `RANKED_NEWEST` newest matches, then
    every older match, newest first ("newest": the most recently added, the highest ids).

    bm25 costs the same for each match, so ranking every match of a word most articles
    hold took 300 ms at 100k; the newest few thousand rank in a few. Every match is still
    there, once, in `count` and in the pages: the older ones follow, by age. `matches`, the
    count when the caller has it, picks the plan for a search with filters.
    """
    filters, params = to_sql(replace(query, text=""))
    if filters != "1" and matches is not None and matches <= RANKED_NEWEST:
        # Few matches: let SQLite start from the filters' side (an index on a tag or a
        # state) instead of walking every match of the words; all of them are ranked.
        source, all_params = from_where(query)
        sql = f"SELECT a.id {source} ORDER BY f.rank, a.id DESC LIMIT ? OFFSET ?"
        return [r[0] for r in conn.execute(sql, [*all_params, limit, offset])]
    # The index drives (CROSS JOIN keeps it outside): it yields its matches newest first
    # without a sort, and each match's row is then checked against the filters by its id.
    source = "FROM articles_fts f WHERE articles_fts MATCH ?"
    if filters != "1":
        source = (
            "FROM articles_fts f CROSS JOIN articles a ON a.id = f.rowid"
            f" WHERE articles_fts MATCH ? AND {filters}"
        )
    params = [query.text, *params]
    row = conn.execute(
        f"SELECT f.rowid {source} ORDER BY f.rowid DESC LIMIT 1 OFFSET ?",
        [*params, RANKED_NEWEST - 1],
    ).fetchone()
    ranked_sql = f"SELECT f.rowid {source} AND f.rowid >= ? ORDER BY f.rank, f.rowid DESC"
    if row is None:  # fewer matches than that: rank them all
        sql = f"{ranked_sql} LIMIT ? OFFSET ?"
        return [r[0] for r in conn.execute(sql, [*params, 0, limit, offset])]
    oldest_ranked = row[0]
    ids: list[int] = []
    if offset < RANKED_NEWEST:
        sql = f"{ranked_sql} LIMIT ? OFFSET ?"
        page = min(limit, RANKED_NEWEST - offset)
        ids = [r[0] for r in conn.execute(sql, [*params, oldest_ranked, page, offset])]
    if len(ids) < limit:
        sql = f"SELECT f.rowid {source} AND f.rowid < ? ORDER BY f.rowid DESC LIMIT ? OFFSET ?"
        tail = [*params, oldest_ranked, limit - len(ids), max(0, offset - RANKED_NEWEST)]
        ids += [r[0] for r in conn.execute(sql, tail)]
    return ids
