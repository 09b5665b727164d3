"""Regenerate the README's screenshots from the real app: `python screenshots/generate.py`.

Each shot starts the app on a fresh store of the bundled articles in a temporary folder,
presses the keys a user would, and saves an SVG beside this script.
"""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from reader.app.app import ReaderApp
from reader.cli.lookup import open_store

HERE = Path(__file__).resolve().parent

SHOTS: list[tuple[str, tuple[int, int], list[str]]] = [
    ("first-start", (120, 36), []),
    ("reading", (120, 36), ["enter", "right_square_bracket", "right_square_bracket"]),
    ("faq", (120, 36), ["enter"] + ["right_square_bracket"] * 9),
    ("sidebar", (120, 36), ["tab", "tab", "down", "down"]),
    ("help", (120, 36), ["question_mark"]),
    ("narrow", (80, 24), []),
    ("narrow-reading", (80, 24), ["enter"]),
    ("one-pane", (60, 24), ["enter"]),
]


async def shoot(name: str, size: tuple[int, int], keys: list[str]) -> Path:
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder))
        app = ReaderApp(store)
        app.animation_level = "none"
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            for key in keys:
                await pilot.press(key)
            await pilot.pause()
            target = HERE / f"{name}.svg"
            app.save_screenshot(filename=target.name, path=str(HERE))
        store.close()
    return target


STORY = """# Harbour reopens after the storm

*Fishing boats left at dawn for the first time in a week.*

The harbour master lifted the closure at six, after the [coastguard's survey](https://coastguard.example/survey)
found the channel clear. Crews had waited since the [storm warning](https://weather.example/warnings/412)
last Tuesday.

![Boats leaving the harbour at sunrise](img/harbour.png)

"We lost a week, not a boat," said one skipper. The [port authority](https://port.example/) expects
normal traffic by the weekend.
"""


def harbour_picture() -> bytes:
    """A made-up photo for the shot: sky, sun, sea, two boats (no real picture is shipped)."""
    import io

    from PIL import Image, ImageDraw

    width, height = 320, 160
    image = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(image)
    for y in range(100):  # the sky, from night blue to dawn orange
        share = y / 100
        draw.line([(0, y), (width, y)], fill=(int(40 + 200 * share), int(50 + 90 * share),
                                              int(120 - 40 * share)))  # fmt: skip
    draw.ellipse((130, 60, 190, 120), fill=(255, 210, 90))
    draw.rectangle((0, 100, width, height), fill=(20, 70, 110))
    for x in (60, 220):
        draw.polygon([(x, 120), (x + 50, 120), (x + 40, 132), (x + 10, 132)], fill=(40, 30, 30))
        draw.line([(x + 25, 120), (x + 25, 92)], fill=(40, 30, 30), width=2)
        draw.polygon([(x + 26, 94), (x + 26, 118), (x + 44, 118)], fill=(235, 235, 225))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


async def shoot_pictures(name: str, size: tuple[int, int]) -> Path:
    """An article with its lead photo in half-blocks and its numbered links."""
    from reader.sources.library import add_targets

    with tempfile.TemporaryDirectory() as folder:
        story = Path(folder, "story")
        (story / "img").mkdir(parents=True)
        (story / "harbour.md").write_text(STORY, encoding="utf-8")
        (story / "img" / "harbour.png").write_bytes(harbour_picture())
        store = open_store(Path(folder, "data"))
        story_id = add_targets(store, [story]).added[0]
        app = ReaderApp(store)
        app.animation_level = "none"
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await app.screen.open_article(story_id)
            while not app.reader.pictures.found and not app.reader.pictures.failed:
                await pilot.pause()
            await pilot.pause()
            target = HERE / f"{name}.svg"
            app.save_screenshot(filename=target.name, path=str(HERE))
        store.close()
    return target


async def main() -> None:
    for name, size, keys in SHOTS:
        print(await shoot(name, size, keys))
    print(await shoot_pictures("pictures", (120, 36)))


if __name__ == "__main__":
    asyncio.run(main())
