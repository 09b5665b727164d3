"""Helpers for driving the app in tests: a seeded store in a temp folder, a pilot session."""

from __future__ import annotations

from pathlib import Path

from reader.app.app import ReaderApp
from reader.commands import open_store


def make_app(data_dir: Path) -> ReaderApp:
    """The app as a new user gets it: a fresh store holding the bundled articles."""
    app = ReaderApp(open_store(data_dir))
    app.animation_level = "none"
    return app
