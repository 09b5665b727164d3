"""Pictures: where ingest keeps them, how they are loaded (beside the file or from loopback,
only when an article is opened), cached, drawn as half-blocks, and switched off."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from reader.app.app import ReaderApp
from reader.app.widgets.article_images import HalfBlocks
from reader.cli.main import main
from reader.config import Config
from reader.ingest.html import parse_html_fragment
from reader.ingest.markdown import parse_markdown
from reader.models import Article, Block, Section
from reader.sources.image_paths import local_image
from reader.sources.images import ImageCache, ImageProblem, Picture, decode, load_picture
from reader.sources.library import add_targets
from tests.apphelpers import make_app, settle, wait_for
from tests.httpserver import FixtureServer

SIZE = (100, 34)


def sunrise_png(width: int = 120, height: int = 80) -> bytes:
    """A small made-up picture: a sun over the sea, a strip of land."""
    image = Image.new("RGB", (width, height), (20, 60, 140))
    draw = ImageDraw.Draw(image)
    draw.ellipse((width // 4, height // 8, width * 3 // 4, height * 7 // 8), fill=(240, 200, 40))
    draw.rectangle((0, height * 3 // 4, width, height), fill=(30, 120, 50))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def pixel_gif() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (1, 1)).save(out, "GIF")
    return out.getvalue()


STORY = """# Sunrise over the harbour

