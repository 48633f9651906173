"""``diaspora-watch status``: what the database holds and what the last runs did."""

from __future__ import annotations

import json

import typer
from rich.table import Table

from diaspora_watch.cli._common import DbOption, JsonOption, errors, open_store, out
from diaspora_watch.errors import SkipReason


def register(app: typer.Typer) -> None:
    app.command("status")(status_cli)


def status_cli(db: DbOption = None, as_json: JsonOption = False) -> None:
    """Counts of documents, duplicates, set-aside inputs, events and incidents, and the last runs.

    Example: diaspora-watch status --db sqlite:///dw.db
    """
    with errors(), open_store(db) as store:
        st = store.status()
    if as_json:
        out.print_json(json.dumps(st, ensure_ascii=False))
        return
    out.print(f"[bold]{st['database']}[/bold]")
    out.print(f"documents {st['documents']} (republications {st['republications']}, pending extraction {st['pending_extraction']}); "
              f"duplicates seen {st['duplicates_seen']}; events {st['events']}; incidents {st['incidents']}")
    labels = {r.value: r.label for r in SkipReason}
    for code, n in sorted(st["set_aside"].items()):
        out.print(f"set aside [{code}] {labels.get(code, code)}: {n}")
    table = Table("run", "command", "started", "state", "stored", "repub.", "dup.", "set aside")
    for r in st["runs"]:
        c = r["counts"] or {}
        table.add_row(str(r["id"]), r["command"], r["started"], r["state"], *(str(c.get(k, 0)) for k in ("stored", "republication", "duplicate", "set_aside")))
    out.print(table)
