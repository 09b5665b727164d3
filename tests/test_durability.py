"""Hard crashes and concurrent processes: committed changes survive, nothing is locked out."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
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


@pytest.mark.parametrize("commits", [0, 1, 25])
def test_kill_9_during_writes_loses_nothing_committed(tmp_path: Path, commits: int) -> None:
    # Killed at once (maybe while the store is being created), after its first commit, and
    # well into its work: the writer says what it committed, so no clock decides which.
    process = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(tmp_path)], stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    seen = [process.stdout.readline() for _ in range(commits)]
    assert all(seen), "the writer stopped before it committed what the test waits for"
    os.kill(process.pid, signal.SIGKILL)
    out, _ = process.communicate(timeout=60)
    committed = [int(line) for line in "".join(seen).split() + out.split()]
    assert len(committed) >= commits
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
    from reader.cli.main import main
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


# -- a full disk and a store that refuses writes -------------------------------------------
# A real full disk needs a mount this test cannot make; SQLite's max_page_count makes the
# store full at its current size and fails writes with the very error a full disk gives
# (SQLITE_FULL, "database or disk is full"), through the same code.


def _fill(conn: sqlite3.Connection) -> None:
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")


def test_a_full_disk_is_one_clear_error_and_loses_nothing(tmp_path: Path) -> None:
    from reader.store import StoreError
    from tests.conftest import make_article

    store = Store.in_dir(tmp_path)
    ids = [store.add(make_article(n))[0] for n in range(3)]
    store.set_bookmarked(ids[0])
    _fill(store._conn)
    with pytest.raises(StoreError, match="full") as raised:
        store.add(make_article(99, sections=400))
    assert "\n" not in str(raised.value)
    with pytest.raises(StoreError, match="full"):
        store.add_many([make_article(n, sections=400) for n in range(100, 103)])
    store.close()

    with Store.in_dir(tmp_path) as again:
        assert again._conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert again.count() == 3
        assert again.item(ids[0]).bookmarked  # type: ignore[union-attr]


def test_the_cli_on_a_full_disk_says_so_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from reader.cli.main import main

    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "list"]) == 0
    article = tmp_path / "big.txt"
    article.write_text("A big article\n\n" + "Words that take room on the disk. " * 40_000)
    connect = Store._connect

    def full_connect(self: Store) -> sqlite3.Connection:
        conn = connect(self)
        _fill(conn)
        return conn

    monkeypatch.setattr(Store, "_connect", full_connect)
    capsys.readouterr()
    code = main(["--data-dir", str(data), "add", str(article)])
    err = capsys.readouterr().err
    assert code != 0
    assert "full" in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    monkeypatch.undo()
    with Store.in_dir(data) as store:
        assert store.count() == 2  # the bundled articles, nothing half-written


async def test_the_app_reports_a_write_it_cannot_make_and_keeps_running(tmp_path: Path) -> None:
    from tests.apphelpers import make_app

    app = make_app(tmp_path / "data")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        item = app.article_list.current
        assert item is not None and not item.bookmarked
        # The store now refuses every write, as a data folder made read-only or a full disk do.
        app.store._conn.execute("PRAGMA query_only = ON")
        await pilot.press("b", "m", "enter", "right_square_bracket")
        await pilot.pause()
        notices = [n.message for n in app._notifications]
        assert any(message.startswith("Not saved:") for message in notices), notices
        assert len(app.history) == 0  # nothing to undo: nothing was changed
        app.store._conn.execute("PRAGMA query_only = OFF")
        await pilot.press("b")
        await pilot.pause()
        assert app.store.item(item.id).bookmarked  # type: ignore[union-attr]
    assert app.return_code in (None, 0)


def test_an_undo_the_store_refuses_stays_undoable(tmp_path: Path) -> None:
    from reader.app.history import Change, History
    from reader.store import StoreError
    from tests.conftest import make_article

    store = Store.in_dir(tmp_path)
    article_id = store.add(make_article(1))[0]
    history = History()
    store.set_bookmarked(article_id, True)
    history.record(Change("bookmark", "bookmarked", {article_id: False}))
    store._conn.execute("PRAGMA query_only = ON")
    with pytest.raises(StoreError):
        history.undo(store)
    assert len(history) == 1 and store.item(article_id).bookmarked  # type: ignore[union-attr]
    store._conn.execute("PRAGMA query_only = OFF")
    assert history.undo(store) is not None
    assert len(history) == 0 and not store.item(article_id).bookmarked  # type: ignore[union-attr]
    store.close()
