"""SQLite store: schema, migrations and queries. Knows nothing of widgets."""

from reader.query import Query
from reader.store.listing import SearchHit
from reader.store.store import STORE_FILE, Store, StoreError

__all__ = ["STORE_FILE", "Query", "SearchHit", "Store", "StoreError"]
