"""The local store: every article and its read, bookmark and position state, in SQLite.

Each change is one transaction; the database runs in WAL mode so a reader process and a
writer process can share it. The list is served in pages, never loaded whole.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from reader.models import Article, ArticleState, ListItem, StoredArticle
from reader.store.feeds import FeedQueries
from reader.store.listing import LIST_COLUMNS, ListQueries, ListReader, list_item
from reader.store.schema import SchemaTooNew, migrate
from reader.store.sync_state import SyncStateQueries
from reader.store.tags import TagQueries

STORE_FILE = "reader.sqlite3"

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


class StoreError(Exception):
    """The store cannot be opened or written; the message is one line for the user."""


def _index(conn: sqlite3.Connection, article_id: int, article: Article) -> None:
    conn.execute(
        "INSERT INTO articles_fts (rowid, title, body, source) VALUES (?, ?, ?, ?)",
        (article_id, article.title, article.body_text(), article.source),
    )


def _is_corrupt(error: sqlite3.DatabaseError) -> bool:
    message = str(error).lower()
    return "not a database" in message or "malformed" in message or "corrupt" in message


def _move_aside(path: Path, now: datetime) -> Path:
    """Keep a damaged store for inspection, out of the way of a new one."""
    target = path.with_name(f"{path.name}.corrupt-{now:%Y%m%d-%H%M%S}")
    for suffix in ("", "-wal", "-shm"):
        source = Path(f"{path}{suffix}")
        if source.exists():
            source.replace(Path(f"{target}{suffix}"))
    return target


class Store(ListQueries, FeedQueries, TagQueries, SyncStateQueries):
    """One open store. Not thread-safe: use it from one thread (the app's or the CLI's)."""

    def __init__(self, path: Path, *, clock: Clock = utc_now) -> None:
        self.path = path
        self._clock = clock
        self.moved_aside: Path | None = None
        """Where an unreadable store file was moved before a new one was started, if it was."""
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(
                f"{path.parent}: cannot create the data folder ({error.strerror})"
            ) from None
        if path.exists() and not os.access(path.parent, os.W_OK):
            raise StoreError(f"{path.parent}: the data folder is read-only")
        try:
            self._conn = self._connect()
        except sqlite3.DatabaseError as error:
            if not _is_corrupt(error):
                raise StoreError(f"{path}: cannot open the store ({error})") from None
            self.moved_aside = _move_aside(path, clock())
            try:
                self._conn = self._connect()
            except sqlite3.DatabaseError as again:
                raise StoreError(f"{path}: cannot open the store ({again})") from None

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=10.0, isolation_level=None)
        try:
            conn.row_factory = sqlite3.Row
            # A long busy timeout: a second reader process waits its turn instead of failing.
            conn.execute("PRAGMA busy_timeout = 10000")
            conn.execute("PRAGMA journal_mode = WAL")
            # FULL: a change that was committed survives power loss, not only a crash.
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            migrate(conn)
        except SchemaTooNew as error:
            conn.close()
            raise StoreError(f"{self.path}: {error}") from None
        except BaseException:
            conn.close()
            raise
        return conn

    @classmethod
    def in_dir(cls, data_dir: Path, *, clock: Clock = utc_now) -> Store:
        return cls(data_dir / STORE_FILE, clock=clock)

    def close(self) -> None:
        self._conn.close()

    def list_reader(self) -> ListReader:
        """The list's queries on a new read-only connection, usable from another thread."""
        return ListReader(self.path)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def _write(self, sql: str, params: Iterable[object] = ()) -> sqlite3.Cursor:
        try:
            with self._conn:
                return self._conn.execute(sql, tuple(params))
        except sqlite3.OperationalError as error:
            raise StoreError(f"{self.path}: cannot write to the store ({error})") from None

    # -- meta ------------------------------------------------------------------------------

    def get_meta(self, key: str) -> str | None:
        row = self._conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else row["value"]

    def set_meta(self, key: str, value: str) -> None:
        self._write(
            "INSERT INTO meta (key, value) VALUES (?, ?)"
            " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    # -- articles --------------------------------------------------------------------------

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, taken up front so two processes never deadlock."""
        try:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")
        except sqlite3.OperationalError as error:
            raise StoreError(f"{self.path}: cannot write to the store ({error})") from None

    def add(self, article: Article) -> tuple[int, bool]:
        """Store an article; the same article again updates its text and keeps its state.

        Returns the article's id and whether it was new.
        """
        return self.add_many([article])[0]

    def add_many(
        self, articles: Iterable[Article], *, feed_id: int | None = None
    ) -> list[tuple[int, bool]]:
        """Store several articles in one transaction (fast, and all-or-nothing).

        An article already stored (same `uid`) has its text updated and its state kept.
        """
        now = self._clock()
        results: list[tuple[int, bool]] = []
        with self._transaction() as conn:
            for article in articles:
                published = article.published.isoformat() if article.published else None
                body = article.model_dump_json(exclude={"uid", "word_count", "reading_minutes"})
                content = (
                    article.title,
                    article.source,
                    article.location,
                    published,
                    article.reading_minutes,
                    body,
                    article.link,
                    feed_id,
                )
                existing = conn.execute(
                    "SELECT id FROM articles WHERE uid = ?", (article.uid,)
                ).fetchone()
                if existing is not None:
                    conn.execute(
                        "UPDATE articles SET title = ?, source = ?, location = ?, published = ?,"
                        " reading_minutes = ?, body = ?, link = ?, feed_id = coalesce(?, feed_id)"
                        " WHERE id = ?",
                        (*content, existing["id"]),
                    )
                    conn.execute("DELETE FROM articles_fts WHERE rowid = ?", (existing["id"],))
                    _index(conn, existing["id"], article)
                    results.append((existing["id"], False))
                    continue
                sort_ts = (article.published or now).timestamp()
                cursor = conn.execute(
                    "INSERT INTO articles (title, source, location, published, reading_minutes,"
                    " body, link, feed_id, uid, added, sort_ts)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (*content, article.uid, now.isoformat(), sort_ts),
                )
                assert cursor.lastrowid is not None
                _index(conn, cursor.lastrowid, article)
                results.append((cursor.lastrowid, True))
        return results

    def get(self, article_id: int) -> StoredArticle | None:
        row = self._conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            return None
        return StoredArticle(
            id=row["id"],
            article=Article.model_validate_json(row["body"]),
            state=ArticleState(
                read=bool(row["read"]),
                bookmarked=bool(row["bookmarked"]),
                section=row["position_section"],
                scroll=row["position_scroll"],
            ),
            added=datetime.fromisoformat(row["added"]),
        )

    def item(self, article_id: int) -> ListItem | None:
        row = self._conn.execute(
            f"SELECT {LIST_COLUMNS} FROM articles a WHERE a.id = ?", (article_id,)
        ).fetchone()
        return None if row is None else list_item(row)

    # -- state -----------------------------------------------------------------------------

    def _require(self, cursor: sqlite3.Cursor, article_id: int) -> None:
        if cursor.rowcount == 0:
            raise KeyError(article_id)

    def set_read(self, article_id: int, read: bool = True) -> None:
        read_at = self._clock().isoformat() if read else None
        cursor = self._write(
            "UPDATE articles SET read = ?, read_at = ? WHERE id = ?",
            (int(read), read_at, article_id),
        )
        self._require(cursor, article_id)

    def set_read_many(self, article_ids: Iterable[int], read: bool = True) -> None:
        """Mark many articles in one transaction (mark all read, undo)."""
        read_at = self._clock().isoformat() if read else None
        with self._transaction() as conn:
            conn.executemany(
                "UPDATE articles SET read = ?, read_at = ? WHERE id = ?",
                ((int(read), read_at, article_id) for article_id in article_ids),
            )

    def set_bookmarked(self, article_id: int, bookmarked: bool = True) -> None:
        cursor = self._write(
            "UPDATE articles SET bookmarked = ? WHERE id = ?", (int(bookmarked), article_id)
        )
        self._require(cursor, article_id)

    def set_position(self, article_id: int, section: int, scroll: float) -> None:
        cursor = self._write(
            "UPDATE articles SET position_section = ?, position_scroll = ? WHERE id = ?",
            (section, scroll, article_id),
        )
        self._require(cursor, article_id)
