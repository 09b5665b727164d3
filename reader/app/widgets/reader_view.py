"""The reader view: one article, section by section, with its outline and position."""

from __future__ import annotations

from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from reader.app.widgets.article_header import ArticleHeader, Outline
from reader.app.widgets.section_view import SectionView
from reader.models import Insight, StoredArticle
from reader.safe import safe_line

UNTITLED_SECTION = "Top"
"""How the lead before the first heading is named in the outline and the position."""


def section_label(title: str) -> str:
    return title or UNTITLED_SECTION


class ReaderView(VerticalScroll, can_focus=True):
    """The open article. Scrolls; `[`/`]` jump between sections (bound on the app)."""

    BINDINGS = [
        Binding("j", "scroll_down", "Scroll down", show=False, id="reader.down"),
        Binding("k", "scroll_up", "Scroll up", show=False, id="reader.up"),
    ]

    class PositionChanged(Message):
        """The reader moved to another section."""

        def __init__(self, article_id: int, section: int, scroll: float) -> None:
            self.article_id = article_id
            self.section = section
            self.scroll = scroll
            super().__init__()

    class EndReached(Message):
        """Space was pressed at the end of the article."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article_id: int | None = None
        """The article shown, if any."""
        self.section_count = 0
        self.current_section = 0
        """The section the top of the view is in."""
        self._titles: list[str] = []
        self.reading_width = 88
        """The widest the article's text runs, in columns (config: reading_width)."""
        self._pinned: tuple[int, float] | None = None

    def compose(self):  # type: ignore[no-untyped-def]
        yield Static(
            "No article open. Pick one in the list and press enter.", classes="placeholder"
        )

    async def show(self, stored: StoredArticle, insight: Insight) -> None:
        """Show an article, restoring the reader's last section and scroll offset."""
        article = stored.article
        self.article_id = stored.id
        self._titles = [section.title for section in article.sections]
        self.section_count = len(article.sections)
        self.current_section = min(stored.state.section, max(0, self.section_count - 1))
        flagged = [flag.sentence for flag in insight.flags]
        await self.remove_children()
        await self.mount_all(
            [
                ArticleHeader(article),
                # A single untitled section needs no contents.
                *(
                    [Outline([section_label(t) for t in self._titles], self.current_section)]
                    if self.section_count > 1 or any(self._titles)
                    else []
                ),
                *(
                    SectionView(section, index, self.section_count, flagged=flagged)
                    for index, section in enumerate(article.sections)
                ),
            ]
        )
        for child in self.children:
            child.styles.max_width = self.reading_width
        self.scroll_to(y=0, animate=False, immediate=True)
        scroll = stored.state.scroll
        if scroll:
            self.call_after_refresh(self._restore, scroll)
        self._update_position(post=False)

    def _restore(self, scroll: float) -> None:
        self.scroll_to(y=scroll, animate=False, immediate=True)
        self._pinned = (self.current_section, round(self.scroll_y))
        self._update_position(post=False)

    def _section_views(self) -> list[SectionView]:
        return list(self.query_children(SectionView))

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

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        if self._pinned is not None and round(new) == self._pinned[1]:
            return
        self._pinned = None
        previous = self.current_section
        self.current_section = self._section_at(new)
        self._update_position(post=self.current_section != previous)

    def _section_at(self, scroll_y: float) -> int:
        current = 0
        for view in self._section_views():
            if view.virtual_region.y <= scroll_y + 1:
                current = view.index
        return current

    def _update_position(self, *, post: bool) -> None:
        # A section title is article text: a Content is never parsed as markup.
        self.border_subtitle = Content(safe_line(self.position_text))
        for outline in self.query_children(Outline):
            outline.current = self.current_section
        if post and self.article_id is not None:
            self.post_message(
                self.PositionChanged(self.article_id, self.current_section, self.scroll_y)
            )

    def jump_to_section(self, index: int) -> None:
        views = self._section_views()
        if not views:
            return
        index = max(0, min(index, len(views) - 1))
        target = views[index]
        y = min(target.virtual_region.y, self.max_scroll_y)
        self.scroll_to(y=y, animate=False, immediate=True)
        self.current_section = index
        self._pinned = (index, round(self.scroll_y))
        self._update_position(post=True)

    def next_section(self) -> None:
        self.jump_to_section(self.current_section + 1)

    def previous_section(self) -> None:
        self.jump_to_section(self.current_section - 1)

    def highlight(self, section: int, sentence: str) -> None:
        """Mark one sentence (a fact's source) and bring its section into view."""
        for view in self._section_views():
            view.highlight = sentence if view.index == section else ""
        self.jump_to_section(section)

    def page_down_or_end(self) -> None:
        """Space: page down, or at the end of the article ask for the next unread one."""
        if self.scroll_y >= self.max_scroll_y:
            self.post_message(self.EndReached())
        else:
            self.scroll_page_down(animate=False)
