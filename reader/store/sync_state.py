"""What sync keeps in the store: accounts' progress, the item-id map and the change queue.

The queue is filled by triggers (schema migration 5), in the same transaction as the local
change. Everything the sync engine writes from the server runs with a row in `sync_quiet`,
inside one transaction, so that it is never queued back to the server.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class AccountProgress:
    name: str
    cursor: str | None
    last_sync: str | None
    last_error: str | None
    last_attempt: str | None
    pending: int


@dataclass(frozen=True)
class QueuedChange:
    queue_id: int
    item_id: str
    field: str
    value: bool


class SyncStateQueries:
    """The sync half of `Store` (a mixin over the store's connection and clock)."""

    _conn: sqlite3.Connection
    _clock: Callable[[], datetime]
    _transaction: Callable[[], AbstractContextManager[sqlite3.Connection]]

    @contextmanager
    def _quiet(self) -> Iterator[sqlite3.Connection]:
        """A transaction whose state changes are not queued (they came from the server)."""
        with self._transaction() as conn:
            conn.execute("INSERT INTO sync_quiet (flag) VALUES (1)")
            yield conn
            conn.execute("DELETE FROM sync_quiet")

    # -- accounts --------------------------------------------------------------------------

    def sync_progress(self, name: str) -> AccountProgress:
        row = self._conn.execute(
            "SELECT name, cursor, last_sync, last_error, last_attempt,"
            " (SELECT count(*) FROM sync_queue WHERE account = a.name) AS pending"
            " FROM sync_accounts a WHERE name = ?", (name,),
        ).fetchone()
        if row is None:
            return AccountProgress(name, None, None, None, None, 0)
        return AccountProgress(*row)

    def sync_record(self, name: str, *, error: str | None, cursor: str | None = None) -> None:
        """Note a sync's end: success (error None) moves the cursor and the last-sync time."""
        now = self._clock().isoformat()
        with self._transaction() as conn:
            conn.execute("INSERT OR IGNORE INTO sync_accounts (name) VALUES (?)", (name,))
            if error is None:
                conn.execute(
                    "UPDATE sync_accounts SET cursor = coalesce(?, cursor), last_sync = ?,"
                    " last_error = NULL, last_attempt = ? WHERE name = ?",
                    (cursor, now, now, name),
                )
            else:
                conn.execute(
                    "UPDATE sync_accounts SET last_error = ?, last_attempt = ? WHERE name = ?",
                    (error, now, name),
                )

    def sync_forget(self, name: str) -> None:
        """Remove an account's sync data; its articles stay, as local articles."""
        with self._transaction() as conn:
            for table, column in (("sync_accounts", "name"), ("sync_feeds", "account"),
                                  ("sync_items", "account"), ("sync_queue", "account")):
                conn.execute(f"DELETE FROM {table} WHERE {column} = ?", (name,))

    # -- feeds and items -------------------------------------------------------------------

    def sync_save_feeds(self, account: str, feeds: Iterable[tuple[str, str, str, str]]) -> None:
        """(remote id, url, title, folders joined by newlines) for every feed on the server."""
        with self._transaction() as conn:
            conn.execute("DELETE FROM sync_feeds WHERE account = ?", (account,))
            conn.executemany(
                "INSERT OR REPLACE INTO sync_feeds (account, remote_id, url, title, folders)"
                " VALUES (?, ?, ?, ?, ?)", ((account, *feed) for feed in feeds),
            )

    def sync_known_items(self, account: str) -> set[str]:
        rows = self._conn.execute("SELECT item_id FROM sync_items WHERE account = ?", (account,))
        return {row[0] for row in rows}

    def sync_article_id(self, account: str, item_id: str) -> int | None:
        row = self._conn.execute(
            "SELECT article_id FROM sync_items WHERE account = ? AND item_id = ?",
            (account, item_id),
        ).fetchone()
        return None if row is None else row[0]

    def sync_link_items(
        self, account: str, items: Iterable[tuple[str, int, bool, bool, list[str]]]
    ) -> None:
        """Map new items to their articles and give them the server's state and tags.

        Each is (item id, article id, read, starred, tags); state from the server is not queued.
        """
        now = self._clock().isoformat()
        with self._quiet() as conn:
            for item_id, article_id, read, starred, tags in items:
                conn.execute(
                    "INSERT OR REPLACE INTO sync_items (account, item_id, article_id)"
                    " VALUES (?, ?, ?)", (account, item_id, article_id),
                )
                pending = self._pending_fields(conn, account, item_id)
                if "read" not in pending:
                    conn.execute(
                        "UPDATE articles SET read = ?, read_at = CASE WHEN ? THEN"
                        " coalesce(read_at, ?) END WHERE id = ? AND read IS NOT ?",
                        (int(read), int(read), now, article_id, int(read)),
                    )
                if "starred" not in pending:
                    conn.execute(
                        "UPDATE articles SET bookmarked = ? WHERE id = ? AND bookmarked IS NOT ?",
                        (int(starred), article_id, int(starred)),
                    )
                conn.executemany(
                    "INSERT OR IGNORE INTO tags (article_id, name) VALUES (?, ?)",
                    ((article_id, tag) for tag in tags),
                )

    @staticmethod
    def _pending_fields(conn: sqlite3.Connection, account: str, item_id: str) -> set[str]:
        rows = conn.execute(
            "SELECT DISTINCT field FROM sync_queue WHERE account = ? AND item_id = ?",
            (account, item_id),
        )
        return {row[0] for row in rows}

    def sync_apply_state(self, account: str, unread: set[str], starred: set[str]) -> int:
        """Make every known item's read and bookmark state the server's, except where a local
        change is still queued (that change wins; it goes to the server at the next push).

        Returns how many articles changed.
        """
        now = self._clock().isoformat()
        changed = 0
        with self._quiet() as conn:
            conn.execute("CREATE TEMP TABLE IF NOT EXISTS sync_set (kind TEXT, item_id TEXT,"
                         " PRIMARY KEY (kind, item_id)) WITHOUT ROWID")
            conn.execute("DELETE FROM temp.sync_set")
            conn.executemany("INSERT OR IGNORE INTO temp.sync_set VALUES ('read', ?)",
                             ((i,) for i in unread))
            conn.executemany("INSERT OR IGNORE INTO temp.sync_set VALUES ('starred', ?)",
                             ((i,) for i in starred))
            # `kind` names the queue's field; the set holds the ids whose flag is "on" for
            # starred and "off" for read (the server lists unread ids).
            for column, field, in_set in (("read", "read", 0), ("bookmarked", "starred", 1)):
                for value in (0, 1):
                    member = "" if value == in_set else "NOT"
                    cursor = conn.execute(
                        f"UPDATE articles SET {column} = ?"
                        + (", read_at = CASE WHEN ? THEN coalesce(read_at, ?) END"
                           if column == "read" else "")
                        + f" WHERE {column} <> ? AND id IN (SELECT s.article_id FROM sync_items s"
                        " WHERE s.account = ? AND s.item_id"
                        f" {member} IN (SELECT item_id FROM temp.sync_set WHERE kind = ?)"
                        " AND NOT EXISTS (SELECT 1 FROM sync_queue q WHERE q.account = s.account"
                        " AND q.item_id = s.item_id AND q.field = ?))",
                        ((value, value, now) if column == "read" else (value,))
                        + (value, account, field, field),
                    )
                    changed += cursor.rowcount
            conn.execute("DELETE FROM temp.sync_set")
        return changed

    # -- the queue -------------------------------------------------------------------------

    def sync_pending(self, account: str) -> list[QueuedChange]:
        """Queued changes, oldest first, only the latest per item and field."""
        rows = self._conn.execute(
            "SELECT max(id) AS id, item_id, field FROM sync_queue WHERE account = ?"
            " GROUP BY item_id, field ORDER BY min(id)", (account,),
        ).fetchall()
        values = dict(self._conn.execute(
            "SELECT id, value FROM sync_queue WHERE account = ?", (account,)
        ).fetchall())
        return [QueuedChange(row[0], row[1], row[2], bool(values[row[0]])) for row in rows]

    def sync_pushed(self, account: str, up_to: int) -> None:
        """Drop queued changes the server took (those queued later stay)."""
        with self._transaction() as conn:
            conn.execute("DELETE FROM sync_queue WHERE account = ? AND id <= ?", (account, up_to))

    def sync_pending_count(self, account: str | None = None) -> int:
        if account is None:
            return self._conn.execute("SELECT count(*) FROM sync_queue").fetchone()[0]
        row = self._conn.execute("SELECT count(*) FROM sync_queue WHERE account = ?", (account,))
        return row.fetchone()[0]
