"""The Google Reader API (FreshRSS, Miniflux, Inoreader, The Old Reader, BazQux), as a client.

Written here rather than taken from PyPI: Miniflux's `google-reader` client needs Python 3.12
and `requests`, sets no timeout and no size cap, and follows redirects (which turns POSTs into
GETs that silently change nothing). See shared/servers/PROTOCOLS.md for what servers answer.

Sync follows the portable recipe: id lists (unread, starred, recent), then contents only for
ids not held yet; changes go up as edit-tag POSTs, many ids each.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlencode

from reader.sources.sync.http import Http, Response
from reader.sources.sync.model import (
    AuthError,
    Change,
    RemoteFeed,
    RemoteItem,
    ServerState,
    SyncError,
)

API = "/reader/api/0"
READING_LIST = "user/-/state/com.google/reading-list"
READ = "user/-/state/com.google/read"
STARRED = "user/-/state/com.google/starred"
LABEL = "user/-/label/"
LONG_PREFIX = "tag:google.com,2005:reader/item/"
IDS_PAGE = 10000
CONTENTS_BATCH = 250
EDIT_BATCH = 250
MAX_PAGES = 100
UNFILED = frozenset({"uncategorized"})
"""Folder names servers use for "no folder": not turned into tags."""


def short_id(value: object) -> str:
    """A decimal item id from either form (`tag:google.com,…/item/<hex>` or decimal)."""
    text = str(value)
    try:
        if text.startswith(LONG_PREFIX):
            return str(int(text[len(LONG_PREFIX):], 16))
        number = int(text)
    except ValueError:
        raise SyncError(f"the server sent a malformed item id {text[:40]!r}") from None
    return str(number & (2**64 - 1))


def long_id(short: str) -> str:
    return f"{LONG_PREFIX}{int(short) & (2**64 - 1):016x}"


def login(url: str, user: str, password: str, http: Http) -> str:
    """ClientLogin: trade the (API) password for the session token the account keeps."""
    form = [("Email", user), ("Passwd", password)]
    response = http.call(f"{url}/accounts/ClientLogin", form=form)
    for line in response.text().splitlines():
        if line.startswith("Auth="):
            token = line[5:].strip()
            if token:
                return token
    raise AuthError(f"{url}: the server gave no session token (is this a Google Reader API URL?)")


class GReaderClient:
    kind = "greader"
    can_subscribe = True

    def __init__(self, url: str, auth: str, http: Http) -> None:
        self.url = url.rstrip("/")
        self.http = http
        self._headers = {"Authorization": f"GoogleLogin auth={auth}"}
        self._token: str | None = None

    # -- requests --------------------------------------------------------------------------

    def _get(self, path: str, params: Iterable[tuple[str, str]] = ()) -> dict[str, Any]:
        query = urlencode([("output", "json"), *params])
        response = self.http.call(f"{self.url}{API}/{path}?{query}", headers=self._headers)
        return response.json(path.split("/", 1)[0])

    def _post(self, path: str, form: list[tuple[str, str]]) -> Response:
        """A POST with the edit token first (PHP reads only the first 1000 fields)."""
        for attempt in (1, 2):
            token = self.token()
            try:
                return self.http.call(f"{self.url}{API}/{path}", form=[("T", token), *form],
                                      headers=self._headers)
            except AuthError:
                # A stale edit token gets 401 too: fetch a new one once, then give up.
                self._token = None
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def token(self) -> str:
        if self._token is None:
            response = self.http.call(f"{self.url}{API}/token", headers=self._headers)
            self._token = response.text().strip()
        return self._token

    def check(self) -> None:
        """One cheap authenticated request: raises AuthError when the session is refused."""
        data = self._get("user-info")
        if not isinstance(data.get("userName", data.get("userId")), (str, int)):
            raise SyncError(f"{self.url}: user-info has no user (is this a Google Reader API?)")

    # -- pull ------------------------------------------------------------------------------

    def subscriptions(self) -> list[RemoteFeed]:
        data = self._get("subscription/list")
        entries = data.get("subscriptions")
        if not isinstance(entries, list):
            raise SyncError(f"{self.url}: subscription/list has no subscriptions")
        feeds = []
        for entry in entries:
            if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
                continue
            folders = []
            for category in entry.get("categories") or []:
                if isinstance(category, dict):
                    label = category.get("label") or str(category.get("id", "")).removeprefix(LABEL)
                    if isinstance(label, str) and label and label.lower() not in UNFILED:
                        folders.append(label)
            feeds.append(RemoteFeed(
                id=entry["id"], title=_str(entry.get("title")), url=_str(entry.get("url")),
                site_url=_str(entry.get("htmlUrl")) or None, folders=tuple(folders),
            ))
        return feeds

    def item_ids(self, stream: str, *extra: tuple[str, str]) -> set[str]:
        """Every id in a stream, following continuations."""
        ids: set[str] = set()
        continuation: str | None = None
        for _ in range(MAX_PAGES):
            params = [("s", stream), ("n", str(IDS_PAGE)), *extra]
            if continuation:
                params.append(("c", continuation))
            data = self._get("stream/items/ids", params)
            refs = data.get("itemRefs") or []
            if not isinstance(refs, list):
                raise SyncError(f"{self.url}: stream/items/ids has no itemRefs list")
            ids.update(short_id(ref["id"]) for ref in refs if isinstance(ref, dict) and "id" in ref)
            next_c = data.get("continuation")
            if not next_c or not refs or next_c == continuation:
                return ids
            continuation = str(next_c)
        raise SyncError(f"{self.url}: more than {MAX_PAGES} pages of ids in {stream}")

    def pull(self, cursor: str | None, since: datetime) -> ServerState:
        """Four small GETs sent at once: with nothing new, one round trip's wait."""
        with ThreadPoolExecutor(max_workers=4) as pool:
            feeds = pool.submit(self.subscriptions)
            unread = pool.submit(self.item_ids, READING_LIST, ("xt", READ))
            starred = pool.submit(self.item_ids, STARRED)
            recent = pool.submit(self.item_ids, READING_LIST, ("ot", str(int(since.timestamp()))))
            return ServerState(feeds=feeds.result(), unread=unread.result(),
                               starred=starred.result(), recent=recent.result())

    def items(self, ids: list[str], feeds: dict[str, RemoteFeed]) -> Iterator[list[RemoteItem]]:
        """The contents of these items, in batches (unknown ids are left out by the server)."""
        for start in range(0, len(ids), CONTENTS_BATCH):
            batch = ids[start : start + CONTENTS_BATCH]
            # A POST: Miniflux wants the edit token on every one.
            response = self._post("stream/items/contents?output=json",
                                  [("i", long_id(item)) for item in batch])
            entries = response.json("stream/items/contents").get("items")
            if not isinstance(entries, list):
                raise SyncError(f"{self.url}: stream/items/contents has no items list")
            yield [item for entry in entries if (item := _item(entry, feeds)) is not None]

    # -- push ------------------------------------------------------------------------------

    def push(self, changes: list[Change]) -> list[str]:
        """Send changes as edit-tag POSTs, one tag per request; returns notes (none here)."""
        groups: dict[tuple[str, str], list[str]] = {}
        for change in changes:
            tag = READ if change.field == "read" else STARRED
            groups.setdefault(("a" if change.value else "r", tag), []).append(change.item_id)
        for (action, tag), ids in groups.items():
            for start in range(0, len(ids), EDIT_BATCH):
                batch = ids[start : start + EDIT_BATCH]
                form = [(action, tag), *(("i", long_id(item)) for item in batch)]
                answer = self._post("edit-tag", form).text().strip()
                # Anything but OK (a login page from a proxy, say): the changes stay queued.
                if answer.upper() != "OK":
                    raise SyncError(f"{self.url}: edit-tag was not accepted ({answer[:40]!r})")
        return []

    def subscribe(self, feed_url: str) -> str:
        response = self._post("subscription/quickadd", [("quickadd", feed_url)])
        data = response.json("subscription/quickadd")
        if not data.get("numResults"):
            error = _str(data.get("error")) or "the server could not subscribe"
            raise SyncError(f"{feed_url}: {error}")
        return _str(data.get("streamName")) or feed_url


