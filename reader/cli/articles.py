"""`reader add`, `list`, `show`, `mark` and `bookmark`: articles on the command line."""

from __future__ import annotations

import argparse
import sys

from reader.cli.errors import EXIT_ERROR, EXIT_OK
from reader.cli.lookup import get_article, parse_cli_query
from reader.cli.output import print_json
from reader.models import Block
from reader.sanitize import clean_line
from reader.store import Store


def cmd_add(store: Store, args: argparse.Namespace) -> int:
    from reader.sources.library import add_targets

    report = add_targets(store, args.targets)
    if args.json:
        print_json({"added": report.added, "updated": report.updated, "errors": report.errors})
    else:
        for error in report.errors:
            print(f"reader: {error}", file=sys.stderr)
        print(f"added {len(report.added)}, updated {len(report.updated)}, "
              f"failed {len(report.errors)}")
    return EXIT_ERROR if report.errors else EXIT_OK


def cmd_list(store: Store, args: argparse.Namespace) -> int:
    from dataclasses import replace

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
        print(f"{item.id:>6} {marks} {clean_line(item.title)}  "
              f"[{clean_line(item.source)}, {item.reading_minutes} min]")
    return EXIT_OK


def cmd_show(store: Store, args: argparse.Namespace) -> int:
    stored = get_article(store, args.id)
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
    print(clean_line(article.title))
    print("=" * min(78, len(clean_line(article.title))))
    for index, section in enumerate(article.sections):
        print()
        if section.title:
            print(f"§ {index + 1}  {clean_line(section.title)}")
            print()
        for block in section.blocks:
            print(_block_text(block))
            print()
    return EXIT_OK


def _block_text(block: Block) -> str:
    if block.kind == "bullets":
        return "\n".join(f"  • {clean_line(item)}" for item in block.items)
    if block.kind == "qa":
        return f"  Q: {clean_line(block.question)}\n  A: {clean_line(block.answer)}"
    return clean_line(block.text)


def cmd_mark(store: Store, args: argparse.Namespace) -> int:
    get_article(store, args.id)
    store.set_read(args.id, args.read)
    print(f"{args.id}: marked {'read' if args.read else 'unread'}")
    return EXIT_OK


def cmd_bookmark(store: Store, args: argparse.Namespace) -> int:
    get_article(store, args.id)
    store.set_bookmarked(args.id, not args.off)
    print(f"{args.id}: bookmark {'removed' if args.off else 'added'}")
    return EXIT_OK
