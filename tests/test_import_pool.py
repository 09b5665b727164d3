"""`reader add` and `reader refresh` with their worker processes, as a user runs them."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from reader.sources.import_pool import BATCH, POOL_MIN_FILES
from tests.httpserver import FixtureServer

RSS_ITEM = (
    "<item><title>Story {n} of feed {f}</title><link>http://example.invalid/{f}/{n}</link>"
    '<guid isPermaLink="false">{f}-{n}</guid><description>Words of story {n} in feed {f}, '
    "told at some length so that there is a paragraph.</description></item>"
)


def reader(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    # A process of its own: workers are forked only from a process with one thread, which
    # pytest (with the fixture's server thread) is not.
    return subprocess.run(
        [sys.executable, "-m", "reader", "--data-dir", str(data), *args],
        capture_output=True, text=True, timeout=300, env={**os.environ},
    )


def test_a_large_folder_is_added_whole_with_each_bad_file_in_one_line(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    count = POOL_MIN_FILES + 40  # enough for the worker processes
    for n in range(count):
        (folder / f"{n:04d}.txt").write_text(
            f"Article {n}\n\nThe text of article number {n}, long enough to be a paragraph.\n"
        )
    (folder / "0100-broken.txt").write_bytes(b"\x00\x01\x02" * 100)
    result = reader(tmp_path / "data", "add", str(folder))
    assert result.returncode == 1, result.stderr  # some failed
    assert result.stderr.count("\n") == 1 and "0100-broken.txt" in result.stderr
    assert "Traceback" not in result.stderr
    assert f"added {count}, updated 0, failed 1" in result.stdout
    listed = json.loads(reader(tmp_path / "data", "list", "--json").stdout)
    titles = {item["title"] for item in listed if item["title"].startswith("Article ")}
    assert titles == {f"Article {n}" for n in range(count)}


def test_a_refresh_of_several_feeds_stores_every_entry_once(
    tmp_path: Path, http_server: FixtureServer
) -> None:
    data = tmp_path / "data"
    for f in range(3):
        items = "".join(RSS_ITEM.format(n=n, f=f) for n in range(30))
        url = http_server.add(
            f"/feed{f}.xml",
            f"<rss version='2.0'><channel><title>Feed {f}</title>{items}</channel></rss>",
            headers={"Content-Type": "application/rss+xml"},
        )
        assert reader(data, "feed", "add", url).returncode == 0
    result = reader(data, "refresh")
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("0 new, 30 updated") == 3  # `feed add` fetched them once
    feeds = json.loads(reader(data, "feed", "list", "--json").stdout)
    assert sorted((feed["title"], feed["articles"]) for feed in feeds) == [
        ("Feed 0", 30), ("Feed 1", 30), ("Feed 2", 30)
    ]


def test_an_interrupted_add_keeps_what_it_stored_and_says_so_in_one_line(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for n in range(4000):
        (folder / f"{n:04d}.txt").write_text(f"Article {n}\n\nThe text of article {n}, in words.\n")
    data = tmp_path / "data"
    process = subprocess.Popen(
        [sys.executable, "-m", "reader", "--data-dir", str(data), "add", str(folder)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    store = data / "reader.sqlite3"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and _stored(store) < BATCH:  # a batch is committed
        time.sleep(0.02)
    os.killpg(process.pid, signal.SIGINT)  # ^C in a terminal reaches the whole group
    _, err = process.communicate(timeout=120)
    assert process.returncode == 130 and err == "reader: interrupted\n"
    conn = sqlite3.connect(store)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert BATCH <= conn.execute("SELECT count(*) FROM articles").fetchone()[0] < 4000
    finally:
        conn.close()


def _stored(store: Path) -> int:
    try:
        conn = sqlite3.connect(f"{store.as_uri()}?mode=ro", uri=True)
        try:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0  # not created yet
