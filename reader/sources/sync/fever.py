"""The Fever API (FreshRSS, Miniflux, Tiny Tiny RSS's plugin, coldsweat), as a client.

The key is `md5("user:password")`, sent as a POST field (never in the URL: FreshRSS refuses it
there, and URLs end up in logs). Servers differ: FreshRSS answers several selectors in one
request and sends ids as strings; Miniflux answers only the first selector, and ids are
integers. So state is asked for in one request and asked again selector by selector when a
part is missing, and ids are compared as integers.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from reader.sources.sync.http import Http
from reader.sources.sync.model import (
    AuthError,
    Change,
    HttpStatusError,
    RemoteFeed,
    RemoteItem,
    ServerState,
    SyncError,
)

ITEMS_PAGE = 50
MAX_PAGES = 4000
"""200,000 items: a first sync of a larger history is refused rather than endless."""
STATE_KEYS = ("groups", "feeds", "unread_item_ids", "saved_item_ids")


def api_key(user: str, password: str) -> str:
    return hashlib.md5(f"{user}:{password}".encode()).hexdigest()


def _ids(value: object) -> set[str]:
    if isinstance(value, int):
        return {str(value)}
    if not isinstance(value, str):
        return set()
    return {str(int(part)) for part in value.split(",") if part.strip().isdigit()}


def _int(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    return None


class FeverClient:
    kind = "fever"
    can_subscribe = False

    def __init__(self, url: str, key: str, http: Http) -> None:
        self.url = url
        self.http = http
        self._key = key

    def _call(self, *selectors: str, **params: str) -> dict[str, Any]:
        query = "&".join(["api", *selectors, *(f"{k}={v}" for k, v in params.items())])
        separator = "&" if "?" in self.url else "?"
        response = self.http.call(f"{self.url}{separator}{query}", form=[("api_key", self._key)])
        data = response.json("fever")
        if data.get("auth") != 1 and str(data.get("auth")) != "1":
            raise AuthError(f"{self.url}: the server refused the login (Fever auth 0)")
        return data

    def check(self) -> None:
        data = self._call()
        if _int(data.get("api_version")) is None:
            raise SyncError(f"{self.url}: no api_version (is this a Fever API URL?)")

    def pull(self, cursor: str | None, since: datetime) -> ServerState:
        # One request when the server answers every selector (FreshRSS): a sync with nothing
        # new is then one round trip. Missing parts are asked for one by one.
        since_id = int(cursor or 0)
        data = self._call(*STATE_KEYS, "items", since_id=str(since_id))
        requests = 1
        for key in STATE_KEYS:
            if key not in data:
                data.update(self._call(key))
                requests += 1
        folders: dict[int, str] = {}
        for group in data.get("groups") or []:
            if isinstance(group, dict) and _int(group.get("id")) is not None:
                folders[_int(group["id"])] = str(group.get("title") or "")  # type: ignore[index]
        feed_folders: dict[int, list[str]] = {}
        for link in data.get("feeds_groups") or []:
            if isinstance(link, dict):
                name = folders.get(_int(link.get("group_id")) or -1)
                for feed_id in _ids(link.get("feed_ids")):
                    if name and name.lower() != "uncategorized":
                        feed_folders.setdefault(int(feed_id), []).append(name)
        feeds = []
        for feed in data.get("feeds") or []:
            if isinstance(feed, dict) and (number := _int(feed.get("id"))) is not None:
                feeds.append(RemoteFeed(
                    id=str(number), title=str(feed.get("title") or ""),
                    url=str(feed.get("url") or ""),
                    site_url=str(feed.get("site_url") or "") or None,
                    folders=tuple(feed_folders.get(number, ())),
                ))
        state = ServerState(
            feeds=feeds, unread=_ids(data.get("unread_item_ids")),
            starred=_ids(data.get("saved_item_ids")), requests=requests,
        )
        first_page = data.get("items") if isinstance(data.get("items"), list) else None
        self._new_items(state, since_id, since, {f.id: f for f in feeds}, first_page)
        return state

    def _new_items(
        self,
        state: ServerState,
        since_id: int,
        since: datetime,
        feeds: dict[str, RemoteFeed],
        entries: list[object] | None,
    ) -> None:
        """Items after `since_id`, ascending. A first sync keeps unread, saved and recent ones."""
        first = since_id == 0
        cutoff = since.timestamp()
        highest = since_id
        for _ in range(MAX_PAGES):
            if entries is None:
                data = self._call("items", since_id=str(highest))
                state.requests += 1
                entries = data.get("items")  # type: ignore[assignment]
            if not isinstance(entries, list):
                raise SyncError(f"{self.url}: the items answer has no items list")
            page_high = highest
            for entry in entries:
                item = _item(entry, feeds)
                if item is None:
                    continue
                page_high = max(page_high, int(item.id))
                wanted = (not first or not item.read or item.starred
                          or (item.published is not None and item.published.timestamp() >= cutoff))
                if wanted:
                    state.items.append(item)
                    state.recent.add(item.id)
            entries = None
            if page_high == highest:
                break
            highest = page_high
        else:
            raise SyncError(f"{self.url}: more than {MAX_PAGES * ITEMS_PAGE:,} items to fetch")
        state.cursor = str(highest)

    def items(self, ids: list[str], feeds: dict[str, RemoteFeed]) -> Iterator[list[RemoteItem]]:
        for start in range(0, len(ids), ITEMS_PAGE):
            batch = ids[start : start + ITEMS_PAGE]
            data = self._call("items", with_ids=",".join(batch))
            entries = data.get("items") or []
            yield [i for e in entries if isinstance(entries, list) if (i := _item(e, feeds))]

    def push(self, changes: list[Change]) -> list[str]:
        """One mark per change (Fever takes one id per request); returns notes on dropped ones."""
        notes = []
        for change in changes:
            if change.field == "read":
                mark_as = "read" if change.value else "unread"
            else:
                mark_as = "saved" if change.value else "unsaved"
            separator = "&" if "?" in self.url else "?"
            try:
                response = self.http.call(f"{self.url}{separator}api", form=[
                    ("api_key", self._key), ("mark", "item"), ("as", mark_as),
                    ("id", change.item_id),
                ])
                # A refused key still gets HTTP 200: the change must then stay queued.
                if str(response.json("fever").get("auth")) != "1":
                    raise AuthError(f"{self.url}: the server refused the login (Fever auth 0)")
            except HttpStatusError as error:
                if error.status not in (400, 404, 410):
                    raise
                notes.append(f"item {change.item_id} is no longer on the server; "
                             f"its change ({mark_as}) was dropped")
        return notes

    def subscribe(self, feed_url: str) -> str:
        raise SyncError(
            "the Fever API cannot subscribe to feeds; subscribe on the server's web page"
        )


def _item(entry: object, feeds: dict[str, RemoteFeed]) -> RemoteItem | None:
    if not isinstance(entry, dict) or (number := _int(entry.get("id"))) is None:
        return None
    feed_id = str(_int(entry.get("feed_id")) or "")
    created = _int(entry.get("created_on_time"))
    feed = feeds.get(feed_id)
    return RemoteItem(
        id=str(number),
        feed_id=feed_id,
        title=str(entry.get("title") or ""),
        html=str(entry.get("html") or ""),
        url=entry.get("url") if isinstance(entry.get("url"), str) else None,
        author=entry.get("author") if isinstance(entry.get("author"), str) else None,
        published=datetime.fromtimestamp(created, UTC) if created and created < 2**33 else None,
        read=_int(entry.get("is_read")) == 1,
        starred=_int(entry.get("is_saved")) == 1,
        feed_title=feed.title if feed else "",
    )
