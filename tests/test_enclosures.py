"""Feed enclosures (podcasts, video): read from RSS, Media RSS, iTunes and JSON Feed, shown
under the article, in `show --json`, and played with the configured player (an argv list)."""

from __future__ import annotations

import json
import sys
import webbrowser
from pathlib import Path

import pytest

from reader.app.app import ReaderApp
from reader.app.screens.dialogs import NumberScreen
from reader.cli.lookup import open_store
from reader.cli.main import main
from reader.config import Config
from reader.ingest.enclosures import parse_duration, parse_length
from reader.ingest.feeds import parse_feed
from reader.models import Article, Block, Enclosure, Section
from reader.query import Query
from tests.apphelpers import FIXTURES, make_app, make_feed_app, notices, settle, wait_for

SIZE = (120, 40)
FEED_URL = "https://podcast.example/feed.xml"
EPISODE_12 = Enclosure(
    url="https://cdn.podcast.example/12.mp3", type="audio/mpeg", length=48123904, duration=3723
)
EPISODE_13 = Enclosure(
    url="https://cdn.podcast.example/13.mp4", type="video/mp4", length=734003200, duration=1500
)


def _podcast() -> list[Article]:
    data = (FIXTURES / "feeds" / "podcast.xml").read_bytes()
    return parse_feed(data, url=FEED_URL).entries


def test_rss_enclosure_media_content_and_itunes_duration() -> None:
    twelve, thirteen = _podcast()
    assert twelve.enclosures == [EPISODE_12]
    # media:content of a video; its picture stays an image, the javascript: one is dropped.
    assert thirteen.enclosures == [EPISODE_13]
    assert "https://cdn.podcast.example/13.jpg" in [link.url for link in thirteen.links]


def test_json_feed_attachments() -> None:
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "JSON cast",
        "items": [
            {
                "id": "1",
                "content_text": "An episode.",
                "attachments": [
                    {"url": "/ep1.m4a", "mime_type": "audio/x-m4a", "size_in_bytes": 1234,
                     "duration_in_seconds": 95, "title": "Episode one"},
                    {"url": "/cover.png", "mime_type": "image/png"},
                    {"url": "data:audio/mpeg;base64,AAAA", "mime_type": "audio/mpeg"},
                    {"url": "/bad.mp3", "mime_type": "audio/mpeg", "size_in_bytes": -5,
                     "duration_in_seconds": "forever"},
                ],
            }
        ],
    }
    entry = parse_feed(json.dumps(feed).encode(), url="https://j.example/feed.json").entries[0]
    assert entry.enclosures == [
        Enclosure(url="https://j.example/ep1.m4a", type="audio/x-m4a", length=1234,
                  duration=95, title="Episode one"),
        Enclosure(url="https://j.example/bad.mp3", type="audio/mpeg"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("value", "seconds"),
    [("3723", 3723), ("62:03", 3723), ("1:02:03", 3723), (95, 95), ("95.7", 95),
     ("", None), ("0", None), ("-4", None), ("soon", None), (True, None), ("1e400", None),
     ("99999999999999999999", None)],
)  # fmt: skip
def test_durations(value: object, seconds: int | None) -> None:
    assert parse_duration(value) == seconds


@pytest.mark.parametrize(
    ("value", "length"),
    [("48123904", 48123904), (12, 12), ("0", None), ("-1", None), ("big", None), (None, None)],
)
def test_lengths(value: object, length: int | None) -> None:
    assert parse_length(value) == length


def test_show_json_lists_the_enclosures(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = open_store(tmp_path)
    article_id, _ = store.add(_podcast()[0])
    store.close()
    assert main(["--data-dir", str(tmp_path), "show", str(article_id), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["enclosures"] == [
        {"url": EPISODE_12.url, "type": "audio/mpeg", "length": 48123904, "duration": 3723,
         "title": ""}
    ]  # fmt: skip


def _episode(app: ReaderApp, title: str) -> int:
    return next(item.id for item in app.store.page(Query(), 0, 50) if item.title.startswith(title))


# Written beside, then renamed into place: the file appears whole or not at all.
PLAYER = """\
import json, os, sys
from pathlib import Path
Path(sys.argv[1] + ".part").write_text(json.dumps(sys.argv[2:]), encoding="utf-8")
os.replace(sys.argv[1] + ".part", sys.argv[1])
"""


def _player(tmp_path: Path) -> tuple[list[str], Path]:
    """A tiny player that writes the arguments it was given to a file."""
    script = tmp_path / "player.py"
    script.write_text(PLAYER, encoding="utf-8")
    out = tmp_path / "argv.json"
    return [sys.executable, str(script), str(out), "--no-video"], out


async def test_e_plays_the_enclosure_with_the_player_as_an_argument_list(tmp_path: Path) -> None:
    player, out = _player(tmp_path)
    app = make_feed_app(tmp_path / "data", "podcast.xml", config=Config(player=player))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        episode = _episode(app, "Episode 12")
        await app.screen.open_article(episode)
        text = "\n".join(line.text for part in app.reader._parts for line in part or ())
        assert "▶ audio/mpeg · 45.9 MB · 1:02:03 · e plays it" in text
        await pilot.press("e")
        await wait_for(pilot, out.exists, "the player to write its arguments")
    assert json.loads(out.read_text(encoding="utf-8")) == ["--no-video", EPISODE_12.url]


async def test_e_asks_which_file_when_there_are_several(tmp_path: Path) -> None:
    player, out = _player(tmp_path)
    app = make_app(tmp_path / "data", config=Config(player=player))
    article = Article(
        title="Two files",
        sections=[Section(blocks=[Block(kind="paragraph", text="Audio and video.")])],
        enclosures=[EPISODE_12, EPISODE_13],
    )
    async with app.run_test(size=SIZE) as pilot:
        article_id, _ = app.store.add(article)
        await app.screen.open_article(article_id)
        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(app.screen, NumberScreen), "the dialog")
        await pilot.press("backspace", "2", "enter")
        await wait_for(pilot, out.exists, "the player to write its arguments")
    assert json.loads(out.read_text(encoding="utf-8")) == ["--no-video", EPISODE_13.url]


async def test_without_a_player_the_browser_opens_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda url, new=0: opened.append(url) or True)
    app = make_feed_app(tmp_path, "podcast.xml")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        episode = _episode(app, "Episode 13")
        await app.screen.open_article(episode)
        await pilot.press("e")
        await wait_for(pilot, lambda: opened, "the browser to be asked")
    assert opened == [EPISODE_13.url]


async def test_a_player_that_is_not_installed_is_one_error_line(tmp_path: Path) -> None:
    missing = str(tmp_path / "no-such-player")
    app = make_feed_app(tmp_path / "data", "podcast.xml", config=Config(player=[missing]))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await app.screen.open_article(_episode(app, "Episode 12"))
        await pilot.press("e")
        await settle(pilot)
        assert any(f"Player not found: {missing}" in notice for notice in notices(app))
