"""Feed subscriptions in the store: add, list, record what each refresh found."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import datetime
from pathlib import Path

from reader.models import Feed

_FEED_COLUMNS = (
    "feeds.id, url, feeds.title, feeds.link, etag, last_modified, checked_at, status,"
    " retry_after, (SELECT count(*) FROM articles WHERE feed_id = feeds.id) AS articles"
)


def _feed(row: sqlite3.Row) -> Feed:
    return Feed(
        id=row["id"],
        url=row["url"],
        title=row["title"],
        link=row["link"],
        etag=row["etag"],
        last_modified=row["last_modified"],
        checked_at=row["checked_at"],
        status=row["status"],
        retry_after=row["retry_after"],
        articles=row["articles"],
    )


class FeedQueries:
    """The feed half of `Store` (a mixin: it uses the store's connection and clock)."""

    path: Path
    _conn: sqlite3.Connection
    _clock: Callable[[], datetime]
    _transaction: Callable[[], AbstractContextManager[sqlite3.Connection]]

    def add_feed(self, url: str, title: str = "") -> tuple[int, bool]:
        """Subscribe to a feed; subscribing again changes nothing. Returns (id, new)."""
        with self._transaction() as conn:
            row = conn.execute("SELECT id FROM feeds WHERE url = ?", (url,)).fetchone()
            if row is not None:
                return row["id"], False
            cursor = conn.execute(
                "INSERT INTO feeds (url, title, added) VALUES (?, ?, ?)",
                (url, title, self._clock().isoformat()),
            )
            assert cursor.lastrowid is not None
            return cursor.lastrowid, True

    def feeds(self) -> list[Feed]:
        sql = f"SELECT {_FEED_COLUMNS} FROM feeds ORDER BY lower(feeds.title), url"
        return [_feed(row) for row in self._conn.execute(sql)]

    def feed(self, feed_id: int) -> Feed | None:
        row = self._conn.execute(
            f"SELECT {_FEED_COLUMNS} FROM feeds WHERE id = ?", (feed_id,)
        ).fetchone()
        return None if row is None else _feed(row)

    def feed_by_url(self, url: str) -> Feed | None:
        row = self._conn.execute(
            f"SELECT {_FEED_COLUMNS} FROM feeds WHERE url = ?", (url,)
        ).fetchone()
        return None if row is None else _feed(row)

    def remove_feed(self, feed_id: int) -> None:
        """Unsubscribe. The feed's articles stay, with their state."""
        with self._transaction() as conn:
            conn.execute("UPDATE articles SET feed_id = NULL WHERE feed_id = ?", (feed_id,))
            if conn.execute("DELETE FROM feeds WHERE id = ?", (feed_id,)).rowcount == 0:
                raise KeyError(feed_id)

    def record_refresh(
        self,
        feed_id: int,
        *,
        status: str,
        title: str | None = None,
        link: str | None = None,
        etag: str | None = None,
        last_modified: str | None = None,
        retry_after: datetime | None = None,
    ) -> None:
        """Note what a refresh found. Validators are only replaced when the server sent new ones."""
        with self._transaction() as conn:
            conn.execute(
                "UPDATE feeds SET status = ?, checked_at = ?, retry_after = ?,"
                " title = coalesce(?, title), link = coalesce(?, link),"
                " etag = coalesce(?, etag), last_modified = coalesce(?, last_modified)"
                " WHERE id = ?",
                (
                    status,
                    self._clock().isoformat(),
                    retry_after.isoformat() if retry_after else None,
                    title,
                    link,
                    etag,
                    last_modified,
                    feed_id,
                ),
            )
