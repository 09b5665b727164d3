"""The store keeps each article's text once: schema 5, and the upgrade to it from schema 4."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reader.models import Article
from reader.query import Query
from reader.store import Store
from reader.store.schema import MIGRATIONS, SCHEMA_VERSION, _statements
from tests.conftest import FixedClock, make_article

SCHEMA_4 = 4


def _schema_4_store(path: Path, articles: list[Article]) -> None:
    """A store as the release with schema 4 wrote it: JSON text in `body`, the text copied
    into an FTS table of its own."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    for script in MIGRATIONS[:SCHEMA_4]:
        for statement in _statements(script):
            conn.execute(statement)
    for number, article in enumerate(articles, start=1):
        conn.execute(
            "INSERT INTO articles (id, uid, title, source, location, published, added, sort_ts,"
            " reading_minutes, body, link) VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?)",
            (
                number, article.uid, article.title, article.source, article.location,
                "2026-11-01T09:00:00+00:00", 1_000_000.0 + number, article.reading_minutes,
                article.model_dump_json(exclude={"uid", "word_count", "reading_minutes"}),
                article.link,
            ),
        )
        conn.execute(
            "INSERT INTO articles_fts (rowid, title, body, source) VALUES (?, ?, ?, ?)",
            (number, article.title, article.body_text(), article.source),
        )
    conn.execute("UPDATE articles SET read = 1, read_at = '2026-11-02T10:00:00+00:00' WHERE id = 2")
    conn.execute("UPDATE articles SET bookmarked = 1, position_section = 1, position_scroll = 7.5"
                 " WHERE id = 3")
    conn.execute("INSERT INTO tags (article_id, name) VALUES (3, 'keep')")
    conn.execute(f"PRAGMA user_version = {SCHEMA_4}")
    conn.close()


def _state(path: Path) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(
            "SELECT id, uid, title, read, read_at, bookmarked, position_section, position_scroll,"
            " sort_ts FROM articles ORDER BY id"
        ).fetchall()
    finally:
        conn.close()


def test_upgrading_a_schema_4_store_keeps_every_article_its_state_and_its_search(
    tmp_path: Path, clock: FixedClock
) -> None:
    path = tmp_path / "reader.sqlite3"
    articles = [make_article(n, sections=3) for n in range(1, 7)]
    _schema_4_store(path, articles)
    before = _state(path)

    with Store(path, clock=clock) as store:
        assert _state(path) == before
        for number, article in enumerate(articles, start=1):
            stored = store.get(number)
            assert stored is not None and stored.article == article
        assert store.get(3).state.bookmarked and store.get(3).state.scroll == 7.5  # type: ignore[union-attr]
        assert store.tags(3) == ["keep"]
        word = articles[4].body_text().split()[-1].strip(".,")
        assert 5 in [hit.item.id for hit in store.search(Query(text=f'"{word}"'))]
        # The index still follows later edits: an update replaces the old words.
        store.add(articles[0].model_copy(update={"title": "Zebra crossings reconsidered"}))
        assert [hit.item.id for hit in store.search(Query(text='"zebra"'))] == [1]

    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.execute("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)")
        assert conn.execute("PRAGMA auto_vacuum").fetchone()[0] == 2  # incremental
        bodies = [row[0] for row in conn.execute("SELECT body FROM articles")]
        assert all(isinstance(body, bytes) for body in bodies)
    finally:
        conn.close()


def test_the_text_is_kept_once_not_in_a_copy_for_the_index(store: Store) -> None:
    store.add_many([make_article(n, sections=4) for n in range(1, 30)])
    conn = sqlite3.connect(store.path)
    try:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        assert "articles_fts_content" not in tables  # external content: no second copy
        assert conn.execute("PRAGMA auto_vacuum").fetchone()[0] == 2
    finally:
        conn.close()


def test_a_rewritten_article_is_found_by_its_new_words_only(store: Store) -> None:
    article_id, _ = store.add(make_article(1, title="Walrus migration"))
    store.add(make_article(1, title="Walrus migration"))  # again, unchanged
    assert [hit.item.id for hit in store.search(Query(text='"walrus"'))] == [article_id]
    store.add(make_article(1, title="Walrus migration").model_copy(update={"title": "Narwhal"}))
    assert [hit.item.id for hit in store.search(Query(text='"narwhal"'))] == [article_id]
    assert store.search(Query(text='"walrus"')) == []
    conn = sqlite3.connect(store.path)
    try:
        conn.execute("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)")
    finally:
        conn.close()


def _walrus_article(n: int) -> Article:
    """Older articles (lower n) say "walrus" more often: ranked by relevance over every
    match, the oldest would come first."""
    from reader.models import Block, Section

    text = "walrus " * (30 - n) + "and other words to make up a paragraph. " * 10
    return Article(
        title=f"Note {n}", source="notes", location=f"/notes/{n}",
        sections=[Section(title="", blocks=[Block(kind="paragraph", text=text)])],
        original=f"note {n}",
    )


def test_a_search_with_more_matches_than_it_ranks_still_pages_through_every_match_once(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.store import search_sql

    monkeypatch.setattr(search_sql, "RANKED_NEWEST", 5)
    ids = [article_id for article_id, _ in store.add_many([_walrus_article(n) for n in range(17)])]
    query = Query(text='"walrus"', sort="relevance")
    assert store.count(query) == len(ids)
    paged = [hit.item.id for offset in range(0, 20, 3) for hit in store.search(query, 3, offset)]
    assert sorted(paged) == sorted(ids)  # each match once, none lost past the ranked ones
    newest = sorted(ids, reverse=True)
    assert paged[:5] == sorted(newest[:5])  # the newest five, the most relevant first
    assert paged[5:] == newest[5:]  # then the older ones, newest first
    prefixed = Query(text='"walr"*', sort="relevance")
    assert all(hit.snippet for hit in store.search(prefixed, 20))
    # The rest of the list's queries follow the same order as its pages.
    assert store.ids(query) == paged
    assert [store.position(article_id, query) for article_id in paged] == list(range(len(ids)))
    store.set_read_many(paged[6:9])
    assert store.next_unread(paged[5], query) == paged[9]
    assert store.next_unread(paged[-1], query) == paged[0]  # wraps to the top
