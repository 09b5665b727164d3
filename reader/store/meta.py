"""The keys of the store's `meta` table: small facts about the library kept beside it."""

from __future__ import annotations

SEEDED_KEY = "seeded"
"""Set once the bundled articles were added to a new store (deleted ones stay deleted)."""
LAST_OPEN_KEY = "last_open"
"""The article the app had open, to open it again at the next start."""
