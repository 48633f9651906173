"""Incidents as CSV: one row per incident, lists joined with "; ", the sources' outlets and URLs beside.

The same columns are the ``incidents`` resource of the Data Package, whose table schema
(``COLUMNS``) gives each column's type and meaning.
"""

from __future__ import annotations

import csv
import json
from typing import Any, TextIO

from diaspora_watch.export import records
from diaspora_watch.export.registry import exporter

#: (column, Frictionless type, description)
COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("incident", "string", "Stable incident id; a merged id keeps pointing to the incident it went into"),
    ("type", "string", "Codebook event type"),
    ("subtype", "string", "Codebook event subtype"),
    ("date", "string", "Best date: YYYY-MM-DD, YYYY-MM or YYYY"),
    ("time_precision", "integer", "1 day, 3 month (ACLED), 4 year only"),
    ("country", "string", "ISO 3166-1 alpha-2 of where it happened (acting state for policy and diplomatic)"),
    ("admin1", "string", "ISO 3166-2 region"),
    ("place", "string", "Most precise place named"),
    ("latitude", "number", "EPSG:4326"),
    ("longitude", "number", "EPSG:4326"),
    ("geo_precision", "integer", "ACLED: 1 town, 2 near a town, 3 region or country"),
    ("groups", "string", "Targeted groups by country of origin (ISO alpha-2), '; '-separated"),
    ("actors", "string", "Acting bodies as CC:AGENCY, '; '-separated"),
    ("persons", "string", "Named people, '; '-separated (withheld for alleged or undocumented events)"),
    ("status", "string", "Legal status of the people targeted"),
    ("certainty", "string", "reported, planned or alleged (the most certain source)"),
    ("count_low", "integer", "Lowest count of people hit over the sources"),
    ("count_best", "integer", "Count most sources give (lowest on a tie)"),
    ("count_high", "integer", "Highest count over the sources"),
    ("fatalities_low", "integer", "Lowest fatalities over the sources"),
    ("fatalities_best", "integer", "Fatalities most sources give (lowest on a tie)"),
    ("fatalities_high", "integer", "Highest fatalities over the sources"),
    ("n_sources", "integer", "Number of documents reporting it"),
    ("contested", "boolean", "Sources disagree on a figure or make conflicting claims"),
    ("outlets", "string", "Outlets of the sources, '; '-separated"),
    ("urls", "string", "URLs of the sources, '; '-separated"),
    ("claims", "string", "Attributed statements as JSON: by, text, doc_id, outlet, url"),
    ("first_seen", "string", "When the incident was first linked (UTC, ISO 8601)"),
    ("updated", "string", "When a source last joined or left (UTC, ISO 8601)"),
)
NAMES = [c[0] for c in COLUMNS]


def _join(values: list[Any]) -> str:
    seen: list[str] = []
    for v in values:
        if v and str(v) not in seen:
            seen.append(str(v))
    return "; ".join(seen)


def row(record: dict[str, Any]) -> dict[str, Any]:
    """An incident record as one flat CSV row."""
    out = {name: record.get(name) for name in NAMES if name in record}
    out["incident"] = record["id"]
    for name in ("groups", "actors", "persons"):
        out[name] = _join(record.get(name) or [])
    out["contested"] = "true" if record.get("contested") else "false"
    out["outlets"] = _join([s.get("outlet") for s in record["sources"]])
    out["urls"] = _join([s.get("url") for s in record["sources"]])
    out["claims"] = json.dumps(record.get("claims") or [], ensure_ascii=False) if record.get("claims") else ""
    return {name: "" if out.get(name) is None else out[name] for name in NAMES}


def write_rows(out: TextIO, names: list[str], rows: list[dict[str, Any]]) -> int:
    w = csv.DictWriter(out, fieldnames=names, lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    return len(rows)


@exporter("incidents-csv", media_type="text/csv", suffix=".csv")
def incidents_csv(store: Any, out: TextIO, filters: dict[str, Any]) -> int:
    """Incidents, one CSV row each, with their sources' outlets and URLs."""
    return write_rows(out, NAMES, [row(r) for r in records.incidents(store, filters)])
