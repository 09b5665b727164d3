"""Finding and fitting, driven with Pilot: search bar, sort, tags, mark all, undo, links, config."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.app.screens.dialogs import ConfirmScreen, TagScreen
from reader.app.screens.help import HelpScreen
from reader.app.widgets.query_bar import QueryBar
from reader.cli.lookup import open_store
from reader.config import Config, load_config
from tests.apphelpers import make_app, make_feed_app, settle, toast_texts, wait_for
from tests.conftest import make_article

SIZE = (120, 40)


async def type_query(pilot, text: str) -> None:
    await pilot.press("slash")
    for character in text:
        await pilot.press(character if character != " " else "space")
    await settle(pilot)


async def test_slash_filters_the_list_as_you_type(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await type_query(pilot, "lecun")
        assert app.article_list.total == 1
        assert "\x02" in app.article_list.item_at(0).snippet
        assert isinstance(app.focused, QueryBar)
        await pilot.press("enter")
        assert app.focused is app.article_list
        await pilot.press("slash", "escape")
        assert app.article_list.total == 2


async def test_a_malformed_query_says_why_and_keeps_the_list(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        bar = app.screen.query_one(QueryBar)
        bar.debounce = 3600  # typed quickly: no query applies on the way
        await pilot.press("slash", *"iz:unread")
        bar.apply()
        await settle(pilot)
        assert "unknown filter" in str(bar.border_subtitle)
        assert app.article_list.total == 2


async def test_s_cycles_the_sort(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        assert app.article_list.query_filter.sort == "oldest"
        assert app.article_list.item_at(0).title.startswith("Welcome")
        await pilot.press("s")
        assert app.article_list.query_filter.sort == "title"


async def test_t_adds_tags_and_z_undoes(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        assert isinstance(app.screen, TagScreen)
        for key in ["a", "i", "comma", "space", "w", "o", "r", "l", "d", "enter"]:
            await pilot.press(key)
        await pilot.pause()
        assert app.store.tags(app.open_id) == ["ai", "world"]
        await pilot.press("z")
        assert app.store.tags(app.open_id) == []


async def test_shift_m_marks_all_read_after_asking_and_z_undoes(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("M")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert app.store.count(app.article_list.query_filter.__class__(unread=True)) == 2
        await pilot.press("M")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert all(app.store.item(i).read for i in app.store.ids(app.article_list.query_filter))
        await pilot.press("z")
        assert not any(app.store.item(i).read for i in app.store.ids(app.article_list.query_filter))


async def test_z_undoes_a_bookmark(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("b")
        assert app.store.item(app.open_id).bookmarked
        await pilot.press("z")
        assert not app.store.item(app.open_id).bookmarked


async def test_o_opens_only_web_links_and_y_copies(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    monkeypatch.setattr("webbrowser.open", lambda url, new=0: opened.append(url))
    app = make_feed_app(tmp_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("o")  # the seed has no link
        await wait_for(pilot, lambda: toast_texts(app), "the notice that o refused")
        assert toast_texts(app) == ["This article has no web link."]
        await app.workers.wait_for_complete()
        assert opened == []
        await pilot.press("G", "enter", "o")
        await app.workers.wait_for_complete()
        assert opened == ["http://gazette.invalid/ferry"]
        await pilot.press("y")
        assert app.clipboard == "http://gazette.invalid/ferry"


async def test_ctrl_t_opens_the_theme_picker_and_the_choice_is_saved(tmp_path: Path) -> None:
    config_file = tmp_path / "config.toml"
    config_file.write_text("# my settings\nreading_width = 70\n")
    app = make_app(tmp_path / "data", config_path=config_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "CommandPalette"
        await pilot.press("escape")
        app.theme = "nord"
        await pilot.pause()
    config, messages = load_config(config_file)
    assert config.theme == "nord" and config.reading_width == 70 and not messages
    assert config_file.read_text().startswith("# my settings")


async def test_the_config_rebinds_keys_and_help_shows_them(tmp_path: Path) -> None:
    config = Config(keys={"app.bookmark": "ctrl+b"}, theme="gruvbox", mark_read_on_open=False)
    app = make_app(tmp_path / "data", config=config)
    async with app.run_test(size=SIZE) as pilot:
        assert app.theme == "gruvbox"
        await pilot.press("ctrl+b")
        assert app.store.item(app.open_id).bookmarked
        await pilot.press("enter")
        assert not app.store.item(app.open_id).read  # mark_read_on_open = false
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        assert ("^b", "Bookmark") in app.screen.rows


async def test_a_bad_config_is_reported_and_the_app_starts(tmp_path: Path) -> None:
    config_file = tmp_path / "config.toml"
    config_file.write_text('reading_width = "wide"\n')
    config, messages = load_config(config_file)
    app = make_app(tmp_path / "data", config=config, config_messages=messages)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        notes = [n.message for n in app._notifications]
        assert any("line 1" in note for note in notes)
        assert app.reader.reading_width == 88


async def test_search_and_filters_on_thousands_of_articles(tmp_path: Path) -> None:
    store = open_store(tmp_path / "data")
    articles = [make_article(n, title=f"Story {n} about {'rivers' if n % 10 == 0 else 'roads'}")
                for n in range(3000)]
    store.add_many(articles)
    app = make_app(store=store)
    async with app.run_test(size=SIZE) as pilot:
        assert app.article_list.total == 3002
        await type_query(pilot, "rivers")
        assert app.article_list.total == 300
        await pilot.press("enter", "G")
        assert app.article_list.cursor == 299
        await pilot.press("slash", "escape", "escape")
        await settle(pilot)
        assert app.article_list.total == 3002
        await pilot.press("u")
        assert app.article_list.total == 3002  # nothing read yet
        await pilot.press("B")
        assert app.article_list.total == 0


async def test_a_adds_a_file_from_inside_the_app(tmp_path: Path) -> None:
    article = tmp_path / "note.txt"
    article.write_text("A headline added in the app\n\nIts only paragraph.\n")
    app = make_app(tmp_path / "data")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        await pilot.pause()
        app.screen.query_one("Input").value = str(article)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.article_list.total == 3
        titles = [app.article_list.item_at(row).title for row in range(3)]
        assert "A headline added in the app" in titles


async def test_searches_run_off_the_app_thread_and_a_stale_one_never_shows(
    tmp_path: Path,
) -> None:
    from datetime import date

    from reader.query import parse_query

    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        first = parse_query("lecun", today=date(2026, 11, 29))
        second = parse_query("welcome", today=date(2026, 11, 29))
        app.article_list.set_filter(first)
        app.article_list.set_filter(second)  # typed on before the first search came back
        await settle(pilot)
        assert app.article_list.query_filter == second
        assert app.article_list.total == 1
        assert app.article_list.item_at(0).title.startswith("Welcome")
        # A result for a query no longer wanted is dropped.
        app.article_list._show_search(first, 99, [])
        assert app.article_list.query_filter == second and app.article_list.total == 1