The sun came up over the harbour at six, and the [tide tables](https://tides.example/) held.

![The harbour at sunrise](img/photo.png)

Fishing boats left soon after.
"""


def story_folder(root: Path) -> Path:
    folder = root / "story"
    (folder / "img").mkdir(parents=True)
    (folder / "story.md").write_text(STORY, encoding="utf-8")
    (folder / "img" / "photo.png").write_bytes(sunrise_png())
    return folder


# -- ingest ------------------------------------------------------------------------------------


def test_a_picture_paragraph_keeps_its_address_and_tracking_pixels_are_dropped() -> None:
    fragment = parse_html_fragment(
        '<p>Text before.</p><p><img src="/a.jpg" alt="A harbour"></p>'
        '<p><img src="/pixel.gif" width="1" height="1"></p>'
        '<p><img src="/zero.gif" width="0"></p><p>Text after.</p>',
        base_url="https://news.example/story",
    )
    blocks = [block for section in fragment.sections for block in section.blocks]
    assert [(block.text, block.image) for block in blocks] == [
        ("Text before.", ""),
        ("[image: A harbour]", "https://news.example/a.jpg"),
        ("Text after.", ""),
    ]
    assert [link.url for link in fragment.links] == ["https://news.example/a.jpg"]


def test_a_markdown_picture_keeps_its_relative_address() -> None:
    article = parse_markdown(STORY)
    images = [block.image for section in article.sections for block in section.blocks]
    assert "img/photo.png" in images


def test_local_pictures_stay_inside_the_articles_folder(tmp_path: Path) -> None:
    story = story_folder(tmp_path) / "story.md"
    location = str(story)
    assert local_image(location, "img/photo.png") == (story.parent / "img/photo.png").resolve()
    assert local_image(location, "img/my%20photo.png") == (
        story.parent / "img/my photo.png"
    ).resolve()
    for outside in ("../secret.png", "img/../../secret.png", "/etc/passwd",
                    "https://x.example/a.png", "file:///etc/passwd", ""):  # fmt: skip
        assert local_image(location, outside) is None, outside
    assert local_image("<stdin>", "img/photo.png") is None


def test_adding_a_folder_with_markdown_and_its_pictures_reports_no_failures(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = story_folder(tmp_path)
    code = main(["--data-dir", str(tmp_path / "data"), "add", str(folder)])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert "added 1" in captured.out and "failed 0" in captured.out


def test_a_picture_no_markdown_uses_is_still_a_failure(tmp_path: Path) -> None:
    folder = story_folder(tmp_path)
    (folder / "stray.png").write_bytes(sunrise_png())
    report = add_targets(make_app(tmp_path / "data").store, [folder])
    assert len(report.added) == 1
    assert len(report.errors) == 1 and "stray.png" in report.errors[0]


# -- decoding and the cache --------------------------------------------------------------------


def test_decode_shrinks_big_pictures_and_drops_tracking_pixels() -> None:
    picture = decode(sunrise_png(1600, 900))
    assert picture is not None and (picture.width, picture.height) == (400, 225)
    assert len(picture.rgb) == 400 * 225 * 3
    assert decode(pixel_gif()) is None


def test_the_cache_drops_the_least_recently_used_first(tmp_path: Path) -> None:
    cache = ImageCache(tmp_path / "images", limit=250)
    for number, name in enumerate(("a", "b", "c")):
        cache.put(f"https://x.example/{name}", bytes([number]) * 100)
        # Each older than the next by whole seconds, whatever the file system's resolution.
        os.utime(cache._path(f"https://x.example/{name}"), (1000 + number, 1000 + number))
    assert cache.get("https://x.example/a") is None  # dropped when c went in
    assert cache.get("https://x.example/b") == b"\x01" * 100  # and now the most recent
    cache.put("https://x.example/d", b"\x03" * 100)
    assert cache.get("https://x.example/c") is None
    assert cache.get("https://x.example/b") is not None
    assert cache.get("https://x.example/d") is not None


def test_a_picture_from_loopback_is_fetched_once_then_cached(
    http_server: FixtureServer, tmp_path: Path
) -> None:
    url = http_server.add("/photo.png", sunrise_png(), headers={"Content-Type": "image/png"})
    cache = ImageCache(tmp_path / "images")
    first = load_picture(url, "", cache)
    second = load_picture(url, "", cache)
    assert first == second and isinstance(first, Picture)
    assert [path for path, _ in http_server.requests] == ["/photo.png"]


def test_a_page_served_in_place_of_a_picture_is_refused(
    http_server: FixtureServer, tmp_path: Path
) -> None:
    url = http_server.add("/photo.png", "<html>Not found</html>",
                          headers={"Content-Type": "text/html"})  # fmt: skip
    with pytest.raises(ImageProblem, match="served as text/html"):
        load_picture(url, "", ImageCache(tmp_path / "images"))
    assert not list((tmp_path / "images").glob("*"))


def test_half_blocks_are_the_same_cells_every_time() -> None:
    from rich.console import Console
    from rich.segment import Segment

    picture = decode(sunrise_png())
    assert picture is not None
    console = Console(width=40, color_system="truecolor", force_terminal=True)
    lines = console.render_lines(HalfBlocks(picture), console.options.update(width=40))
    assert len(lines) == 13  # 80/120 × 40 columns / 2 pixels a cell
    assert all(Segment.get_line_length(line) == 40 for line in lines)
    assert set("".join(segment.text for line in lines for segment in line)) == {"▀"}
    again = console.render_lines(HalfBlocks(picture), console.options.update(width=40))
    assert again == lines


# -- the app -----------------------------------------------------------------------------------


def picture_article(url: str, caption: str = "The harbour at sunrise") -> Article:
    return Article(
        title="A harbour at dawn",
        sections=[
            Section(
                blocks=[
                    Block(kind="paragraph", text="The sun came up over the harbour at six."),
                    Block(kind="paragraph", text=f"[image: {caption}]", image=url),
                    Block(kind="paragraph", text="Fishing boats left soon after."),
                ]
            )
        ],
    )


def reader_text(app: ReaderApp) -> str:
    return "\n".join(line.text for part in app.reader._parts for line in part or ())


async def test_pictures_are_fetched_when_opened_never_for_a_preview(
    http_server: FixtureServer, tmp_path: Path
) -> None:
    url = http_server.add("/photo.png", sunrise_png(), headers={"Content-Type": "image/png"})
    app = make_app(tmp_path)
    article_id, _ = app.store.add(picture_article(url))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await app.screen.show_article(article_id)  # what the list's preview does
        await settle(pilot)
        assert "[image: The harbour at sunrise]" in reader_text(app)
        assert http_server.requests == []
        await app.screen.open_article(article_id)
        await wait_for(pilot, lambda: url in app.reader.pictures.found, "the picture")
        await settle(pilot)
        text = reader_text(app)
        assert "▀" * 20 in text and "[image:" not in text
        assert "The harbour at sunrise" in text  # the caption, under the picture
        await pilot.press("I")
        assert "[image: The harbour at sunrise]" in reader_text(app)
    assert [path for path, _ in http_server.requests] == ["/photo.png"]


async def test_with_images_off_nothing_is_fetched(
    http_server: FixtureServer, tmp_path: Path
) -> None:
    url = http_server.add("/photo.png", sunrise_png(), headers={"Content-Type": "image/png"})
    app = make_app(tmp_path, config=Config(images="off"))
    article_id, _ = app.store.add(picture_article(url))
    async with app.run_test(size=SIZE) as pilot:
        await app.screen.open_article(article_id)
        await settle(pilot)
        assert "[image: The harbour at sunrise]" in reader_text(app)
        assert http_server.requests == []
        await pilot.press("I")  # for this article only: now it is fetched
        await wait_for(pilot, lambda: url in app.reader.pictures.found, "the picture")


async def test_the_text_is_shown_before_any_picture_arrives(
    http_server: FixtureServer, tmp_path: Path
) -> None:
    # A slow server: the article's text is on screen while its picture still downloads.
    body = sunrise_png()
    url = http_server.add("/slow.png", body, headers={"Content-Type": "image/png"}, delay=0.05)
    app = make_app(tmp_path)
    article_id, _ = app.store.add(picture_article(url))
    async with app.run_test(size=SIZE) as pilot:
        await app.screen.open_article(article_id)
        assert "Fishing boats left soon after." in reader_text(app)
        assert "[image: The harbour at sunrise]" in reader_text(app)
        await wait_for(pilot, lambda: url in app.reader.pictures.found, "the picture")


async def test_i_on_a_preview_loads_the_pictures(
    http_server: FixtureServer, tmp_path: Path
) -> None:
    url = http_server.add("/photo.png", sunrise_png(), headers={"Content-Type": "image/png"})
    app = make_app(tmp_path)
    article_id, _ = app.store.add(picture_article(url))
    async with app.run_test(size=SIZE) as pilot:
        await app.screen.show_article(article_id)
        await settle(pilot)
        assert http_server.requests == []
        await pilot.press("I")
        await wait_for(pilot, lambda: url in app.reader.pictures.found, "the picture")


async def test_a_picture_arriving_above_keeps_the_line_being_read_in_place(
    http_server: FixtureServer, tmp_path: Path
) -> None:
    url = http_server.add("/photo.png", sunrise_png(), headers={"Content-Type": "image/png"})
    article = picture_article(url)
    later = [Block(kind="paragraph", text=f"Later paragraph {n}. " * 6) for n in range(40)]
    article.sections.append(Section(title="Later", blocks=later))
    app = make_app(tmp_path)
    article_id, _ = app.store.add(article)
    async with app.run_test(size=SIZE) as pilot:
        await app.screen.show_article(article_id)
        await settle(pilot)
        reader = app.reader
        reader.jump_to_section(1)
        reader.scroll_to(y=reader.scroll_y + 5, animate=False, immediate=True, force=True)
        await settle(pilot)
        top_lines = [reader.render_line(y).text for y in range(5)]
        assert "Later paragraph" in "".join(top_lines)
        await pilot.press("I")
        await wait_for(pilot, lambda: url in reader.pictures.found, "the picture")
        await settle(pilot)
        assert "▀" * 10 in "\n".join(line.text for line in reader._parts[1] or ())
        assert [reader.render_line(y).text for y in range(5)] == top_lines
        assert reader.current_section == 1


@pytest.mark.parametrize(
    ("pixels", "max_width", "cells"),
    [((120, 80), 40, (40, 13)), ((120, 80), 200, (60, 20)), ((60, 20), 200, (60, 10)),
     ((100, 400), 80, (10, 20)), ((400, 10), 88, (88, 1)), ((2, 2), 88, (2, 1))],
)  # fmt: skip
def test_half_blocks_fit_the_width_and_at_most_twenty_rows(
    pixels: tuple[int, int], max_width: int, cells: tuple[int, int]
) -> None:
    width, height = pixels
    picture = Picture(width, height, b"\0" * (width * height * 3))
    assert HalfBlocks(picture).size(max_width) == cells


def test_pictures_shown_by_markdown_are_read_before_parsing(tmp_path: Path) -> None:
    from reader.sources.image_paths import pictures_shown_by_markdown

    folder = story_folder(tmp_path)
    (folder / "ref.md").write_text(
        "# Ref\n\nA picture by reference: ![map][m]\n\n[m]: img/map%20one.png\n", encoding="utf-8"
    )
    (folder / "img" / "map one.png").write_bytes(sunrise_png())
    (folder / "stray.png").write_bytes(sunrise_png())
    files = sorted(path for path in folder.rglob("*") if path.is_file())
    assert pictures_shown_by_markdown(files) == {
        (folder / "img" / "photo.png").resolve(),
        (folder / "img" / "map one.png").resolve(),
    }
    # No pictures in the folder: no Markdown is read at all.
    assert pictures_shown_by_markdown([folder / "story.md"]) == set()
