"""``diaspora-watch export``: what the database holds, in a named format, for any filter."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from diaspora_watch.cli._common import DbOption, err, errors, open_store

ListOption = list[str] | None


def register(app: typer.Typer) -> None:
    app.command("export")(export_cli)


def export_cli(
    fmt: Annotated[str, typer.Option("--format", "-f", help="events-jsonl, documents-jsonl, incidents-csv, incidents-geojson, acled-csv, datapackage (a folder) or atom.")] = "events-jsonl",
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write to this file (a folder for datapackage) instead of stdout.")] = None,
    db: DbOption = None,
    type_: Annotated[ListOption, typer.Option("--type", help="Only this event type (repeatable), e.g. enforcement.")] = None,
    subtype: Annotated[ListOption, typer.Option("--subtype", help="Only this subtype (repeatable), e.g. detention.")] = None,
    country: Annotated[ListOption, typer.Option("--country", help="Only this country, ISO alpha-2 (repeatable), e.g. RU.")] = None,
    admin1: Annotated[ListOption, typer.Option("--admin1", help="Only this region, ISO 3166-2 (repeatable), e.g. RU-SVE.")] = None,
    group: Annotated[ListOption, typer.Option("--group", help="Only events concerning this group, ISO alpha-2 of origin (repeatable), e.g. AZ.")] = None,
    status: Annotated[ListOption, typer.Option("--status", help="Only this legal status (repeatable), e.g. naturalized.")] = None,
    date_from: Annotated[str | None, typer.Option("--from", help="Only events on or after this date: YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Only events on or before this date: YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
    text: Annotated[str | None, typer.Option("--text", help="Only events whose evidence, claims or title hold every word, in any form (Russian too).")] = None,
    include_names: Annotated[bool, typer.Option("--include-names", help="Include names that are withheld by default (alleged or undocumented events).")] = False,
) -> None:
    """Export events, incidents or documents; incident formats keep an incident when one of its events passes the filters.

    Example: diaspora-watch export --format incidents-geojson --country RU --group AZ --from 2025-06 -o incidents.geojson
    """
    from diaspora_watch.export import registry, write_export, write_export_dir

    filters = {"type": type_, "subtype": subtype, "country": country, "admin1": admin1, "group": group, "status": status,
               "date_from": date_from, "date_to": date_to, "text": text, "include_names": include_names}
    with errors(), open_store(db) as store:
        if registry.get(fmt).directory:
            if output is None:
                registry.get(fmt, directory=False)  # raises: a folder format needs -o
            n = write_export_dir(store, fmt, output, filters)
            err.print(f"{n} incidents written to {output}/")
        elif output is None:
            n = write_export(store, fmt, sys.stdout, filters)
        else:
            tmp = output.with_name(output.name + ".part")
            with tmp.open("w", encoding="utf-8", newline="\n") as f:
                n = write_export(store, fmt, f, filters)
            tmp.replace(output)  # readers never see half a file
            err.print(f"{n} rows written to {output}")
