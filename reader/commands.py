"""What each `reader` subcommand does, given an open store and its parsed arguments."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from reader.cli import CLIError, print_json
from reader.models import Block, StoredArticle
from reader.paths import SEEDED_KEY
from reader.safe import safe_line
from reader.store import Store, StoreError

EXIT_OK = 0
EXIT_PARTIAL = 1


def open_store(folder: Path) -> Store:
    """Open (or create) the store in `folder`; a new store gets the bundled articles."""
    try:
        store = Store.in_dir(folder)
        if store.moved_aside is not None:
            print(
                f"reader: the store could not be read; it was moved to {store.moved_aside}"
                " and a new one started",
                file=sys.stderr,
            )
        if store.get_meta(SEEDED_KEY) is None:
            # Only a new store needs the ingest code: the app starts without importing it.
            from reader.library import ensure_seeds

            ensure_seeds(store)
    except StoreError as error:
        raise CLIError(str(error)) from None
    return store


def _get(store: Store, article_id: int) -> StoredArticle:
    stored = store.get(article_id)
    if stored is None:
        raise CLIError(f"no article with id {article_id} (see `reader list`)")
    return stored


def cmd_add(store: Store, args: argparse.Namespace) -> int:
    from reader.library import add_targets

    report = add_targets(store, args.targets)
    if args.json:
        print_json({"added": report.added, "updated": report.updated, "errors": report.errors})
    else:
        for error in report.errors:
            print(f"reader: {error}", file=sys.stderr)
        print(f"added {len(report.added)}, updated {len(report.updated)}, "
              f"failed {len(report.errors)}")
    return EXIT_PARTIAL if report.errors else EXIT_OK


def cmd_list(store: Store, args: argparse.Namespace) -> int:
    from dataclasses import replace

    from reader.find_commands import parse_cli_query

    query = parse_cli_query(args.query)
    if args.unread:
        query = replace(query, unread=True)
    if args.bookmarked:
        query = replace(query, bookmarked=True)
    total = store.count(query)
    items = [item for offset in range(0, total, 500) for item in store.page(query, offset, 500)]
    if args.json:
        print_json([item.model_dump(mode="json") for item in items])
        return EXIT_OK
    for item in items:
        marks = ("●" if not item.read else " ") + ("★" if item.bookmarked else " ")
        print(f"{item.id:>6} {marks} {safe_line(item.title)}  "
              f"[{safe_line(item.source)}, {item.reading_minutes} min]")
    return EXIT_OK


def cmd_show(store: Store, args: argparse.Namespace) -> int:
    stored = _get(store, args.id)
    article = stored.article
    from reader.insight import analyse, detect_language

    insight = analyse(article)
    if args.json:
        data = article.model_dump(mode="json", exclude={"original"})
        data.update(
            id=stored.id,
            language=detect_language(article),
            added=stored.added.isoformat(),
            read=stored.state.read,
            bookmarked=stored.state.bookmarked,
            position={"section": stored.state.section, "scroll": stored.state.scroll},
            **insight.model_dump(mode="json"),
            promotional_count=sum(1 for flag in insight.flags if flag.kind == "promotional"),
        )
        print_json(data)
        return EXIT_OK
    print(safe_line(article.title))
    print("=" * min(78, len(safe_line(article.title))))
    for index, section in enumerate(article.sections):
        print()
        if section.title:
            print(f"§ {index + 1}  {safe_line(section.title)}")
            print()
        for block in section.blocks:
            print(_block_text(block))
            print()
    return EXIT_OK


def _block_text(block: Block) -> str:
    if block.kind == "bullets":
        return "\n".join(f"  • {safe_line(item)}" for item in block.items)
    if block.kind == "qa":
        return f"  Q: {safe_line(block.question)}\n  A: {safe_line(block.answer)}"
    return safe_line(block.text)


def cmd_mark(store: Store, args: argparse.Namespace) -> int:
    _get(store, args.id)
    store.set_read(args.id, args.read)
    print(f"{args.id}: marked {'read' if args.read else 'unread'}")
    return EXIT_OK


def cmd_bookmark(store: Store, args: argparse.Namespace) -> int:
    _get(store, args.id)
    store.set_bookmarked(args.id, not args.off)
    print(f"{args.id}: bookmark {'removed' if args.off else 'added'}")
    return EXIT_OK


def _lazy(module: str, name: str) -> Callable[[Store, argparse.Namespace], int]:
    """A subcommand whose module is imported only when it runs (keeps `reader list` fast)."""

    def run(store: Store, args: argparse.Namespace) -> int:
        from importlib import import_module

        return getattr(import_module(module), name)(store, args)

    return run


COMMANDS: dict[str, Callable[[Store, argparse.Namespace], int]] = {
    "search": _lazy("reader.find_commands", "search"),
    "tag": _lazy("reader.find_commands", "tag"),
    "export": _lazy("reader.find_commands", "export"),
    "config": _lazy("reader.find_commands", "config"),
    "feed": _lazy("reader.feed_commands", "feed"),
    "refresh": _lazy("reader.feed_commands", "refresh"),
    "fulltext": _lazy("reader.feed_commands", "fulltext"),
    "add": cmd_add,
    "list": cmd_list,
    "show": cmd_show,
    "mark": cmd_mark,
    "bookmark": cmd_bookmark,
}
