"""The app, driven with Pilot: every binding, and state surviving a restart."""

from __future__ import annotations

from pathlib import Path

from reader.app.app import ReaderApp
from reader.app.screens.help import HelpScreen
from reader.app.widgets.article_list import ArticleList
from reader.app.widgets.facts_sidebar import FactsSidebar
from reader.app.widgets.reader_view import ReaderView
from tests.apphelpers import make_app, settle, wait_for

SIZE = (120, 40)
SEED_TITLE = "Yann LeCun raises $1B+ for AMI"


def seed_id(app: ReaderApp) -> int:
    return app.article_list.item_at(0).id


async def test_first_start_shows_the_seed_article_unread(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.article_list.total == 2
        first = app.article_list.item_at(0)
        assert first.title.startswith(SEED_TITLE)
        assert not first.read
        assert app.open_id == first.id
        assert app.reader.position_text == "§ 1/10 · Quick Summary"
        assert app.focused is app.article_list


async def test_moving_in_the_list_previews_without_marking_read(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        second = app.article_list.item_at(1).id
        await pilot.press("j")
        assert app.article_list.cursor == 1 and app.open_id == second
        await pilot.press("k")
        assert app.article_list.cursor == 0 and app.open_id == seed_id(app)
        await pilot.press("down")
        assert app.article_list.cursor == 1
        await pilot.press("up")
        assert app.article_list.cursor == 0
        assert not app.store.item(second).read


async def test_enter_opens_marks_read_and_focuses_the_reader(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        assert app.store.item(seed_id(app)).read
        assert isinstance(app.focused, ReaderView)


async def test_clicking_a_row_opens_it(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        second = app.article_list.item_at(1).id
        await pilot.click(ArticleList, offset=(5, 3))  # row 1 starts at line 2 (+1 border)
        await pilot.pause()
        assert app.open_id == second
        assert app.store.item(second).read


async def test_brackets_jump_between_sections(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right_square_bracket", "right_square_bracket")
        assert app.reader.position_text == "§ 3/10 · Background and Context"
        await pilot.press("left_square_bracket")
        assert app.reader.position_text == "§ 2/10 · What Happened"
        for _ in range(12):
            await pilot.press("right_square_bracket")
        assert app.reader.position_text == "§ 10/10 · Frequently Asked Questions"
        assert str(app.reader.border_subtitle) == app.reader.position_text


async def test_space_pages_down_then_opens_the_next_unread(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        first, second = seed_id(app), app.article_list.item_at(1).id
        await pilot.press("enter")
        await pilot.press("space")
        assert app.reader.scroll_y > 0 and app.open_id == first
        for _ in range(60):
            if app.open_id != first:
                break
            await pilot.press("space")
        assert app.open_id == second
        assert app.store.item(second).read
        assert app.article_list.current.id == second


async def test_b_toggles_the_bookmark_and_m_toggles_read(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        article = seed_id(app)
        await pilot.press("b")
        assert app.store.item(article).bookmarked
        await pilot.press("b")
        assert not app.store.item(article).bookmarked
        await pilot.press("m")
        assert app.store.item(article).read
        await pilot.press("m")
        assert not app.store.item(article).read


async def test_u_and_shift_b_filter_the_list(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")  # the seed is now read
        await pilot.press("u")
        assert app.article_list.total == 1
        assert "unread" in str(app.article_list.border_subtitle)
        await pilot.press("u")
        assert app.article_list.total == 2
        await pilot.press("B")
        assert app.article_list.total == 0
        await pilot.press("B", "b")
        await pilot.press("B")
        assert app.article_list.total == 1
        assert app.article_list.item_at(0).id == app.open_id


async def test_question_mark_shows_help_built_from_the_bindings(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_tab_moves_between_the_three_panes(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("tab")
        assert isinstance(app.focused, ReaderView)
        await pilot.press("tab")
        assert isinstance(app.focused, FactsSidebar)
        await pilot.press("shift+tab", "shift+tab")
        assert isinstance(app.focused, ArticleList)


async def test_choosing_a_fact_jumps_to_its_section(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        sidebar = app.sidebar
        sidebar.focus()
        quote = next(
            index for index in range(sidebar.option_count)
            if str(sidebar.get_option_at_index(index).prompt).startswith("“The idea")
        )
        sidebar.highlighted = quote
        await pilot.press("enter")
        await pilot.pause()
        assert app.reader.current_section == 1  # the quote stands in § 2, What Happened
        section, sentence = app.reader.highlighted or (None, "")
        assert section == 1 and "complete nonsense" in sentence


async def test_q_quits(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_command_palette_offers_the_same_actions(tmp_path: Path) -> None:
    from textual.command import CommandPalette

    from reader.app.commands import ReaderCommands

    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        titles = [name for name, *_ in ReaderCommands(app.screen)._commands()]
        for wanted in ("Bookmark", "Jump to the next section", "Unread only"):
            assert wanted in titles
        assert "Go to § 10: Frequently Asked Questions" in titles
        # Through the palette itself: a section by name.
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette), "the palette")
        await pilot.press(*"Frequently".replace(" ", ""))
        await wait_for(
            pilot,
            lambda: any("Frequently" in str(hit.prompt) for hit in app.screen.query_one(
                "CommandList").options),
            "the section among the hits",
        )
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.reader.current_section == 9, "the jump to § 10")


async def test_state_survives_a_restart(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        article = seed_id(app)
        await pilot.press("enter", "b")
        for _ in range(3):
            await pilot.press("right_square_bracket")
        await pilot.press("j")  # scroll a line into section 4
        scroll = app.reader.scroll_y
        await pilot.press("q")
    app.store.close()

    again = make_app(tmp_path)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        item = again.store.item(article)
        assert item.read and item.bookmarked
        assert again.open_id == article
        assert again.reader.position_text == "§ 4/10 · Why This Matters"
        assert again.reader.scroll_y == scroll
    again.store.close()


async def test_the_preview_waits_for_the_cursor_to_rest(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    # Far longer than two key presses take on any machine: the preview cannot catch up first.
    app.preview_delay = 30.0
    async with app.run_test(size=SIZE) as pilot:
        first, second = seed_id(app), app.article_list.item_at(1).id
        await pilot.press("j")
        assert app.article_list.cursor == 1 and app.open_id == first
        # A key pressed before the preview catches up acts on the article under the cursor.
        await pilot.press("b")
        assert app.store.item(second).bookmarked and not app.store.item(first).bookmarked
        assert app.open_id == first
        app.preview_delay = 0.05  # the next rest of the cursor previews soon
        await pilot.press("k", "j")
        await wait_for(pilot, lambda: app.open_id == second, "the preview of the second article")


async def test_a_long_outline_shows_thirty_entries_and_a_click_jumps(tmp_path: Path) -> None:
    from reader.sources.library import add_targets
    from reader.store import Store

    path = tmp_path / "long.md"
    path.write_text("# Forty parts\n\n" + "".join(
        f"## Part {n}\n\nThe text of part {n} says something worth reading.\n\n"
        for n in range(1, 41)
    ))
    with Store.in_dir(tmp_path / "data") as store:
        add_targets(store, [path])
    app = make_app(store=Store.in_dir(tmp_path / "data"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        reader = app.reader
        assert reader.section_count == 40
        # Forty entries would push the text off the first screen: folded to one line.
        text = "\n".join(line.text for line in reader._parts[0] or [])
        assert "§ 40 sections · c to show" in text and "Part 1" not in text
        await pilot.press("c")
        text = "\n".join(line.text for line in reader._parts[0] or [])
        assert "30  Part 30" in text and "31  Part 31" not in text
        assert "… 10 more: press ] or ctrl+p" in text
        row = next(row for row, section in reader._outline_rows.items() if section == 4)
        # The outline's rows are lines of the article; click the one for Part 5.
        await pilot.click(ReaderView, offset=(4, row + 1))  # +1: the border
        await pilot.pause()
        assert reader.current_section == 4
        assert reader.position_text == "§ 5/40 · Part 5"


async def test_the_article_text_can_be_selected_and_copied(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.reader.text_select_all()
        await pilot.pause()
        selected = app.screen.get_selected_text() or ""
        assert selected.startswith("Yann LeCun raises $1B+ for AMI")
        assert "§ 10  Frequently Asked Questions" in selected
        # A drag over the first line selects part of it, drawn in the selection colours.
        await pilot.mouse_down(ReaderView, offset=(2, 1))
        await pilot.hover(ReaderView, offset=(11, 1))
        await pilot.mouse_up(ReaderView, offset=(11, 1))
        await pilot.pause()
        assert app.screen.get_selected_text() == "Yann LeCun"
        await pilot.press("ctrl+c")
        assert app.clipboard == "Yann LeCun"


# -- small terminals (issue 17) --------------------------------------------------------------


async def test_at_60_columns_enter_opens_the_article_and_esc_goes_back(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(60, 24)) as pilot:
        list_pane = app.screen.query_one("#list-pane")
        reader_pane = app.screen.query_one("#reader-pane")
        assert list_pane.display and not reader_pane.display
        assert app.focused is app.article_list
        await pilot.press("enter")
        assert reader_pane.display and not list_pane.display
        assert app.focused is app.reader
        await pilot.press("i")
        assert app.screen.query_one("#sidebar-pane").display and not reader_pane.display
        await pilot.press("escape")
        assert list_pane.display and not reader_pane.display
        assert app.focused is app.article_list


async def test_at_80_columns_the_article_keeps_45_columns_of_text(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        assert not app.screen.query_one("#sidebar-pane").display
        assert app.reader.scrollable_content_region.width >= 45
        # The first screen shows the seed's first sentence (the first summary bullet).
        reader = app.reader
        shown = " ".join(reader.render_line(y).text.strip() for y in range(reader.size.height))
        first_sentence = (
            "Yann LeCun raises $1B+ for AMI, a startup building AI world models that reject "
            "the LLM paradigm"
        )
        assert first_sentence in shown.split("§ 1  Quick Summary")[1]


async def test_resizing_keeps_the_section_and_the_line(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("enter", *["right_square_bracket"] * 3)
        for _ in range(6):
            await pilot.press("j")
        reader = app.reader
        section, (part, share) = reader.current_section, reader._place()
        assert section == 3 and part == 4 and share > 0
        for size in [(80, 24), (100, 30), (120, 40), (60, 24), (160, 48)]:
            await pilot.resize_terminal(*size)
            await settle(pilot)
            assert reader.current_section == section, size
            now_part, now_share = reader._place()
            assert now_part == part and abs(now_share - share) < 0.15, size