def _str(value: object) -> str:
    return value if isinstance(value, str) else ""


def _href(entry: dict[str, object]) -> str | None:
    for key in ("canonical", "alternate"):
        links = entry.get(key)
        if isinstance(links, list):
            for link in links:
                if isinstance(link, dict) and isinstance(link.get("href"), str):
                    return link["href"]
    return None


def _item(entry: object, feeds: dict[str, RemoteFeed]) -> RemoteItem | None:
    if not isinstance(entry, dict) or "id" not in entry:
        return None
    categories = {c for c in entry.get("categories") or [] if isinstance(c, str)}
    origin = entry.get("origin") if isinstance(entry.get("origin"), dict) else {}
    feed_id = _str(origin.get("streamId"))  # type: ignore[union-attr]
    content = ""
    for key in ("content", "summary"):
        part = entry.get(key)
        if isinstance(part, dict) and isinstance(part.get("content"), str) and part["content"]:
            content = part["content"]
            break
    published = entry.get("published")
    feed = feeds.get(feed_id)
    return RemoteItem(
        id=short_id(entry["id"]),
        feed_id=feed_id,
        title=_str(entry.get("title")),
        html=content,
        url=_href(entry),
        author=_str(entry.get("author")) or None,
        published=_seconds(published),
        read=any(c.endswith("/state/com.google/read") for c in categories),
        starred=any(c.endswith("/state/com.google/starred") for c in categories),
        feed_title=feed.title if feed else _str(origin.get("title")),  # type: ignore[union-attr]
    )


def _seconds(value: object) -> datetime | None:
    try:
        seconds = int(value)  # type: ignore[call-overload]
        return datetime.fromtimestamp(seconds, UTC) if 0 < seconds < 2**33 else None
    except (TypeError, ValueError, OverflowError, OSError):
        return None
