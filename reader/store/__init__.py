"""SQLite store: schema, migrations and queries. Knows nothing of widgets.

Names are loaded on first use, so that `reader search` can use the SQL of `search_sql` and
the schema's version without importing the models (pydantic) that `Store` needs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reader.query import Query
    from reader.store.listing import SearchHit
    from reader.store.store import STORE_FILE, Store, StoreError

__all__ = ["STORE_FILE", "Query", "SearchHit", "Store", "StoreError"]


def __getattr__(name: str) -> Any:
    if name == "Query":
        from reader.query import Query

        return Query
    if name == "SearchHit":
        from reader.store.listing import SearchHit

        return SearchHit
    if name in __all__:
        from reader.store import store

        return getattr(store, name)
    raise AttributeError(f"module 'reader.store' has no attribute {name!r}")
