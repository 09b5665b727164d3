"""Line-API widgets whose scrollable height changes without a screen layout."""

from __future__ import annotations

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
