"""Undo for state changes: each change remembers what it replaced."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from reader.store import Store

Field = Literal["read", "bookmarked", "tags"]
MAX_UNDO = 50


@dataclass(frozen=True)
class Change:
    label: str
    """What was done, for the undo notice: `bookmark`, `mark 120 read`..."""
    field: Field
    before: dict[int, object]
    """Each article's value before the change."""


class History:
    """A bounded stack of changes, undone newest first."""

    def __init__(self) -> None:
        self._changes: list[Change] = []

    def record(self, change: Change) -> None:
        self._changes.append(change)
        del self._changes[:-MAX_UNDO]

    def undo(self, store: Store) -> Change | None:
        """Put back what the newest change replaced; None when there is nothing to undo.

        A write the store refuses (StoreError) leaves the change on the stack: each value is
        set, not toggled, so trying again later finishes what was begun.
        """
        if not self._changes:
            return None
        change = self._changes[-1]
        if change.field == "read":
            for value in (True, False):
                ids = [i for i, before in change.before.items() if before is value]
                if ids:
                    store.set_read_many(ids, value)
        elif change.field == "bookmarked":
            for article_id, before in change.before.items():
                store.set_bookmarked(article_id, bool(before))
        else:
            for article_id, before in change.before.items():
                for tag in store.tags(article_id):
                    store.remove_tag(article_id, tag)
                for tag in before:  # type: ignore[attr-defined]
                    store.add_tag(article_id, tag)
        self._changes.pop()
        return change

    def __len__(self) -> int:
        return len(self._changes)
