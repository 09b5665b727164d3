"""The store: articles and their state, paged lists, positions, migrations."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reader.store import Query, Store, StoreError
from reader.store.schema import SCHEMA_VERSION
from tests.conftest import FixedClock, make_article


def test_added_article_comes_back_whole(store: Store) -> None:
    article = make_article(1)
    article_id, new = store.add(article)
    stored = store.get(article_id)
    assert new
    assert stored is not None
    assert stored.article.title == "Article number 1"
    assert stored.article.sections == article.sections
    assert stored.state.read is False and stored.state.bookmarked is False


def test_adding_the_same_article_again_keeps_one_copy_and_its_state(store: Store) -> None:
    first_id, _ = store.add(make_article(1))
    store.set_read(first_id)
    store.set_bookmarked(first_id)
    store.set_position(first_id, 1, 12.0)
    again_id, new = store.add(make_article(1))
    assert (again_id, new) == (first_id, False)
    assert store.count() == 1
    state = store.get(first_id).state
    assert (state.read, state.bookmarked, state.section, state.scroll) == (True, True, 1, 12.0)


def test_list_is_newest_first_in_pages(store: Store) -> None:
    ids = [store.add(make_article(n))[0] for n in range(250)]
    newest_first = list(reversed(ids))
    pages = [item.id for offset in (0, 100, 200) for item in store.page(Query(), offset, 100)]
    assert pages == newest_first
    assert store.count() == 250


def test_filters_combine(store: Store) -> None:
    ids = [store.add(make_article(n))[0] for n in range(6)]
    store.set_read(ids[0])
    store.set_read(ids[1])
    store.set_bookmarked(ids[1])
    store.set_bookmarked(ids[2])
    assert store.count(Query(unread=True)) == 4
    assert store.count(Query(bookmarked=True)) == 2
    both = store.page(Query(unread=True, bookmarked=True), 0, 10)
    assert [item.id for item in both] == [ids[2]]


def test_position_of_an_article_in_the_list(store: Store) -> None:
    ids = [store.add(make_article(n))[0] for n in range(5)]
    assert store.position(ids[4]) == 0
    assert store.position(ids[0]) == 4
    store.set_read(ids[4])
    assert store.position(ids[4], Query(unread=True)) is None
    assert store.position(ids[3], Query(unread=True)) == 0


def test_next_unread_goes_down_the_list_then_wraps(store: Store) -> None:
    ids = [store.add(make_article(n))[0] for n in range(4)]  # list order: 3, 2, 1, 0
    store.set_read(ids[2])
    assert store.next_unread(ids[3]) == ids[1]
    assert store.next_unread(ids[0]) == ids[3]
    for article_id in ids:
        store.set_read(article_id)
    assert store.next_unread(ids[0]) is None


def test_state_changes_on_a_missing_article_raise(store: Store) -> None:
    with pytest.raises(KeyError):
        store.set_read(999)


def test_state_survives_reopening(tmp_path: Path, clock: FixedClock) -> None:
    with Store.in_dir(tmp_path, clock=clock) as first:
        article_id, _ = first.add(make_article(7))
        first.set_bookmarked(article_id)
        first.set_position(article_id, 1, 3.0)
    with Store.in_dir(tmp_path, clock=clock) as second:
        state = second.get(article_id).state
        assert state.bookmarked and state.section == 1 and state.scroll == 3.0


def test_store_uses_wal_and_records_its_schema_version(store: Store) -> None:
    conn = sqlite3.connect(store.path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    conn.close()


def test_a_store_from_a_newer_release_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "reader.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreError, match="newer than this reader knows"):
        Store(path)


def test_a_corrupt_store_is_moved_aside_and_a_new_one_started(
    tmp_path: Path, clock: FixedClock
) -> None:
    path = tmp_path / "reader.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    with Store(path, clock=clock) as store:
        assert store.moved_aside is not None
        assert store.moved_aside.name.startswith("reader.sqlite3.corrupt-2026")
        assert store.moved_aside.read_bytes().startswith(b"this is not a database")
        assert store.count() == 0


def test_a_read_only_data_folder_is_one_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    Store.in_dir(tmp_path).close()
    tmp_path.chmod(0o500)
    try:
        if os.access(tmp_path, os.W_OK):
            # root (as in CI) writes through permission bits; report the folder as any other
            # user would find it, so the branch is still exercised.
            real = os.access
            monkeypatch.setattr(
                "reader.store.store.os.access",
                lambda path, mode: False if Path(path) == tmp_path else real(path, mode),
            )
        with pytest.raises(StoreError, match="read-only") as raised:
            Store.in_dir(tmp_path)
        assert "\n" not in str(raised.value)
    finally:
        tmp_path.chmod(0o700)


def test_a_data_folder_that_cannot_be_made_is_one_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(StoreError, match="cannot create the data folder"):
        Store.in_dir(blocker / "data")


def test_add_many_is_all_or_nothing(store: Store) -> None:
    class Boom(Exception):
        pass

    def articles():
        yield make_article(1)
        raise Boom

    with pytest.raises(Boom):
        store.add_many(articles())
    assert store.count() == 0


@pytest.mark.parametrize(
    "text",
    ["paragraph", "article", "part*", '"of article"', "article is:unread", "article sort:date",
     "paragraph source:source-1", "nothingmatches"],
)
def test_search_counts_and_pages_agree_with_the_full_list(store: Store, text: str) -> None:
    # count, search and ids take different paths (FTS alone, a join, an IN); they must agree.
    from datetime import date

    from reader.query import parse_query
    from reader.query.snippets import MATCH_START

    ids = [store.add(make_article(n, title=f"Article {n} {'x ' * n}"))[0] for n in range(9)]
    store.set_read(ids[2])
    query = parse_query(text, today=date(2026, 11, 29))
    every = store.ids(query)
    assert store.count(query) == len(every)
    paged = [hit for offset in range(0, 10, 4) for hit in store.search(query, 4, offset)]
    assert [hit.item.id for hit in paged] == every
    assert all(MATCH_START in hit.snippet for hit in paged)
