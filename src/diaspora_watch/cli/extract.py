"""``diaspora-watch extract``: re-extract stored documents, or explain how an event was extracted."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer
from rich.table import Table

from diaspora_watch.cli._common import DbOption, JsonOption, QuietOption, err, errors, open_store, out, progress_bar
from diaspora_watch.errors import UsageError


def register(app: typer.Typer) -> None:
    app.command("extract")(extract_cli)


def extract_cli(
    all_: Annotated[bool, typer.Option("--all", help="Re-extract every stored document not yet extracted by the current pipeline (resumable).")] = False,
    redo: Annotated[list[str] | None, typer.Option("--doc", help="Re-extract this document whatever its state (repeatable).")] = None,
    explain: Annotated[str | None, typer.Option("--explain", help="Show, per event and field, which component and which words produced it.", metavar="DOC_ID")] = None,
    db: DbOption = None,
    quiet: QuietOption = False,
    as_json: JsonOption = False,
) -> None:
    """Re-run extraction over stored documents, or explain one document's events.

    Example: diaspora-watch extract --all ; diaspora-watch extract --explain seed-002
    """
    from diaspora_watch.ingest import finish_pending
    from diaspora_watch.pipeline import Context, build

    with errors(), open_store(db) as store:
        if explain:
            _explain(store, explain, as_json)
            return
        if not all_ and not redo:
            raise UsageError("say --all, --doc DOC_ID or --explain DOC_ID")
        pipeline = build()
        run_id = store.start_run("extract", ["--all"] if all_ else list(redo or []))
        with progress_bar("extract", enabled=not quiet and not as_json and sys.stderr.isatty()) as bar:
            n = finish_pending(store, pipeline, Context(store=store), on_progress=bar, doc_ids=None if all_ else list(redo or []))
        store.finish_run(run_id, {"extracted": n})
    if as_json:
        out.print_json(json.dumps({"run": run_id, "extracted": n}))
    elif not quiet:
        out.print(f"run {run_id}: {n} documents extracted")


def _explain(store, doc_id: str, as_json: bool) -> None:
    events = list(store.events(doc_ids=[doc_id], explain=True))
    if not events and not store.document_ids(doc_ids=[doc_id]):
        raise UsageError(f"no stored document {doc_id!r}")
    if as_json:
        out.print_json(json.dumps(events, ensure_ascii=False))
        return
    if not events:
        out.print(f"{doc_id}: no events")
    for i, event in enumerate(events, 1):
        table = Table("field", "value", "component", "words", title=f"{doc_id} event {i}: {event['type']}/{event['subtype']}", title_justify="left")
        for field, why in (event.get("explain") or {}).items():
            value = event.get(field)
            table.add_row(field, json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value,
                          str(why.get("component", "")), str(why.get("text", ""))[:160])
        out.print(table)
        for sentence in event["evidence"]:
            err.print(f"  evidence: {sentence}", markup=False)
