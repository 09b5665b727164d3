"""`reader search`: ranked full-text search with snippets, or filters alone, newest first."""

from __future__ import annotations

import argparse

from reader.cli.errors import EXIT_OK
from reader.cli.output import print_json
from reader.query.snippets import MATCH_END, MATCH_START
from reader.sanitize import clean_line
from reader.store import Store


def search(store: Store, args: argparse.Namespace) -> int:
    """The full path: `--json`, or a store the quick path leaves to it (`quick_search`)."""
    from reader.cli.quick_search import print_hits, search_query

    query = search_query(args.query)
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
    print_hits((hit.item.id, hit.item.title, hit.item.source, hit.snippet) for hit in hits)
    return EXIT_OK
