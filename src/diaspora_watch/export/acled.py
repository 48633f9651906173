"""Incidents in ACLED's CSV layout: its column names, date and precision rules, actor naming.

The mapping is data (``acled.yaml``) and is explained in ``docs/acled-mapping.md``. ACLED's
conventions kept: one row per incident (ACLED dedups reports into events); ``event_date`` is
the day, or the month's midpoint when only the month is known (time precision 3); incidents
known only to the year are left out, as ACLED leaves them out; fatalities are the lowest
figure the sources give (ACLED's conservative rule), 0 when none is given.
"""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache
from importlib import resources
from typing import Any, TextIO

import yaml

from diaspora_watch.export import records
from diaspora_watch.export.csv_ import write_rows
from diaspora_watch.export.registry import exporter

COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
]


@lru_cache(maxsize=1)
def mapping() -> dict[str, Any]:
    return yaml.safe_load((resources.files("diaspora_watch.export") / "acled.yaml").read_text(encoding="utf-8"))


@lru_cache(maxsize=256)
def country_name(cc: str | None) -> str:
    """Short English name ("Russia", not "Russian Federation"), as ACLED writes countries."""
    if not cc:
        return ""
    try:
        from diaspora_watch.extract.places import country_name as gazetteer_name

        if name := gazetteer_name(cc):
            return name
    except ImportError:
        pass
    import pycountry

    c = pycountry.countries.get(alpha_2=cc)
    return (getattr(c, "common_name", None) or c.name) if c else cc


def admin1_name(code: str | None) -> str:
    """English name of an ISO 3166-2 region ("RU-SVE" -> "Sverdlovsk Oblast"); the code when unknown."""
    if not code:
        return ""
    try:
        from diaspora_watch.extract.places import admin1_name as gazetteer_name

        return gazetteer_name(code) or code
    except ImportError:
        return code


def _iso_numeric(cc: str | None) -> str:
    import pycountry

    c = pycountry.countries.get(alpha_2=cc) if cc else None
    return str(int(c.numeric)) if c else ""


def actor(code: str) -> tuple[str, int]:
    """ACLED actor name and Inter code of a ``CC:AGENCY`` code.

    >>> actor("RU:FSB")
    ('Police Forces of Russia Federal Security Service', 1)
    """
    m = mapping()
    cc, _, agency = code.partition(":")
    if cc == "NGO":
        return agency.replace("_", " ").title(), int(m["ngo_inter"])
    name, inter = m["agencies"].get(agency, m["default_state_actor"])
    return name.format(country=country_name(cc)), int(inter)


def event_date(date: str) -> str:
    """ACLED's day for a date of our precision: a month's events go to its 15th."""
    return date if len(date) == 10 else f"{date}-15"


def _notes(r: dict[str, Any], location: str) -> str:
    what = r["subtype"].replace("_", " ")
    parts = [f"On {r['date']}, {what} in {location}"]
    if r.get("groups"):
        parts[0] += " concerning people from " + ", ".join(country_name(g) for g in r["groups"])
    if r.get("count_best") is not None:
        span = f" (sources give {r['count_low']}-{r['count_high']})" if r["count_low"] != r["count_high"] else ""
        parts.append(f"{r['count_best']} people{span}")
    if r.get("fatalities_high"):
        parts.append(f"fatalities reported {r['fatalities_low']}-{r['fatalities_high']}")
    return "; ".join(parts) + f". [incident {r['id']}; {r['n_sources']} sources]"


def row(r: dict[str, Any]) -> dict[str, Any]:
    """One incident as an ACLED row."""
    m = mapping()
    disorder, event_type, sub_event = m["subtypes"][r["subtype"]]
    actors = [actor(a) for a in r.get("actors") or []]
    actor1, inter1 = actors[0] if actors else ("", 0)
    country = country_name(r["country"])
    targets = r["type"] in m["targets_people"]
    actor2, inter2 = (f"Civilians ({country})", int(m["civilians_inter"])) if targets else ("", 0)
    assoc2 = "; ".join(f"{country_name(g)} Group ({country})" for g in r.get("groups") or []) if targets else ""
    location = r.get("place") or admin1_name(r.get("admin1")) or country
    codes = sorted(c for c in (inter1, inter2) if c)
    return {
        "event_id_cnty": r["id"], "event_date": event_date(r["date"]), "year": int(r["date"][:4]),
        "time_precision": r["time_precision"], "disorder_type": disorder, "event_type": event_type, "sub_event_type": sub_event,
        "actor1": actor1, "assoc_actor_1": "; ".join(a for a, _ in actors[1:]), "inter1": inter1 or "",
        "actor2": actor2, "assoc_actor_2": assoc2, "inter2": inter2 or "",
        "interaction": int("".join(map(str, codes)).ljust(2, "0")) if codes else "",
        "civilian_targeting": "Civilian targeting" if event_type == "Violence against civilians" else "",
        "iso": _iso_numeric(r["country"]), "region": m["regions"].get(r["country"], ""), "country": country,
        "admin1": admin1_name(r.get("admin1")), "admin2": "", "admin3": "", "location": location,
        "latitude": "" if r.get("latitude") is None else f"{r['latitude']:.4f}",
        "longitude": "" if r.get("longitude") is None else f"{r['longitude']:.4f}",
        "geo_precision": r.get("geo_precision") or "",
        "source": "; ".join(dict.fromkeys(s.get("outlet") or s["doc_id"] for s in r["sources"])), "source_scale": "",
        "notes": _notes(r, location), "fatalities": r.get("fatalities_low") or 0, "tags": "",
        "timestamp": int(datetime.fromisoformat(r["updated"]).timestamp()),
    }


@exporter("acled-csv", media_type="text/csv", suffix=".csv")
def acled_csv(store: Any, out: TextIO, filters: dict[str, Any]) -> int:
    """Incidents in ACLED's column layout (day- or month-precise incidents only)."""
    rows = [row(r) for r in records.incidents(store, filters) if r.get("date") and (r.get("time_precision") or 4) <= 3]
    return write_rows(out, COLUMNS, rows)
