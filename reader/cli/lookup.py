"""What most commands need first: the store (with the bundled articles), an article by its
id, and the query the user typed."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from reader.cli.errors import CLIError
from reader.models import StoredArticle
from reader.query import Query, QueryError, parse_query
from reader.store import Store, StoreError
from reader.store.meta import SEEDED_KEY


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
            from reader.sources.library import ensure_seeds

            ensure_seeds(store)
    except StoreError as error:
        raise CLIError(str(error)) from None
    return store


def get_article(store: Store, article_id: int) -> StoredArticle:
    """The article with this id, or the one-line error every command gives."""
    stored = store.get(article_id)
    if stored is None:
        raise CLIError(f"no article with id {article_id} (see `reader list`)")
    return stored


def parse_cli_query(words: list[str], default: str = "") -> Query:
    text = " ".join(words) if words else default
    try:
        return parse_query(text, today=date.today())
    except QueryError as error:
        raise CLIError(f"query: {error}") from None
