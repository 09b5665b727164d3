"""Links in the reader: numbered in the text, listed at the end, opened by number or click;
only checked http, https and mailto targets ever become hyperlinks."""

from __future__ import annotations

import re
import webbrowser
from pathlib import Path

import pytest

from reader.app.app import ReaderApp
from reader.app.screens.dialogs import NumberScreen
from reader.app.widgets.article_links import clickable_target, number_links
from reader.app.widgets.reader_view import ReaderView
from reader.ingest.markdown import parse_markdown
from reader.models import Article, Block, Link, Section
from tests.apphelpers import make_app, notices, settle, wait_for

SIZE = (120, 40)
LINKED = """# Three links

Read the [first report](https://one.example/report) and the
[second one](http://two.example/b?q=1&r=2), or write to [the desk](mailto:desk@news.example).

- A list item with [a link](https://one.example/report) to the first again.
- And [an ftp file](ftp://files.example/x.zip).
"""


def test_links_are_numbered_in_order_each_address_once() -> None:
    article = parse_markdown(LINKED)
    found = number_links(article)
    assert [(link.number, link.url) for link in found.links] == [
        (1, "https://one.example/report"),
        (2, "http://two.example/b?q=1&r=2"),
        (3, "mailto:desk@news.example"),
        (4, "ftp://files.example/x.zip"),
    ]
    # Every link's words were found in the text, the repeat marked with the first's number.
    numbers = sorted(n for places in found.places.values() for _, _, n in places)
    assert numbers == [1, 1, 2, 3, 4]
    assert found.links[3].target is None  # ftp: listed, never opened


def _article(*urls: str) -> Article:
    words = [f"word{n}" for n in range(len(urls))]
    return Article(
        title="Hostile links",
        sections=[Section(blocks=[Block(kind="paragraph", text=" and ".join(words) + ".")])],
        links=[Link(url=url, text=word) for url, word in zip(urls, words, strict=True)],
    )


HOSTILE = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox",
    "file:///etc/passwd",
    "https://ok.example/\x1b]8;;https://evil.example\x1b\\",
    "https://ok.example/\x07bell",
    "https://ok.example/a b",
    "https://ok.example/\u202eevil",
    "https://ok.example/\x9b31m",
    "http:///no-host",
    "https://x.example/" + "a" * 3000,
]


@pytest.mark.parametrize("url", HOSTILE)
def test_hostile_targets_are_never_clickable(url: str) -> None:
    assert clickable_target(url) is None


def test_safe_targets_are_kept_and_non_ascii_is_percent_encoded() -> None:
    assert clickable_target("https://a.example/x?y=1#z") == "https://a.example/x?y=1#z"
    assert clickable_target("mailto:desk@news.example") == "mailto:desk@news.example"
    assert clickable_target("https://a.example/café") == "https://a.example/caf%C3%A9"


def _hyperlinks(reader: ReaderView) -> set[str]:
    """Every hyperlink target the reader's rendered lines carry."""
    return {
        segment.style.link
        for part in reader._parts
        for line in part or ()
        for segment in line
        if segment.style is not None and segment.style.link
    }


async def test_the_reader_marks_lists_and_makes_only_safe_links_clickable(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path)
    # As a store written by hand or by an older release might hold them: no ingest checks.
    hostile_id, _ = app.store.add(_article("https://fine.example/", *HOSTILE))
    async with app.run_test(size=SIZE) as pilot:
        await app.screen.open_article(hostile_id)
        await settle(pilot)
        reader = app.reader
        assert _hyperlinks(reader) == {"https://fine.example/"}
        text = "\n".join(line.text for part in reader._parts for line in part or ())
        assert "word0[1] and word1[2]" in text
        assert "Links · L then a number opens one" in text
        assert text.count("· not opened") == len(HOSTILE)
        assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text
        # What Textual writes to the terminal: OSC 8 for the one safe target, and nothing else.
        written = "".join(
            line.render(app.console) for part in reader._parts for line in part or ()
        )
        targets = set(re.findall(r"\x1b\]8;id=[^;]*;([^\x1b]*)\x1b\\", written))
        assert targets == {"https://fine.example/"}


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the app handed the browser module, in order (nothing really opens)."""
    urls: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda url, new=0: urls.append(url) or True)
    return urls


async def _open_linked(app: ReaderApp, pilot) -> None:  # type: ignore[no-untyped-def]
    article_id, _ = app.store.add(parse_markdown(LINKED))
    await app.screen.open_article(article_id)
    await settle(pilot)


async def test_l_then_a_number_opens_that_link(tmp_path: Path, opened: list[str]) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await _open_linked(app, pilot)
        await pilot.press("L")
        await wait_for(pilot, lambda: isinstance(app.screen, NumberScreen), "the number dialog")
        await pilot.press("2", "enter")
        await wait_for(pilot, lambda: opened, "the browser to be asked")
        assert opened == ["http://two.example/b?q=1&r=2"]
        await pilot.press("L", "4", "enter")
        await wait_for(pilot, lambda: any("[4] is not opened" in n for n in notices(app)), "a no")
        await pilot.press("L", "9", "enter")  # out of range: the dialog stays, says why
        assert isinstance(app.screen, NumberScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert opened == ["http://two.example/b?q=1&r=2"]


async def test_o_alone_still_opens_the_articles_own_page(tmp_path: Path, opened: list[str]) -> None:
    app = make_app(tmp_path)
    article = parse_markdown(LINKED).model_copy(update={"link": "https://own.example/page"})
    async with app.run_test(size=SIZE) as pilot:
        article_id, _ = app.store.add(article)
        await app.screen.open_article(article_id)
        await pilot.press("o")
        await wait_for(pilot, lambda: opened, "the browser to be asked")
        assert opened == ["https://own.example/page"]


async def test_a_click_on_a_links_words_opens_it(tmp_path: Path, opened: list[str]) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await _open_linked(app, pilot)
        reader = app.reader
        # Where the words "first report" are drawn in the text: their line and column.
        lines = [line.text for part in reader._parts for line in part or ()]
        y = next(row for row, text in enumerate(lines) if "first report[1]" in text)
        column = lines[y].find("first report[1]")
        reader.scroll_to(y=y, animate=False, immediate=True, force=True)
        await settle(pilot)
        region = reader.scrollable_content_region
        await pilot.click(offset=(region.x + column + 2, region.y + round(y - reader.scroll_y)))
        await wait_for(pilot, lambda: opened, "the browser to be asked")
        assert opened == ["https://one.example/report"]
