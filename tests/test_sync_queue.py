"""The change queue and sync state in the store (no server needed)."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest

from reader.sources.sync.accounts import (
    Account,
    AccountError,
    load_accounts,
    read_password,
    save_accounts,
)
from reader.store import Store
from tests.conftest import make_article


def _linked(store: Store, count: int = 3) -> list[int]:
    ids = [article_id for article_id, _ in store.add_many(make_article(n) for n in range(count))]
    store.sync_link_items("acct", [(str(100 + i), a, False, False, ["tech"])
                                   for i, a in enumerate(ids)])
    return ids


def test_a_local_change_is_queued_in_the_same_write(store: Store) -> None:
    ids = _linked(store)
    local_only, _ = store.add(make_article(99))
    assert store.sync_pending("acct") == []
    store.set_read(ids[0])
    store.set_bookmarked(ids[1])
    store.set_read(local_only)
    store.set_read_many(ids[1:])           # mark all read
    pending = {(c.item_id, c.field, c.value) for c in store.sync_pending("acct")}
    assert pending == {("100", "read", True), ("101", "starred", True), ("101", "read", True),
                       ("102", "read", True)}
    assert store.tags(ids[0]) == ["tech"]


def test_the_latest_change_per_item_is_pushed_and_later_ones_stay(store: Store) -> None:
    ids = _linked(store, 1)
    store.set_read(ids[0])
    store.set_read(ids[0], False)
    [change] = store.sync_pending("acct")
    assert (change.field, change.value) == ("read", False)
    store.set_bookmarked(ids[0])             # queued after the push began
    store.sync_pushed("acct", change.queue_id)
    assert [(c.field, c.value) for c in store.sync_pending("acct")] == [("starred", True)]


def test_server_state_is_not_queued_and_a_queued_change_wins(store: Store) -> None:
    ids = _linked(store)
    store.set_read(ids[0])                   # queued: wins over the server's "unread"
    changed = store.sync_apply_state("acct", unread={"100", "101"}, starred={"102"})
    assert changed == 2                      # 102 became read, and starred
    states = [store.get(a).state for a in ids]  # type: ignore[union-attr]
    assert [(s.read, s.bookmarked) for s in states] == [(True, False), (False, False),
                                                         (True, True)]
    assert [(c.item_id, c.field) for c in store.sync_pending("acct")] == [("100", "read")]


def test_forget_keeps_articles(store: Store) -> None:
    ids = _linked(store)
    store.set_read(ids[0])
    store.sync_forget("acct")
    assert store.sync_pending_count() == 0 and store.sync_known_items("acct") == set()
    assert store.get(ids[0]) is not None


def test_a_change_survives_a_crash_before_any_sync(tmp_path: Path) -> None:
    with Store.in_dir(tmp_path) as store:
        ids = _linked(store, 1)
    # Another process (the app) writes with plain SQL: the trigger still queues it.
    conn = sqlite3.connect(tmp_path / "reader.sqlite3")
    conn.execute("UPDATE articles SET bookmarked = 1 WHERE id = ?", (ids[0],))
    conn.commit()
    conn.close()
    with Store.in_dir(tmp_path) as store:
        assert [(c.field, c.value) for c in store.sync_pending("acct")] == [("starred", True)]


def test_accounts_file_is_private_and_a_bad_one_is_one_line(tmp_path: Path) -> None:
    save_accounts(tmp_path, [Account("a", "greader", "https://x/api/greader.php", "u", "tok")])
    assert (tmp_path / "accounts.json").stat().st_mode & 0o777 == 0o600
    assert "tok" not in repr(load_accounts(tmp_path))
    (tmp_path / "accounts.json").chmod(0o644)
    load_accounts(tmp_path)
    assert (tmp_path / "accounts.json").stat().st_mode & 0o777 == 0o600
    (tmp_path / "accounts.json").write_text("{not json")
    with pytest.raises(AccountError, match="not a reader accounts file"):
        load_accounts(tmp_path)


def test_password_sources(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("READER_PASSWORD", raising=False)
    command = f"{sys.executable} -c \"print('from-command'); print('second line')\""
    assert read_password(command) == "from-command"
    with pytest.raises(AccountError, match="exited with status 3"):
        read_password(f"{sys.executable} -c \"raise SystemExit(3)\"")
    with pytest.raises(AccountError, match="failed"):
        read_password("/nonexistent/password-helper")
    with pytest.raises(AccountError, match="no password"):
        read_password(None, interactive=False)
    monkeypatch.setenv("READER_PASSWORD", "from-env")
    assert read_password(None, interactive=False) == "from-env"


def test_sync_never_imports_textual() -> None:
    from tests.test_import_hygiene import imported_after

    modules = "reader.sources.sync.engine, reader.sources.sync.accounts, reader.cli.sync"
    assert imported_after(modules, ("textual",)) == []


def test_cli_without_accounts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.sync_servers import reader_cli

    code, out, err = reader_cli(capsys, "--data-dir", str(tmp_path), "sync")
    assert code == 0 and "no accounts yet" in out
    code, out, err = reader_cli(capsys, "--data-dir", str(tmp_path), "account", "list", "--json")
    assert code == 0 and out.strip() == "[]"
    code, out, err = reader_cli(capsys, "--data-dir", str(tmp_path), "account", "remove", "nope")
    assert code == 1 and err.count("\n") == 1 and "no account named 'nope'" in err
    code, out, err = reader_cli(capsys, "--data-dir", str(tmp_path), "account", "add", "greader",
                                "ftp://example.org/", "--user", "u")
    assert code == 1 and err.count("\n") == 1 and "https://" in err


def test_removing_an_account_keeps_its_articles(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.sync_servers import reader_cli

    save_accounts(tmp_path, [Account("a", "fever", "http://127.0.0.1:9/fever/", "u", "key")])
    with Store.in_dir(tmp_path) as store:
        ids = [a for a, _ in store.add_many([make_article(1)])]
        store.sync_link_items("a", [("1", ids[0], False, False, [])])
        store.set_read(ids[0])
    code, out, err = reader_cli(capsys, "--data-dir", str(tmp_path), "account", "remove", "a")
    assert code == 0 and "1 unpushed changes dropped" in out
    assert load_accounts(tmp_path) == []
    with Store.in_dir(tmp_path) as store:
        assert store.get(ids[0]) is not None and store.sync_pending_count() == 0
