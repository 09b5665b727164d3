"""The top of the reader view: title, what the article is, what was repaired, the outline."""

from __future__ import annotations

from collections import Counter

from rich.console import Group
from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

from reader.models import Article
from reader.safe import safe_line

TITLE_ORIGIN_NOTES = {
    "summary": "no title line: title taken from the summary",
    "first-sentence": "no title line: title taken from the first sentence",
    "file-name": "no title line: title taken from the file name",
}


def repair_note(article: Article) -> str:
    """One line saying what ingest repaired, e.g. `Repaired 3 garbled characters (— ×2, ⚡ ×1)`."""
    counts: Counter[str] = Counter()
    for repair in article.repairs:
        counts[repair.replacement or "removed"] += repair.count
    if not counts:
        return ""
    total = sum(counts.values())
    detail = ", ".join(f"{shown} ×{count}" for shown, count in counts.most_common())
    noun = "character" if total == 1 else "characters"
    return f"Repaired {total} garbled {noun} ({detail}); the original text is kept."


class ArticleHeader(Static):
    """Title, source, length, and any repair note."""

    def __init__(self, article: Article) -> None:
        parts = [Text(safe_line(article.title), style="bold", end="\n")]
        meta = [safe_line(article.source)] if article.source else []
        if article.author:
            meta.append(safe_line(article.author))
        if article.published:
            meta.append(article.published.date().isoformat())
        meta.append(f"{article.reading_minutes} min read")
        meta.append(f"{article.word_count:,} words")
        parts.append(Text(" · ".join(meta), style="dim", end="\n"))
        if note := TITLE_ORIGIN_NOTES.get(article.title_origin):
            parts.append(Text(f"({note})", style="dim italic", end="\n"))
        if article.teaser:
            parts.append(
                Text("Only the feed's teaser: press f to fetch the full article.", style="cyan")
            )
        if note := repair_note(article):
            parts.append(Text(f"⚠ {note}", style="yellow", end="\n"))
        super().__init__(Group(*parts), classes="article-header")


class Outline(Static):
    """The sections of the article, numbered, with the current one marked."""

    current: reactive[int] = reactive(0)

    def __init__(self, titles: list[str], current: int) -> None:
        self._titles = [safe_line(title) for title in titles]
        super().__init__(classes="outline")
        self.set_reactive(Outline.current, current)

    def render(self) -> Text:
        lines = Text("Contents", style="bold", end="\n")
        width = len(str(len(self._titles)))
        for index, title in enumerate(self._titles):
            here = index == self.current
            marker = "▸" if here else " "
            style = "bold" if here else "dim"
            lines.append("\n")
            lines.append(f"{marker} {index + 1:>{width}}  {title}", style=style)
        return lines
