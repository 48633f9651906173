"""Engines: SQLite with WAL and foreign keys on, PostgreSQL through psycopg."""

from __future__ import annotations

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.engine.url import make_url

from diaspora_watch.errors import StoreError


def make_engine(url: str) -> Engine:
    try:
        parsed = make_url(url)
    except Exception as e:  # sqlalchemy raises ArgumentError with a terse message
        raise StoreError(f"{url!r} is not a database URL (e.g. sqlite:///dw.db, postgresql+psycopg://user@host/db): {e}") from None
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(parsed, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    try:
        return create_engine(parsed, pool_pre_ping=True)
    except Exception as e:
        raise StoreError(f"cannot use {parsed.render_as_string(hide_password=True)}: {e}") from None


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA journal_mode=WAL")  # readers never block the writer; a crash loses no committed row
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=NORMAL")  # durable at checkpoints, consistent always under WAL
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()
