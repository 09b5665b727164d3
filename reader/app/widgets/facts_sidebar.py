"""The sidebar: what an article says at a glance, each entry a jump to its source sentence."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.app.widgets.scrolling import QuietVirtualSize
from reader.models import Fact, Insight
from reader.sanitize import clean_line

FACT_GROUPS: list[tuple[str, tuple[str, ...]]] = [
    ("Figures", ("money", "percent", "count", "duration")),
    ("People", ("person",)),
    ("Organisations", ("organisation",)),
    ("Places", ("place",)),
    ("Dates", ("date",)),
    ("Quotes", ("quote",)),
]
MAX_PER_GROUP = 8


@dataclass(frozen=True)
class Source:
    """Where an entry came from in the article."""

    section: int
    sentence: str


class FactsSidebar(QuietVirtualSize, OptionList):
    """Summary, key facts by kind, and takeaways. Enter or click jumps to the source."""

    class FactChosen(Message):
        """The reader chose an entry: show its sentence in the article."""

        def __init__(self, section: int, sentence: str) -> None:
            self.section = section
            self.sentence = sentence
            super().__init__()

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._sources: dict[str, Source] = {}
        self._headings = 0

    def show(self, insight: Insight | None) -> None:
        self.clear_options()
        self._sources.clear()
        if insight is None:
            return
        options: list[Option] = []
        self._headings = 0
        if insight.summary:
            options.append(self._heading("Summary"))
            options.extend(self._entry(f"• {line}", 0, line) for line in insight.summary)
        for title, kinds in FACT_GROUPS:
            facts = [fact for fact in insight.facts if fact.kind in kinds][:MAX_PER_GROUP]
            if facts:
                options.append(self._heading(title))
                options.extend(self._fact(fact) for fact in facts)
        # An article whose only author summary is its Quick Summary gets it once, not twice.
        if insight.takeaways and [t.text for t in insight.takeaways] != insight.summary:
            authored = insight.takeaways[0].authored
            options.append(self._heading("Takeaways" if authored else "Key sentences"))
            options.extend(
                self._entry(f"• {t.text}", t.section or 0, t.text) for t in insight.takeaways
            )
        if insight.flags:
            count = len(insight.flags)
            noun = "sentence" if count == 1 else "sentences"
            options.append(self._heading("Flags"))
            options.append(
                Option(Text(f"{count} promotional {noun} dimmed in the text", style="dim"),
                       disabled=True)
            )
        self.add_options(options)
        self.highlighted = None

    def _heading(self, title: str) -> Option:
        # A blank line above every heading but the first keeps the groups apart.
        gap = "\n" if self._headings else ""
        self._headings += 1
        return Option(Text(gap + title.upper(), style="bold"), disabled=True)

    def _entry(self, text: str, section: int, sentence: str) -> Option:
        option_id = f"entry-{len(self._sources)}"
        self._sources[option_id] = Source(section, sentence)
        return Option(Text(clean_line(text), end=""), id=option_id)

    def _fact(self, fact: Fact) -> Option:
        text = fact.text
        if fact.kind == "quote":
            text = f"“{fact.text}”" + (f" — {fact.speaker}" if fact.speaker else "")
        return self._entry(text, fact.section, fact.sentence)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        source = self._sources.get(event.option.id or "")
        if source is not None:
            self.post_message(self.FactChosen(source.section, source.sentence))
