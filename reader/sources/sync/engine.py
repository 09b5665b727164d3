"""The sync engine: push queued local changes, then pull the server's feeds, items and state.

Conflict rule: a local change not yet pushed wins over the server's state (it is pushed first,
and an item with a change still queued keeps its local state when the server's is applied);
otherwise the server's state wins. Read on one machine, sync both, read on both.

`sync_accounts` is what the app calls from a worker thread and the command line calls
directly; it opens its own store when given none (a store is used from one thread only).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import cast

from reader.ingest.feed_entries import plain_line
from reader.sanitize import clean_line
from reader.sources.sync.accounts import Account, AccountError, load_accounts, make_client
from reader.sources.sync.http import MAX_BYTES, TIMEOUT, Http
from reader.sources.sync.items import item_article
from reader.sources.sync.model import (
    AuthError,
    Change,
    Field,
    RemoteFeed,
    RemoteItem,
    SyncClient,
    SyncError,
)
from reader.store import Store, StoreError
from reader.store.sync_state import AccountProgress
from reader.store.tags import normalise_tag

FIRST_SYNC_DAYS = 30
"""A first sync takes every unread and starred item and this many days of the rest."""
RECENT_MARGIN = timedelta(days=1)
"""Later syncs ask for items crawled since the last sync minus this (clocks disagree)."""
PUSH_BATCH = 1000

Progress = Callable[[str, str, int, int], None]
"""progress(account, step, done, total): called as a sync goes on (steps: push, pull, items)."""


@dataclass
class AccountResult:
    account: str
    ok: bool
    error: str | None = None
    pushed: int = 0
    added: int = 0
    updated: int = 0
    changed: int = 0
    """Articles whose read or bookmark state the server's state changed."""
    requests: int = 0
    notes: list[str] = field(default_factory=list)
    cursor: str | None = field(default=None, repr=False)
    """Where the next pull starts (kept in the store once the sync succeeded)."""

    def as_json(self) -> dict[str, object]:
        return {"account": self.account, "ok": self.ok, "error": self.error,
                "pushed": self.pushed, "added": self.added, "updated": self.updated,
                "changed": self.changed, "requests": self.requests}


def sync_accounts(
    store: Store | None,
    data_dir: Path,
    *,
    progress: Progress | None = None,
    names: list[str] | None = None,
    first_days: int = FIRST_SYNC_DAYS,
    timeout: float = TIMEOUT,
    max_bytes: int = MAX_BYTES,
    now: datetime | None = None,
) -> list[AccountResult]:
    """Sync every account (or those named); one failing account never stops the others."""
    try:
        accounts = load_accounts(data_dir)
    except AccountError as error:
        return [AccountResult("accounts", ok=False, error=str(error))]
    if names is not None:
        accounts = [a for a in accounts if a.name in names]
    opened = store is None
    if store is None:
        try:
            store = Store.in_dir(data_dir)
        except StoreError as error:
            return [AccountResult(a.name, ok=False, error=str(error)) for a in accounts]
    try:
        return [
            sync_account(store, account, progress=progress, first_days=first_days,
                         http=Http(timeout=timeout, max_bytes=max_bytes), now=now)
            for account in accounts
        ]
    finally:
        if opened:
            store.close()


def sync_account(
    store: Store,
    account: Account,
    *,
    http: Http | None = None,
    progress: Progress | None = None,
    first_days: int = FIRST_SYNC_DAYS,
    now: datetime | None = None,
) -> AccountResult:
    http = http or Http()
    result = AccountResult(account.name, ok=False)
    report = progress or (lambda *_: None)
    try:
        client = make_client(account, http)
        _push(store, account, client, result, report)
        _pull(store, account, client, result, report, first_days, now or datetime.now(UTC))
        result.ok = True
    except AuthError as error:
        result.error = f"{error}; remove the account and add it again"
    except (SyncError, StoreError) as error:
        result.error = str(error)
    result.requests = http.requests
    try:
        store.sync_record(account.name, error=result.error, cursor=result.cursor)
    except StoreError:
        pass
    return result


def _push(store: Store, account: Account, client: SyncClient, result: AccountResult,
          report: Progress) -> None:
    pending = store.sync_pending(account.name)
    if not pending:
        return
    report(account.name, "push", 0, len(pending))
    for start in range(0, len(pending), PUSH_BATCH):
        batch = pending[start : start + PUSH_BATCH]
        changes = [Change(c.queue_id, c.item_id, cast(Field, c.field), c.value) for c in batch]
        result.notes.extend(client.push(changes))
        # Everything queued up to the batch's newest change went up; later ones stay queued.
        store.sync_pushed(account.name, max(c.queue_id for c in batch))
        result.pushed += len(batch)
        report(account.name, "push", result.pushed, len(pending))


def _pull(store: Store, account: Account, client: SyncClient, result: AccountResult,
          report: Progress, first_days: int, now: datetime) -> None:
    progress = store.sync_progress(account.name)
    first = progress.last_sync is None
    if first:
        since = now - timedelta(days=first_days)
    else:
        assert progress.last_sync is not None
        since = datetime.fromisoformat(progress.last_sync) - RECENT_MARGIN
    report(account.name, "pull", 0, 0)
    state = client.pull(progress.cursor, since)
    feeds = {feed.id: feed for feed in state.feeds}
    store.sync_save_feeds(account.name, (
        (f.id, clean_line(f.url), plain_line(f.title), "\n".join(map(plain_line, f.folders)))
        for f in state.feeds
    ))
    known = store.sync_known_items(account.name)
    have = {item.id for item in state.items}
    wanted = (state.unread | state.starred | state.recent) - known - have
    fresh = [item for item in state.items if item.id not in known]
    total = len(fresh) + len(wanted)
    report(account.name, "items", 0, total)
    _store_items(store, account.name, fresh, feeds, result)
    done = len(fresh)
    for batch in client.items(sorted(wanted, key=int), feeds):
        _store_items(store, account.name, batch, feeds, result)
        done += len(batch)
        report(account.name, "items", done, total)
    result.changed = store.sync_apply_state(account.name, state.unread, state.starred)
    result.cursor = state.cursor


def _store_items(store: Store, account: str, items: list[RemoteItem],
                 feeds: dict[str, RemoteFeed], result: AccountResult) -> None:
    pairs = []
    for item in items:
        article = item_article(account, item, feeds.get(item.feed_id))
        if article is not None:
            pairs.append((item, article))
    if not pairs:
        return
    stored = store.add_many([article for _, article in pairs])
    links = []
    for (item, _), (article_id, new) in zip(pairs, stored, strict=True):
        if new:
            result.added += 1
        else:
            result.updated += 1
        feed = feeds.get(item.feed_id)
        folders = feed.folders if feed else ()
        tags = sorted({tag for name in folders if (tag := normalise_tag(plain_line(name)))})
        links.append((item.id, article_id, item.read, item.starred, tags))
    store.sync_link_items(account, links)


def account_statuses(store: Store, data_dir: Path) -> list[AccountProgress]:
    """Each account's last sync and last error, for a status line (no network)."""
    try:
        accounts = load_accounts(data_dir)
    except AccountError:
        return []
    return [store.sync_progress(account.name) for account in accounts]
