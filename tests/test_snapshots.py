"""One snapshot per screen state a user sees. Update only after looking at the report."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.apphelpers import make_app, make_feed_app, settle, wait_for

SIZE = (120, 40)


def test_first_start(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(make_app(tmp_path), terminal_size=SIZE)


def test_article_open_at_first_section(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(make_app(tmp_path), press=["enter"], terminal_size=SIZE)


def test_article_at_the_faq(snap_compare, tmp_path: Path) -> None:
    press = ["enter"] + ["right_square_bracket"] * 9
    assert snap_compare(make_app(tmp_path), press=press, terminal_size=SIZE)


def test_sidebar_focused(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(make_app(tmp_path), press=["tab", "tab", "down"], terminal_size=SIZE)


def test_fact_chosen_highlights_its_sentence(snap_compare, tmp_path: Path) -> None:
    async def choose_quote(pilot: Pilot) -> None:
        sidebar = pilot.app.sidebar
        sidebar.focus()
        sidebar.highlighted = next(
            index for index in range(sidebar.option_count)
            if str(sidebar.get_option_at_index(index).prompt).startswith("“The idea")
        )
        await pilot.press("enter")
        await pilot.pause()

    assert snap_compare(make_app(tmp_path), run_before=choose_quote, terminal_size=SIZE)


def test_help_screen(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(make_app(tmp_path), press=["question_mark"], terminal_size=SIZE)


def test_list_filtered_to_unread(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(make_app(tmp_path), press=["enter", "u"], terminal_size=SIZE)


def test_list_filtered_to_bookmarked(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(make_app(tmp_path), press=["j", "b", "B"], terminal_size=SIZE)


def test_narrow_terminal(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(make_app(tmp_path), terminal_size=(80, 24))


def test_wide_terminal(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(make_app(tmp_path), press=["enter"], terminal_size=(160, 48))


def test_feed_backed_library(snap_compare, tmp_path: Path) -> None:
    app = make_feed_app(tmp_path)
    assert snap_compare(app, press=["G", "enter"], terminal_size=SIZE)


def test_refresh_in_progress(snap_compare, tmp_path: Path) -> None:
    async def halfway(pilot: Pilot) -> None:
        from reader.app.widgets.refresh_status import RefreshStatus
        from reader.sources.refresh import FeedOutcome

        status = pilot.app.screen.query_one(RefreshStatus)
        feed = pilot.app.store.feeds()[0]
        status.start(3)
        status.advance(FeedOutcome(feed, "ok", added=3))
        await pilot.pause()

    assert snap_compare(make_feed_app(tmp_path), run_before=halfway, terminal_size=SIZE)


async def _type(pilot: Pilot, text: str) -> None:
    """Type a query as a quick typist does: the list follows the whole of it, once (the
    debounce never ends while the keys go in; then the query applies)."""
    from reader.app.widgets.query_bar import QueryBar

    bar = pilot.app.screen.query_one(QueryBar)
    bar.debounce = 3600
    await pilot.press("slash", *[c if c != " " else "space" for c in text])
    bar.apply()
    await settle(pilot)


def test_search_with_highlighted_matches(snap_compare, tmp_path: Path) -> None:
    async def search(pilot: Pilot) -> None:
        await _type(pilot, "world models")

    assert snap_compare(make_feed_app(tmp_path), run_before=search, terminal_size=SIZE)


def test_list_filtered_by_a_query(snap_compare, tmp_path: Path) -> None:
    async def query(pilot: Pilot) -> None:
        await _type(pilot, "is:unread since:2026-10-31 sort:title")
        await pilot.press("enter")

    assert snap_compare(make_feed_app(tmp_path), run_before=query, terminal_size=SIZE)


def test_a_malformed_query(snap_compare, tmp_path: Path) -> None:
    async def query(pilot: Pilot) -> None:
        await _type(pilot, "since:yesterdayish")

    assert snap_compare(make_app(tmp_path), run_before=query, terminal_size=SIZE)


def test_non_default_theme(snap_compare, tmp_path: Path) -> None:
    app = make_app(tmp_path)
    app.config = app.config.model_copy(update={"theme": "nord"})
    assert snap_compare(app, terminal_size=SIZE)


def test_help_lists_the_users_own_keys(snap_compare, tmp_path: Path) -> None:
    app = make_app(tmp_path)
    app.config = app.config.model_copy(
        update={"keys": {"app.bookmark": "ctrl+b", "list.down": "n,down"}}
    )
    assert snap_compare(app, press=["question_mark"], terminal_size=SIZE)


def test_a_long_outline_says_how_many_sections_it_leaves_out(snap_compare, tmp_path: Path) -> None:
    from reader.sources.library import add_targets
    from reader.store import Store

    path = tmp_path / "long.md"
    path.write_text("# Forty parts of one report\n\n" + "".join(
        f"## Part {n}\n\nWhat part {n} of the report found.\n\n" for n in range(1, 41)
    ))
    with Store.in_dir(tmp_path / "data") as store:
        add_targets(store, [path])
    app = make_app(store=Store.in_dir(tmp_path / "data"))
    assert snap_compare(app, press=["enter", "c"], terminal_size=SIZE)


def test_a_change_the_store_refuses(snap_compare, tmp_path: Path) -> None:
    async def refuse_writes(pilot: Pilot) -> None:
        pilot.app.store._conn.execute("PRAGMA query_only = ON")
        await pilot.press("b")
        await pilot.pause()

    assert snap_compare(make_app(tmp_path), run_before=refuse_writes, terminal_size=SIZE)


def test_text_selected_in_the_article(snap_compare, tmp_path: Path) -> None:
    from reader.app.widgets.reader_view import ReaderView

    async def select(pilot: Pilot) -> None:
        await pilot.mouse_down(ReaderView, offset=(2, 1))
        await pilot.hover(ReaderView, offset=(30, 3))
        await pilot.mouse_up(ReaderView, offset=(30, 3))
        await pilot.pause()

    assert snap_compare(make_app(tmp_path), run_before=select, terminal_size=SIZE)


# -- the sizes people read at (issue 17): the list, the seed open, the help screen -----------

SIZES = [(80, 24), (100, 30), (120, 40), (160, 48)]


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_list_at_size(snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(tmp_path), terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_seed_open_at_size(snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(tmp_path), press=["enter"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_help_at_size(snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(tmp_path), press=["question_mark"], terminal_size=size)


def test_key_facts_in_place_of_the_list_at_100(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(make_app(tmp_path), press=["enter", "i"], terminal_size=(100, 30))


def test_one_pane_at_60_columns(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(make_app(tmp_path), press=["enter"], terminal_size=(60, 24))


def test_notes_and_contents_unfolded(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(make_app(tmp_path), press=["enter", "c"], terminal_size=(80, 24))


def test_numbered_links_and_a_podcast_enclosure(snap_compare, tmp_path: Path) -> None:
    # The podcast's first episode: its audio file under the head, its link numbered in the
    # text and listed at the end.
    app = make_feed_app(tmp_path, "podcast.xml")
    assert snap_compare(app, press=["G", "enter"], terminal_size=(100, 30))


def _picture_app(tmp_path: Path, **options: object):  # type: ignore[no-untyped-def]
    """The app with a Markdown story whose photo sits beside it (no network)."""
    from reader.sources.library import add_targets
    from tests.test_images import story_folder

    app = make_app(tmp_path / "data", **options)
    story_id = add_targets(app.store, [story_folder(tmp_path)]).added[0]

    async def open_story(pilot: Pilot) -> None:
        await app.screen.open_article(story_id)
        pictures = app.reader.pictures
        if pictures.shown:
            await wait_for(pilot, lambda: pictures.found or pictures.failed, "the picture")
        await settle(pilot)

    return app, open_story


def test_a_picture_in_half_blocks_with_its_caption(snap_compare, tmp_path: Path) -> None:
    app, open_story = _picture_app(tmp_path)
    assert snap_compare(app, run_before=open_story, terminal_size=(100, 34))


def test_pictures_off_shows_the_placeholder(snap_compare, tmp_path: Path) -> None:
    from reader.config import Config

    app, open_story = _picture_app(tmp_path, config=Config(images="off"))
    assert snap_compare(app, run_before=open_story, terminal_size=(100, 34))
