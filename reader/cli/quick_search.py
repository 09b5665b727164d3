"""`reader search` printed straight from SQLite, so the command starts in tens of milliseconds.

The full path opens the store (migrations, seeding), builds a pydantic model per hit and so
imports pydantic and the models, which alone took most of the 130 ms a search cost at 100k.
Here: a read-only connection and the same SQL (`reader.store.search_sql`). Whenever the
full path has something to do (no store yet, an older schema, a store never seeded, a
damaged file, `--json` with its model-shaped rows), this declines and it runs instead.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from collections.abc import Iterable
from datetime import date

from reader.cli.errors import EXIT_OK, CLIError
from reader.query import Query, QueryError, parse_query
from reader.query.snippets import snippet_parts
from reader.sanitize import clean_line


def search_query(words: list[str]) -> Query:
    """The query `reader search WORDS` runs: by relevance when there are words to rank by,
    unless the words name a sort."""
    try:
        query = parse_query(" ".join(words), today=date.today())
    except QueryError as error:
        raise CLIError(f"query: {error}") from None
    # Filters alone (`is:bookmarked`) are a search too, newest first: nothing to rank by.
    if query.text and query.sort == "date" and "sort:" not in " ".join(words).lower():
        query = Query(**{**query.__dict__, "sort": "relevance"})
    return query


def _marked(snippet: str, tty: bool) -> str:
    """A snippet with matches in bold on a terminal, in [brackets] elsewhere."""
    start, end = ("\x1b[1m", "\x1b[22m") if tty else ("[", "]")
    return "".join(
        start + text + end if match else text for text, match in snippet_parts(snippet)
    ).strip()


def print_hits(hits: Iterable[tuple[int, str, str, str]]) -> None:
    """Each hit (id, title, source, snippet) as two lines; untrusted text cleaned."""
    tty = sys.stdout.isatty()
    printed = False
    for article_id, title, source, snippet in hits:
        print(f"{article_id:>6}  {clean_line(title)}  [{clean_line(source)}]")
        if marked := _marked(snippet, tty):
            print(f"        {marked}")
        printed = True
    if not printed:
        print("no matches", file=sys.stderr)


def search_quickly(args: argparse.Namespace) -> int | None:
    """Run `reader search` from SQLite alone; None when the full path must run instead."""
    if args.json:
        return None
    from reader.paths import data_dir
    from reader.store.meta import SEEDED_KEY
    from reader.store.schema import SCHEMA_VERSION, STORE_FILE
    from reader.store.search_sql import hit_rows

    path = data_dir(getattr(args, "data_dir", None)) / STORE_FILE
    if not path.is_file():
        return None
    query = search_query(args.query)
    try:
        conn = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=10.0, isolation_level=None
        )
    except sqlite3.Error:
        return None
    try:
        conn.execute("PRAGMA busy_timeout = 10000")
        if conn.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
            return None
        seeded = conn.execute("SELECT 1 FROM meta WHERE key = ?", (SEEDED_KEY,)).fetchone()
        if seeded is None:
            return None
        rows = hit_rows(conn, query, max(1, args.limit), 0)
    except sqlite3.Error:
        return None  # the full path says what is wrong with the store, in one line
    finally:
        conn.close()
    print_hits((row[0], row[1], row[2], snippet) for row, snippet in rows)
    return EXIT_OK
