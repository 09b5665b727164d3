"""`reader feed ...`, `reader refresh` and `reader fulltext`: subscriptions on the command line."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from reader.cli.errors import EXIT_ERROR, EXIT_OK, CLIError
from reader.cli.lookup import get_article
from reader.cli.output import print_json, progress_bar, write_output
from reader.ingest import IngestError
from reader.models import Feed
from reader.sanitize import clean_line
from reader.sources.refresh import apply_fetch, fetch_feed, refresh_feeds
from reader.store import Store


def _feed_json(feed: Feed) -> dict[str, object]:
    return feed.model_dump(mode="json")


def feed_add(store: Store, args: argparse.Namespace) -> int:
    from reader.sources.fetch import is_web_url

    url = args.url
    if getattr(args, "account", None):
        from reader.cli.sync import feed_add_remote

        return feed_add_remote(store, args)
    if not (is_web_url(url) or url.startswith("file://")):
        raise CLIError(f"{url}: a feed URL must be http(s) (or file://)")
    existing = store.feed_by_url(url)
    feed_id, _ = store.add_feed(url)
    feed = store.feed(feed_id)
    assert feed is not None
    outcome = apply_fetch(store, fetch_feed(feed))
    if outcome.failed and existing is None:
        store.remove_feed(feed_id)
        raise CLIError(outcome.status)
    feed = store.feed(feed_id)
    assert feed is not None
    if args.json:
        print_json({**_feed_json(feed), "added": outcome.added, "updated": outcome.updated})
    else:
        print(f"subscribed to {clean_line(feed.title or feed.url)} (feed {feed.id}): "
              f"{outcome.added} new, {outcome.updated} updated")
    return EXIT_OK


def feed_list(store: Store, args: argparse.Namespace) -> int:
    feeds = store.feeds()
    if args.json:
        print_json([_feed_json(feed) for feed in feeds])
        return EXIT_OK
    for feed in feeds:
        print(f"{feed.id:>4}  {clean_line(feed.title or '(untitled)')}  {clean_line(feed.url)}  "
              f"[{feed.articles} articles, {clean_line(feed.status)}]")
    return EXIT_OK


def feed_remove(store: Store, args: argparse.Namespace) -> int:
    try:
        store.remove_feed(args.id)
    except KeyError:
        raise CLIError(f"no feed with id {args.id} (see `reader feed list`)") from None
    print(f"unsubscribed from feed {args.id}; its articles are kept")
    return EXIT_OK


def feed_import(store: Store, args: argparse.Namespace) -> int:
    from reader.ingest.files import read_file_bytes
    from reader.ingest.opml import parse_opml

    try:
        data = read_file_bytes(args.file, args.file.name)
        subscriptions, refused = parse_opml(data, name=args.file.name)
    except IngestError as error:
        raise CLIError(str(error)) from None
    new = 0
    for subscription in subscriptions:
        _, created = store.add_feed(subscription.url, subscription.title)
        new += created
    for message in refused:
        print(f"reader: {message}", file=sys.stderr)
    print(f"subscribed to {new} new feeds ({len(subscriptions) - new} already there, "
          f"{len(refused)} refused); run `reader refresh` to fetch them")
    return EXIT_ERROR if refused else EXIT_OK


def feed_export(store: Store, args: argparse.Namespace) -> int:
    from reader.ingest.opml import Subscription, write_opml

    feeds = store.feeds()
    opml = write_opml(Subscription(url=feed.url, title=feed.title) for feed in feeds)
    write_output(opml, args.output, f"wrote {len(feeds)} feeds")
    return EXIT_OK


def refresh(store: Store, args: argparse.Namespace) -> int:
    feeds = store.feeds()
    if not feeds:
        print("no feeds yet: subscribe with `reader feed add URL`")
        return EXIT_OK
    with progress_bar("refreshing") as progress:
        outcomes = refresh_feeds(
            store, feeds, progress=lambda done, total, _: progress(done, total, "")
        )
    outcomes.sort(key=lambda outcome: outcome.feed.id)
    if args.json:
        print_json([
            {"feed": o.feed.id, "url": o.feed.url, "status": o.status, "added": o.added,
             "updated": o.updated}
            for o in outcomes
        ])
    else:
        for outcome in outcomes:
            name = clean_line(outcome.feed.title or outcome.feed.url)
            if outcome.failed:
                print(f"reader: {clean_line(outcome.status)}", file=sys.stderr)
            else:
                print(f"{name}: {outcome.status}, {outcome.added} new, {outcome.updated} updated")
    return EXIT_ERROR if any(outcome.failed for outcome in outcomes) else EXIT_OK


def fulltext(store: Store, args: argparse.Namespace) -> int:
    from reader.sources.fulltext import fetch_full_article

    stored = get_article(store, args.id)
    try:
        article = fetch_full_article(stored.article)
    except IngestError as error:
        raise CLIError(str(error)) from None
    store.add(article)
    print(f"{args.id}: replaced with the full article ({article.word_count:,} words)")
    return EXIT_OK


def feed(store: Store, args: argparse.Namespace) -> int:
    """`reader feed ACTION`."""
    return FEED_COMMANDS[args.feed_command](store, args)


FEED_COMMANDS: dict[str, Callable[[Store, argparse.Namespace], int]] = {
    "add": feed_add,
    "list": feed_list,
    "remove": feed_remove,
    "import": feed_import,
    "export": feed_export,
}
