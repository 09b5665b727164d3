"""Sync through the Fever API against two real servers: FreshRSS and coldsweat."""

from __future__ import annotations

import json
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from tests.sync_servers import (
    WAIT,
    Coldsweat,
    Entry,
    FeedSite,
    FreshRSS,
    add_account,
    local_state,
    reader_cli,
    set_local,
    sync_json,
)


class FeverSide:
    """One Fever server as another device sees it: subscribe, read and change state."""

    def __init__(self, name: str, url: str, user: str, password: str, key: str,
                 subscribe: object) -> None:
        self.name, self.url, self.user, self.password, self.key = name, url, user, password, key
        self._subscribe = subscribe

    def call(self, query: str, **form: str) -> dict[str, object]:
        data = urllib.parse.urlencode({"api_key": self.key, **form}).encode()
        separator = "&" if "?" in self.url else "?"
        with urllib.request.urlopen(f"{self.url}{separator}api&{query}", data,
                                    timeout=WAIT) as answer:
            return json.loads(answer.read())

    def ids(self, key: str) -> set[str]:
        value = self.call(key)[key]
        return {part for part in str(value).split(",") if part}

    def mark(self, item: str, as_: str) -> None:
        self.call("", mark="item", **{"as": as_}, id=item)

    def subscribe(self, feed_url: str, folder: str) -> dict[str, str]:
        self._subscribe(feed_url, folder)  # type: ignore[operator]
        titles: dict[str, str] = {}
        since = 0
        while True:
            items = self.call(f"items&since_id={since}")["items"]
            if not items:
                return titles
            for item in items:  # type: ignore[union-attr]
                titles[item["title"]] = str(item["id"])
            since = max(int(item["id"]) for item in items)  # type: ignore[union-attr]


@pytest.fixture(params=["freshrss", "coldsweat"])
def fever(request: pytest.FixtureRequest) -> FeverSide:
    if request.param == "freshrss":
        server: FreshRSS = request.getfixturevalue("freshrss")
        from reader.sources.sync.fever import api_key

        return FeverSide("freshrss", server.fever, server.user, server.api_password,
                         api_key(server.user, server.api_password), server.subscribe)
    cold: Coldsweat = request.getfixturevalue("coldsweat")
    return FeverSide("coldsweat", cold.fever, cold.EMAIL, cold.PASSWORD, cold.key, cold.subscribe)


def _feed(feed_site: FeedSite, fever: FeverSide, name: str, count: int) -> list[str]:
    name = f"{fever.name}-{name}"
    url = feed_site.publish(f"/{name}.xml", f"Feed {name}",
                            [Entry(f"{name}-{i}", f"{name} entry {i}") for i in range(count)])
    titles = fever.subscribe(url, "Fever Folder")
    return [titles[f"{name} entry {i}"] for i in range(count)]


def _device(fever: FeverSide, tmp_path: Path, capsys: pytest.CaptureFixture[str],
            monkeypatch: pytest.MonkeyPatch, name: str = "a") -> Path:
    data = tmp_path / name
    add_account(capsys, monkeypatch, data, "fever", fever.url, fever.user, fever.password,
                name="fv")
    return data


def test_fever_sync_both_ways(
    fever: FeverSide, feed_site: FeedSite, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ids = _feed(feed_site, fever, "both", 3)
    fever.mark(ids[2], "read")
    fever.mark(ids[2], "saved")
    data = _device(fever, tmp_path, capsys, monkeypatch)
    [first] = sync_json(capsys, data)
    assert first["ok"] and first["added"] >= 3
    assert local_state(data, "fv", ids[0]) == (False, False)
    assert local_state(data, "fv", ids[2]) == (True, True)
    from reader.store import Store

    with Store.in_dir(data) as store:
        article_id = store.sync_article_id("fv", ids[0])
        assert article_id is not None and store.tags(article_id) == ["fever-folder"]
    # Local -> server: read, star, unread, unstar.
    set_local(data, "fv", ids[0], read=True, bookmarked=True)
    set_local(data, "fv", ids[2], read=False, bookmarked=False)
    [pushed] = sync_json(capsys, data)
    assert pushed["pushed"] == 4
    assert ids[0] not in fever.ids("unread_item_ids") and ids[0] in fever.ids("saved_item_ids")
    assert ids[2] in fever.ids("unread_item_ids") and ids[2] not in fever.ids("saved_item_ids")
    # Server -> local.
    fever.mark(ids[1], "read")
    fever.mark(ids[1], "saved")
    fever.mark(ids[0], "unread")
    [pulled] = sync_json(capsys, data)
    assert pulled["changed"] == 3
    assert local_state(data, "fv", ids[1]) == (True, True)
    assert local_state(data, "fv", ids[0]) == (False, True)


def test_fever_nothing_new_is_one_request_where_the_server_allows(
    fever: FeverSide, feed_site: FeedSite, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _feed(feed_site, fever, "quiet", 1)
    data = _device(fever, tmp_path, capsys, monkeypatch)
    sync_json(capsys, data)
    [again] = sync_json(capsys, data)
    assert again["added"] == 0 and again["pushed"] == 0
    # Groups, feeds, unread and saved ids and new items in one request (both servers answer
    # every selector at once).
    assert again["requests"] == 1


def test_fever_wrong_password_and_no_subscribe(
    fever: FeverSide, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("READER_PASSWORD", "wrong-password-123")
    code, out, err = reader_cli(capsys, "--data-dir", str(tmp_path), "account", "add", "fever",
                                fever.url, "--user", fever.user)
    assert code == 1 and "refused the login" in err and err.count("\n") == 1
    assert not (tmp_path / "accounts.json").exists()
    data = _device(fever, tmp_path, capsys, monkeypatch, "b")
    code, out, err = reader_cli(capsys, "--data-dir", str(data), "feed", "add",
                                "http://127.0.0.1:9/feed.xml", "--account", "fv")
    assert code == 1 and err.count("\n") == 1 and "Fever API cannot subscribe" in err
