"""What `r`, `f` and `a` do: sync accounts and refresh feeds, fetch full articles, add files
and pages.

Fetching and parsing run in threads; every store write happens back on the app's thread. Each
task is a coroutine the reading screen runs as an exclusive worker.
"""

from __future__ import annotations

import asyncio
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from reader.app.guard import reports_store_errors
from reader.app.library import Library
from reader.app.widgets.refresh_status import RefreshStatus
from reader.models import Feed, ListItem
from reader.store import Store

if TYPE_CHECKING:
    from textual.app import App

    from reader.sources.refresh import FeedFetch
    from reader.store.sync_state import AccountProgress

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
    def set_sync_status(self, line: str) -> None: ...
    async def show_article(self, article_id: int, *, again: bool = False) -> None: ...


class FeedTasks:
    """The network side of the reading screen."""

    def __init__(self, screen: Reading) -> None:
        self.screen = screen
        self.store = screen.store

    def notify(self, message: str, **kwargs: object) -> None:
        self.screen.notify(message, **kwargs)

    @property
    def data_dir(self) -> Path:
        return self.store.path.parent

    def has_accounts(self) -> bool:
        from reader.sources.sync.accounts import accounts_path

        return accounts_path(self.data_dir).exists()

    def show_sync_status(self) -> None:
        """Say on the list's border when each account last synced, or why it could not."""
        if not self.has_accounts():
            return
        from reader.sources.sync.engine import account_statuses

        line = sync_status_line(account_statuses(self.store, self.data_dir))
        self.screen.set_sync_status(line)

    @reports_store_errors
    async def sync(self) -> None:
        """Sync every account in a thread (push what changed here, pull the server's news and
        state); the list follows. Offline or a server down is one quiet notice."""
        if not self.has_accounts():
            return
        from reader.sources.sync.engine import sync_accounts

        status = self.screen.query_one(RefreshStatus)
        app = self.screen.app

        def progress(account: str, step: str, done: int, total: int) -> None:
            app.call_from_thread(status.show_sync, account, step, done, total)

        status.start_sync()
        try:
            results = await asyncio.to_thread(
                sync_accounts, None, self.data_dir, progress=progress
            )
        finally:
            status.finish()
        self.show_sync_status()
        self.screen.refresh_list(self.screen.open_id)
        failed = [result for result in results if not result.ok]
        if failed:
            self.notify(
                "; ".join(f"{result.account}: {result.error}" for result in failed),
                title="Sync", severity="warning", timeout=6,
            )

    @reports_store_errors
    async def refresh(self) -> None:
        """`r`: sync the accounts, then fetch every feed in threads, storing each one's
        entries as it arrives."""
        from reader.sources.refresh import apply_fetch, fetch_feed

        accounts = self.has_accounts()
        if accounts:
            await self.sync()
        feeds = self.store.feeds()
        if not feeds:
            if not accounts:
                self.notify(
                    "No feeds or accounts yet: `reader feed add URL` or `reader account add`.",
                    timeout=4,
                )
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

    # -- links ----------------------------------------------------------------------------

    def link(self, item: ListItem | None) -> str | None:
        """The article's web address, or None (and a notice) if it has no http(s) one."""
        stored = self.store.get(item.id) if item is not None else None
        link = stored.article.link if stored else None
        from reader.sources.fetch import is_web_url

        if not link or not is_web_url(link):
            self.notify("This article has no web link.", severity="warning", timeout=3)
            return None
        return link

    def open_link(self, item: ListItem | None) -> None:
        if (link := self.link(item)) is not None:
            open_in_browser(self.screen.app, link)
            self.notify(f"Opening {link}", timeout=3)

    def copy_link(self, item: ListItem | None) -> None:
        if (link := self.link(item)) is not None:
            self.screen.app.copy_to_clipboard(link)
            self.notify(f"Copied {link}", timeout=3)

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
        from reader.sources.library import read_targets
        from reader.sources.readers import AddReport

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


def open_in_browser(app: App[Any], url: str) -> None:
    """Open a checked address (http, https or mailto only get here) with Python's browser
    module, never a shell; in a thread, as a browser can take its time to start."""
    import webbrowser

    app.run_worker(lambda: webbrowser.open(url, new=2), thread=True, group="browser")


def sync_status_line(statuses: list[AccountProgress], today: datetime | None = None) -> str:
    """`synced 14:02`, or per account `alice: synced 14:02 · bob: server down (3 waiting)`."""
    today = today or datetime.now().astimezone()

    def when(stamp: str) -> str:
        moment = datetime.fromisoformat(stamp).astimezone(today.tzinfo)
        same_day = moment.date() == today.date()
        return moment.strftime("%H:%M") if same_day else moment.strftime("%Y-%m-%d")

    parts = []
    for status in statuses:
        if status.last_error and (status.last_attempt or "") >= (status.last_sync or ""):
            part = f"not synced: {status.last_error}"
        elif status.last_sync:
            part = f"synced {when(status.last_sync)}"
        else:
            part = "never synced"
        if status.pending:
            part += f" ({status.pending} to push)"
        parts.append(part if len(statuses) == 1 else f"{status.name}: {part}")
    return " · ".join(parts)
