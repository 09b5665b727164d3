"""Refreshing feeds: fetch and parse in parallel threads, write to the store in one thread.

`fetch_feed` touches no store and is safe in a worker thread; `apply_fetch` writes what it
found and must run where the store was opened. `refresh_feeds` puts the two together for the
command line; the app awaits `fetch_feed` in threads and applies results as they arrive.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import Executor, ThreadPoolExecutor, as_completed
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from reader.ingest import IngestError
from reader.models import Feed
from reader.sources.fetch import Fetched, FetchError, RateLimited, fetch
from reader.sources.import_pool import worker_pool
from reader.store import Store
from reader.store.store import PreparedArticle

WORKERS = 8


@dataclass(frozen=True)
class FeedFetch:
    """What fetching one feed found: entries to store, or why there are none."""

    feed: Feed
    fetched: Fetched | None = None
    parsed: object | None = None
    """A `ParsedFeed` (typed loosely so that importing this module stays light)."""
    error: str | None = None
    retry_after: datetime | None = None


@dataclass(frozen=True)
class FeedOutcome:
    feed: Feed
    status: str
    """`ok`, `not modified`, `skipped`, or the one-line reason it failed."""
    added: int = 0
    updated: int = 0

    @property
    def failed(self) -> bool:
        return self.status not in ("ok", "not modified", "skipped")


def fetch_feed(
    feed: Feed, *, fetcher: Callable[..., Fetched] = fetch, now: datetime | None = None
) -> FeedFetch:
    """Fetch and parse one feed. Never raises for a bad feed: the error is in the result."""
    from reader.ingest.feeds import parse_feed

    now = now or datetime.now(UTC)
    if feed.retry_after and feed.retry_after > now:
        return FeedFetch(feed, error=f"skipped until {feed.retry_after:%Y-%m-%d %H:%M} UTC",
                         retry_after=feed.retry_after)
    try:
        fetched = fetcher(feed.url, etag=feed.etag, last_modified=feed.last_modified)
        if fetched.status == 304:
            return FeedFetch(feed, fetched=fetched)
        parsed = parse_feed(fetched.body, url=feed.url, content_type=fetched.content_type)
    except RateLimited as error:
        return FeedFetch(feed, error=str(error), retry_after=error.retry_after)
    except (FetchError, IngestError) as error:
        return FeedFetch(feed, error=str(error))
    return FeedFetch(feed, fetched=fetched, parsed=parsed)


@dataclass(frozen=True)
class PreparedFeed:
    """A parsed feed as a worker process sends it back: its fields, its entries as rows."""

    title: str
    link: str | None
    rows: list[PreparedArticle]


def fetch_prepared(feed: Feed) -> FeedFetch:
    """`fetch_feed`, then the entries made into rows: the part of a refresh that a worker
    process can do (everything but the writing), and a small result to send back."""
    from reader.store.store import prepare

    result = fetch_feed(feed)
    parsed = result.parsed
    if parsed is None or result.fetched is None:
        return result
    rows = [prepare(entry) for entry in parsed.entries]  # type: ignore[attr-defined]
    return replace(
        result,
        fetched=replace(result.fetched, body=b""),
        parsed=PreparedFeed(parsed.title, parsed.link, rows),  # type: ignore[attr-defined]
    )


def apply_fetch(store: Store, result: FeedFetch) -> FeedOutcome:
    """Store what a fetch found and note it on the feed."""
    feed = result.feed
    if result.error is not None:
        skipped = result.error.startswith("skipped")
        if not skipped:
            store.record_refresh(feed.id, status=result.error, retry_after=result.retry_after)
        return FeedOutcome(feed, "skipped" if skipped else result.error)
    fetched = result.fetched
    assert fetched is not None
    if fetched.status == 304 or result.parsed is None:
        store.record_refresh(feed.id, status="not modified")
        return FeedOutcome(feed, "not modified")
    parsed = result.parsed
    if isinstance(parsed, PreparedFeed):
        stored = store.add_prepared(parsed.rows, feed_id=feed.id)
    else:
        stored = store.add_many(parsed.entries, feed_id=feed.id)  # type: ignore[attr-defined]
    store.record_refresh(
        feed.id,
        status="ok",
        title=parsed.title or None,  # type: ignore[attr-defined]
        link=parsed.link,  # type: ignore[attr-defined]
        etag=fetched.etag,
        last_modified=fetched.last_modified,
    )
    added = sum(1 for _, new in stored if new)
    return FeedOutcome(feed, "ok", added=added, updated=len(stored) - added)


def refresh_feeds(
    store: Store,
    feeds: Sequence[Feed] | None = None,
    *,
    progress: Callable[[int, int, FeedOutcome], None] | None = None,
    fetcher: Callable[..., Fetched] = fetch,
    workers: int = WORKERS,
) -> list[FeedOutcome]:
    """Refresh feeds concurrently; one failing feed never stops the others."""
    feeds = list(store.feeds() if feeds is None else feeds)
    outcomes: list[FeedOutcome] = []
    if not feeds:
        return outcomes
    # Parsing is most of a refresh and holds the GIL: from the command line, with the real
    # fetcher, feeds are fetched and parsed in one process per core (a test's fetcher, or the
    # app's threads, get threads). Measured: benchmarks/feeds_refresh.py.
    processes = worker_pool(len(feeds), least=2) if fetcher is fetch else None
    if processes is not None:
        pool: Executor = processes
        futures = [pool.submit(fetch_prepared, feed) for feed in feeds]
    else:
        pool = ThreadPoolExecutor(max_workers=max(1, min(workers, len(feeds))))
        futures = [pool.submit(fetch_feed, feed, fetcher=fetcher) for feed in feeds]
    with pool:
        for future in as_completed(futures):
            outcome = apply_fetch(store, future.result())
            outcomes.append(outcome)
            if progress is not None:
                progress(len(outcomes), len(feeds), outcome)
    return outcomes
