"""Launch an app headless, stop at its first full frame, print how long that took (JSON).

    python benchmarks/first_frame.py reader DATA_DIR
    python benchmarks/first_frame.py minimal

The clock starts on the first line, before any import, so the figure is what a user waits for
after the interpreter is up: imports, opening the store, composing, mounting (for reader:
showing the article it opens on), laying out and rendering every widget of the first frame.
`wall_first_frame` (time.time) lets the caller add the interpreter's own start. The headless
driver skips only the final write of escape codes to the terminal, for both apps alike.
"""

import time

STARTED = time.perf_counter()

import json  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

SIZE = (120, 40)


def main() -> None:
    kind = sys.argv[1]
    marks: dict[str, float] = {}
    if kind == "reader":
        from reader.app.app import ReaderApp
        from reader.cli.lookup import open_store

        marks["imported"] = time.perf_counter()
        # As the `reader` command starts the app: open the store, then run the app on it.
        app = ReaderApp(open_store(Path(sys.argv[2])), freeze_gc=True)  # as `reader` runs it
    else:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from minimal_app import MinimalApp

        marks["imported"] = time.perf_counter()
        app = MinimalApp()
    marks["created"] = time.perf_counter()

    def first_frame() -> None:
        marks["frame"] = time.perf_counter()
        marks["wall_frame"] = time.time()
        app.exit()

    async def when_mounted(_pilot: object) -> None:
        # Runs once the app's Mount handlers have finished; the callback then waits for the
        # screen to lay out and paint everything they produced.
        app.call_after_refresh(first_frame)

    app.run(headless=True, size=SIZE, auto_pilot=when_mounted)
    print(json.dumps({
        "imports": marks["imported"] - STARTED,
        "create": marks["created"] - marks["imported"],
        "to_frame": marks["frame"] - marks["created"],
        "first_frame": marks["frame"] - STARTED,
        "wall_first_frame": marks["wall_frame"],
    }))


if __name__ == "__main__":
    main()
