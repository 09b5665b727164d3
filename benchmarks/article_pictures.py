"""What pictures cost the reader: opening an article with 20 pictures against the same article
without them, and scrolling through it once its pictures are drawn (JSON).

    python benchmarks/article_pictures.py [--rounds 5]

Two Markdown files in a temp folder, with the same 20 paragraphs; one also shows 20 photos
(800×600 PNGs beside it, read without any network). Each round opens one, then the other:

- `open_ms` (best of the rounds): `open_article` from call to return, the text laid out and
  ready to paint. The pictures load afterwards, in a thread, so this must stay near the
  article without them (`open_ratio`: with / without, both measured in this run: the floor).
- `all_pictures_ms`: from opening until the last picture is drawn (informational).
- `page_down_cpu_ms` (best of the rounds): CPU time of one page-down key through the whole
  article, pictures drawn, against the same for the text alone (`scroll_ratio`).
"""

from __future__ import annotations

import argparse
import asyncio
import io
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

PICTURES = 20


def make_folder(root: Path) -> tuple[Path, Path]:
    from PIL import Image, ImageDraw

    (root / "img").mkdir(parents=True)
    text = [f"Paragraph {n}: " + "the harbour woke slowly and the boats went out. " * 8
            for n in range(PICTURES)]  # fmt: skip
    with_pictures, without = ["# With pictures", ""], ["# Without pictures", ""]
    for number, paragraph in enumerate(text):
        image = Image.new("RGB", (800, 600), (20 + number * 10, 60, 140))
        ImageDraw.Draw(image).ellipse((200, 100, 600, 500), fill=(240, 200, 40))
        out = io.BytesIO()
        image.save(out, "PNG")
        (root / "img" / f"p{number}.png").write_bytes(out.getvalue())
        with_pictures += [paragraph, "", f"![Photo {number}](img/p{number}.png)", ""]
        without += [paragraph, ""]
    (root / "with.md").write_text("\n".join(with_pictures), encoding="utf-8")
    (root / "without.md").write_text("\n".join(without), encoding="utf-8")
    return root / "with.md", root / "without.md"


async def measure(rounds: int) -> dict[str, object]:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from reader.app.app import ReaderApp
    from reader.cli.lookup import open_store
    from reader.sources.library import add_targets

    with tempfile.TemporaryDirectory() as temp:
        root = Path(temp)
        with_file, without_file = make_folder(root / "story")
        store = open_store(root / "data")
        with_id = add_targets(store, [with_file]).added[0]
        without_id = add_targets(store, [without_file]).added[0]
        app = ReaderApp(store)
        app.animation_level = "none"
        results: dict[str, list[float]] = {"with": [], "without": [], "all": []}
        scroll: dict[str, list[float]] = {"with": [], "without": []}
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            screen = app.screen
            for _ in range(rounds):
                for name, article_id in (("with", with_id), ("without", without_id)):
                    screen.open_id = None
                    screen.reader.pictures.found.clear()
                    started = time.perf_counter()
                    await screen.open_article(article_id)
                    results[name].append((time.perf_counter() - started) * 1000)
                    if name == "with":
                        pictures = screen.reader.pictures
                        while len(pictures.found) + len(pictures.failed) < PICTURES:
                            await pilot.pause()
                        results["all"].append((time.perf_counter() - started) * 1000)
                    await pilot.pause()
                    screen.reader.scroll_to(y=0, animate=False, immediate=True)
                    presses = 0
                    cpu = time.process_time()
                    while screen.reader.scroll_y < screen.reader.max_scroll_y and presses < 500:
                        await pilot.press("pagedown")
                        presses += 1
                    scroll[name].append((time.process_time() - cpu) * 1000 / max(1, presses))
        store.close()
    open_with, open_without = min(results["with"]), min(
        results["without"]
    )
    scroll_with, scroll_without = min(scroll["with"]), min(
        scroll["without"]
    )
    return {
        "rounds": rounds,
        "pictures": PICTURES,
        "open_ms": {"with": round(open_with, 2), "without": round(open_without, 2)},
        "open_ratio": round(open_with / open_without, 2),
        "all_pictures_ms": round(statistics.median(results["all"]), 1),
        "page_down_cpu_ms": {"with": round(scroll_with, 2), "without": round(scroll_without, 2)},
        "scroll_ratio": round(scroll_with / scroll_without, 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    print(json.dumps(asyncio.run(measure(args.rounds)), indent=2))


if __name__ == "__main__":
    main()
