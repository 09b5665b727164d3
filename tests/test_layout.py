"""Which panes show at which width (screens/layout.py), without Textual."""

from __future__ import annotations

import pytest

from reader.app.screens.layout import NARROW, WIDE, Panes, mode_for


@pytest.mark.parametrize(
    ("width", "mode"),
    [(160, "wide"), (WIDE, "wide"), (WIDE - 1, "medium"), (80, "medium"), (NARROW, "medium"),
     (NARROW - 1, "narrow"), (40, "narrow")],
)
def test_modes_by_width(width: int, mode: str) -> None:
    assert mode_for(width) == mode


def test_wide_shows_three_panes_and_the_toggles_hide_them() -> None:
    panes = Panes()
    assert panes.shown("wide") == {"list", "article", "facts"}
    panes.toggle_list("wide")
    panes.toggle_facts("wide")
    assert panes.shown("wide") == {"article"}
    assert panes.hints("wide") == []


def test_medium_puts_the_key_facts_in_place_of_the_list() -> None:
    panes = Panes()
    assert panes.shown("medium") == {"list", "article"}
    assert panes.hints("medium") == [("i", "Key facts")]
    panes.toggle_facts("medium")
    assert panes.shown("medium") == {"facts", "article"}
    assert panes.hints("medium") == [("i", "List")]
    panes.back("medium")
    assert panes.shown("medium") == {"list", "article"}


def test_narrow_shows_one_pane_enter_and_esc_swap_them() -> None:
    panes = Panes()
    assert panes.shown("narrow") == {"list"} and panes.hints("narrow") == []
    panes.opened()
    assert panes.shown("narrow") == {"article"}
    assert panes.hints("narrow") == [("esc", "List"), ("i", "Key facts")]
    panes.toggle_facts("narrow")
    assert panes.shown("narrow") == {"facts"}
    assert panes.hints("narrow") == [("esc", "List"), ("i", "Article")]
    panes.back("narrow")
    assert panes.shown("narrow") == {"list"}
