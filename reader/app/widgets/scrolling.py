"""Line-API widgets whose scrollable height changes without a screen layout."""

from __future__ import annotations

from bisect import bisect_right

from textual.geometry import Size
from textual.reactive import Reactive


class QuietVirtualSize:
    """Mixin (before the Textual base): a new `virtual_size` repaints this widget only.

    Textual declares `virtual_size` with `layout=True`, so every new article, filter or sidebar
    made the whole screen lay out and repaint (about 35 ms at 120x40 on the benchmark machine,
    twice per article opened). A Line-API widget's place on screen does not depend on its
    virtual size; only its scrollbars do, and they are updated here. A scrollbar that appears
    or disappears still lays out, through its `display`.
    """

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)

    def watch_virtual_size(self, size: Size) -> None:
        self._scroll_update(size)  # type: ignore[attr-defined]


def place(starts: list[int], top: int) -> tuple[int | None, float]:
    """For parts starting at `starts` (and the line count at the end): the part line `top` is
    in, and the share of that part above it; None at the very top."""
    if top <= 0 or len(starts) < 2:
        return None, 0.0
    part = max(0, min(bisect_right(starts, top) - 1, len(starts) - 2))
    start, end = starts[part], starts[part + 1]
    return part, (top - start) / max(1, end - start)


def shift_above(before: list[int], after: list[int], top: int) -> int:
    """How far line `top` moved when parts were drawn again (part starts `before` and `after`):
    by what the parts wholly above its part grew or shrank. A change in its own part is not
    counted: where in the part it happened is not known, and most changes are below the top."""
    part, _ = place(before, top)
    if part is None or part >= len(after):
        return 0
    return after[part] - before[part]
