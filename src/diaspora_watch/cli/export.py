"""``diaspora-watch export``: what the database holds, in a named format."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from diaspora_watch.cli._common import DbOption, err, errors, open_store


def register(app: typer.Typer) -> None:
    app.command("export")(export_cli)


def export_cli(
    fmt: Annotated[str, typer.Option("--format", "-f", help="Export format: events-jsonl, documents-jsonl, ...")] = "events-jsonl",
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write to this file instead of stdout.")] = None,
    db: DbOption = None,
) -> None:
    """Export events or documents.

    Example: diaspora-watch export --format events-jsonl -o events.jsonl
    """
    from diaspora_watch.export import write_export

    with errors(), open_store(db) as store:
        if output is None:
            n = write_export(store, fmt, sys.stdout)
        else:
            tmp = output.with_name(output.name + ".part")
            with tmp.open("w", encoding="utf-8", newline="\n") as f:
                n = write_export(store, fmt, f)
            tmp.replace(output)  # readers never see half a file
            err.print(f"{n} rows written to {output}")
