"""The store's schema, as an ordered list of migrations keyed by `PRAGMA user_version`.

Every release that changes the schema appends a migration; none is ever edited once released,
so a store written by any earlier release upgrades in place.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

MIGRATIONS: list[str] = [
    # 1: articles with their state in one row, so one UPDATE is one state change.
    """
    CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        source TEXT NOT NULL,
        location TEXT NOT NULL,
        published TEXT,
        added TEXT NOT NULL,
        sort_ts REAL NOT NULL,
        reading_minutes INTEGER NOT NULL,
        body TEXT NOT NULL,
        read INTEGER NOT NULL DEFAULT 0,
        bookmarked INTEGER NOT NULL DEFAULT 0,
        position_section INTEGER NOT NULL DEFAULT 0,
        position_scroll REAL NOT NULL DEFAULT 0,
        read_at TEXT
    );
    -- The list is ordered newest first; these indexes serve every page, count and
    -- position query of the three list filters without a sort.
    CREATE INDEX articles_order ON articles (sort_ts DESC, id DESC);
    CREATE INDEX articles_unread ON articles (read, sort_ts DESC, id DESC);
    CREATE INDEX articles_bookmarked ON articles (bookmarked, sort_ts DESC, id DESC);
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    """,
    # 2: feed subscriptions, with what conditional requests and rate limits need.
    """
    CREATE TABLE feeds (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL DEFAULT '',
        link TEXT,
        etag TEXT,
        last_modified TEXT,
        checked_at TEXT,
        status TEXT NOT NULL DEFAULT 'new',
        retry_after TEXT,
        added TEXT NOT NULL
    );
    ALTER TABLE articles ADD COLUMN feed_id INTEGER REFERENCES feeds (id) ON DELETE SET NULL;
    ALTER TABLE articles ADD COLUMN link TEXT;
    CREATE INDEX articles_feed ON articles (feed_id, sort_ts DESC, id DESC);
    """,
    # 3: full-text search over every article's title, text and source, and tags.
    """
    CREATE VIRTUAL TABLE articles_fts USING fts5 (
        title, body, source, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
    );
    CREATE TABLE tags (
        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        PRIMARY KEY (article_id, name)
    ) WITHOUT ROWID;
    CREATE INDEX tags_name ON tags (name, article_id);
    CREATE INDEX articles_title ON articles (title COLLATE NOCASE, id);
    CREATE INDEX articles_source ON articles (source COLLATE NOCASE, id);
    CREATE INDEX articles_length ON articles (reading_minutes, id);
    """,
    # 4: unread and bookmarked together (u then B) from one index (100k: 20 ms -> well under 1).
    """
    CREATE INDEX articles_bookmarked_read ON articles (bookmarked, read, sort_ts DESC, id DESC);
    """,
]

# Python steps that follow a migration's SQL in the same transaction (data, not schema).
BACKFILLS: dict[int, Callable[[sqlite3.Connection], None]] = {}


def _backfill_search(conn: sqlite3.Connection) -> None:
    from reader.models import Article

    rows = conn.execute("SELECT id, title, source, body FROM articles").fetchall()
    for article_id, title, source, body in rows:
        text = Article.model_validate_json(body).body_text()
        conn.execute(
            "INSERT INTO articles_fts (rowid, title, body, source) VALUES (?, ?, ?, ?)",
            (article_id, title, text, source),
        )


BACKFILLS[3] = _backfill_search

SCHEMA_VERSION = len(MIGRATIONS)



class SchemaTooNew(Exception):
    """The store was written by a newer release of reader."""


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the store up to `SCHEMA_VERSION`, one transaction per migration."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise SchemaTooNew(
            f"the store has schema version {version}, newer than this reader knows "
            f"({SCHEMA_VERSION}); upgrade reader to open it"
        )
    for number in range(version, SCHEMA_VERSION):
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in _statements(MIGRATIONS[number]):
                conn.execute(statement)
            if backfill := BACKFILLS.get(number + 1):
                backfill(conn)
            conn.execute(f"PRAGMA user_version = {number + 1}")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    return SCHEMA_VERSION


def _statements(script: str) -> list[str]:
    """Split a migration into statements (executescript would commit half-way)."""
    statements, current = [], ""
    for line in script.splitlines(keepends=True):
        if line.strip().startswith("--"):
            continue
        current += line
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    if current.strip():
        statements.append(current.strip())
    return statements
