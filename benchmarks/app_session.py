"""Drive an app headless with Pilot and print what its key presses cost (JSON).

    python benchmarks/app_session.py keys reader DATA_DIR [--quick]
    python benchmarks/app_session.py keys minimal
    python benchmarks/app_session.py memory reader DATA_DIR
    python benchmarks/app_session.py memory minimal

`keys` times each press two ways:

- `frame`: from posting the key to the end of the next frame the screen paints once every
  handler it set off has run (the app's own message queues drained, then a callback after
  the screen's refresh). This is the latency a user sees, without any sleep of the harness
  in it; it includes Textual's frame pacing (one frame every 1/60 s).
- `pilot`: `await pilot.press(key)` then `await pilot.pause()`, as the tests do. Pilot waits
  for the process to go idle in steps of 1/50 s, so this has a floor of a few tens of ms
  whatever the app does; the minimal app shows that floor.

Each also records the CPU time spent, which has no floor and shows the work a press causes.

`memory` opens the app, browses 200 key presses, and prints the process's peak RSS (VmHWM
from /proc where there is one, else `resource.getrusage`).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

from textual import events
from textual.app import App
from textual.pilot import Pilot

SIZE = (120, 40)
DRAIN_ROUNDS = 8
"""A key travels app -> focused widget -> action -> message -> parent -> app: a few hops."""

Sample = dict[str, list[float]]


def make_app(kind: str, data_dir: Path | None) -> App[None]:
    if kind == "reader":
        from reader.app.app import ReaderApp
        from reader.cli.lookup import open_store

        assert data_dir is not None
        app: App[None] = ReaderApp(open_store(data_dir), freeze_gc=True)  # as `reader` runs it
    else:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from minimal_app import MinimalApp

        app = MinimalApp()
    return app


def _resolve(done: asyncio.Future[None]) -> None:
    # One plain function for every callback: Textual counts a callback's parameters with
    # inspect.signature, cached per callable, and a fresh bound `Future.set_result` each time
    # missed that cache and cost about 0.5 ms per call, in the harness, not the app.
    done.set_result(None)


async def settle(app: App[None]) -> None:
    """Return once every message the last key set off is handled and the screen repainted."""
    loop = asyncio.get_running_loop()
    for _ in range(DRAIN_ROUNDS):
        nodes = {app, app.screen, *app.screen.children}
        if app.focused is not None:
            nodes.add(app.focused)
        waits = []
        for node in nodes:
            done = loop.create_future()
            if node.call_later(_resolve, done):
                waits.append(done)
        await asyncio.wait_for(asyncio.gather(*waits), 30)
    painted = loop.create_future()
    app.call_after_refresh(_resolve, painted)
    await asyncio.wait_for(painted, 30)


def _key_event(key: str) -> events.Key:
    char = key if len(key) == 1 else None
    return events.Key(key, char)


class Timer:
    """Times key presses in one of the two ways, into `samples[name]`."""

    def __init__(self, app: App[None], pilot: Pilot[None], how: str) -> None:
        self.app = app
        self.pilot = pilot
        self.how = how
        self.samples: Sample = {}

    async def press(self, name: str, key: str) -> None:
        wall, cpu = time.perf_counter(), time.process_time()
        if self.how == "frame":
            event = _key_event(key)
            event.set_sender(self.app)
            self.app.post_message(event)
            await settle(self.app)
        else:
            await self.pilot.press(key)
            await self.pilot.pause()
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        self.samples.setdefault(f"{name}.{self.how}", []).append(wall * 1000)
        self.samples.setdefault(f"{name}.{self.how}_cpu", []).append(cpu * 1000)


async def untimed(app: App[None], key: str) -> None:
    event = _key_event(key)
    event.set_sender(app)
    app.post_message(event)
    await settle(app)


async def reader_keys(app: App[None], timer: Timer, repeat: float) -> None:
    from reader.app.app import ReaderApp

    assert isinstance(app, ReaderApp)
    reps = {"j": 200, "pagedown": 50, "enter": 30, "previewed": 20, "]": 60, "b": 40, "u": 20}
    reps = {key: max(5, int(count * repeat)) for key, count in reps.items()}
    articles = app.article_list

    async def to_list_middle() -> None:
        articles.focus()
        articles.move_to(articles.total // 2)
        await settle(app)

    await to_list_middle()
    for _ in range(reps["j"]):
        await timer.press("j (list down)", "j")
    # Start page-downs where they all fit before the end: on a short list, pressing on at
    # the last row would time no-ops.
    rows_per_page = max(1, articles.scrollable_content_region.height // 2)
    articles.move_to(max(0, min(articles.total // 2,
                                articles.total - 1 - reps["pagedown"] * rows_per_page)))
    await settle(app)
    for _ in range(reps["pagedown"]):
        await timer.press("pagedown (list)", "pagedown")
    await to_list_middle()
    for _ in range(reps["enter"]):
        articles.focus()
        await untimed(app, "j")
        await timer.press("enter (open)", "enter")
    # enter once the cursor has rested and the preview has shown the article, as when
    # reading down the list: opening is then marking it read and moving the focus.
    for _ in range(reps["previewed"]):
        articles.focus()
        await untimed(app, "j")
        await asyncio.sleep(app.preview_delay + 0.05)
        await settle(app)
        await timer.press("enter (open, already previewed)", "enter")
    # `]` from the first section to the last of article after article.
    await to_list_middle()
    taken = 0
    while taken < reps["]"]:
        articles.focus()
        await untimed(app, "j")
        await untimed(app, "enter")
        app.reader.jump_to_section(0)
        await settle(app)
        for _ in range(app.reader.section_count - 1):
            if taken == reps["]"]:
                break
            await timer.press("] (next section)", "right_square_bracket")
            taken += 1
    for _ in range(reps["b"]):
        await timer.press("b (bookmark)", "b")
    for _ in range(reps["u"]):
        await timer.press("u (unread filter)", "u")


async def minimal_keys(app: App[None], timer: Timer, repeat: float) -> None:
    for _ in range(max(5, int(200 * repeat))):
        await timer.press("j (minimal app)", "j")


async def run_keys(kind: str, data_dir: Path | None, repeat: float) -> Sample:
    app = make_app(kind, data_dir)
    samples: Sample = {}
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await settle(app)
        script: Callable[[App[None], Timer, float], Awaitable[None]] = (
            reader_keys if kind == "reader" else minimal_keys
        )
        for how in ("frame", "pilot"):
            timer = Timer(app, pilot, how)
            await script(app, timer, repeat)
            samples.update(timer.samples)
    return samples


def peak_rss_kb() -> int:
    """This process's peak RSS in KiB.

    Linux's `ru_maxrss` carries the parent's high-water mark across fork and exec, so a child
    of a big parent reports the parent's figure; VmHWM is this process's own.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


async def run_memory(kind: str, data_dir: Path | None) -> dict[str, float]:
    app = make_app(kind, data_dir)
    before = peak_rss_kb()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await settle(app)
        if kind == "reader":
            from reader.app.app import ReaderApp

            assert isinstance(app, ReaderApp)
            app.article_list.move_to(app.article_list.total // 2)
            await settle(app)
        # Browse: down through the list, a page at a time every tenth press.
        for press in range(200):
            await untimed(app, "pagedown" if press % 10 == 9 else "j")
    return {"maxrss_kb_before_app": before, "maxrss_kb": peak_rss_kb()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=["keys", "memory"])
    parser.add_argument("kind", choices=["reader", "minimal"])
    parser.add_argument("data_dir", type=Path, nargs="?")
    parser.add_argument("--repeat", type=float, default=1.0, help="scale the press counts")
    args = parser.parse_args()
    if args.what == "keys":
        result: object = asyncio.run(run_keys(args.kind, args.data_dir, args.repeat))
    else:
        result = asyncio.run(run_memory(args.kind, args.data_dir))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
