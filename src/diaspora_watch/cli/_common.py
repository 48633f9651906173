"""Options and error handling shared by every command."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from typing import Annotated

import typer
from rich.console import Console

from diaspora_watch.errors import DwError, UsageError

DEFAULT_DB = "sqlite:///diaspora-watch.db"

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="SQLAlchemy database URL, e.g. sqlite:///dw.db or postgresql+psycopg://user@host/db. "
        "Default: $DIASPORA_WATCH_DB, else sqlite:///diaspora-watch.db in this folder.",
        show_default=False,
    ),
]

err = Console(stderr=True)


def db_url(db: str | None) -> str:
    return db or os.environ.get("DIASPORA_WATCH_DB") or DEFAULT_DB


@contextlib.contextmanager
def errors() -> Iterator[None]:
    """Turn a domain error into a message and an exit status: 2 for usage, 1 otherwise."""
    try:
        yield
    except UsageError as e:
        err.print(f"[red]error:[/red] {e}", highlight=False)
        raise typer.Exit(2) from None
    except DwError as e:
        err.print(f"[red]error:[/red] {e}", highlight=False)
        raise typer.Exit(1) from None
