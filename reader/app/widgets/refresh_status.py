"""A one-line progress bar above the footer while accounts sync and feeds refresh."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label, ProgressBar

from reader.sanitize import clean_line

if TYPE_CHECKING:
    from reader.sources.refresh import FeedOutcome


class RefreshStatus(Horizontal):
    """Hidden until a refresh starts; shows `Refreshing feeds 2/5 · <last feed>`."""

    DEFAULT_CSS = """
    RefreshStatus {
        height: 1;
        display: none;
        background: $panel;
        padding: 0 1;
        &.-running { display: block; }
        Label { width: auto; margin-right: 1; }
        ProgressBar { width: 30; }
        #refresh-last { color: $text-muted; width: 1fr; }
    }
    """

    def compose(self) -> ComposeResult:
        yield Label("Refreshing feeds", id="refresh-label", markup=False)
        yield ProgressBar(show_eta=False, id="refresh-bar")
        yield Label("", id="refresh-last", markup=False)

    def start(self, total: int) -> None:
        self.failed = 0
        self.added = 0
        self.query_one("#refresh-label", Label).update("Refreshing feeds")
        self.query_one(ProgressBar).update(total=total, progress=0)
        self.query_one("#refresh-last", Label).update("")
        self.add_class("-running")

    def start_sync(self) -> None:
        self.query_one("#refresh-label", Label).update("Syncing")
        self.query_one(ProgressBar).update(total=None, progress=0)
        self.query_one("#refresh-last", Label).update("")
        self.add_class("-running")

    def show_sync(self, account: str, step: str, done: int, total: int) -> None:
        self.query_one(ProgressBar).update(total=max(total, 1), progress=done)
        self.query_one("#refresh-last", Label).update(f"{clean_line(account)}: {step}")

    def advance(self, outcome: FeedOutcome) -> None:
        self.query_one(ProgressBar).advance(1)
        self.added += outcome.added
        self.failed += outcome.failed
        name = clean_line(outcome.feed.title or outcome.feed.url)
        self.query_one("#refresh-last", Label).update(f"{name}: {clean_line(outcome.status)}")

    def finish(self) -> None:
        self.remove_class("-running")
