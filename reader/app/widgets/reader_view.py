"""The reader view: one article, section by section, with its outline and position.

A Line-API widget, like the article list: the header, the outline and each section are rendered
to lines once for the current width and kept, and only the lines on screen are drawn. Showing an
article, scrolling, jumping sections and highlighting a sentence never build widgets, so a
5,000-section article costs what its text costs to wrap, not what 5,000 widgets cost to lay out.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import fields

from rich.text import Text
from textual import events
from textual.content import Content
from textual.message import Message
from textual.strip import Strip

from reader.app.bindings import READER_BINDINGS
from reader.app.widgets import article_render as draw
from reader.app.widgets.article_head import estimate_lines, head_lines
from reader.app.widgets.article_images import Pictures
from reader.app.widgets.article_links import ArticleLinks, links_section, number_links
from reader.app.widgets.article_render import Palette, section_label
from reader.app.widgets.part_view import PartView
from reader.app.widgets.scrolling import shift_above
from reader.app.widgets.styling import component_style
from reader.models import Insight, StoredArticle
from reader.sanitize import clean_line

__all__ = ["ReaderView", "section_label"]


PLACEHOLDER = "No article open. Pick one in the list and press enter."
HEAD = -1
"""The part index of the header and outline (sections count from 0)."""


class ReaderView(PartView, can_focus=True):
    """The open article. Scrolls; `[`/`]` jump between sections (bound on the app)."""

    BINDINGS = READER_BINDINGS

    COMPONENT_CLASSES = {
        "reader-view--muted",
        "reader-view--warning",
        "reader-view--note",
        "reader-view--highlight",
        "reader-view--promo",
        "reader-view--code",
        "reader-view--rule",
    }

    DEFAULT_CSS = """
    ReaderView {
        overflow-x: hidden;
        scrollbar-gutter: stable;
        & > .reader-view--muted { color: $text-muted; }
        & > .reader-view--warning { color: $text-warning; }
        & > .reader-view--note { color: $text-accent; }
        & > .reader-view--highlight { text-style: reverse; }
        & > .reader-view--promo { color: $text-muted; text-style: italic; }
        & > .reader-view--code { background: $boost; }
        & > .reader-view--rule { color: $panel-lighten-2; }
    }
    """

    class PositionChanged(Message):
        """The reader moved to another section."""

        def __init__(self, article_id: int, section: int, scroll: float) -> None:
            self.article_id = article_id
            self.section = section
            self.scroll = scroll
            super().__init__()

    class EndReached(Message):
        """Space was pressed at the end of the article."""

    class LinkChosen(Message):
        """A link's words were clicked: open link `number` of the article."""

        def __init__(self, number: int) -> None:
            self.number = number
            super().__init__()

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article_id: int | None = None
        """The article shown, if any."""
        self.section_count = 0
        self.current_section = 0
        """The section the top of the view is in."""
        self.highlighted: tuple[int, str] | None = None
        """The sentence marked in the text (a fact's source), and its section."""
        self._stored: StoredArticle | None = None
        self._flagged: list[str] = []
        self.links = ArticleLinks()
        """The open article's links, numbered as the text shows them."""
        self.pictures_on_open = True
        """Pictures shown when an article opens (config `images` is not "off")."""
        self.pictures = Pictures(shown=False)
        """The open article's pictures: shown or not (`I`), and those loaded so far."""
        self._titles: list[str] = []
        self._pinned: tuple[int, int] | None = None
        self._palette: Palette | None = None
        self._outline_rows: dict[int, int] = {}
        """Line of the head → the section its outline entry jumps to."""
        self.head_expanded = False
        """The notes and contents shown in full (`c`), not folded to a line each."""

    # -- showing an article ----------------------------------------------------------------

    async def show(self, stored: StoredArticle, insight: Insight | None) -> None:
        """Show an article, restoring the reader's last section and scroll offset."""
        article = stored.article
        self._stored = stored
        self.article_id = stored.id
        self._titles = [section.title for section in article.sections]
        self._flagged = [flag.sentence for flag in insight.flags] if insight else []
        self.links = number_links(article)
        self.pictures = Pictures(shown=self.pictures_on_open)
        self.section_count = len(article.sections)
        self.current_section = min(stored.state.section, max(0, self.section_count - 1))
        self.highlighted = None
        self.head_expanded = False
        self._pinned = None
        # The head, each section, and the tail (the list of links).
        self._parts = [None] * (2 + self.section_count)
        self._pending_scroll = stored.state.scroll
        self._layout()
        self._update_position(post=False)

    def _guess(self, part: int) -> int:
        """A part's height before it is rendered (never the head, which is always drawn)."""
        stored = self._stored
        if stored is None or part == 0:
            return 1
        if part > self.section_count:
            return 4 + 2 * len(self.links.links) if self.links.links else 0
        section = stored.article.sections[part - 1]
        return estimate_lines(section, self._width, numbered=self.section_count > 1)

    def set_insight(self, insight: Insight) -> None:
        """The article's facts arrived after its text: dim the flagged sentences."""
        flagged = [flag.sentence for flag in insight.flags]
        if flagged != self._flagged:
            self._flagged = flagged
            self._parts = [part if index == 0 else None for index, part in enumerate(self._parts)]
            self._layout()

    def _prepare(self) -> None:
        if self._palette is None:
            self._palette = self._make_palette()  # first layout: nothing drawn yet

    def _scrolled(self) -> None:
        self._pinned = (self.current_section, round(self.scroll_y))

    @property
    def stored(self) -> StoredArticle | None:
        """The article shown, as the store gave it."""
        return self._stored

    def _make_palette(self) -> Palette:
        # Each of the palette's styles is the component class of the same name.
        names = (entry.name for entry in fields(Palette))
        return Palette(**{name: component_style(self, f"reader-view--{name}") for name in names})

    def notify_style_update(self) -> None:
        # A theme change (or focus restyle) may change the palette: draw again with the new one.
        super().notify_style_update()
        self._base_style = None
        if self._palette is None or not self.is_mounted:
            return  # the first layout makes the palette
        palette = self._make_palette()
        if palette != self._palette:
            self._palette = palette
            self._parts = [None] * len(self._parts)
            self._layout()

    def on_resize(self, _: events.Resize) -> None:
        self._base_style = None  # and with it the width render_line keeps
        # The same place in the text stays at the top: the part (head or section) the top line
        # is in, and how far into it, as a share of its lines (wrapping changes their count).
        part, share = self._place()
        height = self._starts[-1]
        if self._parts:
            self._parts[0] = None  # the head folds by the view's height
        self._layout()
        if self.article_id is not None and height and part is not None:
            start, end = self._starts[part], self._starts[part + 1]
            self._pinned = None
            self.scroll_to(y=start + round(share * (end - start)), animate=False,
                           immediate=True, force=True)
            self._pinned = (self.current_section, round(self.scroll_y))

    # -- rendering -------------------------------------------------------------------------

    def _render_part(self, index: int) -> list[Strip]:
        palette = self._palette or Palette()
        stored = self._stored
        if stored is None:
            return self._lines(Text(PLACEHOLDER, style=palette.muted), top=1)
        if index == HEAD:
            return self._render_head(stored, palette)
        article = stored.article
        if index >= self.section_count:
            tail = links_section(self.links, palette.muted, palette.rule)
            return self._lines(tail) if tail is not None else []
        highlight = self.highlighted[1] if self.highlighted and self.highlighted[0] == index else ""
        return self._lines(
            draw.section(
                article.sections[index],
                index,
                self.section_count,
                palette,
                flagged=self._flagged,
                highlight=highlight,
                links=self.links,
                pictures=self.pictures,
            )
        )

    def _render_head(self, stored: StoredArticle, palette: Palette) -> list[Strip]:
        lines, self._outline_rows = head_lines(
            self._lines,
            stored.article,
            self._titles,
            palette,
            current=self.current_section,
            expanded=self.head_expanded,
            height=self.scrollable_content_region.height,
        )
        return lines

    def redraw_sections(self, indexes: list[int]) -> None:
        """Draw these sections again (a picture came, `I`); what is read stays in place."""
        top, before = round(self.scroll_y), self._starts
        for index in indexes:
            self._refresh_part(index)
        if shift := shift_above(before, self._starts, top):
            self.scroll_to(y=top + shift, animate=False, immediate=True, force=True)

    def toggle_head(self) -> None:
        """`c`: the notes and contents in full, or folded again."""
        self.head_expanded = not self.head_expanded
        if self._width:
            self._parts[0] = None
            self._layout()

    def _refresh_part(self, index: int) -> None:
        """Draw one part again (a highlight, or the outline's marker), keeping the rest."""
        part = index + 1
        if not 0 <= part < len(self._parts) or not self._width:
            return
        old = len(self._parts[part] or ())
        self._parts[part] = self._render_part(index)
        if len(self._parts[part] or ()) != old:
            self._layout()
        else:
            self.refresh()

    # -- position --------------------------------------------------------------------------

    @property
    def section_titles(self) -> list[str]:
        """The open article's section titles, in order."""
        return list(self._titles)

    @property
    def position_text(self) -> str:
        """Where the reader is, e.g. `§ 3/10 · Background and Context`."""
        if not self.section_count:
            return ""
        title = section_label(self._titles[self.current_section])
        return f"§ {self.current_section + 1}/{self.section_count} · {title}"

    def section_line(self, index: int) -> int:
        """The line a section starts on."""
        return self._starts[min(index + 1, len(self._starts) - 1)]

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        if self._pinned is not None and round(new) == self._pinned[1]:
            return
        self._pinned = None
        previous = self.current_section
        self.current_section = self._section_at(new)
        self._update_position(post=self.current_section != previous, previous=previous)

    def _section_at(self, scroll_y: float) -> int:
        if self.section_count == 0 or len(self._starts) < 3:
            return 0
        # _starts[1:] are the sections' first lines; the head is part 0.
        found = bisect_right(self._starts, scroll_y + 1, lo=1, hi=len(self._starts) - 1) - 2
        return max(0, min(found, self.section_count - 1))

    def _update_position(self, *, post: bool, previous: int | None = None) -> None:
        # A section title is article text: a Content is never parsed as markup.
        self.border_subtitle = Content(clean_line(self.position_text))
        if previous is not None and previous != self.current_section:
            self._refresh_part(HEAD)
        if post and self.article_id is not None:
            self.post_message(
                self.PositionChanged(self.article_id, self.current_section, self.scroll_y)
            )

    def jump_to_section(self, index: int, *, post: bool = True) -> None:
        if not self.section_count:
            return
        self._complete()
        index = max(0, min(index, self.section_count - 1))
        previous = self.current_section
        self._pinned = None
        y = min(self.section_line(index), self.max_scroll_y)
        self.scroll_to(y=y, animate=False, immediate=True, force=True)
        self.current_section = index
        self._pinned = (index, round(self.scroll_y))
        self._update_position(post=post, previous=previous)

    def next_section(self) -> None:
        self.jump_to_section(self.current_section + 1)

    def previous_section(self) -> None:
        self.jump_to_section(self.current_section - 1)

    def highlight(self, section: int, sentence: str) -> None:
        """Mark one sentence (a fact's source) and bring its section into view."""
        before = self.highlighted
        self.highlighted = (section, sentence)
        if before is not None and before[0] != section:
            self._refresh_part(before[0])
        self._refresh_part(section)
        self.jump_to_section(section)

    def page_down_or_end(self) -> None:
        """Space: page down, or at the end of the article ask for the next unread one."""
        if self.scroll_y >= self.max_scroll_y:
            self.post_message(self.EndReached())
        else:
            self.scroll_page_down(animate=False)

    def action_open_numbered_link(self, number: int) -> None:
        """A click on a link's words (their style's `@click`)."""
        self.post_message(self.LinkChosen(number))

    def on_click(self, event: events.Click) -> None:
        """A click on an outline entry jumps to its section."""
        offset = event.get_content_offset(self)
        if offset is None:
            return
        section = self._outline_rows.get(round(self.scroll_y) + offset.y)
        if section is not None:
            self.jump_to_section(section)
