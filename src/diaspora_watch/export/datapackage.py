"""A Frictionless (Tabular) Data Package: ``datapackage.json`` plus three CSV resources.

``incidents.csv`` (the incidents-csv columns), ``events.csv`` (every event with its incident)
and ``sources.csv`` (incident, document, outlet, URL, published), each with a table schema:
types, descriptions, primary keys, and foreign keys from events and sources to incidents.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from diaspora_watch.export import csv_, records
from diaspora_watch.export.registry import exporter

EVENT_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("event", "string", "doc_id:seq, how people name an event"),
    ("incident", "string", "The incident it is a source of"),
    ("doc_id", "string", "The document it was coded from"),
    ("type", "string", "Codebook type"),
    ("subtype", "string", "Codebook subtype"),
    ("date", "string", "YYYY-MM-DD, YYYY-MM or YYYY"),
    ("country", "string", "ISO 3166-1 alpha-2"),
    ("admin1", "string", "ISO 3166-2"),
    ("place", "string", "Most precise place named"),
    ("group", "string", "Targeted groups, '; '-separated"),
    ("status", "string", "Legal status of the people targeted"),
    ("count", "integer", "People hit, as stated"),
    ("count_qualifier", "string", "exact, at_least or about"),
    ("fatalities", "integer", "Deaths caused"),
    ("actors", "string", "CC:AGENCY codes, '; '-separated"),
    ("persons", "string", "Named people, '; '-separated (withheld for alleged or undocumented events)"),
    ("certainty", "string", "reported, alleged or planned"),
    ("evidence", "string", "Supporting sentences as a JSON list"),
    ("claims", "string", "Attributed statements as a JSON list"),
)
SOURCE_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("incident", "string", "The incident"),
    ("doc_id", "string", "The reporting document"),
    ("outlet", "string", "Who published it"),
    ("url", "string", "Where"),
    ("published", "string", "When (YYYY-MM-DD or YYYY-MM)"),
    ("language", "string", "ISO 639-1"),
    ("date", "string", "The date this source gives"),
    ("certainty", "string", "How this source states it"),
)


def _schema(columns: tuple[tuple[str, str, str], ...], **keys: Any) -> dict[str, Any]:
    return {"fields": [{"name": n, "type": t, "description": d} for n, t, d in columns], "missingValues": [""], **keys}


def _fk(field: str) -> list[dict[str, Any]]:
    return [{"fields": field, "reference": {"resource": "incidents", "fields": "incident"}}]


def _event_row(e: dict[str, Any], key: str) -> dict[str, Any]:
    out = {name: e.get(name) for name, _, _ in EVENT_COLUMNS}
    out["event"] = key
    for name in ("group", "actors", "persons"):
        out[name] = "; ".join(e.get(name) or [])
    out["evidence"] = json.dumps(e.get("evidence") or [], ensure_ascii=False)
    out["claims"] = json.dumps(e.get("claims") or [], ensure_ascii=False)
    return {k: "" if v is None else v for k, v in out.items()}


def _write(folder: Path, name: str, columns: tuple[tuple[str, str, str], ...], rows: list[dict[str, Any]]) -> None:
    with (folder / f"{name}.csv").open("w", encoding="utf-8", newline="") as f:
        csv_.write_rows(f, [c[0] for c in columns], rows)


@exporter("datapackage", media_type="application/json", suffix="", directory=True)
def datapackage(store: Any, folder: Path, filters: dict[str, Any]) -> int:
    """A Frictionless Data Package folder: incidents, events and sources as CSV with table schemas."""
    incidents = records.incidents(store, filters)
    kept = {r["id"] for r in incidents}
    events = [_event_row(e, key) for key, e in records.keyed_events(store, filters) if e.get("incident") in kept]
    sources = [{"incident": r["id"], **{k: s.get(k) or "" for k, _, _ in SOURCE_COLUMNS if k != "incident"}}
               for r in incidents for s in r["sources"]]
    _write(folder, "incidents", csv_.COLUMNS, [csv_.row(r) for r in incidents])
    _write(folder, "events", EVENT_COLUMNS, events)
    _write(folder, "sources", SOURCE_COLUMNS, sources)
    package = {
        "profile": "tabular-data-package",
        "name": "diaspora-watch",
        "title": "diaspora-watch: legal pressure on diaspora and migrant communities",
        "description": "Incidents linked across outlets, their events and their sources. Codebook: codebook.md of the project.",
        "resources": [
            {"name": "incidents", "path": "incidents.csv", "profile": "tabular-data-resource", "format": "csv", "encoding": "utf-8",
             "schema": _schema(csv_.COLUMNS, primaryKey=["incident"])},
            {"name": "events", "path": "events.csv", "profile": "tabular-data-resource", "format": "csv", "encoding": "utf-8",
             "schema": _schema(EVENT_COLUMNS, primaryKey=["event"], foreignKeys=_fk("incident"))},
            {"name": "sources", "path": "sources.csv", "profile": "tabular-data-resource", "format": "csv", "encoding": "utf-8",
             "schema": _schema(SOURCE_COLUMNS, foreignKeys=_fk("incident"))},
        ],
    }
    (folder / "datapackage.json").write_text(json.dumps(package, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return len(incidents)
