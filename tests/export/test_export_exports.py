"""Every export format on the linked dev set: filters, the names rule, and format validity."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import feedparser
import pytest

from diaspora_watch.export import acled, formats, write_export, write_export_dir
from diaspora_watch.store import Store


def export(store: Store, fmt: str, **filters: Any) -> str:
    buf = io.StringIO()
    write_export(store, fmt, buf, filters)
    return buf.getvalue()


def jsonl(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines()]


def test_exports_all_formats_registered() -> None:
    assert {"events-jsonl", "incidents-csv", "incidents-geojson", "acled-csv", "datapackage", "atom"} <= set(formats())


def test_exports_names_withheld_for_alleged_events_unless_asked(linked_store: Store) -> None:
    hojiev = [e for e in jsonl(export(linked_store, "events-jsonl")) if e["doc_id"] == "d-025" and e["subtype"] == "deportation"]
    assert hojiev and hojiev[0]["persons"] == []
    assert not any("Hojiev" in s for s in hojiev[0]["evidence"]) and any("[name withheld]" in s for s in hojiev[0]["evidence"])
    named = [e for e in jsonl(export(linked_store, "events-jsonl", include_names=True)) if e["doc_id"] == "d-025" and e["subtype"] == "deportation"]
    assert named[0]["persons"] == ["Mansur Hojiev"]
    reported = [e for e in jsonl(export(linked_store, "events-jsonl")) if e["doc_id"] == "seed-003" and e["subtype"] == "citizenship_revocation"]
    assert any("Elshan Ibragimov" in e["persons"] for e in reported), "reported events keep names"
    for fmt in ("incidents-csv", "incidents-geojson", "atom"):
        assert "Hojiev" not in export(linked_store, fmt), fmt
        assert "Hojiev" in export(linked_store, fmt, include_names=True), fmt


def test_exports_filters(linked_store: Store) -> None:
    events = jsonl(export(linked_store, "events-jsonl", country="AZ", subtype=["raid", "protest"]))
    assert events and all(e["country"] == "AZ" and e["subtype"] in ("raid", "protest") for e in events)
    june = jsonl(export(linked_store, "events-jsonl", date_from="2025-06-27", date_to="2025-06-28", group="AZ"))
    assert june and all("AZ" in e["group"] and e["date"][:7] == "2025-06" for e in june)
    assert any(e["date"] == "2025-06" for e in june), "a month-precise event overlaps the range"
    # Russian morphology: the query's form appears nowhere; the documents say азербайджанцев/азербайджанцы
    russian = jsonl(export(linked_store, "events-jsonl", text="азербайджанец"))
    assert russian and {e["doc_id"] for e in russian} & {"d-010", "d-013", "d-088", "d-105", "d-106"}
    rows = list(csv.DictReader(io.StringIO(export(linked_store, "incidents-csv", admin1="RU-SVE"))))
    assert rows and all(r["admin1"] == "RU-SVE" for r in rows)
    assert export(linked_store, "events-jsonl", status="citizen", country="KZ") == ""


def test_exports_incidents_csv_one_row_per_incident(linked_store: Store) -> None:
    events = jsonl(export(linked_store, "events-jsonl"))
    rows = list(csv.DictReader(io.StringIO(export(linked_store, "incidents-csv"))))
    assert len(rows) == len({e["incident"] for e in events})
    deaths = next(r for r in rows if r["incident"].startswith("ru-death-in-custody-2025-06-ru-sve"))
    assert int(deaths["n_sources"]) >= 5 and deaths["fatalities_best"] == "2" and deaths["geo_precision"] == "1"
    assert len(deaths["urls"].split("; ")) >= 5


def _check_geojson(doc: dict[str, Any]) -> None:
    """RFC 7946: a FeatureCollection of Features with Point geometry [lon, lat] or null."""
    assert doc["type"] == "FeatureCollection" and isinstance(doc["features"], list)
    for f in doc["features"]:
        assert f["type"] == "Feature" and isinstance(f["properties"], dict) and isinstance(f["id"], str)
        g = f["geometry"]
        if g is not None:
            lon, lat = g["coordinates"]
            assert g["type"] == "Point" and -180 <= lon <= 180 and -90 <= lat <= 90


def test_exports_geojson_is_a_valid_feature_collection(linked_store: Store) -> None:
    doc = json.loads(export(linked_store, "incidents-geojson"))
    _check_geojson(doc)
    located = [f for f in doc["features"] if f["geometry"]]
    assert len(located) == len(doc["features"]) > 50
    yek = next(f for f in located if f["properties"]["place"] == "Yekaterinburg")
    assert yek["geometry"]["coordinates"][0] == pytest.approx(60.6, abs=0.1)
    with pytest.raises(AssertionError):
        _check_geojson({"type": "FeatureCollection", "features": [{"type": "Feature", "id": "x", "properties": {},
                                                                   "geometry": {"type": "Point", "coordinates": [56.8, 160.6]}}]})


def test_exports_acled_columns_and_conventions(linked_store: Store) -> None:
    rows = list(csv.DictReader(io.StringIO(export(linked_store, "acled-csv"))))
    assert list(rows[0]) == acled.COLUMNS
    assert all(len(r["event_date"]) == 10 and r["time_precision"] in ("1", "3") and r["geo_precision"] in ("1", "2", "3") for r in rows)
    incidents = list(csv.DictReader(io.StringIO(export(linked_store, "incidents-csv"))))
    assert len(rows) == sum(1 for r in incidents if r["time_precision"] != "4"), "year-only incidents are left out, as ACLED does"
    deaths = next(r for r in rows if r["event_id_cnty"].startswith("ru-death-in-custody-2025-06"))
    assert (deaths["event_type"], deaths["sub_event_type"], deaths["civilian_targeting"]) == ("Violence against civilians", "Attack", "Civilian targeting")
    assert (deaths["country"], deaths["iso"], deaths["region"], deaths["fatalities"]) == ("Russia", "643", "Europe", "2")
    assert deaths["actor2"] == "Civilians (Russia)" and "Azerbaijan" in deaths["assoc_actor_2"]
    detention = next(r for r in rows if r["event_id_cnty"].startswith("ru-detention-2025-06-ru-sve"))
    assert detention["sub_event_type"] == "Arrests" and detention["inter1"] == "1" and detention["interaction"] == "17"


def test_exports_datapackage_validates_with_frictionless(linked_store: Store, tmp_path: Path) -> None:
    frictionless = pytest.importorskip("frictionless")
    folder = tmp_path / "dp"
    n = write_export_dir(linked_store, "datapackage", folder, {"group": "AZ"})
    assert n > 5 and sorted(p.name for p in folder.iterdir()) == ["datapackage.json", "events.csv", "incidents.csv", "sources.csv"]
    report = frictionless.validate(str(folder / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:5]
    # the check can fail: an event pointing at no incident breaks the foreign key
    events = (folder / "events.csv").read_text(encoding="utf-8").splitlines()
    head, first = events[0], next(csv.DictReader(io.StringIO("\n".join(events[:2]))))
    broken = {**first, "incident": "no-such-incident"}
    with (folder / "events.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=head.split(","), lineterminator="\n")
        w.writeheader()
        w.writerow(broken)
    assert not frictionless.validate(str(folder / "datapackage.json")).valid


def test_exports_atom_feed_parses_and_keeps_ids(linked_store: Store) -> None:
    feed = feedparser.parse(export(linked_store, "atom", country="RU", subtype="detention").encode("utf-8"))
    assert not feed.bozo, feed.bozo_exception
    ids = [e.id for e in feed.entries]
    assert ids and all(i.startswith("urn:diaspora-watch:incident:ru-detention-") for i in ids)
    dates = [e.title.rsplit(", ", 1)[1] for e in feed.entries]
    assert dates == sorted(dates, reverse=True), "newest first"
    assert all(e.link.startswith("http") for e in feed.entries)
    again = feedparser.parse(export(linked_store, "atom", country="RU", subtype="detention").encode("utf-8"))
    assert [e.id for e in again.entries] == ids
