"""Hard crashes and concurrent processes: committed changes survive, nothing is locked out."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from reader.store import Store

# A writer that commits state changes and imports as fast as it can, printing after each
# commit what is now durable. The parent kills it with SIGKILL part-way.
WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from reader.models import Article, Block, Section
    from reader.store import Store

    store = Store.in_dir(Path(sys.argv[1]))
    for n in range(100_000):
        article = Article(
            title=f"Crash test {n}",
            sections=[
                Section(title="Body", blocks=[Block(kind="paragraph", text=f"Text {n}. " * 50)])
            ],
            original=f"crash test {n}",
        )
        article_id, _ = store.add(article)
        store.set_bookmarked(article_id, True)
        store.set_position(article_id, 0, float(n))
        print(article_id, flush=True)
    """
)


@pytest.mark.parametrize("delay", [0.3, 0.8, 1.5])
def test_kill_9_during_writes_loses_nothing_committed(tmp_path: Path, delay: float) -> None:
    process = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(tmp_path)], stdout=subprocess.PIPE, text=True
    )
    time.sleep(delay)
    os.kill(process.pid, signal.SIGKILL)
    out, _ = process.communicate(timeout=30)
    committed = [int(line) for line in out.split()]
    if delay >= 1.5:
        assert committed, "the writer never got to commit: the test would prove nothing"
    conn = sqlite3.connect(tmp_path / "reader.sqlite3")
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    with Store.in_dir(tmp_path) as store:
        for article_id in committed:
            item = store.item(article_id)
            assert item is not None and item.bookmarked


CLI_WORKER = textwrap.dedent(
    """
    import sys
    from reader.cli import main
    data, first, last = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    for article_id in range(first, last):
        code = main(["--data-dir", data, "bookmark", str(article_id)])
        if code:
            sys.exit(code)
    """
)


def test_two_processes_on_one_store_lose_no_update(tmp_path: Path) -> None:
    with Store.in_dir(tmp_path) as store:
        from tests.conftest import make_article

        ids = [article_id for article_id, _ in store.add_many(make_article(n) for n in range(40))]
    halves = [(ids[0], ids[20]), (ids[20], ids[-1] + 1)]
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", CLI_WORKER, str(tmp_path), str(a), str(b)],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        )
        for a, b in halves
    ]
    # Meanwhile this process writes too: marks every article read.
    with Store.in_dir(tmp_path) as store:
        for article_id in ids:
            store.set_read(article_id, True)
    errors = [worker.communicate(timeout=120)[1] for worker in workers]
    assert [worker.returncode for worker in workers] == [0, 0], errors
    assert not any("locked" in error for error in errors)
    with Store.in_dir(tmp_path) as store:
        items = [store.item(article_id) for article_id in ids]
        assert all(item.read and item.bookmarked for item in items)
