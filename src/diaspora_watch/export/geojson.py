"""Incidents as a GeoJSON FeatureCollection (RFC 7946): a Point per located incident.

An incident with no coordinates keeps its feature with ``geometry: null``, which RFC 7946
allows, so a map and a table of the same export count the same incidents.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from diaspora_watch.export import records
from diaspora_watch.export.registry import exporter


def feature(record: dict[str, Any]) -> dict[str, Any]:
    """One incident as a Feature; its id is the incident id."""
    lat, lon = record.get("latitude"), record.get("longitude")
    geometry = {"type": "Point", "coordinates": [lon, lat]} if lat is not None and lon is not None else None
    props = {k: v for k, v in record.items() if k not in ("events", "latitude", "longitude", "id")}
    props["incident"] = record["id"]
    props["contested"] = bool(record.get("contested"))
    props["sources"] = [{k: s.get(k) for k in ("doc_id", "outlet", "url", "published", "date", "certainty")} for s in record["sources"]]
    return {"type": "Feature", "id": record["id"], "geometry": geometry, "properties": props}


@exporter("incidents-geojson", media_type="application/geo+json", suffix=".geojson")
def incidents_geojson(store: Any, out: TextIO, filters: dict[str, Any]) -> int:
    """Incidents as a GeoJSON FeatureCollection of points."""
    features = [feature(r) for r in records.incidents(store, filters)]
    json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False, indent=1)
    out.write("\n")
    return len(features)
