"""SQLite store: schema, migrations and queries. Knows nothing of widgets."""

from reader.store.store import STORE_FILE, ListQuery, Store, StoreError

__all__ = ["STORE_FILE", "ListQuery", "Store", "StoreError"]
