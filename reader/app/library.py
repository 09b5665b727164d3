"""The library as the app changes it, without Textual: state toggles with undo, tags,
mark-all, and the facts of recently shown articles.

Every change is written to the store first and recorded for undo only once it is stored, so a
change the store refuses (`StoreError`) leaves nothing to undo. Tested without Pilot.
"""

from __future__ import annotations

from collections import OrderedDict

from reader.app.history import Change, History
from reader.models import Insight, ListItem, StoredArticle
from reader.query import Query
from reader.store import Store

INSIGHT_CACHE = 32
"""How many articles' facts are kept, for going back and forth between articles."""


class Library:
    """The store, the undo history and the facts cache, with what the keys do to them."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.history = History()
        self._insights: OrderedDict[int, Insight] = OrderedDict()

    # -- facts -----------------------------------------------------------------------------

    def insight_for(self, stored: StoredArticle) -> Insight:
        """The article's facts and takeaways, analysed once while it stays in the cache."""
        insight = self._insights.get(stored.id)
        if insight is None:
            from reader.insight import analyse

            insight = analyse(stored.article)
            self._insights[stored.id] = insight
            if len(self._insights) > INSIGHT_CACHE:
                self._insights.popitem(last=False)
        else:
            self._insights.move_to_end(stored.id)
        return insight

    def cached_insight(self, article_id: int) -> Insight | None:
        """The facts if they were analysed already (a preview, a look-ahead), else None."""
        return self._insights.get(article_id)

    def forget_insight(self, article_id: int) -> None:
        """The article's text changed (a full text replaced a teaser): analyse it again."""
        self._insights.pop(article_id, None)

    # -- state, with undo ------------------------------------------------------------------

    def toggle_bookmark(self, item: ListItem) -> bool:
        """Bookmark or unbookmark; the new state."""
        self.store.set_bookmarked(item.id, not item.bookmarked)
        self.history.record(Change("bookmark", "bookmarked", {item.id: item.bookmarked}))
        return not item.bookmarked

    def toggle_read(self, item: ListItem) -> bool:
        """Mark read or unread; the new state."""
        self.store.set_read(item.id, not item.read)
        self.history.record(Change("read state", "read", {item.id: item.read}))
        return not item.read

    def mark_opened_read(self, article_id: int) -> bool:
        """An article was opened: mark it read (not undoable, as opening is not); whether it
        changed."""
        item = self.store.item(article_id)
        if item is None or item.read:
            return False
        self.store.set_read(article_id, True)
        return True

    def unread_ids(self, query: Query) -> list[int]:
        from dataclasses import replace

        return self.store.ids(replace(query, unread=True))

    def mark_all_read(self, ids: list[int]) -> None:
        self.store.set_read_many(ids, True)
        self.history.record(Change(f"mark {len(ids):,} read", "read", dict.fromkeys(ids, False)))

    def edit_tags(self, article_id: int, edits: list[str]) -> list[str]:
        """Apply `ai` (add) and `-ai` (remove) edits; one message per refused tag name."""
        before = self.store.tags(article_id)
        refused: list[str] = []
        changed = False
        for name in edits:
            try:
                if name.startswith("-"):
                    self.store.remove_tag(article_id, name[1:])
                else:
                    self.store.add_tag(article_id, name)
                changed = True
            except ValueError as error:
                refused.append(f"tag {name!r}: {error}")
        if changed:
            self.history.record(Change("tags", "tags", {article_id: before}))
        return refused

    def undo(self) -> Change | None:
        """Undo the newest change; None when there is nothing to undo."""
        return self.history.undo(self.store)
