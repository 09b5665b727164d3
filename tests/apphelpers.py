"""Helpers for driving the app in tests: a seeded store in a temp folder, a pilot session."""

from __future__ import annotations

from pathlib import Path

from reader.app.app import ReaderApp
from reader.commands import open_store


def make_app(data_dir: Path) -> ReaderApp:
    """The app as a new user gets it: a fresh store holding the bundled articles."""
    app = ReaderApp(open_store(data_dir))
    app.animation_level = "none"
    app.cursor_blink = False
    app.preview_delay = 0  # previews at once, so each key's effect is there when pilot returns
    return app


FIXTURES = Path(__file__).resolve().parent / "fixtures"


def make_feed_app(data_dir: Path) -> ReaderApp:
    """The app on a library with a subscribed feed, refreshed from a fixture (no network)."""
    from reader.fetch import Fetched
    from reader.refresh import refresh_feeds

    body = (FIXTURES / "feeds" / "gazette.xml").read_bytes()

    def fixture_fetcher(url: str, **_: object) -> Fetched:
        return Fetched(url, 200, body, "application/rss+xml", None, '"v1"', None)

    app = make_app(data_dir)
    app.store.add_feed("http://gazette.invalid/feed.xml")
    refresh_feeds(app.store, fetcher=fixture_fetcher)
    return app
