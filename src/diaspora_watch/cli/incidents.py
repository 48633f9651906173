"""``diaspora-watch incidents``: list, show, and correct incident linking by hand (merge, split)."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from diaspora_watch.cli._common import DbOption, JsonOption, errors, open_store, out
from diaspora_watch.errors import UsageError

app = typer.Typer(help="Incidents: the happenings behind events from many outlets.", no_args_is_help=True)

ByOption = Annotated[str, typer.Option("--by", help="Who makes the correction (kept in the merge history).")]
WhyOption = Annotated[str, typer.Option("--why", help="Why (kept in the merge history).")]


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="incidents")


@app.command("list")
def list_cli(
    db: DbOption = None,
    subtype: Annotated[str | None, typer.Option("--subtype", help="Only this subtype, e.g. detention.")] = None,
    country: Annotated[str | None, typer.Option("--country", help="Only this country (ISO alpha-2), e.g. RU.")] = None,
    as_json: JsonOption = False,
) -> None:
    """List incidents, oldest first, with their number of sources.

    Example: diaspora-watch incidents list --subtype detention --country RU
    """
    from diaspora_watch.export import records

    with errors(), open_store(db) as store:
        found = records.incidents(store, {"subtype": subtype, "country": country})
    if as_json:
        out.print_json(json.dumps([{k: r[k] for k in ("id", "subtype", "date", "country", "admin1", "place", "n_sources")} for r in found]))
        return
    for r in found:
        where = r["place"] or r["admin1"] or r["country"] or ""
        out.print(f"{r['id']}  {r['date'] or '-'}  {where}  {r['n_sources']} source(s)", markup=False)


@app.command("show")
def show_cli(
    incident: Annotated[str, typer.Argument(help="Incident id (a merged id shows the incident it went into).")],
    db: DbOption = None,
    include_names: Annotated[bool, typer.Option("--include-names", help="Show names withheld for alleged or undocumented events.")] = False,
) -> None:
    """Show one incident as JSON: fields, sources, claims, events and its correction history.

    Example: diaspora-watch incidents show ru-detention-2025-06-ru-sve-1a2b3c
    """
    from diaspora_watch.export import records
    from diaspora_watch.link.corrections import history

    with errors(), open_store(db) as store:
        found = records.incident(store, incident, include_names=include_names)
        if found is None:
            raise UsageError(f"no incident {incident!r}; see `diaspora-watch incidents list`")
        with store.transaction() as s:
            found["history"] = history(s, found["id"])
    out.print_json(json.dumps(found, ensure_ascii=False))


@app.command("merge")
def merge_cli(
    a: Annotated[str, typer.Argument(help="The incident that stays.")],
    b: Annotated[str, typer.Argument(help="The incident folded into A; its id stays as an alias of A.")],
    by: ByOption,
    why: WhyOption,
    db: DbOption = None,
) -> None:
    """Merge incident B into A (same subtype), recorded in the merge history.

    Example: diaspora-watch incidents merge ru-raid-2025-06-ru-sve-1a2b3c ru-raid-2025-06-4d5e6f --by anna --why "same raid"
    """
    from diaspora_watch.link.corrections import merge

    with errors(), open_store(db) as store, store.transaction() as s:
        kept = merge(s, a, b, by=by, why=why)
    out.print(f"merged {b} into {kept}", markup=False)


@app.command("split")
def split_cli(
    incident: Annotated[str, typer.Argument(help="The incident to split.")],
    events: Annotated[str, typer.Option("--events", help="Events to move out, as doc_id:seq, comma-separated (see `incidents show`).")],
    by: ByOption,
    why: WhyOption,
    db: DbOption = None,
) -> None:
    """Move some events of an incident into a new incident, recorded in the merge history.

    Example: diaspora-watch incidents split ru-detention-2025-07-ru-mow-1a2b3c --events d-035:2,seed-002:0 --by anna --why "two cities"
    """
    from diaspora_watch.link.corrections import split

    keys = [k.strip() for k in events.split(",") if k.strip()]
    with errors(), open_store(db) as store, store.transaction() as s:
        new_id = split(s, incident, keys, by=by, why=why)
    out.print(f"moved {len(keys)} event(s) to {new_id}", markup=False)
