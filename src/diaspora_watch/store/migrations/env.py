"""Alembic environment: runs on the connection the store hands over, or on a URL."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from diaspora_watch.store.schema import Base

config = context.config
target_metadata = Base.metadata


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        engine = create_engine(config.get_main_option("sqlalchemy.url"))
        with engine.begin() as connection:
            _migrate(connection)
    else:
        _migrate(connection)


def _migrate(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",  # SQLite ALTERs need table copies
    )
    with context.begin_transaction():
        context.run_migrations()


run()
