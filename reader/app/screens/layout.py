"""Which panes the reading screen shows at a given width: a pure rule, tested without Textual.

Tried at 80×24, 100×30, 120×40 and 160×48 (README, *Small terminals*):
- 120 columns and more: list, article and key facts side by side. Below 120 the three panes
  leave the article under 45 columns of text, fewer than a comfortable line holds.
- 70 to 119: the list and the article; `i` shows the key facts in place of the list. At 80
  columns the article keeps 51 columns of text.
- under 70: one pane at a time; `enter` opens the article, `esc` goes back to the list, `i`
  swaps the article and its key facts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

WIDE = 120
"""From this width on, three panes."""
NARROW = 70
"""Under this width, one pane at a time."""

READING_MIN = 45
"""Columns of article text kept on a medium screen (borders, padding, scrollbar: 5 more)."""

Mode = Literal["wide", "medium", "narrow"]
Pane = Literal["list", "article", "facts"]
Width = str | int


@dataclass(frozen=True)
class Plan:
    """What the screen shows at one width: which panes, how wide the side panes are, and the
    keys that bring back what is hidden."""

    mode: Mode
    shown: frozenset[Pane]
    list_width: Width
    side_width: Width
    hints: tuple[tuple[str, str], ...]


def mode_for(width: int) -> Mode:
    return "wide" if width >= WIDE else "medium" if width >= NARROW else "narrow"


@dataclass
class Panes:
    """What the user asked to see; `shown(mode)` says what that means at a width."""

    hide_list: bool = False
    """`\\` hid the list (wide and medium)."""
    hide_facts: bool = False
    """`i` hid the key facts (wide)."""
    facts_aside: bool = False
    """`i` put the key facts in place of the list (medium)."""
    single: Pane = "list"
    """The one pane shown (narrow)."""

    def shown(self, mode: Mode) -> set[Pane]:
        if mode == "narrow":
            return {self.single}
        if mode == "medium":
            side: set[Pane] = {"facts"} if self.facts_aside else set()
            if not side and not self.hide_list:
                side = {"list"}
            return {"article", *side}
        wide: set[Pane] = {"article"}
        if not self.hide_list:
            wide.add("list")
        if not self.hide_facts:
            wide.add("facts")
        return wide

    def plan(self, width: int, list_width: Width, side_width: Width) -> Plan:
        """The layout at `width`, with the configured widths of the list and the key facts."""
        mode = mode_for(width)
        if mode == "medium":
            # The list (or the key facts in its place) takes what the article can spare.
            list_width = side_width = max(24, min(40, width - READING_MIN - 5))
        elif mode == "narrow":
            list_width = side_width = "1fr"
        return Plan(mode, frozenset(self.shown(mode)), list_width, side_width,
                    tuple(self.hints(mode)))

    def toggle_list(self, mode: Mode) -> None:
        if mode == "narrow":
            self.single = "article" if self.single == "list" else "list"
        elif mode == "medium" and self.facts_aside:
            self.facts_aside = False
            self.hide_list = False
        else:
            self.hide_list = not self.hide_list

    def toggle_facts(self, mode: Mode) -> None:
        if mode == "narrow":
            self.single = "article" if self.single == "facts" else "facts"
        elif mode == "medium":
            self.facts_aside = not self.facts_aside
        else:
            self.hide_facts = not self.hide_facts

    def opened(self) -> None:
        """An article was opened (enter): on a narrow screen it takes the screen."""
        self.single = "article"

    def back(self, mode: Mode) -> None:
        """`esc`: the list again (and the key facts off the list's place)."""
        self.single = "list"
        if mode == "medium":
            self.facts_aside = False
            self.hide_list = False

    def hints(self, mode: Mode) -> list[tuple[str, str]]:
        """Keys that bring back what this width hides, for the key bar."""
        if mode == "wide":
            return []
        shown = self.shown(mode)
        hints: list[tuple[str, str]] = []
        if "list" not in shown and not (mode == "medium" and "facts" in shown):
            hints.append(("esc", "List"))
        if "facts" in shown:
            hints.append(("i", "Article" if mode == "narrow" else "List"))
        elif not (mode == "narrow" and "list" in shown):
            hints.append(("i", "Key facts"))
        return hints
