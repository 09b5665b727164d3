"""Shared fixtures: a fixed clock, a store in tmp_path, a deterministic terminal environment."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from reader.models import Article, Block, Section
from reader.store import Store

SEED_NAME = "000_850b80ab13632fa8.txt"
REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _deterministic_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # A user's theme, colour settings or data dir must never leak into a test.
    for name in ("TEXTUAL_THEME", "NO_COLOR", "READER_DATA_DIR", "READER_CONFIG", "TEXTUAL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))


class FixedClock:
    """A clock that moves forward one second each time it is read."""

    def __init__(self, start: datetime = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)) -> None:
        self.now = start

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock()


@pytest.fixture
def store(tmp_path: Path, clock: FixedClock) -> Store:
    opened = Store.in_dir(tmp_path / "data", clock=clock)
    yield opened
    opened.close()


def make_article(n: int, *, sections: int = 2, title: str | None = None) -> Article:
    """A small generated article, distinct for each `n`."""
    return Article(
        title=title or f"Article number {n}",
        source=f"source-{n % 3}.txt",
        location=f"/tmp/source-{n}.txt",
        sections=[
            Section(
                title=f"Part {s + 1}",
                blocks=[Block(kind="paragraph", text=f"Paragraph {s} of article {n}. " * 20)],
            )
            for s in range(sections)
        ],
        original=f"original text {n}",
    )


@pytest.fixture
def seed_path() -> Path:
    return REPO / "seeds" / SEED_NAME


# The local HTTP server fixture, for every test that fetches.
from tests.httpserver import http_server  # noqa: E402, F401
from tests.sync_servers import coldsweat, feed_site, freshrss  # noqa: E402, F401
