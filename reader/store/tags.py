"""Tags on articles: add, remove, list."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import AbstractContextManager


def normalise_tag(name: str) -> str:
    """Tags are compared lower-case, with runs of spaces as one dash."""
    return "-".join(name.strip().lower().split())


class TagQueries:
    """The tag half of `Store` (a mixin over the store's connection)."""

    _conn: sqlite3.Connection
    _transaction: Callable[[], AbstractContextManager[sqlite3.Connection]]

    def tags(self, article_id: int) -> list[str]:
        rows = self._conn.execute(
            "SELECT name FROM tags WHERE article_id = ? ORDER BY name", (article_id,)
        )
        return [row[0] for row in rows]

    def add_tag(self, article_id: int, name: str) -> str:
        tag = normalise_tag(name)
        if not tag:
            raise ValueError("a tag needs at least one letter or digit")
        with self._transaction() as conn:
            exists = conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,))
            if exists.fetchone() is None:
                raise KeyError(article_id)
            conn.execute(
                "INSERT OR IGNORE INTO tags (article_id, name) VALUES (?, ?)", (article_id, tag)
            )
        return tag

    def remove_tag(self, article_id: int, name: str) -> bool:
        with self._transaction() as conn:
            cursor = conn.execute(
                "DELETE FROM tags WHERE article_id = ? AND name = ?",
                (article_id, normalise_tag(name)),
            )
        return cursor.rowcount > 0

    def all_tags(self) -> list[tuple[str, int]]:
        """Every tag in use with how many articles carry it."""
        rows = self._conn.execute("SELECT name, count(*) FROM tags GROUP BY name ORDER BY name")
        return [(row[0], row[1]) for row in rows]
