"""Sync through the Google Reader API against a real FreshRSS on 127.0.0.1."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from reader.sources.sync.engine import sync_accounts
from reader.store import Query, Store
from tests.sync_servers import (
    Entry,
    FeedSite,
    FreshRSS,
    add_account,
    local_state,
    reader_cli,
    set_local,
    sync_json,
)


def _feed(feed_site: FeedSite, freshrss: FreshRSS, name: str, count: int = 4,
          folder: str | None = None) -> dict[str, str]:
    """A new feed of `count` entries, subscribed on the server: title -> item id."""
    url = feed_site.publish(f"/{name}.xml", f"Feed {name}",
                            [Entry(f"{name}-{i}", f"{name} entry {i}") for i in range(count)])
    stream = freshrss.subscribe(url, folder)
    items = freshrss.feed_items(stream)
    assert len(items) == count
    return items


@pytest.fixture
def device(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
           freshrss: FreshRSS):
    """A data dir with the FreshRSS account added (name `fr`)."""

    def make(name: str = "a") -> Path:
        data = tmp_path / name
        add_account(capsys, monkeypatch, data, "greader", freshrss.greader, freshrss.user,
                    freshrss.api_password, name="fr")
        return data

    return make


def test_first_sync_takes_unread_starred_and_folders_as_tags(
    feed_site: FeedSite, freshrss: FreshRSS, device, capsys: pytest.CaptureFixture[str]
) -> None:
    items = _feed(feed_site, freshrss, "first", count=4, folder="Tech News")
    ids = list(items.values())
    freshrss.edit(ids[0], add="read")                 # read elsewhere: not taken (window 0)
    freshrss.edit(ids[1], add="read")
    freshrss.edit(ids[1], add="starred")              # read but starred: taken
    data = device()
    with Store.in_dir(data) as store:
        # The window of read items ends a minute after these were crawled: none of them.
        later = datetime.now(UTC) + timedelta(minutes=1)
        steps: list[tuple[str, str, int, int]] = []
        [result] = sync_accounts(store, data, first_days=0, now=later,
                                 progress=lambda *step: steps.append(step))
    assert result.ok, result.error
    assert steps[-1][:2] == ("fr", "items") and steps[-1][2] == steps[-1][3] >= 3
    assert local_state(data, "fr", ids[0]) is None
    assert local_state(data, "fr", ids[1]) == (True, True)
    assert local_state(data, "fr", ids[2]) == (False, False)
    with Store.in_dir(data) as store:
        article_id = store.sync_article_id("fr", ids[2])
        assert article_id is not None
        assert store.tags(article_id) == ["tech-news"]
        stored = store.get(article_id)
        assert stored is not None
        assert stored.article.source == "Feed first"
        # The same HTML path as feed entries: the body became sections of text.
        assert "long enough to be a paragraph" in stored.article.body_text()
        # One library, one search: the item is found like any article.
        hits = store.search(Query(text='"first entry 2"'), 10, 0)
        assert [hit.item.id for hit in hits] == [article_id]


def test_second_sync_with_nothing_new_fetches_no_content(
    feed_site: FeedSite, freshrss: FreshRSS, device, capsys: pytest.CaptureFixture[str]
) -> None:
    _feed(feed_site, freshrss, "quiet", count=2)
    data = device()
    [first] = sync_json(capsys, data)
    assert first["ok"] and first["added"] >= 2
    [again] = sync_json(capsys, data)
    # subscription/list, unread ids, starred ids, recent ids: no login, no token, no content.
    assert again == {**again, "ok": True, "added": 0, "updated": 0, "pushed": 0, "requests": 4}


def test_local_read_unread_and_star_reach_the_server(
    feed_site: FeedSite, freshrss: FreshRSS, device, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = list(_feed(feed_site, freshrss, "up", count=3).values())
    freshrss.edit(ids[2], add="read")
    freshrss.edit(ids[2], add="starred")
    data = device()
    sync_json(capsys, data)
    set_local(data, "fr", ids[0], read=True, bookmarked=True)
    set_local(data, "fr", ids[2], read=False, bookmarked=False)
    code, out, _ = reader_cli(capsys, "--data-dir", str(data), "account", "list", "--json")
    assert json.loads(out)[0]["pending"] == 4
    [result] = sync_json(capsys, data)
    assert result["pushed"] == 4
    assert ids[0] not in freshrss.unread() and ids[0] in freshrss.starred()
    assert ids[2] in freshrss.unread() and ids[2] not in freshrss.starred()
    code, out, _ = reader_cli(capsys, "--data-dir", str(data), "account", "list", "--json")
    assert json.loads(out)[0]["pending"] == 0


def test_server_read_unread_and_star_reach_the_store(
    feed_site: FeedSite, freshrss: FreshRSS, device, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = list(_feed(feed_site, freshrss, "down", count=2).values())
    freshrss.edit(ids[1], add="read")
    data = device()
    sync_json(capsys, data)
    assert local_state(data, "fr", ids[0]) == (False, False)
    assert local_state(data, "fr", ids[1]) == (True, False)
    freshrss.edit(ids[0], add="read")
    freshrss.edit(ids[0], add="starred")
    freshrss.edit(ids[1], remove="read")
    [result] = sync_json(capsys, data)
    assert result["changed"] == 3 and result["pushed"] == 0
    assert local_state(data, "fr", ids[0]) == (True, True)
    assert local_state(data, "fr", ids[1]) == (False, False)


def test_two_devices_converge_and_a_queued_change_wins(
    feed_site: FeedSite, freshrss: FreshRSS, device, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = list(_feed(feed_site, freshrss, "two", count=3).values())
    laptop, desktop = device("laptop"), device("desktop")
    sync_json(capsys, laptop)
    sync_json(capsys, desktop)
    set_local(laptop, "fr", ids[0], read=True)
    set_local(laptop, "fr", ids[1], bookmarked=True)
    sync_json(capsys, laptop)
    sync_json(capsys, desktop)
    for data in (laptop, desktop):
        assert local_state(data, "fr", ids[0]) == (True, False)
        assert local_state(data, "fr", ids[1]) == (False, True)
    # Conflict: the laptop reads ids[2] and syncs; the desktop, not yet synced, marks it
    # unread again after reading it. The desktop's queued change wins on both.
    set_local(desktop, "fr", ids[2], read=True)
    set_local(desktop, "fr", ids[2], read=False)
    set_local(laptop, "fr", ids[2], read=True)
    sync_json(capsys, laptop)
    sync_json(capsys, desktop)
    sync_json(capsys, laptop)
    assert local_state(desktop, "fr", ids[2]) == (False, False)
    assert local_state(laptop, "fr", ids[2]) == (False, False)
    assert ids[2] in freshrss.unread()
    # Without a queued change, the server's state wins over what the desktop had.
    freshrss.edit(ids[1], remove="starred")
    sync_json(capsys, desktop)
    assert local_state(desktop, "fr", ids[1]) == (False, False)


CHANGE_AND_HANG = """
import sys, time
from pathlib import Path
from reader.store import Query, Store
store = Store.in_dir(Path(sys.argv[1]))
for article_id in map(int, sys.argv[2:]):
    store.set_read(article_id, True)
    store.set_bookmarked(article_id, True)
