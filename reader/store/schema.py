"""The store's schema, as an ordered list of migrations keyed by `PRAGMA user_version`.

Every release that changes the schema appends a migration; none is ever edited once released,
so a store written by any earlier release upgrades in place.
"""

from __future__ import annotations

import sqlite3

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
]

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
        # executescript commits first, so wrap the DDL and the version bump in one transaction.
        conn.executescript(
            "BEGIN;\n" + MIGRATIONS[number] + f"\nPRAGMA user_version = {number + 1};\nCOMMIT;"
        )
    return SCHEMA_VERSION
