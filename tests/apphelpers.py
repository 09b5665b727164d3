"""Helpers for driving the app in tests: a seeded store in a temp folder, a pilot session."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot
from textual.worker import WorkerCancelled

from reader.app.app import ReaderApp
from reader.cli.lookup import open_store
from reader.store import Store


def make_app(
    data_dir: Path | None = None, *, store: Store | None = None, **options: object
) -> ReaderApp:
    """The app as a test wants it: on `store`, else on a fresh store in `data_dir` holding the
    bundled articles (as a new user gets it); `options` go to ReaderApp (config, ...).

    Nothing in it waits on a timer: previews and searches follow each key at once, so a test
    waits only for the condition it needs (`wait_for`, `settle`). The cursor does not blink
    and nothing animates, so snapshots are stable.
    """
    if store is None:
        assert data_dir is not None, "make_app needs a data dir or a store"
        store = open_store(data_dir)
    app = ReaderApp(store, **options)  # type: ignore[arg-type]
    app.animation_level = "none"
    app.cursor_blink = False
    app.preview_delay = 0
    app.search_debounce = 0
    return app


WAIT_CAP = 60.0
"""Seconds a test waits for a condition before it fails: generous, so that a slow or busy
machine makes a test slower, never red."""


async def wait_for(pilot: Pilot, condition: Callable[[], object], what: str) -> None:
    """Let the app run until `condition()` holds; fail after WAIT_CAP seconds."""
    deadline = time.monotonic() + WAIT_CAP
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"waited {WAIT_CAP:.0f} s for {what}")
        await pilot.pause()
        # pause() returns once the app is idle; a thread worker may still be running.
        await asyncio.sleep(0.01)


async def settle(pilot: Pilot) -> None:
    """Wait until the app has no work left: messages handled, every worker done (a worker
    cancelled by a newer one is done too), and nothing the handlers started in turn."""
    app = pilot.app
    deadline = time.monotonic() + WAIT_CAP
    while True:
        await pilot.pause()
        running = [worker for worker in app.workers if not worker.is_finished]
        if not running:
            await pilot.pause()
            if not any(not worker.is_finished for worker in app.workers):
                return
        if time.monotonic() > deadline:
            raise AssertionError(f"waited {WAIT_CAP:.0f} s for workers: {running}")
        for worker in running:
            with contextlib.suppress(WorkerCancelled, Exception):
                await asyncio.wait_for(worker.wait(), timeout=max(0.0, deadline - time.monotonic()))


def notices(app: ReaderApp) -> list[str]:
    """The text of every notification shown so far, as the app put it (no wrapping)."""
    return [notification.message for notification in app._notifications]


def toast_texts(app: ReaderApp) -> list[str]:
    """The plain text of each toast on screen, as rendered (markup shown literally or not),
    before the terminal's width wraps it."""
    return [toast.render().plain for toast in app.screen.query("Toast")]


FIXTURES = Path(__file__).resolve().parent / "fixtures"


def make_feed_app(data_dir: Path, fixture: str = "gazette.xml", **options: object) -> ReaderApp:
    """The app on a library with a subscribed feed, refreshed from a fixture (no network);
    `options` go to ReaderApp (config, ...)."""
    from reader.sources.fetch import Fetched
    from reader.sources.refresh import refresh_feeds

    body = (FIXTURES / "feeds" / fixture).read_bytes()

    def fixture_fetcher(url: str, **_: object) -> Fetched:
        return Fetched(url, 200, body, "application/rss+xml", None, '"v1"', None)

    app = make_app(data_dir, **options)
    app.store.add_feed("http://gazette.invalid/feed.xml")
    refresh_feeds(app.store, fetcher=fixture_fetcher)
    return app
