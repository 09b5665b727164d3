"""What the protocol clients and the sync engine pass between them (no I/O here)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal, Protocol

Field = Literal["read", "starred"]


class SyncError(Exception):
    """A sync step failed; the message is one line, with no secret in it."""


class HttpStatusError(SyncError):
    """The server answered with an error status."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


class AuthError(SyncError):
    """The server refused the credentials (or the saved session)."""


@dataclass(frozen=True)
class RemoteFeed:
    id: str
    """The server's id for the feed (`feed/2` in Google Reader, `2` in Fever)."""
    title: str
    url: str
    site_url: str | None = None
    folders: tuple[str, ...] = ()


@dataclass(frozen=True)
class RemoteItem:
    id: str
    """The item's short id: a decimal string."""
    feed_id: str
    title: str
    html: str
    url: str | None
    author: str | None
    published: datetime | None
    read: bool
    starred: bool
    feed_title: str = ""


@dataclass(frozen=True)
class Change:
    """One queued local change to push: set `field` to `value` on item `item_id`."""

    queue_id: int
    item_id: str
    field: Field
    value: bool


@dataclass
class ServerState:
    """What a pull found: feeds, and which items are unread, starred, and recent."""

    feeds: list[RemoteFeed]
    unread: set[str]
    starred: set[str]
    recent: set[str] = field(default_factory=set)
    """Ids of items added since the last sync (or in the first-sync window)."""
    items: list[RemoteItem] = field(default_factory=list)
    """Items whose content came with the state (Fever sends them together)."""
    cursor: str | None = None
    """Where the next sync starts (Fever: the highest item id seen)."""
    requests: int = 0


class SyncClient(Protocol):
    """What the engine needs of a protocol client (greader.GReaderClient, fever.FeverClient)."""

    kind: str
    can_subscribe: bool

    def check(self) -> None: ...

    def pull(self, cursor: str | None, since: datetime) -> ServerState: ...

    def items(self, ids: list[str], feeds: dict[str, RemoteFeed]) -> Iterator[list[RemoteItem]]:
        ...

    def push(self, changes: list[Change]) -> list[str]: ...

    def subscribe(self, feed_url: str) -> str: ...
