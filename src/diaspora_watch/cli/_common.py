"""Options, progress bars and error handling shared by every command."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

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
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print the summary as JSON, for scripts.")]

out = Console(highlight=False)
err = Console(stderr=True, highlight=False)


def db_url(db: str | None) -> str:
    return db or os.environ.get("DIASPORA_WATCH_DB") or DEFAULT_DB


def open_store(db: str | None):
    from diaspora_watch.store import Store

    return Store.open(db_url(db))


@contextlib.contextmanager
def errors() -> Iterator[None]:
    """Turn a domain error into a message and an exit status: 2 for usage, 1 otherwise."""
    try:
        yield
    except UsageError as e:
        err.print(f"[red]error:[/red] {e}")
        raise typer.Exit(2) from None
    except DwError as e:
        err.print(f"[red]error:[/red] {e}")
        raise typer.Exit(1) from None


@contextlib.contextmanager
def progress_bar(description: str, *, enabled: bool) -> Iterator:
    """A rich progress bar as an ``on_progress(advance, total)`` callback; a no-op when disabled."""
    if not enabled:
        yield None
        return
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  TimeRemainingColumn(), console=err, transient=False) as bar:
        task = bar.add_task(description, total=None)

        def on_progress(advance: int, total: int | None) -> None:
            if total is not None:
                bar.update(task, total=total)
            if advance:
                bar.advance(task, advance)

        yield on_progress
