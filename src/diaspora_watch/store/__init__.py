"""Storage: one SQL database (SQLite by default, PostgreSQL for teams), migrated by Alembic."""

from diaspora_watch.store._events import EVENT_FIELDS
from diaspora_watch.store._store import Store, Verdict

__all__ = ["EVENT_FIELDS", "Store", "Verdict"]
