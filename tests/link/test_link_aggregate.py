"""Incident fields from sources: best date, figure ranges, claims side by side."""

from __future__ import annotations

from diaspora_watch.link.aggregate import aggregate, best_date, figure_range, sources


def member(doc: str, **fields):
    return {"doc_id": doc, "type": "enforcement", "subtype": "death_in_custody", "country": "RU", "outlet": doc + ".example",
            "url": f"https://{doc}.example/a", "published": "2025-06-28", "group": ["AZ"], "actors": [], "persons": [],
            "claims": [], "evidence": [], "certainty": "reported", **fields}


def test_aggregate_best_date_prefers_precision_then_votes() -> None:
    assert best_date(["2025-06", "2025-06-28", "2025-06-27", "2025-06-27"]) == ("2025-06-27", 1)
    assert best_date(["2025-06", "2025"]) == ("2025-06", 3)
    assert best_date([None]) == (None, None)


def test_aggregate_figures_low_best_high() -> None:
    assert figure_range([50, 9, 50, 8]) == (8, 50, 50)
    assert figure_range([3, 5]) == (3, 3, 5)
    assert figure_range([None]) == (None, None, None)


def test_aggregate_keeps_conflicting_claims_with_their_sources() -> None:
    baku = member("baku", date="2025-06-27", fatalities=2, admin1="RU-SVE", place="Yekaterinburg",
                  claims=[{"by": "AZ:MFA", "text": "died of beatings by police"}], persons=["Huseyn Safarov"])
    moscow = member("moscow", date="2025-06-28", fatalities=2, admin1="RU-SVE",
                    claims=[{"by": "RU:SK", "text": "one died of heart failure"}], persons=["Guseyn Safarov", "Ziyaddin Safarov"])
    out = aggregate([baku, moscow])
    assert out["date"] == "2025-06-27" and out["time_precision"] == 1
    assert out["place"] == "Yekaterinburg" and out["geo_precision"] == 1
    assert out["fatalities_best"] == 2 and out["n_sources"] == 2
    by = {c["by"]: c for c in out["claims"]}
    assert by["AZ:MFA"]["doc_id"] == "baku" and by["RU:SK"]["url"] == "https://moscow.example/a"
    assert out["contested"] == 1
    assert {"Huseyn Safarov", "Ziyaddin Safarov"} <= set(out["persons"])
    assert [s["doc_id"] for s in sources([moscow, baku])] == ["baku", "moscow"]


def test_aggregate_country_level_is_geo_precision_3() -> None:
    out = aggregate([member("a", date="2025-07", type="diplomatic", subtype="advisory", country="AZ")])
    assert out["geo_precision"] == 3 and out["latitude"] is not None
    assert out["time_precision"] == 3 and out["contested"] == 0
