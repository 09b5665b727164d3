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


async def main() -> None:
    for name, size, keys in SHOTS:
        print(await shoot(name, size, keys))


if __name__ == "__main__":
    asyncio.run(main())