print("changed", flush=True)
time.sleep(600)
"""


def test_offline_changes_survive_kill_9_and_a_server_restart(
    feed_site: FeedSite, freshrss: FreshRSS, device, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = list(_feed(feed_site, freshrss, "offline", count=2).values())
    data = device()
    sync_json(capsys, data)
    with Store.in_dir(data) as store:
        article_ids = [str(store.sync_article_id("fr", item)) for item in ids]
    freshrss.stop()
    try:
        code, out, err = reader_cli(capsys, "--data-dir", str(data), "sync")
        assert code == 1
        assert len(err.strip().splitlines()) == 1 and "cannot connect" in err
        assert "Traceback" not in err
        process = subprocess.Popen([sys.executable, "-c", CHANGE_AND_HANG, str(data),
                                    *article_ids], stdout=subprocess.PIPE, text=True)
        assert process.stdout is not None and process.stdout.readline().strip() == "changed"
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
    finally:
        freshrss.restart()
    [result] = sync_json(capsys, data)
    assert result["pushed"] == 4
    for item in ids:
        assert item not in freshrss.unread() and item in freshrss.starred()
        assert local_state(data, "fr", item) == (True, True)


def test_wrong_password_saves_nothing(
    freshrss: FreshRSS, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("READER_PASSWORD", "not-the-password-42")
    code, out, err = reader_cli(capsys, "--data-dir", str(tmp_path), "account", "add",
                                "greader", freshrss.greader, "--user", freshrss.user)
    assert code == 1 and out == ""
    assert len(err.strip().splitlines()) == 1 and "refused the login" in err
    assert "not-the-password-42" not in err
    assert not (tmp_path / "accounts.json").exists()


def test_password_command_and_secrets_kept_private(
    freshrss: FreshRSS, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    command = f"{sys.executable} -c \"print('{freshrss.api_password}')\""
    code, out, err = reader_cli(capsys, "--data-dir", str(tmp_path), "account", "add",
                                "greader", freshrss.greader, "--user", freshrss.user,
                                "--password-command", command)
    assert code == 0, err
    saved = tmp_path / "accounts.json"
    assert saved.stat().st_mode & 0o777 == 0o600
    text = saved.read_text()
    assert freshrss.api_password not in text and freshrss.auth in text   # the session, kept
    code, out, err = reader_cli(capsys, "--data-dir", str(tmp_path), "account", "list", "--json")
    assert freshrss.auth not in out and freshrss.api_password not in out
    assert not any(freshrss.auth.encode() in path.read_bytes()
                   for path in tmp_path.glob("reader.sqlite3*"))


def test_feed_add_with_account_subscribes_on_the_server(
    feed_site: FeedSite, freshrss: FreshRSS, device, capsys: pytest.CaptureFixture[str]
) -> None:
    url = feed_site.publish("/added.xml", "Feed added", [Entry("added-0", "added entry")])
    data = device()
    code, out, err = reader_cli(capsys, "--data-dir", str(data), "feed", "add", url,
                                "--account", "fr")
    assert code == 0, err
    assert "Feed added" in out
    with Store.in_dir(data) as store:
        assert any(item.title == "added entry" for item in store.page(Query(), 0, 500))


def test_server_down_is_one_line_and_a_failing_exit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from reader.sources.sync.accounts import Account, save_accounts

    with __import__("socket").socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    save_accounts(tmp_path, [Account("gone", "greader", f"http://127.0.0.1:{port}/api/greader.php",
                                     "alice", "alice/secret-session")])
    code, out, err = reader_cli(capsys, "--data-dir", str(tmp_path), "sync")
    assert code == 1
    assert err.count("\n") == 1 and err.startswith("reader: gone: ") and "cannot connect" in err
    assert "secret-session" not in err
    code, out, _ = reader_cli(capsys, "--data-dir", str(tmp_path), "account", "list")
    assert "cannot connect" in out


def test_a_rejected_session_says_to_add_the_account_again(
    freshrss: FreshRSS, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from reader.sources.sync.accounts import Account, save_accounts

    save_accounts(tmp_path, [Account("old", "greader", freshrss.greader, freshrss.user,
                                     f"{freshrss.user}/0000stale-session")])
    code, out, err = reader_cli(capsys, "--data-dir", str(tmp_path), "sync")
    assert code == 1 and err.count("\n") == 1
    assert "refused the login" in err and "add it again" in err and "stale-session" not in err


# -- in the app ------------------------------------------------------------------------------


async def test_r_in_the_app_syncs_and_the_border_says_when(
    feed_site: FeedSite, freshrss: FreshRSS, device, tmp_path: Path
) -> None:
    from reader.cli.lookup import open_store
    from tests.apphelpers import make_app, settle, wait_for

    items = _feed(feed_site, freshrss, "inapp", count=3)
    data = device("app")
    app = make_app(store=open_store(data))
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        assert "never synced" in str(app.article_list.border_title)
        await pilot.press("r")
        await settle(pilot)

        def titles() -> set[str]:
            listed = app.article_list
            return {listed.item_at(row).title for row in range(listed.total)}

        # The server holds other tests' feeds too: this feed's items must be among the synced.
        await wait_for(pilot, lambda: set(items) <= titles(), "the feed's items")
        assert "Articles · synced" in str(app.article_list.border_title)
        # Read here: the change is queued at once and pushed by the next r.
        listed = app.article_list
        row = next(r for r in range(listed.total) if listed.item_at(r).title.startswith("inapp"))
        listed.focus()
        listed.move_to(row)
        await settle(pilot)
        first = listed.current
        assert first is not None
        await pilot.press("m")
        assert app.store.item(first.id).read
        await pilot.press("r")
        await settle(pilot)
    app.store.close()
    assert items[first.title] not in freshrss.unread()


async def test_the_app_starts_and_r_says_so_in_one_notice_when_the_server_is_down(
    device, tmp_path: Path
) -> None:
    from reader.cli.lookup import open_store
    from reader.sources.sync.accounts import load_accounts, save_accounts
    from tests.apphelpers import make_app, settle, toast_texts, wait_for

    data = device("offline")
    accounts = load_accounts(data)
    # The same account, pointed at a port where nothing listens.
    from dataclasses import replace

    save_accounts(data, [replace(a, url="http://127.0.0.1:9/api/greader.php") for a in accounts])
    app = make_app(store=open_store(data))
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.press("r")
        await settle(pilot)
        await wait_for(pilot, lambda: toast_texts(app), "the sync notice")
        (notice,) = [text for text in toast_texts(app) if text.startswith("Sync")]
        assert "fr:" in notice and "\n" not in notice.removeprefix("Sync\n")
        assert "Articles · not synced:" in str(app.article_list.border_title)
        await pilot.press("j", "b")  # the app works as ever
        await settle(pilot)
    app.store.close()


async def test_sync_on_start_runs_in_the_background(
    feed_site: FeedSite, freshrss: FreshRSS, device
) -> None:
    from reader.cli.lookup import open_store
    from reader.config import Config
    from tests.apphelpers import make_app, settle, wait_for

    items = _feed(feed_site, freshrss, "onstart", count=2)
    app = make_app(store=open_store(device("start")), config=Config(sync_on_start=True))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await wait_for(pilot, lambda: "synced" in str(app.article_list.border_title), "a sync")
        titles = [app.article_list.item_at(r).title for r in range(app.article_list.total)]
        assert set(items) <= set(titles)
    app.store.close()
