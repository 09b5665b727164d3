"""`reader search`: ranked full-text search with snippets, or filters alone, newest first."""

from __future__ import annotations

import argparse
import sys

from reader.cli.errors import EXIT_OK
from reader.cli.lookup import parse_cli_query
from reader.cli.output import print_json
from reader.query import Query
from reader.query.snippets import MATCH_END, MATCH_START, snippet_parts
from reader.sanitize import clean_line
from reader.store import Store


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
                    "snippet": clean_line(
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
        print(f"{hit.item.id:>6}  {clean_line(hit.item.title)}  [{clean_line(hit.item.source)}]")
        if snippet := _marked(hit.snippet, tty):
            print(f"        {snippet}")
    if not hits:
        print("no matches", file=sys.stderr)
    return EXIT_OK
