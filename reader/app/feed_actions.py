"""What `r` and `f` do: refresh feeds and fetch full articles, off the UI thread."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from textual import work

from reader.app.guard import reports_store_errors
from reader.app.widgets.refresh_status import RefreshStatus
from reader.models import Feed
from reader.store import Store

if TYPE_CHECKING:
    from reader.sources.refresh import FeedFetch

REFRESH_WORKERS = 8


class FeedActions:
    """Actions of `ReaderApp` that go to the network (a mixin).

    Fetching and parsing run in threads; every store write happens back on the app's thread.
    """

    store: Store
    open_id: int | None

    @work(exclusive=True, group="refresh")
    @reports_store_errors
    async def action_refresh(self) -> None:
        """Fetch every feed in threads, storing each one's entries as it arrives."""
        from reader.sources.refresh import apply_fetch, fetch_feed

        feeds = self.store.feeds()
        if not feeds:
            self.notify("No feeds yet: subscribe with `reader feed add URL`.", timeout=4)
            return
        status = self.query_one(RefreshStatus)
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
        self._refresh_list(self.open_id)
        failed = f", {status.failed} failed (see `reader feed list`)" if status.failed else ""
        self.notify(f"Refreshed {len(feeds)} feeds: {status.added} new articles{failed}.",
                    severity="warning" if status.failed else "information", timeout=4)

    @work(exclusive=True, group="fulltext")
    @reports_store_errors
    async def action_fulltext(self) -> None:
        """Replace the open article (a feed teaser) with the full article from its link."""
        from reader.ingest import IngestError
        from reader.sources.fulltext import fetch_full_article

        stored = self.store.get(self.open_id) if self.open_id is not None else None
        if stored is None:
            return
        self.notify("Fetching the full article…", timeout=2)
        try:
            article = await asyncio.to_thread(fetch_full_article, stored.article)
        except IngestError as error:
            self.notify(str(error), severity="error", timeout=5)
            return
        self.store.add(article)
        self.library.forget_insight(stored.id)
        await self.show_article(stored.id, again=True)
        self._refresh_list(stored.id)


    @work(exclusive=True, group="add")
    @reports_store_errors
    async def action_add(self) -> None:
        """Ask for a path or URL, read it in a thread, store what it held."""
        from pathlib import Path

        from reader.app.screens.dialogs import AddScreen
        from reader.sources.library import AddReport, read_targets

        target = await self.push_screen_wait(AddScreen())  # type: ignore[attr-defined]
        if not target:
            return
        if not target.startswith(("http://", "https://")):
            target = str(Path(target).expanduser())
        report = AddReport()
        self.notify(f"Adding {target}…", timeout=2)  # type: ignore[attr-defined]
        articles = await asyncio.to_thread(read_targets, [target], report)
        report.store(self.store, articles)
        self._refresh_list(self.open_id)  # type: ignore[attr-defined]
        for error in report.errors[:3]:
            self.notify(error, severity="error", timeout=8)  # type: ignore[attr-defined]
        self.notify(  # type: ignore[attr-defined]
            f"Added {len(report.added)}, updated {len(report.updated)}, "
            f"failed {len(report.errors)}.",
            timeout=4,
        )
