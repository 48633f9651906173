"""``diaspora-watch ingest``: files, folders, stdin, URLs and feeds into the database."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer

from diaspora_watch.cli._common import DbOption, JsonOption, QuietOption, err, errors, open_store, out, progress_bar
from diaspora_watch.errors import UsageError


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest_cli)


def ingest_cli(
    sources: Annotated[list[str], typer.Argument(help="Document .json, .jsonl, .html or .txt files, folders, http(s) URLs of articles or feeds, or - for JSON Lines on stdin.", show_default=False)],
    db: DbOption = None,
    allow_private: Annotated[bool, typer.Option("--allow-private", help="Allow fetching from private, loopback and link-local addresses.")] = False,
    max_mb: Annotated[float, typer.Option("--max-mb", help="Set aside any file or line larger than this many MiB.")] = 10.0,
    quiet: QuietOption = False,
    as_json: JsonOption = False,
) -> None:
    """Ingest documents: store them, extract their events, set aside what cannot be used.

    Example: diaspora-watch ingest ../shared/data/dev/docs https://example.org/feed.xml
    """
    from diaspora_watch.ingest import ingest

    with errors():
        if sources.count("-") > 1:
            raise UsageError("stdin (-) can be given once")
        with open_store(db) as store, progress_bar("ingest", enabled=not quiet and not as_json and sys.stderr.isatty()) as bar:
            report = ingest(sources, store, allow_private=allow_private, max_bytes=int(max_mb * 2**20), on_progress=bar)
    summary = report.as_dict()
    if as_json:
        out.print_json(json.dumps(summary, ensure_ascii=False))
        return
    if quiet:
        return
    out.print(
        f"run {summary['run']}: {summary['stored']} stored, {summary['republication']} republications, "
        f"{summary['duplicate']} duplicates, {summary['set_aside']} set aside; {summary['events']} events"
    )
    for item in summary["set_aside_items"][:50]:
        err.print(f"  set aside [{item['reason']}] {item['source']}: {item['detail']}", markup=False)
    if len(summary["set_aside_items"]) > 50:
        err.print(f"  ... and {len(summary['set_aside_items']) - 50} more (diaspora-watch status)")
    for item in summary["errors"]:
        err.print(f"  extraction failed for {item['doc_id']}: {item['error']} (stored; it stays pending)", markup=False)
