"""The store's schema, as an ordered list of migrations keyed by `PRAGMA user_version`.

Every release that changes the schema appends a migration; none is ever edited once released,
so a store written by any earlier release upgrades in place.
"""

from __future__ import annotations

import sqlite3
import zlib
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
    # 5: sync accounts. Each change of read or bookmark state on an article that came from an
    # account is queued by a trigger in the same transaction as the change itself, so it
    # survives a crash and every write path (one article, mark all, another process) is
    # covered. The sync engine writes the server's state with a row in sync_quiet, inside its
    # own transaction, so that what it applies is not queued back.
    """
    CREATE TABLE sync_accounts (
        name TEXT PRIMARY KEY,
        cursor TEXT,
        last_sync TEXT,
        last_error TEXT,
        last_attempt TEXT
    );
    CREATE TABLE sync_feeds (
        account TEXT NOT NULL,
        remote_id TEXT NOT NULL,
        url TEXT NOT NULL,
        title TEXT NOT NULL,
        folders TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (account, remote_id)
    ) WITHOUT ROWID;
    CREATE TABLE sync_items (
        account TEXT NOT NULL,
        item_id TEXT NOT NULL,
        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        PRIMARY KEY (account, item_id)
    ) WITHOUT ROWID;
    CREATE INDEX sync_items_article ON sync_items (article_id);
    CREATE TABLE sync_queue (
        id INTEGER PRIMARY KEY,
        account TEXT NOT NULL,
        item_id TEXT NOT NULL,
        field TEXT NOT NULL CHECK (field IN ('read', 'starred')),
        value INTEGER NOT NULL,
        queued_at TEXT NOT NULL
    );
    CREATE INDEX sync_queue_item ON sync_queue (account, item_id, field);
    CREATE TABLE sync_quiet (flag INTEGER NOT NULL);
    CREATE TRIGGER sync_queue_read AFTER UPDATE OF read ON articles
    WHEN OLD.read IS NOT NEW.read AND NOT EXISTS (SELECT 1 FROM sync_quiet)
    BEGIN
        INSERT INTO sync_queue (account, item_id, field, value, queued_at)
        SELECT account, item_id, 'read', NEW.read, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
        FROM sync_items WHERE article_id = NEW.id;
    END;
    CREATE TRIGGER sync_queue_starred AFTER UPDATE OF bookmarked ON articles
    WHEN OLD.bookmarked IS NOT NEW.bookmarked AND NOT EXISTS (SELECT 1 FROM sync_quiet)
    BEGIN
        INSERT INTO sync_queue (account, item_id, field, value, queued_at)
        SELECT account, item_id, 'starred', NEW.bookmarked, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
        FROM sync_items WHERE article_id = NEW.id;
    END;
    """,
    # 6: the text once. `body` becomes the article's JSON deflated (zlib; read only when an
    # article is opened), `text` its words in plain text, and the index reads its content from
    # `articles` (external content) instead of keeping a copy; triggers keep it in step (a
    # feed entry fetched again unchanged is not indexed again).
    # One prefix index, for 2 letters, where there was one for 2 and one for 3: at 100k the
    # index is 365 MB instead of 539 (216 with none) and writes in 0.27 ms an article instead
    # of 0.40; `re*` stays fast (one expansion 21 ms; 318 without it), `reg*` takes 41 ms
    # (4). 100k articles of 5 KB: 4.9x the text -> 2.4x.
    """
    ALTER TABLE articles ADD COLUMN text TEXT NOT NULL DEFAULT '';
    UPDATE articles SET
        text = coalesce((SELECT f.body FROM articles_fts f WHERE f.rowid = articles.id), ''),
        body = reader_deflate(body);
    DROP TABLE articles_fts;
    CREATE VIRTUAL TABLE articles_fts USING fts5 (
        title, text, source, content = 'articles', content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 2', prefix = '2'
    );
    INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
    CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts (rowid, title, text, source)
        VALUES (new.id, new.title, new.text, new.source);
    END;
    CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, text, source)
        VALUES ('delete', old.id, old.title, old.text, old.source);
    END;
    CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text, source ON articles
    WHEN old.title IS NOT new.title OR old.text IS NOT new.text OR old.source IS NOT new.source
    BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, text, source)
        VALUES ('delete', old.id, old.title, old.text, old.source);
        INSERT INTO articles_fts (rowid, title, text, source)
        VALUES (new.id, new.title, new.text, new.source);
    END;
    """,
]

# Python steps that follow a migration's SQL in the same transaction (data, not schema).
BACKFILLS: dict[int, Callable[[sqlite3.Connection], None]] = {}


def _backfill_search(conn: sqlite3.Connection) -> None:
    # Written for schema 3 (body as JSON text, an FTS table with its own content), and run
    # only on the way to it: migration 5 then moves the text and deflates the JSON.
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
STORE_FILE = "reader.sqlite3"
"""The store's file name in the data folder."""

DEFLATE_LEVEL = 1
"""zlib level for article JSON: 1 deflates twice as fast as the default (6), 10 % larger."""
_COMPACTED_AT = next(n + 1 for n, sql in enumerate(MIGRATIONS) if "reader_deflate" in sql)
"""The migration that freed most of a store's pages (the old index's copy of the text),
found by what it does rather than its number, so migrations may be reordered at a merge."""


def deflate(data: str | bytes) -> bytes:
    """An article's JSON as the store keeps it (`inflate` reverses it)."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return zlib.compress(raw, DEFLATE_LEVEL)


def inflate(body: str | bytes) -> str:
    """The JSON of a stored article; a `str` is JSON kept before schema 5 (not deflated)."""
    return body if isinstance(body, str) else zlib.decompress(body).decode("utf-8")



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
    conn.create_function("reader_deflate", 1, deflate, deterministic=True)
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
    if 0 < version < _COMPACTED_AT <= SCHEMA_VERSION:
        compact(conn)
    return SCHEMA_VERSION


def compact(conn: sqlite3.Connection) -> None:
    """Give freed pages back to the file system, and let later deletes do so in steps.

    A full VACUUM (a copy of the store) where auto_vacuum is not yet incremental, which is once
    per store; after that `PRAGMA incremental_vacuum` is cheap and frees only what is free.
    """
    if conn.execute("PRAGMA auto_vacuum").fetchone()[0] != 2:
        conn.execute("PRAGMA auto_vacuum = INCREMENTAL")
        conn.execute("VACUUM")
    else:
        conn.execute("PRAGMA incremental_vacuum")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


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
