"""One section of an article: its heading, then paragraphs, bullet lists and Q&A pairs."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

from reader.models import Block, Section
from reader.safe import safe_line, safe_text

PROMO_STYLE = "dim italic"
HIGHLIGHT_STYLE = "reverse"


class SectionView(Static):
    """A section rendered as plain Rich text: nothing from the article is parsed as markup."""

    highlight: reactive[str] = reactive("")
    """A sentence to highlight (the source of a fact chosen in the sidebar)."""

    def __init__(
        self, section: Section, index: int, total: int, *, flagged: list[str] | None = None
    ) -> None:
        super().__init__(classes="section")
        self.section = section
        self.index = index
        """The section's position in the article, from 0."""
        self.total = total
        self.flagged = flagged or []
        """Sentences flagged as promotional, shown dimmed."""

    def render(self) -> RenderableType:
        parts: list[RenderableType] = []
        if self.section.title or self.total > 1:
            heading = Text(f"§ {self.index + 1}  ", style="bold dim")
            heading.append(safe_line(self.section.title) or "Top", style="bold")
            parts += [heading, Text("")]
        for block in self.section.blocks:
            parts.append(self._block(block))
            parts.append(Text(""))
        return Group(*parts)

    def _styled(self, text: str) -> Text:
        rendered = safe_text(text)
        plain = rendered.plain
        for sentence in self.flagged:
            start = plain.find(sentence)
            if start >= 0:
                rendered.stylize(PROMO_STYLE, start, start + len(sentence))
        if self.highlight:
            start = plain.find(self.highlight)
            if start >= 0:
                rendered.stylize(HIGHLIGHT_STYLE, start, start + len(self.highlight))
        return rendered

    def _block(self, block: Block) -> RenderableType:
        if block.kind == "bullets":
            markers = [f"{n}." if block.ordered else "•" for n in range(1, len(block.items) + 1)]
            rows = zip(markers, block.items, strict=True)
            return self._pairs([(marker, self._styled(item), "") for marker, item in rows])
        if block.kind == "quote":
            quote = self._styled(block.text)
            quote.stylize("italic")
            return self._pairs([("▌", quote, "dim")])
        if block.kind == "code":
            # Code keeps its line breaks and indentation; it is still plain text, never markup.
            return Padding(safe_text(block.text, style="on grey11"), (0, 0, 0, 2))
        if block.kind == "qa":
            question = self._styled(block.question)
            question.stylize("bold")
            return self._pairs([("Q", question, "bold"), ("A", self._styled(block.answer), "")])
        return self._styled(block.text)

    @staticmethod
    def _pairs(rows: list[tuple[str, Text, str]]) -> Table:
        # A grid gives list items a hanging indent when they wrap.
        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True)
        grid.add_column(ratio=1)
        for marker, text, style in rows:
            grid.add_row(Text(marker, style=style or "dim"), text)
        return grid
