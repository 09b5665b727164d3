"""What `r`, `f` and `a` do: refresh feeds, fetch full articles, add files and pages.

Fetching and parsing run in threads; every store write happens back on the app's thread. Each
task is a coroutine the reading screen runs as an exclusive worker.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any, Protocol

from reader.app.guard import reports_store_errors
from reader.app.library import Library
from reader.app.widgets.refresh_status import RefreshStatus
from reader.models import Feed
from reader.store import Store

if TYPE_CHECKING:
    from textual.app import App

    from reader.sources.refresh import FeedFetch

REFRESH_WORKERS = 8


class Reading(Protocol):
    """What the tasks need of the reading screen (which owns them)."""

    store: Store
    library: Library
    open_id: int | None

    @property
    def app(self) -> App[Any]: ...
    def notify(self, message: str, **kwargs: Any) -> None: ...
    def query_one(self, selector: type[RefreshStatus]) -> RefreshStatus: ...
    def refresh_list(self, keep_id: int | None = None) -> None: ...
    async def show_article(self, article_id: int, *, again: bool = False) -> None: ...


class FeedTasks:
    """The network side of the reading screen."""

    def __init__(self, screen: Reading) -> None:
        self.screen = screen
        self.store = screen.store

    def notify(self, message: str, **kwargs: object) -> None:
        self.screen.notify(message, **kwargs)

    @reports_store_errors
    async def refresh(self) -> None:
        """Fetch every feed in threads, storing each one's entries as it arrives."""
        from reader.sources.refresh import apply_fetch, fetch_feed

        feeds = self.store.feeds()
        if not feeds:
            self.notify("No feeds yet: subscribe with `reader feed add URL`.", timeout=4)
            return
        status = self.screen.query_one(RefreshStatus)
        status.start(len(feeds))
        gate = asyncio.Semaphore(REFRESH_WORKERS)

        async def fetch_one(feed: Feed) -> FeedFetch:
            async with gate:
                return await asyncio.to_thread(fetch_feed, feed)

        try:
            for next_done in asyncio.as_completed([fetch_one(feed) for feed in feeds]):
                status.advance(apply_fetch(self.store, await next_done))
        finally:
            status.finish()
        self.screen.refresh_list(self.screen.open_id)
        failed = f", {status.failed} failed (see `reader feed list`)" if status.failed else ""
        self.notify(f"Refreshed {len(feeds)} feeds: {status.added} new articles{failed}.",
                    severity="warning" if status.failed else "information", timeout=4)

    @reports_store_errors
    async def fulltext(self) -> None:
        """Replace the open article (a feed teaser) with the full article from its link."""
        from reader.ingest import IngestError
        from reader.sources.fulltext import fetch_full_article

        open_id = self.screen.open_id
        stored = self.store.get(open_id) if open_id is not None else None
        if stored is None:
            return
        self.notify("Fetching the full article…", timeout=2)
        try:
            article = await asyncio.to_thread(fetch_full_article, stored.article)
        except IngestError as error:
            self.notify(str(error), severity="error", timeout=5)
            return
        self.store.add(article)
        self.screen.library.forget_insight(stored.id)
        await self.screen.show_article(stored.id, again=True)
        self.screen.refresh_list(stored.id)

    @reports_store_errors
    async def add(self) -> None:
        """Ask for a path or URL, read it in a thread, store what it held."""
        from pathlib import Path

        from reader.app.screens.dialogs import AddScreen
        from reader.sources.library import AddReport, read_targets

        target = await self.screen.app.push_screen_wait(AddScreen())
        if not target:
            return
        if not target.startswith(("http://", "https://")):
            target = str(Path(target).expanduser())
        report = AddReport()
        self.notify(f"Adding {target}…", timeout=2)
        articles = await asyncio.to_thread(read_targets, [target], report)
        report.store(self.store, articles)
        self.screen.refresh_list(self.screen.open_id)
        for error in report.errors[:3]:
            self.notify(error, severity="error", timeout=8)
        self.notify(
            f"Added {len(report.added)}, updated {len(report.updated)}, "
            f"failed {len(report.errors)}.",
            timeout=4,
        )
