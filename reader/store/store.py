"""The local store: every article and its read, bookmark and position state, in SQLite.

Each change is one transaction; the database runs in WAL mode so a reader process and a
writer process can share it. The list is served in pages, never loaded whole.
"""

from __future__ import annotations

import math
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from reader.models import WORDS_PER_MINUTE, Article, ArticleState, ListItem, StoredArticle
from reader.store.feeds import FeedQueries
from reader.store.listing import LIST_COLUMNS, ListQueries, ListReader, list_item
from reader.store.schema import STORE_FILE, SchemaTooNew, deflate, inflate, migrate
from reader.store.sync_state import SyncStateQueries
from reader.store.tags import TagQueries

__all__ = ["STORE_FILE", "PreparedArticle", "Store", "StoreError", "prepare"]

WAL_LIMIT_BYTES = 64 * 1024 * 1024

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


class StoreError(Exception):
    """The store cannot be opened or written; the message is one line for the user."""


@dataclass(frozen=True, slots=True)
class PreparedArticle:
    """An article as the columns of its row: made by `prepare`, anywhere (it is picklable)."""

    uid: str
    title: str
    source: str
    location: str
    published: str | None
    published_ts: float | None
    reading_minutes: int
    body: bytes
    text: str
    link: str | None


def prepare(article: Article) -> PreparedArticle:
    """The row for an article: its JSON deflated and its words as plain text, for the index.

    Pure and picklable, so an import can do it in its worker processes. Fields at their
    default are left out of the JSON (validation puts them back): a third less to deflate.
    """
    text = article.body_text()
    words = len(text.split())
    return PreparedArticle(
        uid=article.uid,
        title=article.title,
        source=article.source,
        location=article.location,
        published=article.published.isoformat() if article.published else None,
        published_ts=article.published.timestamp() if article.published else None,
        reading_minutes=max(1, math.ceil(words / WORDS_PER_MINUTE)),
        body=deflate(
            article.model_dump_json(
                exclude={"uid", "word_count", "reading_minutes"}, exclude_defaults=True
            )
        ),
        text=text,
        link=article.link,
    )


def _existing_ids(conn: sqlite3.Connection, uids: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for start in range(0, len(uids), 500):
        chunk = uids[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        rows = conn.execute(f"SELECT uid, id FROM articles WHERE uid IN ({marks})", chunk)
        found.update((row[0], row[1]) for row in rows)
    return found


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
            # Takes effect on a new file only (before WAL mode writes its first page); a
            # store made before schema 5 gets it from the one VACUUM of `schema.compact`.
            conn.execute("PRAGMA auto_vacuum = INCREMENTAL")
            conn.execute("PRAGMA journal_mode = WAL")
            # A log that grew during a long write is cut back to this when it is next reset.
            conn.execute(f"PRAGMA journal_size_limit = {WAL_LIMIT_BYTES}")
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
        return self.add_prepared([prepare(article) for article in articles], feed_id=feed_id)

    def add_prepared(
        self, rows: Sequence[PreparedArticle], *, feed_id: int | None = None
    ) -> list[tuple[int, bool]]:
        """`add_many` for articles already turned into rows (`prepare`, e.g. in a worker)."""
        now = self._clock()
        results: list[tuple[int, bool]] = []
        with self._transaction() as conn:
            existing = _existing_ids(conn, [row.uid for row in rows])
            for row in rows:
                content = (
                    row.title, row.source, row.location, row.published, row.reading_minutes,
                    row.body, row.text, row.link, feed_id,
                )
                article_id = existing.get(row.uid)
                if article_id is not None:
                    # The index follows through the trigger of schema 5.
                    conn.execute(
                        "UPDATE articles SET title = ?, source = ?, location = ?, published = ?,"
                        " reading_minutes = ?, body = ?, text = ?, link = ?,"
                        " feed_id = coalesce(?, feed_id) WHERE id = ?",
                        (*content, article_id),
                    )
                    results.append((article_id, False))
                    continue
                sort_ts = now.timestamp() if row.published_ts is None else row.published_ts
                cursor = conn.execute(
                    "INSERT INTO articles (title, source, location, published, reading_minutes,"
                    " body, text, link, feed_id, uid, added, sort_ts)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (*content, row.uid, now.isoformat(), sort_ts),
                )
                assert cursor.lastrowid is not None
                existing[row.uid] = cursor.lastrowid
                results.append((cursor.lastrowid, True))
        return results

    def checkpoint(self, *, truncate: bool = False) -> None:
        """Copy the write-ahead log into the store; `truncate` also empties the log file.

        Between the batches of a long import a passive checkpoint (it never waits for readers)
        lets the next batch reuse the log from its start, so it stays about one batch long;
        at the end TRUNCATE (waits for readers, within the busy timeout) gives the space back.
        """
        mode = "TRUNCATE" if truncate else "PASSIVE"
        try:
            self._conn.execute(f"PRAGMA wal_checkpoint({mode})").fetchone()
        except sqlite3.OperationalError:
            pass  # busy: the next checkpoint (or SQLite's automatic one) does it

    def get(self, article_id: int) -> StoredArticle | None:
        row = self._conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            return None
        return StoredArticle(
            id=row["id"],
            article=Article.model_validate_json(inflate(row["body"])),
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
