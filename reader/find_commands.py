"""`reader search`, `reader tag`, `reader export` and `reader config`."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date

from reader.cli import CLIError, print_json, write_output
from reader.query import Query, QueryError, parse_query
from reader.safe import MATCH_END, MATCH_START, safe_line, snippet_parts
from reader.store import Store

EXIT_OK = 0


def parse_cli_query(words: list[str], default: str = "") -> Query:
    text = " ".join(words) if words else default
    try:
        return parse_query(text, today=date.today())
    except QueryError as error:
        raise CLIError(f"query: {error}") from None


def _marked(snippet: str, tty: bool) -> str:
    """A snippet with matches in bold on a terminal, in [brackets] elsewhere."""
    start, end = ("\x1b[1m", "\x1b[22m") if tty else ("[", "]")
    return "".join(
        start + text + end if match else text for text, match in snippet_parts(snippet)
    ).strip()


def search(store: Store, args: argparse.Namespace) -> int:
    query = parse_cli_query(args.query)
    # Filters alone (`is:bookmarked`) are a search too, newest first: nothing to rank by.
    if query.text and query.sort == "date" and "sort:" not in " ".join(args.query).lower():
        query = Query(**{**query.__dict__, "sort": "relevance"})
    hits = store.search(query, limit=max(1, args.limit))
    if args.json:
        print_json(
            [
                {
                    **hit.item.model_dump(mode="json"),
                    "snippet": safe_line(
                        hit.snippet.replace(MATCH_START, "").replace(MATCH_END, "")
                    ),
                    "matches": [
                        part.split(MATCH_END)[0] for part in hit.snippet.split(MATCH_START)[1:]
                    ],
                }
                for hit in hits
            ]
        )
        return EXIT_OK
    tty = sys.stdout.isatty()
    for hit in hits:
        print(f"{hit.item.id:>6}  {safe_line(hit.item.title)}  [{safe_line(hit.item.source)}]")
        if snippet := _marked(hit.snippet, tty):
            print(f"        {snippet}")
    if not hits:
        print("no matches", file=sys.stderr)
    return EXIT_OK


def tag(store: Store, args: argparse.Namespace) -> int:
    if store.item(args.id) is None:
        raise CLIError(f"no article with id {args.id} (see `reader list`)")
    for name in args.names:
        try:
            if args.remove:
                store.remove_tag(args.id, name)
            else:
                store.add_tag(args.id, name)
        except ValueError as error:
            raise CLIError(f"tag {name!r}: {error}") from None
    print(f"{args.id}: {', '.join(store.tags(args.id)) or '(no tags)'}")
    return EXIT_OK


def export(store: Store, args: argparse.Namespace) -> int:
    from reader.export import articles_json, articles_markdown

    query = parse_cli_query(args.query, default="is:bookmarked")
    total = store.count(query)
    items = [item for offset in range(0, total, 500) for item in store.page(query, offset, 500)]
    stored = [article for item in items if (article := store.get(item.id)) is not None]
    if args.format == "json":
        text = json.dumps(articles_json(stored, store), indent=2, ensure_ascii=False) + "\n"
    else:
        text = articles_markdown(stored, store, title=query.describe() or "All articles")
    write_output(text, args.output, f"wrote {len(stored)} articles")
    return EXIT_OK


def config(store: Store, args: argparse.Namespace) -> int:
    from reader.config import ConfigError, config_path, init_config

    path = config_path()
    if args.path:
        print(path)
        return EXIT_OK
    from reader.app.bindings import binding_descriptions

    try:
        created = init_config(path, binding_descriptions())
    except ConfigError as error:
        raise CLIError(str(error)) from None
    print(f"{'created' if created else 'already exists, left as it is:'} {path}")
    return EXIT_OK
