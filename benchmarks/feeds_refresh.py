"""Feed entries per second: `reader feed import` + `reader refresh` against newsboat, one run.

    python benchmarks/feeds_refresh.py [--feeds 20] [--items 1000] [--runs 2]

Writes FEEDS RSS files of ITEMS entries each (a title, a link, a guid, a date and about 1 KB of
HTML text, like a news feed's full-content entries) into a temporary folder, serves them from
127.0.0.1 (`python -m http.server` in its own process), then, alternately for `--runs` rounds,
times in fresh data folders:

- reader: `reader feed import FEEDS.opml` then `reader refresh` (two processes, as a user
  types them);
- newsboat: `newsboat -x reload` with a urls file of the same feeds (its cache in the temp
  folder; `apt-get install newsboat`).

Prints wall seconds and entries per second (entries stored: counted in each one's database).
`--base SRC` adds reader run from another source tree (PYTHONPATH), for a before/after pair.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from functools import partial
from pathlib import Path
from xml.sax.saxutils import escape

WORDS = (
    "market growth rates energy policy election court ruling storm harvest shipping budget "
    "inflation research vaccine climate rail port chip export wage housing water school"
).split()


def _paragraph(rng: random.Random) -> str:
    sentences = []
    for _ in range(rng.randrange(3, 6)):
        words = [rng.choice(WORDS) for _ in range(rng.randrange(8, 16))]
        sentences.append(" ".join(words).capitalize() + ".")
    return " ".join(sentences)


def write_feeds(folder: Path, feeds: int, items: int, seed: int = 3) -> list[str]:
    rng = random.Random(seed)
    start = datetime(2026, 1, 1, tzinfo=UTC)
    names = []
    for number in range(feeds):
        entries = []
        for item in range(items):
            body = "".join(f"<p>{escape(_paragraph(rng))}</p>" for _ in range(3))
            when = format_datetime(start + timedelta(minutes=number * items + item))
            entries.append(
                f"<item><title>Feed {number} story {item}: {rng.choice(WORDS)}</title>"
                f"<link>http://127.0.0.1/f{number}/{item}</link>"
                f"<guid isPermaLink=\"false\">f{number}-{item}</guid><pubDate>{when}</pubDate>"
                f"<description>{escape(body)}</description></item>"
            )
        name = f"feed{number:02d}.xml"
        (folder / name).write_text(
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>Feed {number}</title><link>http://127.0.0.1/f{number}</link>"
            f"<description>Benchmark feed {number}</description>{''.join(entries)}"
            "</channel></rss>",
            encoding="utf-8",
        )
        names.append(name)
    return names


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for_port(port: int) -> None:
    end = time.monotonic() + 10
    while time.monotonic() < end:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise RuntimeError("the feed server did not start")


def run_reader(urls: list[str], work: Path, source: str | None = None) -> tuple[float, int]:
    data = Path(tempfile.mkdtemp(prefix="reader-", dir=work))
    opml = data / "feeds.opml"
    outlines = "".join(f'<outline type="rss" text="f" xmlUrl="{url}"/>' for url in urls)
    opml.write_text(f'<?xml version="1.0"?><opml version="2.0"><body>{outlines}</body></opml>')
    reader = [sys.executable, "-m", "reader", "--data-dir", str(data / "data")]
    started = time.perf_counter()
    env = {**os.environ, **({"PYTHONPATH": source} if source else {})}
    for argv in (reader + ["feed", "import", str(opml)], reader + ["refresh"]):
        subprocess.run(argv, check=True, cwd="/", env=env, stdout=subprocess.DEVNULL)
    elapsed = time.perf_counter() - started
    conn = sqlite3.connect(data / "data" / "reader.sqlite3")
    stored = conn.execute("SELECT count(*) FROM articles WHERE feed_id IS NOT NULL").fetchone()[0]
    conn.close()
    return elapsed, stored


def run_newsboat(urls: list[str], work: Path) -> tuple[float, int]:
    home = Path(tempfile.mkdtemp(prefix="newsboat-", dir=work))
    (home / "urls").write_text("\n".join(urls) + "\n")
    (home / "config").write_text("reload-threads 8\n")
    cache = home / "cache.db"
    started = time.perf_counter()
    subprocess.run(
        ["newsboat", "-u", str(home / "urls"), "-c", str(cache), "-C", str(home / "config"),
         "-x", "reload"],
        check=True, cwd="/", env={**os.environ, "HOME": str(home)}, stdout=subprocess.DEVNULL,
    )
    elapsed = time.perf_counter() - started
    conn = sqlite3.connect(cache)
    stored = conn.execute("SELECT count(*) FROM rss_item").fetchone()[0]
    conn.close()
    return elapsed, stored


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=20)
    parser.add_argument("--items", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--base", metavar="SRC",
                        help="also time reader from this source tree (PYTHONPATH)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="feeds-bench-"))
    server = None
    try:
        names = write_feeds(work, args.feeds, args.items)
        size = sum((work / name).stat().st_size for name in names)
        port = _free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "http.server", "--bind", "127.0.0.1", str(port),
             "--directory", str(work)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        _wait_for_port(port)
        urls = [f"http://127.0.0.1:{port}/{name}" for name in names]
        runners: dict[str, Callable[[list[str], Path], tuple[float, int]]] = {
            "reader (feed import + refresh)": run_reader
        }
        if args.base:
            runners["reader, base (--base)"] = partial(run_reader, source=args.base)
        if shutil.which("newsboat"):
            runners["newsboat -x reload"] = run_newsboat
        results: dict[str, list[tuple[float, int]]] = {name: [] for name in runners}
        for _ in range(args.runs):
            for name, runner in runners.items():
                results[name].append(runner(urls, work))
        print(f"{args.feeds} feeds x {args.items} items ({size / 1e6:.1f} MB) on 127.0.0.1,"
              f" {args.runs} runs each, alternating")
        for name, runs in results.items():
            seconds = statistics.median(elapsed for elapsed, _ in runs)
            stored = runs[-1][1]
            print(f"{name:34} {seconds:6.2f} s  {stored:6} items stored  "
                  f"{stored / seconds:8.0f} items/s")
    finally:
        if server is not None:
            server.terminate()
            server.wait()
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
