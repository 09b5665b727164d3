"""`Query` -> SQL: a WHERE fragment with `?` parameters, and the ORDER BY terms."""

from __future__ import annotations

from datetime import UTC, datetime

from reader.query.model import Query


def _like(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _timestamp(moment: datetime) -> float:
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).timestamp()


def to_sql(query: Query) -> tuple[str, list[object]]:
    """A WHERE fragment over `articles a` and its `?` parameters; "1" when nothing filters.

    Needs `feeds (id, title)`, `tags (article_id, name)` and an FTS5 table `articles_fts`
    whose rowid is the article id. A naive `since`/`until` is taken as UTC.
    """
    clauses: list[str] = []
    params: list[object] = []
    if query.unread is not None:
        # The columns hold 0 or 1; "= 1" lets SQLite seek the index where "!= 0" scans it.
        clauses.append("a.read = 0" if query.unread else "a.read = 1")
    if query.bookmarked is not None:
        clauses.append("a.bookmarked = 1" if query.bookmarked else "a.bookmarked = 0")
    if query.since is not None:
        clauses.append("a.sort_ts >= ?")
        params.append(_timestamp(query.since))
    if query.until is not None:
        clauses.append("a.sort_ts < ?")
        params.append(_timestamp(query.until))
    if query.source is not None:
        clauses.append("a.source LIKE ? ESCAPE '\\'")
        params.append(_like(query.source))
    if query.feed is not None:
        clauses.append("a.feed_id IN (SELECT id FROM feeds WHERE title LIKE ? ESCAPE '\\')")
        params.append(_like(query.feed))
    for tag, negate in [(t, False) for t in query.tags] + [(t, True) for t in query.exclude_tags]:
        exists = "EXISTS (SELECT 1 FROM tags t WHERE t.article_id = a.id AND t.name = ?)"
        clauses.append(f"NOT {exists}" if negate else exists)
        params.append(tag)
    if query.text:
        clauses.append("a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
        params.append(query.text)
    return " AND ".join(clauses) or "1", params


_ORDER_BY: dict[str, str] = {
    "relevance": "",
    "date": "a.sort_ts DESC, a.id DESC",
    "oldest": "a.sort_ts ASC, a.id ASC",
    "title": "a.title COLLATE NOCASE ASC, a.sort_ts DESC, a.id DESC",
    "source": "a.source COLLATE NOCASE ASC, a.sort_ts DESC, a.id DESC",
    "length": "a.reading_minutes ASC, a.sort_ts DESC, a.id DESC",
}


def order_by(query: Query) -> str:
    """The ORDER BY terms (without the keywords) over `articles a`, ending in `a.id`.

    For `sort:relevance` this is "": FTS5's `rank` exists only where the caller joins the
    index itself, as in `... JOIN articles_fts fts ON fts.rowid = a.id WHERE <to_sql> AND
    articles_fts MATCH ? ORDER BY fts.rank, a.id DESC` (passing `query.text` once more).
    """
    return _ORDER_BY[query.sort]
