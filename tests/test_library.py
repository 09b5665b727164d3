"""The app's library without Textual: toggles, undo, tags, mark-all, the facts cache."""

from __future__ import annotations

from pathlib import Path

from reader.app.library import INSIGHT_CACHE, Library
from reader.query import Query
from reader.store import Store
from tests.conftest import make_article


def library_of(store: Store, count: int = 3) -> tuple[Library, list[int]]:
    ids = [store.add(make_article(n))[0] for n in range(count)]
    return Library(store), ids


def test_toggles_write_the_store_and_undo_puts_them_back(store: Store) -> None:
    library, (first, second, _) = library_of(store)
    assert library.toggle_bookmark(store.item(first)) is True
    assert library.toggle_read(store.item(second)) is True
    assert store.item(first).bookmarked and store.item(second).read
    assert library.undo().label == "read state"
    assert not store.item(second).read
    assert library.undo().label == "bookmark"
    assert not store.item(first).bookmarked
    assert library.undo() is None


def test_mark_all_read_and_its_undo(store: Store) -> None:
    library, ids = library_of(store)
    store.set_read(ids[0], True)
    unread = library.unread_ids(Query())
    assert set(unread) >= set(ids[1:]) and ids[0] not in unread
    library.mark_all_read(unread)
    assert library.unread_ids(Query()) == []
    library.undo()
    assert set(library.unread_ids(Query())) == set(unread)
    assert store.item(ids[0]).read  # read before the mark-all: stays read


def test_tags_add_remove_refuse_and_undo(store: Store) -> None:
    library, (first, *_) = library_of(store)
    assert library.edit_tags(first, ["ai", "world models"]) == []
    assert store.tags(first) == ["ai", "world-models"]
    refused = library.edit_tags(first, ["-ai", ""])
    assert store.tags(first) == ["world-models"] and len(refused) == 1
    library.undo()
    assert store.tags(first) == ["ai", "world-models"]


def test_opening_marks_read_once_and_is_not_undoable(store: Store) -> None:
    library, (first, *_) = library_of(store)
    assert library.mark_opened_read(first) is True
    assert library.mark_opened_read(first) is False
    assert library.undo() is None


def test_facts_are_analysed_once_and_forgotten_on_request(
    store: Store, monkeypatch, tmp_path: Path
) -> None:
    library, ids = library_of(store, INSIGHT_CACHE + 1)
    calls: list[str] = []
    import reader.insight

    real = reader.insight.analyse
    monkeypatch.setattr(reader.insight, "analyse", lambda a: calls.append(a.title) or real(a))
    stored = store.get(ids[0])
    assert library.insight_for(stored) is library.insight_for(stored)
    assert len(calls) == 1
    library.forget_insight(ids[0])
    library.insight_for(stored)
    assert len(calls) == 2
    for article_id in ids[1:]:  # the cache keeps the newest INSIGHT_CACHE
        library.insight_for(store.get(article_id))
    library.insight_for(stored)
    assert len(calls) == 2 + INSIGHT_CACHE + 1
